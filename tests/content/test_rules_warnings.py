"""The warning signs marked in content/rules keep their promise on the real quizzes.

With every other question at its best answer, any single warning-sign answer keeps the quiz's
top outcome out of reach. Skipped while content/rules marks no warning sign (`warning: true`).
"""

from __future__ import annotations

import pytest
from pelican.plugins.kundenfit.quiz.scoring import score


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


def test_any_single_warning_sign_keeps_the_top_outcome_out_of_reach(rulebook):
    signs = warning_answers(rulebook)
    if not signs:
        pytest.skip("content/rules marks no warning sign ('warning: true') yet")
    for quiz_id, question, index in signs:
        quiz = rulebook.quizzes[quiz_id]
        answers = [rule.best_answer for rule in quiz.rules]
        answers[question] = index
        result = score(quiz, answers)
        where = f"{quiz_id}/{quiz.rules[question].id} Antwort {index}"
        assert result.outcome != quiz.outcomes[0].id, where
        assert result.warnings == (quiz.rules[question].id,), where
