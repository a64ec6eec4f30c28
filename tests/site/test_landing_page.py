"""The landing page builds trust in both languages: the flagship's promise with its honest
length, a preview of a real result, quiz cards that say what you learn with a start button
each, testimonials only from the coach's file, the coach, Über in the footer, and a 404 that
offers the flagship quiz. An English landing page shows no German, also with a newsletter.

The shipped site (site_dir) has no testimonials; `coached` is built with the coach's own
testimonials file, photo, name and role and an owner e-mail (which brings the newsletter box).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.kundenfit.rules import load_rulebook
from PIL import Image

from tests.site.test_english_pages import visible_text
from tests.support.build import ROOT, build_site
from tests.support.checks import broken_links, resolve, validate_html
from tests.support.german_text import german_fragments, german_in
from tests.support.landing import build_coached_site
from tests.support.weight import page_transfer

SITEURL = "http://127.0.0.1:8798"


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def flagship():
    quiz = load_rulebook(ROOT / "content" / "rules").quizzes["kundenfit"]
    return quiz, math.ceil(len(quiz.rules) * 15 / 60)


@pytest.fixture(scope="module")
def coached(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("coached")
    result = build_coached_site(folder, SITEURL)
    assert result.returncode == 0, result.stderr
    return folder / "output"


@pytest.mark.parametrize(
    "rel,promise",
    [("index.html", "In {} Minuten weißt du, ob"), ("en/index.html", "In {} minutes you’ll know whether")],
)
def test_the_promise_names_the_flagships_real_length(site_dir, rel, promise):
    quiz, minutes = flagship()
    page = soup(site_dir, rel)
    assert page.h1.get_text().startswith(promise.format(minutes))
    assert page.select_one("main a[data-flagship]")["href"].endswith("quiz/kundenfit/")


def test_the_preview_shows_a_real_result_marked_as_an_example(site_dir):
    quiz, _ = flagship()
    card = soup(site_dir, "index.html").select_one(".preview-card")
    verdict = card.select_one(".preview-card__verdict").get_text()
    assert verdict in [outcome.title for outcome in quiz.outcomes]
    assert card.select_one(".preview-card__tag").get_text() == "Beispiel"
    assert "Dein nächster Schritt" in card.get_text() and len(card.select("li")) == 2


@pytest.mark.parametrize("rel", ["index.html", "en/index.html"])
def test_every_quiz_card_says_what_you_learn_and_starts_its_quiz(site_dir, rel):
    book = load_rulebook(ROOT / "content" / "rules")
    cards = soup(site_dir, rel).select("#quizze .card")
    assert len(cards) == len(book.quizzes)
    for card in cards:
        links = card.select("a")
        assert len(links) == 1 and "button" in links[0]["class"], card
        href = links[0]["href"]
        quiz_id = href.rstrip("/").rsplit("/", 1)[-1]
        assert href.endswith(f"{'en/' if rel.startswith('en') else ''}quiz/{quiz_id}/"), href
        assert (site_dir / rel).parent.joinpath("quiz", quiz_id, "index.html").is_file(), href
        assert len(card.select(".card__outcomes li")) == len(book.quizzes[quiz_id].outcomes)
        assert not card.find(string=lambda text: "Weiß ich noch nicht" in text), "instructions, not a benefit"


def test_the_shipped_site_shows_no_testimonials(site_dir):
    for rel in ("index.html", "en/index.html"):
        assert not soup(site_dir, rel).select(".testimonials"), rel


def test_testimonials_from_the_coachs_file_in_their_language(coached):
    german = [q.get_text(" ", strip=True) for q in soup(coached, "index.html").select(".testimonials figure")]
    english = [
        q.get_text(" ", strip=True) for q in soup(coached, "en/index.html").select(".testimonials figure")
    ]
    assert german == [
        "Nach dem Quiz wusste ich, warum mich diese Kundin so viel Kraft kostet. "
        "Testperson Eins, Coach für Führungskräfte"
    ]
    assert english == ["After the quiz I knew why this client drained me. Test Person Two"]


def test_the_coach_with_a_small_local_photo(coached):
    coach = soup(coached, "index.html").select_one(".coach")
    assert "Erika Sommer" in coach.get_text() and "Coaching für Selbstständige" in coach.get_text()
    photo = coach.select_one("img")
    assert photo["alt"] == "Foto von Erika Sommer"
    assert (photo["width"], photo["height"]) == ("96", "96")
    assert photo["src"].startswith(SITEURL + "/")
    file = resolve(coached, photo["src"], SITEURL)
    with Image.open(file) as image:
        assert image.size == (192, 192)
    assert file.stat().st_size < 10_000
    assert soup(coached, "en/index.html").select_one(".coach img")["alt"] == "Photo of Erika Sommer"
    assert page_transfer(coached, coached / "index.html", SITEURL) <= 60 * 1024


def test_without_a_photo_the_coach_gets_initials(site_dir):
    coach = soup(site_dir, "index.html").select_one(".coach")
    assert coach.select_one("img") is None
    assert coach.select_one(".coach__initials").get_text() == "K"  # Kundenfit, the site's name


def test_english_landing_page_with_an_owner_email_has_no_german(coached):
    """The newsletter promise comes from the plugin's catalog; it was shown in German."""
    page = coached / "en" / "index.html"
    newsletter = soup(coached, "en/index.html").select_one(".newsletter").get_text(" ", strip=True)
    assert "New quizzes and checklists by email" in newsletter
    assert german_in(visible_text(page), german_fragments()) == []


@pytest.mark.parametrize("rel,about", [("index.html", "Über"), ("en/index.html", "About")])
def test_the_footer_links_the_about_page(site_dir, rel, about):
    links = soup(site_dir, rel).select(".site-footer a")
    assert [a.get_text() for a in links][0] == about
    assert links[0]["href"].endswith("ueber/")


@pytest.mark.parametrize("rel", ["404.html", "en/404.html"])
def test_the_404_page_offers_the_flagship_quiz(site_dir, rel):
    link = soup(site_dir, rel).select_one("main a[data-flagship]")
    assert link["href"].endswith(("en/" if rel.startswith("en") else "") + "quiz/kundenfit/")


def test_the_filled_landing_pages_are_valid_html_with_working_links(coached):
    pages = [coached / "index.html", coached / "en" / "index.html"]
    assert validate_html(pages) == []
    assert broken_links(coached, SITEURL) == []


def test_english_landing_page_with_a_lead_form_has_no_german(tmp_path):
    """The sign-up form on the landing page is the plugin's macro: its labels are English too."""
    lead = {
        "preset": "mailchimp",
        "action": "https://muster.us1.list-manage.com/subscribe/post?u=ab12&id=cd34",
    }
    result = build_site(tmp_path / "output", SITEURL, [f"KUNDENFIT_LEAD_FORM={json.dumps(lead)}"])
    assert result.returncode == 0, result.stderr
    page = tmp_path / "output" / "en" / "index.html"
    assert soup(tmp_path / "output", "en/index.html").select_one(".newsletter label[for=start-nl-email]")
    assert german_in(visible_text(page), german_fragments()) == []
