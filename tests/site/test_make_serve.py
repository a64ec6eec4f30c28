"""`make serve` as a coach uses it: it builds, serves, rebuilds every edit (an article, a rule
text), shows the one problem line for a broken rule file and recovers when it is fixed, and
Ctrl-C ends it with no process left behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.support.server import free_port

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120
ARTICLE = "content/articles/de/nein-als-segen.md"
RULES = "content/rules/kundenfit.yaml"
QUIZ_TITLE = "title: Passt dieser Kunde zu dir?"


def copy_site(folder: Path) -> Path:
    folder.mkdir()
    for name in ("content", "translations"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy2(ROOT / "pelican.conf.py", folder / "pelican.conf.py")
    (folder / "theme").symlink_to(ROOT / "theme")
    return folder


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def served(url: str, text: str) -> Callable[[], bool]:
    def check() -> bool:
        try:
            return text in fetch(url)
        except OSError:
            return False

    return check


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (from /proc)."""
    children: dict[int, set[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, set()).add(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_make_serve_rebuilds_every_edit_survives_a_broken_rule_file_and_stops_on_ctrl_c(tmp_path):
    site = copy_site(tmp_path / "site")
    port = free_port()
    log = tmp_path / "serve.log"
    command = [
        "make",
        "--no-print-directory",
        "-C",
        str(ROOT),
        "serve",
        f"INPUTDIR={site / 'content'}",
        f"OUTPUTDIR={site / 'output'}",
        f"CONFFILE={site / 'pelican.conf.py'}",
        f"PORT={port}",
    ]
    with log.open("w") as handle:
        make = subprocess.Popen(
            command, cwd=site, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_for(condition: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if condition():
                return
            assert make.poll() is None, f"make serve ended while waiting for {what}:\n{log.read_text()}"
            time.sleep(0.3)
        raise AssertionError(f"no {what} after {TIMEOUT} s:\n{log.read_text()}")

    def settled(runs: int) -> None:
        """Wait until `runs` autoreload runs are done (each reports "Done" once per language), then
        give the watcher a moment: Pelican's autoreload misses a change saved while it builds."""
        wait_for(lambda: log.read_text().count("Done:") >= 2 * (runs + 1), f"autoreload run {runs}")
        time.sleep(1.5)

    base = f"http://127.0.0.1:{port}"
    article_url = f"{base}/artikel/nein-als-segen/"
    quiz_url = f"{base}/quiz/kundenfit/"
    try:
        wait_for(served(quiz_url, "Passt dieser Kunde zu dir?"), "the site served")
        settled(1)  # make html's build, then autoreload's first

        article = site / ARTICLE
        article.write_text(
            article.read_text(encoding="utf-8").replace("\n\n", "\n\nEin frisch geschriebener Satz.\n\n", 1),
            encoding="utf-8",
        )
        wait_for(served(article_url, "Ein frisch geschriebener Satz."), "the edited article")
        settled(2)

        rules = site / RULES
        good = rules.read_text(encoding="utf-8")
        assert QUIZ_TITLE in good
        rules.write_text(good.replace(QUIZ_TITLE, "title: Passt diese Kundin zu dir?", 1), encoding="utf-8")
        wait_for(served(quiz_url, "Passt diese Kundin zu dir?"), "the edited rule text")
        settled(3)

        rules.write_text(good.replace("rules:\n", "rules:\n  - id: [kaputt\n", 1), encoding="utf-8")
        wait_for(lambda: "Build abgebrochen" in log.read_text(), "the problem line")
        text = log.read_text()
        assert f"{rules}:" in text and "YAML kann diese Zeile nicht lesen" in text
        assert served(quiz_url, "Passt diese Kundin zu dir?")(), "the last good site is still served"
        time.sleep(1.5)
        rules.write_text(good.replace(QUIZ_TITLE, "title: Passt diese Person zu dir?", 1), encoding="utf-8")
        wait_for(served(quiz_url, "Passt diese Person zu dir?"), "the rebuild after the fix")
        assert "Traceback" not in log.read_text()
    finally:
        below = descendants(make.pid)
        os.killpg(make.pid, signal.SIGINT)  # Ctrl-C in the terminal reaches the whole group
        try:
            make.wait(timeout=30)
        finally:
            if make.poll() is None:
                os.killpg(make.pid, signal.SIGKILL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(pid) for pid in below | {make.pid}):
        time.sleep(0.3)
    assert not [pid for pid in below if alive(pid)], f"processes left after Ctrl-C:\n{log.read_text()}"
    assert "Traceback" not in log.read_text()
