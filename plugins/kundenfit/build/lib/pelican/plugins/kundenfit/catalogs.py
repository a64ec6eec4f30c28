"""Read gettext catalogs: a site's (rules, UI) and the plugin's own UI catalog (package data).

The .po files are the source of truth; a compiled .mo is used while it is at least as new as
its .po, otherwise the .po is compiled in memory, so a site without a compile step (or a
plugin installed from source) still shows its translations.
"""

from __future__ import annotations

import gettext
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

PLUGIN_LOCALEDIR = Path(__file__).parent / "locale"
PLUGIN_DOMAIN = "kundenfit"


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
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=code)
            buffer = BytesIO()
            write_mo(buffer, catalog, use_fuzzy=False)
            buffer.seek(0)
            return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def plugin_ui_translations(lang: str) -> gettext.NullTranslations:
    """The plugin's own translations of its template strings."""
    return translations(PLUGIN_LOCALEDIR, lang, PLUGIN_DOMAIN)


def _newer_or_same(mo_path: Path, po_path: Path) -> bool:
    return mo_path.stat().st_mtime >= po_path.stat().st_mtime
