"""Resolve the definitions of all rule files into one validated `RuleBook`.

`schema` has checked each file on its own; here ids meet across files: duplicates, dangling
references, answers that do not fit the kind of quiz asking them, score bands that must cover
exactly the totals a quiz can give, and outcomes nobody can reach.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..errors import RuleProblem
from ..quiz.model import (
    Checklist,
    ChecklistGroup,
    Example,
    Knockout,
    Origin,
    Outcome,
    Quiz,
    Rule,
    RuleBook,
)
from ..quiz.scoring import PROFILE, SCORE, profile_best, profile_can_win, reachable_totals, total_range
from .limits import MAX_PROFILE_STEPS, MAX_TOTALS
from .schema import ChecklistDef, FileDefinitions, OutcomeDef, QuizDef, Ref, RuleDef, TopicDef, suggestion

_KIND_NAMES = {"rule": "Regel", "quiz": "Quiz", "checklist": "Checkliste", "topic": "Thema"}


def build_rulebook(files: Sequence[FileDefinitions]) -> tuple[RuleBook, list[RuleProblem]]:
    """Cross-link the definitions of `files`; the book is only usable if no problems came back."""
    return _Builder(files).build()


def _span(low: int, high: int) -> str:
    """Write a range of points: "1 Punkt", "7 Punkte" or "7–9 Punkte"."""
    if low == high:
        return "1 Punkt" if low == 1 else f"{low} Punkte"
    return f"{low}–{high} Punkte"


def _listing(ids: Sequence[str], last_word: str) -> str:
    """Name ids the way a sentence does: "'a'", "'a' oder 'b'", "'a', 'b' und 'c'"."""
    quoted = [f"'{i}'" for i in ids]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {last_word} {quoted[-1]}"


class _Builder:
    """Index all definitions by id, then resolve and check every reference."""

    def __init__(self, files: Sequence[FileDefinitions]):
        self.problems: list[RuleProblem] = []
        self.topics: dict[str, TopicDef] = self._index("topic", [t for f in files for t in f.topics])
        self.rules: dict[str, RuleDef] = self._index("rule", [r for f in files for r in f.rules])
        self.quizzes: dict[str, QuizDef] = self._index("quiz", [q for f in files for q in f.quizzes])
        self.checklists: dict[str, ChecklistDef] = self._index(
            "checklist", [c for f in files for c in f.checklists]
        )

    def problem(self, origin: Origin | str, line: int, message: str, owner: str | None) -> None:
        path = origin.path if isinstance(origin, Origin) else origin
        self.problems.append(RuleProblem(path, line, message, owner))

    def _index(self, kind: str, definitions: list) -> dict:
        """Map id → first definition; a second definition with the same id is a problem."""
        index: dict = {}
        for definition in definitions:
            first = index.setdefault(definition.id, definition)
            if first is not definition:
                self.problem(
                    definition.origin,
                    definition.origin.line,
                    f"Die Id '{definition.id}' gibt es schon: {_KIND_NAMES[kind]} in "
                    f"{first.origin} – Ids müssen über alle Dateien eindeutig sein; benenne "
                    "eine der beiden um.",
                    None if kind == "topic" else definition.id,
                )
        return index

    def build(self) -> tuple[RuleBook, list[RuleProblem]]:
        for rule_def in self.rules.values():
            self._check_topic(rule_def)
        quizzes = {quiz_id: self._quiz(quiz_def) for quiz_id, quiz_def in self.quizzes.items()}
        checklists = {cid: self._checklist(cdef) for cid, cdef in self.checklists.items()}
        rules = {rule_id: rule_def.rule for rule_id, rule_def in self.rules.items()}
        return RuleBook(rules=rules, quizzes=quizzes, checklists=checklists), self.problems

    def _check_topic(self, rule_def: RuleDef) -> None:
        topic = rule_def.topic
        if topic is not None and topic.id not in self.topics:
            self._dangling(rule_def.rule.origin, topic, "topic", rule_def.rule.id)

    def _dangling(self, origin: Origin, ref: Ref, kind: str, owner: str | None) -> None:
        known = {
            "rule": self.rules,
            "quiz": self.quizzes,
            "checklist": self.checklists,
            "topic": self.topics,
        }[kind]
        hint = suggestion(ref.id, sorted(known))
        self.problem(
            origin,
            ref.line,
            f"{_KIND_NAMES[kind]} '{ref.id}' gibt es nicht{hint} Prüfe die Schreibweise oder "
            f"lege {'das' if kind in ('quiz', 'topic') else 'die'} {_KIND_NAMES[kind]} an.",
            owner,
        )

    def _quiz(self, quiz_def: QuizDef) -> Quiz:
        before = len(self.problems)
        origin = quiz_def.origin
        used: list[tuple[Ref, RuleDef]] = []
        for ref in quiz_def.rules:
            rule_def = self.rules.get(ref.id)
            if rule_def is None:
                self._dangling(origin, ref, "rule", quiz_def.id)
            elif not rule_def.rule.answers and rule_def.complete:
                self.problem(
                    origin,
                    ref.line,
                    f"Die Regel '{ref.id}' ({rule_def.rule.origin}) hat keine Frage und kann "
                    "nicht im Quiz stehen – ergänze dort 'question' und 'answers' oder nimm sie "
                    "aus dem Quiz.",
                    quiz_def.id,
                )
            else:
                used.append((ref, rule_def))
        if quiz_def.checklist and quiz_def.checklist.id not in self.checklists:
            self._dangling(origin, quiz_def.checklist, "checklist", quiz_def.id)
        for ref, rule_def in used:
            self._check_rule_fits(quiz_def, ref, rule_def)
        rules = tuple(rule_def.rule for _ref, rule_def in used)
        sound = (
            quiz_def.complete
            and len(self.problems) == before
            and all(rule_def.complete for _ref, rule_def in used)
        )
        if sound and quiz_def.kind == SCORE:
            self._check_bands(quiz_def, rules)
        elif sound and quiz_def.kind == PROFILE:
            self._check_profiles_reachable(quiz_def, rules)
        topics: dict[str, str] = {}
        for rule in rules:
            if rule.topic in self.topics and rule.topic not in topics:
                topics[rule.topic] = self.topics[rule.topic].label
        checklist = quiz_def.checklist.id if quiz_def.checklist else None
        knockouts = self._knockouts(quiz_def, rules)
        to_bottom = self._warnings_to_bottom(quiz_def, rules)
        return Quiz(
            id=quiz_def.id,
            kind=quiz_def.kind,
            title=quiz_def.title,
            intro=quiz_def.intro,
            promise=quiz_def.promise,
            rules=rules,
            outcomes=tuple(o.outcome for o in quiz_def.outcomes),
            topics=tuple(topics.items()),
            checklist=checklist,
            origin=origin,
            knockouts=knockouts,
            warnings_to_bottom=to_bottom,
            examples=tuple(
                Example(
                    name=e.name,
                    answers=tuple((ref.id, index, ref.line) for ref, index in e.answers),
                    outcome=tuple(ref.id for ref in e.outcome),
                    origin=Origin(origin.path, e.line),
                )
                for e in quiz_def.examples
            ),
        )

    def _knockouts(self, quiz_def: QuizDef, rules: tuple[Rule, ...]) -> tuple[Knockout, ...]:
        """Check that each `knockouts` entry names an outcome and a count the rules can reach."""
        outcome_ids = [o.outcome.id for o in quiz_def.outcomes]
        with_cap = sum(1 for rule in rules if any(a.cap for a in rule.answers))
        result = []
        for knockout in quiz_def.knockouts:
            name = knockout.outcome.id
            if name not in outcome_ids:
                self.problem(
                    quiz_def.origin,
                    knockout.outcome.line,
                    f"'outcome: {name}' nennt kein Ergebnis des Quiz '{quiz_def.id}'"
                    f"{suggestion(name, outcome_ids)} Möglich sind: {', '.join(outcome_ids)}.",
                    quiz_def.id,
                )
            elif knockout.count > with_cap:
                self.problem(
                    quiz_def.origin,
                    knockout.line,
                    f"'count: {knockout.count}' wird nie erreicht: Nur {with_cap} Fragen des Quiz "
                    "haben eine K.-o.-Antwort ('cap') – senke die Zahl oder ergänze 'cap'.",
                    quiz_def.id,
                )
            else:
                result.append(Knockout(knockout.count, name))
        return tuple(result)

    def _warnings_to_bottom(self, quiz_def: QuizDef, rules: tuple[Rule, ...]) -> int | None:
        """Check that `warnings_to_bottom` asks for no more warning signs than the quiz can give."""
        if quiz_def.warnings_to_bottom is None:
            return None
        count, line = quiz_def.warnings_to_bottom
        # One answer per question: a question with two warning answers still gives one sign.
        with_warning = sum(1 for rule in rules if any(a.warning for a in rule.answers))
        if count > with_warning:
            have = {0: "Keine Frage des Quiz hat", 1: "Nur 1 Frage des Quiz hat"}.get(
                with_warning, f"Nur {with_warning} Fragen des Quiz haben"
            )
            self.problem(
                quiz_def.origin,
                line,
                f"'warnings_to_bottom: {count}' wird nie erreicht: {have} eine Warnsignal-Antwort "
                "('warning: true') – senke die Zahl oder markiere weitere Warnsignale.",
                quiz_def.id,
            )
            return None
        return count

    def _check_rule_fits(self, quiz_def: QuizDef, ref: Ref, rule_def: RuleDef) -> None:
        """Check that a rule's answers give what the quiz asking it needs: points or profiles."""
        rule = rule_def.rule
        outcome_ids = [o.outcome.id for o in quiz_def.outcomes]
        quiz = f"des Quiz '{quiz_def.id}' ({quiz_def.origin})"
        has_profiles = any(a.profile is not None for a in rule_def.answers)
        if not outcome_ids:
            return  # the missing outcomes are reported already
        if quiz_def.kind == SCORE and has_profiles:
            self.problem(
                quiz_def.origin,
                ref.line,
                f"Die Regel '{rule.id}' ({rule.origin}) zählt mit 'profile' für Ergebnisse und "
                "passt nicht in ein Score-Quiz – nimm sie aus dem Quiz oder gib ihren Antworten "
                "'points' statt 'profile'.",
                quiz_def.id,
            )
        elif quiz_def.kind == PROFILE and not has_profiles:
            self.problem(
                quiz_def.origin,
                ref.line,
                f"Die Regel '{rule.id}' ({rule.origin}) hat Antworten ohne 'profile' und passt "
                "nicht in ein Profil-Quiz – nimm sie aus dem Quiz oder gib jeder Antwort "
                "'profile:' mit einer Ergebnis-Id.",
                quiz_def.id,
            )
        elif quiz_def.kind == SCORE:
            for cap in (a.cap for a in rule_def.answers if a.cap is not None):
                if cap.id not in outcome_ids:
                    self.problem(
                        rule.origin,
                        cap.line,
                        f"'cap: {cap.id}' nennt kein Ergebnis {quiz}"
                        f"{suggestion(cap.id, outcome_ids)} Möglich sind: "
                        f"{', '.join(outcome_ids)}.",
                        rule.id,
                    )
                elif cap.id == outcome_ids[0]:
                    self.problem(
                        rule.origin,
                        cap.line,
                        f"'cap: {cap.id}' bewirkt nichts, weil '{cap.id}' schon das beste "
                        f"Ergebnis {quiz} ist – nenne ein schlechteres Ergebnis oder lösche "
                        "'cap'.",
                        rule.id,
                    )
        elif quiz_def.kind == PROFILE:
            for profile in (a.profile for a in rule_def.answers if a.profile):
                if profile.id not in outcome_ids:
                    self.problem(
                        rule.origin,
                        profile.line,
                        f"'profile: {profile.id}' nennt kein Ergebnis {quiz}"
                        f"{suggestion(profile.id, outcome_ids)} Möglich sind: "
                        f"{', '.join(outcome_ids)}.",
                        rule.id,
                    )

    def _check_bands(self, quiz_def: QuizDef, rules: tuple[Rule, ...]) -> None:
        """Check the score bands: exact cover, best first, every outcome reachable."""
        if not self._check_coverage(quiz_def, rules):
            return
        outcomes = quiz_def.outcomes
        for better, worse in pairwise(outcomes):
            if better.outcome.low < worse.outcome.low:
                self._band_problem(
                    quiz_def,
                    worse,
                    f"Die Ergebnisse stehen vom besten zum schlechtesten, aber '{worse.outcome.id}' "
                    f"({worse.outcome.low}-{worse.outcome.high}) hat mehr Punkte als "
                    f"'{better.outcome.id}' davor – tausche die Reihenfolge.",
                )
                return
        totals = reachable_totals(rules, limit=MAX_TOTALS)
        if totals is None:
            self.problem(
                quiz_def.origin,
                quiz_def.origin.line,
                f"Die Punkte dieses Quiz ergeben mehr als {MAX_TOTALS:_} verschiedene Summen "
                "– so viele kann die Prüfung nicht durchgehen. Nimm kleine Punkte (z. B. 0 bis 3 "
                "je Antwort) und passe die Punktebereiche an.".replace("_", "."),
                quiz_def.id,
            )
            return
        capped = {a.cap for rule in rules for a in rule.answers if a.cap}
        capped |= {k.outcome.id for k in quiz_def.knockouts}
        if any(a.warning for rule in rules for a in rule.answers):
            # A warning sign moves the result to the second outcome, enough of them to the last.
            capped.add(outcomes[1].outcome.id if len(outcomes) > 1 else outcomes[0].outcome.id)
            if quiz_def.warnings_to_bottom is not None:
                capped.add(outcomes[-1].outcome.id)
        for outcome_def in outcomes:
            outcome = outcome_def.outcome
            in_band = any(outcome.low <= total <= outcome.high for total in totals)
            if not in_band and outcome.id not in capped:
                self._band_problem(
                    quiz_def,
                    outcome_def,
                    f"Das Ergebnis '{outcome.id}' ist nie erreichbar: Keine Kombination von "
                    f"Antworten ergibt {_span(outcome.low, outcome.high)}, und kein 'cap' "
                    "verweist darauf. Passe die Punktebereiche oder die Punkte an.",
                )

    def _check_coverage(self, quiz_def: QuizDef, rules: tuple[Rule, ...]) -> bool:
        """Check that the bands cover every total from lowest to highest exactly once."""
        lowest, highest = total_range(rules)
        bands = sorted(quiz_def.outcomes, key=lambda o: (o.outcome.low, o.outcome.high))
        before = len(self.problems)
        covered_to: int | None = None  # highest total covered so far
        previous: OutcomeDef | None = None
        for outcome_def in bands:
            outcome = outcome_def.outcome
            low, high = outcome.low, outcome.high
            if covered_to is None and low > lowest:
                self._band_problem(
                    quiz_def,
                    outcome_def,
                    f"Lücke: Für {_span(lowest, low - 1)} gibt es kein Ergebnis. Der "
                    f"niedrigste Bereich ('{outcome.id}') muss bei {lowest} beginnen, der kleinsten "
                    "möglichen Punktzahl.",
                )
            elif covered_to is None and low < lowest:
                self._band_problem(
                    quiz_def,
                    outcome_def,
                    f"Der Punktebereich von '{outcome.id}' beginnt bei {low}, aber weniger als {lowest} "
                    f"Punkte sind in diesem Quiz nicht möglich – lass es bei {lowest} beginnen.",
                )
            elif covered_to is not None and low > covered_to + 1:
                self._band_problem(
                    quiz_def,
                    outcome_def,
                    f"Lücke: Für {_span(covered_to + 1, low - 1)} gibt es kein Ergebnis "
                    f"(zwischen '{previous.outcome.id}' bis {covered_to} und '{outcome.id}' ab "
                    f"{low}) – schließe die Lücke.",
                )
            elif covered_to is not None and low <= covered_to:
                self._band_problem(
                    quiz_def,
                    outcome_def,
                    f"Überschneidung: {_span(low, min(high, covered_to))} gehören zu "
                    f"'{previous.outcome.id}' und zu '{outcome.id}' – jede Punktzahl darf nur zu "
                    "einem Ergebnis gehören.",
                )
            if covered_to is None or high > covered_to:
                covered_to, previous = high, outcome_def
        if covered_to is not None and covered_to < highest:
            self._band_problem(
                quiz_def,
                previous,
                f"Lücke: Für {_span(covered_to + 1, highest)} gibt es kein Ergebnis. Der "
                f"höchste Bereich ('{previous.outcome.id}') muss bis {highest} reichen, der "
                "höchsten möglichen Punktzahl.",
            )
        elif covered_to is not None and covered_to > highest:
            self._band_problem(
                quiz_def,
                previous,
                f"Der Punktebereich von '{previous.outcome.id}' reicht bis {covered_to}, aber mehr als "
                f"{highest} Punkte sind in diesem Quiz nicht möglich – lass es bei {highest} "
                "enden.",
            )
        return len(self.problems) == before

    def _band_problem(self, quiz_def: QuizDef, outcome_def: OutcomeDef, message: str) -> None:
        self.problem(quiz_def.origin, outcome_def.band_line, message, quiz_def.id)

    def _check_profiles_reachable(self, quiz_def: QuizDef, rules: tuple[Rule, ...]) -> None:
        """Check that every profile outcome gets points and can be the outcome at all: a tie
        goes to the outcome listed first, so one that at best ties with an earlier one never is."""
        given = {a.profile for rule in rules for a in rule.answers if a.points > 0}
        outcome_ids = [o.outcome.id for o in quiz_def.outcomes]
        for index, outcome_def in enumerate(quiz_def.outcomes):
            outcome = outcome_def.outcome
            if outcome.id not in given:
                self._profile_problem(
                    quiz_def,
                    outcome,
                    f"Das Ergebnis '{outcome.id}' ist nie erreichbar: Keine Antwort zählt dafür "
                    f"– gib mindestens einer Antwort 'profile: {outcome.id}'.",
                )
                continue
            if profile_can_win(rules, outcome_ids, outcome.id, MAX_PROFILE_STEPS):
                continue
            most = profile_best(rules, outcome.id)
            best = _span(most, most)
            earlier = outcome_ids[:index]
            if not profile_can_win(rules, outcome_ids, outcome.id, MAX_PROFILE_STEPS, earlier):
                self._profile_problem(
                    quiz_def,
                    outcome,
                    f"Das Ergebnis '{outcome.id}' gewinnt nie: Es bekommt höchstens {best}, und "
                    "bei jeder Wahl der übrigen Antworten bekommt ein anderes Ergebnis mehr – gib "
                    f"mehr Antworten 'profile: {outcome.id}' oder fasse Ergebnisse zusammen.",
                )
                continue
            # It only ever ties with outcomes listed above it: name the one (or ones) it ties
            # with, or, when it needs several of them at once, all of them.
            alone = [
                other
                for other in earlier
                if profile_can_win(rules, outcome_ids, outcome.id, MAX_PROFILE_STEPS, (other,))
            ]
            names = _listing(alone, "oder") if alone else _listing(earlier, "und")
            move = f"stell es über {names}" if len(alone) == 1 else "stell es weiter nach oben"
            self._profile_problem(
                quiz_def,
                outcome,
                f"Das Ergebnis '{outcome.id}' gewinnt nie: Mit höchstens {best} liegt es "
                f"bestenfalls gleichauf mit {names}, und bei Gleichstand gewinnt das Ergebnis, "
                f"das weiter oben steht – gib mehr Antworten 'profile: {outcome.id}' oder {move}.",
            )

    def _profile_problem(self, quiz_def: QuizDef, outcome: Outcome, message: str) -> None:
        self.problem(quiz_def.origin, outcome.origin.line, message, quiz_def.id)

    def _checklist(self, checklist_def: ChecklistDef) -> Checklist:
        origin = checklist_def.origin
        groups = []
        for group in checklist_def.groups:
            rules = []
            for ref in group.rules:
                rule_def = self.rules.get(ref.id)
                if rule_def is None:
                    self._dangling(origin, ref, "rule", checklist_def.id)
                elif rule_def.rule.check is None and rule_def.complete:
                    self.problem(
                        origin,
                        ref.line,
                        f"Die Regel '{ref.id}' ({rule_def.rule.origin}) hat kein 'check' und "
                        "kann nicht auf der Checkliste stehen – ergänze dort 'check:' oder nimm "
                        "sie aus der Checkliste.",
                        checklist_def.id,
                    )
                else:
                    rules.append(rule_def.rule)
            groups.append(ChecklistGroup(title=group.title, rules=tuple(rules), write=group.write))
        quiz = checklist_def.quiz
        if quiz is not None and quiz.id not in self.quizzes:
            self._dangling(origin, quiz, "quiz", checklist_def.id)
        return Checklist(
            id=checklist_def.id,
            title=checklist_def.title,
            intro=checklist_def.intro,
            groups=tuple(groups),
            quiz=quiz.id if quiz else None,
            origin=origin,
            fields=checklist_def.fields,
        )
