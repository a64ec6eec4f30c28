"""Scoring examples on the real quizzes: what a visitor sees for clearly different answers."""

from __future__ import annotations

import pytest
from pelican.plugins.kundenfit.model import Answer, Origin, Outcome, Quiz, Result, Rule
from pelican.plugins.kundenfit.scoring import score

ORIGIN = Origin("test.yaml", 1)


def best(quiz):
    """Return the answer indices with the most points for every rule."""
    return [max(range(len(r.answers)), key=lambda i: r.answers[i].points) for r in quiz.rules]


def worst(quiz):
    return [min(range(len(r.answers)), key=lambda i: r.answers[i].points) for r in quiz.rules]


def test_best_answers_give_the_best_outcome(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    assert score(quiz, best(quiz)) == Result(
        outcome="traumkunde",
        total=24,
        max_total=24,
        subscores={"respekt": (6, 6), "erwartungen": (8, 8), "energie": (6, 6), "passung": (4, 4)},
        capped_by=(),
        weak=(),
    )


def test_worst_answers_give_the_worst_outcome_and_all_advice(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    result = score(quiz, worst(quiz))
    assert result.outcome == "lass-ihn-ziehen"
    assert result.total == 0
    assert result.capped_by == ("grenzen", "wertschaetzung")
    assert result.weak == tuple(rule.id for rule in quiz.rules)


def test_middling_answers_give_the_middle_outcome(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    result = score(quiz, [1] * len(quiz.rules))
    assert (result.outcome, result.total) == ("machbar", 12)


def test_knock_out_answer_caps_an_otherwise_perfect_score(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    answers = best(quiz)
    answers[[r.id for r in quiz.rules].index("grenzen")] = 2  # "sie erwartet, dass ich jederzeit …"
    result = score(quiz, answers)
    assert result.total == 22  # inside the Traumkunde band …
    assert result.outcome == "machbar"  # … but capped
    assert result.capped_by == ("grenzen",)
    assert result.weak == ("grenzen",)


def test_no_knock_out_answer_ever_gives_the_best_outcome(rulebook):
    for quiz in rulebook.quizzes.values():
        if quiz.kind != "score":
            continue
        for position, rule in enumerate(quiz.rules):
            for index, answer in enumerate(rule.answers):
                if answer.cap is None:
                    continue
                answers = best(quiz)
                answers[position] = index
                assert score(quiz, answers).outcome != quiz.outcomes[0].id


def test_a_cap_never_improves_a_result(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    assert score(quiz, worst(quiz)).outcome == "lass-ihn-ziehen"  # cap 'machbar' is better


def test_kontakt_self_check_outcomes(rulebook):
    quiz = rulebook.quizzes["kontakt"]
    assert score(quiz, best(quiz)).outcome == "in-kontakt"
    assert score(quiz, [1] * len(quiz.rules)).outcome == "ausbaufaehig"
    assert score(quiz, worst(quiz)).outcome == "funkstille"
    assert score(quiz, best(quiz)).subscores == {}  # no topics in this quiz


def test_profile_quiz_counts_answers_per_phase(rulebook):
    quiz = rulebook.quizzes["beziehungsphase"]
    # Four answers for phase 3 (index 2), two for phase 4 (index 3).
    result = score(quiz, [2, 2, 3, 2, 3, 2])
    assert result == Result(outcome="machtkampf", total=4, max_total=6)


def test_profile_tie_goes_to_the_phase_listed_first(rulebook):
    quiz = rulebook.quizzes["beziehungsphase"]
    assert score(quiz, [4, 4, 4, 1, 1, 1]).outcome == "ernuechterung"
    assert score(quiz, [1, 1, 1, 4, 4, 4]).outcome == "ernuechterung"
    assert score(quiz, [0, 1, 2, 3, 4, 4]).outcome == "zuhause"


def test_answer_with_own_advice_counts_as_weak_even_with_full_points():
    rule = Rule(
        id="herkunft",
        question="Wie hat die Person zu dir gefunden?",
        answers=(
            Answer("Empfehlung", 2),
            Answer("Zufall", 2, advice="Frag nach, was sie erwartet."),
            Answer("Weiß nicht", 0),
        ),
        advice="Frag nach.",
        check=None,
        topic=None,
        sources=(),
        origin=ORIGIN,
    )
    quiz = Quiz(
        id="mini",
        kind="score",
        title="Mini",
        intro="",
        rules=(rule,),
        outcomes=(Outcome("gut", "Gut", "", 1, 2), Outcome("mau", "Mau", "", 0, 0)),
        topics=(),
        checklist=None,
        origin=ORIGIN,
    )
    assert score(quiz, [0]).weak == ()
    assert score(quiz, [1]).weak == ("herkunft",)
    assert score(quiz, [2]).weak == ("herkunft",)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([0, 0], "Das Quiz 'kontakt' hat 5 Fragen, übergeben wurden 2 Antworten."),
        ([0, 0, 3, 0, 0], "Antwort 3 (kontakt-wege) ist 3, erlaubt sind 0 bis 2."),
        ([0, -1, 0, 0, 0], "Antwort 2 (kontakt-krise) ist -1, erlaubt sind 0 bis 2."),
        ([0, 0, 0, True, 0], "Antwort 4 (kontakt-beduerfnisse) muss eine Zahl sein, nicht True."),
    ],
)
def test_wrong_answers_raise_value_error(rulebook, answers, message):
    with pytest.raises(ValueError) as error:
        score(rulebook.quizzes["kontakt"], answers)
    assert str(error.value) == message
