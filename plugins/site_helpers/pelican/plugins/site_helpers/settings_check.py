"""The site's own settings (SITE_OWNER, SITE_PRIVACY, SITE_PUBLISH_CHECK), checked at the start.

The Impressum and the Datenschutz page are made from them, so a missing or misshapen setting
would give empty or broken legal pages. Placeholders and empty fields are fine for a local
build (the pages show them marked); `make publish` refuses those (publish_check.py), so they
are not repeated here. One line per problem, naming the setting. No Pelican import.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import date
from urllib.parse import urlsplit

from .addresses import is_allowed_url
from .legal import is_placeholder

FILE = "pelican.conf.py"
FIELDS = {
    "SITE_OWNER": (
        "name",
        "legal_form",
        "represented_by",
        "street",
        "city",
        "email",
        "phone",
        "contact_form",
        "register",
        "vat_id",
        "responsible_name",
        "responsible_address",
    ),
    "SITE_PRIVACY": ("hosting", "log_retention", "updated"),
}
WHAT = {"SITE_OWNER": "das Impressum", "SITE_PRIVACY": "die Datenschutzerklärung"}


def settings_problems(settings: Mapping) -> list[str]:
    """One line per SITE_* setting the legal pages cannot use."""
    found = []
    for setting, fields in FIELDS.items():
        value = settings.get(setting)
        example = ", ".join(f'"{field}": "…"' for field in fields if field in ("name", "street", "hosting"))
        if value is None:
            found.append(
                f"{FILE}: {setting} fehlt – daraus entsteht {WHAT[setting]}; trag "
                f"{setting} = {{{example}, …}} ein (Platzhalter sind für make html erlaubt)."
            )
            continue
        if not isinstance(value, Mapping):
            found.append(
                f"{FILE}: {setting} = {value!r} ist kein Wörterbuch – schreib {setting} = {{{example}, …}}."
            )
            continue
        found += _field_problems(setting, value, fields)
    check = settings.get("SITE_PUBLISH_CHECK")
    if check is not None and not isinstance(check, bool):
        found.append(
            f"{FILE}: SITE_PUBLISH_CHECK = {check!r} ist kein Wahrheitswert – schreib True oder False."
        )
    return found


def _field_problems(setting: str, value: Mapping, fields: tuple[str, ...]) -> list[str]:
    found = []
    for key in value:
        if key not in fields:
            close = difflib.get_close_matches(str(key), fields, n=1)
            hint = f'meintest du "{close[0]}"?' if close else f"erlaubt: {', '.join(fields)}."
            found.append(f'{FILE}: {setting}["{key}"] gibt es nicht – {hint}')
    for key in fields:
        item = value.get(key)
        if key == "updated" and isinstance(item, date):
            continue
        if item is not None and not isinstance(item, str):
            found.append(
                f'{FILE}: {setting}["{key}"] = {item!r} ist kein Text – schreib ihn in Anführungszeichen.'
            )
        elif key == "contact_form" and not is_placeholder(item) and not _is_web_address(item):
            found.append(
                f'{FILE}: {setting}["contact_form"] = {item!r} ist keine Web-Adresse – schreib die volle '
                'Adresse des Kontaktformulars, z. B. "https://www.deine-domain.de/kontakt/", '
                "oder lass es leer."
            )
        elif key == "updated" and not is_placeholder(item) and not _is_iso_date(item):
            found.append(
                f'{FILE}: {setting}["updated"] = {item!r} ist kein Datum – schreib es als JJJJ-MM-TT, '
                'z. B. "2026-11-28".'
            )
    return found


def _is_web_address(text: str) -> bool:
    """The contact form is linked from the Impressum: only a full http(s) address makes a link."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and is_allowed_url(text.strip())


def _is_iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True
