"""Properties of the scorer, on the real quizzes and on generated, validated quizzes.

Generated quizzes are written as YAML and go through the real loader and validator, so these
tests also show that every well-formed quiz is accepted without a single problem.
"""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pelican.plugins.kundenfit.quiz.scoring import profile_max_total, reachable_totals, score, total_range
from pelican.plugins.kundenfit.rules import load_rulebook
from pelican.plugins.kundenfit.rules.build import build_rulebook
from pelican.plugins.kundenfit.rules.loader import parse_yaml
from pelican.plugins.kundenfit.rules.schema import read_definitions

RULES_DIR = Path(__file__).resolve().parents[2] / "content" / "rules"

TOPICS = ("zeit", "geld", "chemie")
fast = settings(max_examples=60, deadline=None)


def load_quiz(document: dict):
    """Load one generated rule file from memory; it must come through without problems."""
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    loaded, problems = parse_yaml(text, "erzeugt.yaml")
    definitions, shape_problems = read_definitions(loaded, "erzeugt.yaml")
    rulebook, build_problems = build_rulebook([definitions])
    assert [str(p) for p in problems + shape_problems + build_problems] == [], text
    return rulebook.quizzes["erzeugt"]


@st.composite
def score_quizzes(draw, caps=True, all_topics=False):
    """Draw a valid score quiz: bands cut at reachable totals, caps to any but the best."""
    points = draw(
        st.lists(
            st.lists(st.integers(0, 4), min_size=2, max_size=4, unique=True),
            min_size=1,
            max_size=6,
        )
    )
    totals = sorted(reachable_totals_of(points))
    count = draw(st.integers(2, min(4, len(totals))))
    cuts = sorted(
        draw(st.lists(st.sampled_from(totals[1:]), min_size=count - 1, max_size=count - 1, unique=True))
    )
    starts = [totals[0], *cuts]
    ends = [cut - 1 for cut in cuts] + [totals[-1]]
    outcome_ids = [f"ergebnis-{n}" for n in range(count)]
    # Best first: the highest band is listed first.
    outcomes = [
        {"id": outcome_ids[n], "title": f"E{n}", "points": f"{low}-{high}", "text": "Text."}
        for n, (low, high) in enumerate(reversed(list(zip(starts, ends, strict=True))))
    ]
    topic_choices = st.sampled_from(TOPICS) if all_topics else st.none() | st.sampled_from(TOPICS)
    rules = []
    for n, options in enumerate(points):
        answers = []
        for value in options:
            answer = {"text": f"Antwort {value}", "points": value}
            if caps and draw(st.integers(0, 4)) == 0:
                answer["cap"] = draw(st.sampled_from(outcome_ids[1:]))
            answers.append(answer)
        rule = {"id": f"regel-{n}", "question": "Frage?", "answers": answers, "advice": "Rat."}
        topic = draw(topic_choices)
        if topic:
            rule["topic"] = topic
        rules.append(rule)
    return load_quiz(
        {
            "topics": {topic: topic.capitalize() for topic in TOPICS},
            "rules": rules,
            "quizzes": [
                {
                    "id": "erzeugt",
                    "kind": "score",
                    "title": "Erzeugt",
                    "rules": [rule["id"] for rule in rules],
                    "outcomes": outcomes,
                }
            ],
        }
    )


def reachable_totals_of(points: list[list[int]]) -> set[int]:
    totals = {0}
    for options in points:
        totals = {total + value for total in totals for value in options}
    return totals


@st.composite
def profile_documents(draw) -> dict:
    """Draw a profile quiz file in which every outcome gets points from some answer."""
    count = draw(st.integers(2, 4))
    outcome_ids = [f"profil-{n}" for n in range(count)]
    rules = []
    for n in range(draw(st.integers(1, 5))):
        answers = [
            {
                "text": f"Antwort {m}",
                "profile": draw(st.sampled_from(outcome_ids)),
                "points": draw(st.integers(1, 3)),
            }
            for m in range(draw(st.integers(2, 4)))
        ]
        rules.append({"id": f"regel-{n}", "question": "Frage?", "answers": answers})
    given_to = {a["profile"] for rule in rules for a in rule["answers"]}
    for outcome_id in outcome_ids:
        if outcome_id not in given_to:
            rules[0]["answers"].append({"text": f"Noch eine für {outcome_id}", "profile": outcome_id})
    return {
        "rules": rules,
        "quizzes": [
            {
                "id": "erzeugt",
                "kind": "profile",
                "title": "Erzeugt",
                "rules": [rule["id"] for rule in rules],
                "outcomes": [{"id": o, "title": o, "text": "Text."} for o in outcome_ids],
            }
        ],
    }


def outcomes_that_can_win(document: dict) -> set[str]:
    """Every outcome that is the outcome for some set of answers, by trying them all: the most
    points, and in a tie the one listed first (as `score` picks it)."""
    options = [[(a["profile"], a.get("points", 1)) for a in rule["answers"]] for rule in document["rules"]]
    outcome_ids = [o["id"] for o in document["quizzes"][0]["outcomes"]]
    leading = set()
    for chosen in itertools.product(*options):
        sums = dict.fromkeys(outcome_ids, 0)
        for profile, points in chosen:
            sums[profile] += points
        leading.add(next(o for o in outcome_ids if sums[o] == max(sums.values())))
    return leading


