"""Find what must not go live: placeholders, example addresses, a missing or local SITEURL.

`make publish` (publishconf.py sets SITE_PUBLISH_CHECK) stops before writing anything and
prints these lines, one per problem, each naming the setting (or file:line) to fix. Pure
functions of the settings, so they are tested without building.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

PLACEHOLDER = re.compile(r"\[\s*Platzhalter", re.IGNORECASE)
EXAMPLE_DOMAIN = re.compile(r"\bexample\.(?:org|com|net)\b", re.IGNORECASE)
LOCAL_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]"}

# Owner and privacy fields that must not be empty; the others are optional.
REQUIRED = {
    "SITE_OWNER": ("name", "street", "city", "email"),
    "SITE_PRIVACY": ("hosting", "log_retention", "updated"),
}
# Besides the e-mail address, the Impressum needs one more fast way to reach the owner: at least
# one of these (a placeholder counts as filled here; the placeholder line names it already).
FAST_CONTACT = ("phone", "contact_form")
CONTENT_SUFFIXES = {".md", ".markdown", ".rst", ".html", ".yaml", ".yml"}


def _bad_text(value: str) -> str | None:
    """Why a text must not be published, or None."""
    if PLACEHOLDER.search(value):
        return "ist noch ein Platzhalter"
    if EXAMPLE_DOMAIN.search(value):
        return "enthält eine Beispieladresse (example.org/example.com)"
    if any(f"//{host}" in value for host in LOCAL_HOSTS):
        return "enthält eine lokale Adresse (localhost)"
    return None


def _filled(value) -> bool:
    return value is not None and bool(str(value).strip())


def _walk(name: str, value) -> Iterable[tuple[str, str]]:
    """Every text inside a setting, with its name as written in the settings file."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _walk(f'{name}["{key}"]', item)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(f"{name}[{index}]", item)


def siteurl_problems(siteurl) -> list[str]:
    """SITEURL must be the real, absolute address."""
    hint = "trag in publishconf.py die Adresse der Website ein (https://…) oder setze KUNDENFIT_SITEURL"
    if not siteurl or not str(siteurl).strip():
        return [f"SITEURL fehlt: {hint}."]
    parts = urlsplit(str(siteurl))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [f"SITEURL ({siteurl}) ist keine vollständige Adresse: {hint}."]
    if (parts.hostname or "") in LOCAL_HOSTS or EXAMPLE_DOMAIN.search(parts.netloc):
        return [f"SITEURL ({siteurl}) ist eine lokale oder Beispieladresse: {hint}."]
    return []


def publish_problems(settings: Mapping) -> list[str]:
    """One line per problem that keeps the site from going live, each naming the setting."""
    problems = siteurl_problems(settings.get("SITEURL"))
    if settings.get("RELATIVE_URLS"):
        problems.append("RELATIVE_URLS muss beim Veröffentlichen False sein (publishconf.py).")
    reported = {"SITEURL"}
    for setting, fields in REQUIRED.items():
        values = settings.get(setting)
        if not isinstance(values, Mapping):
            problems.append(f"{setting} fehlt in pelican.conf.py.")
            continue
        for field in fields:
            value = values.get(field)
            if value is None or not str(value).strip():
                problems.append(f'{setting}["{field}"] ist leer: bitte in pelican.conf.py ausfüllen.')
                reported.add(f'{setting}["{field}"]')
    owner = settings.get("SITE_OWNER")
    email = owner.get("email") if isinstance(owner, Mapping) else None
    if email and str(email).strip() and "@" not in str(email) and not PLACEHOLDER.search(str(email)):
        problems.append('SITE_OWNER["email"] ist keine E-Mail-Adresse: bitte in pelican.conf.py korrigieren.')
    responsible = owner if isinstance(owner, Mapping) else {}
    if isinstance(owner, Mapping) and not any(_filled(owner.get(field)) for field in FAST_CONTACT):
        problems.append(
            'SITE_OWNER["phone"] und SITE_OWNER["contact_form"] sind leer: das Impressum braucht neben der '
            "E-Mail einen zweiten schnellen Weg (§ 5 Abs. 1 Nr. 2 DDG) – trag in pelican.conf.py eine "
            "Telefonnummer oder die Adresse eines Kontaktformulars ein."
        )
    if (
        str(responsible.get("responsible_name") or "").strip()
        and not str(responsible.get("responsible_address") or "").strip()
    ):
        problems.append(
            'SITE_OWNER["responsible_address"] ist leer: zur Person nach § 18 Abs. 2 MStV gehört '
            "ihre Anschrift (pelican.conf.py)."
        )
    newsletter = settings.get("KUNDENFIT_NEWSLETTER")
    if isinstance(newsletter, Mapping) and not str(newsletter.get("provider") or "").strip():
        problems.append(
            'KUNDENFIT_NEWSLETTER["provider"] fehlt: Name und Sitz des Newsletter-Anbieters '
            "(für die Datenschutzerklärung) in pelican.conf.py eintragen."
        )
    for key in sorted(k for k in settings if k.isupper() and k not in ("SITEURL", "FEED_DOMAIN")):
        for name, text in _walk(key, settings[key]):
            why = _bad_text(text)
            if why and name not in reported:
                problems.append(f"{name} {why}: bitte in pelican.conf.py ersetzen.")
    return problems


def content_problems(root: Path) -> list[str]:
    """Placeholders and example addresses left in the content files, as file:line lines."""
    problems = []
    for path in sorted(p for p in Path(root).rglob("*") if p.suffix in CONTENT_SUFFIXES and p.is_file()):
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            why = _bad_text(line)
            if why and not line.lstrip().startswith("#"):
                problems.append(f"{path}:{number}: diese Zeile {why}.")
    return problems
