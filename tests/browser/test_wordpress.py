"""A quiz in a real WordPress (Debian's wordpress, mariadb-server, apache2), in Chromium.

Five posts on a WordPress on 127.0.0.1: one by an administrator holding the loader snippet
copied from the quiz page; three by an author (no `unfiltered_html`: WordPress strips <script>
and <iframe>) holding only the quiz page's address (on a line of its own, in a paragraph block,
in an embed block), which WordPress turns into the quiz through oEmbed discovery (oembed.py) and
sizes with its own wp-embed.js; and one by an administrator holding the plain iframe snippet in
a "Custom HTML" block. Each is shown in
Twenty Twenty-One and in Twenty Twenty-Three, the default theme of the WordPress 6.1 Debian
ships: the quiz must sit in the post's text column (the paragraph before it is the measure) and
a jump inside the quiz (the error summary's link) must bring the question into view. The one
exception is the address typed into a paragraph block: there the quiz must sit exactly where
WordPress puts its own post embed in the same place (the post OWN holds the address of another
post of the same WordPress in a paragraph block). The Kundenfit site is the session's build,
served on another loopback port that WordPress fetches from (see tests/support/wordpress.py for
the test-only mu-plugin that allows that).

Skipped when the Debian packages are missing, unless REQUIRE_BROWSER=1 (CI installs them).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pelican.plugins.kundenfit.outputs.oembed import HEIGHT
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.quiz import answer_steps
from tests.support.server import free_port
from tests.support.wordpress import THEMES, WordPress, missing

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
QUIZ = load_rulebook(ROOT / "content" / "rules").quizzes["kundenfit"]
FRAMES = {
    "admin": "[data-kundenfit-embed] iframe",
    "author": "iframe.wp-embedded-content",
    "paragraph": "iframe.wp-embedded-content",
    "block": "iframe.wp-embedded-content",
    "iframe": "iframe[src*='/embed/kundenfit/']:not(.wp-embedded-content)",
}
OWN = "wordpress-paragraph"  # WordPress's own post embed typed into a paragraph (not a quiz)
LISTENER = (
    "window.kfResults = [];"
    "document.addEventListener('kundenfit:result', (e) => window.kfResults.push(e.detail));"
)


def paragraph(html: str) -> str:
    return f"<!-- wp:paragraph -->\n<p>{html}</p>\n<!-- /wp:paragraph -->"


def blocks(middle: str) -> str:
    """A post as the block editor saves it: a paragraph, the block `middle`, a paragraph."""
    return "\n\n".join((paragraph("Mach den Test:"), middle, paragraph("Viel Erfolg!")))


@pytest.fixture(scope="module")
def wordpress_site(browser, site_url, site_port):
    """WordPress with one post per way of embedding (FRAMES): ({kind: url}, WordPress)."""
    reason = missing()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    context = browser.new_context()
    snippet = context.new_page()
    snippet.goto(f"{site_url}quiz/kundenfit/")
    code = snippet.locator('textarea[data-kf-embed-code="script"]').input_value()
    iframe = snippet.locator('textarea[data-kf-embed-code="iframe"]').input_value()
    context.close()
    wp = WordPress(free_port(), site_port)
    try:
        address = f"{site_url}quiz/kundenfit/"  # on a line of its own, as an author pastes it
        posts = {
            "admin": wp.post("admin", "Mit Skript", f"Mach den Test:\n\n{code}\n\nViel Erfolg!"),
            "author": wp.post("autorin", "Mit Adresse", f"Mach den Test:\n\n{address}\n\nViel Erfolg!"),
            # The address in a paragraph block, and in the block editor's embed block.
            "paragraph": wp.post("autorin", "Im Absatz", blocks(paragraph(address))),
            "block": wp.post(
                "autorin",
                "Als Einbettung",
                blocks(
                    f'<!-- wp:embed {{"url":"{address}","type":"rich"}} -->\n'
                    '<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">\n'
                    f"{address}\n</div></figure>\n<!-- /wp:embed -->"
                ),
            ),
            # The block editor's "Custom HTML" block, as docs/embedding.md tells the coach.
            "iframe": wp.post(
                "admin", "Mit iframe", blocks(f"<!-- wp:html -->\n{iframe}\n<!-- /wp:html -->")
            ),
        }
        # WordPress's own post embed (the same blockquote + iframe, get_post_embed_html) in the
        # same place: the address of another post of this WordPress typed into a paragraph block.
        other = wp.post("autorin", "Ein anderer Beitrag", paragraph("Ein Beitrag zum Einbetten."))
        posts[OWN] = wp.post("autorin", "WordPress im Absatz", blocks(paragraph(other)))
        yield posts, wp
    finally:
        wp.stop()


@pytest.fixture(scope="module", params=THEMES)
def wordpress(request, wordpress_site):
    """The posts and the WordPress, shown in each theme in turn."""
    posts, wp = wordpress_site
    wp.use_theme(request.param)
    return posts, wp


def test_the_author_may_not_post_scripts_or_iframes(wordpress_site):
    """Why the oEmbed way exists: WordPress strips them from an author's post."""
    _, wp = wordpress_site
    wp.post("autorin", "Versuch", "<div><iframe src='x'></iframe><script>alert(1)</script></div>")
    assert "<script" not in wp.saved["Versuch"] and "<iframe" not in wp.saved["Versuch"]


