"""Hostile text in every field a coach or translator writes: shown as text, never run.

The site is built twice from copies: clean, and with tests/support/payloads.py's payload in
every article and page field, every rule text, every translation (rules, theme, plugin UI) and
every text setting (the lead form's too). Every page of both builds is loaded in Chromium;
every quiz is taken to its result. Nothing may run, no page may change its DOM structure, and
wherever a field shows up (text, attributes, feeds, sitemap, manifest, oEmbed, PDFs) the whole
payload follows its mark.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from pypdf import PdfReader

from tests.support.build import build_site
from tests.support.payloads import SHOWN_AS, add_lead_form, copy_site, inject, normalized
from tests.support.quiz import answer_steps
from tests.support.server import StaticServer, free_port

pytestmark = pytest.mark.browser

FEEDS = ['FEED_ALL_RSS="feeds/all.rss.xml"']  # build_site writes the Atom feed
# Everything a page shows or says: text outside script/style/noscript, and attribute values.
# Code to copy (the embed snippet in <pre>/<textarea>) shows markup with its escapes, by design.
SHOWN = """() => {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const texts = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    const code = parent.closest('pre, code, textarea');
    if (!skip.has(parent.tagName) && !code) texts.push(walker.currentNode.data);
  }
  const attributes = [];
  for (const element of document.querySelectorAll('*')) {
    if (element.tagName === 'SCRIPT') continue;
    for (const attribute of element.attributes) attributes.push(attribute.value);
  }
  return {text: texts.join(''), attributes};
}"""
STRUCTURE = """() => Array.from(document.querySelectorAll('*'), element =>
  element.tagName + '[' + element.getAttributeNames().sort().join(' ') + ']')"""


def intact(text: str) -> tuple[int, int]:
    """(times a mark shows, times its whole payload follows it)."""
    text = normalized(text)
    marks = sum(text.count(mark) for mark in SHOWN_AS)
    return marks, sum(text.count(normalized(mark + payload)) for mark, payload in SHOWN_AS.items())


def build(folder: Path, hostile: bool, origin: str) -> Path:
    site = copy_site(folder / "site")
    add_lead_form(site, hostile)
    if hostile:
        inject(site)
    out = folder / "output"
    overrides = [*FEEDS, f'CACHE_PATH="{folder / "cache"}"']
    result = build_site(out, origin, overrides, content=site / "content", settings=site / "pelican.conf.py")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """(clean output, hostile output, clean address, hostile address), each served."""
    built, servers = [], []
    for hostile in (False, True):
        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        output = build(tmp_path_factory.mktemp("hostile" if hostile else "clean"), hostile, origin)
        servers.append(StaticServer(output, port))
        built.append((output, f"{origin}/"))
    (clean, clean_base), (hostile, base) = built
    yield clean, hostile, clean_base, base
    for server in servers:
        server.stop()


def html_pages(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))


def test_every_page_keeps_its_structure_shows_payloads_as_text_and_runs_nothing(builds, browser):
    clean, hostile, clean_base, base = builds
    assert html_pages(clean) == html_pages(hostile)
    ran, dialogs, broken, shown_marks = [], [], [], 0
    context = browser.new_context()
    context.expose_function("__pwned", lambda *args: ran.append(args))
    clean_context = browser.new_context()
    page, clean_page = context.new_page(), clean_context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for relative in html_pages(hostile):
        page.goto(base + relative)
        clean_page.goto(clean_base + relative)
        structure = page.evaluate(STRUCTURE)
        if structure != clean_page.evaluate(STRUCTURE):
            broken.append(relative)
        shown = page.evaluate(SHOWN)
        marks, whole = intact(shown["text"])
        for value in shown["attributes"]:
            value_marks, value_whole = intact(value)
            marks, whole = marks + value_marks, whole + value_whole
        assert marks == whole, f"{relative}: a payload was not shown as text"
        shown_marks += marks
    context.close()
    clean_context.close()
    assert not ran and not dialogs, f"script ran: {ran} {dialogs}"
    assert not broken, f"DOM structure changed on {broken}"
    assert shown_marks > 500  # the payloads really reached the pages


def test_every_quiz_finishes_with_payloads_in_every_text(builds, browser):
    _, hostile, _, base = builds
    quizzes = sorted(p.parent for p in hostile.glob("**/quiz/*/index.html"))
    assert len(quizzes) >= 6  # three quizzes in two languages
    ran = []
    context = browser.new_context()
    context.expose_function("__pwned", lambda *args: ran.append(args))
    page = context.new_page()
    for folder in quizzes:
        quiz_id = folder.name
        page.goto(base + folder.relative_to(hostile).as_posix() + "/")
        count = page.locator(f"fieldset.kf-question[id^='kf-{quiz_id}-q']").count()
        answer_steps(page, quiz_id, [0] * count)
        page.locator("[data-kf-submit]").click()
        result = page.locator("[data-kf-result]")
        result.wait_for(state="visible")
        marks, whole = intact(result.inner_text())
        assert marks and marks == whole, f"{folder}: the result shows its texts as text"
    context.close()
    assert not ran, f"script ran: {ran}"


def _strings(value):
    """Every text in a JSON document; an oEmbed `html` field counts with its text and attributes."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "html":
                for element in lxml.html.fragments_fromstring(item):
                    yield element.text_content()
                    yield from (v for node in element.iter() for v in node.attrib.values())
            else:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def sitemap_paths(output: Path) -> list[str]:
    texts = ET.parse(output / "sitemap.xml").getroot().itertext()
    return sorted(urlsplit(text.strip()).path for text in texts if text.strip())


def test_feeds_sitemap_manifest_and_oembed_carry_payloads_as_text(builds):
    clean, hostile, _, _ = builds
    feeds = sorted(hostile.glob("**/feeds/*.xml"))
    assert feeds
    for path in [*feeds, *hostile.glob("**/sitemap.xml")]:
        root = ET.parse(path).getroot()  # well-formed XML
        texts = [element.text or "" for element in root.iter() if element.tag.split("}")[-1] == "title"]
        for text in texts:
            marks, whole = intact(text)
            assert marks == whole, f"{path.name}: {text!r}"
        assert sum(intact(t)[0] for t in texts) or path.name == "sitemap.xml"
    assert ET.parse(hostile / "sitemap.xml").getroot().itertext() is not None
    assert sitemap_paths(hostile) == sitemap_paths(clean)
    documents = [*hostile.glob("**/manifest.json"), *hostile.glob("**/oembed/*.json")]
    assert documents
    marks_seen = 0
    for path in documents:
        for text in _strings(json.loads(path.read_text(encoding="utf-8"))):
            marks, whole = intact(text)
            assert marks == whole, f"{path.name}: {text!r}"
            marks_seen += marks
    assert marks_seen


def test_pdfs_print_payloads_as_text(builds):
    _, hostile, _, _ = builds
    pdfs = sorted(hostile.glob("**/*.pdf"))
    if not pdfs:
        pytest.skip("WeasyPrint is not installed: no PDFs were written")
    for path in pdfs:
        # pypdf gives WeasyPrint's text with NULs and line breaks; a long credit line is cut at the
        # page's edge, so each mark must be followed by the start of its payload, tag included.
        text = "".join(page.extract_text() or "" for page in PdfReader(path).pages).replace("\x00", "")
        text = "".join(text.split())
        marks = sum(text.count(mark) for mark in SHOWN_AS)
        whole = sum(text.count(mark + payload.partition(">")[0] + ">") for mark, payload in SHOWN_AS.items())
        assert marks and marks == whole, path.name
