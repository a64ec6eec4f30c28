"""Checklist PDFs: WeasyPrint renders one tagged A4 page with embedded fonts and metadata, the same
bytes every time; the builder reads only the output folder, caches, and copes without WeasyPrint.

The rendering tests need WeasyPrint and its system libraries: they skip without them, unless
KUNDENFIT_PDF_REQUIRED=1 (as in CI), where that is a failure.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path

import pytest
from pelican.plugins.kundenfit.errors import KundenfitError
from pelican.plugins.kundenfit.outputs import pdf
from pelican.plugins.kundenfit.outputs.pdf_build import SiteFetcher, build_checklist_pdfs, pdfs_possible
from pelican.plugins.kundenfit.render.assets import STATIC_DIR

pypdf = pytest.importorskip("pypdf")

ROOT = Path(__file__).resolve().parents[2]
KF_CSS = (STATIC_DIR / "kundenfit.css").read_bytes()
SITE = "http://site.test"
ITEMS = {
    "Vorher": ["Erwartungen schriftlich festgehalten", "Preis und Korrekturschleifen geklärt"],
    "Nachher": ["Feedback eingeholt", "Rechnung pünktlich gestellt – mit Dank"],
}
METADATA = {
    "title": "Testliste",
    "author": "Kundenfit-Redaktion",
    "subject": "Eine kleine Liste",
    "lang": "de",
}


def checklist_html(items=ITEMS, css_href=f"{SITE}/kundenfit/kundenfit.css", lang="de") -> str:
    groups = "".join(
        f'<h2 class="kf-group-title">{title}</h2><ul class="kf-checks">'
        + "".join(
            f'<li class="kf-check"><input type="checkbox" id="c{i}{j}">'
            f'<label for="c{i}{j}">{text}</label></li>'
            for j, text in enumerate(texts)
        )
        + "</ul>"
        for i, (title, texts) in enumerate(items.items())
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Seitentitel</title>'
        f'<link rel="stylesheet" href="{css_href}"></head><body><main><h1>Testliste</h1>'
        f'<section class="kf-checklist">{groups}</section>'
        '<footer class="kf-print-footer"><p>Kundenfit · http://site.test/checkliste/test/</p></footer>'
        "</main></body></html>"
    )


def dict_fetcher(files: dict[str, bytes], seen: list | None = None):
    def fetch(url):
        if seen is not None:
            seen.append(url)
        if url not in files:
            raise ValueError(f"refused: {url}")
        return files[url], "text/css"

    return fetch


@pytest.fixture
def weasyprint_ok():
    ok, reason = pdf.pdf_support()
    if not ok:
        if os.environ.get("KUNDENFIT_PDF_REQUIRED") == "1":
            pytest.fail(f"KUNDENFIT_PDF_REQUIRED=1 but {reason}")
        pytest.skip(reason)


def read(data: bytes):
    return pypdf.PdfReader(io.BytesIO(data))


def text_of(reader) -> str:
    """The text of every page without whitespace (line breaks fall anywhere, even after a hyphen)."""
    return "".join("".join(page.extract_text() for page in reader.pages).split())


def has(text: str, phrase: str) -> bool:
    return "".join(phrase.split()) in text


def embedded_fonts(reader) -> dict[str, bool]:
    """Base font name → whether the font file itself is inside the PDF."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor_owner = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descriptor_owner["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def render(html=None, fetcher=None, metadata=METADATA, **kwargs) -> bytes:
    files = {f"{SITE}/kundenfit/kundenfit.css": KF_CSS}
    return pdf.render_pdf(
        html or checklist_html(),
        f"{SITE}/checkliste/test/",
        fetcher or dict_fetcher(files),
        metadata,
        **kwargs,
    )


# -- rendering -----------------------------------------------------------------------------------


def test_small_checklist_renders_one_tagged_page_with_its_texts(weasyprint_ok):
    stats = {}
    reader = read(render(stats=stats))
    assert len(reader.pages) == 1 and stats == {"pages": 1, "fit": 0}
    text = text_of(reader)
    for texts in ITEMS.values():
        for item in texts:
            assert has(text, item)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842), "A4"


def test_metadata_comes_from_the_caller_not_the_page(weasyprint_ok):
    reader = read(render())
    assert reader.metadata.title == "Testliste"
    assert reader.metadata.author == "Kundenfit-Redaktion"
    assert reader.metadata.subject == "Eine kleine Liste"
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata
    english = read(render(metadata={**METADATA, "lang": "en"}))
    assert english.trailer["/Root"]["/Lang"] == "en"


