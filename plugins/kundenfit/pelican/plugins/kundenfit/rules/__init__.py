"""Load the coach's rule files into a validated `RuleBook`, or report every problem at once.

Three steps, one module each: `loader` reads YAML safely and keeps line numbers, `schema`
checks the shape of each file, `build` resolves ids across files and checks what only all
files together can tell; then `examples` scores the examples the files hold. The format
is documented in docs/rule-format.md.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import RuleFileErrors, RuleProblem
from ..examples import check_examples
from ..model import RuleBook
from .build import build_rulebook
from .loader import load_yaml
from .schema import read_definitions

__all__ = ["RULE_FILE_PATTERN", "load_rulebook"]

RULE_FILE_PATTERN = "*.yaml"


def load_rulebook(rules_dir: Path) -> RuleBook:
    """Read every ``*.yaml`` in `rules_dir` (sorted by name) and return the validated book.

    Messages name files as `rules_dir / name`, so a relative `rules_dir` gives relative paths.
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
    for path in sorted(rules_dir.glob(RULE_FILE_PATTERN)):
        document, load_problems = load_yaml(path, str(path))
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
