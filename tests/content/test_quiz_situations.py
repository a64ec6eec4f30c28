"""The situations of docs/situations.md and issue #23 get the verdict the sources justify.

The rule files' `examples:` hold every situation with one expected outcome (the build checks
them). What an example cannot say lives here: which verdicts are provisional, situations for
which the sources only rule an outcome out, and what every answer set of a quiz must respect.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.plugins.kundenfit.quiz.scoring import score

ROOT = Path(__file__).resolve().parents[2]
KUNDENFIT = Path(sys.executable).with_name("kundenfit")  # the console script pip installed
NAMED = re.compile(r"^(?:[KCB]\d+|#23): ")


def run_cli(*args: str) -> list[str]:
    """The lines `kundenfit score content/rules …` prints."""
    command = [KUNDENFIT, "score", "content/rules", *args]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def answers_for(quiz, changes: dict[str, int]) -> list[int]:
    """The best answer everywhere except the rules named in `changes` (rule id → answer)."""
    return [changes.get(rule.id, rule.best_answer) for rule in quiz.rules]


def open_answer(rule) -> int:
    return next(i for i, answer in enumerate(rule.answers) if answer.open)


def example_answers(quiz, prefix: str) -> dict[str, int]:
    """The answers the example named `prefix…` gives (rule id → answer index)."""
    item = next(e for e in quiz.examples if e.name.startswith(prefix))
    return {rule_id: index for rule_id, index, _line in item.answers}


@pytest.mark.parametrize("quiz_id", ["kundenfit", "kontakt", "beziehungsphase"])
def test_each_quiz_has_at_least_twelve_examples_named_after_their_situation(rulebook, quiz_id):
    quiz = rulebook.quizzes[quiz_id]
    assert len(quiz.examples) >= 12
    for item in quiz.examples:
        assert NAMED.match(item.name), f"{quiz_id}: {item.name!r} nennt keine Situation (K1:, C1:, B1:, #23:)"


# -- kundenfit -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "what"),
    [
        ({"zahlung": 2}, "du musst jeder Rechnung hinterherlaufen"),
        ({"termine": 2}, "sagt kurzfristig ab, erscheint nicht, alles kurz vor knapp"),
        ({"jammern": 2}, "vor allem Jammern, du bist der Kummerkasten"),
    ],
)
def test_one_issue_warning_sign_with_everything_else_at_its_best_is_not_the_top(rulebook, changes, what):
    quiz = rulebook.quizzes["kundenfit"]
    result = score(quiz, answers_for(quiz, changes))
    assert result.outcome == "machbar", what


def test_the_boundary_crossing_friend_who_haggles_pays_late_and_does_not_come_is_let_go(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    changes = {"grenzen": 2, "privat": 2, "budget": 2, "zusatzleistungen": 2, "zahlung": 2, "termine": 2}
    assert score(quiz, answers_for(quiz, changes)).outcome == quiz.outcomes[-1].id


def test_a_fresh_enquiry_with_only_the_first_call_questions_answered_is_provisional(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    first_call = {"erwartungen", "kennt-dich", "jammern", "wellenlaenge"}
    answers = [rule.best_answer if rule.id in first_call else open_answer(rule) for rule in quiz.rules]
    result = score(quiz, answers)
    assert (result.open, result.provisional) == (len(quiz.rules) - 4, True)
    assert (result.total, result.max_total) == (8, 8)


@pytest.mark.parametrize(
    ("prefix", "outcome"),
    [("K5:", "traumkunde"), ("K7:", "machbar"), ("K8:", "lass-die-person-ziehen")],
)
def test_the_fresh_enquiries_of_the_situations_are_provisional(rulebook, prefix, outcome):
    quiz = rulebook.quizzes["kundenfit"]
    result = score(quiz, answers_for(quiz, example_answers(quiz, prefix)))
    assert (result.outcome, result.provisional) == (outcome, True)


def test_ka_a_newcomer_who_needs_work_is_not_told_dream_client(rulebook):
    """K-a: all last-minute, no pay for extras, nags in the first call (the sources disagree
    whether that is "machbar" or "Lass die Person ziehen"; both are allowed)."""
    quiz = rulebook.quizzes["kundenfit"]
    changes = {"termine": 2, "zusatzleistungen": 2, "wertschaetzung": 2}
    assert score(quiz, answers_for(quiz, changes)).outcome != "traumkunde"


def test_the_cli_says_provisional_for_a_fresh_enquiry():
    answers = ["3", "4", "3", "3", "0", "0", *["3"] * 5, "0", "0", "3", "3"]
    lines = run_cli("kundenfit", *answers)
    assert lines[0] == "Vorläufig: Traumkunde (traumkunde)"
    assert "Finde zuerst heraus:" in lines


# -- kontakt ---------------------------------------------------------------------------------


def every_answer_set(quiz):
    return itertools.product(*(range(len(rule.answers)) for rule in quiz.rules))


def test_going_silent_in_a_crisis_never_keeps_in_touch(rulebook):
    quiz = rulebook.quizzes["kontakt"]
    crisis = next(n for n, rule in enumerate(quiz.rules) if rule.id == "kontakt-krise")
    texts = [answer.text for answer in quiz.rules[crisis].answers]
    silent = [i for i, text in enumerate(texts) if text.startswith(("Gar nicht", "Seltener"))]
    assert len(silent) == 2
    for answers in every_answer_set(quiz):
        if answers[crisis] in silent:
            assert score(quiz, list(answers)).outcome != "in-kontakt", answers


def test_asking_each_person_and_using_one_channel_keeps_in_touch(rulebook):
    """C2: everybody asked for email, so email is the only channel."""
    quiz = rulebook.quizzes["kontakt"]
    rule = next(rule for rule in quiz.rules if rule.id == "kontakt-weg")
    asked = next(i for i, a in enumerate(rule.answers) if "frage" in a.text)
    result = score(quiz, answers_for(quiz, {"kontakt-weg": asked}))
    assert (result.outcome, result.weak) == ("in-kontakt", ())
    assert "Art, die zur Person passt" not in quiz.outcome("ausbaufaehig").text


def test_ca_one_message_then_months_of_silence_does_not_keep_in_touch(rulebook):
    quiz = rulebook.quizzes["kontakt"]
    assert score(quiz, answers_for(quiz, {"kontakt-krise": 2})).outcome != "in-kontakt"


def test_no_question_assumes_former_clients(rulebook):
    """C3: a coach without former clients can answer every question."""
    for rule in rulebook.quizzes["kontakt"].rules:
        for text in (rule.question, *(a.text for a in rule.answers)):
            assert not re.search(r"ehemalig|früher", text), f"{rule.id}: {text!r}"


def test_advice_on_mails_to_interested_people_names_the_consent_they_need(rulebook):
    for rule in rulebook.rules.values():
        for text in (rule.advice, rule.check):
            if text and "E-Mail" in text and "Interessierte" in text:
                assert "Einwilligung" in text and "§ 7 UWG" in text, f"{rule.id}: {text!r}"


# -- beziehungsphase -------------------------------------------------------------------------


def test_weber_keeps_his_in_his_view(rulebook):
    assert "seiner Meinung nach" in rulebook.quizzes["beziehungsphase"].intro


def test_a_tie_of_phases_that_do_not_follow_one_another_is_not_between_them(rulebook):
    quiz = rulebook.quizzes["beziehungsphase"]
    given = example_answers(quiz, "B14:")  # phase 1 and phase 5
    answers = [str(given[rule.id]) for rule in quiz.rules]
    assert run_cli("beziehungsphase", *answers)[0] == (
        "Ergebnis: Anzeichen von Phase 1: Frisch verliebt und Phase 5: Ihr seid angekommen"
    )
    assert run_cli("beziehungsphase", "1", "2", "1", "2", "1", "2")[0].startswith(
        "Ergebnis: zwischen Phase 2"
    )


def test_a_calm_long_standing_client_never_counts_as_freshly_in_love(rulebook):
    """Every phase-1 answer says that things have only just begun; no phase-4/5 answer does."""
    new = re.compile(r"gerade erst|am Anfang|ganz am Anfang|noch zu früh|erst|[Ee]ndlich")
    for rule in rulebook.quizzes["beziehungsphase"].rules:
        for answer in rule.answers:
            if answer.profile == "verliebt":
                assert new.search(answer.text), f"{rule.id}: {answer.text!r}"
            if answer.profile in ("ich-du-wir", "zuhause"):
                assert not re.search(r"gerade erst|ganz am Anfang|noch zu früh", answer.text), answer.text