def test_fonts_are_embedded(weasyprint_ok):
    fonts = embedded_fonts(read(render()))
    assert fonts and all(fonts.values()), fonts


def test_two_renders_are_byte_identical(weasyprint_ok):
    assert render() == render()


def test_a_page_a_little_too_long_is_made_tighter_to_fit_one_page(weasyprint_ok):
    """Somewhat more than one page at the page's own sizes: one of the tighter steps fits it."""
    stats: dict = {}
    for count in range(14, 40):
        items = {f"Gruppe {n}": [f"Punkt {n}.{m} zum Abhaken" for m in range(count)] for n in range(2)}
        html = checklist_html(items=items)
        stats = {}
        render(html, stats=stats)
        if stats["fit"] > 0:
            break
    assert stats["fit"] > 0 and stats["pages"] == 1, stats
    assert len(read(render(html)).pages) == 1
    assert render(html) == render(html)  # still the same bytes each time


def test_the_brands_font_comes_first(weasyprint_ok):
    """A brand font (here one fontconfig knows) replaces DejaVu Sans in the PDF."""
    fonts = embedded_fonts(read(render(font_family="DejaVu Serif")))
    assert fonts and all("Serif" in name for name in fonts), fonts
    assert pdf.engine_version("DejaVu Serif") != pdf.engine_version(), "the cache must tell them apart"


def test_resources_come_only_through_the_fetcher(weasyprint_ok):
    seen = []
    html = checklist_html().replace(
        "</head>", '<link rel="stylesheet" href="https://cdn.example/x.css"></head>'
    )
    data = render(html, dict_fetcher({f"{SITE}/kundenfit/kundenfit.css": KF_CSS}, seen))
    assert f"{SITE}/kundenfit/kundenfit.css" in seen and "https://cdn.example/x.css" in seen
    assert len(read(data).pages) == 1, "a refused resource does not stop the rendering"


# -- the fetcher -----------------------------------------------------------------------------------


def test_fetcher_maps_site_urls_to_output_files_and_refuses_the_rest(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "site.css").write_text("body{}", encoding="utf-8")
    (tmp_path / "en").mkdir()
    subsite = SiteFetcher(tmp_path / "en", "http://site.test/en")
    assert subsite("http://site.test/en/../theme/site.css") == (b"body{}", "text/css")
    assert (
        subsite.file_for("http://site.test/en/checkliste/x/")
        == tmp_path / "en" / "checkliste" / "x" / "index.html"
    )
    assert subsite.file_for("https://other.test/theme/site.css") is None
    assert subsite.file_for("http://site.test/../../etc/passwd") == tmp_path / "etc" / "passwd"
    with pytest.raises(ValueError):
        subsite("https://other.test/theme/site.css")
    with pytest.raises(FileNotFoundError):
        subsite("http://site.test/theme/missing.css")
    assert subsite.refused == ["https://other.test/theme/site.css"]
    assert subsite.missing == ["http://site.test/theme/missing.css"]
    # A site below a path of its own cannot reach above it.
    nested = SiteFetcher(tmp_path, "http://site.test/blog")
    assert nested.file_for("http://site.test/blog/theme/site.css") == tmp_path / "theme" / "site.css"
    assert nested.file_for("http://site.test/theme/site.css") is None


# -- the builder -----------------------------------------------------------------------------------


def make_site(root: Path) -> list[dict]:
    """A tiny output folder: one checklist in German (/) and English (/en/), shared CSS."""
    (root / "kundenfit").mkdir(parents=True)
    (root / "kundenfit" / "kundenfit.css").write_bytes(KF_CSS)
    for lang, prefix in (("de", ""), ("en", "en/")):
        page = root / prefix / "checkliste" / "test" / "index.html"
        page.parent.mkdir(parents=True)
        css = f"{SITE}/{prefix}../kundenfit/kundenfit.css" if prefix else f"{SITE}/kundenfit/kundenfit.css"
        page.write_text(checklist_html(css_href=css, lang=lang), encoding="utf-8")
    return [
        {
            "id": "test",
            "title": "Testliste",
            "page_save_as": "checkliste/test/index.html",
            "pdf_save_as": "checkliste/test/kundenfit-test-de.pdf",
            "author": "Kundenfit-Redaktion",
            "subject": "Eine kleine Liste",
        }
    ]


