"""Rule texts in other languages: the Babel extractor, catalog loading and the translated book."""

from __future__ import annotations

import gettext
import os
from dataclasses import fields
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po
from pelican.plugins.kundenfit.languages.translate import (
    extract_rules,
    missing_rule_translations,
    rule_translations,
    rulebook_texts,
    translate_rulebook,
)
from pelican.plugins.kundenfit.quiz.model import RuleBook
from pelican.plugins.kundenfit.rules import load_rulebook

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = """\
# Eine kleine Regeldatei für die Tests.
topics:
  respekt: Respekt

rules:
  - id: grenzen
    topic: respekt
    sources: [nein-als-segen]
    question: Respektiert die Person deine Grenzen?
    answers:
      - text: Ja, immer.
        points: 2
      - text: Meistens.
        points: 1
      - text: Nein.
        points: 0
        cap: machbar
        advice: Sag früh, wo deine Grenzen liegen.
    advice: >-
      Halte schriftlich fest,
      wann du erreichbar bist.
    check: Erreichbarkeit vereinbart

  - id: preis
    check: Preis steht fest

quizzes:
  - id: mini
    kind: score
    title: Passt es?
    intro: Denk an eine Person.
    checklist: liste
    rules: [grenzen]
    outcomes:
      - id: gut
        title: Passt
        points: 2
        text: Ihr passt zusammen.
        actions:
          - Weiter so.
          - Sag danke.
      - id: machbar
        title: Machbar
        points: 0-1
        text: Mit Regeln machbar.

checklists:
  - id: liste
    title: "Vor dem Auftrag: klären"
    intro: Hak ab.
    quiz: mini
    groups:
      - title: Im Angebot
        rules: [preis]
      - title: In der Zusammenarbeit
        rules: [grenzen]
"""

# (line, text, translator comment) for SAMPLE, in file order.
EXPECTED = [
    (3, "Respekt", "sample › topic respekt"),
    (9, "Respektiert die Person deine Grenzen?", "sample › grenzen › question"),
    (11, "Ja, immer.", "sample › grenzen › answer 1"),
    (13, "Meistens.", "sample › grenzen › answer 2"),
    (15, "Nein.", "sample › grenzen › answer 3"),
    (18, "Sag früh, wo deine Grenzen liegen.", "sample › grenzen › answer 3 › advice"),
    (19, "Halte schriftlich fest, wann du erreichbar bist.", "sample › grenzen › advice"),
    (22, "Erreichbarkeit vereinbart", "sample › grenzen › check"),
    (25, "Preis steht fest", "sample › preis › check"),
    (30, "Passt es?", "sample › mini › title"),
    (31, "Denk an eine Person.", "sample › mini › intro"),
    (36, "Passt", "sample › mini › outcome gut › title"),
    (38, "Ihr passt zusammen.", "sample › mini › outcome gut › text"),
    (40, "Weiter so.", "sample › mini › outcome gut › action 1"),
    (41, "Sag danke.", "sample › mini › outcome gut › action 2"),
    (43, "Machbar", "sample › mini › outcome machbar › title"),
    (45, "Mit Regeln machbar.", "sample › mini › outcome machbar › text"),
    (49, "Vor dem Auftrag: klären", "sample › liste › title"),
    (50, "Hak ab.", "sample › liste › intro"),
    (53, "Im Angebot", "sample › liste › group 1"),
    (55, "In der Zusammenarbeit", "sample › liste › group 2"),
]


def extract(text: str, name: str = "content/rules/sample.yaml") -> list[tuple]:
    fileobj = BytesIO(text.encode("utf-8"))
    fileobj.name = name
    return list(extract_rules(fileobj, ["_"], [], {}))


@pytest.fixture
def rules_dir(tmp_path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "sample.yaml").write_text(SAMPLE, encoding="utf-8")
    return folder


@pytest.fixture
def book(rules_dir) -> RuleBook:
    return load_rulebook(rules_dir)


def translations_from(table: dict[str, str], fuzzy: tuple[str, ...] = ()) -> gettext.GNUTranslations:
    """A compiled catalog holding `table`, as the build would load it."""
    catalog = Catalog(locale="en")
    for msgid, msgstr in table.items():
        catalog.add(msgid, msgstr, flags=("fuzzy",) if msgid in fuzzy else ())
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def write_catalog(path: Path, table: dict[str, str]) -> None:
    catalog = Catalog(locale="en")
    for msgid, msgstr in table.items():
        catalog.add(msgid, msgstr)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog)


# --- extract_rules ---------------------------------------------------------------------------


def test_extractor_yields_every_visible_text_with_its_line_and_a_comment():
    found = [(line, message, comments) for line, _func, message, comments in extract(SAMPLE)]
    assert found == [(line, text, [comment]) for line, text, comment in EXPECTED]


