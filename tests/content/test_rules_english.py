"""The English rule texts (translations/en/LC_MESSAGES/rules.po) read like the English pages.

The English articles go through Smarty, which prints typographic apostrophes (’) and double
quotes (“…”); the rule texts are not rendered through Markdown, so they are written that way.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

CATALOG = Path(__file__).resolve().parents[2] / "translations" / "en" / "LC_MESSAGES" / "rules.po"


def translations() -> list[tuple[str, str]]:
    with CATALOG.open("rb") as handle:
        return [(m.id, m.string) for m in read_po(handle) if m.id]


def test_english_rule_texts_use_one_apostrophe_and_one_quote_style():
    for msgid, text in translations():
        assert "'" not in text, f"gerades Apostroph statt ’ in {text!r} ({msgid!r})"
        assert '"' not in text and "‘" not in text and "„" not in text, f"{text!r} ({msgid!r})"
        assert text.count("“") == text.count("”"), f"{text!r} ({msgid!r})"


def test_no_literal_renderings_are_left():
    literal = ("corona", "one size smaller", "or maybe?", "two sizes")
    for msgid, text in translations():
        assert not any(phrase in text.lower() for phrase in literal), f"{text!r} ({msgid!r})"
