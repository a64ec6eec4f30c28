"""The quizzes of the real site in Chromium: scoring, result links, keyboard, no-JS, a missing answer.

The expected outcome of every answer set comes from the Python scorer, so these tests also
check that the page shows what kundenfit.quiz.scoring computes.
"""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.quiz import answer_steps

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_rulebook(ROOT / "content" / "rules")
QUIZ_IDS = sorted(BOOK.quizzes)


def quiz_url(site_url: str, quiz_id: str) -> str:
    return f"{site_url}quiz/{quiz_id}/"


def two_answer_sets(quiz):
    """Two answer sets (best-first, then worst, then seeded random) with different outcomes."""
    best = tuple(max(range(len(r.answers)), key=lambda i, r=r: r.answers[i].points) for r in quiz.rules)
    worst = tuple(min(range(len(r.answers)), key=lambda i, r=r: r.answers[i].points) for r in quiz.rules)
    rng = random.Random(quiz.id)
    candidates = itertools.chain(
        [best, worst],
        (tuple(rng.randrange(len(r.answers)) for r in quiz.rules) for _ in range(5000)),
    )
    first = next(candidates)
    for other in candidates:
        if score(quiz, other).outcome != score(quiz, first).outcome and not score(quiz, other).tied:
            return first, other
    pytest.fail(f"quiz {quiz.id} gives the same outcome for every tried answer set")


def answer(page, quiz, answers) -> None:
    answer_steps(page, quiz.id, answers)


def shown_result(page, quiz) -> dict:
    """What the result region shows: outcome id, title, and the texts JS filled in."""
    root = page.locator(f'[data-kf-quiz="{quiz.id}"]')
    result = root.locator("[data-kf-result]")
    result.wait_for(state="visible")
    visible = root.locator("[data-kf-outcome]:visible")
    assert visible.count() == 1
    return {
        "outcome": visible.get_attribute("data-kf-outcome"),
        "title": root.locator("[data-kf-outcome-title]").inner_text(),
        "text": result.inner_text(),
        "caps": root.locator("[data-kf-cap]:visible").count(),
        # Tips beyond the first three are folded away (<details>), but shown in the result.
        "advice": root.locator("[data-kf-advice]:not([hidden])").count(),
    }


def check_result_matches_python(page, quiz, answers) -> str:
    want = score(quiz, list(answers))
    shown = shown_result(page, quiz)
    assert shown["outcome"] == want.outcome
    assert shown["title"] == quiz.outcome(want.outcome).title
    if quiz.kind == "score":
        assert f"{want.total} von {want.max_total} Punkten" in shown["text"]
        for topic_id, label in quiz.topics:
            got, most = want.subscores[topic_id]
            assert f"{label}: {got} von {most} Punkten" in shown["text"]
    assert shown["caps"] == len(want.capped_by)
    advised = [r for r in quiz.rules if r.id in want.weak and r.advice_for(answers[quiz.rules.index(r)])]
    assert shown["advice"] == len(advised)
    return want.outcome


@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
def test_two_answer_sets_give_their_outcomes_and_restart_clears(page, site_url, quiz_id):
    quiz = BOOK.quizzes[quiz_id]
    first, second = two_answer_sets(quiz)
    page.goto(quiz_url(site_url, quiz_id))
    answer(page, quiz, first)
    page.get_by_role("button", name="Auswerten").click()
    outcome_1 = check_result_matches_python(page, quiz, first)
    assert f"#kf-{quiz_id}={'-'.join(map(str, first))}" in page.url

    page.get_by_role("button", name="Neu starten").click()
    root = page.locator(f'[data-kf-quiz="{quiz_id}"]')
    assert root.locator("[data-kf-result]").is_hidden()
    assert root.locator("input[type=radio]:checked").count() == 0
    assert "#kf-" not in page.url
    assert page.evaluate("document.activeElement.id") == f"kf-{quiz_id}-q1-a0"

    answer(page, quiz, second)
    page.get_by_role("button", name="Auswerten").click()
    outcome_2 = check_result_matches_python(page, quiz, second)
    assert outcome_1 != outcome_2