@pytest.fixture
def count_renders(monkeypatch):
    calls = []
    real = pdf.render_pdf

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf, "render_pdf", counting)
    return calls


def test_builder_writes_pdfs_and_reuses_the_cache(weasyprint_ok, tmp_path, count_renders):
    site, cache = tmp_path / "out", tmp_path / "cache"
    checklists = make_site(site)
    log = logging.getLogger("test")
    first = build_checklist_pdfs(site, SITE, "de", checklists, cache, False, log)
    assert first == [{"id": "test", "lang": "de", "pdf_url": f"{SITE}/checkliste/test/kundenfit-test-de.pdf"}]
    made = (site / "checkliste/test/kundenfit-test-de.pdf").read_bytes()
    assert len(read(made).pages) == 1 and len(count_renders) == 1
    # A clean output folder, the same input: the cached bytes are copied, WeasyPrint is not asked.
    site2 = tmp_path / "out2"
    make_site(site2)
    assert build_checklist_pdfs(site2, SITE, "de", checklists, cache, False, log) == first
    assert (site2 / "checkliste/test/kundenfit-test-de.pdf").read_bytes() == made
    assert len(count_renders) == 1
    # A changed stylesheet (a resource, not the page) makes it anew; so does a changed page.
    (site2 / "kundenfit" / "kundenfit.css").write_bytes(KF_CSS + b"\n.kf-check{}")
    build_checklist_pdfs(site2, SITE, "de", checklists, cache, False, log)
    assert len(count_renders) == 2
    page = site2 / "checkliste/test/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Feedback", "Rückmeldung"), encoding="utf-8")
    build_checklist_pdfs(site2, SITE, "de", checklists, cache, False, log)
    assert len(count_renders) == 3
    remade = read((site2 / "checkliste/test/kundenfit-test-de.pdf").read_bytes())
    assert has(text_of(remade), "Rückmeldung eingeholt")
    # A cache entry whose PDF was damaged is not trusted.
    next(cache.glob("*.pdf")).write_bytes(b"%PDF-broken")
    build_checklist_pdfs(site2, SITE, "de", checklists, cache, False, log)
    assert len(count_renders) == 4


def test_whether_pdfs_are_possible_is_learnt_once_per_weasyprint_version(
    weasyprint_ok, tmp_path, monkeypatch
):
    """Pages link PDFs only where WeasyPrint runs; once it ran, the PDF cache remembers the
    version, and a build that finds every PDF in the cache does not import WeasyPrint."""
    cache = tmp_path / "cache"
    assert pdfs_possible(cache)
    monkeypatch.setattr(pdf, "pdf_support", lambda: pytest.fail("asked WeasyPrint again"))
    assert pdfs_possible(cache)
    # Another WeasyPrint version is asked again, and here it cannot run: no PDF links.
    monkeypatch.setattr(pdf, "installed_version", lambda: "999.0")
    monkeypatch.setattr(pdf, "pdf_support", lambda: (False, "WeasyPrint findet pango nicht (Test)"))
    assert not pdfs_possible(cache)
    monkeypatch.setattr(pdf, "installed_version", lambda: None)
    assert not pdfs_possible(tmp_path / "other-cache")


def test_cached_pdfs_are_written_without_weasyprint_a_new_one_is_not(
    weasyprint_ok, tmp_path, monkeypatch, caplog
):
    site, cache = tmp_path / "out", tmp_path / "cache"
    checklists = make_site(site)
    log = logging.getLogger("kundenfit.test")
    assert pdfs_possible(cache)
    first = build_checklist_pdfs(site, SITE, "de", checklists, cache, False, log)
    made = (site / "checkliste/test/kundenfit-test-de.pdf").read_bytes()
    # WeasyPrint's system libraries are gone: the cached PDF is still copied.
    monkeypatch.setattr(pdf, "pdf_support", lambda: (False, "WeasyPrint findet pango nicht (Test)"))
    site2 = tmp_path / "out2"
    make_site(site2)
    assert build_checklist_pdfs(site2, SITE, "de", checklists, cache, False, log) == first
    assert (site2 / "checkliste/test/kundenfit-test-de.pdf").read_bytes() == made
    # A changed page needs WeasyPrint: one warning, no PDF, and the next build asks again.
    page = site2 / "checkliste/test/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Feedback", "Rückmeldung"), encoding="utf-8")
    (site2 / "checkliste/test/kundenfit-test-de.pdf").unlink()
    with caplog.at_level(logging.WARNING, logger="kundenfit.test"):
        assert build_checklist_pdfs(site2, SITE, "de", checklists, cache, False, log) == []
    assert [r.getMessage() for r in caplog.records] == [
        "PDFs übersprungen: WeasyPrint findet pango nicht (Test)"
    ]
    assert not (site2 / "checkliste/test/kundenfit-test-de.pdf").exists()
    assert not pdfs_possible(cache)


