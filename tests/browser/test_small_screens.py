"""Every page fits a 320 px wide phone screen: nothing forces sideways scrolling."""

from __future__ import annotations

import pytest

from tests.support.checks import html_files, page_url

pytestmark = pytest.mark.browser


def test_no_page_scrolls_sideways_at_320_px(browser, site_dir, site_url, site_origin):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = []
    for file in html_files(site_dir):
        url = page_url(site_dir, file, site_origin)
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append(f"{url}: {width} px")
    context.close()
    assert too_wide == []
