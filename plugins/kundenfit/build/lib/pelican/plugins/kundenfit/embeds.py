"""Fill the directive placeholders in articles and pages, and check every id they name.

Runs after all content is read: an unknown quiz or checklist id is reported with the article
file and the line of the directive (or of its `Quiz:`/`Checklist:` metadata line).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .directive import PLACEHOLDER, find_directives
from .errors import DirectiveError
from .model import RuleBook

_META_LINE = re.compile(r"^(quiz|checklist)\s*:\s*(.*)$", re.IGNORECASE)
KINDS = {"quiz": "Quiz", "checklist": "Checkliste"}


def check_references(source_path: str, rulebook: RuleBook) -> list[DirectiveError]:
    """Name every directive or metadata line whose id the rule files do not define."""
    text = Path(source_path).read_text(encoding="utf-8")
    problems = []
    known = {"quiz": rulebook.quizzes, "checklist": rulebook.checklists}
    for directive in find_directives(text):
        if directive.id not in known[directive.kind]:
            problems.append(_unknown(source_path, directive.line, directive.kind, directive.id, known))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break  # metadata ends at the first blank line
        match = _META_LINE.match(line)
        if match:
            kind = match.group(1).lower()
            for view_id in (v.strip() for v in match.group(2).split(",")):
                if view_id and view_id not in known[kind]:
                    problems.append(_unknown(source_path, number, kind, view_id, known))
    return problems


def _unknown(path, line, kind, view_id, known) -> DirectiveError:
    choices = ", ".join(sorted(known[kind])) or "(keine)"
    return DirectiveError(
        path,
        line,
        f"{KINDS[kind]} '{view_id}' gibt es in den Regeldateien nicht. "
        f"Vorhandene Ids: {choices}. Korrigiere die Id oder lege sie in content/rules/ an.",
    )


def fill_placeholders(html: str, render: Callable[[str, str], str], css_url: str, js_url: str) -> str:
    """Replace each placeholder with the rendered view, and load the runtime once if any."""
    filled, count = PLACEHOLDER.subn(lambda m: render(m.group(1), m.group(2)), html)
    if not count:
        return html
    return f'<link rel="stylesheet" href="{css_url}">\n{filled}\n<script src="{js_url}" defer></script>'


def metadata_ids(content, key: str) -> Iterable[str]:
    """The ids an article names in its `Quiz:` or `Checklist:` metadata (comma-separated)."""
    value = content.metadata.get(key)
    if not value:
        return []
    values = value if isinstance(value, list) else [value]
    return [v.strip() for item in values for v in str(item).split(",") if v.strip()]
