"""What the landing page shows of the quizzes, taken from the real rule book (this language).

The cards say what a quiz tells you (its possible results), and the preview of the flagship's
result card shows one real outcome with its first action and two tips, marked as an example.
Pure functions of the Kundenfit plugin's rule book; no Pelican import.
"""

from __future__ import annotations

import re

TIPS = 2


def first_sentence(text: str) -> str:
    """The first sentence of a text (up to its first full stop, question or exclamation mark)."""
    found = re.match(r"(.+?[.!?])(\s|$)", " ".join(text.split()))
    return found.group(1) if found else " ".join(text.split())


def what_you_learn(rulebook) -> dict[str, dict]:
    """Quiz id -> {"outcomes": its possible results (best first, as the rule file lists them),
    "tips": whether a weaker answer brings a tip}: what a quiz card promises."""
    return {
        quiz.id: {
            "outcomes": [outcome.title for outcome in quiz.outcomes],
            "tips": any(rule.advice or any(a.advice for a in rule.answers) for rule in quiz.rules),
        }
        for quiz in rulebook.quizzes.values()
    }


def result_preview(rulebook, quiz_id: str | None) -> dict | None:
    """A middle result of the quiz (neither the best nor the worst): verdict, next step, tips."""
    quiz = rulebook.quizzes.get(quiz_id) if quiz_id else None
    if quiz is None or not quiz.outcomes:
        return None
    outcome = quiz.outcomes[len(quiz.outcomes) // 2]
    tips = [first_sentence(rule.advice) for rule in quiz.rules if rule.advice][:TIPS]
    return {
        "quiz": quiz.title,
        "verdict": outcome.title,
        "text": first_sentence(outcome.text),
        "step": outcome.actions[0] if outcome.actions else None,
        "tips": tips,
    }
