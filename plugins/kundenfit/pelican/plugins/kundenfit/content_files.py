"""Keep Pelican from reading what is not an article or page in the content folder, with a note.

Pelican reads every file whose extension has a reader: a named pipe called `x.md` blocks the
build for ever, and the `._x.md` macOS writes beside each article on a shared drive fails as a
broken article. Before any generator lists the content, each such file (and every editor
leftover next to an article) gets one note, and Pelican is told to leave it alone through
IGNORE_FILES, which Pelican matches against file names. So does a folder link that points to a
folder it lies in (Pelican follows links and would read it without end). The rules folder is the
rule loader's (`rules/files.py`, same table of leftovers).
"""

from __future__ import annotations

import glob
import os
import stat
from pathlib import Path

from .rules.files import bare_name, leftover

# Pelican's readers and their extensions; a site may switch one off with READERS = {"html": None}.
READER_EXTENSIONS = {
    "md": "md",
    "markdown": "md",
    "mkd": "md",
    "mdown": "md",
    "rst": "rst",
    "html": "html",
    "htm": "html",
}


def read_extensions(settings: dict) -> set[str]:
    switched_off = {ext for ext, reader in (settings.get("READERS") or {}).items() if reader is None}
    return {ext for ext in READER_EXTENSIONS if ext not in switched_off}


def skipped_content(content_dir: Path, extensions: set[str], skip: set[Path]) -> list[tuple[Path, str]]:
    """(file, note) for every file below `content_dir` Pelican would read but must not."""
    found = []
    for parent, folders, names in os.walk(content_dir):
        folders[:] = sorted(f for f in folders if Path(parent, f) not in skip and not f.startswith("."))
        for name in folders:
            if _loops(Path(parent) / name):
                found.append((Path(parent) / name, _LOOP_NOTE.format(path=Path(parent) / name)))
        for name in sorted(names):
            if Path(bare_name(name)).suffix[1:].lower() not in extensions:
                continue
            path = Path(parent) / name
            note = _note(path, name)
            if note:
                found.append((path, note))
    return found


_LOOP_NOTE = (
    "{path}: übersprungen – dieser Ordner-Link zeigt auf einen Ordner, in dem er selbst liegt, "
    "Pelican läse ihn ohne Ende; lösch den Link oder lass ihn auf einen anderen Ordner zeigen."
)


def _loops(folder: Path) -> bool:
    """Whether `folder` is a link to itself or to a folder that contains it (Pelican follows links)."""
    if not folder.is_symlink():
        return False
    target, here = folder.resolve(), folder.parent.resolve()
    return target == here or target in here.parents


def _note(path: Path, name: str) -> str | None:
    what = leftover(name)
    if what is not None:
        return f"{path}: übersprungen – {what}, kein Artikel und keine Seite."
    try:
        mode = path.stat().st_mode
    except OSError:
        return f"{path}: übersprungen – die Verknüpfung zeigt auf eine Datei, die es nicht gibt."
    if not stat.S_ISREG(mode):
        return (
            f"{path}: übersprungen – das ist keine gewöhnliche Datei (z. B. eine benannte Pipe); "
            "schreib Artikel in eine normale Textdatei."
        )
    return None


def ignore_pattern(path: Path) -> str:
    """The IGNORE_FILES entry for exactly this file name (no wildcards from the name itself)."""
    return glob.escape(path.name)
