"""Read one rule file as plain data with line numbers, refusing anything unsafe.

The coach edits these files by hand, so every value keeps the line it was written on, and
YAML's surprising corners are closed off:

* Only plain data: text, whole numbers, true/false, empty, lists and mappings. Any other tag
  (``!!python/object``, ``!!binary``, ``!eigenes``) is a problem, and nothing is ever
  constructed from a tag.
* Anchors and aliases (``&name`` / ``*name``) are refused while composing, before anything is
  expanded, which also rules out "billion laughs" files.
* Plain words stay words: YAML 1.1 would read ``Nein``, ``ja`` or ``on`` as booleans and
  ``1.5`` as a float; here only decimal integers (up to `MAX_INT_DIGITS` digits),
  ``true``/``false`` and ``null``/``~``/empty are resolved, everything else is text.
* A key written twice in one mapping is a problem (YAML would silently keep the last one).
* Bounded work: files over `MAX_FILE_BYTES` are refused before parsing, nesting deeper than
  `MAX_DEPTH` is refused while composing (before Python's recursion limit), and control
  characters YAML forbids are named with their line before the parser trips over them.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from ..errors import RuleProblem
from .limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_INT_DIGITS

_TAG_PREFIX = "tag:yaml.org,2002:"
STR_TAG = _TAG_PREFIX + "str"
INT_TAG = _TAG_PREFIX + "int"
BOOL_TAG = _TAG_PREFIX + "bool"
NULL_TAG = _TAG_PREFIX + "null"
SEQ_TAG = _TAG_PREFIX + "seq"
MAP_TAG = _TAG_PREFIX + "map"

# Longest excerpt of an offending line quoted in a syntax message.
_EXCERPT_CHARS = 60


class YamlMap(dict):
    """Hold a YAML mapping with text keys, remembering its own line and each key's line."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        """Return the line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class YamlList(list):
    """Hold a YAML sequence, remembering its own line and each item's line."""

    def __init__(self, line: int):
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        """Return the line of the item at `index`."""
        return self.item_lines[index]


Value = YamlMap | YamlList | str | int | bool | None


class _RejectedConstruct(Exception):
    """Stop composing at an anchor, an alias or too deep a nesting, which this format refuses."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message, self.line = message, line


class _Resolver(BaseResolver):
    """Resolve plain scalars to int, bool and null only; everything else stays text."""


_Resolver.add_implicit_resolver(BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
# Longer numbers stay text: no score needs them, and the shape checks then say "a number".
_Resolver.add_implicit_resolver(
    INT_TAG, re.compile(rf"^[-+]?[0-9]{{1,{MAX_INT_DIGITS}}}$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(NULL_TAG, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _Composer(Composer):
    """Compose nodes, refusing anchors and aliases before they can be expanded, and nesting
    deeper than `MAX_DEPTH` before it can exhaust Python's recursion limit."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: object) -> Node:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if self._depth >= MAX_DEPTH:
            raise _RejectedConstruct(
                f"Hier ist die Datei tiefer als {MAX_DEPTH} Ebenen verschachtelt; Regeldateien "
                "brauchen höchstens 7 – prüfe Einrückung und Klammern ([ ] und { }).",
                line,
            )
        self._depth += 1
        try:
            return self._compose_checked(parent, index, event, line)
        finally:
            self._depth -= 1

    def _compose_checked(self, parent: Node | None, index: object, event, line: int) -> Node:
        if isinstance(event, AliasEvent):
            raise _RejectedConstruct(
                f"Verweise mit '*{event.anchor}' sind in Regeldateien nicht erlaubt – "
                "schreib den Inhalt an dieser Stelle aus.",
                line,
            )
        if getattr(event, "anchor", None) is not None:
            raise _RejectedConstruct(
                f"Anker mit '&{event.anchor}' sind in Regeldateien nicht erlaubt – "
                "entferne den Anker und schreib wiederholte Inhalte aus.",
                line,
            )
        return super().compose_node(parent, index)


