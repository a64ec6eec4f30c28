"""The bad-input corpus: every mistake a coach, translator or attacker can make gets one line.

Each file in `cases/` is one bad input, written over a small site (`base: sample`, the plugin's
sample site, or `base: site`, this site's settings, theme and content). The site is built with
`make html` exactly as the coach builds it, on top of its last good output. Each case asserts:

- the first line the build prints is exactly `expect` (paths relative to the site),
- the exit status (`exit`, default: any non-zero),
- no `Traceback` anywhere in the output,
- on failure, the last good `output/` is byte-identical.

A case file:

    # what the coach did, in one sentence
    base: sample                  # or: site
    files:                        # written over the base site, UTF-8
      content/rules/demo.yaml: |
        id: [
    encoded:                      # written in another encoding
      content/articles/de/x.md: {encoding: latin-1, text: "Title: Größe"}
    remove: [content/rules/demo.yaml]
    settings: |                   # appended to the settings file
      KUNDENFIT_ORDER = 3
    fifo: [content/rules/pipe.yaml]   # named pipes (non-regular files)
    symlinks: {content/articles/de/loop: ..}   # links (name: where it points)
    expect: "content/rules/demo.yaml:1: YAML kann diese Zeile nicht lesen: …"
    exit: 2                       # optional; 0 for a note that does not stop the build
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.support.sample_site import SAMPLE_SITE

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))
BASES = {
    "sample": {
        "settings": "pelicanconf.py",
        "copy": [SAMPLE_SITE / name for name in ("content", "translations")],
    },
    "site": {"settings": "pelican.conf.py", "copy": [ROOT / name for name in ("content", "translations")]},
}


def make_base(kind: str, folder: Path) -> Path:
    """A fresh copy of a base site in `folder` (the theme is linked, never changed)."""
    base = BASES[kind]
    folder.mkdir(parents=True)
    for source in base["copy"]:
        shutil.copytree(source, folder / source.name)
    settings_source = (SAMPLE_SITE if kind == "sample" else ROOT) / base["settings"]
    shutil.copy2(settings_source, folder / base["settings"])
    if kind == "site":
        (folder / "theme").symlink_to(ROOT / "theme")
        # As shipped the site has no lead path and says so at the end of every build (issue #24;
        # tests/plugin/test_sample_site.py checks that line): each case here names its own.
        with (folder / base["settings"]).open("a", encoding="utf-8") as settings:
            settings.write("\nKUNDENFIT_WITHOUT_LEADS = True\n")
    else:  # make runs in the repository: the sample site's catalogs by their full path
        with (folder / base["settings"]).open("a", encoding="utf-8") as settings:
            settings.write(f"\nI18N_GETTEXT_LOCALEDIR = {str(folder / 'translations')!r}\n")
    return folder


def make_html(site: Path, kind: str) -> subprocess.CompletedProcess:
    """`make html` for the site in `site`: staging folder, swap on success."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            "html",
            f"INPUTDIR={site / 'content'}",
            f"OUTPUTDIR={site / 'output'}",
            f"CONFFILE={site / BASES[kind]['settings']}",
            f"PELICANOPTS=-e CACHE_PATH='\"{site / 'cache'}\"'",
        ],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def good_builds(tmp_path_factory) -> dict[str, Path]:
    """Each base site built once without mistakes: the 'last good output' every case starts from."""
    built = {}
    for kind in BASES:
        site = make_base(kind, tmp_path_factory.mktemp(f"good-{kind}") / "site")
        result = make_html(site, kind)
        assert result.returncode == 0, result.stderr
        built[kind] = site / "output"
    return built


def apply_case(case: dict, site: Path, settings_name: str) -> None:
    for relative in case.get("remove", []):
        target = site / relative
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    for relative, text in (case.get("files") or {}).items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for relative, spec in (case.get("encoded") or {}).items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(spec["text"].encode(spec["encoding"]))
    for relative in case.get("fifo", []):
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(target)
    for relative, points_to in (case.get("symlinks") or {}).items():
        (site / relative).symlink_to(points_to)
    if case.get("settings"):
        with (site / settings_name).open("a", encoding="utf-8") as settings:
            settings.write("\n" + case["settings"])


def first_line(text: str, site: Path) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0].replace(f"{site}/", "") if lines else ""


def test_corpus_is_large_enough():
    assert len(CASES) >= 60, f"only {len(CASES)} bad inputs in tests/bad_input/cases"


@pytest.mark.parametrize("case_file", CASES, ids=[case.stem for case in CASES])
def test_bad_input(case_file, good_builds, tmp_path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    kind = case.get("base", "sample")
    site = make_base(kind, tmp_path / "site")
    shutil.copytree(good_builds[kind], site / "output")
    before = tree_digest(site / "output")
    apply_case(case, site, BASES[kind]["settings"])

    result = make_html(site, kind)

    everything = result.stdout + result.stderr
    assert "Traceback" not in everything, everything
    assert first_line(result.stderr, site) == case["expect"], result.stderr
    expected_exit = case.get("exit")
    if expected_exit is None:
        assert result.returncode != 0, "the build should have stopped"
    else:
        assert result.returncode == (0 if expected_exit == 0 else 2), everything
    if result.returncode != 0:
        assert tree_digest(site / "output") == before, "the last good output/ changed"
