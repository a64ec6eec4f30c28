"""An article Pelican cannot read stops the build, with one line naming the file and the fix.

Pelican leaves out a file its reader fails on (an impossible date, not UTF-8) or that lacks a
title, logs an error and exits 0: the article silently disappears. So every reader of a run is
checked where it reads (Pelican's documented `readers_init` hook, `checked_reader`): such a file
is noted in the run's settings with a coach's line and raised as `UnreadableContent`. Pelican
leaves the file out as before; `ShowUnreadable` puts our line in place of Pelican's report
(found by the exception it carries, not by Pelican's wording), and `glue` stops the build once
every file is read. No Pelican import.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import sys
from pathlib import Path

from dateutil import parser as date_parser

# Pelican's loggers that report a file it leaves out (generators.py, contents.py).
LOGGERS = ("pelican.generators", "pelican.contents")
HEADER = re.compile(r"^\s*(date|modified)\s*:\s*(.*?)\s*$", re.IGNORECASE)
# The lines of this run's unreadable files, kept in the run's own settings (no module state).
FAILED = "_KUNDENFIT_UNREADABLE"


class UnreadableContent(Exception):
    """A content file Pelican must leave out; the message is the coach's line."""


def start_run(settings: dict) -> None:
    """A new run (also under autoreload): nothing unreadable yet."""
    settings[FAILED] = []


def failed(settings: dict) -> list[str]:
    return settings.get(FAILED) or []


@functools.cache
def checked_reader(cls: type) -> type:
    """`cls` whose `read` turns every way a file gets lost into one `UnreadableContent`."""

    def read(self, source_path: str):
        try:
            content, metadata = cls.read(self, source_path)
        except Exception as error:
            _give_up(self.settings, unreadable(source_path, error))
        missing_field = _missing_field(self.settings, source_path, metadata)
        if missing_field:
            _give_up(self.settings, missing(source_path, missing_field))
        outside = _outside_output(source_path, metadata)
        if outside:
            _give_up(self.settings, outside)
        return content, metadata

    # Same name: Pelican records the reader's class name in the metadata.
    return type(cls.__name__, (cls,), {"read": read, "__qualname__": cls.__qualname__, "checked": True})


def check_readers(readers) -> None:
    """`readers_init`: every reader of this run reports the files it cannot read."""
    for extension, cls in list(readers.reader_classes.items()):
        if isinstance(cls, type) and not getattr(cls, "checked", False):
            readers.reader_classes[extension] = checked_reader(cls)


def _give_up(settings: dict, line: str):
    settings.setdefault(FAILED, []).append(line)
    raise UnreadableContent(line)


def _under(settings: dict, source_path: str, key: str) -> bool:
    relative = os.path.relpath(source_path, settings.get("PATH") or ".")
    return any(
        relative == folder or relative.startswith(folder.rstrip("/") + "/") or not folder
        for folder in settings.get(key) or []
    )


def _from_file_name(settings: dict, source_path: str, field: str) -> bool:
    """Whether FILENAME_METADATA or PATH_METADATA gives `field` for this file."""
    for key, text in (("FILENAME_METADATA", Path(source_path).stem), ("PATH_METADATA", source_path)):
        pattern = settings.get(key)
        if pattern and f"(?P<{field}>" in pattern and re.search(pattern, text):
            return True
    return False


def _missing_field(settings: dict, source_path: str, metadata: dict) -> str | None:
    """The field Pelican requires and this file lacks: a title, and a date for an article."""
    if "title" not in metadata and not _from_file_name(settings, source_path, "title"):
        return "title"
    is_article = _under(settings, source_path, "ARTICLE_PATHS") and not _under(
        settings, source_path, "PAGE_PATHS"
    )
    draft = str(metadata.get("status") or settings.get("DEFAULT_STATUS") or "").lower() == "draft"
    if (
        is_article
        and not draft  # Pelican dates a draft without a date itself
        and "date" not in metadata
        and not settings.get("DEFAULT_DATE")
        and not _from_file_name(settings, source_path, "date")
    ):
        return "date"
    return None


def _outside_output(source_path: str, metadata: dict) -> str | None:
    for field in ("slug", "save_as"):
        value = str(metadata.get(field) or "")
        if value and (os.path.isabs(value) or os.path.normpath(value).split(os.sep)[0] == ".."):
            return (
                f"{source_path}:1: die Seite würde außerhalb von output/ geschrieben ({value!r}) "
                f"– nimm „..“ und den Schrägstrich am Anfang aus {field.capitalize()}:."
            )
    return None


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


class ShowUnreadable(logging.Filter):
    """Pelican's report of a file it left out because of an `UnreadableContent` becomes our line."""

    def filter(self, record: logging.LogRecord) -> bool:
        errors = [sys.exc_info()[1], *(record.args if isinstance(record.args, tuple) else ())]
        error = next((e for e in errors if isinstance(e, UnreadableContent)), None)
        if error is not None:
            record.msg, record.args, record.exc_info, record.exc_text = "%s", (str(error),), None, None
        return True


def install() -> None:
    """Put the filter first on Pelican's loggers (before its de-duplication), once."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, ShowUnreadable) for f in logger.filters):
            logger.filters.insert(0, ShowUnreadable())
