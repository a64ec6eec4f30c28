"""The completeness gate for the gettext catalogs in translations/, as plain functions.

Every check takes paths (the real ones by default) and returns one message per problem,
``<catalog path>: <what>: <msgid>``, so a test asserts ``== []`` and a failure names the file
and the text to fix. Each check can be pointed at a broken copy to prove it can fail.

Fixing what they report: run ``make messages`` (templates out of date, entries missing or
obsolete), then translate every empty ``msgstr``, and remove ``#, fuzzy`` once a
translation matches its German text again.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from pelican.plugins.kundenfit.languages.catalogs import PLUGIN_LOCALEDIR
from pelican.plugins.kundenfit.languages.translate import DOMAIN as RULES_DOMAIN
from pelican.plugins.kundenfit.languages.translate import missing_rule_translations
from pelican.plugins.kundenfit.rules import load_rulebook

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
RULES_DIR = ROOT / "content" / "rules"
UI_MAPPING = ROOT / "babel.cfg"
RULES_MAPPING = ROOT / "babel-rules.cfg"
PLUGIN_ROOT = ROOT / "plugins" / "kundenfit"
PLUGIN_MAPPING = PLUGIN_ROOT / "babel.cfg"

# %(name)s with optional flags, width, precision; %s-style positional; {name} / {name:spec}.
PERCENT_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[#0 +-]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa]")
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{(\w*)(?:[!:][^{}]*)?\}(?!\})")


def catalog_paths(*localedirs: Path) -> list[Path]:
    """Every translated catalog: ``<localedir>/<lang>/LC_MESSAGES/<domain>.po``.

    Without arguments: the site's catalogs and the plugin's own.
    """
    folders = localedirs or (TRANSLATIONS, PLUGIN_LOCALEDIR)
    return [po for folder in folders for po in sorted(Path(folder).glob("*/LC_MESSAGES/*.po"))]


def shown(path: Path) -> str:
    """How messages name a file: relative to the repository when it lies inside it."""
    path = Path(path)
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def read_catalog(path: Path) -> Catalog:
    """A .po (with the language its folder names) or a .pot."""
    path = Path(path)
    locale = path.parents[1].name if path.suffix == ".po" else None
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _messages(catalog: Catalog) -> list[Message]:
    return [message for message in catalog if message.id]


def _singular(message_id) -> str:
    return message_id[0] if isinstance(message_id, tuple | list) else message_id


def _strings(message: Message) -> list[str]:
    string = message.string
    return list(string) if isinstance(string, tuple | list) else [string or ""]


# --- Entries of one catalog ------------------------------------------------------------------


def untranslated_entries(path: Path) -> list[str]:
    """Entries with an empty msgstr (any empty plural form counts)."""
    return [
        f"{shown(path)}: untranslated: {_singular(m.id)!r}"
        for m in _messages(read_catalog(path))
        if not all(s.strip() for s in _strings(m))
    ]


def fuzzy_entries(path: Path) -> list[str]:
    """Entries flagged fuzzy: the German text changed since it was translated."""
    return [
        f"{shown(path)}: fuzzy (check the translation, then remove the flag): {_singular(m.id)!r}"
        for m in _messages(read_catalog(path))
        if m.fuzzy
    ]


def obsolete_entries(path: Path) -> list[str]:
    """Entries kept as ``#~`` after their German text disappeared."""
    return [
        f"{shown(path)}: obsolete (#~), delete it: {_singular(m.id)!r}"
        for m in read_catalog(path).obsolete.values()
    ]


def placeholders(text: str) -> list[str]:
    """The %-style and {}-style placeholders of `text`, sorted, each once."""
    text = text.replace("%%", "").replace("{{", "").replace("}}", "")
    found = {f"%({m[1]})" if m[1] else "%" for m in PERCENT_PLACEHOLDER.finditer(text)}
    found |= {f"{{{m[1]}}}" for m in BRACE_PLACEHOLDER.finditer(text)}
    return sorted(found)


def placeholder_mismatches(path: Path) -> list[str]:
    """Translations whose placeholders differ from their msgid's, plus Babel's own checks.

    Babel's ``python-format`` check catches unknown or mistyped ``%(name)s``; comparing both
    ways also catches a placeholder the translation dropped and ``{name}`` placeholders.
    Plural forms are compared with the singular (first form) or the plural msgid.
    """
    catalog = read_catalog(path)
    problems = []
    for message, errors in catalog.check():
        for error in errors:
            problems.append(f"{shown(path)}: {error}: {_singular(message.id)!r}")
    for message in _messages(catalog):
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        for index, string in enumerate(_strings(message)):
            if not string:
                continue  # reported as untranslated
            source = ids[min(index, len(ids) - 1)]
            expected, got = placeholders(source), placeholders(string)
            if expected != got:
                problems.append(
                    f"{shown(path)}: placeholders {got} in the translation, {expected} in the "
                    f"German text: {_singular(message.id)!r}"
                )
    return problems


