"""Report a coach's problems through Pelican's logging and stop the build the Pelican way.

Each problem is one `logger.error` line (so `-q`, `--fatal` and `--log-handler` apply), then
`BuildFailed` ends the run. It is an `Exception`, so `pelican --autoreload` (`make serve`)
catches it, keeps running and rebuilds once the file is fixed; `pelican` itself exits with
`BuildFailed.exitcode`. `QuietBuildFailure` keeps Pelican from printing a traceback for it:
the lines above already say everything the coach needs.
"""

from __future__ import annotations

import errno
import logging

from .errors import KundenfitError, RuleFileErrors

logger = logging.getLogger(__name__)


class BuildFailed(Exception):
    """The build stopped because of the problems logged before it (not a bug)."""

    exitcode = 2  # Pelican's main() exits with an exception's `exitcode`

    def __init__(self, count: int):
        self.count = count
        super().__init__(f"Build abgebrochen: {count} Problem(e), siehe die Zeilen darüber.")


def problem_lines(problems: list[KundenfitError]) -> list[str]:
    """One line per problem, with file and line, in the order they were found."""
    lines = []
    for problem in problems:
        inner = problem.problems if isinstance(problem, RuleFileErrors) else [problem]
        lines.extend(str(p) for p in inner)
    return lines


def stop_build(problems: list[KundenfitError]) -> None:
    """Log every problem and stop the build."""
    lines = problem_lines(problems)
    for line in lines:
        logger.error("%s", line)
    raise BuildFailed(len(lines))


def stop_after_logged(count: int) -> None:
    """Stop the build for `count` problems already logged as they were found."""
    raise BuildFailed(count)


# What the operating system refused, and what the coach can do about it.
_OS_ADVICE = {
    errno.ENOSPC: "kein Platz mehr auf dem Datenträger – mach Platz frei und bau noch einmal",
    errno.EDQUOT: "dein Speicherkontingent ist voll – mach Platz frei und bau noch einmal",
    errno.EACCES: "keine Berechtigung zum Schreiben – prüfe mit `ls -l`, wem der Ordner gehört "
    "(nach einem Build mit sudo: `sudo chown -R $USER` auf den Ordner), und bau noch einmal",
    errno.EPERM: "keine Berechtigung zum Schreiben – prüfe mit `ls -l`, wem der Ordner gehört "
    "(nach einem Build mit sudo: `sudo chown -R $USER` auf den Ordner), und bau noch einmal",
    errno.EROFS: "der Datenträger ist schreibgeschützt – gib ihn zum Schreiben frei oder wähle einen "
    "anderen Ordner (make html OUTPUTDIR=…)",
    errno.ENOENT: "den Ordner gibt es nicht – prüfe den Pfad (bei einem Link: wohin er zeigt, "
    "und ob das Laufwerk eingebunden ist)",
    errno.ENOTDIR: "ein Teil des Pfads ist eine Datei, kein Ordner – prüfe den Pfad",
}


def os_problem_line(error: OSError, path: str | None = None) -> str:
    """One line for an operating-system error: the path, what happened, what to do."""
    where = path or error.filename or "output/"
    advice = _OS_ADVICE.get(error.errno, f"{error.strerror or error} – prüfe den Ordner und bau noch einmal")
    return f"{where}: {advice}; die letzte fertige Website bleibt, wie sie war."


class QuietBuildFailure(logging.Filter):
    """Drop the traceback Pelican attaches to a BuildFailed, keeping its one-line message; an
    operating-system error (disk full, no permission) becomes one line naming the path."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, (BuildFailed, OSError)):
            for arg in record.args if isinstance(record.args, tuple) else ():
                if isinstance(arg, (BuildFailed, OSError)):
                    error = arg
        if isinstance(error, BuildFailed):
            record.msg, record.args, record.exc_info, record.exc_text = "%s", (str(error),), None, None
        elif isinstance(error, OSError) and error.errno in _OS_ADVICE:
            line = os_problem_line(error)
            record.msg, record.args, record.exc_info, record.exc_text = "%s", (line,), None, None
        return True


def quiet_build_failures(pelican_logger: logging.Logger) -> None:
    """Install the filter once on Pelican's own logger (the one that reports run failures)."""
    if not any(isinstance(f, QuietBuildFailure) for f in pelican_logger.filters):
        pelican_logger.addFilter(QuietBuildFailure())
