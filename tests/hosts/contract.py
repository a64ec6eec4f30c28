"""What every host must do with the files the build wrote for it; each test_<host>.py imports these.

Checked against the host's own server (fixture `served`, tests/hosts/conftest.py) over HTTP and in
Chromium: embed pages in both languages work inside an iframe on another origin up to the quiz
result; the start page, a quiz page, an article and loader.js are refused inside a frame; an
unknown address gets the 404 page of its language; fingerprinted assets are kept a year, pages
and loader.js are revalidated; the host files themselves are never served.
"""

from __future__ import annotations

import posixpath
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from pelican.plugins.kundenfit.outputs.hosts import HOST_FILES, LONG
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.render.assets import FINGERPRINTED
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.quiz import answer_steps
from tests.support.server import StaticServer, free_port

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_rulebook(ROOT / "content" / "rules")
QUIZ = "kundenfit"
LANGS = [("", "de"), ("en/", "en")]
DENY = {"x-frame-options": ["DENY"], "content-security-policy": ["frame-ancestors 'none'"]}
ALLOW = {"x-frame-options": [], "content-security-policy": ["frame-ancestors *"]}


def fetch(url: str) -> tuple[int, dict[str, list[str]], str]:
    """Status, headers (lower-case name -> every value sent), body of a GET."""
    request = urllib.request.Request(url, headers={"User-Agent": "kundenfit-tests"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            status, message, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, message, body = error.code, error.headers, error.read()
    headers: dict[str, list[str]] = {}
    for name, value in message.items():
        headers.setdefault(name.lower(), []).append(value)
    return status, headers, body.decode("utf-8", errors="replace")


def frame_headers(headers: dict[str, list[str]]) -> dict[str, list[str]]:
    return {name: headers.get(name, []) for name in ("x-frame-options", "content-security-policy")}


def max_age(headers: dict[str, list[str]]) -> int:
    (value,) = headers.get("cache-control", ["(none)"])  # exactly one Cache-Control header
    found = re.findall(r"max-age=(\d+)", value)
    assert len(found) == 1, f"one max-age in {value!r}"
    return int(found[0])


def article_path(output: Path, prefix: str = "") -> str:
    first = sorted(p for p in (output / prefix / "artikel").glob("*/index.html"))[0]
    return f"{prefix}artikel/{first.parent.name}/"


def denied_paths(output: Path) -> list[str]:
    """The start page, a quiz page and an article in both languages, and the one loader.js."""
    pages = [
        path
        for prefix, _ in LANGS
        for path in (prefix, f"{prefix}quiz/{QUIZ}/", article_path(output, prefix))
    ]
    return [*pages, "kundenfit/loader.js"]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet" or tag == "script" and attrs.get("src"):
            self.urls.append(attrs.get("href") or attrs["src"])


def linked_assets(html: str) -> list[str]:
    """Style sheets and scripts a page links, as the browser asks for them ('/en/../x' -> '/x')."""
    parser = _Links()
    parser.feed(html)
    urls = []
    for url in parser.urls:
        parts = urlsplit(url)
        urls.append(urlunsplit(parts._replace(path=posixpath.normpath(parts.path))))
    return urls


def page_assets(served) -> list[str]:
    """Every asset the quiz and embed pages of both languages link."""
    assets = set()
    for prefix, _ in LANGS:
        for kind in ("quiz", "embed"):
            assets.update(linked_assets(fetch(f"{served.url}{prefix}{kind}/{QUIZ}/")[2]))
    return sorted(assets)


# -- over HTTP ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_embed_pages_may_be_framed_by_any_site(served, prefix, lang):
    status, headers, body = fetch(f"{served.url}{prefix}embed/{QUIZ}/")
    assert status == 200 and f'lang="{lang}"' in body
    assert frame_headers(headers) == ALLOW
    assert max_age(headers) == 0


def test_other_addresses_and_loader_refuse_frames(served):
    for path in denied_paths(served.output):
        status, headers, _ = fetch(served.url + path)
        assert status == 200, path
        assert frame_headers(headers) == DENY, path
        assert max_age(headers) == 0, f"{path}: pages and loader.js are revalidated on every visit"


def test_fingerprinted_assets_are_kept_a_year(served):
    assets = page_assets(served)
    # site.css and the runtime both languages share: kundenfit.css, kundenfit-embed.css,
    # kundenfit.js and kundenfit-frame.js (embed pages)
    assert len(assets) == 5, assets
    for url in assets:
        assert url.startswith(served.url) and FINGERPRINTED.search(url), url
        status, headers, _ = fetch(url)
        assert status == 200, url
        assert headers.get("cache-control") == [LONG], (url, headers)
        assert frame_headers(headers) == DENY, url


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_unknown_address_gets_the_404_page_of_its_language(served, prefix, lang):
    expected = (served.output / prefix / "404.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", expected).group(1)
    for path in ("gibt-es-nicht/", "quiz/gibt-es-nicht/", "fehlt.html"):
        status, headers, body = fetch(f"{served.url}{prefix}{path}")
        assert status == 404, path
        assert f'<html lang="{lang}"' in body and f"<title>{title}</title>" in body, f"{prefix}{path}"


def test_host_files_are_not_served(served):
    written = [
        p.relative_to(served.output).as_posix()
        for name in HOST_FILES
        for p in ([served.output / name.rstrip("/")] + list((served.output / name.rstrip("/")).rglob("*")))
        if p.is_file()
    ]
    assert written, "the build wrote the host's files"
    for path in written:
        status, _, body = fetch(served.url + path)
        text = (served.output / path).read_text(encoding="utf-8").strip()
        assert status != 200 and (not text or text not in body), f"{path} is served ({status})"


# -- in Chromium -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def blog(served, tmp_path_factory):
    """A page on another origin (http://localhost:<port>) that frames the site's addresses."""
    folder = tmp_path_factory.mktemp(f"blog-{served.host}")
    frames = [("embed-" + lang, f"{served.url}{prefix}embed/{QUIZ}/") for prefix, lang in LANGS]
    frames += [(f"denied-{i}", served.url + path) for i, path in enumerate(denied_paths(served.output))]
    (folder / "index.html").write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>A coach's blog</title></head>"
        "<body><h1>My blog</h1>"
        + "".join(
            f'<iframe id="{name}" src="{src}" title="{name}" style="width:100%;height:900px"></iframe>'
            for name, src in frames
        )
        + "</body></html>",
        encoding="utf-8",
    )
    port = free_port()
    server = StaticServer(folder, port)
    yield {"url": f"http://localhost:{port}/", "frames": dict(frames)}
    server.stop()


def worst_answers(quiz) -> list[int]:
    return [min(range(len(r.answers)), key=lambda i, r=r: r.answers[i].points) for r in quiz.rules]


@pytest.mark.browser
@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_embed_page_reaches_the_result_inside_a_frame_on_another_origin(page, blog, prefix, lang):
    page.goto(blog["url"])
    # Chromium pauses rendering in cross-origin frames off screen; a reader scrolls to the quiz.
    page.locator(f"#embed-{lang}").scroll_into_view_if_needed()
    frame = page.frame_locator(f"#embed-{lang}")
    assert frame.locator("html").get_attribute("lang") == lang
    quiz = BOOK.quizzes[QUIZ]
    answers = worst_answers(quiz)
    answer_steps(frame, QUIZ, answers)
    frame.locator("[data-kf-submit]").click()
    frame.locator("[data-kf-result]").wait_for(state="visible")
    assert frame.locator(f'[data-kf-outcome="{score(quiz, answers).outcome}"]').is_visible()


@pytest.mark.browser
def test_pages_and_loader_are_refused_inside_a_frame(page, blog):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(blog["url"], wait_until="load")
    denied = [name for name in blog["frames"] if name.startswith("denied-")]
    for name, src in blog["frames"].items():
        frame = page.locator(f"#{name}").element_handle().content_frame()
        if name in denied:
            assert frame.url.startswith("chrome-error://"), f"{src} is shown in a frame"
        else:
            assert frame.url == src, "the embed page is shown"
    # Chromium says why (it names only the origin): one refusal per denied frame.
    blocked = [t for t in console if "frame-ancestors 'none'" in t and "blocked" in t]
    assert len(blocked) == len(denied), console