def unsorted_entries(path: Path) -> list[str]:
    """Entries out of msgid order (`make messages` writes them sorted, so diffs stay small)."""
    messages = _messages(read_catalog(path))
    expected = sorted(messages)
    for position, (message, wanted) in enumerate(zip(messages, expected, strict=True)):
        if message.id != wanted.id:
            return [
                f"{shown(path)}: not sorted (run make messages): entry {position + 1} is "
                f"{_singular(message.id)!r}, expected {_singular(wanted.id)!r}"
            ]
    return []


# --- Templates and catalogs against the sources ----------------------------------------------


def _key(message_id, context=None) -> tuple:
    return (context or "", tuple(message_id) if isinstance(message_id, tuple | list) else message_id)


def _compare(pot_label: str, have: Iterable[tuple], want: Iterable[tuple], missing_what: str) -> list[str]:
    have, want = set(have), set(want)
    problems = [
        f"{pot_label}: {missing_what} (run make messages): {_singular(key[1])!r}"
        for key in sorted(want - have, key=repr)
    ]
    problems += [
        f"{pot_label}: no longer in the sources (run make messages): {_singular(key[1])!r}"
        for key in sorted(have - want, key=repr)
    ]
    return problems


def extract_template(dirname: Path, mapping: Path, keywords=DEFAULT_KEYWORDS) -> Catalog:
    """What `make messages` would write as the template: `dirname` extracted per `mapping`."""
    with Path(mapping).open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(mapping))
    catalog = Catalog()
    for filename, line, message, comments, context in extract_from_dir(
        str(dirname), method_map, options_map, keywords=keywords
    ):
        catalog.add(message, None, [(filename, line)], auto_comments=comments, context=context)
    return catalog


def _extracted(dirname: Path, mapping: Path, keywords) -> set[tuple]:
    return {_key(m.id, m.context) for m in _messages(extract_template(dirname, mapping, keywords))}


def _template_keys(pot: Path) -> set[tuple]:
    return {_key(m.id, m.context) for m in _messages(read_catalog(pot))}


def stale_rules_template(
    pot: Path = TRANSLATIONS / "rules.pot",
    rules_dir: Path = RULES_DIR,
    mapping: Path = RULES_MAPPING,
) -> list[str]:
    """Rule texts missing from (or left over in) rules.pot, by extracting them again."""
    return _compare(shown(pot), _template_keys(pot), _extracted(rules_dir, mapping, {}), "missing")


def stale_messages_template(
    pot: Path = TRANSLATIONS / "messages.pot",
    root: Path = ROOT,
    mapping: Path = UI_MAPPING,
) -> list[str]:
    """Template strings missing from (or left over in) messages.pot, by extracting them again."""
    return _compare(shown(pot), _template_keys(pot), _extracted(root, mapping, DEFAULT_KEYWORDS), "missing")


def stale_plugin_template(
    pot: Path = PLUGIN_LOCALEDIR / "kundenfit.pot",
    root: Path = PLUGIN_ROOT,
    mapping: Path = PLUGIN_MAPPING,
) -> list[str]:
    """The plugin's template strings missing from (or left over in) its own kundenfit.pot."""
    return _compare(shown(pot), _template_keys(pot), _extracted(root, mapping, DEFAULT_KEYWORDS), "missing")


def catalog_out_of_step(po: Path, pot: Path) -> list[str]:
    """Entries of the template that the catalog lacks, or the catalog has beyond it."""
    return _compare(
        shown(po), _template_keys(po), _template_keys(pot), f"missing from the catalog, in {shown(pot)}"
    )


def untranslated_rule_texts(po: Path, rules_dir: Path = RULES_DIR) -> list[str]:
    """Visible texts of the real rule book the catalog cannot translate (as the build sees it)."""
    with Path(po).open("rb") as handle:
        catalog = read_po(handle)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    translations = gettext.GNUTranslations(buffer)
    book = load_rulebook(rules_dir)
    return [
        f"{shown(po)}: no translation for rule text: {text!r}"
        for text in missing_rule_translations(book, translations)
    ]


def template_for(po: Path) -> Path:
    """The template a catalog is updated from: ``<localedir>/<domain>.pot``."""
    return Path(po).parents[2] / f"{Path(po).stem}.pot"


def rule_catalogs(localedir: Path = TRANSLATIONS) -> list[Path]:
    return [po for po in catalog_paths(localedir) if po.stem == RULES_DOMAIN]
