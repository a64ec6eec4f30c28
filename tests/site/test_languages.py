"""Both languages exist page for page, link to each other, and say which language they are in."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from tests.support.checks import html_files


def soup(path):
    parser = "xml" if path.suffix == ".xml" else "html.parser"
    return BeautifulSoup(path.read_text(encoding="utf-8"), parser)


def german_pages(site_dir):
    return [f for f in html_files(site_dir) if not f.relative_to(site_dir).as_posix().startswith("en/")]


def test_every_german_page_has_an_english_page(site_dir):
    missing = [
        f.relative_to(site_dir).as_posix()
        for f in german_pages(site_dir)
        if not (site_dir / "en" / f.relative_to(site_dir)).exists()
    ]
    assert missing == []


def test_html_lang_matches_the_site_language(site_dir):
    wrong = []
    for file in html_files(site_dir):
        rel = file.relative_to(site_dir).as_posix()
        expected = "en" if rel.startswith("en/") else "de"
        if soup(file).html.get("lang") != expected:
            wrong.append(rel)
    assert wrong == []


def test_switcher_and_hreflang_lead_to_the_same_page_in_the_other_language(site_dir, site_origin):
    for file in german_pages(site_dir):
        rel = file.relative_to(site_dir).as_posix()
        if rel.startswith("embed/"):
            continue  # embed pages live in iframes on other sites: no site chrome, noindex
        path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        de, en = soup(file), soup(site_dir / "en" / rel)
        assert de.select_one(".lang-switch a")["href"] == f"{site_origin}/en/{path}", rel
        assert en.select_one(".lang-switch a")["href"] == f"{site_origin}/{path}", rel
        alternates = {
            link["hreflang"]: link["href"] for link in de.find_all("link", rel="alternate", hreflang=True)
        }
        assert alternates == {
            "de": f"{site_origin}/{path}",
            "en": f"{site_origin}/en/{path}",
            "x-default": f"{site_origin}/{path}",
        }, rel


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_feed_and_sitemap_per_language(site_dir, site_origin, lang_prefix):
    feed = soup(site_dir / lang_prefix / "feeds/all.atom.xml")
    assert len(feed.find_all("entry")) == 5
    sitemap = soup(site_dir / lang_prefix / "sitemap.xml")
    alternates = sitemap.find_all("link")
    assert {a["hreflang"] for a in alternates} == {"de", "en"}
    assert f"{site_origin}/{lang_prefix}quiz/kundenfit/" in {
        loc.get_text() for loc in sitemap.find_all("loc")
    }


def test_manifest_lists_every_view_in_both_languages(site_dir, site_origin):
    manifest = json.loads((site_dir / "manifest.json").read_text(encoding="utf-8"))
    items = manifest["items"]
    by_lang = {lang: {(i["type"], i["id"]) for i in items if i["lang"] == lang} for lang in ("de", "en")}
    assert by_lang["de"] == by_lang["en"] and len(by_lang["de"]) == 6
    english = next(i for i in items if i["lang"] == "en" and i["id"] == "kundenfit")
    german = next(i for i in items if i["lang"] == "de" and i["id"] == "kundenfit")
    assert english["url"] == f"{site_origin}/en/quiz/kundenfit/"
    assert english["embed_url"] == f"{site_origin}/en/embed/kundenfit/"
    assert (site_dir / "en/embed/kundenfit/index.html").is_file()
    assert english["title"] != german["title"]


def test_manifest_gives_each_checklist_pdf_that_exists(site_dir, site_origin):
    manifest = json.loads((site_dir / "manifest.json").read_text(encoding="utf-8"))
    checklists = [i for i in manifest["items"] if i["type"] == "checklist"]
    assert len(checklists) == 6
    for item in checklists:
        assert item["pdf_url"].endswith(f"-{item['lang']}.pdf")
        assert (site_dir / item["pdf_url"].removeprefix(site_origin + "/")).is_file()
