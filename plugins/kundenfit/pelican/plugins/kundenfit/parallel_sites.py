"""Write the innermost language subsite in a forked process, beside the main site.

pelican-i18n-subsites runs the subsites inside the main site's run, from the main site's
`get_writer` signal: every language's context is made first, then each language writes its
pages, one after the other. Writing is a third of a large build, and the languages' pages do
not depend on each other once the contexts are linked. So this module takes the i18n plugin's
`get_writer` receiver over and behaves as it does, except that once the last subsite's context
is ready (queue empty, all sites interlinked) the process forks:

- the child writes that subsite, as the plain run would, and leaves (`os._exit`) when its run
  returns to the run that started it; a failure is logged there as usual and handed to the
  parent (pickled, in a temporary file), without Pelican's closing line;
- the parent leaves that subsite's run with `_WrittenByChild`, which the starting run catches,
  and writes the other sites; before the main site's `finalized` work (PDFs, host files read the
  subsite's pages) and before it exits or builds again it waits for the child (`join`) and
  raises the child's failure as its own, so the build ends with the same line and status.

Off with KUNDENFIT_PARALLEL_SITES=0 in the environment, on one core, or without `os.fork`: then
the i18n plugin's receiver stays in place. The output is the same either way (a test compares).
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import sys
import tempfile
import traceback
from contextlib import ExitStack, contextmanager

from . import parallel_reads, pdf, pdf_pool, sites
from .errors import KundenfitError
from .problems import stop_build
from .workers import exit_with_parent

ENV = "KUNDENFIT_PARALLEL_SITES"


class _WrittenByChild(BaseException):
    """Leaves the subsite's run in the parent: the child writes it (never seen outside)."""


class _RemoteTraceback(Exception):
    """The child's traceback, as the cause of the error the parent raises (as ProcessPool does)."""

    def __str__(self) -> str:
        return self.args[0]


class SubsiteFailed(Exception):
    """The child's error, when it cannot travel as itself (not picklable)."""


class _Child:
    """The one child writing a subsite: its pid, its language, the file its failure goes to."""

    def __init__(self, pid: int, lang: str, report):
        self.pid, self.lang, self.report = pid, lang, report


_child: _Child | None = None  # in the parent, while a child writes
_in_child = False  # in the child
_report = None  # in the child: where its failure goes


def enabled() -> bool:
    return os.environ.get(ENV, "1") != "0" and hasattr(os, "fork") and (os.cpu_count() or 1) > 1


def take_over(get_writer, pelican) -> None:
    """At `initialized` of every Pelican instance: our receiver of `get_writer` in place of the
    i18n plugin's.

    Each Pelican instance registers the plugins again (the i18n plugin reconnects its receiver),
    so this runs for every subsite too, before its `get_writer`.
    """
    i18n = sys.modules.get(sites.I18N_MODULE)
    if i18n is None or not enabled():
        return
    if i18n.create_next_subsite in list(get_writer.receivers_for(pelican)):
        get_writer.disconnect(i18n.create_next_subsite)
        get_writer.connect(create_next_subsite)


def create_next_subsite(pelican_obj) -> None:
    """`get_writer`: the i18n plugin's own `create_next_subsite`, then a fork at the innermost
    site (its queue empty, every site interlinked)."""
    i18n = sys.modules[sites.I18N_MODULE]
    innermost = not i18n._SUBSITE_QUEUE
    try:
        i18n.create_next_subsite(pelican_obj)  # a subsite's whole run, or the interlinking
    except _WrittenByChild:
        return  # parent: the child writes that subsite; this site goes on
    except BaseException as error:
        if _in_child:
            _leave(error)
        raise
    if innermost:
        if not sites.is_main_site(pelican_obj.settings):  # a site of one language writes here
            _fork(sites.lang(pelican_obj.settings))
    elif _in_child:
        _leave(None)  # the child's subsite is written


def _fork(lang: str) -> None:
    """Split: the child returns (and writes this site); the parent leaves this site's run."""
    global _child, _in_child, _report
    join(quiet=True)  # a child of an earlier, failed run (make serve) is done first
    pdf.pdf_support()  # the answer the child inherits (a Future of the parent's pool never resolves)
    report = tempfile.TemporaryFile()  # noqa: SIM115 (closed by join, in the parent)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # else the child would print the parent's buffered text again
    with _console_locks():
        pid = os.fork()
    if pid == 0:
        _in_child, _child, _report = True, None, report
        pdf_pool.forget_inherited()
        parallel_reads.forget_inherited()
        exit_with_parent(1)  # stop writing when the build is gone (killed), like our workers
        return
    _child = _Child(pid, lang, report)
    atexit.register(join, quiet=True)  # also when this process fails: no child left writing
    raise _WrittenByChild


@contextmanager
def _console_locks():
    """Hold the locks of Pelican's console while forking, so that no thread of ours (Rich's
    status refresher) holds one in the child, where nothing would release it."""
    with ExitStack() as stack:
        console = sys.modules.get("pelican.log") and sys.modules["pelican.log"].console
        for live in getattr(console, "_live_stack", None) or []:
            stack.enter_context(live._lock)
        if console is not None and hasattr(console, "_lock"):
            stack.enter_context(console._lock)
        yield


def _leave(error: BaseException | None) -> None:
    """In the child, once its site is written (or failed): hand over the result and exit."""
    status = 0
    if error is not None:
        status = 1
        _report.write(_payload(error))
        _report.flush()
    for handler in logging.getLogger().handlers + logging.getLogger("pelican").handlers:
        handler.flush()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(status)


def _payload(error: BaseException) -> bytes:
    text = "".join(traceback.format_exception(error))
    try:
        pickled = pickle.dumps(error)
        pickle.loads(pickled)
    except Exception:
        pickled = None
    return pickle.dumps(
        {"error": pickled, "name": type(error).__name__, "text": str(error), "traceback": text}
    )


def join(quiet: bool = False) -> None:
    """In the parent: wait for the child; raise its failure as this build's (unless `quiet`)."""
    global _child
    child = _child
    if child is None:
        return
    _, status = os.waitpid(child.pid, 0)  # Ctrl-C here: the exit handler waits again
    _child = None
    atexit.unregister(join)
    child.report.seek(0)
    data = child.report.read()
    child.report.close()
    code = os.waitstatus_to_exitcode(status)
    if quiet or (code == 0 and not data):
        return
    if not data:  # killed, or died without a word
        stop_build([KundenfitError(died_line(child.lang, code))])
    raise _error_from(pickle.loads(data))


def died_line(lang: str, code: int) -> str:
    """The coach's line for a child that ended without a word (killed: out of memory?)."""
    how = f"wurde beendet (Signal {-code})" if code < 0 else f"endete mit Status {code}"
    return (
        f"Sprache {lang}: der Prozess, der ihre Seiten schrieb, {how} – zu wenig Speicher? "
        f"Baue noch einmal, notfalls mit {ENV}=0 (eine Sprache nach der anderen)."
    )


def _error_from(payload: dict) -> BaseException:
    error = None
    if payload["error"] is not None:
        try:
            error = pickle.loads(payload["error"])
        except Exception:
            error = None
    if error is None:
        error = SubsiteFailed(f"{payload['name']}: {payload['text']}")
    error.__cause__ = _RemoteTraceback(payload["traceback"])
    return error


def finish(pelican) -> None:
    """`finalized` of the main site: the subsite's pages are written (or its failure raised)."""
    if sites.is_main_site(pelican.settings):
        join()
