"""Load the coach's rule files into a validated `RuleBook`, or report every problem at once.

Three steps, one module each: `loader` reads YAML safely and keeps line numbers, `schema`
checks the shape of each file, `build` resolves ids across files and checks what only all
files together can tell; then `examples` scores the examples the files hold. Which files
count is `files`' business; `limits` bounds the work any file can cause. The format is
declared in `shape` (exported for editors by `json_schema`) and documented in
docs/rule-format.md.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import RuleFileErrors, RuleProblem
from ..quiz.examples import check_examples
from ..quiz.model import RuleBook
from .build import build_rulebook
from .files import find_rule_files
from .loader import load_yaml
from .schema import read_definitions

__all__ = ["RULE_FILE_PATTERN", "load_rulebook", "load_rulebook_once"]

RULE_FILE_PATTERN = "*.yaml"
logger = logging.getLogger(__name__)

# The last book loaded, with the stamps of the files it came from: the language runs of one
# build (and a `make serve` rebuild that changed no rule file) load the files only once.
_last: tuple[tuple, RuleBook] | None = None


def load_rulebook(rules_dir: Path) -> RuleBook:
    """Read every ``*.yaml`` in `rules_dir` (sorted by name) and return the validated book.

    Messages name files as `rules_dir / name`, so a relative `rules_dir` gives relative paths.
    Files left out (see `files`) are logged as one warning each; Pelican's log drops the
    repeat when each language's run loads the folder again.
    Raises RuleFileErrors listing all problems, sorted by file and line.
    """
    rules_dir = Path(rules_dir)
    if not rules_dir.is_dir():
        raise RuleFileErrors(
            [
                RuleProblem(
                    str(rules_dir),
                    1,
                    "Den Ordner mit den Regeldateien gibt es nicht – prüfe den Pfad.",
                )
            ]
        )
    problems: list[RuleProblem] = []
    files = []
    found = find_rule_files(rules_dir)
    for note in found.notes:
        logger.warning("%s", note)
    if not found.paths:
        logger.warning(
            "%s: keine Regeldateien (*.yaml) – die Seite bekommt keine Quizze und Checklisten.",
            rules_dir,
        )
    for path in found.paths:
        document, load_problems = load_yaml(path, str(path))
        if document is None and not load_problems:
            load_problems = [
                RuleProblem(
                    str(path),
                    1,
                    "Die Datei ist leer – schreib Regeln hinein (siehe docs/rule-format.md) oder lösche sie.",
                )
            ]
        definitions, shape_problems = read_definitions(document, str(path))
        problems += load_problems + shape_problems
        files.append(definitions)
    rulebook, build_problems = build_rulebook(files)
    problems += build_problems
    if not problems:
        problems += check_examples(rulebook)  # the scorer needs a sound book
    if problems:
        raise RuleFileErrors(sorted(problems, key=lambda p: (p.path, p.line)))
    return rulebook


def _stamps(rules_dir: Path) -> tuple:
    """What identifies the folder's rule files: the files `find_rule_files` picks (names, sizes,
    modification times) and its notes, so a new skipped file is noted on the next run too."""
    found = find_rule_files(rules_dir)
    stamps = []
    for path in found.paths:
        stat = path.stat()
        stamps.append((path.name, stat.st_size, stat.st_mtime_ns, stat.st_ino))
    return (str(rules_dir.resolve()), str(rules_dir), tuple(stamps), tuple(found.notes))


def load_rulebook_once(rules_dir: Path) -> RuleBook:
    """`load_rulebook`, reusing the last book while no rule file changed (a failed load is
    never kept, so its problems are reported again on every run)."""
    global _last
    rules_dir = Path(rules_dir)
    try:
        stamps = _stamps(rules_dir) if rules_dir.is_dir() else None
    except OSError:
        stamps = None
    if stamps is not None and _last is not None and _last[0] == stamps:
        return _last[1]
    book = load_rulebook(rules_dir)
    if stamps is not None:
        _last = (stamps, book)
    return book
