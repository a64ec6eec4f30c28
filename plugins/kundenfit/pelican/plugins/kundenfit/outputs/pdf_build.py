"""Make one PDF per checklist and language from the checklist pages already written to output/.

The PDF is the printed page: the same HTML and CSS, rendered by WeasyPrint (`kundenfit.pdf`)
with the print styles. Everything the page loads is read from the output folder, never from the
network. A PDF is rendered only when its input changed: the cache (one entry per checklist and
language, so it never grows) remembers a hash of the HTML, of every resource WeasyPrint fetched
and of the WeasyPrint version; when all still match, the cached bytes are copied.

No Pelican here: the plugin calls `build_checklist_pdfs` once the site is written.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import posixpath
import re
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import urlopen

from ..errors import KundenfitError
from . import pdf as pdf_engine

# Stands in for the site's origin when SITEURL is empty or relative, so that WeasyPrint still
# gets absolute URLs (which the fetcher maps to files; nothing is ever requested from it).
PLACEHOLDER_ORIGIN = "http://kundenfit.invalid"
CACHE_FORMAT = 1


# Warnings already given in this process (PDFs skipped, a refused URL): each only once, not
# once per language or per rebuild of `make serve`.
def _warn_once(log, message: str, warned: set[str]) -> None:
    """Log `message` unless this build already did (every language's PDFs share `warned`)."""
    if message not in warned:
        warned.add(message)
        log.warning("%s", message)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _absolute(siteurl: str) -> str:
    siteurl = siteurl.rstrip("/")
    return siteurl if urlsplit(siteurl).scheme in ("http", "https") else PLACEHOLDER_ORIGIN + siteurl


class SiteFetcher:
    """Answer WeasyPrint's requests from the output folder.

    URLs on the site's origin map to files under the site's root folder; a subsite such as
    /en/ (output/en/) may reach the main site's files (output/theme/...) too. Every answer is
    remembered with a hash of its body (None for a refusal), for the cache.
    """

    def __init__(self, output_path: Path, siteurl: str):
        base = urlsplit(_absolute(siteurl))
        segments = [s for s in base.path.split("/") if s]
        root = Path(output_path).resolve()
        # Walk up while the URL's last segment names the folder: /en ↔ output/en → / ↔ output.
        while segments and segments[-1] == root.name and root.parent != root:
            segments.pop()
            root = root.parent
        self.origin = (base.scheme, base.netloc)
        self.root_dir = root
        self.root_path = "/" + "".join(f"{s}/" for s in segments)
        self.fetched: dict[str, str | None] = {}
        self.missing: list[str] = []
        self.refused: list[str] = []

    def file_for(self, url: str) -> Path | None:
        """The file a URL on the site points to, or None when it points elsewhere."""
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != self.origin:
            return None
        path = posixpath.normpath(unquote(parts.path) or "/")
        if parts.path.endswith("/") and not path.endswith("/"):
            path += "/"
        if not (path + ("" if path.endswith("/") else "/")).startswith(self.root_path):
            return None
        target = (self.root_dir / path[len(self.root_path) :]).resolve()
        if target != self.root_dir and self.root_dir not in target.parents:
            return None
        return target / "index.html" if path.endswith("/") or target.is_dir() else target

    def __call__(self, url: str) -> tuple[bytes, str]:
        if url.startswith("data:"):
            with urlopen(url) as response:  # decoded in-process, no network
                body = response.read()
                mime_type = response.headers.get_content_type()
            self.fetched[url] = _sha256(body)
            return body, mime_type
        target = self.file_for(url)
        if target is None:
            self.fetched[url] = None
            self.refused.append(url)
            raise ValueError(f"not part of the site, not fetched: {url}")
        if not target.is_file():
            self.fetched[url] = None
            self.missing.append(url)
            raise FileNotFoundError(f"not in the output folder: {target}")
        body = target.read_bytes()
        self.fetched[url] = _sha256(body)
        return body, mimetypes.guess_type(target.name)[0] or "application/octet-stream"

    def still_same(self, recorded: list) -> bool:
        """Whether every resource recorded for a cached PDF still has the same content."""
        for url, digest in recorded:
            try:
                body, _ = self(url)
            except (OSError, ValueError):
                body = None
            if (None if body is None else _sha256(body)) != digest:
                return False
        return True


def _page_url(siteurl: str, item: dict) -> str:
    if item.get("page_url"):
        return item["page_url"]
    save_as = item["page_save_as"]
    if save_as.endswith("index.html"):
        save_as = save_as[: -len("index.html")]
    return f"{siteurl.rstrip('/')}/{save_as}"


def _slot_name(lang: str, view_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{lang}-{view_id}")


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _cached_pdf(cache_dir: Path, slot: str, key: str, fetcher: SiteFetcher) -> tuple[bytes, int] | None:
    try:
        entry = json.loads((cache_dir / f"{slot}.json").read_text(encoding="utf-8"))
        data = (cache_dir / f"{slot}.pdf").read_bytes()
    except (OSError, ValueError):
        return None
    if entry.get("key") != key or entry.get("pdf") != _sha256(data):
        return None
    if not fetcher.still_same(entry.get("resources", [])):
        return None
    return data, int(entry.get("pages", 0))


def _store(cache_dir: Path, slot: str, key: str, fetched: dict, data: bytes, pages: int) -> None:
    entry = {"key": key, "resources": sorted(fetched.items()), "pdf": _sha256(data), "pages": pages}
    _write_atomic(cache_dir / f"{slot}.pdf", data)
    _write_atomic(cache_dir / f"{slot}.json", json.dumps(entry, indent=1).encode("utf-8"))


# What a checklist page shows on screen only (kundenfit.css hides it in print): the links to the
# related quiz name its title, so without this a quiz title's edit would re-render the PDF.
_SCREEN_ONLY = re.compile(r'<ul class="kf-related">.*?</ul>', re.DOTALL)


def printed_part(html: str) -> str:
    """The page as the PDF renders it: without what print hides, so the cache key is the print's."""
    return _SCREEN_ONLY.sub("", html)


def _job(
    item: dict, output_path: Path, siteurl: str, lang: str, cache_dir: Path, font_family: str | None = None
) -> dict:
    """What rendering one checklist's PDF needs (plain data, so a worker process can take it)."""
    what = f"PDF der Checkliste '{item['id']}' ({lang})"
    if item.get("origin"):  # the rule file and line where the checklist is defined
        what = f"{item['origin']}: {what}"
    page = output_path / item["page_save_as"]
    if not page.is_file():
        raise KundenfitError(f"{what}: die Seite {item['page_save_as']} fehlt im output.")
    html = printed_part(page.read_text(encoding="utf-8"))
    base_url = _absolute(_page_url(siteurl, item))
    metadata = {"title": item.get("title"), "author": item.get("author"), "subject": item.get("subject")}
    metadata["lang"] = lang
    key = _sha256(
        json.dumps(
            [
                CACHE_FORMAT,
                pdf_engine.engine_version(font_family),
                _sha256(html.encode("utf-8")),
                base_url,
                metadata,
            ],
            ensure_ascii=False,
        ).encode("utf-8")
    )
    return {
        "what": what,
        "html": html,
        "base_url": base_url,
        "metadata": metadata,
        "key": key,
        "slot": _slot_name(lang, item["id"]),
        "output_path": output_path,
        "siteurl": siteurl,
        "cache_dir": cache_dir,
        "pdf_save_as": item["pdf_save_as"],
        "font_family": font_family,
    }


def render_job(job: dict) -> dict:
    """Render one PDF, keep it in the cache and write it. Returns the page count and what could
    not be fetched, for the caller's warnings."""
    fetcher = SiteFetcher(job["output_path"], job["siteurl"])
    stats: dict = {}
    family = job.get("font_family")
    data = pdf_engine.render_pdf(
        job["html"], job["base_url"], fetcher, job["metadata"], stats=stats, font_family=family
    )
    pages = stats.get("pages", 0)
    _store(job["cache_dir"], job["slot"], job["key"], fetcher.fetched, data, pages)
    _write_atomic(job["output_path"] / job["pdf_save_as"], data)
    return {"pages": pages, "missing": fetcher.missing, "refused": fetcher.refused}


def _from_cache(job: dict) -> dict | None:
    """Write the cached PDF when its page, resources and engine are unchanged."""
    fetcher = SiteFetcher(job["output_path"], job["siteurl"])
    cached = _cached_pdf(job["cache_dir"], job["slot"], job["key"], fetcher)
    if cached is None:
        return None
    data, pages = cached
    _write_atomic(job["output_path"] / job["pdf_save_as"], data)
    return {"pages": pages, "missing": [], "refused": []}


def _warn_about(job: dict, outcome: dict, log, warned: set[str]) -> None:
    what = job["what"]
    # The page in a browser lacks these too; the PDF shows what the browser would print.
    for url in outcome["missing"]:
        _warn_once(log, f"{what}: fehlt im output, ohne gedruckt: {url}", warned)
    for url in outcome["refused"]:
        _warn_once(log, f"{what}: nicht geladen (fremde Adresse): {url}", warned)
    if outcome["pages"] != 1:
        pages = outcome["pages"]
        advice = "kürze Einleitung oder Punkte, oder teile die Checkliste auf"
        _warn_once(log, f"{what}: {pages} Seiten statt einer A4-Seite – {advice}.", warned)


# In the PDF cache: the WeasyPrint version that worked on this machine.
WORKS_NOTE = "weasyprint-works"


def pdfs_possible(cache_dir: Path) -> bool:
    """Whether this machine makes PDFs, so that the pages may link them.

    Knowing it means importing WeasyPrint (a second), which a build that takes every PDF from
    the cache does not otherwise need. So once it worked, a note in the PDF cache names the
    version, and later builds with that version trust it. Should it fail later after all, the
    build says so (`build_checklist_pdfs`) and removes the note.
    """
    version = pdf_engine.installed_version()
    if version is None:
        return False
    note = Path(cache_dir) / WORKS_NOTE
    try:
        if note.read_text(encoding="utf-8") == version:
            return True
    except OSError:
        pass
    ok, _ = pdf_engine.pdf_support()
    if ok:
        try:
            note.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(note, version.encode("utf-8"))
        except OSError:
            pass  # no note: the next build imports WeasyPrint to know
    return ok


def build_checklist_pdfs(
    output_path: Path,
    siteurl: str,
    lang: str,
    checklists: list[dict],
    cache_dir: Path,
    required: bool,
    log,
    warned: set[str] | None = None,
    font_family: str | None = None,
) -> list[dict]:
    """Write one PDF per checklist of one language; return [{id, lang, pdf_url}, ...].

    `checklists`: dicts with id, title, page_save_as (the page already in output_path),
    pdf_save_as, author, subject (page_url optional: derived from page_save_as).
    Without WeasyPrint: one warning and [] – or a KundenfitError when `required`.
    A checklist page missing from the output is a KundenfitError; a missing stylesheet or image,
    or one on another host, is left out with a warning (as a browser would leave it out).
    `warned`: the warnings this build gave already (each is given once per build).
    `font_family`: the brand's font, which the PDF uses before its fallback (pdf.font_css).
    """
    warned = set() if warned is None else warned
    output_path, cache_dir = Path(output_path), Path(cache_dir)

    def cannot_render() -> bool:
        """Import WeasyPrint; when it cannot run here, warn (stop when required) and say so."""
        ok, reason = pdf_engine.pdf_support()
        if ok:
            return False
        (cache_dir / WORKS_NOTE).unlink(missing_ok=True)
        message = f"PDFs übersprungen: {reason}"
        if required:
            raise KundenfitError(f"{message} – KUNDENFIT_PDF_REQUIRED verlangt die PDFs.")
        _warn_once(log, message, warned)
        return True

    if pdf_engine.installed_version() is None and cannot_render():
        return []
    started = time.perf_counter()
    jobs = [_job(item, output_path, siteurl, lang, cache_dir, font_family) for item in checklists]
    rendered = 0
    for job in jobs:
        outcome = _from_cache(job)
        if outcome is None:
            if cannot_render():  # WeasyPrint is imported only here, for a PDF not in the cache
                return []
            outcome = render_job(job)
            rendered += 1
        _warn_about(job, outcome, log, warned)
    results = [
        {"id": item["id"], "lang": lang, "pdf_url": f"{siteurl.rstrip('/')}/{item['pdf_save_as']}"}
        for item in checklists
    ]
    if results:
        log.info(
            "Kundenfit: %d PDF(s) (%s), %d neu erzeugt, %d aus dem Cache, %.2f s",
            len(results),
            lang,
            rendered,
            len(results) - rendered,
            time.perf_counter() - started,
        )
    return results
