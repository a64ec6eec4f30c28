"""The `kundenfit` command: try out rule files without building the site.

    kundenfit check content/rules                              # validate every rule file
    kundenfit score content/rules/kundenfit.yaml kundenfit 0 1 2 0 …
    kundenfit score content/rules kundenfit 0 1 2 0 … --json
    kundenfit score content/rules kundenfit                    # lists the questions
    kundenfit schema > content/rules/rule-file.schema.json      # the JSON Schema for editors

A rule file stands for its whole folder, because ids are resolved across all files. Problems
in the rule files or the answers are printed one per line on stderr, with exit status 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .errors import RuleFileErrors
from .quiz.model import Quiz, Result
from .quiz.scoring import score
from .rules import load_rulebook
from .rules.json_schema import schema_text
from .rules.schema import suggestion

EXIT_PROBLEM = 2


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr):
    """Run the command line; return the exit status (0 fine, 2 problem)."""
    args = _parser().parse_args(argv)
    if args.command == "schema":
        return _write_schema(args.target, out, err)
    if not args.rules.exists():
        print(f"{args.rules}: Datei oder Ordner gibt es nicht – prüfe den Pfad.", file=err)
        return EXIT_PROBLEM
    rules_dir = args.rules if args.rules.is_dir() else args.rules.parent
    try:
        rulebook = load_rulebook(rules_dir)
    except RuleFileErrors as errors:
        for problem in errors.problems:
            print(problem, file=err)
        return EXIT_PROBLEM
    if args.command == "check":
        print(
            f"{rules_dir}: in Ordnung – {len(rulebook.rules)} Regeln, {len(rulebook.quizzes)} Quiz, "
            f"{len(rulebook.checklists)} Checklisten.",
            file=out,
        )
        return 0
    quiz = rulebook.quizzes.get(args.quiz)
    if quiz is None:
        known = sorted(rulebook.quizzes)
        print(
            f"Quiz '{args.quiz}' gibt es nicht{suggestion(args.quiz, known)} "
            f"Vorhanden: {', '.join(known) or 'keine'}.",
            file=err,
        )
        return EXIT_PROBLEM
    if not args.answers:
        _print_questions(quiz, out)
        return 0
    try:
        result = score(quiz, args.answers)
    except ValueError as error:
        print(f"Fehler: {error}", file=err)
        return EXIT_PROBLEM
    if args.json:
        print(json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=2), file=out)
    else:
        _print_result(quiz, args.answers, result, out)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kundenfit",
        description="Prüft Regeldateien und wertet Quiz aus, ohne die Website zu bauen.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="check|score|schema")
    check = commands.add_parser("check", help="alle Regeldateien eines Ordners prüfen")
    check.add_argument("rules", type=Path, help="Ordner mit Regeldateien (oder eine Datei daraus)")
    score_cmd = commands.add_parser("score", help="ein Quiz für eine Reihe von Antworten auswerten")
    score_cmd.add_argument("rules", type=Path, help="Regeldatei oder Ordner mit Regeldateien")
    score_cmd.add_argument("quiz", help="Id des Quiz, z. B. kundenfit")
    score_cmd.add_argument(
        "answers",
        type=int,
        nargs="*",
        help="gewählte Antwort je Frage, gezählt ab 0; ohne Antworten werden die Fragen gezeigt",
    )
    score_cmd.add_argument("--json", action="store_true", help="Ergebnis als JSON ausgeben")
    schema_cmd = commands.add_parser(
        "schema", help="das JSON-Schema der Regeldateien ausgeben (für Editoren mit YAML-Sprachserver)"
    )
    schema_cmd.add_argument(
        "target", type=Path, nargs="?", help="Datei, in die das Schema geschrieben wird (sonst: Ausgabe)"
    )
    return parser


def _write_schema(target: Path | None, out: TextIO, err: TextIO) -> int:
    """Print the rule files' JSON Schema, or write it to `target` (for `$schema=` in a rule file)."""
    if target is None:
        out.write(schema_text())
        return 0
    try:
        target.write_text(schema_text(), encoding="utf-8")
    except OSError as error:
        print(f"{target}: lässt sich nicht schreiben ({error.strerror}) – prüfe Pfad und Rechte.", file=err)
        return EXIT_PROBLEM
    print(
        f"{target}: geschrieben. Erste Zeile einer Regeldatei im selben Ordner: "
        f"# yaml-language-server: $schema={target.name}",
        file=out,
    )
    return 0


