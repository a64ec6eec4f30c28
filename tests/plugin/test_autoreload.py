"""`make serve` survives a broken rule file or article: Pelican's autoreload shows the problem
line, keeps running, and rebuilds once the file is fixed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support.sample_site import SAMPLE_SITE

TIMEOUT = 90


def wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        assert process.poll() is None, f"autoreload ended while waiting for {what}:\n{log.read_text()}"
        time.sleep(0.2)
    raise AssertionError(f"no {what} after {TIMEOUT} s:\n{log.read_text()}")


@contextmanager
def serving(tmp_path: Path) -> Iterator[tuple[Path, Path, Path, subprocess.Popen]]:
    """A copy of the sample site under `pelican --autoreload`, once its first build is done:
    (site, output, log, process). The process is ended afterwards."""
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    output, log = tmp_path / "output", tmp_path / "pelican.log"
    with log.open("w") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "pelican", "content", "-o", str(output), "-s", "pelicanconf.py"]
            + ["--autoreload", "--log-handler", "plain", "-e", f'CACHE_PATH="{tmp_path / "cache"}"'],
            cwd=site,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    try:
        # Both languages report "Done"; then autoreload starts watching (changes before that
        # are not seen, so give the watcher a moment).
        wait_for(lambda: log.read_text().count("Done:") >= 2, "first build", process, log)
        time.sleep(2)
        yield site, output, log, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_autoreload_survives_a_broken_rule_file_and_rebuilds_when_fixed(tmp_path):
    with serving(tmp_path) as (site, output, log, process):
        rule_file = site / "content" / "rules" / "demo.yaml"
        good = rule_file.read_text(encoding="utf-8")
        quiz_page = output / "quiz" / "demo" / "index.html"
        rule_file.write_text(good.replace("rules:\n", "rules:\n  - id: [kaputt\n", 1), encoding="utf-8")
        wait_for(lambda: "Build abgebrochen" in log.read_text(), "problem line", process, log)
        text = log.read_text()
        assert "content/rules/demo.yaml:" in text
        assert "Traceback" not in text
        assert "YAML kann diese Zeile nicht lesen" in text

        time.sleep(2)
        fixed = good.replace("Passt die Person?", "Passt die Person wirklich?")
        rule_file.write_text(fixed, encoding="utf-8")
        wait_for(lambda: "wirklich?" in quiz_page.read_text(encoding="utf-8"), "rebuild", process, log)
        english = output / "en" / "quiz" / "demo" / "index.html"  # the subsite is built again too
        wait_for(lambda: log.read_text().count("Done:") >= 4, "English rebuild", process, log)
        assert english.is_file()
        assert process.poll() is None
        assert "Traceback" not in log.read_text()


def test_autoreload_stops_for_an_unreadable_article_and_rebuilds_when_fixed(tmp_path):
    """The article check starts afresh on every run: a fixed article is built again."""
    with serving(tmp_path) as (site, output, log, process):
        article = site / "content" / "articles" / "de" / "neu.md"
        page = output / "neu" / "index.html"
        article.write_text("Title: Neu\nDate: 2026-02-30\nSlug: neu\n\nText.\n", encoding="utf-8")
        wait_for(lambda: "Build abgebrochen" in log.read_text(), "problem line", process, log)
        assert "content/articles/de/neu.md:2: Date: '2026-02-30' ist kein Datum" in log.read_text()
        assert not page.exists()

        time.sleep(2)
        article.write_text("Title: Neu\nDate: 2026-02-28\nSlug: neu\n\nText.\n", encoding="utf-8")
        wait_for(page.is_file, "rebuild", process, log)
        assert process.poll() is None
        assert "Traceback" not in log.read_text()
