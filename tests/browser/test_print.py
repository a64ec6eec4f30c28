"""Printing in Chromium: every checklist page fits one A4 page without the site's chrome, and a
quiz result prints as a record (questions with the chosen answers, outcome, advice).
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.quiz import answer_steps

pypdf = pytest.importorskip("pypdf")

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_rulebook(ROOT / "content" / "rules")


def printed(page) -> pypdf.PdfReader:
    page.emulate_media(media="print")
    try:
        return pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    finally:
        page.emulate_media(media="screen")


def words(text: str) -> str:
    """Texts compared without whitespace: where the PDF breaks lines (also after a hyphen, as in
    "round-the-|clock") and ligatures (ﬁ) must not matter."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def text_of(reader) -> str:
    return words(" ".join(p.extract_text() for p in reader.pages))


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("cid", sorted(BOOK.checklists))
def test_checklist_prints_on_one_page_without_site_chrome(page, site_url, prefix, cid):
    url = f"{site_url}{prefix}checkliste/{cid}/"
    page.goto(url)
    items = [words(t) for t in page.locator(".kf-check label").all_inner_texts()]
    chrome = [
        words(" ".join(page.locator(".site-nav a").all_inner_texts())),
        words(page.locator(".skip-link").inner_text()),
        words(page.locator(".site-footer__claim").inner_text()),
    ]
    reader = printed(page)
    assert len(reader.pages) == 1
    text = text_of(reader)
    assert items and all(item in text for item in items)
    assert words(url) in text, "the footer names the page's address"
    assert all(chrome) and not [c for c in chrome if c in text], "no navigation, skip link or site footer"
    box = page.locator(".kf-check input").first
    page.emulate_media(media="print")
    style = box.evaluate("el => { const s = getComputedStyle(el); return [s.appearance, s.borderTopStyle] }")
    assert style == ["none", "solid"], "boxes print as empty squares to tick"


def test_quiz_result_prints_answers_outcome_and_advice_without_the_key(page, site_url):
    quiz = BOOK.quizzes["kundenfit"]
    worst = [min(range(len(r.answers)), key=lambda i, r=r: r.answers[i].points) for r in quiz.rules]
    want = score(quiz, worst)
    advice = [r.advice_for(worst[n]) for n, r in enumerate(quiz.rules) if r.id in want.weak]
    advice = [a for a in advice if a]
    assert advice, "choose answers that get advice"

    page.goto(f"{site_url}quiz/{quiz.id}/")
    print_button = page.get_by_role("button", name="Ergebnis drucken")
    assert print_button.is_hidden(), "no print button before there is a result"
    answer_steps(page, quiz.id, worst)
    page.get_by_role("button", name="Auswerten").click()
    assert print_button.is_visible()
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    print_button.click()
    assert page.evaluate("window.__printed") == 1

    text = text_of(printed(page))
    assert words(quiz.outcome(want.outcome).title) in text
    assert all(words(a) in text for a in advice)
    first = quiz.rules[0]
    assert words(first.question) in text and words(first.answers[worst[0]].text) in text
    assert not [a.text for i, a in enumerate(first.answers) if i != worst[0] and words(a.text) in text]
    assert "Punkte je Antwort" not in text, "the scoring key stays on screen"


def test_english_quiz_result_from_its_link_prints_outcome_and_advice(page, site_url):
    quiz = BOOK.quizzes["kundenfit"]
    # The worst answer that counts (not the open one) to every question: advice for each.
    answers = [
        min((i for i, a in enumerate(r.answers) if not a.open), key=lambda i, r=r: r.answers[i].points)
        for r in quiz.rules
    ]
    page.goto(f"{site_url}en/quiz/{quiz.id}/#kf-{quiz.id}={'-'.join(map(str, answers))}")
    root = page.locator(f'[data-kf-quiz="{quiz.id}"]')
    root.locator("[data-kf-result]").wait_for(state="visible")
    title = root.locator("[data-kf-outcome-title]").inner_text()
    advice = [words(t) for t in root.locator("[data-kf-advice]:visible").all_inner_texts()]
    assert title and advice
    text = text_of(printed(page))
    assert words(title) in text
    assert [a for a in advice if a not in text] == []


def test_blank_quiz_prints_every_question_the_key_and_the_credits(page, site_url):
    """On screen one question at a time, key and credits waiting for the result; on paper the
    whole self-test."""
    quiz = BOOK.quizzes["kundenfit"]
    page.goto(f"{site_url}quiz/{quiz.id}/")
    assert page.locator("[data-kf-key]").is_hidden() and page.locator("fieldset:visible").count() == 1
    text = text_of(printed(page))
    assert all(words(rule.question) in text for rule in quiz.rules)
    assert words("Punkte je Antwort") in text, "the scoring key prints open"
    assert page.locator(".kf-credits").is_hidden()
    assert words("Beruht auf unseren Artikeln:") in text, "the credits print though off the question screens"
