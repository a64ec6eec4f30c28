"""The theme's style sheet under a name that carries a hash of its content.

Pages link `css/site.<hash>.css`, so hosts may let browsers keep it for a year (a changed sheet
is a new address; see the Kundenfit plugin's hosts.py). The served copy starts with the coach's
brand (`prefix`, the Kundenfit plugin's brand.brand_css), so a new brand is a new address too.
Pelican still copies the plain `css/site.css` with the other theme files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

SOURCE = "css/site.css"


def fingerprinted(relative: str, content: bytes) -> str:
    """'css/site.css' + content -> 'css/site.<first 12 hex digits of its SHA-256>.css'."""
    stem, dot, suffix = relative.rpartition(".")
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:12]}{dot}{suffix}"


def theme_source(theme: str | Path, static_paths: list[str] | None = None) -> Path | None:
    """The theme's css/site.css (in the first static folder that has it), or None."""
    for folder in static_paths or ["static"]:
        path = Path(theme) / folder / SOURCE
        if path.is_file():
            return path
    return None


def site_css(
    theme: str | Path, static_paths: list[str] | None = None, prefix: str = ""
) -> tuple[str, bytes] | None:
    """(name relative to the theme's static folder, content), or None for a theme without it."""
    source = theme_source(theme, static_paths)
    if source is None:
        return None
    content = prefix.encode("utf-8") + source.read_bytes()
    return fingerprinted(SOURCE, content), content


def write_site_css(
    theme: str | Path, static_paths: list[str] | None, target_dir: Path, prefix: str = ""
) -> Path | None:
    """Write the fingerprinted copy into the output's theme folder (THEME_STATIC_DIR)."""
    found = site_css(theme, static_paths, prefix)
    if found is None:
        return None
    name, content = found
    path = target_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path
