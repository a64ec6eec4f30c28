"""Render an HTML page to a PDF with WeasyPrint: tagged, fonts embedded, byte-identical per input.

WeasyPrint is optional. It is imported on first use and once per process (it takes a second);
`pdf_support()` says whether it can be used here and, if not, why (the package or its system
libraries missing). `installed_version()` reads its version without importing it.
Nothing here knows Pelican or the site: `pdf_build` decides what to render and where from.

Reproducibility: the PDF carries no date (WeasyPrint writes one only when the page asks for it
with `dcterms.created`/`dcterms.modified`, which we drop), its file identifier is derived from
the page address, and font subsets are named by a hash of the font, so the same input and the
same WeasyPrint and fonts give the same bytes.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

# PDF/UA-1: a tagged PDF with title, language and structure; WeasyPrint sets the rest.
PDF_VARIANT = "pdf/ua-1"

# The pages name a system font stack (system-ui first) that fontconfig resolves to different
# fonts on different machines. The PDF names the brand's font (served by the site, so the same
# file everywhere) and then a font Debian ships (fonts-dejavu-core), with the generic family as
# fallback: either way a real font file is embedded (as a subset).
FONT_CSS = ':root, body { font-family: "DejaVu Sans", sans-serif !important; }'


def font_css(family: str | None = None) -> str:
    """The PDF's font rule: the brand's family first when there is one."""
    if not family:
        return FONT_CSS
    return FONT_CSS.replace('"DejaVu Sans"', f'"{family}", "DejaVu Sans"')


# A checklist is handed out as one A4 page. When the page (with the brand's header, font and
# next-step box) runs onto a second one, it is made again a little tighter, step by step; only
# past the last step does the build warn. Each step is a style sheet after the page's own.
FIT_STEPS = (
    "",
    ":root { font-size: 94% } body { font-size: 10pt !important; line-height: 1.4 !important }"
    " @page { margin: 12mm 15mm }",
    ":root { font-size: 88% } body { font-size: 9.5pt !important; line-height: 1.35 !important }"
    " @page { margin: 10mm 14mm }",
)

# Bump when anything here changes how the bytes come out, so cached PDFs are made anew.
RENDER_REVISION = "2"

# (bool, reason) once known; None before the first call (a cache of this process: the answer
# depends only on what is installed).
_support: tuple[bool, str] | None = None
_weasyprint: Any = None
_fetcher_cls: Any = None

# A url_fetcher takes an absolute URL and returns (body, mime type), or raises to refuse it.
UrlFetcher = Callable[[str], tuple[bytes, str]]


def pdf_support() -> tuple[bool, str]:
    """(True, "WeasyPrint <version>") when PDFs can be made here, else (False, why not).

    Imports WeasyPrint on the first call only; later calls return the same answer.
    """
    global _support, _weasyprint
    if _support is None:
        # Importing parses WeasyPrint's default stylesheets, with a progress note for each.
        progress = logging.getLogger("weasyprint.progress")
        saved_level = progress.level
        progress.setLevel(logging.WARNING)
        try:
            import weasyprint  # optional, and slow to import: only here
        except ImportError as error:
            _support = (
                False,
                f"WeasyPrint ist nicht installiert ({error}); `make html` installiert es (requirements.txt)",
            )
        except OSError as error:  # cffi could not load pango/harfbuzz/fontconfig
            _support = (
                False,
                "WeasyPrint findet seine Systembibliotheken nicht "
                f"(apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0): {error}",
            )
        else:
            _weasyprint = weasyprint
            _support = (True, f"WeasyPrint {weasyprint.__version__}")
        finally:
            progress.setLevel(saved_level)
    return _support


def installed_version() -> str | None:
    """WeasyPrint's version from its package metadata, or None when it is not installed."""
    try:
        return importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return None


def engine_version(family: str | None = None) -> str:
    """The version string that goes into cache keys: WeasyPrint's and this module's (known
    without importing WeasyPrint, so that a PDF found in the cache costs no import)."""
    version = installed_version()
    if version is None:
        return ""
    kundenfit = f"kundenfit.pdf {RENDER_REVISION}; {PDF_VARIANT}; {font_css(family)}; {FIT_STEPS}"
    return f"WeasyPrint {version}; {kundenfit}"


