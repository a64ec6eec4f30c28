"""Build the scoring data a quiz hands to kundenfit.js and serialise it for a script element.

Only the structure needed to score goes into the JSON (ids, points, profiles, caps, bands);
every text stays in the HTML, where it is escaped once by the template, translated with the
page and readable without JavaScript. The JS scorer mirrors `kundenfit.scoring.score` on this
structure; tests/unit/test_js_parity.py holds the two together.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Quiz

# Characters that could end a <script> element, open a comment or start markup inside it, or
# end a line in older JavaScript parsers. Each becomes a JSON \u escape, which JSON.parse
# turns back into the same character, so the data round-trips unchanged.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def quiz_data(quiz: Quiz) -> dict[str, Any]:
    """Return the scoring structure of `quiz` as plain JSON-ready data, without any texts.

    Shape (keys are stable, kundenfit.js reads them):
    {"id", "kind", "topics": [topic id, ...],
     "outcomes": [{"id", "low", "high"}, ...]            # best first, as in the rule file
     "rules": [{"id", "topic",
                "answers": [{"points", "profile", "cap", "advice"}, ...]}, ...]}
    where "advice" is true when the answer carries advice of its own (it then counts as weak).
    """
    return {
        "id": quiz.id,
        "kind": quiz.kind,
        "topics": [topic_id for topic_id, _title in quiz.topics],
        "outcomes": [{"id": o.id, "low": o.low, "high": o.high} for o in quiz.outcomes],
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
                    }
                    for answer in rule.answers
                ],
            }
            for rule in quiz.rules
        ],
    }


def script_json(data: Any) -> str:
    """Serialise `data` as JSON that is safe verbatim inside <script type="application/json">.

    `<`, `>` and `&` are written as \\u escapes, so no value can close the element
    (`</script>`), open a comment (`<!--`) or be read as a character reference; U+2028 and
    U+2029 are escaped as well. The result is still valid JSON for JSON.parse.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.translate(_SCRIPT_ESCAPES)
