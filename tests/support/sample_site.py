"""Build the plugin's sample site (tests/sample_site) and compare it with its recorded output.

Re-record after an intended change to what the plugin writes:

    make sample-site        # = python -m tests.support.sample_site --record

then review `git diff tests/sample_site_expected/` like any other change.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SAMPLE_SITE = Path(__file__).resolve().parents[1] / "sample_site"
EXPECTED = Path(__file__).resolve().parents[1] / "sample_site_expected"
# PDFs depend on the machine's fonts and WeasyPrint; their pages are compared as HTML.
NOT_RECORDED = {".pdf"}


def build(output: Path, *extra: str, site: Path = SAMPLE_SITE) -> subprocess.CompletedProcess:
    """Run Pelican on the sample site (or a copy of it) as a user would."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            "content",
            "-o",
            str(output),
            "-s",
            "pelicanconf.py",
            "--log-handler",
            "plain",
            "-e",
            f'CACHE_PATH="{output.parent / "cache"}"',
            *extra,
        ],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
    )


def recorded_files(folder: Path) -> dict[str, Path]:
    """Every file that belongs to the recording, by its path relative to `folder`."""
    return {
        path.relative_to(folder).as_posix(): path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix not in NOT_RECORDED
    }


def record() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "output"
        result = build(output)
        if result.returncode != 0:
            sys.exit(f"The sample site did not build:\n{result.stderr}")
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for relative, path in recorded_files(output).items():
            target = EXPECTED / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    print(f"Recorded {len(recorded_files(EXPECTED))} files in {EXPECTED}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="replace the recorded output")
    if parser.parse_args().record:
        record()
    else:
        parser.print_help()
