"""Build the site the way `make html` does, for tests and benchmarks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pelican_command(
    output: Path,
    siteurl: str,
    overrides: list[str] | None = None,
    content: Path | None = None,
    settings: Path | None = None,
) -> list[str]:
    """The pelican command line; `overrides` are extra KEY=JSON settings (one -e takes them all)."""
    return [
        sys.executable,
        "-m",
        "pelican",
        str(content or ROOT / "content"),
        "-o",
        str(output),
        "-s",
        str(settings or ROOT / "pelican.conf.py"),
        "--log-handler",
        "plain",
        "-e",
        f'SITEURL="{siteurl}"',
        # A build for a real address, like publishconf.py (pelican.conf.py is for local previews).
        "RELATIVE_URLS=false",
        'FEED_ATOM="feeds/all.atom.xml"',
        *(overrides or []),
    ]


def build_site(
    output: Path, siteurl: str, overrides: list[str] | None = None, env: dict | None = None, **kwargs
) -> subprocess.CompletedProcess:
    """Run Pelican in a subprocess (as a user would) and return what it printed; `env` adds to
    the environment."""
    env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        pelican_command(output, siteurl, overrides, **kwargs),
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
