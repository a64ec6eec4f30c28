"""The second brand (tests/support/brands.py: purple and orange, DejaVu Serif) passes axe on every
kind of page in both languages, in the light and the dark scheme, and so does the quiz's result:
the build's contrast check and computed dark colours hold in the browser, not only on paper."""

from __future__ import annotations

import pytest
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.brands import FONT, PRIMARY, second_brand_overrides
from tests.support.build import ROOT, build_site
from tests.support.checks import PAGE_KINDS, page_url
from tests.support.quiz import answer_steps
from tests.support.server import StaticServer, free_port

pytestmark = pytest.mark.browser

QUIZ = "kundenfit"


@pytest.fixture(scope="module")
def branded_origin(tmp_path_factory):
    if not FONT.is_file():
        pytest.skip(f"{FONT} is missing (apt-get install fonts-dejavu-core)")
    folder = tmp_path_factory.mktemp("second-brand")
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    output = folder / "output"
    result = build_site(output, origin, second_brand_overrides(folder))
    assert result.returncode == 0, result.stderr
    server = StaticServer(output, port)
    yield output, origin
    server.stop()


def violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes']][:3]}"
        for v in Axe().run(page).response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_kind_and_the_result_pass_axe_with_the_second_brand(browser, branded_origin, scheme):
    site, origin = branded_origin
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    try:
        for rel in PAGE_KINDS.values():
            for prefix in ("", "en/"):
                page.goto(page_url(site, site / prefix / rel, origin), wait_until="load")
                problems += violations(page)
        page.goto(f"{origin}/", wait_until="load")
        assert "DejaVu Serif" in page.evaluate("getComputedStyle(document.body).fontFamily")
        primary = page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--kf-brand-primary')"
        )
        assert (primary.strip() == PRIMARY) == (scheme == "light"), primary  # dark: its lighter variant
        rules = load_rulebook(ROOT / "content" / "rules").quizzes[QUIZ].rules
        page.goto(f"{origin}/quiz/{QUIZ}/", wait_until="load")
        answer_steps(page, QUIZ, [len(r.answers) // 2 for r in rules])
        page.locator("[data-kf-submit]").click()
        page.locator("[data-kf-result]").wait_for(state="visible")
        problems += violations(page)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