def test_builder_without_cache_gives_the_same_bytes(weasyprint_ok, tmp_path):
    site = tmp_path / "out"
    checklists = make_site(site)
    log = logging.getLogger("test")
    target = site / "checkliste/test/kundenfit-test-de.pdf"
    build_checklist_pdfs(site, SITE, "de", checklists, tmp_path / "cache1", False, log)
    first = target.read_bytes()
    build_checklist_pdfs(site, SITE, "de", checklists, tmp_path / "cache2", False, log)
    assert target.read_bytes() == first


def test_english_subsite_reads_the_main_sites_files(weasyprint_ok, tmp_path):
    site = tmp_path / "out"
    [item] = make_site(site)
    item = {**item, "pdf_save_as": "checkliste/test/kundenfit-test-en.pdf"}
    result = build_checklist_pdfs(
        site / "en", f"{SITE}/en", "en", [item], tmp_path / "c", True, logging.getLogger("t")
    )
    assert result == [
        {"id": "test", "lang": "en", "pdf_url": f"{SITE}/en/checkliste/test/kundenfit-test-en.pdf"}
    ]
    reader = read((site / "en/checkliste/test/kundenfit-test-en.pdf").read_bytes())
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_missing_page_stops_the_build_a_missing_stylesheet_is_a_warning(weasyprint_ok, tmp_path, caplog):
    site = tmp_path / "out"
    checklists = make_site(site)
    log = logging.getLogger("kundenfit.test")
    missing_page = [{**checklists[0], "id": "x", "page_save_as": "x/index.html"}]
    with pytest.raises(KundenfitError, match="x/index.html fehlt im output"):
        build_checklist_pdfs(site, SITE, "de", missing_page, tmp_path / "cache", False, log)
    (site / "kundenfit" / "kundenfit.css").unlink()
    with caplog.at_level(logging.WARNING, logger="kundenfit.test"):
        build_checklist_pdfs(site, SITE, "de", checklists, tmp_path / "cache", True, log)
    assert [r.getMessage() for r in caplog.records] == [
        f"PDF der Checkliste 'test' (de): fehlt im output, ohne gedruckt: {SITE}/kundenfit/kundenfit.css"
    ]
    assert (site / "checkliste/test/kundenfit-test-de.pdf").is_file()
    # Once the stylesheet is there, the cached PDF (made without it) is not used.
    (site / "kundenfit" / "kundenfit.css").write_bytes(KF_CSS)
    calls = []
    real = pdf.render_pdf
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "render_pdf", lambda *a, **k: calls.append(1) or real(*a, **k))
        build_checklist_pdfs(site, SITE, "de", checklists, tmp_path / "cache", True, log)
    assert calls == [1]


