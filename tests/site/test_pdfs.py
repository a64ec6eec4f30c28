"""The built site has one PDF per checklist and language, linked from the checklist page: one A4
page with every item, the page's language and title in its metadata, the same bytes per build.

Skips without WeasyPrint, unless KUNDENFIT_PDF_REQUIRED=1 (as in CI), where that is a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.kundenfit.outputs import pdf
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.build import ROOT, build_site
from tests.support.checks import resolve

pypdf = pytest.importorskip("pypdf")

BOOK = load_rulebook(ROOT / "content" / "rules")
CASES = [(lang, cid) for lang in ("de", "en") for cid in sorted(BOOK.checklists)]


@pytest.fixture(scope="module", autouse=True)
def weasyprint_available():
    ok, reason = pdf.pdf_support()
    if not ok:
        if os.environ.get("KUNDENFIT_PDF_REQUIRED") == "1":
            pytest.fail(f"KUNDENFIT_PDF_REQUIRED=1 but {reason}")
        pytest.skip(f"no checklist PDFs on this machine: {reason}")


def words(text: str) -> str:
    """Texts compared without whitespace, so line breaks (also after a hyphen) do not matter."""
    return "".join(text.split())


def checklist_page(site_dir, lang, cid):
    prefix = "" if lang == "de" else "en/"
    path = site_dir / prefix / "checkliste" / cid / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pdf_file(site_dir, site_origin, lang, cid):
    """The PDF the checklist page's download link points to."""
    link = checklist_page(site_dir, lang, cid).select_one("a.kf-download")
    assert link is not None, f"{lang}/{cid}: no PDF download link"
    assert link.get("type") == "application/pdf" and link.has_attr("download")
    target = resolve(site_dir, link["href"], site_origin)
    assert target is not None and target.is_file(), f"{lang}/{cid}: {link['href']} was not built"
    return target


@pytest.mark.parametrize(("lang", "cid"), CASES)
def test_each_checklist_has_a_one_page_pdf_with_every_item(site_dir, site_origin, lang, cid):
    reader = pypdf.PdfReader(pdf_file(site_dir, site_origin, lang, cid))
    assert len(reader.pages) == 1
    text = words(" ".join(page.extract_text() for page in reader.pages))
    page = checklist_page(site_dir, lang, cid)
    if lang == "de":  # the rule files' own texts
        checklist = BOOK.checklists[cid]
        items = [rule.check for group in checklist.groups for rule in group.rules]
        groups = [group.title for group in checklist.groups]
        title = checklist.title
    else:  # the English texts, as the English page shows them
        items = [label.get_text() for label in page.select(".kf-check label")]
        groups = [heading.get_text() for heading in page.select(".kf-group-title")]
        title = page.select_one("h1").get_text()
    assert items and all(words(item) in text for item in items), [i for i in items if words(i) not in text]
    assert all(words(group) in text for group in groups)
    assert reader.metadata.title == " ".join(title.split())
    assert reader.metadata.author
    assert reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == lang


def test_two_clean_builds_give_the_same_pdfs(site_dir, site_origin, tmp_path):
    """A second build with an empty PDF cache renders every PDF anew: the bytes must not change."""
    other = tmp_path / "output"
    result = build_site(other, site_origin, [f'CACHE_PATH="{tmp_path / "cache"}"'])  # more -e settings
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "cache").rglob("*.pdf")), "the build did not use its own PDF cache"
    for lang, cid in CASES:
        first = pdf_file(site_dir, site_origin, lang, cid)
        second = other / first.relative_to(site_dir)
        assert second.read_bytes() == first.read_bytes(), f"{lang}/{cid} differs between builds"


def test_a_build_with_every_pdf_cached_needs_no_weasyprint(site_dir, site_origin, tmp_path):
    """Once the PDFs are in the cache, a build (here with the rest of the cache gone and
    WeasyPrint unimportable) still links and writes the same PDFs in both languages."""
    cache = tmp_path / "cache"
    first = build_site(tmp_path / "first", site_origin, [f'CACHE_PATH="{cache}"'])
    assert first.returncode == 0, first.stderr
    for entry in cache.iterdir():
        if entry.name != "kundenfit-pdf":
            shutil.rmtree(entry)
    blocked = tmp_path / "blocked" / "weasyprint"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text('raise ImportError("blocked by the test")\n', encoding="utf-8")
    second = tmp_path / "second"
    result = build_site(
        second, site_origin, [f'CACHE_PATH="{cache}"'], env={"PYTHONPATH": str(blocked.parent)}
    )
    assert result.returncode == 0, result.stderr
    assert "PDFs übersprungen" not in result.stderr
    for lang, cid in CASES:
        made = pdf_file(second, site_origin, lang, cid)
        assert made.read_bytes() == pdf_file(site_dir, site_origin, lang, cid).read_bytes(), f"{lang}/{cid}"
