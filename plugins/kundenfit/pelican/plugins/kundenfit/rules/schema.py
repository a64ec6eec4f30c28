"""Check the shape of one rule file and turn it into definitions that still hold references.

Everything that can be judged by looking at a single file is checked here: allowed and
required keys, value types, id spelling, score bands written as ``16-20``, answers that give
either points or a profile. Whether a referenced id exists, whether bands cover the points a
quiz can give, and everything else that needs all files is left to `build`. Which keys a
mapping allows and requires, and what each holds, is declared once in `shape` (which
`json_schema` also exports for editors); here each is read with its own messages.

Each definition records whether it came through without problems (`complete`), so `build`
can skip deeper checks on broken definitions instead of piling follow-up errors on them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..errors import RuleProblem
from ..quiz.model import Answer, Origin, Outcome, Rule
from .loader import Value, YamlList, YamlMap
from .shape import (
    ANSWER,
    ANSWER_MAP,
    BAND,
    BAND_PATTERN,
    BOOL,
    CHECKLIST,
    CHOICE,
    COUNT,
    EXAMPLE,
    FILE,
    GROUP,
    ID,
    ID_OR_IDS,
    ID_PATTERN,
    IDS,
    ITEMS,
    KNOCKOUT,
    MAX_CHECK_CHARS,
    OUTCOME,
    POSITIVE,
    QUIZ,
    QUIZ_KINDS,
    RULE,
    TEXT,
    TEXTS,
    TOPIC_MAP,
    TRUE,
    Shape,
)

# A printed checklist must fit on one A4 page.
MAX_CHECKLIST_ITEMS = 12
PROFILE_DEFAULT_POINTS = 1
# Where a next step may lead: the same addresses as KUNDENFIT_NEXT_STEP (render/next_steps.py).
NEXT_STEP_URL = re.compile(
    r"^(https?://\S+|mailto:[^\s@]+@[^\s@]+|(?!/)(?![a-z][a-z0-9+.-]*:)(?!.*\.\.)\S+)$", re.I
)

# German words a coach may type for a key; checked before the spelling suggestion.
GERMAN_KEYS = {
    "frage": "question",
    "antworten": "answers",
    "antwort": "answers",
    "punkte": "points",
    "rat": "advice",
    "ratschlag": "advice",
    "tipp": "advice",
    "quellen": "sources",
    "quelle": "sources",
    "thema": "topic",
    "themen": "topics",
    "titel": "title",
    "einleitung": "intro",
    "versprechen": "promise",
    "ergebnisse": "outcomes",
    "ergebnis": "outcomes",
    "gruppen": "groups",
    "regeln": "rules",
    "prüfpunkt": "check",
    "pruefpunkt": "check",
    "checkliste": "checklist",
    "checklisten": "checklists",
    "profil": "profile",
    "art": "kind",
    "aufgaben": "actions",
    "schritte": "actions",
    "offen": "open",
    "beispiele": "examples",
    "beispiel": "examples",
    "anzahl": "count",
    "warnsignal": "warning",
    "warnung": "warning",
}


@dataclass(frozen=True)
class Ref:
    """An id written somewhere in a file, with its line, to be resolved by `build`."""

    id: str
    line: int


@dataclass(frozen=True)
class TopicDef:
    id: str
    label: str
    origin: Origin


@dataclass(frozen=True)
class AnswerDef:
    """An answer plus the lines of the ids it names, for messages about those ids."""

    answer: Answer
    profile: Ref | None
    cap: Ref | None


@dataclass(frozen=True)
class RuleDef:
    rule: Rule
    topic: Ref | None
    answers: tuple[AnswerDef, ...]
    complete: bool

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def origin(self) -> Origin:
        return self.rule.origin


@dataclass(frozen=True)
class OutcomeDef:
    """An outcome plus the line of its ``points`` band (None for profile outcomes)."""

    outcome: Outcome
    band_line: int | None


@dataclass(frozen=True)
class KnockoutDef:
    count: int
    outcome: Ref
    line: int


@dataclass(frozen=True)
class ExampleDef:
    """An example as written: rule refs with answer indexes, the expected outcome ids."""

    name: str
    answers: tuple[tuple[Ref, int], ...]
    outcome: tuple[Ref, ...]
    line: int


@dataclass(frozen=True)
class QuizDef:
    id: str
    kind: str
    title: str
    intro: str
    rules: tuple[Ref, ...]
    outcomes: tuple[OutcomeDef, ...]
    checklist: Ref | None
    origin: Origin
    complete: bool
    knockouts: tuple[KnockoutDef, ...] = ()
    examples: tuple[ExampleDef, ...] = ()
    # `warnings_to_bottom` as (count, line), for the check against the quiz's warning signs.
    warnings_to_bottom: tuple[int, int] | None = None
    promise: str = ""


@dataclass(frozen=True)
class GroupDef:
    title: str
    rules: tuple[Ref, ...]
    write: bool = False


@dataclass(frozen=True)
class ChecklistDef:
    id: str
    title: str
    intro: str
    groups: tuple[GroupDef, ...]
    quiz: Ref | None
    origin: Origin
    complete: bool
    fields: tuple[str, ...] = ()


@dataclass
class FileDefinitions:
    """Everything one file defines, in the order written."""

    path: str
    topics: list[TopicDef] = field(default_factory=list)
    rules: list[RuleDef] = field(default_factory=list)
    quizzes: list[QuizDef] = field(default_factory=list)
    checklists: list[ChecklistDef] = field(default_factory=list)


def read_definitions(document: Value, path: str) -> tuple[FileDefinitions, list[RuleProblem]]:
    """Check the shape of one loaded file and return its definitions and problems."""
    reader = _FileReader(path)
    return reader.read(document), reader.problems


def suggestion(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """End a sentence: " – meintest du 'x'?" for the closest choice, otherwise "."."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" – meintest du '{close[0]}'?" if close else "."


