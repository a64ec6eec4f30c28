"""`make publish` refuses while placeholders are left, naming each, and builds a clean site
once the owner has filled them in."""

from __future__ import annotations

import os
import re
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
    "publishconf.py",
    "Makefile",
    "translations",
]
REAL_ADDRESS = "https://www.beispiel-coaching.de"
OWNER = """SITE_OWNER = {
    "name": "Erika Muster",
    "street": "Hauptstraße 1",
    "city": "12345 Musterstadt",
    "email": "hallo@beispiel-coaching.de",
    "phone": "+49 30 1234567",
    "responsible": "Erika Muster, Hauptstraße 1, 12345 Musterstadt",
}"""


@pytest.fixture
def project(tmp_path) -> Path:
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
            )
        else:
            shutil.copy2(source, tmp_path / name)
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    return tmp_path


def publish(project: Path, siteurl: str | None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "KUNDENFIT_SITEURL"}
    if siteurl:
        env["KUNDENFIT_SITEURL"] = siteurl
    return subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.installed", "publish"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )


def test_publish_refuses_the_committed_repository_and_names_every_placeholder(project):
    (project / "output").mkdir()
    (project / "output" / "last-good.txt").write_text("vorher", encoding="utf-8")
    result = publish(project, None)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    named = {line.split(" ")[0] for line in result.stderr.splitlines()}
    for setting in ("SITEURL", "KUNDENFIT_CONTACT_EMAIL"):
        assert setting in named, result.stderr
    for field in ("name", "street", "city", "email", "phone", "responsible"):
        assert f"SITE_OWNER[{field!r}]" in named, result.stderr
    assert any(line.startswith(str(project / "content/pages/de/datenschutz.md")) for line in named)
    assert (project / "output" / "last-good.txt").exists(), "a refused publish kept the last output"


def test_publish_refuses_a_local_address(project):
    result = publish(project, "http://localhost:8000")
    assert "SITEURL = 'http://localhost:8000' ist eine lokale oder Beispiel-Adresse" in result.stderr


def test_publish_builds_a_clean_site_once_everything_is_filled_in(project):
    conf = project / "pelican.conf.py"
    text = re.sub(r"SITE_OWNER = \{.*?\n\}", OWNER, conf.read_text(encoding="utf-8"), flags=re.S)
    conf.write_text(text, encoding="utf-8")
    for page in project.glob("content/pages/*/datenschutz.md"):
        filled = re.sub(r"\[Platzhalter:[^\]]*\]", "Muster Hosting GmbH", page.read_text(encoding="utf-8"))
        page.write_text(filled, encoding="utf-8")
    result = publish(project, REAL_ADDRESS)
    assert result.returncode == 0, result.stderr
    offending = []
    for path in (project / "output").rglob("*"):
        if path.suffix in {".html", ".xml", ".json", ".txt", ".js", ".css"} or path.name == "_headers":
            text = path.read_text(encoding="utf-8", errors="replace")
            offending += [
                f"{path}: {word}" for word in ("localhost", "example.org", "[Platzhalter") if word in text
            ]
    assert offending == []
    assert f'href="{REAL_ADDRESS}/quiz/kundenfit/"' in (project / "output" / "index.html").read_text(
        encoding="utf-8"
    )
