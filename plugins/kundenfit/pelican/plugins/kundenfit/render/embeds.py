"""Check and fill the quizzes and checklists that content names, from the parsed content.

The Markdown directive leaves placeholders that carry kind, id and source line (`markdown`);
`Quiz:`/`Checklist:` metadata name views to link under an article. Every id is checked against
the rule book for every piece of content (published, hidden, draft, translation), and each
problem names the file and line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import DirectiveError
from ..quiz.model import RuleBook

# The placeholder element markdown.DirectiveProcessor writes (Python-Markdown sorts attributes).
PLACEHOLDER = re.compile(
    r'<div class="kf-embed"'
    r'(?: data-kf-embed="(?P<kind>quiz|checklist) (?P<id>[^"]*)")?'
    r' data-kf-line="(?P<line>\d+)"'
    r'(?: data-kf-problem="(?P<problem>[^"]*)")?'
    r"></div>"
)
# How every placeholder starts: a page without it needs no closer look.
PLACEHOLDER_START = '<div class="kf-embed"'
# A directive written in a reST file is shown as text there; reST has no such directive.
_TEXT_DIRECTIVE = re.compile(r"\{%\s*(?:quiz|checklist)\b")
KINDS = {"quiz": "Quiz", "checklist": "Checkliste"}
# Markers around each filled view (with its kind and id) and around the runtime's tags, so a
# feed can show a link instead (`feed_version`).
END = "<!--/kf-view-->"
_VIEW = re.compile(r"<!--kf-view(?: (?P<kind>quiz|checklist) (?P<id>[^ >]*))?-->.*?" + re.escape(END), re.S)


def _start(kind: str = "", view_id: str = "") -> str:
    return f"<!--kf-view {kind} {view_id}-->" if kind else "<!--kf-view-->"


def check_content(content, rulebook: RuleBook) -> list[DirectiveError]:
    """Every problem with the directives and `Quiz:`/`Checklist:` metadata of one content."""
    path = content.source_path or "?"
    known = {"quiz": rulebook.quizzes, "checklist": rulebook.checklists}
    problems = []
    body = content._content or ""
    if path.endswith((".rst", ".txt")) and _TEXT_DIRECTIVE.search(body):
        problems.append(
            DirectiveError(
                path,
                _line_in_file(path, "{%") or 1,
                "Quiz und Checklisten lassen sich nur in Markdown-Dateien (.md) einbetten. Schreib "
                "den Artikel in Markdown oder nenne die Id in den Metadaten (:quiz: <id>).",
            )
        )
    seen: dict[tuple[str, str], int] = {}
    for match in PLACEHOLDER.finditer(body):
        line = int(match["line"])
        if match["problem"]:
            problems.append(DirectiveError(path, line, html.unescape(match["problem"])))
        elif html.unescape(match["id"]) not in known[match["kind"]]:
            problems.append(_unknown(path, line, match["kind"], html.unescape(match["id"]), known))
        elif (match["kind"], match["id"]) in seen:
            # Its questions and boxes have ids of their own: a second copy would answer the first.
            first = seen[(match["kind"], match["id"])]
            problems.append(
                DirectiveError(
                    path,
                    line,
                    f"{KINDS[match['kind']]} '{html.unescape(match['id'])}' steht schon in Zeile {first} "
                    "dieser Seite; jedes Quiz und jede Checkliste kann nur einmal auf einer Seite stehen – "
                    "nimm diese Zeile heraus.",
                )
            )
        else:
            seen[(match["kind"], match["id"])] = line
    for kind in KINDS:
        for view_id in metadata_ids(content, kind):
            if view_id not in known[kind]:
                problems.append(_unknown(path, _line_in_file(path, kind) or 1, kind, view_id, known))
    return problems


def _line_in_file(path: str, needle: str) -> int | None:
    """The first line of the file that holds `needle` (a metadata key or `{%`), for messages."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^\s*:?{re.escape(needle)}\b" if needle.isalpha() else re.escape(needle), re.I)
    return next((number for number, line in enumerate(lines, start=1) if pattern.search(line)), None)


def _unknown(path, line, kind, view_id, known) -> DirectiveError:
    choices = ", ".join(sorted(known[kind])) or "(keine)"
    return DirectiveError(
        path,
        line,
        f"{KINDS[kind]} '{view_id}' gibt es in den Regeldateien nicht. "
        f"Vorhandene Ids: {choices}. Korrigiere die Id oder lege sie in content/rules/ an.",
    )


def wrap_with_runtime(html_text: str, css_url: str, js_url: str) -> str:
    """Load the runtime's style and script around content that embeds a view (once per page).

    The views themselves are filled in only when the page is written (`fill_views`): content
    objects and Pelican's memo of their HTML keep the small placeholders, not every view's markup.
    """
    if not PLACEHOLDER.search(html_text):
        return html_text
    return (
        f'{_start()}<link rel="stylesheet" href="{css_url}">{END}\n{html_text}\n'
        f'{_start()}<script src="{js_url}" defer></script>{END}'
    )


def fill_views(html_text: str, render: Callable[[str, str], str]) -> str:
    """Replace each placeholder with the rendered view between its markers."""

    def view(match) -> str:
        if not match["kind"]:
            return ""  # a problem, reported by check_content before anything is written
        view_id = html.unescape(match["id"])
        return f"{_start(match['kind'], match['id'])}{render(match['kind'], view_id)}{END}"

    return PLACEHOLDER.sub(view, html_text)


def feed_version(html_text: str, links: dict[tuple[str, str], tuple[str, str]]) -> str:
    """The content as a feed shows it: each view becomes a short link, the runtime's tags go.

    `links` maps (kind, id) to (title, url).
    """

    def link(match) -> str:
        if not match["kind"]:
            return ""
        title, url = links.get((match["kind"], html.unescape(match["id"])), (None, None))
        if url is None:
            return ""
        return f'<p><a href="{html.escape(url)}">{html.escape(title)}</a></p>'

    if html_text.startswith(_start()):  # content this language's run prepared (wrap_with_runtime)
        html_text = fill_views(html_text, lambda kind, view_id: "")
    return _VIEW.sub(link, html_text)


def view_ids(html_text: str) -> list[tuple[str, str]]:
    """(kind, id) of each placeholder, in order."""
    return [(m["kind"], html.unescape(m["id"])) for m in PLACEHOLDER.finditer(html_text) if m["kind"]]


def metadata_ids(content, key: str) -> Iterable[str]:
    """The ids an article names in its `Quiz:` or `Checklist:` metadata (comma-separated)."""
    value = content.metadata.get(key)
    if not value:
        return []
    values = value if isinstance(value, list) else [value]
    return [v.strip() for item in values for v in str(item).split(",") if v.strip()]
