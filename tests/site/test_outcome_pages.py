"""Every outcome of every quiz has its own page in both languages, to share: a share image of
1200 × 630 pixels, og:* and twitter:card tags, the outcome's text and the way back to the quiz."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.kundenfit.outputs.share_image import share_image
from pelican.plugins.kundenfit.rules import load_rulebook
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_rulebook(ROOT / "content" / "rules")
OUTCOMES = [(quiz.id, outcome.id) for quiz in BOOK.quizzes.values() for outcome in quiz.outcomes]
LANGS = {"": "de_DE", "en/": "en_GB"}


def meta(soup, key: str) -> str | None:
    tags = soup.find_all("meta", attrs={"property": key}) or soup.find_all("meta", attrs={"name": key})
    assert len(tags) <= 1, f"{key} written {len(tags)} times"
    return tags[0]["content"] if tags else None


@pytest.mark.parametrize(("quiz_id", "outcome_id"), OUTCOMES)
@pytest.mark.parametrize("prefix", list(LANGS))
def test_outcome_page_has_its_share_image_and_og_tags(site_dir, site_origin, prefix, quiz_id, outcome_id):
    path = f"{prefix}quiz/{quiz_id}/ergebnis/{outcome_id}/"
    soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    url = f"{site_origin}/{path}"
    assert meta(soup, "og:url") == url
    assert meta(soup, "og:type") == "website" and meta(soup, "og:locale") == LANGS[prefix]
    title = meta(soup, "og:title")
    assert title and soup.title.get_text().startswith(title.split(" – ")[0])
    assert meta(soup, "og:description")
    image = meta(soup, "og:image")
    assert image == f"{url}teilen.png"
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "twitter:card") == "summary_large_image"
    with Image.open(site_dir / path / "teilen.png") as png:
        assert png.format == "PNG" and png.size == (1200, 630)
    invite = soup.select_one(".kf-invite a")
    assert invite["href"] == f"{site_origin}/{prefix}quiz/{quiz_id}/", "the page invites to take the quiz"
    assert soup.select_one(f"[data-kf-outcome-page='{outcome_id}'] .kf-outcome-text p")


@pytest.mark.parametrize("prefix", list(LANGS))
def test_quiz_page_names_and_links_its_outcome_pages(site_dir, site_origin, prefix):
    for quiz in BOOK.quizzes.values():
        soup = BeautifulSoup((site_dir / prefix / "quiz" / quiz.id / "index.html").read_text(), "html.parser")
        pages = json.loads(soup.select_one("[data-kf-quiz]")["data-kf-outcome-pages"])
        expected = {o.id: f"{site_origin}/{prefix}quiz/{quiz.id}/ergebnis/{o.id}/" for o in quiz.outcomes}
        assert pages == expected
        links = {a["data-kf-outcome-link"]: a["href"] for a in soup.select("a[data-kf-outcome-link]")}
        assert links == expected, "without JavaScript each outcome of the key links its page"


def test_share_images_are_the_same_bytes_on_a_rebuild_and_differ_by_language(site_dir):
    quiz = next(iter(BOOK.quizzes.values()))
    outcome = quiz.outcomes[0]
    german = (site_dir / "quiz" / quiz.id / "ergebnis" / outcome.id / "teilen.png").read_bytes()
    english = (site_dir / "en" / "quiz" / quiz.id / "ergebnis" / outcome.id / "teilen.png").read_bytes()
    assert german != english, "the English page shares an English image"
    again = share_image(
        site="Kundenfit", quiz_title=quiz.title, outcome_title=outcome.title, invite="Und wie ist es bei dir?"
    )
    assert again == german
    assert Image.open(io.BytesIO(again)).size == (1200, 630)
