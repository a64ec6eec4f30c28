"""Check the example answers written in the rule files against the scorer.

Each quiz may list named examples (a persona, its answers by rule id, the outcome the coach
expects). Scoring them on every load turns the coach's intent into a test: when a rule, a
point or a band changes so that an example no longer gives its outcome, `kundenfit check`
and the build stop with the example's file and line.
"""

from __future__ import annotations

from ..errors import RuleProblem
from .model import Example, Quiz, RuleBook
from .scoring import PROFILE, score


def check_examples(book: RuleBook) -> list[RuleProblem]:
    """Return one problem per example that names unknown answers or gives another outcome."""
    problems: list[RuleProblem] = []
    for quiz in book.quizzes.values():
        for example in quiz.examples:
            problems += _check(quiz, example)
    return problems


def example_answers(quiz: Quiz, example: Example) -> list[int]:
    """Return the example's answer index per rule; unnamed rules take their best answer."""
    named = {rule_id: index for rule_id, index, _line in example.answers}
    return [named.get(rule.id, rule.best_answer) for rule in quiz.rules]


def _check(quiz: Quiz, example: Example) -> list[RuleProblem]:
    def problem(line: int, message: str) -> RuleProblem:
        return RuleProblem(example.origin.path, line, f"Beispiel „{example.name}“: {message}", quiz.id)

    rules = {rule.id: rule for rule in quiz.rules}
    problems = []
    for rule_id, index, line in example.answers:
        rule = rules.get(rule_id)
        if rule is None:
            problems.append(problem(line, f"'{rule_id}' ist keine Frage dieses Quiz – prüfe die Id."))
        elif index >= len(rule.answers):
            problems.append(
                problem(
                    line,
                    f"'{rule_id}' hat nur die Antworten 0 bis {len(rule.answers) - 1}, hier steht {index}.",
                )
            )
    unknown = [o for o in example.outcome if o not in {x.id for x in quiz.outcomes}]
    if unknown:
        problems.append(
            problem(example.origin.line, f"Das Ergebnis '{unknown[0]}' gibt es in diesem Quiz nicht.")
        )
    named = {rule_id for rule_id, _index, _line in example.answers}
    missing = [rule.id for rule in quiz.rules if rule.id not in named]
    if quiz.kind == PROFILE and missing:
        problems.append(
            problem(
                example.origin.line,
                f"Im Profil-Quiz braucht ein Beispiel jede Frage; es fehlt: {', '.join(missing)}.",
            )
        )
    if problems:
        return problems
    result = score(quiz, example_answers(quiz, example))
    got = result.tied or (result.outcome,)
    if set(got) != set(example.outcome):
        expected = " und ".join(example.outcome)
        detail = f"{result.total} von {result.max_total} Punkten" if quiz.kind != PROFILE else "Profil"
        if result.capped_by:
            detail += f", K.-o. durch {', '.join(result.capped_by)}"
        if result.warnings:
            detail += f", Warnsignale: {', '.join(result.warnings)}"
        problems.append(
            problem(
                example.origin.line,
                f"erwartet '{expected}', die Wertung ergibt '{' und '.join(got)}' ({detail}) – "
                "passe Punkte, 'cap' oder Bereiche an, oder das erwartete Ergebnis.",
            )
        )
    return problems