def in_view(page, locator, frame=None) -> dict | None:
    """The element's box on the top page's screen when it lies wholly inside it (and inside the
    visible part of its iframe `frame`, a locator on the top page), else None."""
    box = locator.bounding_box()
    top, bottom = 0, page.viewport_size["height"]
    if frame is not None:
        outer = frame.bounding_box()
        top, bottom = max(top, outer["y"]), min(bottom, outer["y"] + outer["height"])
    return box if box and box["y"] >= top and box["y"] + box["height"] <= bottom else None


def wait_in_view(page, locator, what: str, frame=None) -> dict:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        box = in_view(page, locator, frame)
        if box:
            return box
        time.sleep(0.1)
    where = frame.bounding_box() if frame is not None else None
    pytest.fail(f"{what} is not in view: {locator.bounding_box()} in {page.viewport_size}, frame {where}")


def wait_for_wp_embed(page) -> None:
    """wp-embed.js took the height the quiz reported (the response names HEIGHT)."""
    page.wait_for_function(
        f"document.querySelector('iframe.wp-embedded-content').getAttribute('height') !== '{HEIGHT}'"
    )


def open_post(browser, posts, post, viewport):
    """A new page at `viewport` showing `post`, once the quiz in it is on show; (context, page)."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(posts[post])
    page.frame_locator(FRAMES[post]).locator("#kf-kundenfit-q1").wait_for(state="visible")
    if FRAMES[post] == FRAMES["author"]:
        wait_for_wp_embed(page)
    return context, page


def column(page) -> dict:
    """The post's text column: the box of the paragraph before the quiz."""
    return page.locator("p", has_text="Mach den Test:").first.bounding_box()


