"""Score a quiz for one set of answers, exactly as the JavaScript runtime does in the browser.

The rules are written down in docs/rule-format.md ("Wie gewertet wird"); keep both in step.
The validator (`kundenfit.rules.build`) uses the range helpers here, so "which totals can a
quiz give" is computed in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import Quiz, Result, Rule

SCORE = "score"
PROFILE = "profile"


def total_range(rules: Iterable[Rule]) -> tuple[int, int]:
    """Return the lowest and highest total a score quiz over `rules` can give."""
    rules = tuple(rules)
    low = sum(min((a.points for a in rule.answers), default=0) for rule in rules)
    return low, sum(rule.max_points for rule in rules)


def reachable_totals(rules: Iterable[Rule]) -> frozenset[int]:
    """Return every total some combination of answers gives (a small subset-sum table)."""
    totals = {0}
    for rule in rules:
        totals = {total + answer.points for total in totals for answer in rule.answers}
    return frozenset(totals)


def profile_max_total(quiz: Quiz) -> int:
    """Return the most points any single profile can collect in a profile quiz.

    For each outcome: the sum over all rules of the best points an answer of that rule gives
    to the outcome (0 if none does); the maximum over outcomes.
    """
    best = 0
    for outcome in quiz.outcomes:
        reachable = sum(
            max((a.points for a in rule.answers if a.profile == outcome.id), default=0) for rule in quiz.rules
        )
        best = max(best, reachable)
    return best


def score(quiz: Quiz, answers: Sequence[int]) -> Result:
    """Return the outcome, totals and hints for `answers` (one answer index per rule, in order).

    Raises ValueError when the number of answers does not match the quiz's rules, an index is
    out of range, or (for an unvalidated quiz) no outcome band contains the total.
    """
    _check_answers(quiz, answers)
    chosen = [rule.answers[index] for rule, index in zip(quiz.rules, answers, strict=True)]
    weak = tuple(
        rule.id
        for rule, index in zip(quiz.rules, answers, strict=True)
        if rule.is_weak(index) or rule.answers[index].advice
    )
    if quiz.kind == PROFILE:
        sums = {outcome.id: 0 for outcome in quiz.outcomes}
        for answer in chosen:
            if answer.profile in sums:
                sums[answer.profile] += answer.points
        # max() returns the first maximal item, so a tie goes to the outcome listed first.
        winner = max(quiz.outcomes, key=lambda outcome: sums[outcome.id])
        return Result(
            outcome=winner.id,
            total=sums[winner.id],
            max_total=profile_max_total(quiz),
            weak=weak,
        )
    total = sum(answer.points for answer in chosen)
    position = _band_position(quiz, total)
    order = {outcome.id: i for i, outcome in enumerate(quiz.outcomes)}
    capped_by = []
    for rule, answer in zip(quiz.rules, chosen, strict=True):
        if answer.cap is not None:
            capped_by.append(rule.id)
            position = max(position, order[answer.cap])
    subscores = {}
    for topic_id, _label in quiz.topics:
        topic_rules = [
            (rule, answer) for rule, answer in zip(quiz.rules, chosen, strict=True) if rule.topic == topic_id
        ]
        subscores[topic_id] = (
            sum(answer.points for _rule, answer in topic_rules),
            sum(rule.max_points for rule, _answer in topic_rules),
        )
    return Result(
        outcome=quiz.outcomes[position].id,
        total=total,
        max_total=total_range(quiz.rules)[1],
        subscores=subscores,
        capped_by=tuple(capped_by),
        weak=weak,
    )


def _check_answers(quiz: Quiz, answers: Sequence[int]) -> None:
    """Raise ValueError unless there is exactly one valid answer index per rule."""
    if len(answers) != len(quiz.rules):
        raise ValueError(
            f"Das Quiz '{quiz.id}' hat {len(quiz.rules)} Fragen, übergeben wurden {len(answers)} Antworten."
        )
    for number, (rule, index) in enumerate(zip(quiz.rules, answers, strict=True), start=1):
        if isinstance(index, bool) or not isinstance(index, int):
            raise ValueError(f"Antwort {number} ({rule.id}) muss eine Zahl sein, nicht {index!r}.")
        if not 0 <= index < len(rule.answers):
            raise ValueError(
                f"Antwort {number} ({rule.id}) ist {index}, erlaubt sind 0 bis {len(rule.answers) - 1}."
            )


def _band_position(quiz: Quiz, total: int) -> int:
    """Return the index of the first outcome whose band contains `total`."""
    for position, outcome in enumerate(quiz.outcomes):
        if outcome.low is not None and outcome.low <= total <= outcome.high:
            return position
    raise ValueError(f"Im Quiz '{quiz.id}' deckt kein Ergebnis {total} Punkte ab.")
