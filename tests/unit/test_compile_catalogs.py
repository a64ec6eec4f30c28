"""The build compiles the catalogs and warns about every fuzzy entry (a changed German text)."""

from __future__ import annotations

import gettext

from pelican.plugins.site_helpers.catalogs import compile_catalogs

PO = """msgid "Auswerten"
msgstr "Show result"

#, fuzzy
msgid "Neu starten!"
msgstr "Start again"
"""


def test_fuzzy_entries_are_reported_and_not_used(tmp_path):
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(PO, encoding="utf-8")
    warnings = compile_catalogs(tmp_path)
    assert len(warnings) == 1
    assert "en/LC_MESSAGES/messages.po" in warnings[0] and "Neu starten!" in warnings[0]
    translations = gettext.translation("messages", str(tmp_path), ["en"])
    assert translations.gettext("Auswerten") == "Show result"
    assert translations.gettext("Neu starten!") == "Neu starten!", "a fuzzy guess is never shown"
