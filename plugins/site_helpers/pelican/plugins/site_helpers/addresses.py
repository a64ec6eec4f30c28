"""Check the addresses a coach writes into article metadata (`Source_url`, `Source_author_url`).

Only `http(s)` and `mailto` addresses may become links: a `javascript:` address or one that
breaks out of its attribute would run script for every reader.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

URL_FIELDS = ("source_url", "source_author_url")
_ALLOWED = {"http", "https", "mailto"}
_FORBIDDEN = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f\u2028\u2029]")


def is_allowed_url(value: str) -> bool:
    """True for an absolute http(s) address with a host, or a mailto address."""
    if not isinstance(value, str) or not value or _FORBIDDEN.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    if parts.scheme.lower() not in _ALLOWED:
        return False
    return bool(parts.netloc) if parts.scheme.lower() != "mailto" else bool(parts.path)


def field_line(source_path: str | None, field: str) -> int:
    """The line of `Field:` in the file's metadata (1 when it cannot be found)."""
    try:
        lines = Path(source_path).read_text(encoding="utf-8", errors="replace").splitlines()
    except (OSError, TypeError):
        return 1
    prefix = field.lower() + ":"
    return next((n for n, line in enumerate(lines, 1) if line.strip().lower().startswith(prefix)), 1)


def bad_urls(content) -> list[str]:
    """One line per URL field of `content` that is not an allowed address (and drop the field)."""
    lines = []
    for field in URL_FIELDS:
        value = content.metadata.get(field)
        if value is None or is_allowed_url(value):
            continue
        name = field.capitalize()
        where = f"{content.source_path}:{field_line(content.source_path, field)}"
        lines.append(
            f"{where}: {name} {value!r} ist keine gültige Adresse – nur http://, https:// "
            f"oder mailto: (ohne Leerzeichen und Anführungszeichen)."
        )
        content.metadata.pop(field, None)
        if hasattr(content, field):
            delattr(content, field)
    return lines
