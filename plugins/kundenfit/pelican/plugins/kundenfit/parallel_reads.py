"""Parse the first run's Markdown files in worker processes, one per core, beside the build.

Parsing Markdown is most of a large build, and Pelican reads one file after the other. When
an article run starts reading (Pelican's `article_generator_preread`), the files its cache
cannot serve are handed to a pool of forked workers; the reader then takes each result as
Pelican asks for the file, or parses the file itself when a worker failed or the file changed
meanwhile. The workers are forked from this process, so they read with the very reader object
and settings of this run. The results go into `shared_runs`' memo, so the other language runs
reuse them too. Small runs (a few files, or a rebuild that parses one) use no workers, nor
does a build with KUNDENFIT_PARSE_WORKERS=0 in the environment (the number of workers; default:
one per core).
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import Future, ProcessPoolExecutor

from . import shared_runs
from .workers import start_worker

PARALLEL_FROM = 40  # files to parse; fewer are parsed here (a worker costs a fork)
_DONE = "_kundenfit_prefetched"

logger = logging.getLogger("kundenfit.reads")
_readers: dict[str, object] = {}  # extension -> reader, inherited by the forked workers
_pool: ProcessPoolExecutor | None = None


def _workers() -> int:
    value = os.environ.get("KUNDENFIT_PARSE_WORKERS", "")
    return int(value) if value.isdigit() else os.cpu_count() or 1


def _parse(extension: str, path: str):
    """In a worker: what the reader's own `read` returns, without the settings (sent once)."""
    reader = _readers[extension]
    stamp = shared_runs._stamp(path)
    content, metadata = shared_runs.unshared_read(reader, path)
    return stamp, (content, _walk(metadata, None))


def _walk(metadata: dict, settings) -> dict:
    """Set the settings of every Category, Tag and Author in `metadata` (None: strip them)."""
    for value in metadata.values():
        for item in value if isinstance(value, list) else [value]:
            if any(cls.__name__ == "URLWrapper" for cls in type(item).__mro__):  # Category, Tag, Author
                item.settings = settings
    return metadata


def received(reader, future: Future):
    """(stamp, result) of a worker's parse with this reader's settings put back, or None."""
    try:
        stamp, (content, metadata) = future.result()
    except Exception:  # the worker could not: the reader parses the file itself and reports
        return None
    return stamp, (content, _walk(metadata, reader.settings))


def prefetch(generator) -> None:
    """`article_generator_preread`: once per run, hand the files to parse to the workers."""
    global _pool
    if getattr(generator, _DONE, False):
        return
    setattr(generator, _DONE, True)
    readers = generator.readers
    todo = []
    settings = generator.settings
    for name in generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]):
        path = os.path.abspath(os.path.join(generator.path, name))
        extension = os.path.splitext(path)[1][1:]
        reader = readers.readers.get(extension)
        if reader is None or not shared_runs.is_shared(reader):
            continue
        if readers.get_cached_data(path, None) is not None or shared_runs.known(reader, path):
            continue  # Pelican's cache or an earlier run has it
        todo.append((reader, extension, path))
    workers = _workers()
    if len(todo) < PARALLEL_FROM or workers < 1:
        return
    _readers.clear()
    _readers.update({extension: reader for reader, extension, _ in todo})
    finish()
    _pool = ProcessPoolExecutor(max_workers=workers, initializer=start_worker)
    logger.info("Kundenfit: %d Dateien werden in %d Prozessen gelesen", len(todo), workers)
    for reader, extension, path in todo:
        shared_runs.expect(reader, path, _pool.submit(_parse, extension, path))


def forget_inherited() -> None:
    """In a forked copy of the build (`parallel_sites`): no result of the parent's workers
    still on its way can arrive here; the reader parses such a file itself."""
    global _pool
    _pool = None
    shared_runs.drop_pending()


def finish(*_args) -> None:
    """`article_generator_finalized`: the run has read its files; end the workers."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