class _NodeLoader(Reader, Scanner, Parser, _Composer, _Resolver):
    """Turn text into a YAML node tree; never constructs Python objects (pure Python)."""

    def __init__(self, stream: str):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Composer.__init__(self)
        _Resolver.__init__(self)


if getattr(yaml, "__with_libyaml__", False):
    from yaml._yaml import CParser

    class _FastNodeLoader(_Composer, CParser, _Resolver):
        """The same node tree with libyaml's C scanner and parser (many times faster).

        Only the events come from C; composing stays `_Composer`, so anchors and aliases are
        refused the same way. On a syntax error the pure-Python loader reads the text again,
        so messages and line numbers are the same with or without libyaml.
        """

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            _Composer.__init__(self)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml
    _FastNodeLoader = None


# (text in PyYAML's problem, hint for the coach), first match wins.
_SYNTAX_HINTS = (
    (
        "mapping values are not allowed",
        "Ein Doppelpunkt mitten im Text verwirrt YAML. Setze den ganzen Text in "
        'Anführungszeichen, z. B. title: "Vor dem Auftrag: Erwartungen klären".',
    ),
    (
        "could not find expected ':'",
        "Nach dem Schlüssel fehlt ein Doppelpunkt, oder die Zeile ist falsch eingerückt.",
    ),
    (
        "expected <block end>",
        "Die Einrückung passt nicht: Einträge auf derselben Ebene müssen genau gleich weit "
        "eingerückt sein, und ein Listeneintrag beginnt mit '- '.",
    ),
    (
        "did not find expected",
        "Die Einrückung passt nicht: Einträge auf derselben Ebene müssen genau gleich weit "
        "eingerückt sein, und ein Listeneintrag beginnt mit '- '.",
    ),
    (
        "end of stream",
        "Ein Anführungszeichen oder eine Klammer wird nicht wieder geschlossen.",
    ),
    (
        "expected ',' or",
        "Eine Liste in eckigen Klammern wird nicht geschlossen oder enthält einen "
        "Doppelpunkt – setze solche Einträge in Anführungszeichen.",
    ),
    (
        "another document",
        "Die Datei enthält mehrere Dokumente (getrennt durch ---). Lösche die Trennlinie.",
    ),
)
_TAB_HINT = "Hier steht ein Tabulator. Rücke in YAML nur mit Leerzeichen ein."
_DEFAULT_HINT = "Prüfe Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile."


