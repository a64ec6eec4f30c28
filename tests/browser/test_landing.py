"""The landing page's first screen leads to the flagship quiz; a local build works from disk."""

from __future__ import annotations

import math

import pytest
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.build import ROOT, pelican_command
from tests.support.quiz import answer_steps
from tests.support.server import StaticServer, free_port

pytestmark = pytest.mark.browser

SCREENS = [(375, 812), (1280, 800)]


@pytest.mark.parametrize("width,height", SCREENS)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_flagship_quiz_link_in_the_first_screen(browser, site_url, lang, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(site_url + ("en/" if lang == "en" else ""))
    links = page.locator("main a[href$='quiz/kundenfit/']")
    boxes = [box for box in (link.bounding_box() for link in links.all()) if box]
    context.close()
    in_first_screen = [box for box in boxes if box["y"] >= 0 and box["y"] + box["height"] <= height]
    assert in_first_screen, f"no link to the flagship quiz within {width}×{height}: {boxes}"
    bottom = in_first_screen[0]["y"] + in_first_screen[0]["height"]
    print(f"{lang} {width}x{height}: flagship link bottom at {bottom:.0f} px")


def test_cards_start_with_the_flagship_and_say_their_length(browser, site_url, page):
    page.goto(site_url)
    first = page.locator("#quizze .card").first
    assert first.locator("a").get_attribute("href").endswith("quiz/kundenfit/")
    questions = len(load_rulebook(ROOT / "content" / "rules").quizzes["kundenfit"].rules)
    minutes = math.ceil(questions * 15 / 60)  # about 15 seconds a question
    assert f"{questions} Fragen, {minutes} Minuten" in first.inner_text()
    page.goto(site_url + "en/")
    assert f"{questions} questions, {minutes} minutes" in page.locator("#quizze .card").first.inner_text()


@pytest.fixture(scope="module")
def local_build(tmp_path_factory):
    """`make html`'s settings as committed: relative addresses, no SITEURL."""
    import subprocess

    out = tmp_path_factory.mktemp("local") / "output"
    command = pelican_command(out, "")
    command = command[: command.index("-e")]  # no overrides: pelican.conf.py as committed
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return out


def test_local_build_works_from_disk(browser, local_build, page):
    for html in local_build.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "localhost" not in text, html
    # Links end in a folder ("quiz/kundenfit/"), which a browser opens from disk as a listing;
    # the page itself, opened from disk, finds its CSS and JS through relative addresses.
    page.goto((local_build / "index.html").as_uri())
    assert page.locator("main a[href='./quiz/kundenfit/']").count() >= 1
    page.goto((local_build / "quiz" / "kundenfit" / "index.html").as_uri())
    quiz = page.locator("[data-kf-quiz=kundenfit]")
    count = quiz.locator("fieldset.kf-question").count()
    assert count == len(load_rulebook(ROOT / "content" / "rules").quizzes["kundenfit"].rules)
    answer_steps(quiz, "kundenfit", [0] * count)
    page.get_by_role("button", name="Auswerten").click()
    page.locator("[data-kf-result]").wait_for(state="visible")
    assert page.locator("[data-kf-local-build]").count() == 1, "the embed code is marked as local build"
    page.goto((local_build / "en" / "impressum" / "index.html").as_uri())
    assert page.locator("link[rel=stylesheet]").evaluate("l => l.sheet !== null")
    assert "Platzhalter" not in page.locator("main").inner_text()


def test_local_build_works_on_a_server(browser, local_build, page):
    """Relative addresses also hold on a server: landing → flagship quiz → result → English."""
    port = free_port()
    server = StaticServer(local_build, port)
    try:
        page.goto(f"http://127.0.0.1:{port}/")
        page.locator("main a[data-flagship]").click()
        page.wait_for_url(f"http://127.0.0.1:{port}/quiz/kundenfit/")
        quiz = page.locator("[data-kf-quiz=kundenfit]")
        answer_steps(quiz, "kundenfit", [0] * quiz.locator("fieldset.kf-question").count())
        page.get_by_role("button", name="Auswerten").click()
        page.locator("[data-kf-result]").wait_for(state="visible")
        page.get_by_role("link", name="English").click()
        page.wait_for_url(f"http://127.0.0.1:{port}/en/quiz/kundenfit/")
        assert page.locator("[data-kf-quiz=kundenfit][data-kf-ready]").count() == 1, "the runtime runs"
    finally:
        server.stop()
