"""Errors a coach can cause, each carrying file, line and what to do.

The build prints `str(error)` for each one and stops; no traceback reaches the coach.
"""

from __future__ import annotations


class KundenfitError(Exception):
    """Base class: a problem in the coach's input, not a bug in the plugin."""


class RuleProblem(KundenfitError):
    """One problem in a rule file: `path:line: [id] message`."""

    def __init__(self, path: str, line: int, message: str, rule_id: str | None = None):
        self.path, self.line, self.message, self.rule_id = path, line, message, rule_id
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: [{self.rule_id}] {self.message}" if self.rule_id else f"{where}: {self.message}"


class RuleFileErrors(KundenfitError):
    """All problems found in one load, reported together so the coach fixes them in one go."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DirectiveError(KundenfitError):
    """An article names a quiz or checklist that does not exist."""

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")