def _print_questions(quiz: Quiz, out: TextIO) -> None:
    """List the quiz's questions with the numbers to pass as answers."""
    print(f"{quiz.title} ({quiz.id}, {len(quiz.rules)} Fragen)", file=out)
    for number, rule in enumerate(quiz.rules, start=1):
        print(f"{number}. [{rule.id}] {rule.question}", file=out)
        for index, answer in enumerate(rule.answers):
            print(f"   {index}: {answer.text}", file=out)


def _print_result(quiz: Quiz, answers: Sequence[int], result: Result, out: TextIO) -> None:
    """Print the result in the order a reader looks for it: outcome, points, details."""
    outcome = quiz.outcome(result.outcome)
    numbered = {rule.id: (number, rule) for number, rule in enumerate(quiz.rules, start=1)}
    chosen = {rule.id: (rule, index) for rule, index in zip(quiz.rules, answers, strict=True)}
    if result.tied:
        titles = [quiz.outcome(o).title for o in result.tied]
        # Tied outcomes that do not follow one another in the file (phase 1 and 4) are signs
        # of both, not a place between them.
        order = [o.id for o in quiz.outcomes]
        places = [order.index(o) for o in result.tied]
        apart = any(b != a + 1 for a, b in itertools.pairwise(places))
        words = "Anzeichen von" if apart else "zwischen"
        print(f"Ergebnis: {words} {', '.join(titles[:-1])} und {titles[-1]}", file=out)
    else:
        # More than half the questions open: the verdict says it is provisional.
        heading = "Vorläufig" if result.provisional else "Ergebnis"
        print(f"{heading}: {outcome.title} ({outcome.id})", file=out)
    print(f"Punkte: {result.total}/{result.max_total}", file=out)
    if result.open:
        print(f"Offen: {result.open} von {len(quiz.rules)} Fragen", file=out)
    if result.provisional:
        print("Finde zuerst heraus:", file=out)
        for number, rule in numbered.values():
            if rule.answers[chosen[rule.id][1]].open:
                print(f"  - Frage {number} [{rule.id}]: {rule.question}", file=out)
    labels = dict(quiz.topics)
    if result.subscores:
        print("Teilwertungen:", file=out)
    for topic_id, (points, most) in result.subscores.items():
        print(f"  {labels[topic_id]}: {points}/{most}", file=out)
    if result.capped_by:
        print(f"Begrenzt durch: {', '.join(result.capped_by)}", file=out)
    if result.warnings:
        count = len(result.warnings)
        print(f"{count} Warnsignal{'' if count == 1 else 'e'}:", file=out)
    for rule_id in result.warnings:
        (number, rule), (_rule, index) = numbered[rule_id], chosen[rule_id]
        print(f"  - Frage {number} [{rule_id}]: {rule.question} – „{rule.answers[index].text}“", file=out)
    if result.weak:
        print("Hinweise:", file=out)
    for rule_id in result.weak:
        rule, index = chosen[rule_id]
        advice = rule.advice_for(index)
        print(f"  - {rule_id}: {advice}" if advice else f"  - {rule_id}", file=out)


def run() -> None:
    """Exit with main()'s status; a closed pipe (``… | head``) ends quietly, not with a traceback."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at devnull so that cannot fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 1
    sys.exit(status)


if __name__ == "__main__":
    run()
