"""Shared fixtures: the real rule book, and a loader for test files."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from pelican.plugins.kundenfit.errors import RuleFileErrors
from pelican.plugins.kundenfit.quiz.model import RuleBook
from pelican.plugins.kundenfit.rules import load_rulebook

REPO_ROOT = Path(__file__).resolve().parents[2]

RULES_DIR = REPO_ROOT / "content" / "rules"


@pytest.fixture(scope="session")
def rulebook() -> RuleBook:
    """Return the real rule book from content/rules."""
    return load_rulebook(RULES_DIR)


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        (folder / name).write_text(textwrap.dedent(source), encoding="utf-8")


@pytest.fixture
def load_problems(tmp_path, monkeypatch) -> Callable[..., list[str]]:
    """Write rule files into an empty folder, load it, and return the problem lines.

    Call as ``load_problems(source)`` (file ``regeln.yaml``) or with a dict of file names to
    sources. The folder is the working directory, so messages read ``regeln.yaml:3: …``.
    """
    monkeypatch.chdir(tmp_path)

    def load(files: str | dict[str, str]) -> list[str]:
        _write(tmp_path, {"regeln.yaml": files} if isinstance(files, str) else files)
        try:
            load_rulebook(Path("."))
        except RuleFileErrors as errors:
            return [str(problem) for problem in errors.problems]
        pytest.fail("the rule files loaded without problems")

    return load


@pytest.fixture
def load_ok(tmp_path, monkeypatch) -> Callable[..., RuleBook]:
    """Write rule files into an empty folder and return the loaded rule book."""
    monkeypatch.chdir(tmp_path)

    def load(files: str | dict[str, str]) -> RuleBook:
        _write(tmp_path, {"regeln.yaml": files} if isinstance(files, str) else files)
        return load_rulebook(Path("."))

    return load