def test_a_tie_shows_both_phases_with_their_texts(page, site_url):
    quiz = BOOK.quizzes["beziehungsphase"]
    answers = [1, 2, 1, 2, 1, 2]
    assert score(quiz, answers).tied == ("ernuechterung", "machtkampf")
    page.goto(quiz_url(site_url, quiz.id))
    answer(page, quiz, answers)
    page.get_by_role("button", name="Auswerten").click()
    root = page.locator(f'[data-kf-quiz="{quiz.id}"]')
    root.locator("[data-kf-result]").wait_for(state="visible")
    titles = [quiz.outcome(o).title for o in ("ernuechterung", "machtkampf")]
    assert root.locator("[data-kf-outcome-title]").inner_text() == f"zwischen {titles[0]} und {titles[1]}"
    shown = root.locator("[data-kf-outcome]:visible")
    assert [shown.nth(i).get_attribute("data-kf-outcome") for i in range(shown.count())] == [
        "ernuechterung",
        "machtkampf",
    ]


def test_a_tie_of_phases_that_do_not_follow_one_another_says_signs_of_both(page, site_url):
    quiz = BOOK.quizzes["beziehungsphase"]
    answers = [0, 4, 4, 0, 0, 4]  # three answers for phase 1, three for phase 5
    assert score(quiz, answers).tied == ("verliebt", "zuhause")
    page.goto(quiz_url(site_url, quiz.id))
    answer(page, quiz, answers)
    page.get_by_role("button", name="Auswerten").click()
    root = page.locator(f'[data-kf-quiz="{quiz.id}"]')
    root.locator("[data-kf-result]").wait_for(state="visible")
    first, last = (quiz.outcome(o).title for o in ("verliebt", "zuhause"))
    assert root.locator("[data-kf-outcome-title]").inner_text() == f"Anzeichen von {first} und {last}"


def test_open_answers_are_counted_in_the_result(page, site_url):
    quiz = BOOK.quizzes["kundenfit"]
    opened = [next((i for i, a in enumerate(r.answers) if a.open), 0) for r in quiz.rules]
    want = score(quiz, opened)
    assert want.open >= 5
    page.goto(quiz_url(site_url, quiz.id))
    answer(page, quiz, opened)
    page.get_by_role("button", name="Auswerten").click()
    check_result_matches_python(page, quiz, opened)
    note = page.locator(f'[data-kf-quiz="{quiz.id}"] [data-kf-open]')
    assert note.inner_text().startswith(f"{want.open} von {len(quiz.rules)} Fragen hast du offen gelassen")


@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
def test_result_link_reproduces_the_result(page, context, site_url, quiz_id):
    quiz = BOOK.quizzes[quiz_id]
    _, answers = two_answer_sets(quiz)
    page.goto(quiz_url(site_url, quiz_id))
    answer(page, quiz, answers)
    page.get_by_role("button", name="Auswerten").click()
    outcome = shown_result(page, quiz)["outcome"]
    link = page.url
    assert page.locator("[data-kf-link]").get_attribute("href") == link

    other = context.new_page()
    other.goto(link)
    assert shown_result(other, quiz)["outcome"] == outcome
    for number, index in enumerate(answers, start=1):
        assert other.is_checked(f"#kf-{quiz_id}-q{number}-a{index}")
    other.close()


