"""The plugin's worker processes never outlive the build that started them, even a killed one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.plugin.test_autoreload import wait_for
from tests.support.sample_site import SAMPLE_SITE


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_end_when_a_serving_build_is_killed(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    log = tmp_path / "pelican.log"
    command = [sys.executable, "-m", "pelican", "content", "-o", str(tmp_path / "output")]
    command += ["-s", "pelicanconf.py", "--autoreload", "--log-handler", "plain"]
    command += ["-e", f'CACHE_PATH="{tmp_path / "cache"}"']
    with log.open("w") as handle:
        process = subprocess.Popen(
            command,
            cwd=site,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(lambda: log.read_text().count("Done:") >= 2, "first build", process, log)
        workers = children(process.pid)
        assert workers, "the build started no worker processes"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)], "workers outlived the killed build"
