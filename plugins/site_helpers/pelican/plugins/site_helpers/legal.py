"""Impressum and Datenschutz, written from the settings (SITE_OWNER, SITE_PRIVACY, lead form, statistics).

A page whose metadata says `Legal: impressum` or `Legal: datenschutz` gets its text from this
package's templates, in the page's language. The text is rendered here, with its own autoescaping
Jinja environment and the site's catalog, so it works under any theme: the theme only shows
`page.content`. No Pelican import: glue.py calls render_legal().
"""

from __future__ import annotations

import functools
import gettext
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pelican.plugins.kundenfit.render.leads import lead_form

from .filters import format_date, keep_together
from .hosting import host_of
from .publish_check import PLACEHOLDER
from .text_i18n import TextTranslations

TEMPLATES = Path(__file__).parent / "templates"
KINDS = ("impressum", "datenschutz")


def is_placeholder(value) -> bool:
    """True for an empty value or one still marked [Platzhalter: …]."""
    return value is None or not str(value).strip() or bool(PLACEHOLDER.search(str(value)))


def lead_fields(setting, lang: str) -> list[dict]:
    """Every field the lead form sends (name and kind), in the form's order; [] without one.

    Values that differ per outcome (a tag, a key, another form) are listed once, as "route".
    """
    form = lead_form(setting, lang)
    if not form:
        return []
    fields = [{"kind": "email", "name": form.fields["email"]}]
    fields += [
        {"kind": kind, "name": form.fields[kind]}
        for kind in ("first_name", "consent", "quiz", "outcome", "lang")
        if form.fields[kind]
    ]
    fields += [{"kind": "hidden", "name": name, "value": value} for name, value in form.fixed.items()]
    routed = {name for route in form.routes.values() for name in route.get("hidden", {})}
    fields += [{"kind": "route", "name": name} for name in sorted(routed - set(form.fixed))]
    if form.honeypot:
        fields.append({"kind": "honeypot", "name": form.honeypot})
    return fields


# The presets' third countries as the English privacy page names them (lead_presets.py writes German).
COUNTRIES_EN = {"USA": "the USA", "Vereinigtes Königreich": "the United Kingdom"}


def lead_provider(setting, lang: str) -> dict | None:
    """Name, seat and country of the lead form's provider, for the privacy page."""
    form = lead_form(setting, lang)
    if not form:
        return None
    return {
        "title": form.title,
        "company": form.company,
        "country": COUNTRIES_EN.get(form.country, form.country) if lang == "en" else form.country,
        "third_country": form.third_country,
    }


ANALYTICS_NAMES = {"plausible": "Plausible", "matomo": "Matomo", "umami": "Umami"}


def analytics_tool(setting) -> dict | None:
    """The statistics tool of KUNDENFIT_ANALYTICS (its kind, name, address and host), or None."""
    if not isinstance(setting, dict) or setting.get("tool") not in ANALYTICS_NAMES:
        return None
    url = str(setting.get("url", ""))
    return {
        "kind": setting["tool"],
        "name": ANALYTICS_NAMES[setting["tool"]],
        "url": url,
        "host": urlsplit(url).netloc,
    }


def _translations(localedir: str | None, domain: str, lang: str):
    if not localedir:
        return gettext.NullTranslations()
    return gettext.translation(domain, localedir, [lang], fallback=True)


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


@functools.lru_cache(maxsize=16)
def _environment(localedir: str | None, domain: str, lang: str, bytecode_cache=None) -> Environment:
    """One environment per catalog and language, so each template is compiled once per process
    (every language run reads both languages' legal pages; Jinja notices an edited template).
    With the site's Jinja bytecode cache (JINJA_ENVIRONMENT), the languages share one compilation."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=bytecode_cache,
        autoescape=select_autoescape(default=True),
        extensions=[TextTranslations],  # translations are text, never markup
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(_translations(localedir, domain, lang), newstyle=True)
    env.tests["placeholder"] = is_placeholder
    return env


def render_legal(kind: str, settings: dict, lang: str, locale: str | None = None) -> str:
    """The HTML body of the Impressum or Datenschutz page in `lang`, from the settings."""
    env = _environment(
        settings.get("I18N_GETTEXT_LOCALEDIR"),
        settings.get("I18N_GETTEXT_DOMAIN", "messages"),
        lang,
        (settings.get("JINJA_ENVIRONMENT") or {}).get("bytecode_cache"),
    )
    privacy = dict(settings.get("SITE_PRIVACY") or {})
    updated = _as_date(privacy.get("updated"))
    html = env.get_template(f"site_helpers/{kind}.html").render(
        owner=dict(settings.get("SITE_OWNER") or {}),
        privacy=privacy,
        updated=format_date(updated, locale or lang) if updated else None,
        lead_fields=lead_fields(settings.get("KUNDENFIT_LEAD_FORM"), lang),
        lead_provider=lead_provider(settings.get("KUNDENFIT_LEAD_FORM"), lang),
        analytics=analytics_tool(settings.get("KUNDENFIT_ANALYTICS")),
        host=host_of(settings),
        lang=lang,
        sitename=settings.get("SITENAME", ""),
    )
    return Markup(keep_together(html))