def _require():
    ok, reason = pdf_support()
    if not ok:
        raise RuntimeError(reason)
    return _weasyprint


def _fetcher_class():
    """A WeasyPrint URLFetcher that asks our plain callable and never opens a connection."""
    global _fetcher_cls
    if _fetcher_cls is None:
        from weasyprint.urls import URLFetcher, URLFetcherResponse

        class CallableFetcher(URLFetcher):
            def __init__(self, fetch: UrlFetcher):
                super().__init__(allowed_protocols=())
                self._fetch = fetch

            def fetch(self, url, headers=None):
                body, mime_type = self._fetch(url)
                return URLFetcherResponse(url, body, {"Content-Type": mime_type})

        _fetcher_cls = CallableFetcher
    return _fetcher_cls


def _not_a_fetch_failure(record: logging.LogRecord) -> bool:
    # The url_fetcher's owner reports what it could not or would not give, in its own words.
    return not str(record.msg).startswith("Failed to load")


@contextmanager
def _quiet():
    """Keep WeasyPrint's progress notes and CSS remarks (every screen-only property it does not
    know, such as accent-color) out of the build log; its other errors still get through."""
    from weasyprint.logger import LOGGER, PROGRESS_LOGGER

    saved = LOGGER.level, PROGRESS_LOGGER.level
    LOGGER.setLevel(logging.ERROR)
    LOGGER.addFilter(_not_a_fetch_failure)
    PROGRESS_LOGGER.setLevel(logging.WARNING)
    try:
        yield
    finally:
        LOGGER.removeFilter(_not_a_fetch_failure)
        LOGGER.setLevel(saved[0])
        PROGRESS_LOGGER.setLevel(saved[1])


def render_pdf(
    html: str,
    base_url: str,
    url_fetcher: UrlFetcher,
    metadata: dict,
    *,
    stats: dict | None = None,
    font_family: str | None = None,
) -> bytes:
    """The PDF of `html` (page address `base_url`), its resources read through `url_fetcher`.

    `url_fetcher(url) -> (bytes, mime_type)` may raise to refuse a URL: WeasyPrint renders
    without it, and the caller, who knows why, says so. `metadata` gives title, author, subject and lang; they
    replace what WeasyPrint would take from the page's <title>, <meta> and <html lang>.
    `stats`, when given, receives the number of pages ("pages") and the FIT_STEPS step that
    made them ("fit"). `font_family`: the brand's font (its @font-face is in the page's style
    sheets), used before the fallback.
    """
    weasyprint = _require()
    fetcher = _fetcher_class()(url_fetcher)
    with _quiet():
        font_rule = weasyprint.CSS(string=font_css(font_family))
        for step, tighter in enumerate(FIT_STEPS):
            sheets = [font_rule, weasyprint.CSS(string=tighter)] if tighter else [font_rule]
            document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
                stylesheets=sheets, pdf_variant=PDF_VARIANT
            )
            fit = step
            if len(document.pages) <= 1:
                break
    if stats is not None:
        stats["pages"] = len(document.pages)
        stats["fit"] = fit
    meta = document.metadata
    meta.title = metadata.get("title") or meta.title
    meta.authors = [metadata["author"]] if metadata.get("author") else meta.authors
    meta.description = metadata.get("subject") or meta.description
    meta.lang = metadata.get("lang") or meta.lang
    meta.keywords = list(metadata.get("keywords") or [])
    meta.generator = metadata.get("creator")
    meta.created = meta.modified = None  # no dates: the same input gives the same bytes
    meta.attachments = []
    # The first half of the file identifier stays the same for every version of this document
    # (it names the page); pydyf adds a hash of the content as the second half.
    identifier = hashlib.sha256(f"{base_url}|{meta.lang}".encode()).hexdigest()[:32].encode()
    with _quiet():
        return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier)
