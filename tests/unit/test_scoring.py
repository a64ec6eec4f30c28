"""Scoring examples on the real quizzes: what a visitor sees for clearly different answers."""

from __future__ import annotations

import pytest
from pelican.plugins.kundenfit.quiz.model import Answer, Origin, Outcome, Quiz, Result, Rule
from pelican.plugins.kundenfit.quiz.scoring import score

ORIGIN = Origin("test.yaml", 1)


def best(quiz):
    """Return the answer indices with the most points for every rule."""
    return [max(range(len(r.answers)), key=lambda i: r.answers[i].points) for r in quiz.rules]


def worst(quiz):
    return [min(range(len(r.answers)), key=lambda i: r.answers[i].points) for r in quiz.rules]


def answer_to(quiz, changes: dict[str, int]) -> list[int]:
    """Best answers everywhere except the rules named in `changes` (rule id → answer index)."""
    return [changes.get(rule.id, index) for rule, index in zip(quiz.rules, best(quiz), strict=True)]


def knock_outs(quiz) -> list[tuple[str, int]]:
    """Every (rule id, answer index) whose answer is a knock-out."""
    return [(rule.id, i) for rule in quiz.rules for i, a in enumerate(rule.answers) if a.cap]


def test_best_answers_give_the_best_outcome(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    assert score(quiz, best(quiz)) == Result(
        outcome="traumkunde",
        total=30,
        max_total=30,
        subscores={"respekt": (8, 8), "erwartungen": (6, 6), "geld": (8, 8), "energie": (8, 8)},
        capped_by=(),
        weak=(),
    )


def test_worst_answers_give_the_worst_outcome_and_all_advice(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    answers = worst(quiz)
    result = score(quiz, answers)
    assert result.outcome == "lass-die-person-ziehen"
    assert result.total == 0
    chosen = zip(quiz.rules, answers, strict=True)
    capped = tuple(rule.id for rule, index in chosen if rule.answers[index].cap)
    assert capped and result.capped_by == capped
    assert result.weak == tuple(rule.id for rule in quiz.rules)


def test_middling_answers_give_the_middle_outcome(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    result = score(quiz, [1] * len(quiz.rules))
    assert (result.outcome, result.total) == ("machbar", 15)


def test_knock_out_answer_caps_an_otherwise_perfect_score(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    result = score(quiz, answer_to(quiz, {"grenzen": 2}))  # "sie erwartet, dass ich jederzeit …"
    assert result.total == 28  # inside the Traumkunde band …
    assert result.outcome == "machbar"  # … but capped
    assert result.capped_by == ("grenzen",)
    assert result.weak == ("grenzen",)


def test_kundenfit_has_the_five_knock_outs_the_sources_name(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    ids = {rule_id for rule_id, _index in knock_outs(quiz)}
    # know-it-all, expectations you can't meet, no common wavelength, more energy than income,
    # boundaries, belittled work, remedies that failed
    assert ids == {
        "besserwisser",
        "erwartungen",
        "wellenlaenge",
        "energie-bilanz",
        "grenzen",
        "wertschaetzung",
        "klaerung",
    }


def test_any_single_knock_out_never_gives_the_best_outcome(rulebook):
    for quiz in rulebook.quizzes.values():
        if quiz.kind != "score":
            continue
        for rule_id, index in knock_outs(quiz):
            assert score(quiz, answer_to(quiz, {rule_id: index})).outcome != quiz.outcomes[0].id


def test_any_two_knock_outs_give_the_worst_outcome(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    pairs = [(a, b) for a in knock_outs(quiz) for b in knock_outs(quiz) if a[0] < b[0]]
    assert pairs
    for (rule_a, index_a), (rule_b, index_b) in pairs:
        result = score(quiz, answer_to(quiz, {rule_a: index_a, rule_b: index_b}))
        assert result.outcome == quiz.outcomes[-1].id, (rule_a, rule_b)


@pytest.mark.parametrize(
    ("changes", "outcome"),
    [
        # The three rows of issue 9, scored "Traumkunde" before the rework.
        ({"besserwisser": 2, "erwartungen": 2}, "lass-die-person-ziehen"),
        ({"energie-bilanz": 2}, "machbar"),  # drained by the work (was "nach-gespraech")
        ({"wellenlaenge": 2}, "lass-die-person-ziehen"),  # no wavelength at all: Julia says no
        (
            {"grenzen": 2, "wertschaetzung": 2, "besserwisser": 2, "erwartungen": 2, "kennt-dich": 2},
            "lass-die-person-ziehen",
        ),
    ],
)
def test_the_reported_answer_sets_get_the_verdict_the_sources_justify(rulebook, changes, outcome):
    quiz = rulebook.quizzes["kundenfit"]
    assert score(quiz, answer_to(quiz, changes)).outcome == outcome


def test_every_outcome_of_every_score_quiz_is_reached_by_an_example(rulebook):
    for quiz in rulebook.quizzes.values():
        expected = {o for example in quiz.examples for o in example.outcome}
        assert expected == {o.id for o in quiz.outcomes}, quiz.id
        assert len(quiz.examples) >= 8, quiz.id


def test_open_answers_leave_the_verdict_to_the_answered_questions(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    first_call = {"erwartungen", "kennt-dich", "jammern", "wellenlaenge"}  # answered after it
    opened = {
        rule.id: i
        for rule in quiz.rules
        if rule.id not in first_call
        for i, a in enumerate(rule.answers)
        if a.open
    }
    result = score(quiz, answer_to(quiz, opened))
    assert (result.outcome, result.open) == ("traumkunde", len(opened))
    assert result.max_total == 2 * (len(quiz.rules) - len(opened))
    result = score(quiz, answer_to(quiz, {**opened, "kennt-dich": 2, "jammern": 2}))
    assert result.outcome == "machbar"  # half of the answered points: scaled 15 of 30


def test_nothing_answered_is_provisional_and_neither_top_nor_bottom(rulebook):
    """A one-line enquiry: nothing known yet gives no reason to turn the person away."""
    checked = []
    for quiz in rulebook.quizzes.values():
        if quiz.kind != "score" or not all(any(a.open for a in r.answers) for r in quiz.rules):
            continue
        all_open = [next(i for i, a in enumerate(r.answers) if a.open) for r in quiz.rules]
        result = score(quiz, all_open)
        assert result.provisional and result.open == len(quiz.rules)
        assert result.outcome == quiz.outcomes[1].id, quiz.id
        checked.append(quiz.id)
    assert "kundenfit" in checked


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


def test_profile_tie_names_every_tied_phase(rulebook):
    quiz = rulebook.quizzes["beziehungsphase"]
    result = score(quiz, [4, 4, 4, 1, 1, 1])
    assert (result.outcome, result.tied) == ("ernuechterung", ("ernuechterung", "zuhause"))
    assert score(quiz, [1, 2, 1, 2, 1, 2]).tied == ("ernuechterung", "machtkampf")
    assert score(quiz, [0, 1, 2, 3, 4, 4]).tied == ()


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
        ([0, 0], "Das Quiz 'kontakt' hat 6 Fragen, übergeben wurden 2 Antworten."),
        ([0, 0, 0, 3, 0, 0], "Antwort 4 (kontakt-anlass) ist 3, erlaubt sind 0 bis 2."),
        ([0, -1, 0, 0, 0, 0], "Antwort 2 (kontakt-krise) ist -1, erlaubt sind 0 bis 4."),
        ([0, 0, 0, 0, True, 0], "Antwort 5 (kontakt-weg) muss eine Zahl sein, nicht True."),
    ],
)
def test_wrong_answers_raise_value_error(rulebook, answers, message):
    with pytest.raises(ValueError) as error:
        score(rulebook.quizzes["kontakt"], answers)
    assert str(error.value) == message
