"""Keep Pelican's content cache trustworthy: drop it when it was made differently or is torn.

Pelican's reader cache (CACHE_CONTENT with LOAD_CONTENT_CACHE) knows each file's modification
time but not the settings or code that parsed it: after a change to the MARKDOWN settings, to
Pelican or Python-Markdown, or to this plugin's Markdown directive, it would serve the old parse.
Nor does Pelican write it atomically: a build stopped while it is written leaves a torn file
that the next build cannot read. So before a run loads it, the cache files are removed when a
fingerprint of all that changed or when a file does not end like a complete pickle.
"""

from __future__ import annotations

import hashlib
import re
from importlib import metadata
from pathlib import Path

from . import markdown as directive
from .shared_runs import READER_SETTINGS

CACHE_FILES = ("ArticlesGenerator-Readers", "PagesGenerator-Readers")
FINGERPRINT = "kundenfit-readers.key"
_PICKLE_STOP = b"."


def fingerprint(settings: dict) -> str:
    """What a cached parse depends on besides the file itself (object addresses left out)."""
    parts = [re.sub(r" at 0x[0-9a-fA-F]+", "", repr(settings.get(name))) for name in READER_SETTINGS]
    for package in ("pelican", "markdown", "docutils"):
        try:
            parts.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package} -")
    parts.append(hashlib.sha256(Path(directive.__file__).read_bytes()).hexdigest())
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _torn(path: Path, gzipped: bool) -> bool:
    if gzipped:
        return False  # a torn gzip file is an OSError, which Pelican treats as no cache
    try:
        with path.open("rb") as handle:
            handle.seek(-1, 2)
            return handle.read(1) != _PICKLE_STOP
    except OSError:
        return True


def check(pelican) -> None:
    """`initialized`: remove the reader cache files this run must not load."""
    settings = pelican.settings
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")):
        return
    cache = Path(settings["CACHE_PATH"])
    key = fingerprint(settings)
    stamp = cache / FINGERPRINT
    try:
        stale = stamp.read_text(encoding="utf-8") != key
    except OSError:
        stale = True
    for name in CACHE_FILES:
        path = cache / name
        if path.is_file() and (stale or _torn(path, bool(settings.get("GZIP_CACHE")))):
            path.unlink()
    if stale:
        cache.mkdir(parents=True, exist_ok=True)
        stamp.write_text(key, encoding="utf-8")
