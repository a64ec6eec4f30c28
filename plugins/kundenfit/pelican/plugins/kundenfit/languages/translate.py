"""Rule texts in other languages: a Babel extractor for the rule files and gettext lookup.

The rule files are written in German, once. `make messages` extracts every text a visitor
sees into ``translations/rules.pot`` with `extract_rules` (see ``babel-rules.cfg``); the
``rules`` domain of each language holds the translations. At build time `rule_translations`
loads a language's catalog and `translate_rulebook` gives a copy of the rule book with its
texts in that language; `missing_rule_translations` lists what the catalog still lacks.

Only texts are translated: ids, slugs, points and file origins stay as they are, so a
translated book scores exactly like the original. No Pelican import.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..quiz.model import VISIBLE_TEXT, Rule, RuleBook
from ..rules.loader import Value, YamlList, YamlMap, parse_yaml
from . import catalogs

DOMAIN = "rules"
# Separates the parts of a translator comment: "kundenfit › grenzen › answer 3".
SEP = " › "

# (lineno, funcname, message, comments), as Babel's extractor protocol expects.
Extracted = tuple[int, str | None, str, list[str]]


# --- Extraction ------------------------------------------------------------------------------


def extract_rules(fileobj, keywords, comment_tags, options) -> Iterator[Extracted]:
    """Yield every visible text of one rule file, with its line and a translator comment.

    A Babel extraction method (``[kundenfit.translate.extract_rules: **.yaml]``). The comment
    names file, id and field, e.g. ``kundenfit › grenzen › answer 3``. Ids, slugs and points
    are not texts. A file YAML cannot read yields nothing: the build reports its errors.
    """
    try:
        text = fileobj.read().decode("utf-8")
    except UnicodeDecodeError:
        return
    name = str(getattr(fileobj, "name", "") or "")
    document, problems = parse_yaml(text, name or "<rules>")
    if problems or not isinstance(document, YamlMap):
        return
    stem = Path(name).stem if name else ""
    for lineno, message, where in _document_texts(document):
        comment = SEP.join(([stem] if stem else []) + where)
        yield lineno, None, message, [comment]


def _text(value: Value) -> str | None:
    """The text a value shows, as the schema reads it (stripped; numbers as text), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _field(data: YamlMap, key: str, where: list[str]) -> Iterator[tuple[int, str, list[str]]]:
    """The text under `key` of a mapping, if there is one."""
    text = _text(data.get(key))
    if text is not None:
        yield data.line_of(key), text, where


def _entries(data: YamlMap, key: str) -> Iterator[YamlMap]:
    """The mappings listed under `key`; anything else is the schema's to report."""
    value = data.get(key)
    if isinstance(value, YamlList):
        yield from (item for item in value if isinstance(item, YamlMap))


def _ident(data: YamlMap, fallback: str) -> str:
    value = data.get("id")
    return value if isinstance(value, str) and value.strip() else fallback


def _document_texts(document: YamlMap) -> Iterator[tuple[int, str, list[str]]]:
    topics = document.get("topics")
    if isinstance(topics, YamlMap):
        for topic_id in topics:
            yield from _field(topics, topic_id, [f"topic {topic_id}"])
    for rule in _entries(document, "rules"):
        yield from _rule_texts(rule)
    for quiz in _entries(document, "quizzes"):
        yield from _quiz_texts(quiz)
    for checklist in _entries(document, "checklists"):
        yield from _checklist_texts(checklist)


# An answer's text and a group's title need no label of their own in the translator comment.
_UNLABELLED = {("answer", "text"), ("group", "title")}


def _visible(data: YamlMap, kind: str, where: list[str]) -> Iterator[tuple[int, str, list[str]]]:
    """The texts of one entry, by the fields VISIBLE_TEXT names for its kind, in file order."""
    found = []
    for key in VISIBLE_TEXT[kind]:
        value = data.get(key)
        if isinstance(value, YamlList):
            for index, item in enumerate(value):
                text = _text(item) if isinstance(item, str) else None
                if text is not None:
                    found.append((value.line_of(index), text, [*where, f"{key.rstrip('s')} {index + 1}"]))
        else:
            label = where if (kind, key) in _UNLABELLED else [*where, key]
            found.extend(_field(data, key, label))
    return iter(sorted(found, key=lambda item: item[0]))


def _rule_texts(rule: YamlMap) -> Iterator[tuple[int, str, list[str]]]:
    owner = _ident(rule, "rule")
    texts = list(_visible(rule, "rule", [owner]))
    for number, answer in enumerate(_entries(rule, "answers"), start=1):
        texts.extend(_visible(answer, "answer", [owner, f"answer {number}"]))
    yield from sorted(texts, key=lambda item: item[0])


def _quiz_texts(quiz: YamlMap) -> Iterator[tuple[int, str, list[str]]]:
    owner = _ident(quiz, "quiz")
    yield from _visible(quiz, "quiz", [owner])
    for number, outcome in enumerate(_entries(quiz, "outcomes"), start=1):
        yield from _visible(outcome, "outcome", [owner, f"outcome {_ident(outcome, str(number))}"])


