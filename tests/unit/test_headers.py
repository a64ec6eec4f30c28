"""The `_headers` file: every page refuses frames, only the embed pages may be framed by anyone.

The file is checked by what a host would send for a path, with the documented combination rules:
every matching rule contributes its headers, a header named twice keeps both values, and on
Cloudflare `! Name` removes the values earlier rules attached.
"""

from __future__ import annotations

import re

import pytest
from pelican.plugins.kundenfit.headers import headers_file

DENY = {"X-Frame-Options": ["DENY"], "Content-Security-Policy": ["frame-ancestors 'none'"]}
ALLOW = {"Content-Security-Policy": ["frame-ancestors *"]}
NORMAL_PAGES = [
    "/",
    "/index.html",
    "/quiz/kundenfit/",
    "/artikel/nein-als-segen/",
    "/en/",
    "/en/quiz/kontakt/",
]
EMBED_PAGES = ["/embed/kundenfit/", "/embed/kontakt/index.html", "/en/embed/kundenfit/", "/en/embed/x/"]


def parse(text: str) -> list[tuple[str, list[str]]]:
    """(pattern, header lines) per rule; fails on any line a host would not understand."""
    rules: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("/"):
            assert " " not in line, f"a path line holds only the pattern: {line!r}"
            rules.append((line, []))
        else:
            assert rules, "a header line before the first path"
            assert re.fullmatch(r"  (! [A-Za-z-]+|[A-Za-z-]+: \S.*)", line), f"bad header line {line!r}"
            rules[-1][1].append(line.strip())
    return rules


def matches(pattern: str, path: str) -> bool:
    regex = "".join(".*" if part == "*" else re.escape(part) for part in re.split(r"(\*)", pattern))
    return re.fullmatch(regex, path) is not None


def served(text: str, path: str, *, detach: bool = True) -> dict[str, list[str]]:
    """The frame headers a host sends for `path`; detach=False is a host without `!` (Netlify)."""
    headers: dict[str, list[str]] = {}
    for pattern, lines in parse(text):
        if not matches(pattern, path):
            continue
        for line in lines:
            if line.startswith("! "):
                assert detach, "a file for hosts without detach must not use it"
                headers.pop(line[2:], None)
            else:
                name, value = line.split(": ", 1)
                headers.setdefault(name, []).append(value)
    return headers


@pytest.fixture(scope="module")
def cloudflare() -> str:
    return headers_file(["embed/{id}/"], ["", "en/"])


def test_every_page_refuses_frames_and_embed_pages_allow_any_site(cloudflare):
    for path in NORMAL_PAGES:
        assert served(cloudflare, path) == DENY, path
    for path in EMBED_PAGES:
        assert served(cloudflare, path) == ALLOW, path


def test_default_layout_is_catch_all_then_detach(cloudflare):
    rules = parse(cloudflare)
    assert [pattern for pattern, _ in rules] == ["/*", "/embed/*", "/en/embed/*"]
    assert rules[0][1] == ["X-Frame-Options: DENY", "Content-Security-Policy: frame-ancestors 'none'"]
    for _, lines in rules[1:]:
        # Detach first: a detach removes only what was attached before it.
        assert lines == [
            "! X-Frame-Options",
            "! Content-Security-Policy",
            "Content-Security-Policy: frame-ancestors *",
        ]
    assert not any(line.startswith("X-Frame-Options") for _, lines in rules[1:] for line in lines)


def test_without_detach_the_default_layout_would_block_embeds(cloudflare):
    """Why the file cannot simply add a rule for /embed/*: both policies would apply."""
    without = "\n".join(line for line in cloudflare.splitlines() if not line.strip().startswith("!"))
    headers = served(without, "/embed/kundenfit/", detach=False)
    assert headers["X-Frame-Options"] == ["DENY"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("embed_path", ["embed/{id}/", "embed/", "/embed/", "embed", "embed/*"])
@pytest.mark.parametrize("prefixes", [["", "en/"], ["", "en"], ["/", "/en/"], ["", "en/", "en/"]])
def test_path_spellings_give_the_same_file(cloudflare, embed_path, prefixes):
    assert headers_file([embed_path], prefixes) == cloudflare


def test_single_language_site():
    text = headers_file(["embed/{id}/"], [""])
    assert [pattern for pattern, _ in parse(text)] == ["/*", "/embed/*"]
    assert served(text, "/en/embed/kundenfit/") == DENY, "no subsite, no exception for /en/"


def test_file_starts_with_a_comment_and_ends_with_a_newline(cloudflare):
    assert cloudflare.startswith("# ") and cloudflare.endswith("\n") and not cloudflare.endswith("\n\n")


def test_portable_layout_has_no_overlapping_rules():
    deny = ["", "index.html", "404.html", "artikel/", "quiz/", "checkliste/", "impressum/", "datenschutz/"]
    text = headers_file(["embed/{id}/"], ["", "en/"], deny_paths=deny)
    rules = parse(text)
    assert "/*" not in [pattern for pattern, _ in rules]
    assert not any(line.startswith("!") for _, lines in rules for line in lines)
    for path in ["/", "/en/", "/quiz/kundenfit/", "/en/artikel/nein-als-segen/", "/404.html", "/en/404.html"]:
        assert served(text, path, detach=False) == DENY, path
    for path in EMBED_PAGES:
        assert served(text, path, detach=False) == ALLOW, path
    patterns = [pattern for pattern, _ in parse(text)]
    assert "/" in patterns and "/en/" in patterns and "/en/quiz/*" in patterns


@pytest.mark.parametrize("bad", ["*", "/*", "en/", "embed/", "em*"])
def test_portable_layout_refuses_a_deny_path_that_covers_embed_pages(bad):
    with pytest.raises(ValueError, match="embed"):
        headers_file(["embed/"], ["", "en/"], deny_paths=["quiz/", bad])


def test_no_embed_path_is_an_error():
    with pytest.raises(ValueError):
        headers_file([], [""])
