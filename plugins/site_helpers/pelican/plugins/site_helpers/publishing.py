"""Refuse to build a site for publishing while placeholders or local addresses are left.

`publishconf.py` sets `PUBLISH_CHECK = True`; the check runs before anything is built and
names each problem once: the setting (`SITE_OWNER['phone']`) or the content file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

PLACEHOLDER = re.compile(r"\[Platzhalter", re.IGNORECASE)
EXAMPLE_ADDRESS = re.compile(r"\bexample\.(?:org|com|net)\b", re.IGNORECASE)
LOCAL_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "::1"}
# Settings a visitor sees (owner data, texts) or that send data somewhere (newsletter).
CHECKED = (
    "SITENAME",
    "SITESUBTITLE",
    "AUTHOR",
    "SITE_OWNER",
    "KUNDENFIT_CONTACT_EMAIL",
    "KUNDENFIT_NEWSLETTER",
    "I18N_SUBSITES",
)
REQUIRED_OWNER_FIELDS = ("name", "street", "city", "email")
CONTENT_SUFFIXES = {".md", ".markdown", ".rst", ".yaml", ".yml"}


def siteurl_problems(siteurl: str | None) -> list[str]:
    parts = urlsplit(siteurl or "")
    if not siteurl:
        return ["SITEURL fehlt – setze die echte Adresse, z. B. KUNDENFIT_SITEURL=https://www.deine-seite.de"]
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [f"SITEURL = {siteurl!r} ist keine vollständige Adresse (https://…)."]
    if parts.hostname in LOCAL_HOSTS or EXAMPLE_ADDRESS.search(parts.netloc):
        return [f"SITEURL = {siteurl!r} ist eine lokale oder Beispiel-Adresse – setze die echte."]
    return []


def _values(name: str, value) -> Iterator[tuple[str, str]]:
    """(where, text) for every text inside a setting, with its place named as in Python."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _values(f"{name}[{key!r}]", inner)
    elif isinstance(value, list | tuple):
        for index, inner in enumerate(value):
            yield from _values(f"{name}[{index}]", inner)


def setting_problems(settings: dict) -> list[str]:
    """Placeholders, example addresses and empty owner fields, one line per setting."""
    problems = siteurl_problems(settings.get("SITEURL"))
    owner = settings.get("SITE_OWNER")
    if not isinstance(owner, dict):
        problems.append("SITE_OWNER fehlt – Impressum und Datenschutz brauchen Name, Anschrift und E-Mail.")
        owner = {}
    for field in REQUIRED_OWNER_FIELDS:
        if isinstance(settings.get("SITE_OWNER"), dict) and not str(owner.get(field) or "").strip():
            problems.append(f"SITE_OWNER[{field!r}] ist leer – trag ihn ein.")
    for name in CHECKED:
        for where, text in _values(name, settings.get(name)):
            if PLACEHOLDER.search(text):
                problems.append(f"{where} ist noch ein Platzhalter: {text!r} – ersetze ihn.")
            elif EXAMPLE_ADDRESS.search(text):
                problems.append(f"{where} = {text!r} ist eine Beispiel-Adresse – setze die echte.")
    return problems


def content_problems(content_dir: Path) -> list[str]:
    """Placeholders left in content files: `file:line: …`."""
    problems = []
    for path in sorted(Path(content_dir).rglob("*")):
        if path.suffix not in CONTENT_SUFFIXES or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if PLACEHOLDER.search(line):
                problems.append(f"{path}:{number}: noch ein Platzhalter – ersetze ihn.")
    return problems


def publish_problems(settings: dict) -> list[str]:
    return setting_problems(settings) + content_problems(Path(settings.get("PATH") or "content"))
