"""Compile the gettext catalogs (.po → .mo) at the start of every build.

The .po files are the source of truth in git; compiling here means `make html`, tests and
`make serve` always use the current translations, and a fuzzy entry (its German text changed
since it was translated) is reported as a warning on every build until someone fixes it.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from pelican.plugins.kundenfit.languages.catalog_check import CatalogErrors
from pelican.plugins.kundenfit.languages.catalogs import read_catalog


def compile_catalogs(localedir: Path) -> list[str]:
    """Write a .mo beside each stale .po under `localedir`; return one warning per fuzzy entry.

    Every .po is read strictly first (syntax, encoding, duplicates, placeholders): with any
    problem, CatalogErrors lists them all and no .mo is written.
    """
    warnings, problems, catalogs = [], [], []
    for po_path in sorted(localedir.glob("*/LC_MESSAGES/*.po")):
        catalog, found = read_catalog(po_path)
        problems += found
        catalogs.append((po_path, catalog))
    if problems:
        raise CatalogErrors(problems)
    for po_path, catalog in catalogs:
        for message in catalog:
            if message.id and message.fuzzy:
                warnings.append(
                    f"{po_path}: fuzzy entry – the German text changed, update its translation "
                    f"and remove the 'fuzzy' flag: {message.id!r}"
                )
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            with mo_path.open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
    return warnings
