"""The `_headers` file: only the embed pages may be shown in a frame on another site.

Static hosts such as Cloudflare Pages (and Workers static assets) and Netlify read a `_headers`
file in the output folder: a path pattern on its own line, then indented `Name: value` lines.

How matching rules combine decides the layout (see docs/embedding.md, "Hosting"):
- A request gets the headers of EVERY rule whose pattern matches it, not just the most specific
  one; a header set by two rules is sent with both values (joined by a comma). So `/*` with
  `X-Frame-Options: DENY` also hits `/embed/…`, and two CSP values are two policies that BOTH
  apply: `frame-ancestors 'none'` would still block the embed page.
- Cloudflare removes a header that earlier rules attached with a detach line `! Name` in a
  later rule. That is the default layout here: `/*` denies framing, the embed rules that follow
  detach both headers and allow any ancestor.
- Netlify has no detach syntax. For Netlify pass `deny_paths` (every top-level part of the site
  except the embed pages): no rule then matches both a normal page and an embed page, so nothing
  needs removing, and the same file is also correct on Cloudflare.

No Pelican import: the generator calls `headers_file()` and writes the text to `_headers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

DENY = ("X-Frame-Options: DENY", "Content-Security-Policy: frame-ancestors 'none'")
ALLOW = ("Content-Security-Policy: frame-ancestors *",)
DETACH = ("! X-Frame-Options", "! Content-Security-Policy")
HEADER = (
    "# Who may show this site's pages in a frame (iframe): only the embed pages may be framed,",
    "# by any site. Written by every build (plugins/kundenfit/headers.py); edits here are lost.",
)


def _prefixes(lang_prefixes: Iterable[str]) -> list[str]:
    """'' for the main language, 'en/' for a subsite; in the given order, without repeats."""
    out = []
    for prefix in lang_prefixes:
        prefix = prefix.strip("/")
        prefix = f"{prefix}/" if prefix else ""
        if prefix not in out:
            out.append(prefix)
    return out or [""]


def _pattern(path: str) -> str:
    """A site path as a folder pattern: 'embed/{id}/' and 'embed/' both become 'embed/*'."""
    path = path.strip().lstrip("/")
    if "{" in path:  # a URL setting such as KUNDENFIT_EMBED_URL: the part before the first field
        path = path[: path.index("{")]
    if path and not path.endswith(("/", "*")):
        path += "/"
    return path if path.endswith("*") else f"{path}*"


def _matches(pattern: str, path: str) -> bool:
    """Whether a _headers pattern ('*' matches anything, also '/') matches a path."""
    regex = "".join(".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", pattern))
    return re.fullmatch(regex, path) is not None


def _rule(pattern: str, lines: Iterable[str]) -> str:
    return "\n".join([pattern, *(f"  {line}" for line in lines)])


def headers_file(
    embed_paths: Iterable[str],
    lang_prefixes: Iterable[str] = ("",),
    *,
    deny_paths: Iterable[str] | None = None,
) -> str:
    """The text of `_headers` for the output folder's root.

    embed_paths: where the embed pages live, relative to a language's root, e.g. ['embed/'] or
    the URL setting ['embed/{id}/']; lang_prefixes: ['', 'en/'] (main site, subsites).
    deny_paths: None for the Cloudflare layout (`/*` plus detach); or the site's other top-level
    paths (e.g. ['', 'artikel/', 'quiz/', 'impressum/', '404.html']; '' is the home page) for
    a layout without overlapping rules, which Netlify needs.
    """
    prefixes = _prefixes(lang_prefixes)
    embeds = []
    for prefix in prefixes:
        for path in embed_paths:
            pattern = "/" + prefix + _pattern(path)
            if pattern not in embeds:
                embeds.append(pattern)
    if not embeds:
        raise ValueError("headers_file needs at least one embed path")
    blocks = ["\n".join(HEADER)]
    if deny_paths is None:
        blocks.append("# Every page: no site may frame it.\n" + _rule("/*", DENY))
        blocks.append(
            "# Embed pages: any site may frame them. '! Name' removes what /* attached above\n"
            "# (Cloudflare); without it both policies would apply and 'none' would win.\n"
            + "\n\n".join(_rule(pattern, [*DETACH, *ALLOW]) for pattern in embeds)
        )
    else:
        denied = []
        for prefix in prefixes:
            for path in deny_paths:
                path = path.strip().lstrip("/")
                pattern = "/" + prefix + path + ("*" if path.endswith("/") else "")
                if pattern not in denied:
                    denied.append(pattern)
        for pattern in denied:
            for embed in embeds:
                folder = embed.rstrip("*")
                if _matches(pattern, folder) or _matches(pattern, folder + "x/index.html"):
                    raise ValueError(f"deny path {pattern!r} would also match the embed pages {embed!r}")
        blocks.append(
            "# Every other page: no site may frame it. No rule matches both an embed page and\n"
            "# another page, so no header has to be removed (Netlify and Cloudflare).\n"
            + "\n\n".join(_rule(pattern, DENY) for pattern in denied)
        )
        blocks.append(
            "# Embed pages: any site may frame them.\n" + "\n\n".join(_rule(p, ALLOW) for p in embeds)
        )
    return "\n\n".join(blocks) + "\n"