def test_keyboard_only_run_reaches_the_result_and_focuses_it(page, site_url):
    quiz = BOOK.quizzes["kundenfit"]
    page.goto(quiz_url(site_url, "kundenfit"))
    events = []
    page.expose_function("kfEvent", lambda detail: events.append(detail))
    page.evaluate("document.addEventListener('kundenfit:result', (e) => window.kfEvent(e.detail))")

    def focused(expr: str = "document.activeElement.name || document.activeElement.getAttribute('type')"):
        return page.evaluate(expr)

    for _ in range(60):  # past the skip link, navigation and any links before the quiz
        page.keyboard.press("Tab")
        if focused() == "kf-kundenfit-q1":
            break
    else:
        pytest.fail("Tab never reached the first question")

    answers = []
    for number, rule in enumerate(quiz.rules, start=1):
        assert focused() == f"kf-kundenfit-q{number}"
        page.keyboard.press("Space")  # select the first answer
        moves = number % len(rule.answers)
        for _ in range(moves):  # arrows move and select within the radio group
            page.keyboard.press("ArrowDown")
        answers.append(moves)
        # The keyboard never moves on by itself: Tab (past Zurück) to Weiter, or to Auswerten.
        button = "data-kf-submit" if number == len(quiz.rules) else "data-kf-next"
        for _ in range(4):
            page.keyboard.press("Tab")
            if page.evaluate(f"document.activeElement.hasAttribute('{button}')"):
                break
        else:
            pytest.fail(f"Tab never reached {button} on question {number}")
        if number == len(quiz.rules):
            break
        page.keyboard.press("Enter")
        # The next question's legend has focus (a screen reader reads it), and answers stay.
        page.wait_for_function(f"document.activeElement.closest('#kf-kundenfit-q{number + 1}') !== null")
        assert page.evaluate("document.activeElement.tagName") == "LEGEND"
        page.keyboard.press("Tab")

    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    expected = check_result_matches_python(page, quiz, answers)
    assert page.evaluate("document.activeElement.hasAttribute('data-kf-result-heading')")
    assert page.evaluate("document.activeElement.closest('[data-kf-result]') !== null")
    page.wait_for_function("document.querySelector('[data-kf-status]').textContent.length > 0")
    assert quiz.outcome(expected).title in page.locator("[data-kf-status]").text_content()
    assert events == [{"quiz": "kundenfit", "outcome": expected, "lang": "de"}]

    # Neu starten by keyboard: Tab to the button and press Enter; focus returns to question 1.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-kf-restart')"):
            break
    else:
        pytest.fail("Tab never reached the restart button")
    page.keyboard.press("Enter")
    assert focused() == "kf-kundenfit-q1"


@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
def test_without_javascript_the_self_test_and_key_are_readable(browser, site_url, quiz_id):
    quiz = BOOK.quizzes[quiz_id]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(quiz_url(site_url, quiz_id))
        root = page.locator(f'[data-kf-quiz="{quiz_id}"]')
        fieldsets = root.locator("fieldset")
        assert fieldsets.count() == len(quiz.rules)
        for number, rule in enumerate(quiz.rules, start=1):
            fieldset = root.locator(f"#kf-{quiz_id}-q{number}")
            assert fieldset.is_visible()
            assert rule.question in fieldset.locator("legend").inner_text()
            for index, option in enumerate(rule.answers):
                label = page.locator(f'label[for="kf-{quiz_id}-q{number}-a{index}"]')
                assert label.is_visible() and label.inner_text() == option.text
        key = root.locator(".kf-key")
        assert key.is_visible()
        key_text = key.inner_text()
        assert key.locator("table").count() == len(quiz.rules)
        for outcome in quiz.outcomes:
            assert outcome.title in key_text
        if quiz.kind == "score":
            assert re.search(r"\d+ bis \d+ Punkte", key_text)
        else:
            assert "Gleichstand" in key_text
        for button in root.locator("button").all():  # Weiter, Zurück, Auswerten: JavaScript only
            assert button.is_hidden()
        assert root.locator("[data-kf-progress]").is_hidden()
        assert root.locator("[data-kf-result]").is_hidden()
    finally:
        context.close()


def asked_at(page, quiz_id: str, number: int) -> None:
    """The request for an answer stands in question `number`, tied to it, and has focus there."""
    need = page.locator(f"[data-kf-quiz={quiz_id}] [data-kf-need]")
    need.wait_for(state="visible")
    fieldset = page.locator(f"#kf-{quiz_id}-q{number}")
    assert fieldset.is_visible()
    assert need.evaluate("(el) => el.closest('fieldset').id") == f"kf-{quiz_id}-q{number}"
    assert need.get_attribute("role") == "alert"
    assert fieldset.get_attribute("aria-describedby") == need.get_attribute("id")
    assert page.evaluate("document.activeElement.name") == f"kf-{quiz_id}-q{number}"


