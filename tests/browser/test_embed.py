"""Quizzes on a coach's blog (another origin) and the lead hand-off after a result, in Chromium.

The blog is a page on http://localhost:<port> holding the embed code copied from two built quiz
pages (one German, one English); the site itself is on http://127.0.0.1:<port>. A third origin
(http://127.0.0.2:<port>) and the blog itself post look-alike messages, which must change nothing.
The lead form tests build the site once more with KUNDENFIT_LEAD_FORM pointing at a local
endpoint that records every request it gets.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.build import build_site
from tests.support.quiz import answer_steps
from tests.support.server import StaticServer, free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_rulebook(ROOT / "content" / "rules")
# (quiz id, language prefix, language) of the two quizzes on the blog page.
EMBEDDED = [("kundenfit", "", "de"), ("kontakt", "en/", "en")]
FOREIGN_HOST = "127.0.0.2"


def worst_answers(quiz) -> list[int]:
    return [min(range(len(r.answers)), key=lambda i, r=r: r.answers[i].points) for r in quiz.rules]


def wait_for(condition, timeout: float = 10.0, message: str = "condition"):
    """Poll `condition()` (it may raise while the page settles) until it returns a true value."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception as error:  # noqa: BLE001 - the frame may be navigating
            last = error
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {message} (last error: {last})")


def copied_snippet(page, site_url: str, quiz_id: str, prefix: str) -> str:
    page.goto(f"{site_url}{prefix}quiz/{quiz_id}/")
    return page.locator('textarea[data-kf-embed-code="script"]').input_value()


# -- the blog page -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def foreign_origin(tmp_path_factory):
    """A third origin whose page floods its parent with look-alike Kundenfit messages."""
    folder = tmp_path_factory.mktemp("foreign")
    (folder / "evil.html").write_text(
        "<!DOCTYPE html><title>evil</title><script>"
        "setInterval(function () {"
        " parent.postMessage({kundenfit: 1, height: 5}, '*');"
        " parent.postMessage({kundenfit: 1, result: {quiz: 'kundenfit', outcome: 'evil', lang: 'de'}}, '*');"
        "}, 50);</script>",
        encoding="utf-8",
    )
    port = free_port(FOREIGN_HOST)
    server = StaticServer(folder, port, host=FOREIGN_HOST)
    yield f"http://{FOREIGN_HOST}:{port}"
    server.stop()


