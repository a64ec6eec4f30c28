"""Read gettext catalogs: a site's (rules, UI) and the plugin's own UI catalog (package data).

The .po files are the source of truth; a compiled .mo is used while it is at least as new as
its .po, otherwise the .po is compiled in memory, so a site without a compile step (or a
plugin installed from source) still shows its translations. Every .po is read strictly
(catalog_check.py): `problems` lists its mistakes at the start of a build, and a catalog with
mistakes is never used.
"""

from __future__ import annotations

import functools
import gettext
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from .catalog_check import CatalogErrors, CatalogProblem, read_checked

PLUGIN_LOCALEDIR = Path(__file__).parents[1] / "locale"
PLUGIN_DOMAIN = "kundenfit"
# Domains whose texts no template %-formats (rule texts): their `%` needs no doubling.
PLAIN_DOMAINS = {"rules"}


def read_catalog(po_path: Path) -> tuple[Catalog, list[CatalogProblem]]:
    """A site's or the plugin's .po, with the language its folder names, and its problems."""
    po_path = Path(po_path)
    return read_checked(po_path, po_path.parents[1].name, formatted=po_path.stem not in PLAIN_DOMAINS)


def problems(*localedirs: Path | None) -> list[CatalogProblem]:
    """Every problem in every `<localedir>/<lang>/LC_MESSAGES/<domain>.po`, file by file."""
    found = []
    for localedir in localedirs:
        if localedir is not None and Path(localedir).is_dir():
            for po_path in sorted(Path(localedir).glob("*/LC_MESSAGES/*.po")):
                found += read_catalog(po_path)[1]
    return found


def translations(localedir: Path, lang: str, domain: str) -> gettext.NullTranslations:
    """The `domain` catalog of `lang` (or its base language) under `localedir`, else none.

    Fuzzy entries count as untranslated, as in a compiled catalog.
    """
    for code in dict.fromkeys([lang, lang.split("_")[0]]):
        folder = Path(localedir) / code / "LC_MESSAGES"
        po_path, mo_path = folder / f"{domain}.po", folder / f"{domain}.mo"
        if mo_path.is_file() and (not po_path.is_file() or _newer_or_same(mo_path, po_path)):
            with mo_path.open("rb") as handle:
                return gettext.GNUTranslations(handle)
        if po_path.is_file():
            stat = po_path.stat()
            return gettext.GNUTranslations(BytesIO(_compiled(str(po_path), stat.st_mtime_ns, stat.st_size)))
    return gettext.NullTranslations()


@functools.lru_cache(maxsize=32)
def _compiled(po_path: str, _mtime_ns: int, _size: int) -> bytes:
    """The .po compiled in memory, once per version of the file: both language runs and the
    theme ask for the same catalogs, and reading one strictly takes a page's worth of time.
    A catalog with mistakes raises, and is read again next time."""
    catalog, found = read_catalog(Path(po_path))
    if found:
        raise CatalogErrors(found)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def plugin_ui_translations(lang: str) -> gettext.NullTranslations:
    """The plugin's own translations of its template strings."""
    return translations(PLUGIN_LOCALEDIR, lang, PLUGIN_DOMAIN)


def _newer_or_same(mo_path: Path, po_path: Path) -> bool:
    return mo_path.stat().st_mtime >= po_path.stat().st_mtime
