"""Jinja filters for the theme; plain functions, testable without Pelican."""

from __future__ import annotations

import functools
import math
import re
from datetime import date, datetime

from babel.dates import format_date as babel_format_date
from jinja2 import pass_context
from markupsafe import Markup

_TAG = re.compile(r"<[^>]+>")
_WORDS_PER_MINUTE = 200


# A bare language would give Babel's default region (en: US, "November 16, 2026").
_REGIONS = {"de": "de_DE", "en": "en_GB"}


def babel_locale(lang: str, locale_setting=None, site_lang: str | None = None) -> str:
    """The Babel locale for `lang`: the site's LOCALE when it is this language, else its region."""
    if locale_setting and lang == site_lang:
        first = locale_setting if isinstance(locale_setting, str) else next(iter(locale_setting), "")
        name = first.split(".")[0]
        if name.split("_")[0] == lang:
            return name
    return _REGIONS.get(lang, lang)


@functools.lru_cache(maxsize=4096)
def _long_date(value: date, locale: str) -> str:
    """Babel's long date, once per date and locale: each date is shown on several pages."""
    return babel_format_date(value, format="long", locale=locale)


def format_date(value: date | datetime, lang: str = "de") -> str:
    """Format a date the way readers of `lang` write it ("22. November 2026", "22 November 2026")."""
    if isinstance(value, datetime):
        value = value.date()
    return _long_date(value, _REGIONS.get(lang, lang))


@pass_context
def format_date_filter(context, value: date | datetime, lang: str | None = None) -> str:
    """format_date for templates, in the locale of the (sub)site: en_GB on the English pages."""
    site_lang = context.get("DEFAULT_LANG")
    locale = babel_locale(lang or site_lang or "de", context.get("LOCALE"), site_lang)
    if isinstance(value, datetime):
        value = value.date()
    return _long_date(value, locale)


def reading_minutes(html: str) -> int:
    """Estimate reading time at 200 words per minute, at least one minute."""
    words = len(_TAG.sub(" ", html or "").split())
    return max(1, math.ceil(words / _WORDS_PER_MINUTE))


def html_body(content: str) -> Markup:
    """Mark an article's or page's body as HTML: the one place the theme trusts markup.

    Bodies are rendered by Pelican from the coach's Markdown, so they are HTML by design; every
    other field (title, keypoints, tags, source, settings, translations) is text and escaped.
    """
    return Markup(content or "")


def absolute_url(path: str, siteurl: str) -> str:
    """Join SITEURL and a Pelican url, so canonical and OpenGraph addresses are absolute."""
    return f"{siteurl.rstrip('/')}/{path.lstrip('/')}" if path else f"{siteurl.rstrip('/')}/"


def page_path(output_file: str | None) -> str:
    """The address of a written page relative to SITEURL ("artikel/x/index.html" → "artikel/x/").

    Both languages use the same paths, so this is also the path of the page's translation.
    """
    if not output_file:
        return ""
    return output_file[: -len("index.html")] if output_file.endswith("index.html") else output_file


def article_jsonld(article, siteurl: str, sitename: str) -> dict:
    """Describe an article as schema.org Article, crediting the text it is based on."""
    meta = article.metadata
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": _TAG.sub("", article.title),
        "description": _TAG.sub("", getattr(article, "summary", "") or "").strip(),
        "inLanguage": article.lang,
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "url": absolute_url(article.url, siteurl),
        "mainEntityOfPage": absolute_url(article.url, siteurl),
        "publisher": {"@type": "Organization", "name": sitename},
        "author": {"@type": "Organization", "name": sitename},
    }
    # Credit only what the original shows: no author when it names none, no url it does not give.
    if meta.get("source_title") or meta.get("source_author") or meta.get("source_site"):
        based_on = {"@type": "CreativeWork"}
        if meta.get("source_title"):
            based_on["name"] = meta["source_title"]
        if meta.get("source_author"):
            based_on["author"] = {"@type": "Person", "name": meta["source_author"]}
            if meta.get("source_author_url"):  # the author's own site, not where the piece appeared
                based_on["author"]["url"] = meta["source_author_url"]
        if meta.get("source_site"):
            based_on["publisher"] = {"@type": "Organization", "name": meta["source_site"]}
        if meta.get("source_url"):
            based_on["url"] = meta["source_url"]
        data["isBasedOn"] = based_on
    return data  # the template writes it with `tojson`, which is safe inside <script>


# A no-break space after these abbreviations keeps "§ 5 DDG" or "Art. 6 Abs. 1 lit. f" together.
_GLUE = re.compile(r"(?<![\w.])(§§?|Art\.|Abs\.|lit\.|Nr\.|Dr\.|Section|Article) (?=[\w(])")
_LAW = re.compile(
    r"(§\u00a0\d+[a-z]?|Art\.\u00a0\d+(?:[–-]\d+)?|Abs\.\u00a0\d+|lit\.\u00a0[a-z])"
    r" (?=[A-ZÄÖÜ]{2,}|Abs\.|lit\.|Art\.)"
)


def keep_together(text: str) -> str:
    """No-break spaces in legal references and titles ("§ 5 DDG", "Dr. Roland Weber")."""
    return _LAW.sub("\\1\u00a0", _GLUE.sub("\\1\u00a0", text))


# Every filter the theme uses, by the name templates call it.
THEME_FILTERS = {
    "format_date": format_date_filter,
    "article_jsonld": article_jsonld,
    "absolute_url": absolute_url,
    "page_path": page_path,
    "keep_together": keep_together,
    "html_body": html_body,
}
