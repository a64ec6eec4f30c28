"""A stranger's Pelican site: made as `pelican-quickstart` makes one, the plugin installed with
pip from its folder into a fresh virtual environment, `PLUGINS = ["kundenfit"]` and nothing
else. It builds with Pelican's two bundled themes, and the quiz works in Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pelican.plugins.kundenfit.rules.json_schema import SCHEMA_FILE

from tests.support.build import ROOT
from tests.support.quiz import answer_steps
from tests.support.sample_site import SAMPLE_SITE
from tests.support.server import StaticServer, free_port

pytestmark = pytest.mark.browser

# The schema file inside the installed package (package data), read by the stranger's Python.
SHIPPED_SCHEMA = (
    "from importlib.resources import files; import sys; sys.stdout.write("
    "files('pelican.plugins.kundenfit').joinpath('rules/rule-file.schema.json').read_text('utf-8'))"
)
PELICANCONF = textwrap.dedent(
    """\
    AUTHOR = "Eine Fremde"
    SITENAME = "Fremde Seite"
    SITEURL = ""
    PATH = "content"
    TIMEZONE = "Europe/Berlin"
    DEFAULT_LANG = "de"
    FEED_ALL_ATOM = None
    CATEGORY_FEED_ATOM = None
    TRANSLATION_FEED_ATOM = None
    AUTHOR_FEED_ATOM = None
    AUTHOR_FEED_RSS = None
    DEFAULT_PAGINATION = False
    RELATIVE_URLS = True
    PLUGINS = ["kundenfit"]
    """
)
ARTICLE = textwrap.dedent(
    """\
    Title: Passt die Person?
    Date: 2026-02-01 10:00

    Ein kurzer Test für den ersten Eindruck.

    {% quiz demo %}
    """
)


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh virtual environment with only the plugin, installed as a stranger installs it.

    The pinned versions of this repository are the constraints, so the test does not change
    with every release on the package index.
    """
    folder = tmp_path_factory.mktemp("stranger") / "venv"
    # A copy, as a downloaded source folder: building it leaves nothing in this checkout.
    source = shutil.copytree(
        ROOT / "plugins" / "kundenfit",
        folder.parent / "kundenfit",
        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"),
    )
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True, timeout=120)
    result = subprocess.run(
        [str(folder / "bin/python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        + ["-c", str(ROOT / "requirements.txt"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("stranger-site")
    (folder / "pelicanconf.py").write_text(PELICANCONF, encoding="utf-8")
    (folder / "content" / "rules").mkdir(parents=True)
    (folder / "content" / "passt-die-person.md").write_text(ARTICLE, encoding="utf-8")
    shutil.copy2(SAMPLE_SITE / "content" / "rules" / "demo.yaml", folder / "content" / "rules")
    return folder


def build(venv: Path, site: Path, theme: str) -> Path:
    output = site / f"output-{theme}"
    result = subprocess.run(
        [str(venv / "bin/pelican"), "content", "-o", str(output), "-s", "pelicanconf.py", "-t", theme],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return output


def test_the_plugin_is_found_by_its_short_name_and_offers_its_commands(venv, site):
    assert (venv / "bin" / "kundenfit").is_file()
    check = subprocess.run(
        [str(venv / "bin/kundenfit"), "check", "content/rules"], cwd=site, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    assert "2 Quiz" in check.stdout


def test_a_stranger_writes_the_shipped_schema_beside_the_rule_files(venv, site):
    shipped = subprocess.run(
        [str(venv / "bin/python"), "-c", SHIPPED_SCHEMA], capture_output=True, text=True, check=True
    ).stdout
    written = subprocess.run(
        [str(venv / "bin/kundenfit"), "schema", "content/rules/rule-file.schema.json"],
        cwd=site,
        capture_output=True,
        text=True,
    )
    assert written.returncode == 0, written.stderr
    text = (site / "content" / "rules" / "rule-file.schema.json").read_text(encoding="utf-8")
    assert text == shipped == SCHEMA_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize("theme", ["notmyidea", "simple"])
def test_quiz_reaches_a_result_on_the_article_and_on_the_quiz_page(venv, site, theme, page):
    output = build(venv, site, theme)
    port = free_port()
    server = StaticServer(output, port)
    try:
        base = f"http://127.0.0.1:{port}/"
        for path, scope in (("passt-die-person.html", "[data-kf-quiz=demo]"), ("quiz/demo/", "body")):
            page.goto(base + path)
            quiz = page.locator(scope)
            answer_steps(quiz, "demo", [0, 0])
            quiz.get_by_role("button", name="Auswerten").click()
            result = quiz.locator("[data-kf-result]")
            result.wait_for(state="visible")
            assert result.locator("[data-kf-outcome-title]").inner_text() == "Passt gut", path
    finally:
        server.stop()
