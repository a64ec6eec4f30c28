"""An article's embedded quizzes and checklists exist only while something reads the article.

A quiz inside an article is some 50 KB of HTML; held in every article of both languages until
the build ends, it was most of the build's memory. So the article keeps its placeholders
(`_content`), Pelican's `_get_content` hook fills them whenever the content is read (the page,
a feed, a summary: every reader sees the filled text, as before), and once the article's page is
written Pelican's memo of the filled text is dropped. A later read fills it again, the same way.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable


def fill_when_read(content, fill: Callable[[], str]) -> None:
    """Let Pelican's `content` of this article be `fill()` (called when first read)."""
    content._get_content = fill


def _memo(content) -> dict | None:
    """Pelican's memo of get_content (`pelican.utils.memoized`), keyed by (content, siteurl)."""
    return getattr(inspect.getattr_static(type(content), "get_content", None), "cache", None)


def forget_written(path, context: dict) -> None:
    """`content_written`: drop the filled text of the article or page just written."""
    for key in ("article", "page"):
        content = context.get(key)
        if content is None or "_get_content" not in vars(content):
            continue
        memo = _memo(content)
        if memo is not None:
            for siteurl in {context.get("localsiteurl"), content.get_siteurl()}:
                memo.pop((content, siteurl), None)
