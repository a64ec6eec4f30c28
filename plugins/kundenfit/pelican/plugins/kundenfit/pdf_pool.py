"""Worker processes for the checklist PDFs, one per core, started when the build starts.

Rendering a PDF takes about a second; the first build of a site with many checklists renders
them side by side instead of one after the other. The first job a worker gets is to import
WeasyPrint and say whether it works (`pdf.pdf_support`), beside the build, so the build itself
never spends a second importing WeasyPrint only to learn whether to link the PDFs. The pool lives
as long as the process (all language runs, every rebuild of `make serve`).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor

from . import pdf
from .workers import start_worker

_pool: ProcessPoolExecutor | None = None


def _worker_start() -> None:
    pdf._probe = None  # a worker answers for itself (a forked copy of the Future never resolves)
    start_worker()


def start(*_args) -> None:
    """Start the workers and ask one whether WeasyPrint works here (once per process)."""
    global _pool
    if _pool is None and pdf._support is None:
        _pool = ProcessPoolExecutor(max_workers=os.cpu_count() or 1, initializer=_worker_start)
        pdf._probe = _pool.submit(pdf.pdf_support)


def pool() -> ProcessPoolExecutor | None:
    return _pool


def forget_inherited() -> None:
    """In a forked copy of the build (`parallel_sites`): the parent's pool is not ours to use."""
    global _pool
    _pool = None
    pdf._probe = None
