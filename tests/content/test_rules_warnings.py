"""The warning signs and open answers in content/rules keep their promise on the real quizzes.

With every other question at its best answer, any single warning-sign answer keeps the quiz's
top outcome out of reach, in every score quiz. The verdict is marked provisional exactly when
more than half of a quiz's questions are left open, never at half or below.
"""

from __future__ import annotations

import random

from pelican.plugins.kundenfit.quiz.scoring import score

# The warning signs of the sources (Julia's list, Sabina Kocherhans' five), as rule ids of the
# flagship quiz: each has at least one answer marked `warning: true`.
SOURCE_SIGNS = {
    "grenzen",  # Julia: respects no boundaries, wants more time than you give
    "wertschaetzung",  # Julia: nags, ungrateful, hardly appreciative
    "besserwisser",  # Sabina 4: always knows better
    "privat",  # Sabina 4: the working relationship turns private
    "erwartungen",  # Sabina 1: client and offer do not match
    "kennt-dich",  # Sabina 3: came by chance, without a plan
    "zusatzleistungen",  # Sabina 1 and 2: extras, rounds of changes, unpaid
    "zahlung",  # Sabina 2: will not pay for the service
    "termine",  # Sabina 2: everything at the last minute
    "jammern",  # Sabina 5: the agony aunt
    "wellenlaenge",  # Julia: not on the same wavelength, the first call exhausts you
    "energie-bilanz",  # Sabina: more energy than income
    "klaerung",  # Sabina: "Wenn alles nichts hilft"
}


def warning_answers(rulebook) -> list[tuple[str, int, int]]:
    """Every (score quiz id, question index, answer index) whose answer is a warning sign."""
    return [
        (quiz.id, question, index)
        for quiz in rulebook.quizzes.values()
        if quiz.kind == "score"
        for question, rule in enumerate(quiz.rules)
        for index, answer in enumerate(rule.answers)
        if answer.warning
    ]


def test_the_flagship_quiz_marks_every_warning_sign_of_the_sources(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    marked = {rule.id for rule in quiz.rules if any(answer.warning for answer in rule.answers)}
    assert marked == SOURCE_SIGNS


def test_any_single_warning_sign_keeps_the_top_outcome_out_of_reach(rulebook):
    signs = warning_answers(rulebook)
    assert len(signs) >= len(SOURCE_SIGNS)
    for quiz_id, question, index in signs:
        quiz = rulebook.quizzes[quiz_id]
        answers = [rule.best_answer for rule in quiz.rules]
        answers[question] = index
        result = score(quiz, answers)
        where = f"{quiz_id}/{quiz.rules[question].id} Antwort {index}"
        assert result.outcome != quiz.outcomes[0].id, where
        assert result.warnings == (quiz.rules[question].id,), where


def open_index(rule) -> int | None:
    return next((i for i, answer in enumerate(rule.answers) if answer.open), None)


def test_the_verdict_is_provisional_exactly_above_half_open(rulebook):
    rng = random.Random("kundenfit-provisional")
    for quiz in rulebook.quizzes.values():
        if quiz.kind != "score":
            continue
        can_open = [n for n, rule in enumerate(quiz.rules) if open_index(rule) is not None]
        assert can_open, f"{quiz.id}: no question offers an open answer"
        for count in range(len(can_open) + 1):
            # the first, the last and a few random choices of `count` open questions
            choices = [can_open[:count], can_open[len(can_open) - count :]]
            choices += [rng.sample(can_open, count) for _ in range(5)]
            for chosen in choices:
                answers = [rule.best_answer for rule in quiz.rules]
                for n in chosen:
                    answers[n] = open_index(quiz.rules[n])
                result = score(quiz, answers)
                where = f"{quiz.id}: {count} von {len(quiz.rules)} offen"
                assert result.open == count, where
                assert result.provisional == (2 * count > len(quiz.rules)), where


def test_every_question_of_the_flagship_quiz_offers_one_open_answer(rulebook):
    for rule in rulebook.quizzes["kundenfit"].rules:
        assert sum(answer.open for answer in rule.answers) == 1, rule.id