def _checklist_texts(checklist: YamlMap) -> Iterator[tuple[int, str, list[str]]]:
    owner = _ident(checklist, "checklist")
    yield from _visible(checklist, "checklist", [owner])
    for number, group in enumerate(_entries(checklist, "groups"), start=1):
        yield from _visible(group, "group", [owner, f"group {number}"])


# --- Catalogs ------------------------------------------------------------------------------


def rule_translations(localedir: Path, lang: str) -> gettext.NullTranslations:
    """The ``rules`` catalog of `lang` under `localedir`; without one every text stays as written."""
    return catalogs.translations(localedir, lang, DOMAIN)


# --- Translating a rule book -----------------------------------------------------------------


def translate_rulebook(book: RuleBook, translations: gettext.NullTranslations) -> RuleBook:
    """A copy of `book` with every visible text looked up in `translations`.

    Ids, points, caps, profiles, sources and origins are kept; quizzes and checklists
    reference the translated rules, so the book stays cross-linked like the original.
    """
    tr = _translator(translations)
    rules = {rule_id: _translate_rule(rule, tr) for rule_id, rule in book.rules.items()}

    def linked(rule: Rule) -> Rule:
        return rules[rule.id] if rule.id in rules else _translate_rule(rule, tr)

    quizzes = {
        quiz_id: _translated(
            quiz,
            "quiz",
            tr,
            rules=tuple(linked(rule) for rule in quiz.rules),
            outcomes=tuple(_translated(outcome, "outcome", tr) for outcome in quiz.outcomes),
            topics=tuple((topic_id, tr(label)) for topic_id, label in quiz.topics),
        )
        for quiz_id, quiz in book.quizzes.items()
    }
    checklists = {
        checklist_id: _translated(
            checklist,
            "checklist",
            tr,
            groups=tuple(
                _translated(group, "group", tr, rules=tuple(linked(rule) for rule in group.rules))
                for group in checklist.groups
            ),
        )
        for checklist_id, checklist in book.checklists.items()
    }
    return RuleBook(rules=rules, quizzes=quizzes, checklists=checklists)


def _translator(translations: gettext.NullTranslations) -> Callable[[Any], Any]:
    """gettext that leaves empty and missing texts alone (gettext("") is the catalog header)."""

    def tr(text):
        return translations.gettext(text) if text else text

    return tr


def _translated(entry, kind: str, tr: Callable[[Any], Any], **changes):
    """`entry` with its VISIBLE_TEXT fields translated (and `changes` applied)."""
    for key in VISIBLE_TEXT[kind]:
        value = getattr(entry, key)
        changes[key] = tuple(tr(item) for item in value) if isinstance(value, tuple) else tr(value)
    return replace(entry, **changes)


def _translate_rule(rule: Rule, tr: Callable[[Any], Any]) -> Rule:
    answers = tuple(_translated(answer, "answer", tr) for answer in rule.answers)
    return _translated(rule, "rule", tr, answers=answers)


def _texts(entry, kind: str) -> list[str]:
    """The VISIBLE_TEXT fields of `entry`, as a flat list of texts."""
    found = []
    for key in VISIBLE_TEXT[kind]:
        value = getattr(entry, key)
        found.extend(value if isinstance(value, tuple) else [value])
    return found


def rulebook_texts(book: RuleBook) -> list[str]:
    """Every visible text of `book`, once each, in the order of the book."""
    texts: dict[str, None] = {}

    def add(values) -> None:
        texts.update((value, None) for value in values if value)

    def add_rule(rule: Rule) -> None:
        add(_texts(rule, "rule")[:1])  # the question first, as a reader meets it
        for answer in rule.answers:
            add(_texts(answer, "answer"))
        add(_texts(rule, "rule")[1:])

    for rule in book.rules.values():
        add_rule(rule)
    for quiz in book.quizzes.values():
        add(_texts(quiz, "quiz"))
        add(label for _topic_id, label in quiz.topics)
        for rule in quiz.rules:
            add_rule(rule)
        for outcome in quiz.outcomes:
            add(_texts(outcome, "outcome"))
    for checklist in book.checklists.values():
        add(_texts(checklist, "checklist"))
        for group in checklist.groups:
            add(_texts(group, "group"))
            for rule in group.rules:
                add_rule(rule)
    return list(texts)


def missing_rule_translations(book: RuleBook, translations: gettext.NullTranslations) -> list[str]:
    """The visible texts of `book` that `translations` has no (non-empty) translation for.

    A translation may equal its German text ("Quiz"): what counts is that the catalog has a
    non-empty entry, not that gettext returns something different.
    """
    return [text for text in rulebook_texts(book) if not _has_translation(translations, text)]


def _has_translation(translations: gettext.NullTranslations | None, text: str) -> bool:
    """Whether `translations` or one of its fallbacks has a non-empty entry for `text`."""
    while translations is not None:
        catalog = getattr(translations, "_catalog", None)
        if catalog is None:
            # Not a compiled catalog: all we can tell is whether the text comes back changed.
            if translations.gettext(text) != text:
                return True
        elif catalog.get(text):
            return True
        translations = getattr(translations, "_fallback", None)
    return False
