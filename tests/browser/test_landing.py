"""The landing page's first screen leads to the flagship quiz; a local build works from disk."""

from __future__ import annotations

import math

import pytest
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.build import ROOT, pelican_command
from tests.support.landing import build_coached_site
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


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_promise_and_its_button_fill_the_first_screen_on_a_phone(browser, site_url, lang):
    """At 375 × 812 the visitor reads what the flagship quiz tells (with its real length) and
    sees the button to it, without scrolling."""
    questions = len(load_rulebook(ROOT / "content" / "rules").quizzes["kundenfit"].rules)
    minutes = math.ceil(questions * 15 / 60)
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(site_url + ("en/" if lang == "en" else ""))
    promise = page.locator("main h1")
    words = {"de": f"In {minutes} Minuten weißt du", "en": f"In {minutes} minutes you’ll know"}[lang]
    assert promise.inner_text().startswith(words)
    for element in (promise, page.locator("main a[data-flagship]")):
        box = element.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 812, box
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 375, "nothing sticks out sideways on a phone"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_start_button_opens_its_quiz(browser, site_url, page, lang):
    home = site_url + ("en/" if lang == "en" else "")
    page.goto(home)
    buttons = page.locator("#quizze .card a.button")
    count = buttons.count()
    assert count == len(load_rulebook(ROOT / "content" / "rules").quizzes)
    for index in range(count):
        page.goto(home)
        button = page.locator("#quizze .card a.button").nth(index)
        title = page.locator("#quizze .card h3").nth(index).inner_text()
        assert title in button.evaluate("a => a.textContent"), "the button names its quiz to a screen reader"
        button.click()
        page.wait_for_load_state()
        assert page.locator("main h1").inner_text() == title
        assert page.locator("[data-kf-quiz]").count() == 1


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_404_page_leads_to_the_flagship_quiz(browser, site_url, page, lang):
    page.goto(site_url + ("en/" if lang == "en" else "") + "404.html")
    page.locator("main a[data-flagship]").click()
    page.wait_for_url(site_url + ("en/" if lang == "en" else "") + "quiz/kundenfit/")
    assert page.locator("[data-kf-quiz=kundenfit]").count() == 1


@pytest.fixture(scope="module")
def coached_url(tmp_path_factory):
    """The site with the coach's testimonials, photo and e-mail, served on its own port."""
    port = free_port()
    folder = tmp_path_factory.mktemp("coached")
    result = build_coached_site(folder, f"http://127.0.0.1:{port}")
    assert result.returncode == 0, result.stderr
    server = StaticServer(folder / "output", port)
    yield f"http://127.0.0.1:{port}/"
    server.stop()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_filled_landing_page_passes_axe_in_both_schemes(browser, coached_url, scheme, lang):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 375, "height": 812}, color_scheme=scheme)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(coached_url + ("en/" if lang == "en" else ""), wait_until="load")
    quotes = page.locator(".testimonials blockquote")
    photo = page.locator(".coach img")
    assert quotes.count() == 1 and quotes.first.is_visible()
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 192
    violations = Axe().run(page).response["violations"]
    context.close()
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []
    assert all(url.startswith(coached_url) for url in requests), "no request to another host"