def closest_key(key: str, allowed: tuple[str, ...]) -> str | None:
    """Guess which allowed key a misspelled or German key was meant to be."""
    german = GERMAN_KEYS.get(key.lower())
    if german in allowed:
        return german
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def describe(value: Value) -> str:
    """Name what a wrong value is, in the words a coach would use."""
    if value is None:
        return "nichts (der Wert ist leer)"
    if isinstance(value, bool):
        return f"der Wahrheitswert {str(value).lower()}"
    if isinstance(value, int):
        return f"die Zahl {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return f"der Text '{shown}'"
    if isinstance(value, YamlList):
        return "eine Liste"
    return "eine Zuordnung (Schlüssel: Wert)"


def slug(text: str) -> str:
    """Suggest an id for a wrongly spelled one: lowercase, umlauts spelled out, hyphens."""
    text = text.lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    return "-".join(re.findall(r"[a-z0-9]+", text))


class _Fields:
    """Read the keys of one mapping against its declared `Shape`, reporting unknown, missing
    and mistyped values. Whether a key is required comes from the declaration, and each
    reader checks that the key is declared to hold what it reads."""

    def __init__(self, reader: _FileReader, data: YamlMap, shape: Shape, owner):
        self.reader, self.data, self.owner, self.shape = reader, data, owner, shape
        self.suggested: set[str] = set()
        allowed = shape.names
        for key in data:
            if key in allowed:
                continue
            meant = closest_key(key, allowed)
            hint = f" – meintest du '{meant}'?" if meant else "."
            if meant:
                self.suggested.add(meant)
            reader.problem(
                data.line_of(key),
                f"Unbekannter Schlüssel '{key}'{hint} Erlaubt sind hier: {', '.join(allowed)}.",
                owner,
            )

    def has(self, key: str, kind: str | None = None) -> bool:
        """Return whether `key` is written; with `kind`, it must be declared as holding that."""
        if kind is not None:
            self.declared(key, kind)
        return key in self.data

    def declared(self, key: str, kind: str) -> bool:
        """Return whether `key` is required; it must be declared as holding `kind`."""
        declared = self.shape.key(key)
        if declared.kind != kind:
            raise AssertionError(f"{self.shape.name}.{key} is declared {declared.kind}, read as {kind}")
        return declared.required

    def line(self, key: str) -> int:
        return self.data.line_of(key)

    def missing(self, key: str, what: str) -> None:
        """Report a missing key unless a misspelled key already pointed at it."""
        if key not in self.suggested:
            self.reader.problem(
                self.data.line, f"Hier fehlt '{key}:' ({what}) – ergänze die Zeile.", self.owner
            )

    def wrong(self, key: str, expected: str) -> None:
        self.reader.problem(
            self.line(key),
            f"'{key}' muss {expected} sein, hier steht {describe(self.data[key])}.",
            self.owner,
        )

    def text(self, key: str, what: str, kind: str = TEXT) -> str | None:
        """Return a non-empty text (numbers are taken as text too), or None."""
        required = self.declared(key, kind)
        if key not in self.data:
            if required:
                self.missing(key, what)
            return None
        value = self.data[key]
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            self.wrong(key, f"ein nicht leerer Text ({what})")
            return None
        return value.strip()

    def ident(self, key: str, what: str, kind: str = ID) -> Ref | None:
        """Return an id (lowercase letters, digits, hyphens) with its line, or None."""
        required = self.declared(key, kind)
        if key not in self.data:
            if required:
                self.missing(key, what)
            return None
        value = self.data[key]
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.reader.bad_id(self.line(key), key, value, self.owner)
            return None
        return Ref(value, self.line(key))

    def idents(self, key: str, what: str, kind: str = IDS) -> tuple[Ref, ...] | None:
        """Return a list of ids with their lines; duplicates in the list are a problem."""
        required = self.declared(key, kind)
        if key not in self.data:
            if required:
                self.missing(key, what)
            return None
        value = self.data[key]
        if not isinstance(value, YamlList):
            self.wrong(key, f"eine Liste von Ids ({what}, z. B. [erste-id, zweite-id])")
            return None
        refs: list[Ref] = []
        ok = True
        for index, item in enumerate(value):
            line = value.line_of(index)
            if not isinstance(item, str) or not ID_PATTERN.match(item):
                self.reader.bad_id(line, key, item, self.owner)
                ok = False
            elif any(ref.id == item for ref in refs):
                self.reader.problem(
                    line, f"'{item}' steht doppelt in '{key}' – lösche einen Eintrag.", self.owner
                )
                ok = False
            else:
                refs.append(Ref(item, line))
        return tuple(refs) if ok else None

    def texts(self, key: str, what: str) -> tuple[str, ...] | None:
        """Return an optional list of non-empty texts."""
        self.declared(key, TEXTS)
        if key not in self.data:
            return ()
        value = self.data[key]
        if not isinstance(value, YamlList) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            self.wrong(key, f"eine Liste von Texten ({what}; jeder Eintrag beginnt mit '- ')")
            return None
        return tuple(item.strip() for item in value)

    def items(self, key: str, what: str) -> list[YamlMap] | None:
        """Return the mappings of a non-empty list; other entries are problems."""
        required = self.declared(key, ITEMS)
        if key not in self.data:
            if required:
                self.missing(key, what)
            return None
        value = self.data[key]
        if not isinstance(value, YamlList):
            self.wrong(key, f"eine Liste ({what}; jeder Eintrag beginnt mit '- ')")
            return None
        if not value:
            self.reader.problem(
                self.line(key), f"'{key}' ist leer – trag mindestens einen Eintrag ein.", self.owner
            )
            return None
        result = []
        for index, item in enumerate(value):
            if isinstance(item, YamlMap):
                result.append(item)
            else:
                self.reader.problem(
                    value.line_of(index),
                    f"Jeder Eintrag in '{key}' muss Schlüssel haben (z. B. '- title: …'), "
                    f"hier steht {describe(item)}.",
                    self.owner,
                )
        return result


