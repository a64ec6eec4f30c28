"""How the plugin's worker processes (PDFs, Markdown) start: quiet on Ctrl-C, gone with the build.

Workers are forked from the build. Ctrl-C in `make serve` is the build's to handle, so a worker
ignores it (no traceback from an idle worker). And a worker must not outlive its build: when the
build is killed (not ended normally, which shuts the pool down), nothing tells an idle worker,
so each one watches its parent and exits when it is gone.
"""

from __future__ import annotations

import os
import signal
import threading
import time

CHECK_EVERY = 1.0  # seconds


def start_worker() -> None:
    """The `initializer` of every pool of ours."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(0)


def exit_with_parent(status: int) -> None:
    """Leave this forked process with `status` as soon as the process that forked it is gone."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(CHECK_EVERY)
        os._exit(status)

    threading.Thread(target=watch, name="kundenfit-parent-watch", daemon=True).start()
