"""Decide which files in the rules folder are rule files, and say why any other is left out.

Only regular files named ``*.yaml`` directly in the folder are read. Everything a coach might
expect to count but that does not (``.yml``, a subfolder, a named pipe) and everything an
editor or macOS leaves next to a rule file (lock, backup and swap files, ``._`` files) is
skipped with one note naming it, so nothing is read by accident and nothing is left out in
silence. Other files (a README, notes) are not rule files and are passed over quietly.

The folder is only listed and stat'ed here, never opened: a named pipe cannot block the build.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

RULE_SUFFIX = ".yaml"
_YAML_NAME = re.compile(r"\.ya?ml$", re.IGNORECASE)

# (pattern on the file name, what the file is); first match wins, only for YAML-like names.
_LEFTOVERS = (
    (re.compile(r"^\.#"), "die Sperrdatei eines Editors"),
    (re.compile(r"^#.*#$"), "die Sicherungsdatei eines Editors"),
    (re.compile(r"~$"), "die Sicherungskopie eines Editors"),
    (re.compile(r"^\..*\.sw[a-p]$"), "die Auslagerungsdatei von Vim"),
    (re.compile(r"^\._"), "eine Zusatzdatei von macOS"),
    (re.compile(r"^\."), "eine versteckte Datei"),
)
_HIDDEN_HINT = "; entferne den Punkt am Namensanfang, wenn sie gelten soll."


@dataclass
class RuleFiles:
    """The rule files to read, in name order, and one note per file left out."""

    paths: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def find_rule_files(rules_dir: Path) -> RuleFiles:
    """List `rules_dir`: rule files to read and notes about the files skipped."""
    found = RuleFiles()
    for name in sorted(os.listdir(rules_dir)):
        path = rules_dir / name
        try:
            mode = path.stat().st_mode
        except OSError:
            mode = None  # a dangling link, e.g. an editor's lock file
        if mode is not None and stat.S_ISDIR(mode):
            if not name.startswith("."):
                found.notes += _nested_notes(path)
            continue
        note = _note(path, name, mode)
        if note is None:
            found.paths.append(path)
        elif note:
            found.notes.append(note)
    return found


def bare_name(name: str) -> str:
    """The name an editor's backup or swap file was made from (`demo.yaml~` → `demo.yaml`)."""
    return re.sub(r"(~|#|\.sw[a-p])$", "", name)


def leftover(name: str) -> str | None:
    """What an editor's or macOS's leftover file is (for the note), or None for any other name."""
    return next((what for pattern, what in _LEFTOVERS if pattern.search(name)), None)


def _note(path: Path, name: str, mode: int | None) -> str | None:
    """None for a rule file to read, "" for a file to pass over quietly, else the note."""
    if not _YAML_NAME.search(bare_name(name)):
        return ""  # not a rule file at all
    what = leftover(name)
    if what is not None:
        hint = _HIDDEN_HINT if what == "eine versteckte Datei" else ", keine Regeldatei."
        return f"{path}: übersprungen – {what}{hint}"
    if not name.endswith(RULE_SUFFIX):
        proper = _YAML_NAME.sub(RULE_SUFFIX, name)
        return (
            f"{path}: wird nicht gelesen – Regeldateien enden auf '{RULE_SUFFIX}'. Benenne "
            f"sie in '{proper}' um, wenn sie gelten soll."
        )
    if mode is None:
        return f"{path}: übersprungen – die Verknüpfung zeigt auf eine Datei, die es nicht gibt."
    if not stat.S_ISREG(mode):
        return (
            f"{path}: übersprungen – das ist keine gewöhnliche Datei (z. B. eine benannte Pipe); "
            "lege die Regeln in eine normale Textdatei."
        )
    return None


def _nested_notes(folder: Path) -> list[str]:
    """One note per YAML file below `folder`: subfolders are not read."""
    notes = []
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if _YAML_NAME.search(name) and not name.startswith("."):
                notes.append(
                    f"{Path(parent) / name}: wird nicht gelesen – Regeldateien in Unterordnern "
                    f"zählen nicht. Verschiebe sie direkt nach {folder.parent}/, wenn sie gelten soll."
                )
    return notes
