"""What the language runs of one build share, so that each source is worked on once per build.

pelican-i18n-subsites runs Pelican once per language, in one process, and every run reads the
Markdown files of every language (it needs the other languages' articles to link
translations) and compiles the same templates. A reader's result depends only on the file and
the reader's settings, a compiled template only on its source and the Jinja settings, so the
first run's results serve the later runs. Entries are keyed by the file's path, size and
modification time (templates by their source), so an edited file is read anew under
`make serve`; one entry per file, so the memory does not grow with rebuilds. With Pelican's
content cache on, compiled templates are also kept in CACHE_PATH for the next build.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

# Settings a reader's output depends on (the rest differ between languages but not the parse).
READER_SETTINGS = ("MARKDOWN", "DOCUTILS_SETTINGS", "FORMATTED_FIELDS", "TIMEZONE", "SLUGIFY_SOURCE")

# (reader class, reader settings, path) -> (file stamp, (content, metadata))
_parsed: dict[tuple, tuple[tuple, Any]] = {}
_SHARED = "_kundenfit_shared"


def _stamp(path: str) -> tuple | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _reader_key(reader) -> tuple:
    settings = getattr(reader, "settings", None) or {}
    return (type(reader).__qualname__, repr([settings.get(name) for name in READER_SETTINGS]))


# (reader key, path) -> a Future of (stamp, result) from `parallel_reads`' workers
_expected: dict[tuple, Any] = {}
_BASE = "_kundenfit_base"


def is_shared(reader) -> bool:
    return getattr(type(reader), _SHARED, False)


def unshared_read(reader, source_path: str):
    """The reader class's own `read` (what a worker runs)."""
    return getattr(type(reader), _BASE).read(reader, source_path)


def known(reader, source_path: str) -> bool:
    """Whether the memo holds this file as it is now."""
    entry = _parsed.get((_reader_key(reader), source_path))
    return entry is not None and entry[0] == _stamp(source_path)


def expect(reader, source_path: str, future) -> None:
    """A worker is parsing this file (`parallel_reads`): `read` takes its result."""
    _expected[(_reader_key(reader), source_path)] = future


def drop_pending() -> None:
    """Forget the workers' parses not yet done (in a forked process they never arrive)."""
    for key, future in list(_expected.items()):
        if not future.done():
            del _expected[key]


@functools.cache
def _shared_class(cls: type) -> type:
    """`cls` whose `read` returns what an instance with the same settings read before (same
    name: Pelican records the reader's class name in the metadata)."""

    def read(self, source_path: str):
        from .parallel_reads import received

        stamp = _stamp(source_path)
        key = (_reader_key(self), source_path)
        entry = _parsed.get(key)
        if stamp is not None and entry is not None and entry[0] == stamp:
            return entry[1]
        future = _expected.pop(key, None)
        parsed = received(self, future) if future is not None else None
        fresh = parsed is not None and parsed[0] == stamp
        result = parsed[1] if fresh else cls.read(self, source_path)
        if stamp is not None:
            _parsed[key] = (stamp, result)
        return result

    attributes = {"read": read, "__qualname__": cls.__qualname__, _SHARED: True, _BASE: cls}
    return type(cls.__name__, (cls,), attributes)


def share_parsed_content(readers) -> None:
    """`readers_init`: let every reader of this run reuse what an earlier run parsed."""
    classes = getattr(readers, "reader_classes", {})
    for extension, cls in list(classes.items()):
        if isinstance(cls, type) and not getattr(cls, _SHARED, False):
            classes[extension] = _shared_class(cls)


class _SharedBytecodeCache(BytecodeCache):
    """Compiled templates, shared by every generator of the build and kept in `directory`
    (CACHE_PATH) for the next build when the content cache is on. The key holds the template's
    name and file and everything in the Jinja configuration the compiled code depends on;
    Jinja itself checks the source's checksum and its own and Python's version."""

    def __init__(self, directory: Path | None = None):
        self.directory = directory

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = hashlib.sha256(
            f"{_environment_key(environment, name)}|{self.get_cache_key(name, filename)}".encode()
        ).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def _file(self, key: str) -> Path | None:
        return self.directory / f"{key}.bin" if self.directory is not None else None

    def load_bytecode(self, bucket) -> None:
        code = _compiled.get(bucket.key)
        path = self._file(bucket.key)
        if code is None and path is not None:
            try:
                code = _compiled[bucket.key] = path.read_bytes()
            except OSError:
                code = None
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        code = bucket.bytecode_to_string()
        _compiled[bucket.key] = code
        path = self._file(bucket.key)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                tmp.write_bytes(code)
                os.replace(tmp, path)
            except OSError:
                pass  # the next build compiles it again


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def _environment_key(env, name: str) -> str:
    """What a template's compiled code depends on besides its source (no object addresses)."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    finalize = env.finalize
    options = (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        bool(autoescape),
        None if finalize is None else (repr(finalize), getattr(finalize, "jinja_pass_arg", None)),
        env.is_async,
        sorted(env.extensions),
        getattr(env, "newstyle_gettext", None),
    )
    return _ADDRESS.sub("", repr(options))


# key -> compiled code, for every generator of every run in this process
_compiled: dict[str, bytes] = {}
_caches: dict[str | None, _SharedBytecodeCache] = {}
TEMPLATES_CACHE = "kundenfit-templates"


def share_compiled_templates(generator) -> None:
    """`generator_init`: compile each template once per build, not once per generator and run;
    with the content cache on, keep the compiled code in CACHE_PATH for the next build."""
    env = getattr(generator, "env", None)
    if env is None or env.bytecode_cache is not None:
        return
    settings = getattr(generator, "settings", {}) or {}
    directory = None
    if settings.get("CACHE_CONTENT") and settings.get("CACHE_PATH"):
        directory = str(Path(settings["CACHE_PATH"]) / TEMPLATES_CACHE)
    if directory not in _caches:
        _caches[directory] = _SharedBytecodeCache(Path(directory) if directory else None)
    env.bytecode_cache = _caches[directory]
