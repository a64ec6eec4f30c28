"""An article Pelican cannot read stops the build, with one line naming the file and the fix.

Pelican logs an impossible date, a missing title or a file not in UTF-8 as an ERROR, leaves the
article out and exits 0: the article silently disappears. `--fatal errors` would stop at the
first such line with a traceback and also stop for problems that lose nothing. Instead a filter
on Pelican's own loggers turns each of these records into a coach's line (file:line, what to do)
as it happens, and `stop_if_any` ends the build once every article has been read, before
anything is written. No Pelican import: glue.py installs the filter.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

from dateutil import parser as date_parser

# Pelican's loggers that report an article or page it skips (generators.py, contents.py).
LOGGERS = ("pelican.generators", "pelican.contents")
HEADER = re.compile(r"^\s*(date|modified)\s*:\s*(.*?)\s*$", re.IGNORECASE)


class ContentErrors(logging.Filter):
    """Rewrites Pelican's 'Could not process' and 'Skipping' errors; counts them for this run."""

    def __init__(self):
        super().__init__()
        self.content_path = ""
        self.failed: list[str] = []  # files reported in this run

    def start(self, content_path: str) -> None:
        """A new build: nothing failed yet (no state outlives a run, also under autoreload)."""
        self.content_path, self.failed = content_path, []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.ERROR or not isinstance(record.args, tuple) or not record.args:
            return True
        if record.msg == "Could not process %s":
            path = os.path.join(self.content_path, str(record.args[0]))
            line = unreadable(path, sys.exc_info()[1])
        elif record.msg.startswith("Skipping %s: could not find information about"):
            path = str(record.args[0])
            line = missing(path, str(record.args[1]))
        elif record.msg.startswith("Skipping %s: file %r would be written outside"):
            path = str(record.args[0])
            if path in self.failed:
                return False  # the consequence of a problem already reported (no title, no slug)
            line = (
                f"{path}:1: die Seite würde außerhalb von output/ geschrieben ({record.args[1]!r}) "
                "– prüfe Slug: und Save_as:."
            )
        else:
            return True
        self.failed.append(path)
        record.msg, record.args, record.exc_info, record.exc_text = "%s", (line,), None, None
        return True


def unreadable(path: str, error: BaseException | None) -> str:
    """The line for a file Pelican's reader gave up on."""
    if isinstance(error, UnicodeDecodeError) and isinstance(error.object, bytes):
        line = error.object[: error.start].count(b"\n") + 1
        return (
            f"{path}:{line}: die Datei ist nicht in UTF-8 gespeichert – speichere sie in deinem "
            "Editor als UTF-8, sonst fehlt der Artikel auf der Website."
        )
    bad_date = _bad_date(path)
    if bad_date:
        return bad_date
    why = f"{type(error).__name__}: {error}" if error else "unbekannter Fehler"
    return (
        f"{path}:1: Pelican kann die Datei nicht lesen ({why}) – prüfe die Kopfzeilen "
        "(Title:, Date:, …), sonst fehlt der Artikel auf der Website."
    )


def _bad_date(path: str) -> str | None:
    """The Date:/Modified: line of the file's header that is no real date, if there is one."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            break  # the header ends at the first empty line
        match = HEADER.match(text)
        if match:
            try:
                date_parser.parse(match[2].replace("_", " "), default=None)
            except (ValueError, OverflowError):
                return (
                    f"{path}:{number}: {match[1].capitalize()}: {match[2]!r} ist kein Datum, das es gibt "
                    "– schreib es als JJJJ-MM-TT (z. B. 2026-02-28), sonst fehlt der Artikel auf der Website."
                )
    return None


def missing(path: str, field: str) -> str:
    """The line for an article without a title (or another field Pelican requires)."""
    header = {"title": "Title: Dein Titel", "date": "Date: 2026-02-28"}.get(field, f"{field.capitalize()}: …")
    return (
        f"{path}:1: die Angabe '{field}' fehlt – schreib oben in die Datei eine Zeile „{header}“, "
        "sonst fehlt der Artikel auf der Website."
    )


FILTER = ContentErrors()


def install() -> None:
    """Put the filter first on Pelican's loggers (before its de-duplication), once."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if FILTER not in logger.filters:
            logger.filters.insert(0, FILTER)
