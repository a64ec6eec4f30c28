"""Write the chosen host's files into the finished output folder (hosts.py decides their text).

Runs once every page, asset and theme file is written, because some layouts list the files
(Netlify has one rule per top-level folder, Cloudflare one per fingerprinted asset).
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

from .hosts import HOST_FILES, Site, host_files


def remove_host_files(output: Path) -> None:
    """Drop what an earlier build wrote for another host (a build into an existing output/)."""
    for name in HOST_FILES:
        path = output / name.rstrip("/")
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def site_files(output: Path) -> tuple[str, ...]:
    return tuple(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())


def write_host_files(
    output: Path, host: str, embed_url: str, subsites: Iterable[str], log: logging.Logger
) -> list[str]:
    """Write the files for `host`; return their paths relative to output/ (for the log)."""
    remove_host_files(output)
    site = Site(site_files(output), ("", *(f"{lang}/" for lang in subsites)), embed_url)
    result = host_files(host, site)
    for name, text in result.files.items():
        path = output / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if result.warning:
        log.warning("%s", result.warning)
    return sorted(result.files)
