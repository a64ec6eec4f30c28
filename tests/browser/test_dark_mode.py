"""Dark mode follows the system: with prefers-color-scheme: dark the site, the quiz (also its
result) and the checklist turn dark, and axe finds no violation (contrast included) on them.

The embed page stays light: it sits in other people's pages, whose scheme it cannot know.
"""

from __future__ import annotations

import pytest
from pelican.plugins.kundenfit import brand
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.build import ROOT
from tests.support.quiz import answer_steps

pytestmark = pytest.mark.browser

BOOK = load_rulebook(ROOT / "content" / "rules")
PAGES = [
    "",
    "en/",
    "artikel/nein-als-segen/",
    "quiz/kundenfit/",
    "checkliste/kundenpflege-krise/",
    "en/checkliste/vor-dem-auftrag/",
]


@pytest.fixture
def dark_page(browser):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def background(page, selector: str = "body") -> str:
    return page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).backgroundColor")


def rgb(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def test_pages_turn_dark_and_axe_finds_nothing(dark_page, site_url):
    problems = []
    for path in PAGES:
        dark_page.goto(f"{site_url}{path}", wait_until="load")
        assert dark_page.evaluate("getComputedStyle(document.documentElement).backgroundColor") == rgb(
            brand.PAPER["dark"]
        ), f"{path}: not dark"
        problems += violations(dark_page)
    assert problems == [], "\n".join(problems)


def test_quiz_result_in_dark_mode(dark_page, site_url):
    quiz = BOOK.quizzes["kontakt"]
    dark_page.goto(f"{site_url}quiz/kontakt/", wait_until="load")
    answer_steps(dark_page, "kontakt", [0] * len(quiz.rules))
    dark_page.locator("[data-kf-submit]").click()
    dark_page.locator(".kf-result").wait_for(state="visible")
    assert background(dark_page, ".kf-quiz") == rgb(brand.PAPER["dark"])
    assert violations(dark_page) == []


def test_embed_page_stays_light(dark_page, site_url):
    dark_page.goto(f"{site_url}embed/kundenfit/", wait_until="load")
    assert dark_page.evaluate("getComputedStyle(document.documentElement).backgroundColor") == rgb("#ffffff")
    assert violations(dark_page) == []
