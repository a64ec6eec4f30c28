"""The compiled form of the rule files: what quizzes, checklists and scorers work on.

Plain frozen dataclasses, no Pelican import, so the loader, the scorer, the renderers and the
command line all share one vocabulary. Every object remembers where it was written
(`Origin`), so a later check can still name file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

# The fields of each kind of rule-file entry that a visitor reads and a translator translates
# (a text, or a tuple of texts): the one list the Babel extractor, the translation of a rule
# book and the content tests all use. Topic labels (`topics:`) are texts too.
VISIBLE_TEXT: dict[str, tuple[str, ...]] = {
    "rule": ("question", "advice", "check"),
    "answer": ("text", "advice"),
    "quiz": ("title", "promise", "intro"),
    "outcome": ("title", "text", "actions", "next_step"),
    "checklist": ("title", "intro", "fields"),
    "group": ("title",),
}


@dataclass(frozen=True)
class Origin:
    """Where a definition stands in a rule file (1-based line), for error messages."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Answer:
    """One answer option of a rule's question.

    `points` counts towards the total (score quizzes) or towards `profile` (profile quizzes).
    `cap` names an outcome id: choosing this answer caps the result at that outcome
    (a knock-out / red flag). `advice` overrides the rule's advice for this answer.
    `open` marks "Weiß ich noch nicht": the question then counts neither for nor against.
    `warning` marks one of the sources' warning signs about a client (score quizzes): while
    one is given, the quiz's top outcome is out of reach (see `Quiz.warnings_to_bottom`).
    """

    text: str
    points: int = 0
    profile: str | None = None
    cap: str | None = None
    advice: str | None = None
    origin: Origin | None = None
    open: bool = False
    warning: bool = False


@dataclass(frozen=True)
class Rule:
    """One observable criterion, written once and reused by quizzes and checklists."""

    id: str
    question: str | None
    answers: tuple[Answer, ...]
    advice: str | None
    check: str | None
    topic: str | None
    sources: tuple[str, ...]
    origin: Origin

    @cached_property  # asked for every example of every quiz that uses the rule
    def max_points(self) -> int:
        return max((a.points for a in self.answers), default=0)

    @property
    def best_answer(self) -> int:
        """The index of the first answer with the most points (examples fill gaps with it)."""
        return next(i for i, a in enumerate(self.answers) if a.points == self.max_points)

    def is_weak(self, answer_index: int) -> bool:
        """An answer is weak when it scores below the rule's best answer (open ones never are)."""
        answer = self.answers[answer_index]
        return not answer.open and answer.points < self.max_points

    def advice_for(self, answer_index: int) -> str | None:
        answer = self.answers[answer_index]
        if answer.advice:
            return answer.advice
        return self.advice if self.is_weak(answer_index) else None


@dataclass(frozen=True)
class Outcome:
    """A result of a quiz: a point band (score quiz) or a profile (profile quiz)."""

    id: str
    title: str
    text: str
    low: int | None = None
    high: int | None = None
    actions: tuple[str, ...] = ()
    origin: Origin | None = None
    # The one thing to do after this result: a button label and where it leads (a booking page,
    # mailto: or a page of the site); None: the site-wide KUNDENFIT_NEXT_STEP (next_steps.py).
    next_step: str | None = None
    next_step_url: str | None = None


@dataclass(frozen=True)
class Knockout:
    """`count` or more knock-out answers (answers with `cap`) give at best `outcome`."""

    count: int
    outcome: str


@dataclass(frozen=True)
class Example:
    """A named set of answers with the outcome the coach expects; every build checks it.

    `answers` holds (rule id, answer index, line) for the rules the example names; in a score
    quiz the others count with their best answer. `outcome` holds one id, or several when the
    example expects a tie of a profile quiz.
    """

    name: str
    answers: tuple[tuple[str, int, int], ...]
    outcome: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True)
class Quiz:
    """A view that asks a selection of rules and maps the answers to an outcome.

    kind "score": the total falls in one outcome band; outcomes are ordered best first and a
    cap on an answer means "no better than that outcome".
    kind "profile": each answer gives points to one outcome id; the outcome with most points
    wins; a tie names every tied outcome (`Result.tied`), the first listed leads.
    `knockouts` and `examples` are described in their classes above.
    `warnings_to_bottom` (score quizzes): from this many warning-sign answers on, the result
    is the last (worst) outcome; None: warning signs only keep the first outcome out of reach.
    `promise`: what the visitor knows afterwards, over the first question ("" for the generic one).
    """

    id: str
    kind: str
    title: str
    intro: str
    rules: tuple[Rule, ...]
    outcomes: tuple[Outcome, ...]
    topics: tuple[tuple[str, str], ...]
    checklist: str | None
    origin: Origin
    knockouts: tuple[Knockout, ...] = ()
    examples: tuple[Example, ...] = ()
    warnings_to_bottom: int | None = None
    promise: str = ""

    @property
    def has_warnings(self) -> bool:
        return any(a.warning for rule in self.rules for a in rule.answers)

    def outcome(self, outcome_id: str) -> Outcome:
        return next(o for o in self.outcomes if o.id == outcome_id)


@dataclass(frozen=True)
class ChecklistGroup:
    """A heading with its rules; `write` prints each line as a prompt with room to write."""

    title: str
    rules: tuple[Rule, ...]
    write: bool = False


@dataclass(frozen=True)
class Checklist:
    """A printable view: rules' `check` lines grouped under headings."""

    id: str
    title: str
    intro: str
    groups: tuple[ChecklistGroup, ...]
    quiz: str | None
    origin: Origin
    fields: tuple[str, ...] = ()  # blanks on top of the page, e.g. the client's name, the date


@dataclass(frozen=True)
class Result:
    """What a quiz gives for one set of answers; identical in the Python and JS scorers.

    `warnings` names the rules whose chosen answer is a warning sign, in quiz order;
    `provisional` is true when more than half of a score quiz's questions were left open.
    """

    outcome: str
    total: int
    max_total: int
    subscores: dict[str, tuple[int, int]] = field(default_factory=dict)
    capped_by: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    open: int = 0
    tied: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    provisional: bool = False


@dataclass(frozen=True)
class RuleBook:
    """Everything the rule files define, validated and cross-linked."""

    rules: dict[str, Rule]
    quizzes: dict[str, Quiz]
    checklists: dict[str, Checklist]
