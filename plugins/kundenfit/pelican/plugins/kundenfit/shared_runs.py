"""What the language runs of one build share, so that each source is worked on once per build.

pelican-i18n-subsites runs Pelican once per language, in one process, and every run reads the
Markdown files of every language (it needs the other languages' articles to link
translations) and compiles the same templates. A reader's result depends only on the file and
the reader's settings, a compiled template only on its source and the Jinja settings, so the
first run's results serve the later runs. Entries are keyed by the file's path, size and
modification time (templates by their source), so an edited file is read anew under
`make serve`; one entry per file, so the memory does not grow with rebuilds.
"""

from __future__ import annotations

import functools
import os
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


@functools.cache
def _shared_class(cls: type) -> type:
    """`cls` whose `read` returns what an instance with the same settings read before (same
    name: Pelican records the reader's class name in the metadata)."""

    def read(self, source_path: str):
        stamp = _stamp(source_path)
        key = (_reader_key(self), source_path)
        entry = _parsed.get(key)
        if stamp is not None and entry is not None and entry[0] == stamp:
            return entry[1]
        result = cls.read(self, source_path)
        if stamp is not None:
            _parsed[key] = (stamp, result)
        return result

    return type(cls.__name__, (cls,), {"read": read, "__qualname__": cls.__qualname__, _SHARED: True})


def share_parsed_content(readers) -> None:
    """`readers_init`: let every reader of this run reuse what an earlier run parsed."""
    classes = getattr(readers, "reader_classes", {})
    for extension, cls in list(classes.items()):
        if isinstance(cls, type) and not getattr(cls, _SHARED, False):
            classes[extension] = _shared_class(cls)


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in memory, keyed by name, file and the Jinja configuration (compiled
    code depends on it: delimiters, extensions, escaping); Jinja checks the source's checksum."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = f"{_environment_key(environment)}|{self.get_cache_key(name, filename)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _environment_key(env) -> str:
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
        env.autoescape,
        env.finalize,
        env.is_async,
        sorted(env.extensions),
    )
    return repr(options)


_compiled = _MemoryBytecodeCache()


def share_compiled_templates(generator) -> None:
    """`generator_init`: compile each template once per build, not once per generator and run."""
    env = getattr(generator, "env", None)
    if env is not None and env.bytecode_cache is None:
        env.bytecode_cache = _compiled