def test_without_weasyprint_one_warning_and_no_pdfs(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(pdf, "pdf_support", lambda: (False, "WeasyPrint ist nicht installiert (Test)"))
    monkeypatch.setattr(pdf, "render_pdf", lambda *a, **k: pytest.fail("must not render"))
    site = tmp_path / "out"
    checklists = make_site(site)
    log = logging.getLogger("kundenfit.test")
    with caplog.at_level(logging.WARNING, logger="kundenfit.test"):
        assert build_checklist_pdfs(site, SITE, "de", checklists, tmp_path / "c", False, log) == []
        assert (
            build_checklist_pdfs(site / "en", f"{SITE}/en", "en", checklists, tmp_path / "c", False, log)
            == []
        )
    assert [r.getMessage() for r in caplog.records] == [
        "PDFs übersprungen: WeasyPrint ist nicht installiert (Test)"
    ]
    assert not list(site.rglob("*.pdf"))


def test_without_weasyprint_a_required_build_stops(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "pdf_support", lambda: (False, "WeasyPrint ist nicht installiert (Test)"))
    site = tmp_path / "out"
    checklists = make_site(site)
    with pytest.raises(KundenfitError, match="PDFs übersprungen: WeasyPrint ist nicht installiert"):
        build_checklist_pdfs(site, SITE, "de", checklists, tmp_path / "c", True, logging.getLogger("t"))


def test_pdf_support_says_why_not(monkeypatch):
    """A failed import is reported, not raised, and remembered for the process."""
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(pdf, "_support", None)
    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    ok, reason = pdf.pdf_support()
    assert not ok and "libpango" in reason and "apt-get install" in reason
    monkeypatch.setattr(builtins, "__import__", real_import)
    assert pdf.pdf_support() == (ok, reason)


def test_a_changed_quiz_link_that_print_hides_keeps_the_cached_pdf(weasyprint_ok, tmp_path, count_renders):
    """A related quiz title (screen only) changes: the PDF stays; a checklist line changes: made anew."""
    site, cache = tmp_path / "out", tmp_path / "cache"
    checklists = make_site(site)
    page = site / "checkliste/test/index.html"
    related = (
        '<ul class="kf-related"><li><a href="../../quiz/x/">Passender Selbsttest: {}</a></li></ul></main>'
    )
    page.write_text(
        page.read_text(encoding="utf-8").replace("</main>", related.format("Alt")), encoding="utf-8"
    )
    log = logging.getLogger("test")
    build_checklist_pdfs(site, SITE, "de", checklists, cache, False, log)
    page.write_text(page.read_text(encoding="utf-8").replace(": Alt", ": Neu"), encoding="utf-8")
    build_checklist_pdfs(site, SITE, "de", checklists, cache, False, log)
    assert len(count_renders) == 1
    page.write_text(page.read_text(encoding="utf-8").replace("Feedback", "Rückmeldung"), encoding="utf-8")
    build_checklist_pdfs(site, SITE, "de", checklists, cache, False, log)
    assert len(count_renders) == 2


def test_a_checklist_longer_than_one_page_is_named_with_its_rule_file_and_page_count(
    weasyprint_ok, tmp_path, caplog
):
    site = tmp_path / "out"
    [item] = make_site(site)
    long_items = {
        f"Gruppe {n}": [f"Punkt {n}.{m} mit etwas mehr Text zum Abhaken" for m in range(12)] for n in range(6)
    }
    (site / item["page_save_as"]).write_text(checklist_html(items=long_items), encoding="utf-8")
    item = {**item, "origin": "content/rules/lang.yaml:12"}
    log = logging.getLogger("kundenfit.test")
    with caplog.at_level(logging.WARNING, logger="kundenfit.test"):
        build_checklist_pdfs(site, SITE, "de", [item], tmp_path / "cache", True, log)
    pages = len(read((site / item["pdf_save_as"]).read_bytes()).pages)
    assert pages > 1
    assert [r.getMessage() for r in caplog.records] == [
        f"content/rules/lang.yaml:12: PDF der Checkliste 'test' (de): {pages} Seiten statt einer A4-Seite – "
        "kürze Einleitung oder Punkte, oder teile die Checkliste auf."
    ]


def test_write_in_fields_get_a_line_to_write_on(weasyprint_ok):
    """PDF renderers leave text inputs blank: the line under "Kundin oder Kunde:" and "Datum:"
    is drawn by the field itself, as wide as the field, in black."""
    import weasyprint

    fields = (
        '<div class="kf-fields"><p class="kf-field"><label for="f1">Kundin oder Kunde:</label> '
        '<input type="text" id="f1"></p><p class="kf-field"><label for="f2">Datum:</label> '
        '<input type="text" id="f2"></p></div>'
    )
    section = '<section class="kf-checklist">'
    html = checklist_html().replace(section, section + fields)
    fetcher = pdf._fetcher_class()(dict_fetcher({f"{SITE}/kundenfit/kundenfit.css": KF_CSS}))
    document = weasyprint.HTML(string=html, base_url=f"{SITE}/checkliste/test/", url_fetcher=fetcher).render()

    def boxes(box):
        yield box
        for child in getattr(box, "children", []):
            yield from boxes(child)

    lines = [
        box
        for page in document.pages
        for box in boxes(page._page_box)
        if getattr(box, "element", None) is not None
        and "kf-field" in (box.element.get("class") or "").split()
        and box.element_tag == "p"
    ]
    assert len(lines) == 2
    for box in lines:
        assert box.border_bottom_width >= 0.5 and box.width > 100
        assert tuple(box.style["border_bottom_color"])[:3] == (0, 0, 0)
