"""The operations tier: what happens around a build on a coach's machine and a web host (killed
builds, builds at once, output/ as a link, a full or read-only disk). Each test builds the plugin's
sample site with the same command `make html` runs (pelican.plugins.site_helpers.build)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.sample_site import SAMPLE_SITE


def build_command(site: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pelican.plugins.site_helpers.build",
        "--output",
        str(output),
        "--settings",
        "pelicanconf.py",
        "--",
        "content",
        "--log-handler",
        "plain",
    ]


def run_build(site: Path, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run(build_command(site, output), cwd=site, capture_output=True, text=True, timeout=300)


def digest(folder: Path) -> dict[str, str]:
    """Every file below `folder` with a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def site(tmp_path) -> Path:
    """A copy of the sample site, with its catalogs by their full path."""
    folder = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, folder)
    with (folder / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(f"\nI18N_GETTEXT_LOCALEDIR = {str(folder / 'translations')!r}\n")
        settings.write(f"CACHE_PATH = {str(tmp_path / 'cache')!r}\n")
    return folder


def retitle(site: Path, title: str) -> None:
    """Give the sample quiz another title, so that two builds differ."""
    rules = site / "content" / "rules" / "demo.yaml"
    text = rules.read_text(encoding="utf-8")
    start = text.index("title: ", text.index("quizzes:"))
    end = text.index("\n", start)
    rules.write_text(text[:start] + f"title: {title}" + text[end:], encoding="utf-8")
