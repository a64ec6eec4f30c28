"""Catalogs are read strictly: each mistake a translator can make is one line with file:line.

The corpus (tests/bad_input) builds with broken catalogs; these tests cover the reader itself,
including what must still pass (plural forms, %%, a % in rule texts, obsolete entries).
"""

from __future__ import annotations

import gettext

import pytest
from pelican.plugins.kundenfit.languages import catalogs
from pelican.plugins.kundenfit.languages.catalog_check import CatalogErrors

HEADER = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'


def write(tmp_path, text: str, domain: str = "messages", raw: bytes | None = None):
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    po = folder / f"{domain}.po"
    po.write_bytes(raw if raw is not None else (HEADER + text).encode("utf-8"))
    return po


def lines(tmp_path, text: str, domain: str = "messages") -> list[str]:
    po = write(tmp_path, text, domain)
    return [str(p).replace(f"{po}:", "") for p in catalogs.problems(tmp_path)]


def test_a_good_catalog_passes_and_is_used(tmp_path):
    text = (
        'msgid "%(num)d Frage"\nmsgid_plural "%(num)d Fragen"\nmsgstr[0] "one question"\n'
        'msgstr[1] "%(num)d questions"\n\nmsgid "100 %% sicher"\nmsgstr "100 %% sure"\n\n'
        'msgid "{got} von {max}"\nmsgstr "{got} of {max}"\n\n#~ msgid "Alt"\n#~ msgstr "Old"\n\n'
        '#~ msgid "Alt"\n#~ msgstr "Older"\n'
    )
    assert lines(tmp_path, text) == []
    translations = catalogs.translations(tmp_path, "en", "messages")
    assert translations.ngettext("%(num)d Frage", "%(num)d Fragen", 3) == "%(num)d questions"


def test_a_percent_in_a_rule_text_is_fine(tmp_path):
    assert lines(tmp_path, 'msgid "50 % der Zeit"\nmsgstr "50% of the time"\n', domain="rules") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('msgid "Frage"\nmsgstr "100% question"\n', "6: ein einzelnes % in der Übersetzung"),
        (
            'msgid "Am %(date)s"\nmsgstr "On %(day)s"\n',
            "6: Platzhalter passen nicht zum msgid (unknown named",
        ),
        (
            'msgid "{got} von {max}"\nmsgstr "{got} of {maxi}"\n',
            "6: die Übersetzung muss genau die Platzhalter",
        ),
        ('msgid "Frage"\nmsgstr "question %s"\n', "6: ein Platzhalter ohne Namen"),
        ('msgid "Frage"\nmsgstr "question %(n)s"\n', "6: die Übersetzung nennt %(n)"),
        ('msgid "A"\nmsgstr "a"\n\nmsgid "A"\nmsgstr "b"\n', "9: msgid 'A' steht schon in Zeile 6"),
        (
            'msgctxt "x"\nmsgid "A"\nmsgstr "a"\n\nmsgctxt "x"\nmsgid "A"\nmsgstr "b"\n',
            "11: msgid 'A' steht schon",
        ),
        ('msgid "A"\nmsgstr "a\n', "7: Text ohne passende Anführungszeichen"),
        ('msgid "A"\nmsgtsr "a"\n', "7: 'msgtsr' ist kein Schlüsselwort"),
        ('msgid "A"\n\nmsgid "B"\nmsgstr "b"\n', '6: zu diesem msgid fehlt die Zeile msgstr "…"'),
    ],
)
def test_each_mistake_is_one_line_with_its_line_number(tmp_path, text, expected):
    (line,) = lines(tmp_path, text)
    assert line.startswith(expected), line


def test_the_same_msgid_in_two_contexts_is_no_duplicate(tmp_path):
    assert lines(tmp_path, 'msgctxt "a"\nmsgid "A"\nmsgstr "a"\n\nmsgctxt "b"\nmsgid "A"\nmsgstr "b"\n') == []


def test_a_catalog_not_in_utf8_names_the_line_and_is_never_used(tmp_path):
    po = write(tmp_path, "", raw=(HEADER + 'msgid "Größe"\nmsgstr "Size"\n').encode("latin-1"))
    (problem,) = catalogs.problems(tmp_path)
    assert str(problem) == (
        f"{po}:6: die Datei ist nicht in UTF-8 gespeichert (Byte 0xf6) – "
        "speichere sie in deinem Editor als UTF-8."
    )
    with pytest.raises(CatalogErrors):
        catalogs.translations(tmp_path, "en", "messages")


def test_a_header_with_another_charset_is_refused(tmp_path):
    (line,) = lines(tmp_path, '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "A"\nmsgstr "a"\n')
    assert "charset=iso-8859-1" in line.lower() and "UTF-8" in line


def test_without_catalogs_there_is_nothing_to_report(tmp_path):
    assert catalogs.problems(None, tmp_path / "missing") == []
    assert isinstance(catalogs.translations(tmp_path, "en", "messages"), gettext.NullTranslations)