def test_weiter_without_an_answer_asks_for_one_at_the_question(page, site_url):
    quiz = BOOK.quizzes["kundenfit"]
    page.goto(quiz_url(site_url, "kundenfit"))
    root = page.locator('[data-kf-quiz="kundenfit"]')
    assert root.locator("[data-kf-need]").is_hidden()
    root.get_by_role("button", name="Weiter").click()
    asked_at(page, "kundenfit", 1)
    assert root.locator("[data-kf-need]").inner_text() == "Bitte wähle eine Antwort."
    assert root.locator("[data-kf-step]").inner_text() == f"Frage 1 von {len(quiz.rules)}", "not moved on"
    assert root.locator("#kf-kundenfit-q2").is_hidden() and root.locator("[data-kf-result]").is_hidden()

    page.keyboard.press("Space")  # the focused first answer; the request goes
    assert root.locator("[data-kf-need]").is_hidden()
    assert root.locator("#kf-kundenfit-q1").get_attribute("aria-describedby") is None
    root.get_by_role("button", name="Weiter").click()
    root.locator("#kf-kundenfit-q2").wait_for(state="visible")
    page.keyboard.press("Tab")  # from the question's legend to its first answer
    page.keyboard.press("Enter")  # Enter on the unanswered question 2 asks as Weiter does
    asked_at(page, "kundenfit", 2)
    assert root.locator("#kf-kundenfit-q3").is_hidden()


def test_auswerten_without_an_answer_asks_at_the_first_open_question(page, site_url):
    quiz = BOOK.quizzes["kundenfit"]
    count = len(quiz.rules)
    page.goto(quiz_url(site_url, "kundenfit"))
    root = page.locator('[data-kf-quiz="kundenfit"]')
    answer(page, quiz, [0] * (count - 1))
    root.locator(f"#kf-kundenfit-q{count}").wait_for(state="visible")
    root.get_by_role("button", name="Auswerten").click()
    asked_at(page, "kundenfit", count)
    assert root.locator("[data-kf-result]").is_hidden()
    assert root.locator("[data-kf-errors]").count() == 0, "no list of errors at the end"


def test_each_quiz_keeps_its_own_key_in_the_hash(page, site_url):
    quiz = BOOK.quizzes["kundenfit"]
    answers = [0] * len(quiz.rules)
    page.goto(f"{quiz_url(site_url, 'kundenfit')}#kf-other=1-2&kf-kundenfit={'-'.join(map(str, answers))}")
    assert shown_result(page, quiz)["outcome"] == score(quiz, answers).outcome
    page.get_by_role("button", name="Neu starten").click()
    assert page.url.endswith("#kf-other=1-2")
    answer(page, quiz, [1] + [0] * (len(quiz.rules) - 1))
    page.get_by_role("button", name="Auswerten").click()
    shown_result(page, quiz)
    assert page.url.endswith("#kf-other=1-2&kf-kundenfit=1-" + "-".join(["0"] * (len(quiz.rules) - 1)))


def test_invalid_hash_is_ignored(page, site_url):
    page.goto(f"{quiz_url(site_url, 'kundenfit')}#kf-kundenfit=9-9")
    assert page.locator("[data-kf-result]").is_hidden()
    assert page.locator("#kf-kundenfit-q1").is_visible() and page.locator("[data-kf-next]").is_visible()


def test_quiz_embedded_in_an_article_works(page, site_url):
    quiz = BOOK.quizzes["kundenfit"]
    _, answers = two_answer_sets(quiz)
    page.goto(f"{site_url}artikel/kunden-die-nicht-passen/")
    answer_steps(page.locator('[data-kf-quiz="kundenfit"]'), quiz.id, answers)
    page.locator('[data-kf-quiz="kundenfit"]').get_by_role("button", name="Auswerten").click()
    check_result_matches_python(page, quiz, answers)


