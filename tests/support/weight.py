"""What a first visit to a page transfers: the page and everything it loads (style sheets, the
fonts they name, scripts, images), gzip-compressed as hosts send text; fonts and images as they are."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.checks import html_files, resolve

FONT_URL = re.compile(r'src:url\("?([^")]+)"?\)')
COMPRESSED = (".woff2", ".png", ".jpg", ".jpeg", ".webp")


def _size(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if path.suffix in COMPRESSED else len(gzip.compress(data, 6))


def page_transfer(site: Path, page: Path, siteurl: str) -> int:
    """Bytes over the wire for one page on a first visit (each file counted once)."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    files = {page}
    for tag, attr in (("link", "href"), ("script", "src"), ("img", "src")):
        for element in soup.find_all(tag):
            url = element.get(attr)
            if not url or (tag == "link" and "stylesheet" not in (element.get("rel") or [])):
                continue
            target = resolve(site, url, siteurl)
            if target is not None and target.is_file():
                files.add(target)
    for sheet in [f for f in files if f.suffix == ".css"]:
        for url in FONT_URL.findall(sheet.read_text(encoding="utf-8")):
            font = (sheet.parent / url).resolve()
            if font.is_file():
                files.add(font)
    return sum(_size(f) for f in files)


def heaviest_page(site: Path, siteurl: str) -> tuple[int, str]:
    """(bytes, page) of the page that transfers the most."""
    return max((page_transfer(site, page, siteurl), str(page.relative_to(site))) for page in html_files(site))
