"""Every quiz and checklist view names the articles and original authors it is based on, in both
languages: own pages, embed pages and the checklist PDFs (the rules' `sources` lead to the
articles, the articles' Source_* keys to the original posts)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.kundenfit.outputs import pdf
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.build import ROOT

BOOK = load_rulebook(ROOT / "content" / "rules")
AUTHORS = {  # what the articles' Source_author / Source_title say
    "nein-als-segen": "Julia",
    "kunden-die-nicht-passen": "Sabina Kocherhans",
    "phasen-der-kundenbeziehung": "Liebe auf den ersten Blick?",  # no author in the original
    "wunschkunden-avatar": "Sebastian Zitzmann",
    "kontakt-in-der-krise": "Zarko",
}
VIEWS = [("quiz", q) for q in sorted(BOOK.quizzes)] + [("checkliste", c) for c in sorted(BOOK.checklists)]
VIEWS += [("embed", q) for q in sorted(BOOK.quizzes)]
LANGS = {"de": ("", "Beruht auf"), "en": ("en/", "Based on our article")}


def slugs_of(kind: str, view_id: str) -> set[str]:
    if kind == "checkliste":
        rules = [r for g in BOOK.checklists[view_id].groups for r in g.rules]
    else:
        rules = BOOK.quizzes[view_id].rules
    return {slug for rule in rules for slug in rule.sources}


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize(("kind", "view_id"), VIEWS)
def test_view_credits_its_articles_and_authors(site_dir, lang, kind, view_id):
    prefix, heading = LANGS[lang]
    page = site_dir / prefix / kind / view_id / "index.html"
    credits = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".kf-credits")
    assert credits is not None, f"{page}: no credits"
    assert heading in credits.get_text()
    links = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in credits.select("li > a:first-child")}
    assert links == slugs_of(kind, view_id)
    for slug in slugs_of(kind, view_id):
        assert AUTHORS[slug] in credits.get_text(), (page, slug)
    assert "unbekannt" not in credits.get_text() and "unknown" not in credits.get_text()


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize("checklist_id", sorted(BOOK.checklists))
def test_checklist_pdf_credits_the_authors(site_dir, lang, checklist_id):
    if not pdf.pdf_support()[0]:
        pytest.skip("no checklist PDFs on this machine")
    pypdf = pytest.importorskip("pypdf")
    prefix = LANGS[lang][0]
    path = site_dir / prefix / "checkliste" / checklist_id / f"kundenfit-{checklist_id}-{lang}.pdf"
    text = "".join(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages).split())
    for slug in slugs_of("checkliste", checklist_id):
        assert "".join(AUTHORS[slug].split()) in text, (path, slug)
