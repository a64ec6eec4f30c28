"""The landing page's first screen leads to the flagship quiz, on a phone and on a laptop."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", [(375, 812), (1280, 800)], ids=["phone", "laptop"])
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["de", "en"])
def test_a_link_to_the_flagship_quiz_is_in_the_first_screen(browser, site_url, size, prefix):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(site_url + prefix)
        links = page.locator(f'main a[href$="/{prefix}quiz/kundenfit/"]')
        first = links.first
        box = first.bounding_box()
        assert box is not None, "no link to the flagship quiz"
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"the link starts at {box['y']} px"
        assert first.is_visible()
        # The flagship quiz is also the first card.
        first_card = page.locator("#quizze .card a").first.get_attribute("href")
        assert first_card.endswith(f"/{prefix}quiz/kundenfit/")
    finally:
        context.close()
