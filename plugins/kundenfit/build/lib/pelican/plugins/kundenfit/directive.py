"""The Markdown directive `{% quiz id %}` / `{% checklist id %}` that embeds a view in an article.

Markdown only leaves a placeholder; the plugin fills it once the rule files are loaded, so an
article can be read before the rules are, and an unknown id is reported with file and line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markdown import Extension
from markdown.preprocessors import Preprocessor

DIRECTIVE = re.compile(r"^\s*\{%\s*(quiz|checklist)\s+([^\s%]+)\s*%\}\s*$")
PLACEHOLDER = re.compile(r'<div class="kf-embed" data-kf-embed="(quiz|checklist) ([^"]*)"></div>')


@dataclass(frozen=True)
class Directive:
    kind: str
    id: str
    line: int


def find_directives(source: str) -> list[Directive]:
    """List the directives of a Markdown source with their 1-based line numbers."""
    return [
        Directive(m.group(1), m.group(2), number)
        for number, line in enumerate(source.splitlines(), start=1)
        if (m := DIRECTIVE.match(line))
    ]


def placeholder(kind: str, view_id: str) -> str:
    return f'<div class="kf-embed" data-kf-embed="{kind} {html.escape(view_id, quote=True)}"></div>'


class _DirectivePreprocessor(Preprocessor):
    def run(self, lines):
        out = []
        for line in lines:
            match = DIRECTIVE.match(line)
            if match:
                stashed = self.md.htmlStash.store(placeholder(match.group(1), match.group(2)))
                out.extend(["", stashed, ""])
            else:
                out.append(line)
        return out


class KundenfitDirectiveExtension(Extension):
    """Register the directive preprocessor (after `meta`, before paragraphs are built)."""

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(_DirectivePreprocessor(md), "kundenfit_directive", 20)
