"""The built German site has the pages and the article structure the issue promises."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

ARTICLES = [
    "nein-als-segen",
    "kunden-die-nicht-passen",
    "phasen-der-kundenbeziehung",
    "wunschkunden-avatar",
    "kontakt-in-der-krise",
]


def soup_of(site_dir, rel):
    path = site_dir / rel
    assert path.exists(), f"{rel} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(
    "rel",
    [
        "index.html",
        "ueber/index.html",
        "impressum/index.html",
        "datenschutz/index.html",
        "404.html",
        "artikel/index.html",
    ],
)
def test_site_pages_exist_with_one_h1(site_dir, rel):
    soup = soup_of(site_dir, rel)
    assert len(soup.find_all("h1")) == 1
    assert soup.html["lang"] == "de"
    assert soup.find("main") and soup.find("nav") and soup.find("footer")
    assert soup.select_one("a.skip-link")["href"] == "#inhalt"


@pytest.mark.parametrize("slug", ARTICLES)
def test_article_structure(site_dir, slug):
    soup = soup_of(site_dir, f"artikel/{slug}/index.html")
    article = soup.find("article")
    assert len(soup.find_all("h1")) == 1
    assert soup.select_one(".article__summary").get_text(strip=True)
    keypoints = soup.select(".keypoints li")
    assert 3 <= len(keypoints) <= 5, "Das Wichtigste in Kürze needs 3-5 points"
    assert soup.select_one(".keypoints h2").get_text() == "Das Wichtigste in Kürze"
    body_h2 = article.select(".article__body h2")
    assert len(body_h2) >= 2, "sections under h2 headings"
    meta = soup.select_one(".article__header .meta").get_text(" ", strip=True)
    assert "Min. Lesezeit" in meta and "Kategorie" in meta
    minutes = int(re.search(r"(\d+) Min\. Lesezeit", meta).group(1))
    assert 1 <= minutes <= 8, "reading time counts the article's text, not the embedded quiz"
    assert soup.select_one(".tags .tag-list").get_text(strip=True), "tags are listed"
    source = soup.select_one(".source")
    assert source and "Quelle" in source.h2.get_text()
    assert source.select(".source__details li"), "the original is credited by title, author or site"
    assert "unbekannt" not in source.get_text().lower(), "an unnamed author is left out, not 'unbekannt'"
    assert article.select(".article__body ul li, .article__body ol li"), "lists stay lists"


def test_dates_are_formatted_in_german(site_dir):
    soup = soup_of(site_dir, "artikel/nein-als-segen/index.html")
    text = soup.select_one(".article__header time").get_text()
    month = text.split()[1]
    assert month in {
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    }, text
    assert text.split()[0].endswith(".")


@pytest.mark.parametrize("slug", ARTICLES)
def test_article_head_has_canonical_og_and_jsonld(site_dir, site_origin, slug):
    soup = soup_of(site_dir, f"artikel/{slug}/index.html")
    url = f"{site_origin}/artikel/{slug}/"
    assert soup.find("link", rel="canonical")["href"] == url
    assert soup.find("meta", property="og:url")["content"] == url
    assert soup.find("meta", property="og:type")["content"] == "article"
    assert soup.find("meta", property="og:title")["content"]
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "Article" and data["inLanguage"] == "de"
    based_on = data["isBasedOn"]
    assert based_on.get("name") or based_on.get("author"), "the original is credited"
    assert "unbekannt" not in json.dumps(based_on, ensure_ascii=False).lower()


def test_author_site_is_named_as_hers_not_as_where_the_piece_appeared(site_dir):
    """The original names www.sabinakocherhans.com only as Sabina Kocherhans' own site (in her
    author box), not as the place the article appeared: the credit says so, in JSON-LD too."""
    soup = soup_of(site_dir, "artikel/kunden-die-nicht-passen/index.html")
    source = soup.select_one(".source")
    link = source.select_one("a[href='https://www.sabinakocherhans.com/']")
    assert link.parent.get_text(" ", strip=True) == "Website von Sabina Kocherhans: www.sabinakocherhans.com"
    assert "Erschienen bei" not in source.get_text() and "Zum Original" not in source.get_text()
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["isBasedOn"]["author"] == {
        "@type": "Person",
        "name": "Sabina Kocherhans",
        "url": "https://www.sabinakocherhans.com/",
    }
    assert "url" not in data["isBasedOn"] and "publisher" not in data["isBasedOn"]


def test_source_without_author_is_credited_by_title_only(site_dir):
    soup = soup_of(site_dir, "artikel/phasen-der-kundenbeziehung/index.html")
    source = soup.select_one(".source")
    assert source.cite.get_text().startswith("Liebe auf den ersten Blick?")
    assert source.strong is None and source.a is None
    assert "Wer den Beitrag geschrieben hat, geht aus ihm nicht hervor." in source.get_text(" ", strip=True)
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert "author" not in data["isBasedOn"] and "url" not in data["isBasedOn"]


def test_site_without_address_in_the_source_is_not_linked(site_dir):
    source = soup_of(site_dir, "artikel/nein-als-segen/index.html").select_one(".source")
    assert "Lebe deinen Kundentraum" in source.get_text() and source.a is None


@pytest.mark.parametrize("slug", ARTICLES)
def test_updated_date_is_shown_when_it_differs(site_dir, slug):
    soup = soup_of(site_dir, f"artikel/{slug}/index.html")
    updated = soup.select_one(".article__header time.updated")
    assert updated and updated.get_text() == "Aktualisiert am 28. November 2026"
    assert updated["datetime"].startswith("2026-11-28")
    assert soup.find("meta", property="article:modified_time")["content"].startswith("2026-11-28")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["dateModified"].startswith("2026-11-28")


def test_english_credit_names_the_authors_site_in_german(site_dir):
    soup = soup_of(site_dir, "en/artikel/kunden-die-nicht-passen/index.html")
    link = soup.select_one(".source a")
    assert link.parent.get_text(" ", strip=True) == "Sabina Kocherhans’s website: www.sabinakocherhans.com"
    assert link["hreflang"] == "de"
    assert soup.select_one(".article__header time.updated").get_text() == "Updated 28 November 2026"


def test_legal_pages_show_owner_data_from_settings(site_dir):
    for rel in ("impressum/index.html", "datenschutz/index.html"):
        text = soup_of(site_dir, rel).get_text(" ")
        assert "[Platzhalter: Vor- und Nachname oder Firmenname]" in text
        assert "[Platzhalter: E-Mail-Adresse]" in text
        assert "example.org" not in text
        english = soup_of(site_dir, "en/" + rel).get_text(" ")
        assert "[Placeholder: full name or company name]" in english
        assert "Platzhalter" not in english


def test_impressum_asks_for_a_second_fast_contact_besides_email(site_dir):
    for rel, label in (
        ("impressum/index.html", "[Platzhalter: Telefonnummer oder Adresse eines Kontaktformulars]"),
        ("en/impressum/index.html", "[Placeholder: phone number or address of a contact form]"),
    ):
        contact = soup_of(site_dir, rel).find(id="kontakt").find_next("p").get_text(" ", strip=True)
        assert label in contact, contact


def test_privacy_page_names_the_transfer_to_the_usa_for_the_default_host(site_dir):
    """KUNDENFIT_HOST is Cloudflare (a US company) in pelican.conf.py: the page says so."""
    for rel, heading, words in (
        ("datenschutz/index.html", "Übermittlung in die USA", ("Cloudflare, Inc.", "Privacy Framework")),
        ("en/datenschutz/index.html", "Transfer to the USA", ("Cloudflare, Inc.", "contractual clauses")),
    ):
        soup = soup_of(site_dir, rel)
        section = soup.find(id="drittland")
        assert section.get_text() == heading
        text = " ".join(p.get_text(" ", strip=True) for p in section.find_next_siblings("p", limit=2))
        assert all(word in text for word in words), text
        assert "eigenen Server" not in soup.get_text() and "our own server" not in soup.get_text()


def test_privacy_page_says_what_each_embedding_path_passes_on(site_dir):
    """Script loader: height, scroll position, result event; plain iframe: nothing; WordPress:
    height and the address of every clicked link (kundenfit-frame.js posts them to the parent)."""
    paths = soup_of(site_dir, "datenschutz/index.html").select("#einbettung ~ ul.embed-paths > li")
    texts = [li.get_text(" ", strip=True) for li in paths]
    assert len(texts) == 3
    assert "Höhe" in texts[0] and "kundenfit:result" in texts[0]
    assert texts[1].endswith("nichts.")
    assert "WordPress" in texts[2] and "Klick auf einen Link" in texts[2] and "deine Antworten" in texts[2]


def test_no_web_fonts_as_the_privacy_page_promises(site_dir):
    """The page says the site loads no fonts: no style sheet may bring one (@font-face)."""
    sheets = [path for path in site_dir.rglob("*.css")]
    assert sheets
    for sheet in sheets:
        assert "@font-face" not in sheet.read_text(encoding="utf-8"), sheet
    assert "lädt keine Schriften" in soup_of(site_dir, "datenschutz/index.html").get_text()


def test_landing_page_presents_quizzes_and_checklists(site_dir):
    soup = soup_of(site_dir, "index.html")
    assert len(soup.select("#quizze .card")) >= 3
    assert len(soup.select("#checklisten .card")) >= 3
    # Without a provider and with the owner's address still a placeholder, no newsletter
    # promise points at an address that does not exist (test_publish checks the filled site).
    assert not soup.select("a[href^='mailto:']")


def test_sitemap_and_feed(site_dir, site_origin):
    sitemap = BeautifulSoup((site_dir / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    locs = {loc.get_text() for loc in sitemap.find_all("loc")}
    assert f"{site_origin}/artikel/nein-als-segen/" in locs
    assert f"{site_origin}/quiz/kundenfit/" in locs
    feed = BeautifulSoup((site_dir / "feeds/all.atom.xml").read_text(encoding="utf-8"), "xml")
    assert len(feed.find_all("entry")) == len(ARTICLES)