def wordpress_embed(browser, posts, viewport) -> dict:
    """The box of WordPress's own post embed typed into a paragraph block (OWN) at `viewport`,
    once wp-embed.js has shown it (it removes the style that hides the iframe)."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(posts[OWN])
        page.wait_for_function(
            "(frame => frame && !frame.hasAttribute('style'))"
            "(document.querySelector('iframe.wp-embedded-content'))"
        )
        page.wait_for_timeout(300)  # as for the quiz: the height is set, the page settled
        return page.locator("iframe.wp-embedded-content").bounding_box()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [(375, 812), (1280, 800)], ids=["phone", "desktop"])
@pytest.mark.parametrize("post", list(FRAMES))
def test_the_quiz_sits_in_the_text_column(browser, wordpress, post, viewport):
    """Left edge and width of the quiz's iframe are those of the paragraph above it, and the page
    does not scroll sideways (Twenty Twenty-One stretched the plain iframe to the page's width,
    the oEmbed iframe sat flush left)."""
    posts, wp = wordpress
    context, page = open_post(browser, posts, post, viewport)
    try:
        page.wait_for_timeout(300)  # wp-embed.js and the loader set the heights
        text = column(page)
        box = page.locator(FRAMES[post]).bounding_box()
        theme = wp.php("echo get_stylesheet();")
        where = f"{theme} {post} {viewport[0]}x{viewport[1]}:"
        print(f"{where} column x={text['x']:.0f} w={text['width']:.0f}", end=", ")
        print(f"quiz x={box['x']:.0f} w={box['width']:.0f}")
        if post == "paragraph":
            # WordPress's own behaviour, the same for its own post embeds (oembed.py): the
            # blockquote wp-embed.js needs closes the paragraph, the iframe stands loose as an
            # inline box, and the theme's column rule (max-width, auto margins) reaches it but
            # cannot centre an inline box: x = 0 in Twenty Twenty-One, the content area's padding
            # in Twenty Twenty-Three (which is the column only on a phone). docs/embedding.md
            # tells authors to paste the address on a line of its own. Here the quiz must sit
            # exactly where WordPress puts its own embed, and no wider than the column.
            own = wordpress_embed(browser, posts, viewport)
            print(f"{where} WordPress's own embed x={own['x']:.0f} w={own['width']:.0f}")
            assert abs(box["x"] - own["x"]) <= 1, (box, own)
            assert box["width"] <= text["width"] + 1, (text, box)
        else:
            assert abs(box["x"] - text["x"]) <= 1 and abs(box["width"] - text["width"]) <= 1, (text, box)
        sideways = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert sideways <= 0, f"the page scrolls sideways by {sideways} px"
        # The quiz uses the frame's width: it does not sit in the left part of a wider frame.
        frame = page.frame_locator(FRAMES[post])
        quiz = frame.locator("[data-kf-quiz]").bounding_box()
        assert quiz["x"] + quiz["width"] >= box["x"] + box["width"] - 24, (quiz, box)
    finally:
        context.close()


def the_first_missing_question(frame) -> int:
    """Answer every question, take back all but the last answer, and ask for the result: the
    runtime points at the first unanswered question (by the error summary's first link, or by
    moving there itself); follow it. Returns that question's number."""
    answers = [0] * len(QUIZ.rules)
    answer_steps(frame, "kundenfit", answers)
    frame.locator("form").first.evaluate(
        "(form) => form.querySelectorAll('fieldset:not(:last-of-type) input:checked')"
        ".forEach((input) => { input.checked = false; })"
    )
    frame.locator("[data-kf-submit]").click()
    summary = frame.locator("[data-kf-errors]")
    if summary.is_visible():
        summary.locator("a").first.click()
    return 1


@pytest.mark.parametrize("viewport", [(375, 812), (1280, 800)], ids=["phone", "desktop"])
@pytest.mark.parametrize("post", list(FRAMES))
def test_a_jump_to_a_question_brings_it_into_view(browser, wordpress, post, viewport):
    """Following the error summary's first link: the question is on the screen, not 891 px down
    under the summary (the loader scrolls the host page to where the frame moved focus)."""
    posts, wp = wordpress
    context, page = open_post(browser, posts, post, viewport)
    try:
        frame = page.frame_locator(FRAMES[post])
        number = the_first_missing_question(frame)
        legend = frame.locator(f"#kf-kundenfit-q{number} legend")
        first = frame.locator(f"#kf-kundenfit-q{number} input").first
        assert first.evaluate("(el) => document.activeElement === el")
        box = wait_in_view(
            page, legend, f"question {number} ({post}, {viewport})", page.locator(FRAMES[post])
        )
        assert in_view(page, first, page.locator(FRAMES[post])), "its first answer is in view too"
        theme = wp.php("echo get_stylesheet();")
        print(f"{theme} {post} {viewport[0]}x{viewport[1]}: question {number} at y={box['y']:.0f} px")
    finally:
        context.close()


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
        if post == "author":
            wait_for_wp_embed(page)
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
