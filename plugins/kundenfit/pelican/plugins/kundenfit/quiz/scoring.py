"""Score a quiz for one set of answers, exactly as the JavaScript runtime does in the browser.

The rules are written down in docs/rule-format.md ("Wie gewertet wird"); keep both in step.
The validator (`kundenfit.rules.build`) uses the range helpers here, so "which totals can a
quiz give" is computed in one place.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from .model import Quiz, Result, Rule

SCORE = "score"
PROFILE = "profile"


def _counted(rule: Rule) -> list[int]:
    """Return the points of the answers that count (an open answer counts for nothing)."""
    return [a.points for a in rule.answers if not a.open]


def total_range(rules: Iterable[Rule]) -> tuple[int, int]:
    """Return the lowest and highest total a score quiz over `rules` gives when all are answered."""
    rules = tuple(rules)
    low = sum(min(_counted(rule), default=0) for rule in rules)
    return low, sum(rule.max_points for rule in rules)


def reachable_totals(rules: Iterable[Rule], limit: int | None = None) -> frozenset[int] | None:
    """Return every total some complete set of answers gives (a small subset-sum table).

    With `limit`, return None as soon as there are more different totals than that: with
    large, uneven points the table doubles with each question, so it is never built in full.
    """
    totals = {0}
    for rule in rules:
        totals = {total + points for total in totals for points in _counted(rule) or [0]}
        if limit is not None and len(totals) > limit:
            return None
    return frozenset(totals)


def profile_best(rules: Iterable[Rule], outcome_id: str) -> int:
    """Return the most points `outcome_id` can collect: its best answer in every rule."""
    return sum(max((a.points for a in r.answers if a.profile == outcome_id), default=0) for r in rules)


def profile_can_win(
    rules: Sequence[Rule],
    outcome_ids: Sequence[str],
    target: str,
    limit: int,
    may_tie: Collection[str] = (),
) -> bool:
    """Return whether some answers make `target` the outcome, as `score` picks it.

    `score` takes the most points and, in a tie, the outcome listed first: so `target` needs
    more points than every outcome listed before it (or as many, for those in `may_tie`) and at
    least as many as every outcome after it. Its best chance: its own best answer wherever
    it has one, and an answer adding nothing (open, or 0 points) wherever there is one; the
    other rules give their points elsewhere, tracked as the sums of the other outcomes,
    dropping any sum already over what that outcome may have. After `limit` steps (sums ×
    answers) the answer is "yes": no false alarm, and bounded work whatever the points.
    """
    best = profile_best(rules, target)
    listed_before = set(outcome_ids[: list(outcome_ids).index(target)])
    others = [outcome for outcome in outcome_ids if outcome != target]
    position = {outcome: index for index, outcome in enumerate(others)}
    most = [best - 1 if o in listed_before and o not in may_tie else best for o in others]
    if any(m < 0 for m in most):
        return False
    states = {(0,) * len(others)}
    for rule in rules:
        if any(a.profile == target or a.open or a.points == 0 for a in rule.answers):
            continue  # that answer adds nothing to the others
        limit -= len(states) * len(rule.answers)
        if limit < 0:
            return True
        grown = set()
        for state in states:
            for answer in rule.answers:
                index = position.get(answer.profile)
                if index is None:
                    return True  # an answer counting for no outcome adds nothing
                total = state[index] + answer.points
                if total <= most[index]:
                    grown.add(state[:index] + (total,) + state[index + 1 :])
        if not grown:
            return False
        states = grown
    return True


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

    Open answers ("Weiß ich noch nicht") count for nothing: a score quiz then compares the
    share of points among the answered questions with the bands (total × full maximum ≥
    band start × answered maximum), so the bands scale to what was answered. With more than
    half of its questions open, a score quiz's result is provisional.
    Caps, knock-outs and warning signs only ever move the outcome down the list.

    Raises ValueError when the number of answers does not match the quiz's rules or an index
    is out of range.
    """
    _check_answers(quiz, answers)
    pairs = [(rule, rule.answers[index]) for rule, index in zip(quiz.rules, answers, strict=True)]
    weak = tuple(
        rule.id
        for rule, index in zip(quiz.rules, answers, strict=True)
        if rule.is_weak(index) or rule.answers[index].advice
    )
    answered = [(rule, answer) for rule, answer in pairs if not answer.open]
    left_open = len(pairs) - len(answered)
    if quiz.kind == PROFILE:
        sums = {outcome.id: 0 for outcome in quiz.outcomes}
        for _rule, answer in answered:
            if answer.profile in sums:
                sums[answer.profile] += answer.points
        # max() returns the first maximal item: with a tie, the outcome listed first leads.
        winner = max(quiz.outcomes, key=lambda outcome: sums[outcome.id])
        top = sums[winner.id]
        tied = tuple(o.id for o in quiz.outcomes if sums[o.id] == top) if top else ()
        return Result(
            outcome=winner.id,
            total=top,
            max_total=profile_max_total(quiz),
            weak=weak,
            open=left_open,
            tied=tied if len(tied) > 1 else (),
        )
    total = sum(answer.points for _rule, answer in answered)
    most = sum(rule.max_points for rule, _answer in answered)
    position = _band_position(quiz, total, most)
    order = {outcome.id: i for i, outcome in enumerate(quiz.outcomes)}
    capped_by = tuple(rule.id for rule, answer in answered if answer.cap is not None)
    for _rule, answer in answered:
        if answer.cap is not None:
            position = max(position, order[answer.cap])
    for knockout in quiz.knockouts:
        if len(capped_by) >= knockout.count:
            position = max(position, order[knockout.outcome])
    warnings = tuple(rule.id for rule, answer in answered if answer.warning)
    if warnings:
        # A warning sign keeps the first (top) outcome out of reach; enough of them: the last.
        position = max(position, min(1, len(quiz.outcomes) - 1))
        if quiz.warnings_to_bottom is not None and len(warnings) >= quiz.warnings_to_bottom:
            position = len(quiz.outcomes) - 1
    subscores = {}
    for topic_id, _label in quiz.topics:
        topic_rules = [(rule, answer) for rule, answer in answered if rule.topic == topic_id]
        subscores[topic_id] = (
            sum(answer.points for _rule, answer in topic_rules),
            sum(rule.max_points for rule, _answer in topic_rules),
        )
    return Result(
        outcome=quiz.outcomes[position].id,
        total=total,
        max_total=most,
        subscores=subscores,
        capped_by=capped_by,
        weak=weak,
        open=left_open,
        warnings=warnings,
        provisional=2 * left_open > len(pairs),
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


def _band_position(quiz: Quiz, total: int, most: int) -> int:
    """Return the index of the best outcome whose band starts at or below the scaled total.

    Bands are listed best first and cover every total exactly, so with all questions answered
    this is the band containing `total`; a scaled total below every band gives the worst outcome.
    Nothing answered (`most` 0) gives the second outcome: nothing speaks for the top one yet,
    and no answer gives a reason for the bottom one (the result is provisional then).
    """
    if not most:
        return min(1, len(quiz.outcomes) - 1)
    full = total_range(quiz.rules)[1]
    for position, outcome in enumerate(quiz.outcomes):
        if outcome.low is not None and total * full >= outcome.low * most:
            return position
    return len(quiz.outcomes) - 1
