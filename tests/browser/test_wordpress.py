"""A quiz in a real WordPress (Debian's wordpress, mariadb-server, apache2), in Chromium.

Two posts on a WordPress on 127.0.0.1: one by an administrator holding the loader snippet copied
from the quiz page, one by an author (no `unfiltered_html`: WordPress strips <script> and
<iframe>) holding only the quiz page's address on a line of its own, which WordPress turns into
the quiz through oEmbed discovery (oembed.py) and sizes with its own wp-embed.js. The Kundenfit
site is the session's build, served on another loopback port that WordPress fetches from (see
tests/support/wordpress.py for the test-only mu-plugin that allows that).

Skipped when the Debian packages are missing, unless REQUIRE_BROWSER=1 (CI installs them).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.server import free_port
from tests.support.wordpress import WordPress, missing

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
QUIZ = load_rulebook(ROOT / "content" / "rules").quizzes["kundenfit"]
FRAMES = {"admin": "[data-kundenfit-embed] iframe", "author": "iframe.wp-embedded-content"}
LISTENER = (
    "window.kfResults = [];"
    "document.addEventListener('kundenfit:result', (e) => window.kfResults.push(e.detail));"
)


@pytest.fixture(scope="module")
def wordpress(browser, site_url, site_port):
    """WordPress with the two posts: {'admin': url, 'author': url}, and the WordPress itself."""
    reason = missing()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    context = browser.new_context()
    snippet = context.new_page()
    snippet.goto(f"{site_url}quiz/kundenfit/")
    code = snippet.locator('textarea[data-kf-embed-code="script"]').input_value()
    context.close()
    wp = WordPress(free_port(), site_port)
    try:
        address = f"{site_url}quiz/kundenfit/"  # on a line of its own, as an author pastes it
        posts = {
            "admin": wp.post("admin", "Mit Skript", f"Mach den Test:\n\n{code}\n\nViel Erfolg!"),
            "author": wp.post("autorin", "Mit Adresse", f"Mach den Test:\n\n{address}\n\nViel Erfolg!"),
        }
        yield posts, wp
    finally:
        wp.stop()


def test_the_author_may_not_post_scripts_or_iframes(wordpress):
    """Why the oEmbed way exists: WordPress strips them from an author's post."""
    _, wp = wordpress
    wp.post("autorin", "Versuch", "<div><iframe src='x'></iframe><script>alert(1)</script></div>")
    assert "<script" not in wp.saved["Versuch"] and "<iframe" not in wp.saved["Versuch"]


def in_view(page, locator) -> dict | None:
    """The element's box on the top page's screen when it lies wholly inside it, else None."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box if box and box["y"] >= 0 and box["y"] + box["height"] <= height else None


def wait_in_view(page, locator, what: str) -> dict:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        box = in_view(page, locator)
        if box:
            return box
        time.sleep(0.1)
    pytest.fail(f"{what} is not in view: {locator.bounding_box()} in {page.viewport_size}")


@pytest.mark.parametrize("viewport", [(375, 812), (1280, 800)], ids=["phone", "desktop"])
@pytest.mark.parametrize("post", ["admin", "author"])
def test_quiz_in_a_wordpress_post(browser, wordpress, site_origin, post, viewport):
    posts, wp = wordpress
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        hosts = set()
        page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
        page.add_init_script(LISTENER)
        page.goto(posts[post])
        frame = page.frame_locator(FRAMES[post])
        frame.locator("#kf-kundenfit-q1").wait_for(state="visible")
        if post == "author":  # wp-embed.js showed the iframe (it hides it until our first message)
            page.wait_for_function(
                "!document.querySelector('iframe.wp-embedded-content').hasAttribute('style')"
            )
        answers = [(n * 7) % len(rule.answers) for n, rule in enumerate(QUIZ.rules)]
        for number, index in enumerate(answers, start=1):
            legend = frame.locator(f"#kf-kundenfit-q{number} legend")
            if number > 1:  # after moving on by itself, the new question is on the screen
                wait_in_view(page, legend, f"question {number}")
                assert legend.evaluate("(el) => document.activeElement === el")
            frame.locator(f"label[for='kf-kundenfit-q{number}-a{index}']").click()
        frame.locator("[data-kf-submit]").click()
        heading = frame.locator("[data-kf-result-heading]")
        heading.wait_for(state="visible")
        box = wait_in_view(page, heading, f"the result heading ({post}, {viewport})")
        assert heading.evaluate("(el) => document.activeElement === el")
        want = score(QUIZ, answers).outcome
        assert frame.locator(f'[data-kf-outcome="{want}"]').is_visible()
        time.sleep(0.5)  # a second event, or a late scroll, would come now
        assert in_view(page, heading), "the result stays in view"
        if post == "admin":
            assert page.evaluate("window.kfResults") == [{"quiz": "kundenfit", "outcome": want, "lang": "de"}]
        allowed = {urlsplit(wp.url).netloc, urlsplit(site_origin).netloc}
        assert hosts <= allowed, f"requests to other hosts: {hosts - allowed}"
        print(f"{post} {viewport[0]}x{viewport[1]}: result heading at y={box['y']:.0f} px")
    finally:
        context.close()