def load_yaml(path: Path, display_path: str) -> tuple[Value, list[RuleProblem]]:
    """Read `path` into YamlMap/YamlList/scalars and the problems found on the way.

    `display_path` is how messages name the file. A file that cannot be read or parsed gives
    `None` and at least one problem; an empty file gives `None` and no problem. The file is
    opened without blocking and must be a regular file of at most `MAX_FILE_BYTES`, so
    neither a named pipe nor a huge file can hold up the build.
    """
    try:
        raw = _read_bounded(path)
    except OSError as error:
        message = f"Die Datei lässt sich nicht lesen ({error.strerror}) – prüfe Pfad und Rechte."
        return None, [RuleProblem(display_path, 1, message)]
    except _TooLarge as error:
        message = (
            f"Die Datei ist {_file_size(error.size)} groß; eine Regeldatei darf höchstens "
            f"{_file_size(MAX_FILE_BYTES)} groß sein – prüfe, ob versehentlich etwas anderes "
            "hineinkopiert wurde, oder verteile die Regeln auf mehrere Dateien."
        )
        return None, [RuleProblem(display_path, 1, message)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = "Die Datei ist nicht in UTF-8 gespeichert – speichere sie im Editor als UTF-8."
        return None, [RuleProblem(display_path, line, message)]
    return parse_yaml(text, display_path)


class _TooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def _read_bounded(path: Path) -> bytes:
    """Return the bytes of a regular file of at most MAX_FILE_BYTES, never blocking."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "keine gewöhnliche Datei")
        if status.st_size > MAX_FILE_BYTES:
            raise _TooLarge(status.st_size)
        raw = stream.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:  # grew while being read
        raise _TooLarge(len(raw))
    return raw


def _file_size(size: int) -> str:
    """Write a file size the way a coach reads it: "250 KB", "10,1 MB"."""
    if size < 1_000_000:
        return f"{-(-size // 1000)} KB"  # rounded up: just over the limit never reads as the limit
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


# What YAML refuses to read (PyYAML's Reader.NON_PRINTABLE): control characters except tab
# and line breaks, and the non-characters U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CHARACTER_NAMES = {
    0x00: "Nullzeichen",
    0x08: "Rückschritt",
    0x0B: "vertikaler Tabulator",
    0x0C: "Seitenumbruch",
    0x1B: "Escape",
    0x7F: "Löschzeichen",
}


def _control_character(text: str, display_path: str) -> RuleProblem | None:
    """Name the first character YAML refuses, with its line and column, or return None."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    position = found.start()
    line_start = text.rfind("\n", 0, position) + 1
    code = ord(found.group())
    name = _CHARACTER_NAMES.get(code, "Steuerzeichen")
    return RuleProblem(
        display_path,
        text.count("\n", 0, position) + 1,
        f"Unsichtbares Zeichen U+{code:04X} ({name}) in Spalte {position - line_start + 1} – "
        "YAML erlaubt es nicht. Lösche es (es kommt oft beim Kopieren aus PDF oder Word mit) "
        "und speichere die Datei neu.",
    )


def parse_yaml(text: str, display_path: str) -> tuple[Value, list[RuleProblem]]:
    """Parse YAML `text` into line-aware plain data, collecting problems instead of raising."""
    refused = _control_character(text, display_path)
    if refused is not None:
        return None, [refused]
    if _FastNodeLoader is not None:
        fast = _FastNodeLoader(text)
        try:
            node = fast.get_single_node()
        except (yaml.YAMLError, _RejectedConstruct):
            pass  # read again below, for the pure-Python loader's exact message and line
        else:
            if node is None:
                return None, []
            problems: list[RuleProblem] = []
            value = _convert(node, display_path, problems)
            if not problems:
                return value, problems
            # A problem quotes the source (refused tags): the Python loader keeps it.
        finally:
            fast.dispose()
    try:
        loader = _NodeLoader(text)
    except yaml.YAMLError as error:  # pragma: no cover - _control_character catches these first
        return None, [RuleProblem(display_path, 1, f"YAML kann die Datei nicht lesen: {error}")]
    try:
        node = loader.get_single_node()
    except _RejectedConstruct as error:
        return None, [RuleProblem(display_path, error.line, error.message)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text, display_path)]
    except yaml.YAMLError as error:  # pragma: no cover - reader errors are caught above
        return None, [RuleProblem(display_path, 1, f"YAML kann die Datei nicht lesen: {error}")]
    finally:
        loader.dispose()
    if node is None:
        return None, []
    problems = []
    return _convert(node, display_path, problems), problems


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, display_path: str) -> RuleProblem:
    """Explain a YAML syntax error in plain words, quoting the offending line."""
    problem = error.problem or ""
    mark = error.problem_mark or error.context_mark
    # An unclosed quote is noticed at the end of the file; its start is where to look.
    if "end of stream" in problem and error.context_mark is not None:
        mark = error.context_mark
    index = mark.line if mark is not None else 0
    lines = text.splitlines()
    source_line = lines[index] if index < len(lines) else ""
    if "\t" in source_line or "'\\t'" in problem:
        hint = _TAB_HINT
    else:
        hint = next((h for key, h in _SYNTAX_HINTS if key in problem), _DEFAULT_HINT)
    excerpt = source_line.replace("\t", "→").strip()
    if len(excerpt) > _EXCERPT_CHARS:
        excerpt = excerpt[: _EXCERPT_CHARS - 1] + "…"
    message = f"YAML kann diese Zeile nicht lesen: {hint}"
    if excerpt:
        message += f" Zeile: „{excerpt}“"
    return RuleProblem(display_path, index + 1, message)


