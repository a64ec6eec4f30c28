"""Build the scoring data a quiz hands to kundenfit.js (templates write it with `tojson`).

Only the structure needed to score goes into the JSON (ids, points, profiles, caps, bands);
every text stays in the HTML, where it is escaped once by the template, translated with the
page and readable without JavaScript. The JS scorer mirrors `kundenfit.quiz.scoring.score` on this
structure; tests/unit/test_js_parity.py holds the two together.
"""

from __future__ import annotations

from typing import Any

from ..quiz.model import Quiz


def quiz_data(quiz: Quiz) -> dict[str, Any]:
    """Return the scoring structure of `quiz` as plain JSON-ready data, without any texts.

    Shape (keys are stable, kundenfit.js reads them):
    {"id", "kind", "topics": [topic id, ...],
     "outcomes": [{"id", "low", "high"}, ...]            # best first, as in the rule file
     "knockouts": [{"count", "outcome"}, ...],
     "warnings_to_bottom": count or null,
     "rules": [{"id", "topic",
                "answers": [{"points", "profile", "cap", "advice", "open", "warning"}, ...]}, ...]}
    where "advice" is true when the answer carries advice of its own (it then counts as weak),
    "open" when it is a "not yet" answer that counts for nothing and "warning" when it is a
    warning sign.
    """
    return {
        "id": quiz.id,
        "kind": quiz.kind,
        "topics": [topic_id for topic_id, _title in quiz.topics],
        "outcomes": [{"id": o.id, "low": o.low, "high": o.high} for o in quiz.outcomes],
        "knockouts": [{"count": k.count, "outcome": k.outcome} for k in quiz.knockouts],
        "warnings_to_bottom": quiz.warnings_to_bottom,
        "rules": [
            {
                "id": rule.id,
                "topic": rule.topic,
                "answers": [
                    {
                        "points": answer.points,
                        "profile": answer.profile,
                        "cap": answer.cap,
                        "advice": bool(answer.advice),
                        "open": answer.open,
                        "warning": answer.warning,
                    }
                    for answer in rule.answers
                ],
            }
            for rule in quiz.rules
        ],
    }
