"""Read a gettext catalog strictly: one line per problem a translator can make, with file:line.

Babel's reader prints a warning for a broken line and goes on with wrong text, stops with a
UnicodeDecodeError on a file not in UTF-8, keeps the last of two entries with the same msgid,
and a stray `%` in a translation only fails when a page is rendered. Here Babel's own parser
reports every syntax error (misspelt keyword, missing quote, msgstr without msgid), duplicates
and encoding, and Babel's checkers (`Catalog.check`: python-format, plural forms) plus a trial
formatting as the templates format (Jinja's newstyle gettext: `translation % variables`) catch
every placeholder the build would trip over. No Pelican import.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message
from babel.messages.pofile import PoFileParser

from ..errors import KundenfitError, RuleFileErrors

KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
NAMED = re.compile(r"%\((\w+)\)")
BRACES = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


class CatalogProblem(KundenfitError):
    """One problem in a .po file: `path:line: message`."""

    def __init__(self, path, line: int, message: str):
        self.path, self.line, self.message = str(path), line, message
        super().__init__(f"{self.path}:{line}: {message}")


class CatalogErrors(RuleFileErrors):
    """The problems of one catalog, reported together (problems.stop_build lists each)."""


class _StrictParser(PoFileParser):
    """Babel's parser, reporting what it would only print or silently get wrong."""

    def __init__(self, catalog: Catalog):
        super().__init__(catalog)
        self.found: list[tuple[int, str]] = []
        self.first_line: dict = {}
        self.bad_keyword = False  # since the last msgid: no "missing msgstr" after a misspelt one

    def _process_message_line(self, lineno, line, obsolete=False) -> None:
        if obsolete:
            return super()._process_message_line(lineno, line, obsolete)
        keyword, _, argument = line.partition(" ")
        text = line if line.startswith('"') else argument.strip()
        if not line.startswith('"') and not (keyword in KEYWORDS or re.fullmatch(r"msgstr\[\d+\]", keyword)):
            self.bad_keyword = True
            known = ", ".join(KEYWORDS)
            self.found.append(
                (
                    lineno + 1,
                    f"'{keyword}' ist kein Schlüsselwort einer .po-Datei – erlaubt: {known}, msgstr[0].",
                )
            )
            return None
        if not QUOTED.fullmatch(text):
            self.found.append(
                (
                    lineno + 1,
                    'Text ohne passende Anführungszeichen – schreib ihn als "…", ein " im Text als \\".',
                )
            )
        super()._process_message_line(lineno, line, obsolete)
        if keyword == "msgid":
            self.bad_keyword = False  # after the previous entry is finished
        return None

    def _add_message(self) -> None:
        key = (self.messages[0].denormalize(), self.context.denormalize() if self.context else None)
        if not self.obsolete:
            if key in self.first_line:
                self.found.append(
                    (
                        self.offset + 1,
                        f"msgid {key[0]!r} steht schon in Zeile {self.first_line[key]} – "
                        "lösch einen der beiden Einträge (sonst gilt still der letzte).",
                    )
                )
            self.first_line.setdefault(key, self.offset + 1)
        super()._add_message()

    def _invalid_pofile(self, line, lineno, msg) -> None:
        if msg.startswith("missing msgstr"):
            if not self.bad_keyword:
                self.found.append((lineno + 1, 'zu diesem msgid fehlt die Zeile msgstr "…" – ergänze sie.'))
        elif "num_plurals" in msg:
            self.found.append(
                (lineno + 1, "mehr Pluralformen (msgstr[n]) als die Sprache hat – lösch die überzähligen.")
            )
        elif msg.startswith("Got line starting with"):
            self.found.append(
                (lineno + 1, 'Text in "…" ohne msgid oder msgstr davor – ergänze das Schlüsselwort.')
            )
        else:
            self.found.append(
                (lineno + 1, f"{msg} – vergleiche die Zeile mit einem Eintrag, der funktioniert.")
            )


def read_checked(path: Path, locale: str | None, formatted: bool) -> tuple[Catalog, list[CatalogProblem]]:
    """The catalog at `path` and one problem per mistake in it (no problems: safe to use).

    `formatted`: the translations are %-formatted by the templates (UI catalogs, not rules).
    """
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Catalog(locale=locale), [
            CatalogProblem(
                path,
                line,
                f"die Datei ist nicht in UTF-8 gespeichert (Byte 0x{data[error.start]:02x}) – "
                "speichere sie in deinem Editor als UTF-8.",
            )
        ]
    catalog = Catalog(locale=locale)
    parser = _StrictParser(catalog)
    try:
        parser.parse(text.split("\n"))  # .po lines end in \n only; U+2028 is text
    except (ValueError, IndexError, KeyError) as error:
        parser.found.append(
            (
                text.count("\n") + 1,
                f"Babel kann die Datei nicht lesen ({error}) – prüfe sie mit msgfmt --check.",
            )
        )
    found = list(parser.found)
    charset = (catalog.charset or "utf-8").lower().replace("_", "-")
    if charset not in ("utf-8", "utf8"):
        found.append(
            (
                parser.first_line.get(("", None), 1),
                f"Content-Type nennt charset={catalog.charset} – schreib charset=UTF-8.",
            )
        )
    if formatted and not found:
        found += _placeholder_problems(catalog)
    found.sort(key=lambda item: item[0])
    return catalog, [CatalogProblem(path, line, message) for line, message in found]


def _forms(value) -> list[str]:
    return list(value) if isinstance(value, tuple | list) else [value or ""]


def _placeholder_problems(catalog: Catalog) -> list[tuple[int, str]]:
    """Babel's checkers, then the formatting each translation gets in a template, once per entry."""
    found = {}
    for message, errors in catalog.check():
        if errors:
            found[message.lineno] = (
                f"Platzhalter passen nicht zum msgid "
                f"({errors[0]}) – übernimm jeden %(name)s genau wie im msgid."
            )
    for message in catalog:
        if message.id and message.lineno not in found:
            why = _format_problem(message)
            if why:
                found[message.lineno] = why
    return sorted(found.items())


def _format_problem(message: Message) -> str | None:
    sources = _forms(message.id)
    names = {name for source in sources for name in NAMED.findall(source)}
    braces = {name for source in sources for name in BRACES.findall(source)}
    shown = ", ".join(f"%({name})s" for name in sorted(names)) or "keine"
    for string in _forms(message.string):
        if not string:
            continue
        try:
            string % {name: 1 for name in names}
        except KeyError as error:
            return f"die Übersetzung nennt %({error.args[0]})…, das der msgid nicht hat – erlaubt: {shown}."
        except (ValueError, TypeError):
            why = "ein einzelnes % in der Übersetzung – schreib %% für ein Prozentzeichen"
            return f"{why}; Platzhalter: {shown}."
        if any(match.group(1) is None and match.group(3) != "%" for match in PYTHON_FORMAT.finditer(string)):
            return (
                "ein Platzhalter ohne Namen (%s) in der Übersetzung – schreib ihn wie im msgid; "
                f"Platzhalter: {shown}."
            )
        if braces and set(BRACES.findall(string)) != braces:
            wanted = ", ".join(f"{{{name}}}" for name in sorted(braces))
            return f"die Übersetzung muss genau die Platzhalter {wanted} enthalten, unverändert."
    return None
