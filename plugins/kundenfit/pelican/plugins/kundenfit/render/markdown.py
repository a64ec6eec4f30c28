"""The Markdown directive `{% quiz id %}` / `{% checklist id %}`: a Python-Markdown block processor.

A directive is a block of its own (blank lines around it). Being a block processor, it is never
seen inside code blocks or inline code. It leaves a placeholder element that records kind, id
and source line; the plugin fills it once the rule files are loaded and reports unknown ids or
misspelled directives with the article's file and that line.

Python-Markdown does not number blocks, so a preprocessor notes the line of every
directive-looking line outside code first (a `>` quote marker taken off; fenced code, and
indented code outside a list, left out), and the block processor takes those lines in order as
it meets the directives. A noted directive the block processor never meets (inside raw HTML,
or run on from a paragraph) would be published as text; it becomes a problem with its line.
"""

from __future__ import annotations

import difflib
import re
from xml.etree import ElementTree

from markdown import Extension
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

KINDS = ("quiz", "checklist")
# A whole block: `{% <name> <arguments> %}`.
DIRECTIVE = re.compile(r"^\{%\s*(?P<name>[^\s%]*)(?P<args>[^%]*?)\s*%\}$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_QUOTE = re.compile(r"^(?:\s{0,3}>\s?)+")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[*+-]|\d+[.)])\s")
_INDENTED = re.compile(r"^(?: {4}|\t)")


class _LineNotes(Preprocessor):
    """Note the line number of each directive-looking line (outside fenced code), in order."""

    def __init__(self, md, notes: list):
        super().__init__(md)
        self.notes = notes

    def run(self, lines):
        self.notes.clear()
        if not any("{%" in line for line in lines):  # most texts: nothing to note
            return lines
        fence, in_list, after_blank = None, False, True
        for number, line in enumerate(lines, start=1):
            text = _QUOTE.sub("", line)
            marker = _FENCE.match(text)
            if marker and (fence is None or marker.group(1) == fence):
                fence = None if fence else marker.group(1)
            elif fence is None:
                if _LIST_ITEM.match(text):
                    in_list = True
                elif text.strip() and not _INDENTED.match(text) and after_blank:
                    in_list = False  # a paragraph after a blank line ends the list
                code = bool(_INDENTED.match(text)) and after_blank and not in_list
                if not code and DIRECTIVE.match(text.strip()):
                    self.notes.append((number, text.strip()))
            after_blank = not text.strip() or (after_blank and bool(_INDENTED.match(text)) and not in_list)
        return lines


class DirectiveProcessor(BlockProcessor):
    """Turn a `{% quiz id %}` block into a placeholder `<div class="kf-embed">`."""

    def __init__(self, parser, notes: list):
        super().__init__(parser)
        self.notes = notes

    def test(self, parent, block) -> bool:
        return bool(DIRECTIVE.match(block.strip()))

    def run(self, parent, blocks) -> None:
        text = blocks.pop(0).strip()
        match = DIRECTIVE.match(text)
        element = ElementTree.SubElement(parent, "div")
        element.set("class", "kf-embed")
        element.set("data-kf-line", str(self._line_of(text)))
        problem = directive_problem(match.group("name"), match.group("args").split())
        if problem:
            element.set("data-kf-problem", problem)
        else:
            element.set("data-kf-embed", f"{match.group('name')} {match.group('args').strip()}")

    def _line_of(self, text: str) -> int:
        """The line of the next noted directive with this text (0 when unknown); the ones
        passed over were not met as blocks and stay in the notes as missed."""
        for index, (number, noted) in enumerate(self.notes):
            if noted == text:
                del self.notes[index]
                return number
        return 0


class _MissedDirectives(Treeprocessor):
    """Report each noted directive the block processor never met: Markdown published it as text."""

    def __init__(self, md, notes: list):
        super().__init__(md)
        self.notes = notes

    def run(self, root):
        for number, _text in self.notes:
            element = ElementTree.SubElement(root, "div")
            element.set("class", "kf-embed")
            element.set("data-kf-line", str(number))
            element.set("data-kf-problem", MISSED)
        self.notes.clear()


MISSED = (
    "Diese Anweisung wird nicht ausgeführt, weil sie in einem HTML-Block steht oder direkt an "
    "Text anschließt – setz sie in eine eigene Zeile mit einer Leerzeile davor und danach, "
    "außerhalb von HTML-Tags."
)


def directive_problem(name: str, args: list[str]) -> str | None:
    """What is wrong with a directive, in words a coach understands (None: nothing)."""
    if name not in KINDS:
        close = difflib.get_close_matches(name, KINDS, n=1)
        hint = f" – meintest du '{{% {close[0]} … %}}'?" if close else ""
        return (
            f"Unbekannte Anweisung '{{% {name} %}}'{hint} Erlaubt sind {{% quiz <id> %}} und "
            "{% checklist <id> %}."
        )
    if len(args) != 1:
        got = "keine Id" if not args else f"{len(args)} Angaben ({' '.join(args)})"
        example = f"{{% {name} kundenfit %}}"
        return f"'{{% {name} … %}}' braucht genau eine Id, gefunden: {got}. Beispiel: {example}."
    return None


class KundenfitMarkdownExtension(Extension):
    """Register the line notes and the block processor (ahead of paragraphs, after code)."""

    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        notes: list = []
        # After whitespace normalising (30), before `meta` (27): numbers count the metadata lines too.
        md.preprocessors.register(_LineNotes(md, notes), "kundenfit_lines", 29)
        # Below code blocks (80) and above paragraphs (10), as admonition does (105 is too high).
        md.parser.blockprocessors.register(DirectiveProcessor(md.parser, notes), "kundenfit_directive", 75)
        # First of the tree processors: the block parser has met every directive it will meet.
        md.treeprocessors.register(_MissedDirectives(md, notes), "kundenfit_missed", 100)