@pytest.fixture(scope="module")
def blog(tmp_path_factory, browser, site_url, site_origin, foreign_origin):
    """URL of the blog page with both snippets, a CSP as docs/embedding.md asks, and a listener."""
    context = browser.new_context()
    page = context.new_page()
    snippets = [copied_snippet(page, site_url, quiz_id, prefix) for quiz_id, prefix, _ in EMBEDDED]
    context.close()
    folder = tmp_path_factory.mktemp("blog")
    port = free_port()
    blog_origin = f"http://localhost:{port}"
    # A plain iframe of an embed page, narrow and tall: it is of the site's origin and reports its
    # height to the blog, but the loader did not create it, so the loader must ignore it.
    rogue = f"{site_url}embed/kontakt/?host={quote(blog_origin, safe='')}"
    (folder / "index.html").write_text(
        f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
  content="default-src 'self'; script-src 'self' {site_origin}; frame-src {site_origin} {foreign_origin}">
<title>A coach's blog</title>
<script src="/blog.js"></script>
</head>
<body>
<h1>My blog</h1>
<p>Try my quizzes.</p>
{snippets[0]}
<p>And another one:</p>
{snippets[1]}
<p id="after">The end.</p>
<iframe id="evil" src="{foreign_origin}/evil.html" title="evil" style="width:10px;height:10px"></iframe>
<iframe id="rogue" src="{rogue}" title="rogue" style="width:150px;height:100px"></iframe>
</body>
</html>
""",
        encoding="utf-8",
    )
    (folder / "blog.js").write_text(
        "window.kfResults = [];\n"
        "document.addEventListener('kundenfit:result', function (e) {\n"
        "  window.kfResults.push({box: e.target.getAttribute('data-kundenfit-embed'), detail: e.detail});\n"
        "});\n"
        "setInterval(function () { window.postMessage({kundenfit: 1, height: 7}, '*'); }, 50);\n",
        encoding="utf-8",
    )
    server = StaticServer(folder, port)
    yield f"{blog_origin}/"
    server.stop()


def frame_selector(quiz_id: str) -> str:
    return f'[data-kundenfit-embed="{quiz_id}"] iframe'


def sizes(page, quiz_id: str) -> dict:
    """The iframe's height on the blog and the height of the document inside it."""
    handle = page.locator(frame_selector(quiz_id)).element_handle()
    frame = handle.content_frame()
    inner = frame.evaluate(
        "() => ({scroll: document.documentElement.scrollHeight, view: window.innerHeight,"
        " overflow: getComputedStyle(document.documentElement).overflowY,"
        " result: document.querySelector('[data-kf-result]').hidden})"
    )
    return {"iframe": handle.evaluate("(el) => el.clientHeight"), **inner}


def settled(page, quiz_id: str) -> dict:
    """Wait until the iframe is exactly as high as its document (the loader applied the report).

    Chromium pauses rendering (and so ResizeObserver) in cross-origin frames that are off
    screen, so a frame reports its final height once it is scrolled into view, as a reader does.
    """
    page.locator(frame_selector(quiz_id)).scroll_into_view_if_needed()

    def fits():
        s = sizes(page, quiz_id)
        return s if s["scroll"] <= s["iframe"] <= s["scroll"] + 1 and s["view"] == s["iframe"] else None

    return wait_for(fits, message=f"the {quiz_id} iframe to fit its content")


def test_blog_page_shows_both_quizzes_as_sized_iframes(page, blog, site_url, site_origin):
    page.goto(blog)
    frames = page.locator("[data-kundenfit-embed] iframe")
    frames.first.wait_for()
    assert frames.count() == 2
    for (quiz_id, prefix, lang), index in zip(EMBEDDED, range(2), strict=True):
        frame = frames.nth(index)
        src = frame.get_attribute("src")
        parts = urlsplit(src)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{site_url}{prefix}embed/{quiz_id}/"
        assert parse_qs(parts.query)["host"] == [blog.rstrip("/")]
        assert frame.get_attribute("loading") == "lazy"
        assert frame.get_attribute("title")
        style = frame.evaluate(
            "(el) => ({border: getComputedStyle(el).borderTopWidth, width: el.style.width})"
        )
        assert style == {"border": "0px", "width": "100%"}
        s = settled(page, quiz_id)
        assert s["overflow"] == "hidden" and s["result"] is True
        lang_in_frame = page.frame_locator(frame_selector(quiz_id)).locator("html").get_attribute("lang")
        assert lang_in_frame == lang
    # Without the blog's noise the iframes are much taller than the 5 or 7 px a foreign page posts.
    assert min(sizes(page, q)["iframe"] for q, _, _ in EMBEDDED) > 400


def test_both_quizzes_answer_grow_and_report_to_the_blog(page, blog):
    page.goto(blog)
    page.locator("[data-kundenfit-embed] iframe").first.wait_for()
    expected = []
    for quiz_id, _, lang in EMBEDDED:
        quiz = BOOK.quizzes[quiz_id]
        before = settled(page, quiz_id)["iframe"]
        inner = page.frame_locator(frame_selector(quiz_id))
        answers = worst_answers(quiz)
        answer_steps(inner, quiz_id, answers)
        inner.locator("[data-kf-submit]").click()
        inner.locator("[data-kf-result]").wait_for(state="visible")
        outcome = score(quiz, answers).outcome
        assert inner.locator(f'[data-kf-outcome="{outcome}"]').is_visible()
        after = wait_for(
            lambda q=quiz_id, b=before: (s := settled(page, q))["iframe"] > b and s,
            message=f"the {quiz_id} iframe to grow with the result",
        )
        assert after["result"] is False
        # The whole result is inside the iframe's visible box: no inner scrollbar, nothing cut off.
        bottom = inner.locator("[data-kf-result]").evaluate("(el) => el.getBoundingClientRect().bottom")
        assert bottom <= after["iframe"]
        expected.append({"box": quiz_id, "detail": {"quiz": quiz_id, "outcome": outcome, "lang": lang}})
    wait_for(lambda: len(page.evaluate("window.kfResults")) >= 2, message="two kundenfit:result events")
    time.sleep(0.5)  # the foreign page keeps posting fake results meanwhile
    assert page.evaluate("window.kfResults") == expected


def test_messages_from_other_origins_and_frames_change_nothing(page, blog):
    page.goto(blog)
    page.locator("[data-kundenfit-embed] iframe").first.wait_for()
    rogue = page.frame_locator("#rogue").locator("html[data-kf-sized]")
    rogue.wait_for(state="attached")  # the rogue frame runs its reporting code
    for quiz_id, _, _ in EMBEDDED:
        settled(page, quiz_id)
    before = {q: sizes(page, q)["iframe"] for q, _, _ in EMBEDDED}
    time.sleep(1.0)  # the foreign page and the blog itself post every 50 ms meanwhile
    after = {q: settled(page, q)["iframe"] for q, _, _ in EMBEDDED}
    assert after == before
    assert min(after.values()) > 400
    rogue_height = rogue.evaluate("(el) => Math.ceil(el.getBoundingClientRect().height)")
    assert rogue_height not in after.values(), "the rogue frame's own report was not applied"
    assert page.evaluate("window.kfResults") == []


def test_a_foreign_page_inside_the_loaders_own_iframe_is_not_believed(page, blog, foreign_origin):
    """The iframe is ours, but once it shows another origin its messages are not."""
    page.goto(blog)
    page.locator("[data-kundenfit-embed] iframe").first.wait_for()
    height = settled(page, "kundenfit")["iframe"]
    frame = page.locator(frame_selector("kundenfit"))
    frame.evaluate("(el, url) => { el.src = url; }", f"{foreign_origin}/evil.html")
    wait_for(
        lambda: frame.element_handle().content_frame().url.startswith(foreign_origin), message="navigation"
    )
    time.sleep(1.0)  # evil.html posts a height of 5 and a fake result every 50 ms
    assert frame.evaluate("(el) => el.clientHeight") == height
    assert page.evaluate("window.kfResults") == []


def test_quiz_page_fires_the_same_event(page, site_url):
    quiz = BOOK.quizzes["kontakt"]
    page.goto(f"{site_url}quiz/kontakt/")
    page.evaluate(
        "window.kfResults = [];document.addEventListener('kundenfit:result', (e) => kfResults.push(e.detail))"
    )
    answers = worst_answers(quiz)
    answer_steps(page, "kontakt", answers)
    page.locator("[data-kf-submit]").click()
    outcome = score(quiz, answers).outcome
    assert page.evaluate("window.kfResults") == [{"quiz": "kontakt", "outcome": outcome, "lang": "de"}]


def test_embed_page_alone_reports_nothing_and_scrolls_normally(page, site_url):
    """Opened directly (or framed without ?host=), the embed page posts nothing and may scroll."""
    page.goto(f"{site_url}embed/kundenfit/?host=https%3A%2F%2Fevil.example%2Fpath")
    assert page.locator("html").get_attribute("data-kf-sized") is None
    assert page.evaluate("getComputedStyle(document.documentElement).overflowY") != "hidden"
    assert page.locator("h1").count() == 1
    assert page.locator("[data-kf-next]").is_visible()


def test_copy_button_copies_the_embed_code(browser, site_url):
    context = browser.new_context()
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
        page = context.new_page()
        page.goto(f"{site_url}quiz/kundenfit/")
        page.locator(".kf-embed-details summary").click()  # the code is folded away at first
        field = page.locator('textarea[data-kf-embed-code="script"]')
        button = page.locator('button[data-kf-copy-from="kf-embed-kundenfit-script"]')
        assert button.is_visible()
        button.click()
        status = page.locator("#kf-embed-kundenfit [role=status]").first
        page.wait_for_function("(el) => el.textContent.length > 0", arg=status.element_handle())
        assert page.evaluate("navigator.clipboard.readText()") == field.input_value()
    finally:
        context.close()


# -- the lead form (each provider preset: test_leads.py) ------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    requests: list[dict] = []  # replaced per server

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        self.requests.append({"method": self.command, "path": self.path, "body": body})
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<!DOCTYPE html><title>Danke</title><p>Danke!</p>")

    do_GET = do_POST = do_HEAD = _record  # noqa: N815 - http.server's names

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def provider():
    """A stand-in for the newsletter provider: records every request it receives."""
    handler = type("Recorder", (_Recorder,), {"requests": []})
    port = free_port()
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield {"origin": f"http://127.0.0.1:{port}", "requests": handler.requests}
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def newsletter_site(tmp_path_factory, provider):
    """The site built with KUNDENFIT_LEAD_FORM set, served on its own port."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    setting = {
        "preset": "custom",
        "company": "Post GmbH, Berlin",
        "action": f"{provider['origin']}/subscribe",
        "fields": {
            "email": "EMAIL",
            "consent": "CONSENT",
            "quiz": "QUIZ",
            "outcome": "OUTCOME",
            "lang": "LANG",
        },
    }
    out = tmp_path_factory.mktemp("newsletter") / "output"
    # More values for build_site's own -e: a second -e would replace its SITEURL.
    result = build_site(out, origin, [f"KUNDENFIT_LEAD_FORM={json.dumps(setting)}"])
    if result.returncode != 0:
        pytest.fail(f"site build failed:\n{result.stdout}\n{result.stderr}")
    server = StaticServer(out, port)
    yield f"{origin}/"
    server.stop()


def sign_ups(provider) -> list[dict]:
    """What reached the provider's form address (the browser may also ask it for a favicon)."""
    return [r for r in provider["requests"] if r["path"].startswith("/subscribe")]


def answer_and_show_form(page, site, prefix, quiz_id):
    quiz = BOOK.quizzes[quiz_id]
    page.goto(f"{site}{prefix}quiz/{quiz_id}/")
    answers = worst_answers(quiz)
    answer_steps(page, quiz_id, answers)
    page.locator("[data-kf-submit]").click()
    form = page.locator("form[data-kf-lead]")
    form.wait_for(state="visible")
    return form, score(quiz, answers).outcome


@pytest.mark.parametrize(("prefix", "lang"), [("", "de"), ("en/", "en")])
def test_newsletter_form_sends_email_consent_quiz_outcome_and_language(
    page, newsletter_site, provider, prefix, lang
):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    provider["requests"].clear()
    form, outcome = answer_and_show_form(page, newsletter_site, prefix, "kundenfit")
    assert not [u for u in seen if u.startswith(provider["origin"])], "nothing goes to the provider before"
    assert provider["requests"] == []
    form.locator("input[type=email]").fill("kundin@example.org")
    form.locator("input[type=checkbox]").check()
    form.locator("button[type=submit]").click()
    wait_for(lambda: sign_ups(provider), message="the provider to receive the sign-up")
    (request,) = sign_ups(provider)
    assert request["method"] == "POST" and request["path"] == "/subscribe"
    fields = {key: values for key, values in parse_qs(request["body"]).items()}
    assert fields == {
        "EMAIL": ["kundin@example.org"],
        "CONSENT": ["1"],
        "QUIZ": ["kundenfit"],
        "OUTCOME": [outcome],
        "LANG": [lang],
    }


def test_without_consent_nothing_is_sent(page, newsletter_site, provider):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    provider["requests"].clear()
    form, _ = answer_and_show_form(page, newsletter_site, "", "kontakt")
    consent = form.locator("input[type=checkbox]")
    assert not consent.is_checked()
    form.locator("input[type=email]").fill("kundin@example.org")
    form.locator("button[type=submit]").click()
    assert consent.evaluate("(el) => el.validity.valueMissing")
    time.sleep(0.5)
    assert provider["requests"] == []
    assert not [u for u in seen if u.startswith(provider["origin"])]
    assert page.url.startswith(newsletter_site), "the visitor is still on the quiz"


def test_newsletter_form_in_an_embed_opens_a_new_tab(page, newsletter_site, provider, context):
    provider["requests"].clear()
    quiz = BOOK.quizzes["kontakt"]
    page.goto(f"{newsletter_site}embed/kontakt/")
    answer_steps(page, "kontakt", worst_answers(quiz))
    page.locator("[data-kf-submit]").click()
    form = page.locator("form[data-kf-lead]")
    form.locator("input[type=email]").fill("kundin@example.org")
    form.locator("input[type=checkbox]").check()
    with context.expect_page() as new_tab:
        form.locator("button[type=submit]").click()
    new_tab.value.wait_for_load_state()
    assert new_tab.value.url == f"{provider['origin']}/subscribe"
    assert page.url.startswith(f"{newsletter_site}embed/kontakt/"), "the embed page stays where it was"
    assert len(sign_ups(provider)) == 1


# -- in view on the host page ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def host_pages(tmp_path_factory, browser, site_url):
    """A long blog post per snippet kind (loader script, plain iframe), served on localhost."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}quiz/kundenfit/")
    codes = {
        k: page.locator(f'textarea[data-kf-embed-code="{k}"]').input_value() for k in ("script", "iframe")
    }
    context.close()
    folder = tmp_path_factory.mktemp("hosts")
    filler = "<p>" + "Ein Absatz Text im Blog, bevor der Selbsttest kommt. " * 40 + "</p>"
    for kind, code in codes.items():
        (folder / f"{kind}.html").write_text(
            f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{kind}</title>'
            f"<script>window.kfResults=[];document.addEventListener('kundenfit:result',"
            f"(e)=>kfResults.push(e.detail));</script></head>"
            f"<body><h1>Blog</h1>{filler}{code}{filler}</body></html>",
            encoding="utf-8",
        )
    port = free_port()
    server = StaticServer(folder, port)
    yield f"http://localhost:{port}/"
    server.stop()


def heading_in_view(page, locator) -> dict | None:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box if box and box["y"] >= 0 and box["y"] + box["height"] <= height else None


@pytest.mark.parametrize("viewport", [(375, 812), (1280, 800)], ids=["phone", "desktop"])
@pytest.mark.parametrize("kind", ["script", "iframe"])
def test_each_question_and_the_result_are_in_view_on_the_host_page(browser, host_pages, kind, viewport):
    quiz = BOOK.quizzes["kundenfit"]
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        page = context.new_page()
        page.goto(f"{host_pages}{kind}.html")
        selector = "[data-kundenfit-embed] iframe" if kind == "script" else "iframe"
        if kind == "iframe":
            box = page.locator("iframe").bounding_box()
            assert box["height"] <= viewport[1] * 0.85 + 1, "the plain iframe fits the screen"
        frame = page.frame_locator(selector)
        answers = worst_answers(quiz)
        for number, index in enumerate(answers, start=1):
            legend = frame.locator(f"#kf-kundenfit-q{number} legend")
            legend.wait_for(state="visible")
            if number > 1:
                wait_for(lambda lg=legend: heading_in_view(page, lg), message=f"question {number} in view")
            frame.locator(f"label[for='kf-kundenfit-q{number}-a{index}']").click()
        frame.locator("[data-kf-submit]").click()
        heading = frame.locator("[data-kf-result-heading]")
        heading.wait_for(state="visible")
        box = wait_for(lambda: heading_in_view(page, heading), message="the result heading in view")
        assert heading.evaluate("(el) => document.activeElement === el")
        time.sleep(0.5)  # the loader applies the new height; nothing may scroll it away again
        assert heading_in_view(page, heading)
        if kind == "script":
            assert len(page.evaluate("window.kfResults")) == 1
        print(f"{kind} {viewport[0]}x{viewport[1]}: result heading at y={box['y']:.0f} px")
    finally:
        context.close()


# -- the snippet's colour, font and title --------------------------------------------------------

# What a coach writes on the loader's placeholder, and the same as a plain iframe's query.
CHOICES = {
    "loader": 'data-color="#7a1f5c" data-font="Georgia" data-title="off"',
    "iframe": "?color=7a1f5c&font=Georgia&title=0",
}


@pytest.fixture(scope="module")
def styled_hosts(tmp_path_factory, browser, site_url):
    """A blog page per snippet kind, as copied and with the coach's colour, font and no title."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}quiz/kundenfit/")
    codes = {
        "loader": page.locator('textarea[data-kf-embed-code="script"]').input_value(),
        "iframe": page.locator('textarea[data-kf-embed-code="iframe"]').input_value(),
    }
    context.close()
    pages = {
        "loader-plain": codes["loader"],
        "iframe-plain": codes["iframe"],
        "loader-styled": codes["loader"].replace("<div ", f"<div {CHOICES['loader']} ", 1),
        "iframe-styled": codes["iframe"].replace(
            "/embed/kundenfit/", "/embed/kundenfit/" + CHOICES["iframe"]
        ),
    }
    folder = tmp_path_factory.mktemp("styled")
    for name, code in pages.items():
        assert code != codes[name.split("-")[0]] or name.endswith("plain")
        (folder / f"{name}.html").write_text(
            f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{name}</title></head>'
            f"<body><h1>Mein Blog</h1><p>Mach den Test:</p>{code}</body></html>",
            encoding="utf-8",
        )
    port = free_port()
    server = StaticServer(folder, port)
    yield f"http://localhost:{port}/"
    server.stop()


def looks(browser, url: str, site_origin: str) -> dict:
    """What the quiz in the page's only iframe looks like, and what the page asked the site for."""
    context = browser.new_context()
    try:
        page = context.new_page()
        asked = []
        page.on("request", lambda r: r.url.startswith(site_origin) and asked.append(urlsplit(r.url).path))
        page.goto(url)
        frame = page.frame_locator("iframe")
        button = frame.locator("[data-kf-next]")
        button.wait_for(state="visible")
        page.wait_for_load_state("networkidle")
        look = button.evaluate(
            "(el) => ({button: getComputedStyle(el).backgroundColor, text: getComputedStyle(el).color,"
            " font: getComputedStyle(el).fontFamily,"
            " title: document.querySelector('h1').getBoundingClientRect().height,"
            " heading: document.querySelector('h1').textContent.trim()})"
        )
        return {**look, "asked": sorted(asked)}
    finally:
        context.close()


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.mark.parametrize("kind", ["loader", "iframe"])
def test_the_snippet_sets_colour_font_and_title_without_a_new_request(
    browser, styled_hosts, site_origin, kind
):
    from pelican.plugins.kundenfit.brand import DEFAULT_PRIMARY, SYSTEM_FONTS

    plain = looks(browser, f"{styled_hosts}{kind}-plain.html", site_origin)
    styled = looks(browser, f"{styled_hosts}{kind}-styled.html", site_origin)
    # By default the embed follows the brand block: its colour and its font.
    assert plain["button"] == rgb(DEFAULT_PRIMARY)
    assert plain["font"].replace('"', "") == SYSTEM_FONTS.replace('"', "")
    assert plain["title"] > 20
    # The coach's colour on the buttons (white text on it), Georgia first, the title out of sight.
    assert styled["button"] == rgb("#7a1f5c") and styled["text"] == rgb("#ffffff")
    assert styled["font"].replace('"', "") == "Georgia, " + SYSTEM_FONTS.replace('"', "")
    assert styled["title"] <= 1 and styled["heading"], "hidden from the eye, kept for screen readers"
    # The same files, no extra one (the page's own address carries the choices).
    assert styled["asked"] == plain["asked"]


@pytest.mark.parametrize(
    ("query", "refused", "said"),
    [
        ("color=ffff00", "color", "1.07:1"),  # yellow on white: far below 4.5:1
        ("color=777777", "color", "4.47:1"),  # just below (4.478, rounded down as brand.py does)
        ("color=red", "color", "#rrggbb"),
        ("font=Comic%22%3B%7Dbody%7Bdisplay%3Anone", "font", "Georgia"),
    ],
)
def test_an_unusable_choice_is_left_out_with_one_console_line(page, site_url, query, refused, said):
    from pelican.plugins.kundenfit.brand import DEFAULT_PRIMARY

    lines = []
    page.on("console", lambda message: lines.append((message.type, message.text)))
    page.goto(f"{site_url}embed/kundenfit/?{query}")
    button = page.locator("[data-kf-next]")
    button.wait_for(state="visible")
    assert button.evaluate("(el) => getComputedStyle(el).backgroundColor") == rgb(DEFAULT_PRIMARY)
    assert "Comic" not in button.evaluate("(el) => getComputedStyle(el).fontFamily")
    warnings = [text for kind, text in lines if kind == "warning"]
    assert len(warnings) == 1 and warnings[0].startswith("Kundenfit: ") and said in warnings[0], lines
    assert ("Farbe" if refused == "color" else "Schrift") in warnings[0]


def test_a_colour_just_passing_aa_is_taken(page, site_url):
    page.goto(f"{site_url}en/embed/kundenfit/?color=%23767676&title=off")  # 4.54:1 on white
    button = page.locator("[data-kf-next]")
    button.wait_for(state="visible")
    assert button.evaluate("(el) => getComputedStyle(el).backgroundColor") == rgb("#767676")
    assert page.locator("h1").evaluate("(el) => el.getBoundingClientRect().height") <= 1