@st.composite
def profile_quizzes(draw):
    """Draw a valid profile quiz: every outcome is the outcome for some answers."""
    document = draw(profile_documents())
    assume(outcomes_that_can_win(document) == {o["id"] for o in document["quizzes"][0]["outcomes"]})
    return load_quiz(document)


@cache
def _real_quizzes() -> tuple:
    book = load_rulebook(RULES_DIR)
    return tuple(book.quizzes[quiz_id] for quiz_id in sorted(book.quizzes))


def real_quizzes():
    """Draw one of the quizzes in content/rules (loaded once, when first needed)."""
    return st.deferred(lambda: st.sampled_from(_real_quizzes()))


def with_answers(quizzes):
    """Pair each drawn quiz with one valid answer index per rule."""
    return quizzes.flatmap(
        lambda quiz: st.tuples(
            st.just(quiz),
            st.tuples(*(st.integers(0, len(rule.answers) - 1) for rule in quiz.rules)).map(list),
        )
    )


any_quiz = real_quizzes() | score_quizzes() | profile_quizzes()


def position(quiz, outcome_id):
    return [outcome.id for outcome in quiz.outcomes].index(outcome_id)


@fast
@given(with_answers(any_quiz))
def test_outcome_is_always_one_of_the_quiz_outcomes(case):
    quiz, answers = case
    assert score(quiz, answers).outcome in {outcome.id for outcome in quiz.outcomes}


@fast
@given(with_answers(any_quiz))
def test_total_lies_within_the_possible_range(case):
    quiz, answers = case
    result = score(quiz, answers)
    if quiz.kind == "score" and not result.open:
        low, high = total_range(quiz.rules)
        assert low <= result.total <= high == result.max_total
        assert result.total in reachable_totals(quiz.rules)
    elif quiz.kind == "score":  # open answers drop out of the total and of its maximum
        assert 0 <= result.total <= result.max_total < total_range(quiz.rules)[1]
    else:
        assert 0 <= result.total <= result.max_total == profile_max_total(quiz)


@fast
@given(with_answers(score_quizzes(caps=False)), st.data())
def test_more_points_never_worsen_the_outcome_without_caps(case, data):
    quiz, answers = case
    index = data.draw(st.integers(0, len(quiz.rules) - 1))
    rule = quiz.rules[index]
    current = rule.answers[answers[index]].points
    better = [i for i, answer in enumerate(rule.answers) if answer.points >= current]
    raised = list(answers)
    raised[index] = data.draw(st.sampled_from(better))
    before = position(quiz, score(quiz, answers).outcome)
    after = position(quiz, score(quiz, raised).outcome)
    assert after <= before  # earlier in the list is better


@fast
@given(with_answers(score_quizzes(all_topics=True) | real_quizzes().filter(lambda q: q.id == "kundenfit")))
def test_subscores_add_up_to_the_total_when_every_rule_has_a_topic(case):
    quiz, answers = case
    result = score(quiz, answers)
    assert sum(points for points, _most in result.subscores.values()) == result.total
    assert sum(most for _points, most in result.subscores.values()) == result.max_total


@fast
@given(with_answers(score_quizzes() | real_quizzes().filter(lambda q: q.kind == "score")))
def test_a_cap_answer_never_yields_an_outcome_better_than_its_cap(case):
    quiz, answers = case
    result = score(quiz, answers)
    for rule, index in zip(quiz.rules, answers, strict=True):
        cap = rule.answers[index].cap
        if cap is not None:
            assert position(quiz, result.outcome) >= position(quiz, cap)
            assert rule.id in result.capped_by


@fast
@given(with_answers(profile_quizzes() | real_quizzes().filter(lambda q: q.kind == "profile")))
def test_profile_winner_has_most_points_and_ties_go_to_the_first_listed(case):
    quiz, answers = case
    sums = {outcome.id: 0 for outcome in quiz.outcomes}
    for rule, index in zip(quiz.rules, answers, strict=True):
        sums[rule.answers[index].profile] += rule.answers[index].points
    result = score(quiz, answers)
    assert result.total == sums[result.outcome] == max(sums.values())
    winners = [outcome.id for outcome in quiz.outcomes if sums[outcome.id] == result.total]
    assert result.outcome == winners[0]
    assert result.subscores == {} and result.capped_by == ()


@fast
@given(profile_documents())
def test_the_validator_flags_exactly_the_profile_outcomes_that_can_never_win(document):
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    definitions, _problems = read_definitions(parse_yaml(text, "erzeugt.yaml")[0], "erzeugt.yaml")
    _book, problems = build_rulebook([definitions])
    flagged = {p.message.split("'")[1] for p in problems if "gewinnt nie" in p.message}
    everything = {o["id"] for o in document["quizzes"][0]["outcomes"]}
    assert flagged == everything - outcomes_that_can_win(document)
