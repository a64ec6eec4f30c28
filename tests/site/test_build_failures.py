"""A coach's mistake stops `make html` with one clear line, and the last good output/ survives."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.build import ROOT

PROJECT_FILES = [
    "content",
    "theme",
    "plugins",
    "pelican.conf.py",
    "Makefile",
    "requirements.txt",
    "requirements-test.txt",
    "translations",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project that shares the real .venv, with one good build in output/."""
    copy = tmp_path_factory.mktemp("project")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    result = make_html(copy)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return copy


def make_html(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        # -o: the copy shares the real .venv; never reinstall the plugins from the copy.
        ["make", "--no-print-directory", "-o", ".venv/.installed", "html"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
    )


def break_and_build(project: Path, path: str, old: str, new: str) -> subprocess.CompletedProcess:
    target = project / path
    original = target.read_text(encoding="utf-8")
    assert old in original
    target.write_text(original.replace(old, new, 1), encoding="utf-8")
    marker = project / "output" / "last-good.txt"
    marker.write_text("vorheriger Build", encoding="utf-8")
    try:
        return make_html(project)
    finally:
        target.write_text(original, encoding="utf-8")
        assert marker.exists(), "a failed build replaced or deleted the last good output/"
        marker.unlink()


def line_of(project: Path, path: str, needle: str) -> int:
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_unknown_quiz_in_article_names_file_and_line(project):
    article = "content/articles/de/nein-als-segen.md"
    expected_line = line_of(project, article, "{% quiz kundenfit %}")
    result = break_and_build(project, article, "{% quiz kundenfit %}", "{% quiz kundenfitt %}")
    assert result.returncode != 0
    assert f"{article}:{expected_line}" in result.stderr
    assert "kundenfitt" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_broken_rule_file_keeps_output_and_names_file_and_line(project):
    rules = sorted((project / "content/rules").glob("*.yaml"))[0]
    path = rules.relative_to(project).as_posix()
    result = break_and_build(project, path, "rules:", "rules:\n  - id: [kaputt\n")
    assert result.returncode != 0
    assert rules.name in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert (project / "output" / "index.html").exists()


def test_an_example_that_no_longer_holds_stops_the_build_with_file_and_line(project):
    rules = "content/rules/kundenfit.yaml"
    title = "K9: Herzlich und pünktlich, aber alles in letzter Minute und ohne Eilzuschlag"
    expected_line = line_of(project, rules, f'      - name: "{title}"')
    result = break_and_build(
        project,
        rules,
        "answers: {termine: 2, klaerung: 1}\n        outcome: machbar",
        "answers: {termine: 2, klaerung: 1}\n        outcome: traumkunde",
    )
    assert result.returncode == 2
    assert f"{rules}:{expected_line}: [kundenfit] Beispiel „{title}“" in result.stderr
    assert "erwartet 'traumkunde', die Wertung ergibt 'machbar'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