class _FileReader:
    """Read one file's definitions, collecting every problem with its line."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[RuleProblem] = []

    def problem(self, line: int, message: str, owner: str | None = None) -> None:
        self.problems.append(RuleProblem(self.path, line, message, owner))

    def bad_id(self, line: int, key: str, value: Value, owner: str | None) -> None:
        """Report a misspelled id, suggesting a well-formed one made from it."""
        hint = ""
        if isinstance(value, str) and slug(value):
            hint = f", z. B. '{slug(value)}'"
        self.problem(
            line,
            f"'{key}' braucht eine Id aus Kleinbuchstaben, Ziffern und Bindestrichen "
            f"(ohne Umlaute und Leerzeichen{hint}), hier steht {describe(value)}.",
            owner,
        )

    def read(self, document: Value) -> FileDefinitions:
        result = FileDefinitions(self.path)
        if document is None:
            return result
        if not isinstance(document, YamlMap):
            self.problem(
                1,
                "Eine Regeldatei beginnt mit 'topics:', 'rules:', 'quizzes:' oder 'checklists:' "
                f"ganz links; hier steht {describe(document)}.",
            )
            return result
        fields = _Fields(self, document, FILE, None)
        if fields.has("topics", TOPIC_MAP):
            result.topics = self._topics(document["topics"], document.line_of("topics"))
        for key, read in (
            ("rules", self._rule),
            ("quizzes", self._quiz),
            ("checklists", self._checklist),
        ):
            if not fields.has(key):
                continue
            entries = fields.items(key, "die Einträge dieser Datei")
            definitions = [read(data) for data in entries or ()]
            getattr(result, key).extend(d for d in definitions if d is not None)
        return result

    def _topics(self, value: Value, line: int) -> list[TopicDef]:
        if not isinstance(value, YamlMap):
            self.problem(
                line,
                "'topics' muss Themen als 'id: Bezeichnung' auflisten, eingerückt darunter "
                f"(z. B. 'respekt: Respekt'); hier steht {describe(value)}.",
            )
            return []
        topics = []
        for topic_id, label in value.items():
            topic_line = value.line_of(topic_id)
            if not ID_PATTERN.match(topic_id):
                self.bad_id(topic_line, "topics", topic_id, None)
            elif not isinstance(label, str) or not label.strip():
                self.problem(
                    topic_line,
                    f"Das Thema '{topic_id}' braucht eine Bezeichnung als Text, z. B. "
                    f"'{topic_id}: {topic_id.capitalize()}'; hier steht {describe(label)}.",
                )
            else:
                topics.append(TopicDef(topic_id, label.strip(), Origin(self.path, topic_line)))
        return topics

    def _owner_id(self, data: YamlMap) -> str | None:
        """Return the definition's id if it is well formed, to name it in messages."""
        value = data.get("id")
        return value if isinstance(value, str) and ID_PATTERN.match(value) else None

    def _rule(self, data: YamlMap) -> RuleDef | None:
        before = len(self.problems)
        owner = self._owner_id(data)
        fields = _Fields(self, data, RULE, owner)
        ref = fields.ident("id", "die Id der Regel")
        topic = fields.ident("topic", "das Thema")
        sources = fields.idents("sources", "Artikel-Slugs") or ()
        question = fields.text("question", "die Frage")
        advice = fields.text("advice", "der Rat bei schwacher Antwort")
        check = fields.text("check", "die Zeile für die Checkliste")
        if check and len(check) > MAX_CHECK_CHARS:
            self.problem(
                fields.line("check"),
                f"Die Checklisten-Zeile hat {len(check)} Zeichen; mehr als {MAX_CHECK_CHARS} "
                "passen nicht gut auf die gedruckte Seite – kürze sie.",
                owner,
            )
        answers = self._answers(fields, owner) if fields.has("answers") else ()
        if fields.has("question") != fields.has("answers"):
            has_question = fields.has("question")
            present, absent = ("question", "answers") if has_question else ("answers", "question")
            if absent not in fields.suggested:
                self.problem(
                    data.line,
                    f"Die Regel hat '{present}', aber kein '{absent}' – eine Frage braucht "
                    f"Antworten und umgekehrt. Ergänze '{absent}:'.",
                    owner,
                )
        elif not fields.has("question"):
            if not fields.has("check") and "check" not in fields.suggested:
                self.problem(
                    data.line,
                    "Die Regel hat weder eine Frage noch 'check' – ergänze 'check:' (die Zeile "
                    "für die Checkliste) oder 'question:' mit 'answers:'.",
                    owner,
                )
            if fields.has("advice"):
                self.problem(
                    fields.line("advice"),
                    "'advice' wird nur nach einer Frage angezeigt – ergänze 'question' und "
                    "'answers' oder lösche 'advice'.",
                    owner,
                )
        if ref is None:
            return None
        rule = Rule(
            id=ref.id,
            question=question,
            answers=tuple(a.answer for a in answers),
            advice=advice,
            check=check,
            topic=topic.id if topic else None,
            sources=tuple(s.id for s in sources),
            origin=Origin(self.path, fields.line("id")),
        )
        return RuleDef(rule, topic, tuple(answers), complete=len(self.problems) == before)

    def _answers(self, fields: _Fields, owner: str | None) -> tuple[AnswerDef, ...]:
        entries = fields.items("answers", "die Antworten auf die Frage")
        if entries is None:
            return ()
        if len(entries) < 2:
            self.problem(
                fields.line("answers"),
                "Eine Frage braucht mindestens zwei Antworten – ergänze eine weitere.",
                owner,
            )
        answers = tuple(self._answer(data, owner) for data in entries)
        self._check_distinct_texts([a for a in answers if a], owner)
        counted = [a for a in answers if not (a and a.answer.open)]
        with_profile = [a for a in counted if a and a.profile]
        if with_profile and len(with_profile) != len(counted):
            self.problem(
                fields.line("answers"),
                "Entweder haben alle Antworten 'profile' (Profil-Quiz) oder keine (Score-Quiz) "
                "– ergänze oder entferne 'profile'.",
                owner,
            )
        return tuple(a for a in answers if a is not None)

    def _check_distinct_texts(self, answers: list[AnswerDef], owner: str | None) -> None:
        """Two answers with the same text cannot be told apart by anyone taking the quiz."""
        first_line: dict[str, int] = {}
        for answer in answers:
            key = " ".join(answer.answer.text.split()).casefold()
            line = answer.answer.origin.line
            if key in first_line:
                self.problem(
                    line,
                    f"Die Antwort „{answer.answer.text}“ steht schon in Zeile {first_line[key]} "
                    "– gleiche Antworten kann niemand unterscheiden. Ändere oder lösche eine.",
                    owner,
                )
            else:
                first_line[key] = line

    def _answer(self, data: YamlMap, owner: str | None) -> AnswerDef | None:
        fields = _Fields(self, data, ANSWER, owner)
        text = fields.text("text", "der Antworttext")
        profile = fields.ident("profile", "das Ergebnis, zu dem die Antwort zählt")
        cap = fields.ident("cap", "das beste noch mögliche Ergebnis")
        advice = fields.text("advice", "der Rat zu genau dieser Antwort")
        is_open = False
        if fields.has("open", TRUE):
            is_open = data["open"] is True
            if data["open"] is not True:
                fields.wrong("open", "'true' (eine offene Antwort) – sonst lass die Zeile weg")
            elif fields.has("points") or profile or cap:
                self.problem(
                    fields.line("open"),
                    "Eine offene Antwort ('open: true') zählt weder dafür noch dagegen – lösche "
                    "'points', 'profile' und 'cap' bei ihr.",
                    owner,
                )
        is_warning = self._warning(fields, data, is_open, profile, owner)
        points = None
        if is_open:
            points = 0
        elif fields.has("points", COUNT):
            value = data["points"]
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                points = value
            else:
                fields.wrong("points", "eine ganze Zahl ab 0 (z. B. points: 2)")
        elif fields.has("profile"):
            points = PROFILE_DEFAULT_POINTS
        elif "points" not in fields.suggested:
            self.problem(
                data.line,
                "Die Antwort braucht 'points:' (Punkte im Score-Quiz) oder 'profile:' "
                "(Ergebnis im Profil-Quiz) – ergänze eines davon.",
                owner,
            )
        if profile and cap:
            self.problem(
                fields.line("cap"),
                "Eine Antwort hat entweder 'profile' (Profil-Quiz) oder 'cap' (Score-Quiz), "
                "nicht beides – lösche eines.",
                owner,
            )
        if text is None:
            return None
        answer = Answer(
            text=text,
            points=points or 0,
            profile=profile.id if profile else None,
            cap=cap.id if cap else None,
            advice=advice,
            origin=Origin(self.path, data.line),
            open=is_open,
            warning=is_warning,
        )
        return AnswerDef(answer, profile, cap)

    def _warning(self, fields: _Fields, data: YamlMap, is_open: bool, profile, owner) -> bool:
        """Read `warning: true|false`; a warning sign needs an answer that counts in a score quiz."""
        if not fields.has("warning", BOOL):
            return False
        value = data["warning"]
        if not isinstance(value, bool):
            fields.wrong("warning", "'true' (die Antwort ist ein Warnsignal) oder 'false'")
            return False
        if value and is_open:
            self.problem(
                fields.line("warning"),
                "Eine offene Antwort ('open: true') kann kein Warnsignal sein – sie zählt weder "
                "dafür noch dagegen. Lösche 'warning' oder 'open'.",
                owner,
            )
            return False
        if value and profile:
            self.problem(
                fields.line("warning"),
                "Warnsignale ('warning') gibt es nur im Score-Quiz, diese Antwort zählt mit "
                "'profile' für ein Profil – lösche 'warning'.",
                owner,
            )
            return False
        return value

    def _quiz(self, data: YamlMap) -> QuizDef | None:
        before = len(self.problems)
        owner = self._owner_id(data)
        fields = _Fields(self, data, QUIZ, owner)
        ref = fields.ident("id", "die Id des Quiz")
        kind = fields.text("kind", "score oder profile", CHOICE)
        if kind is not None and kind not in QUIZ.key("kind").choices:
            self.problem(
                fields.line("kind"),
                f"'kind: {kind}' gibt es nicht{suggestion(kind, QUIZ_KINDS)} "
                "Möglich sind 'score' (Punkte und Punktebereiche) und 'profile' (Antworten zählen "
                "für ein Ergebnis).",
                owner,
            )
            kind = None
        title = fields.text("title", "die Überschrift des Quiz")
        promise = fields.text("promise", "was man nach dem Quiz weiß") or ""
        intro = fields.text("intro", "die Einleitung") or ""
        checklist = fields.ident("checklist", "die passende Checkliste")
        rules = fields.idents("rules", "die Regeln, deren Fragen das Quiz stellt")
        if rules == ():
            self.problem(
                fields.line("rules"),
                "Das Quiz hat keine Regeln – trag unter 'rules' die Ids der Regeln ein, deren "
                "Fragen es stellen soll.",
                owner,
            )
        outcomes = self._outcomes(fields, kind, owner)
        knockouts = self._knockouts(fields, kind, owner) if fields.has("knockouts") else ()
        to_bottom = self._warnings_to_bottom(fields, kind, owner)
        examples = self._examples(fields, owner) if fields.has("examples") else ()
        if ref is None:
            return None
        return QuizDef(
            id=ref.id,
            kind=kind or "",
            title=title or "",
            intro=intro,
            rules=rules or (),
            outcomes=outcomes,
            checklist=checklist,
            origin=Origin(self.path, fields.line("id")),
            complete=len(self.problems) == before,
            knockouts=knockouts,
            examples=examples,
            warnings_to_bottom=to_bottom,
            promise=promise,
        )

    def _warnings_to_bottom(self, fields: _Fields, kind: str | None, owner) -> tuple[int, int] | None:
        """Read `warnings_to_bottom`: from how many warning signs on the last outcome applies."""
        if not fields.has("warnings_to_bottom"):
            return None
        fields.declared("warnings_to_bottom", POSITIVE)
        value = fields.data["warnings_to_bottom"]
        if kind == "profile":
            self.problem(
                fields.line("warnings_to_bottom"),
                "'warnings_to_bottom' gibt es nur im Score-Quiz (kind: score) – lösche die Zeile.",
                owner,
            )
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            fields.wrong("warnings_to_bottom", "eine ganze Zahl ab 1 (z. B. warnings_to_bottom: 2)")
        else:
            return value, fields.line("warnings_to_bottom")
        return None

    def _knockouts(self, fields: _Fields, kind: str | None, owner) -> tuple[KnockoutDef, ...]:
        """Read `knockouts`: "count or more knock-out answers give at best outcome"."""
        if kind == "profile":
            self.problem(
                fields.line("knockouts"),
                "'knockouts' gibt es nur im Score-Quiz (kind: score) – lösche den Abschnitt.",
                owner,
            )
            return ()
        result = []
        for data in fields.items("knockouts", "ab wie vielen K.-o.-Antworten welches Ergebnis gilt") or ():
            item = _Fields(self, data, KNOCKOUT, owner)
            outcome = item.ident("outcome", "das Ergebnis, das dann höchstens gilt")
            item.declared("count", POSITIVE)
            count = data.get("count")
            if not item.has("count"):
                item.missing("count", "ab wie vielen K.-o.-Antworten, z. B. count: 2")
            elif isinstance(count, bool) or not isinstance(count, int) or count < 1:
                item.wrong("count", "eine ganze Zahl ab 1 (z. B. count: 2)")
            elif outcome is not None:
                result.append(KnockoutDef(count, outcome, data.line))
        return tuple(result)

    def _examples(self, fields: _Fields, owner) -> tuple[ExampleDef, ...]:
        """Read `examples`: a name, answers by rule id (answer numbers from 0), the outcome."""
        result = []
        for data in fields.items("examples", "Beispiel-Antworten mit erwartetem Ergebnis") or ():
            item = _Fields(self, data, EXAMPLE, owner)
            name = item.text("name", "wer hier antwortet, z. B. 'Die Besserwisserin'")
            outcome: tuple[Ref, ...] | None
            if item.has("outcome") and isinstance(data["outcome"], YamlList):
                outcome = item.idents("outcome", "die gleichauf liegenden Ergebnisse", ID_OR_IDS)
                if outcome == ():
                    self.problem(
                        item.line("outcome"),
                        "'outcome' ist leer – nenne das erwartete Ergebnis (bei Gleichstand alle "
                        "gleichauf liegenden, z. B. [ernuechterung, machtkampf]).",
                        owner,
                    )
            else:
                single = item.ident("outcome", "das erwartete Ergebnis", ID_OR_IDS)
                outcome = (single,) if single else None
            answers: list[tuple[Ref, int]] | None = []
            item.declared("answers", ANSWER_MAP)
            value = data.get("answers", YamlMap(data.line))
            if not isinstance(value, YamlMap):
                item.wrong("answers", "Regel-Ids mit Antwortnummern, z. B. 'grenzen: 2'")
                answers, value = None, YamlMap(data.line)
            for rule_id, index in value.items():
                line = value.line_of(rule_id)
                if not ID_PATTERN.match(rule_id):
                    self.bad_id(line, "answers", rule_id, owner)
                    answers = None
                elif isinstance(index, bool) or not isinstance(index, int) or index < 0:
                    self.problem(
                        line,
                        f"Die Antwort auf '{rule_id}' ist eine Nummer ab 0 (0 = erste Antwort), "
                        f"hier steht {describe(index)}.",
                        owner,
                    )
                    answers = None
                elif answers is not None:
                    answers.append((Ref(rule_id, line), index))
            if name and outcome and answers is not None:
                result.append(ExampleDef(name, tuple(answers), outcome, data.line))
        return tuple(result)

    def _outcomes(self, fields: _Fields, kind: str | None, owner) -> tuple[OutcomeDef, ...]:
        entries = fields.items("outcomes", "die möglichen Ergebnisse")
        if entries is None:
            return ()
        if len(entries) < 2:
            self.problem(
                fields.line("outcomes"),
                "Ein Quiz braucht mindestens zwei Ergebnisse – ergänze ein weiteres.",
                owner,
            )
        outcomes: list[OutcomeDef] = []
        seen: dict[str, int] = {}
        for data in entries:
            outcome = self._outcome(data, kind, owner)
            if outcome is None:
                continue
            oid = outcome.outcome.id
            if oid in seen:
                self.problem(
                    data.line_of("id"),
                    f"Das Ergebnis '{oid}' gibt es in diesem Quiz schon (Zeile {seen[oid]}) "
                    "– gib einem der beiden eine andere Id.",
                    owner,
                )
                continue
            seen[oid] = data.line_of("id")
            outcomes.append(outcome)
        return tuple(outcomes)

    def _outcome(self, data: YamlMap, kind: str | None, owner) -> OutcomeDef | None:
        fields = _Fields(self, data, OUTCOME, owner)
        ref = fields.ident("id", "die Id des Ergebnisses")
        title = fields.text("title", "die Überschrift des Ergebnisses")
        text = fields.text("text", "die Beschreibung des Ergebnisses")
        actions = fields.texts("actions", "was jetzt zu tun ist") or ()
        next_step = fields.text("next_step", "die Beschriftung des nächsten Schritts")
        next_step_url = fields.text("next_step_url", "wohin der nächste Schritt führt")
        if next_step_url and not NEXT_STEP_URL.match(next_step_url):
            fields.wrong(
                "next_step_url",
                "eine Adresse mit https://, mailto: oder eine Seite der Website wie 'kontakt/'",
            )
            next_step_url = None
        if fields.has("next_step") != fields.has("next_step_url") and not fields.suggested:
            self.problem(
                data.line,
                "'next_step' und 'next_step_url' gehören zusammen: die Beschriftung des Knopfs und "
                "wohin er führt – ergänze die fehlende Zeile.",
                owner,
            )
        low = high = band_line = None
        if kind == "score":
            if fields.has("points", BAND):
                band_line = fields.line("points")
                low, high = self._band(data["points"], band_line, owner)
            elif "points" not in fields.suggested:
                self.problem(
                    data.line,
                    "Im Score-Quiz braucht jedes Ergebnis einen Punktebereich, z. B. "
                    "'points: 16-20' – ergänze ihn.",
                    owner,
                )
        elif kind == "profile" and fields.has("points"):
            self.problem(
                fields.line("points"),
                "Im Profil-Quiz haben Ergebnisse keinen Punktebereich – es gewinnt das "
                "Ergebnis mit den meisten Antworten. Lösche 'points' oder nimm 'kind: score'.",
                owner,
            )
        if ref is None:
            return None
        outcome = Outcome(
            id=ref.id,
            title=title or "",
            text=text or "",
            low=low,
            high=high,
            actions=actions,
            origin=Origin(self.path, data.line),
            next_step=next_step,
            next_step_url=next_step_url,
        )
        return OutcomeDef(outcome, band_line)

    def _band(self, value: Value, line: int, owner) -> tuple[int | None, int | None]:
        """Parse ``16-20`` (or a single number) into (low, high)."""
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value, value
        match = BAND_PATTERN.match(value) if isinstance(value, str) else None
        if match is None:
            self.problem(
                line,
                "'points' eines Ergebnisses ist ein Punktebereich wie '16-20' (von-bis, "
                f"ganze Zahlen ab 0), hier steht {describe(value)}.",
                owner,
            )
            return None, None
        low, high = int(match[1]), int(match[2])
        if low > high:
            self.problem(
                line,
                f"Der Punktebereich '{value}' ist verdreht – schreib die kleinere Zahl "
                f"zuerst: '{high}-{low}'.",
                owner,
            )
            return None, None
        return low, high

    def _checklist(self, data: YamlMap) -> ChecklistDef | None:
        before = len(self.problems)
        owner = self._owner_id(data)
        fields = _Fields(self, data, CHECKLIST, owner)
        ref = fields.ident("id", "die Id der Checkliste")
        title = fields.text("title", "die Überschrift der Checkliste")
        intro = fields.text("intro", "die Einleitung") or ""
        quiz = fields.ident("quiz", "das passende Quiz")
        blanks = fields.texts("fields", "Felder zum Ausfüllen oben auf der Seite, z. B. Datum") or ()
        groups = []
        seen: dict[str, int] = {}
        for group_data in fields.items("groups", "die Abschnitte der Checkliste") or ():
            group_fields = _Fields(self, group_data, GROUP, owner)
            group_title = group_fields.text("title", "die Überschrift des Abschnitts")
            rules = group_fields.idents("rules", "die Regeln, deren 'check' hier steht")
            group_fields.declared("write", BOOL)
            write = group_data.get("write", False)
            if not isinstance(write, bool):
                group_fields.wrong("write", "'true' (Zeilen zum Hineinschreiben statt Kästchen) oder 'false'")
                write = False
            if rules == ():
                self.problem(
                    group_fields.line("rules"),
                    "Der Abschnitt hat keine Regeln – trag unter 'rules' Regel-Ids ein oder "
                    "lösche den Abschnitt.",
                    owner,
                )
            for rule in rules or ():
                if rule.id in seen:
                    self.problem(
                        rule.line,
                        f"'{rule.id}' steht schon in Zeile {seen[rule.id]} dieser Checkliste – "
                        "jede Regel nur einmal.",
                        owner,
                    )
                seen.setdefault(rule.id, rule.line)
            groups.append(GroupDef(group_title or "", rules or (), write))
        if len(seen) > MAX_CHECKLIST_ITEMS:
            self.problem(
                fields.line("groups"),
                f"Die Checkliste hat {len(seen)} Punkte; mehr als {MAX_CHECKLIST_ITEMS} passen "
                "nicht auf eine A4-Seite – teile sie auf oder streiche Punkte.",
                owner,
            )
        if ref is None:
            return None
        return ChecklistDef(
            id=ref.id,
            title=title or "",
            intro=intro,
            groups=tuple(groups),
            quiz=quiz,
            origin=Origin(self.path, fields.line("id")),
            complete=len(self.problems) == before,
            fields=blanks,
        )
