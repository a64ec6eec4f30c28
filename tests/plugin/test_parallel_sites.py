"""The English subsite is written in a forked process beside the German site (parallel_sites).

What a user notices: the same files as a build without it (KUNDENFIT_PARALLEL_SITES=0), both
languages written at the same time by two processes, and a failure in the English run that
still ends `make html` with its one line, a non-zero exit, the last good output/ kept and no
`pelican` process left behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.plugins.kundenfit.parallel_sites import ENV, died_line, enabled

from tests.bad_input.test_corpus import make_base, make_html, tree_digest
from tests.bench_scale import generate
from tests.plugin.fork_probes import PROBLEM
from tests.site.test_incremental import differences
from tests.support.sample_site import build

ROOT = Path(__file__).resolve().parents[2]
PROBLEMS = "Problem(e), siehe die Zeilen darüber."
PROBES = '-e PLUGINS=["pelican.plugins.i18n_subsites","pelican.plugins.kundenfit","tests.plugin.fork_probes"]'


def probe_env(monkeypatch, **values: str) -> None:
    """The `pelican` processes started below find the probe plugin and read its switches."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def build_site(site: Path, output: Path, parallel: str) -> None:
    command = [sys.executable, "-m", "pelican", "content", "-o", str(output), "-s", "pelican.conf.py"]
    command += ["--log-handler", "plain", "-e", f'CACHE_PATH="{output.parent / "cache"}"']
    env = {**os.environ, "KUNDENFIT_PARALLEL_SITES": parallel}
    result = subprocess.run(command, cwd=site, capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_site_is_the_same_with_and_without_parallel_sites(tmp_path):
    site = tmp_path / "site"
    generate(site, 0, 0)  # a copy of this site: theme, sitemap, host files, manifest, PDFs
    (tmp_path / "on").mkdir()
    (tmp_path / "off").mkdir()
    build_site(site, tmp_path / "on" / "output", "1")
    build_site(site, tmp_path / "off" / "output", "0")
    assert (tmp_path / "on" / "output" / "en" / "index.html").is_file()
    assert differences(tmp_path / "on" / "output", tmp_path / "off" / "output") == []


def test_the_switch_and_a_single_core_write_one_language_after_the_other(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv(ENV, "1")
    assert enabled()
    monkeypatch.setenv(ENV, "0")
    assert not enabled()
    monkeypatch.delenv(ENV)
    assert enabled()
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not enabled()


def test_a_site_without_subsites_builds_as_before(tmp_path):
    # The i18n plugin with no subsite: the main site is the innermost one and writes here.
    result = build(tmp_path / "output", "-e", "I18N_SUBSITES={}", 'ARTICLE_EXCLUDES=["articles/en"]')
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / "index.html").is_file()
    assert not (tmp_path / "output" / "en").exists()


def writers(log: Path) -> dict[str, tuple[set[int], float, float]]:
    """Per language: the processes that wrote its pages, and when its writing began and ended."""
    found: dict[str, tuple[set[int], float, float]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        pid, lang, start, end, _path = line.split(" ", 4)
        pids, first, last = found.get(lang, (set(), float("inf"), 0.0))
        found[lang] = (pids | {int(pid)}, min(first, float(start)), max(last, float(end)))
    return found


@pytest.mark.parametrize("parallel", ["1", "0"])
def test_german_and_english_pages_are_written_at_the_same_time(tmp_path, monkeypatch, parallel):
    log = tmp_path / "written.log"
    probe_env(monkeypatch, KF_PROBE_LOG=str(log), KF_PROBE_DELAY="0.05", KUNDENFIT_PARALLEL_SITES=parallel)
    result = build(tmp_path / "output", *PROBES.split(" ", 1))
    assert result.returncode == 0, result.stderr
    sites = writers(log)
    (de_pids, de_start, de_end), (en_pids, en_start, en_end) = sites["de"], sites["en"]
    overlap = min(de_end, en_end) - max(de_start, en_start)
    if parallel == "1":
        assert len(de_pids) == len(en_pids) == 1 and de_pids != en_pids, sites
        assert overlap > 0.3, f"the two languages were written one after the other: {sites}"
    else:
        assert de_pids == en_pids, sites
        assert overlap <= 0, sites


def pelicans_in(folder: Path) -> list[str]:
    """Command lines of running processes that name `folder` (the build's own `pelican`)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if entry.name.isdigit() and str(folder) in command and "pelican" in command:
            found.append(command)
    return found


@pytest.fixture(scope="module")
def good_sample(tmp_path_factory) -> Path:
    site = make_base("sample", tmp_path_factory.mktemp("good") / "site")
    result = make_html(site, "sample")
    assert result.returncode == 0, result.stderr
    return site / "output"


@pytest.mark.parametrize(
    ("failing", "kind", "first_line"),
    [
        ("en", "problem", PROBLEM),  # the child reports it; the parent ends with its status
        ("en", "kill", died_line("en", -9)),
        ("de", "problem", PROBLEM),  # the parent fails while the child still writes
    ],
)
def test_a_failed_language_fails_make_html_and_leaves_nothing_running(
    tmp_path, monkeypatch, good_sample, failing, kind, first_line
):
    site = make_base("sample", tmp_path / "site")
    shutil.copytree(good_sample, site / "output")
    before = tree_digest(site / "output")
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write('\nPLUGINS = [*PLUGINS, "tests.plugin.fork_probes"]\n')
    # The English child writes slowly, so a parent that did not wait would leave it running.
    probe_env(monkeypatch, KF_PROBE_FAIL_LANG=failing, KF_PROBE_FAIL_KIND=kind, KF_PROBE_DELAY="0.1")

    result = make_html(site, "sample")

    lines = [line for line in result.stderr.splitlines() if line.strip() and "ohne Übersetzung" not in line]
    assert lines[:2] == [first_line, f"Build abgebrochen: 1 {PROBLEMS}"], result.stderr
    assert result.stderr.count("Build abgebrochen") == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode != 0
    assert pelicans_in(site) == []
    assert not (site / ".build-new").exists(), "something still writes into the staging folder"
    assert tree_digest(site / "output") == before


def test_a_bug_in_the_english_run_keeps_its_traceback(tmp_path, monkeypatch):
    probe_env(monkeypatch, KF_PROBE_FAIL_LANG="en", KF_PROBE_FAIL_KIND="bug")
    result = build(tmp_path / "output", *PROBES.split(" ", 1))
    assert result.returncode == 1
    assert result.stderr.count("ValueError: probe: a bug in the English run") >= 2, result.stderr
    assert 'fork_probes.py", line' in result.stderr, "the child's traceback names the line"
