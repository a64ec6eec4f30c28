"""The declared shape of a rule file: every mapping, its keys, what each key holds.

Declared once, used twice: `schema` reads each file against it (which keys are allowed,
which are required, which reader a value needs) and `json_schema` exports it as the JSON
Schema editors use to complete keys and flag wrong ones while the coach types. The help
texts are German and short: editors show them when the pointer rests on a key.

Each mapping also declares its rules between keys (`Excludes`, `NeedsOneOf`, …): `schema`
states them in its own words, file and line, and the export turns them into JSON Schema;
tests/unit/test_rules_json_schema.py checks that both agree on every file they see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .limits import MAX_INT_DIGITS

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BAND_PATTERN = re.compile(rf"^\s*([0-9]{{1,{MAX_INT_DIGITS}}})\s*[-–]\s*([0-9]{{1,{MAX_INT_DIGITS}}})\s*$")
QUIZ_KINDS = ("score", "profile")
# A printed checklist line must fit the page.
MAX_CHECK_CHARS = 100

# What a key holds. Whole numbers have at most MAX_INT_DIGITS digits (longer ones are text).
TEXT = "text"  # a non-empty text; a whole number is taken as text too
TEXTS = "texts"  # a list of non-empty texts (numbers are not taken here)
ID = "id"  # lowercase letters, digits, hyphens
IDS = "ids"  # a list of ids, each once
ID_OR_IDS = "id-or-ids"
COUNT = "count"  # a whole number from 0
POSITIVE = "positive"  # a whole number from 1
TRUE = "true"  # only `true`: the key is a switch that is either written or left out
BOOL = "bool"
BAND = "band"  # a score band: a whole number from 0 or "low-high"
CHOICE = "choice"  # one of `Key.choices`
ITEMS = "items"  # a non-empty list of mappings of the shape `Key.of`
TOPIC_MAP = "topic-map"  # id: non-empty text
ANSWER_MAP = "answer-map"  # rule id: answer number from 0


@dataclass(frozen=True)
class Key:
    """One key of a mapping: what it holds, whether it must be there, what it is for."""

    name: str
    kind: str
    help: str
    required: bool = False
    of: str | None = None  # ITEMS: the shape of each entry
    min_items: int = 0  # lists: fewer entries are a problem
    max_length: int | None = None  # texts: longer is a problem
    choices: tuple[str, ...] = ()  # CHOICE: the values allowed


@dataclass(frozen=True)
class Excludes:
    """With `key` written (and, if `value` is set, holding it), none of `others` may be."""

    key: str
    others: tuple[str, ...]
    value: object = None


@dataclass(frozen=True)
class NeedsOneOf:
    """At least one of `keys` must be written (`open` counts only as `open: true`)."""

    keys: tuple[str, ...]


@dataclass(frozen=True)
class Needs:
    """With `key` written, each of `others` must be written too."""

    key: str
    others: tuple[str, ...]


@dataclass(frozen=True)
class EntriesAgree:
    """Either every entry of list `key` has `each`, or none does; entries with `unless`
    (key, value) set are left out of the comparison."""

    key: str
    each: str
    unless: tuple[str, object]


@dataclass(frozen=True)
class When:
    """With `key: value`, none of `forbid` may be written, and the entries of each list in
    `entries_forbid` / `entries_require` may not have / must have the keys named."""

    key: str
    value: str
    forbid: tuple[str, ...] = ()
    entries_forbid: dict[str, tuple[str, ...]] = field(default_factory=dict)
    entries_require: dict[str, tuple[str, ...]] = field(default_factory=dict)


Constraint = Excludes | NeedsOneOf | Needs | EntriesAgree | When


@dataclass(frozen=True)
class Shape:
    """A mapping of the rule format: its keys in the order the documentation lists them."""

    name: str
    help: str
    keys: tuple[Key, ...]
    rules: tuple[Constraint, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys)

    def key(self, name: str) -> Key:
        return next(key for key in self.keys if key.name == name)


FILE = Shape(
    "file",
    "Eine Regeldatei: Themen, Regeln, Quizze und Checklisten (alle Abschnitte optional).",
    (
        Key("topics", TOPIC_MAP, "Themen für die Teilwertung eines Score-Quiz, als 'id: Bezeichnung'."),
        Key(
            "rules",
            ITEMS,
            "Die Regeln: Frage mit Antworten und/oder Prüfpunkt ('check').",
            of="rule",
            min_items=1,
        ),
        Key(
            "quizzes",
            ITEMS,
            "Die Quizze: welche Regeln sie fragen, welche Ergebnisse es gibt.",
            of="quiz",
            min_items=1,
        ),
        Key(
            "checklists",
            ITEMS,
            "Die Checklisten: Abschnitte mit Regeln, deren 'check' gedruckt wird.",
            of="checklist",
            min_items=1,
        ),
    ),
)

RULE = Shape(
    "rule",
    "Eine Regel: ein Punkt, auf den du bei Kunden achtest – als Frage, als Prüfpunkt oder beides.",
    (
        Key(
            "id",
            ID,
            "Id der Regel (Kleinbuchstaben, Ziffern, Bindestriche), über alle Dateien eindeutig.",
            required=True,
        ),
        Key("topic", ID, "Thema aus 'topics' (für die Teilwertung im Score-Quiz)."),
        Key("sources", IDS, "Slugs der Artikel, aus denen die Regel stammt."),
        Key("question", TEXT, "Die Frage im Quiz; braucht 'answers'."),
        Key("answers", ITEMS, "Mindestens zwei Antworten auf die Frage.", of="answer", min_items=2),
        Key("advice", TEXT, "Rat nach einer schwächeren Antwort; nur mit 'question'."),
        Key(
            "check",
            TEXT,
            f"Die Zeile auf der Checkliste (höchstens {MAX_CHECK_CHARS} Zeichen).",
            max_length=MAX_CHECK_CHARS,
        ),
    ),
    (
        Needs("question", ("answers",)),
        Needs("answers", ("question",)),
        Needs("advice", ("question",)),
        NeedsOneOf(("question", "check")),
        EntriesAgree("answers", "profile", unless=("open", True)),
    ),
)

ANSWER = Shape(
    "answer",
    "Eine Antwort: Text und Punkte (Score-Quiz) oder 'profile' (Profil-Quiz).",
    (
        Key("text", TEXT, "Der Antworttext.", required=True),
        Key("points", COUNT, "Punkte, ganze Zahl ab 0. Im Profil-Quiz optional (vorgegeben: 1)."),
        Key("profile", ID, "Nur im Profil-Quiz: Id des Ergebnisses, für das die Antwort zählt."),
        Key("cap", ID, "Nur im Score-Quiz: K.-o. – mit dieser Antwort höchstens dieses Ergebnis."),
        Key("advice", TEXT, "Eigener Rat zu genau dieser Antwort (ersetzt den Rat der Regel)."),
        Key("open", TRUE, "'open: true': „Weiß ich noch nicht“ – zählt weder dafür noch dagegen."),
        Key("warning", BOOL, "Nur im Score-Quiz: 'warning: true' macht die Antwort zum Warnsignal."),
    ),
    (
        Excludes("profile", ("cap",)),
        Excludes("open", ("points", "profile", "cap"), value=True),
        Excludes("warning", ("open", "profile"), value=True),
        NeedsOneOf(("points", "profile", "open")),
    ),
)

QUIZ = Shape(
    "quiz",
    "Ein Quiz: fragt Regeln ab und ordnet die Antworten einem Ergebnis zu.",
    (
        Key("id", ID, "Id des Quiz, über alle Dateien eindeutig.", required=True),
        Key(
            "kind",
            CHOICE,
            "'score' (Punkte und Bereiche) oder 'profile' (Antworten zählen für Ergebnisse).",
            required=True,
            choices=QUIZ_KINDS,
        ),
        Key("title", TEXT, "Überschrift des Quiz.", required=True),
        Key(
            "promise",
            TEXT,
            "Ein Satz über der ersten Frage: was man danach weiß, z. B. 'In 4 Minuten weißt du, ob …'.",
        ),
        Key("intro", TEXT, "Einleitung über den Fragen."),
        Key("checklist", ID, "Id der passenden Checkliste."),
        Key(
            "rules",
            IDS,
            "Ids der Regeln, deren Fragen das Quiz in dieser Reihenfolge stellt.",
            required=True,
            min_items=1,
        ),
        Key(
            "outcomes",
            ITEMS,
            "Mindestens zwei Ergebnisse; im Score-Quiz vom besten zum schlechtesten.",
            required=True,
            of="outcome",
            min_items=2,
        ),
        Key(
            "knockouts",
            ITEMS,
            "Nur im Score-Quiz: ab 'count' K.-o.-Antworten höchstens 'outcome'.",
            of="knockout",
            min_items=1,
        ),
        Key(
            "warnings_to_bottom",
            POSITIVE,
            "Nur im Score-Quiz: ab so vielen Warnsignalen das letzte Ergebnis.",
        ),
        Key(
            "examples",
            ITEMS,
            "Beispiele mit erwartetem Ergebnis; jeder Bau rechnet sie nach.",
            of="example",
            min_items=1,
        ),
    ),
    (
        When(
            "kind",
            "profile",
            forbid=("knockouts", "warnings_to_bottom"),
            entries_forbid={"outcomes": ("points",)},
        ),
        When("kind", "score", entries_require={"outcomes": ("points",)}),
    ),
)

OUTCOME = Shape(
    "outcome",
    "Ein Ergebnis des Quiz.",
    (
        Key("id", ID, "Id des Ergebnisses, im Quiz eindeutig.", required=True),
        Key("title", TEXT, "Überschrift des Ergebnisses.", required=True),
        Key("points", BAND, "Nur im Score-Quiz (dort Pflicht): Punktebereich wie 16-20 oder eine Zahl."),
        Key("text", TEXT, "Beschreibung des Ergebnisses.", required=True),
        Key("actions", TEXTS, "Was jetzt zu tun ist: eine Liste von Texten."),
        Key("next_step", TEXT, "Beschriftung des nächsten Schritts, z. B. 'Erstgespräch buchen'."),
        Key(
            "next_step_url",
            TEXT,
            "Wohin der nächste Schritt führt: https://…, mailto:… oder eine Seite der Website.",
        ),
    ),
    (
        Needs("next_step", ("next_step_url",)),
        Needs("next_step_url", ("next_step",)),
    ),
)

KNOCKOUT = Shape(
    "knockout",
    "Ab 'count' K.-o.-Antworten ist das Ergebnis höchstens 'outcome'.",
    (
        Key("count", POSITIVE, "Ab wie vielen K.-o.-Antworten (ganze Zahl ab 1).", required=True),
        Key("outcome", ID, "Id des Ergebnisses, das dann höchstens gilt.", required=True),
    ),
)

EXAMPLE = Shape(
    "example",
    "Ein Beispiel: wer antwortet, welche Antworten, welches Ergebnis herauskommen muss.",
    (
        Key("name", TEXT, "Wer hier antwortet, z. B. „Die Besserwisserin“.", required=True),
        Key("answers", ANSWER_MAP, "Regel-Id: Nummer der Antwort, ab 0 gezählt."),
        Key(
            "outcome",
            ID_OR_IDS,
            "Das erwartete Ergebnis; bei Gleichstand im Profil-Quiz eine Liste.",
            required=True,
        ),
    ),
)

CHECKLIST = Shape(
    "checklist",
    "Eine Checkliste: Abschnitte, deren Regeln ihren 'check' auf eine A4-Seite drucken.",
    (
        Key("id", ID, "Id der Checkliste, über alle Dateien eindeutig.", required=True),
        Key("title", TEXT, "Überschrift der Checkliste.", required=True),
        Key("intro", TEXT, "Einleitung über den Abschnitten."),
        Key("quiz", ID, "Id des passenden Quiz."),
        Key("fields", TEXTS, "Felder zum Ausfüllen oben auf dem Blatt, z. B. [Kundin oder Kunde, Datum]."),
        Key("groups", ITEMS, "Die Abschnitte der Checkliste.", required=True, of="group", min_items=1),
    ),
)

GROUP = Shape(
    "group",
    "Ein Abschnitt der Checkliste.",
    (
        Key("title", TEXT, "Überschrift des Abschnitts.", required=True),
        Key("rules", IDS, "Ids der Regeln, deren 'check' hier steht.", required=True, min_items=1),
        Key("write", BOOL, "'write: true': Zeilen zum Hineinschreiben statt Kästchen."),
    ),
)

SHAPES: dict[str, Shape] = {
    shape.name: shape for shape in (FILE, RULE, ANSWER, QUIZ, OUTCOME, KNOCKOUT, EXAMPLE, CHECKLIST, GROUP)
}