def test_extractor_yields_no_ids_slugs_or_numbers():
    messages = {message for _line, _func, message, _comments in extract(SAMPLE)}
    for not_a_text in (
        "grenzen",
        "respekt",
        "nein-als-segen",
        "machbar",
        "mini",
        "liste",
        "2",
        "0-1",
        "score",
    ):
        assert not_a_text not in messages


def test_extractor_finds_every_text_the_book_shows(book):
    messages = {message for _line, _func, message, _comments in extract(SAMPLE)}
    assert set(rulebook_texts(book)) <= messages


@pytest.mark.parametrize(
    "broken",
    [
        b'rules:\n  - id: a\n    check: "nicht geschlossen\n',
        b"rules:\n\t- id: a\n",
        b"rules:\n  - id: a\n    check: Eins\n    check: Zwei\n",
        b"rules:\n  - id: &anker a\n    check: Text\n",
        "rules:\n  - id: a\n    check: Prüfpunkt\n".encode("latin-1"),
    ],
    ids=["unclosed-quote", "tab", "duplicate-key", "anchor", "not-utf8"],
)
def test_extractor_yields_nothing_from_a_file_with_yaml_errors(broken):
    fileobj = BytesIO(broken)
    fileobj.name = "content/rules/broken.yaml"
    assert list(extract_rules(fileobj, [], [], {})) == []


def test_extractor_takes_what_it_can_from_a_file_with_shape_errors():
    text = "rules:\n  - id: a\n    question: Frage?\n    answers: keine Liste\n    chek: Tippfehler\n"
    assert [(line, message) for line, _f, message, _c in extract(text)] == [(3, "Frage?")]


def test_extractor_works_through_the_mapping_file_as_make_messages_uses_it(rules_dir):
    with (ROOT / "babel-rules.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = [
        (filename, line, message, comments)
        for filename, line, message, comments, _context in extract_from_dir(
            str(rules_dir), method_map, options_map
        )
    ]
    assert found[:2] == [
        ("sample.yaml", 3, "Respekt", ["sample › topic respekt"]),
        ("sample.yaml", 9, "Respektiert die Person deine Grenzen?", ["sample › grenzen › question"]),
    ]
    assert len(found) == len(EXPECTED)