def test_checklist_page_has_checkboxes_and_a_print_button(page, site_url):
    checklist = BOOK.checklists["vor-dem-auftrag"]
    page.goto(f"{site_url}checkliste/vor-dem-auftrag/")
    boxes = page.locator(".kf-checklist input[type=checkbox]")
    assert boxes.count() == sum(len(g.rules) for g in checklist.groups)
    boxes.first.focus()
    page.keyboard.press("Space")
    assert boxes.first.is_checked()
    assert page.get_by_role("button", name="Checkliste drucken").is_visible()


def test_copy_button_puts_the_result_link_on_the_clipboard(browser, site_url):
    quiz = BOOK.quizzes["kontakt"]
    context = browser.new_context()
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
        page = context.new_page()
        page.goto(quiz_url(site_url, "kontakt"))
        answers = [0] * len(quiz.rules)
        answer(page, quiz, answers)
        page.get_by_role("button", name="Auswerten").click()
        shown_result(page, quiz)
        page.get_by_role("button", name="Ergebnis-Link kopieren").click()
        page.wait_for_function(
            "document.querySelector('[data-kf-status]').textContent === 'Ergebnis-Link kopiert.'"
        )
        assert page.evaluate("navigator.clipboard.readText()") == page.url
    finally:
        context.close()


def test_missing_answer_and_result_have_no_axe_violations(page, site_url):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    quiz = BOOK.quizzes["kundenfit"]
    page.goto(quiz_url(site_url, "kundenfit"))
    violations = axe.run(page).response["violations"]  # a question alone, with its progress
    assert violations == [], [v["id"] for v in violations]
    page.get_by_role("button", name="Weiter").click()
    page.locator("[data-kf-need]").wait_for(state="visible")
    violations = axe.run(page).response["violations"]
    assert violations == [], [v["id"] for v in violations]
    worst = [min(range(len(r.answers)), key=lambda i, r=r: r.answers[i].points) for r in quiz.rules]
    page.goto(quiz_url(site_url, "kundenfit"))
    answer(page, quiz, worst)  # caps, weak answers, advice: everything the result can show
    page.get_by_role("button", name="Auswerten").click()
    shown_result(page, quiz)
    violations = axe.run(page).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_one_question_at_a_time_with_progress_back_and_the_key_after_the_result(browser, site_url):
    quiz = BOOK.quizzes["kundenfit"]
    count = len(quiz.rules)
    context = browser.new_context(viewport={"width": 375, "height": 812})
    try:
        page = context.new_page()
        page.goto(quiz_url(site_url, "kundenfit"))
        root = page.locator('[data-kf-quiz="kundenfit"]')
        # A phone shows the promise, the first question and its progress within two screens.
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 2 * 812, f"{height} px before the first answer"
        assert root.locator("fieldset:visible").count() == 1
        assert root.locator("[data-kf-step]").inner_text() == f"Frage 1 von {count}"
        assert root.locator("[data-kf-step]").get_attribute("aria-live") == "polite"
        assert root.locator("[data-kf-back]").is_hidden() and root.locator("[data-kf-submit]").is_hidden()
        assert root.locator(".kf-promise").is_visible()
        # The key and the credits are not on the question screens; they follow the result.
        toggle = root.get_by_role("button", name="Auswertung selbst ausrechnen")
        assert toggle.is_hidden() and root.locator(".kf-credits").is_hidden()

        page.check("#kf-kundenfit-q1-a2")  # a tap moves on by itself, focus on the new legend
        root.locator("#kf-kundenfit-q2").wait_for(state="visible")
        page.wait_for_function("document.activeElement.closest('#kf-kundenfit-q2') !== null")
        assert root.locator("[data-kf-step]").inner_text() == f"Frage 2 von {count}"
        assert root.locator("#kf-kundenfit-q1").is_hidden()
        assert root.locator(".kf-promise").is_hidden() and root.locator(".kf-intro").is_hidden(), (
            "the promise and the intro belong to the first screen"
        )
        root.get_by_role("button", name="Zurück").click()
        assert root.locator("#kf-kundenfit-q1").is_visible() and root.locator(".kf-promise").is_visible()
        assert page.is_checked("#kf-kundenfit-q1-a2"), "answers stay when going back"
        assert page.evaluate("document.activeElement.tagName") == "LEGEND"

        answers = [2] + [0] * (count - 1)
        answer(page, quiz, answers)
        root.get_by_role("button", name="Auswerten").click()
        heading = root.locator("[data-kf-result-heading]")
        heading.wait_for(state="visible")
        page.wait_for_function(
            "(() => { const r = document.querySelector('[data-kf-result-heading]').getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= innerHeight; })()"
        )
        assert heading.evaluate("(el) => document.activeElement === el")
        assert page.url.endswith(f"#kf-kundenfit={'-'.join(map(str, answers))}"), (
            "the result link is unchanged"
        )

        # Below the result: the credits, and the key folded behind its button.
        assert root.locator(".kf-credits").is_visible()
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert root.locator("[data-kf-key]").is_hidden() and root.locator(".kf-key-table").first.is_hidden()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert (
            root.locator(".kf-key-table").count() == count
            and root.locator(".kf-key-table").first.is_visible()
        )
        toggle.click()
        assert root.locator("[data-kf-key]").is_hidden()
    finally:
        context.close()


