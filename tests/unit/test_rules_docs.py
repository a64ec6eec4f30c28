"""The example in docs/rule-format.md is a working rule file, and its numbers are right."""

from __future__ import annotations

import re
from pathlib import Path

from pelican.plugins.kundenfit.quiz.scoring import score

DOC = Path(__file__).resolve().parents[2] / "docs" / "rule-format.md"


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_documented_example_loads_and_scores(load_ok):
    example, profile_rule = yaml_blocks()
    book = load_ok({"beispiel.yaml": example, "phase.yaml": profile_rule})
    fit = book.quizzes["mini-fit"]
    assert score(fit, [0, 0]).outcome == "traumkunde"
    assert score(fit, [2, 0]).outcome == "machbar"  # the knock-out caps 2 + 2 = 4 points
    assert score(fit, [2, 1]).outcome == "lass-die-person-ziehen"
    assert score(fit, [3, 0]).open == 1
    assert score(fit, [1, 0]).warnings == ("grenzen",)  # "Meistens." is a warning sign
    assert (score(fit, [3, 1]).open, score(fit, [3, 1]).provisional) == (1, False)  # half open
    assert [e.name for e in fit.examples] == [
        "Die Wunschkundin",
        "Noch ganz neu",
        "Zieht Kraft und kennt keine Grenzen",
    ]
    phase = book.quizzes["mini-phase"]
    assert score(phase, [1]).outcome == "zuhause"
    assert [r.check for g in book.checklists["mini-liste"].groups for r in g.rules] == [
        "Anzahl der Korrekturschleifen im Preis festgelegt",
        "Frist gesetzt, bis wann es besser wird",
        "Erreichbarkeit und Antwortzeiten schriftlich vereinbart",
    ]


def test_documented_error_line_matches_the_real_message(load_problems):
    documented = re.search(r"```text\n(.*?)\n```", DOC.read_text(encoding="utf-8"), re.S)[1]
    path, line, message = documented.split(":", 2)
    source = "\n" * (int(line) - 3) + "rules:\n  - id: grenzen\n    qestion: Frage?\n    check: x\n"
    problems = load_problems({"kundenfit.yaml": source})
    assert [p.split(":", 2)[2] for p in problems] == [message]
