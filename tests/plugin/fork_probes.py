"""A test-only Pelican plugin: notes which process writes each page, or fails a language's run.

Switched by the environment of the `pelican` process it runs in:
- KF_PROBE_LOG: a file; each written page adds "pid lang start end path" (times in seconds),
  after KF_PROBE_DELAY seconds of "writing" (so that two writers overlap measurably);
- KF_PROBE_FAIL_LANG: the language whose writing fails at its first page, the way
  KF_PROBE_FAIL_KIND says: "problem" (a coach's problem line, as the plugin reports them),
  "bug" (an unexpected exception) or "kill" (the process is killed).
"""

from __future__ import annotations

import os
import signal
import time

from pelican import signals
from pelican.plugins.kundenfit.errors import KundenfitError
from pelican.plugins.kundenfit.problems import stop_build

PROBLEM = "content/articles/en/probe.md:3: Testfehler im englischen Lauf – entferne die Zeile."


def page_written(path, context):
    lang = context.get("DEFAULT_LANG")
    start = time.time()
    time.sleep(float(os.environ.get("KF_PROBE_DELAY", "0")))
    if lang == os.environ.get("KF_PROBE_FAIL_LANG"):
        kind = os.environ.get("KF_PROBE_FAIL_KIND", "problem")
        if kind == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if kind == "bug":
            raise ValueError("probe: a bug in the English run")
        stop_build([KundenfitError(PROBLEM)])
    log = os.environ.get("KF_PROBE_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as notes:
            notes.write(f"{os.getpid()} {lang} {start:.3f} {time.time():.3f} {path}\n")


def register():
    signals.content_written.connect(page_written)