def test_the_request_for_an_answer_is_in_view_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    try:
        page = context.new_page()
        page.goto(quiz_url(site_url, "kundenfit"))
        page.get_by_role("button", name="Weiter").click()
        asked_at(page, "kundenfit", 1)
        top, bottom = page.locator("[data-kf-need]").evaluate(
            "(el) => [el.getBoundingClientRect().top, el.getBoundingClientRect().bottom]"
        )
        assert top >= 0 and bottom <= 812
    finally:
        context.close()


def test_key_and_credits_wait_below_the_result_not_on_the_question_screens(page, site_url):
    quiz = BOOK.quizzes["kontakt"]
    page.goto(quiz_url(site_url, quiz.id))
    root = page.locator(f'[data-kf-quiz="{quiz.id}"]')
    key, credits = root.locator(".kf-key"), root.locator(".kf-credits")
    for number in range(1, len(quiz.rules) + 1):  # every question screen
        root.locator(f"#kf-{quiz.id}-q{number}").wait_for(state="visible")
        assert key.is_hidden() and credits.is_hidden(), f"question {number}"
        page.check(f"#kf-{quiz.id}-q{number}-a0")  # moves on by itself, but from the last
    root.get_by_role("button", name="Auswerten").click()
    result = root.locator("[data-kf-result]")
    result.wait_for(state="visible")
    assert key.is_visible() and credits.is_visible()
    assert "Beruht auf" in credits.inner_text()
    below = "(el, other) => el.getBoundingClientRect().top >= other.getBoundingClientRect().bottom"
    assert key.evaluate(below, result.element_handle()), "the key follows the result"
    page.get_by_role("button", name="Neu starten").click()
    assert key.is_hidden() and credits.is_hidden()


def test_the_next_question_fades_in_but_not_under_reduced_motion(browser, site_url):
    def durations(motion: str) -> list[float]:
        context = browser.new_context(reduced_motion=motion)
        try:
            page = context.new_page()
            page.goto(quiz_url(site_url, "kundenfit"))
            page.check("#kf-kundenfit-q1-a0")
            second = page.locator("#kf-kundenfit-q2")
            second.wait_for(state="visible")
            style = second.evaluate(
                "(el) => [getComputedStyle(el).transitionDuration, getComputedStyle(el).animationDuration]"
            )
            return [max(float(part.strip().rstrip("s")) for part in value.split(",")) for value in style]
        finally:
            context.close()

    transition, animation = durations("no-preference")
    assert 0.15 <= transition <= 0.2 and animation == 0
    assert durations("reduce") == [0, 0]
