"""Name the articles and original authors a quiz or checklist is based on.

Each rule lists the article slugs it comes from (`sources`); the articles carry the original
post's author, site, title and address in their `Source_*` metadata. Every view shows them,
so the credit travels with a quiz into an embed, onto paper and into the PDF. Plain data in,
plain data out: the generator hands in the articles of the language being built.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..quiz.model import Rule


@dataclass(frozen=True)
class Credit:
    """One article a view is based on, and what its `Source_*` keys say about the original."""

    slug: str
    title: str
    url: str
    author: str | None = None
    site: str | None = None
    source_title: str | None = None
    source_url: str | None = None


def source_index(articles: Iterable, siteurl: str) -> dict[str, Credit]:
    """Map each article's slug to its credit; `articles` are Pelican articles of one language."""
    index: dict[str, Credit] = {}
    for article in articles:
        meta = getattr(article, "metadata", {}) or {}

        def text(key: str, meta=meta) -> str | None:
            value = meta.get(key)
            return str(value).strip() or None if value else None

        index.setdefault(
            article.slug,
            Credit(
                slug=article.slug,
                title=str(article.title),
                url=f"{siteurl}/{article.url}",
                author=text("source_author"),
                site=text("source_site"),
                source_title=text("source_title"),
                source_url=text("source_url"),
            ),
        )
    return index


def credits_for(rules: Iterable[Rule], index: dict[str, Credit]) -> tuple[Credit, ...]:
    """Return the credits of the articles `rules` name, in order of first mention.

    A slug without a matching article is left out: the page never shows a guessed credit.
    """
    seen: dict[str, Credit] = {}
    for rule in rules:
        for slug in rule.sources:
            if slug in index and slug not in seen:
                seen[slug] = index[slug]
    return tuple(seen.values())