def test_make_messages_reads_only_the_rule_files_the_build_reads(rules_dir):
    """Hidden files (editor locks, macOS ._ files) and subfolders are not extracted."""
    text = (rules_dir / "sample.yaml").read_text(encoding="utf-8")
    for name in ("._sample.yaml", ".#sample.yaml", "archiv/alt.yaml"):
        (rules_dir / name).parent.mkdir(exist_ok=True)
        (rules_dir / name).write_text(text, encoding="utf-8")
    with (ROOT / "babel-rules.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    files = {found[0] for found in extract_from_dir(str(rules_dir), method_map, options_map)}
    assert files == {"sample.yaml"}


# --- translate_rulebook ----------------------------------------------------------------------


def test_translate_rulebook_translates_every_visible_text(book):
    english = translate_rulebook(book, translations_from({t: f"EN {t}" for t in rulebook_texts(book)}))
    assert rulebook_texts(english) == [f"EN {t}" for t in rulebook_texts(book)]
    rule = english.rules["grenzen"]
    assert rule.question == "EN Respektiert die Person deine Grenzen?"
    assert [a.text for a in rule.answers] == ["EN Ja, immer.", "EN Meistens.", "EN Nein."]
    assert rule.answers[2].advice == "EN Sag früh, wo deine Grenzen liegen."
    assert rule.advice == "EN Halte schriftlich fest, wann du erreichbar bist."
    assert rule.check == "EN Erreichbarkeit vereinbart"
    quiz = english.quizzes["mini"]
    assert (quiz.title, quiz.intro) == ("EN Passt es?", "EN Denk an eine Person.")
    assert quiz.topics == (("respekt", "EN Respekt"),)
    assert [(o.title, o.text) for o in quiz.outcomes] == [
        ("EN Passt", "EN Ihr passt zusammen."),
        ("EN Machbar", "EN Mit Regeln machbar."),
    ]
    assert quiz.outcomes[0].actions == ("EN Weiter so.", "EN Sag danke.")
    checklist = english.checklists["liste"]
    assert (checklist.title, checklist.intro) == ("EN Vor dem Auftrag: klären", "EN Hak ab.")
    assert [g.title for g in checklist.groups] == ["EN Im Angebot", "EN In der Zusammenarbeit"]


def test_translate_rulebook_keeps_ids_points_and_origins_and_links_the_translated_rules(book):
    english = translate_rulebook(book, translations_from({t: f"EN {t}" for t in rulebook_texts(book)}))
    assert english.rules.keys() == book.rules.keys()
    for rule_id, rule in english.rules.items():
        original = book.rules[rule_id]
        assert (rule.id, rule.topic, rule.sources, rule.origin) == (
            original.id,
            original.topic,
            original.sources,
            original.origin,
        )
        assert [(a.points, a.profile, a.cap, a.origin) for a in rule.answers] == [
            (a.points, a.profile, a.cap, a.origin) for a in original.answers
        ]
    quiz, original_quiz = english.quizzes["mini"], book.quizzes["mini"]
    assert (quiz.id, quiz.kind, quiz.checklist, quiz.origin) == (
        original_quiz.id,
        original_quiz.kind,
        original_quiz.checklist,
        original_quiz.origin,
    )
    assert [(o.id, o.low, o.high, o.origin) for o in quiz.outcomes] == [
        (o.id, o.low, o.high, o.origin) for o in original_quiz.outcomes
    ]
    assert all(rule is english.rules[rule.id] for rule in quiz.rules)
    checklist = english.checklists["liste"]
    assert (checklist.id, checklist.quiz, checklist.origin) == (
        "liste",
        "mini",
        book.checklists["liste"].origin,
    )
    assert all(rule is english.rules[rule.id] for group in checklist.groups for rule in group.rules)
    # The German book is untouched.
    assert book.rules["grenzen"].question == "Respektiert die Person deine Grenzen?"


def test_translate_rulebook_without_a_catalog_changes_no_text(book):
    same = translate_rulebook(book, gettext.NullTranslations())
    assert rulebook_texts(same) == rulebook_texts(book)
    assert [f.name for f in fields(same)] == ["rules", "quizzes", "checklists"]


# --- missing_rule_translations ---------------------------------------------------------------


def test_missing_rule_translations_finds_an_untranslated_text(book):
    table = {t: f"EN {t}" for t in rulebook_texts(book) if t != "Meistens."}
    assert missing_rule_translations(book, translations_from(table)) == ["Meistens."]


def test_a_translation_equal_to_the_german_text_counts_as_translated(book):
    table = {t: f"EN {t}" for t in rulebook_texts(book)}
    table["Passt"] = "Passt"
    assert missing_rule_translations(book, translations_from(table)) == []


def test_fuzzy_and_empty_translations_count_as_missing(book):
    table = {t: f"EN {t}" for t in rulebook_texts(book)}
    table["Hak ab."] = ""
    missing = missing_rule_translations(book, translations_from(table, fuzzy=("Machbar",)))
    assert missing == ["Machbar", "Hak ab."]


def test_without_a_catalog_every_text_is_missing(book):
    assert missing_rule_translations(book, gettext.NullTranslations()) == rulebook_texts(book)


# --- rule_translations -----------------------------------------------------------------------


def test_rule_translations_compiles_a_po_without_mo_in_memory(tmp_path):
    write_catalog(tmp_path / "en/LC_MESSAGES/rules.po", {"Traumkunde": "Dream client"})
    translations = rule_translations(tmp_path, "en")
    assert translations.gettext("Traumkunde") == "Dream client"
    assert not (tmp_path / "en/LC_MESSAGES/rules.mo").exists()


def test_rule_translations_prefers_a_current_mo_and_ignores_a_stale_one(tmp_path):
    folder = tmp_path / "en/LC_MESSAGES"
    write_catalog(folder / "rules.po", {"Traumkunde": "Dream client"})
    mo = Catalog(locale="en")
    mo.add("Traumkunde", "From the mo")
    with (folder / "rules.mo").open("wb") as handle:
        write_mo(handle, mo)
    po_time = (folder / "rules.po").stat().st_mtime
    os.utime(folder / "rules.mo", (po_time + 10, po_time + 10))
    assert rule_translations(tmp_path, "en").gettext("Traumkunde") == "From the mo"
    os.utime(folder / "rules.mo", (po_time - 10, po_time - 10))
    assert rule_translations(tmp_path, "en").gettext("Traumkunde") == "Dream client"


def test_rule_translations_falls_back_to_the_base_language(tmp_path):
    write_catalog(tmp_path / "en/LC_MESSAGES/rules.po", {"Traumkunde": "Dream client"})
    assert rule_translations(tmp_path, "en_GB").gettext("Traumkunde") == "Dream client"


def test_rule_translations_without_a_catalog_is_null(tmp_path):
    translations = rule_translations(tmp_path, "fr")
    assert type(translations) is gettext.NullTranslations
    assert translations.gettext("Traumkunde") == "Traumkunde"


def test_the_real_english_catalog_translates_the_real_rules():
    book = load_rulebook(ROOT / "content" / "rules")
    translations = rule_translations(ROOT / "translations", "en")
    assert missing_rule_translations(book, translations) == []
    english = translate_rulebook(book, translations)
    assert english.quizzes["kundenfit"].title != book.quizzes["kundenfit"].title