def _convert(node: Node, path: str, problems: list[RuleProblem]) -> Value:
    """Turn a composed node into plain data, reporting disallowed tags and duplicate keys.

    A value with a disallowed tag is reported and passed on as its text, never constructed.
    """
    line = node.start_mark.line + 1
    collection_tag = {MappingNode: MAP_TAG, SequenceNode: SEQ_TAG}.get(type(node))
    if collection_tag is not None and node.tag != collection_tag:
        problems.append(_tag_problem(node, path))
        return _source_text(node)
    if isinstance(node, MappingNode):
        mapping = YamlMap(line)
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                problems.append(
                    RuleProblem(
                        path,
                        key_line,
                        "Ein Schlüssel muss ein einfaches Wort sein (z. B. 'id:'), "
                        "keine Liste oder Zuordnung.",
                    )
                )
                continue
            key = key_node.value
            if key in mapping.key_lines:
                problems.append(
                    RuleProblem(
                        path,
                        key_line,
                        f"Der Schlüssel '{key}' steht hier zum zweiten Mal (zuerst in Zeile "
                        f"{mapping.key_lines[key]}) – lösche einen der beiden.",
                    )
                )
                continue
            mapping.key_lines[key] = key_line
            mapping[key] = _convert(value_node, path, problems)
        return mapping
    if isinstance(node, SequenceNode):
        sequence = YamlList(line)
        for item in node.value:
            sequence.item_lines.append(item.start_mark.line + 1)
            sequence.append(_convert(item, path, problems))
        return sequence
    return _scalar(node, path, problems)


def _scalar(node: Node, path: str, problems: list[RuleProblem]) -> Value:
    """Return the value of a scalar node whose tag is one of the plain data tags."""
    line = node.start_mark.line + 1
    if node.tag == STR_TAG:
        return node.value
    if node.tag == NULL_TAG:
        return None
    if node.tag == BOOL_TAG and node.value.lower() in ("true", "false"):
        return node.value.lower() == "true"
    if node.tag == INT_TAG:
        try:
            return int(node.value)
        except ValueError:
            pass
    if node.tag in (BOOL_TAG, INT_TAG):
        problems.append(
            RuleProblem(
                path,
                line,
                f"'{node.value}' passt nicht zum Tag '{_short_tag(node.tag)}' – "
                "lass den Tag weg und schreib den Wert einfach hin.",
            )
        )
        return node.value
    problems.append(_tag_problem(node, path))
    return node.value


def _source_text(node: Node) -> str:
    """Return what a refused collection looks like in the file, without its tag.

    A refused value is reported once; passing it on as text keeps the shape checks from
    adding a second, confusing complaint about the same spot.
    """
    start, end = node.start_mark, node.end_mark
    text = start.buffer[start.pointer : end.pointer] if start.buffer else ""
    return re.sub(r"^!\S*\s*", "", text).strip()


def _tag_problem(node: Node, path: str) -> RuleProblem:
    """Describe a tag that plain rule data never needs (and that may be unsafe)."""
    return RuleProblem(
        path,
        node.start_mark.line + 1,
        f"Der Tag '{_short_tag(node.tag)}' ist nicht erlaubt – Regeldateien enthalten nur "
        "Text, Zahlen, Listen und Zuordnungen. Entferne den Tag.",
    )


def _short_tag(tag: str) -> str:
    """Write a tag the way it appears in the file (``!!python/object`` rather than a URI)."""
    return "!!" + tag[len(_TAG_PREFIX) :] if tag.startswith(_TAG_PREFIX) else tag
