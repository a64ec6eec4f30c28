"""Jinja filters for the theme; plain functions, testable without Pelican."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from babel.dates import format_date as babel_format_date
from pelican.plugins.kundenfit.render.quiz_data import (
    script_json,  # one script-safe JSON encoder for the site
)

_TAG = re.compile(r"<[^>]+>")
_WORDS_PER_MINUTE = 200


def format_date(value: date | datetime, lang: str = "de") -> str:
    """Format a date the way readers of `lang` write it ("22. November 2026")."""
    if isinstance(value, datetime):
        value = value.date()
    return babel_format_date(value, format="long", locale=lang)


def reading_minutes(html: str) -> int:
    """Estimate reading time at 200 words per minute, at least one minute."""
    words = len(_TAG.sub(" ", html or "").split())
    return max(1, math.ceil(words / _WORDS_PER_MINUTE))


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


def article_jsonld(article, siteurl: str, sitename: str) -> str:
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
    if meta.get("source_author") or meta.get("source_site"):
        based_on = {"@type": "CreativeWork"}
        if meta.get("source_title"):
            based_on["name"] = meta["source_title"]
        if meta.get("source_author"):
            based_on["author"] = {"@type": "Person", "name": meta["source_author"]}
        if meta.get("source_site"):
            based_on["publisher"] = {"@type": "Organization", "name": meta["source_site"]}
        if meta.get("source_url"):
            based_on["url"] = meta["source_url"]
        data["isBasedOn"] = based_on
    return script_json(data)


# Every filter the theme uses, by the name templates call it.
THEME_FILTERS = {
    "format_date": format_date,
    "article_jsonld": article_jsonld,
    "absolute_url": absolute_url,
    "page_path": page_path,
}
