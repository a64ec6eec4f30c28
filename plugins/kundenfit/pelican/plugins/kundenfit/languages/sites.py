"""Which languages a build has, and where each one lives: the adapter to pelican-i18n-subsites.

pelican-i18n-subsites runs Pelican once per language: the main site (DEFAULT_LANG) and, inside
its run, one subsite per entry of I18N_SUBSITES, each with its own SITEURL and OUTPUT_PATH.
Everything the plugin needs to know about that arrangement is here, so that a site without the
i18n plugin is simply a site with one language.
"""

from __future__ import annotations

import gettext
import os
import posixpath
import sys
from pathlib import Path

from babel import Locale, UnknownLocaleError

from ..errors import KundenfitError
from . import catalogs

I18N_MODULE = "pelican.plugins.i18n_subsites.i18n_subsites"
# The main site's language and address, put into its settings when it starts; the i18n plugin
# makes each subsite's settings from a copy of the main site's, so every language run has them.
MAIN_SITE = "_KUNDENFIT_MAIN_SITE"


def lang(settings: dict) -> str:
    """The language this run writes."""
    return settings.get("DEFAULT_LANG") or "en"


def subsites(settings: dict) -> dict[str, dict]:
    return settings.get("I18N_SUBSITES") or {}


def is_main_site(settings: dict) -> bool:
    """False in a language subsite (the i18n plugin runs those inside the main site's run)."""
    return lang(settings) not in subsites(settings)


def remember_main_site(pelican) -> None:
    """`initialized`: the main site notes its language, address and cache in its settings."""
    settings = pelican.settings
    if is_main_site(settings):
        settings[MAIN_SITE] = _main_site(settings)


def _main_site(settings: dict) -> dict:
    if is_main_site(settings):
        cache = settings.get("CACHE_PATH") or "cache"
        return {"lang": lang(settings), "siteurl": settings.get("SITEURL", ""), "cache": cache}
    return settings[MAIN_SITE]


def main_lang(settings: dict) -> str:
    return _main_site(settings)["lang"]


def main_siteurl(settings: dict) -> str:
    """The main site's SITEURL, also from inside a subsite (whose SITEURL ends in /<lang>)."""
    return _main_site(settings)["siteurl"]


def main_cache_path(settings: dict) -> Path:
    """The main site's CACHE_PATH (a subsite's is <main>/<lang>): caches every language shares."""
    return Path(_main_site(settings)["cache"])


def languages(settings: dict) -> dict[str, str]:
    """Every language of the site with its SITEURL, the main site's language first."""
    base = main_siteurl(settings)
    urls = {main_lang(settings): base}
    for code, overrides in subsites(settings).items():
        urls[code] = overrides.get("SITEURL", posixpath.join(base or "/", code))
    return urls


def output_root(settings: dict) -> Path:
    """The main site's output folder (a subsite writes into <root>/<lang>)."""
    output = Path(settings["OUTPUT_PATH"])
    return output if is_main_site(settings) else output.parent


def offset_to_main(settings: dict) -> str:
    """The way from this language's output folder to the main site's ("" or "..")."""
    if is_main_site(settings):
        return ""
    return os.path.relpath(output_root(settings), settings["OUTPUT_PATH"]).replace(os.sep, "/")


def main_theme_static_dir(settings: dict) -> str:
    """The main site's THEME_STATIC_DIR ("theme"), also from a subsite (whose is "../theme")."""
    here = settings.get("THEME_STATIC_DIR", "theme")
    offset = os.path.relpath(settings["OUTPUT_PATH"], output_root(settings)).replace(os.sep, "/")
    return posixpath.normpath(posixpath.join(offset, here))


def output_path(settings: dict, code: str) -> Path:
    """Where language `code` is written, as seen from this run."""
    root = output_root(settings)
    if code not in subsites(settings):
        return root
    return Path(subsites(settings)[code].get("OUTPUT_PATH", root / code))


def ui_translations(settings: dict) -> gettext.NullTranslations:
    """This run's UI catalog: the site's (as the i18n plugin installs it), then the plugin's.

    A site may translate a plugin string differently in its own catalog; every string it
    leaves out comes from the plugin's catalog.
    """
    code = lang(settings)
    site_dir = settings.get("I18N_GETTEXT_LOCALEDIR")
    domain = settings.get("I18N_GETTEXT_DOMAIN", "messages")
    site = catalogs.translations(Path(site_dir), code, domain) if site_dir else gettext.NullTranslations()
    site.add_fallback(catalogs.plugin_ui_translations(code))
    return site


def localedir(settings: dict) -> Path | None:
    value = settings.get("I18N_GETTEXT_LOCALEDIR")
    return Path(value) if value else None


def settings_problems(settings: dict) -> list[KundenfitError]:
    """Pelican settings this module reads, in a shape it cannot use (one line each)."""
    found = []
    value = settings.get("I18N_SUBSITES")
    if value is not None and not (
        isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, dict) for k, v in value.items())
    ):
        found.append(
            KundenfitError(
                "pelican.conf.py: I18N_SUBSITES muss ein Wörterbuch aus Sprachkürzel und Einstellungen "
                'sein – z. B. {"en": {"SITESUBTITLE": "…"}} oder {"en": {}}.'
            )
        )
    for key in ("DEFAULT_LANG", "I18N_GETTEXT_LOCALEDIR"):
        if settings.get(key) is not None and not isinstance(settings.get(key), str):
            found.append(
                KundenfitError(
                    f"pelican.conf.py: {key} = {settings.get(key)!r} ist kein Text – "
                    "schreib ihn in Anführungszeichen."
                )
            )
    if not found:
        found += _language_problems(settings)
    return found


def _language_problems(settings: dict) -> list[KundenfitError]:
    """Each language of the site must be one Babel knows and, where the site translates its
    templates (jinja2.ext.i18n, as the i18n plugin does), have the site's catalog: without it
    its pages would show the templates' language, after a traceback from the i18n plugin."""
    found = []
    codes = [lang(settings), *subsites(settings)]
    folder = localedir(settings)
    domain = settings.get("I18N_GETTEXT_DOMAIN", "messages")
    templates_lang = settings.get("I18N_TEMPLATES_LANG") or lang(settings)
    extensions = (settings.get("JINJA_ENVIRONMENT") or {}).get("extensions") or []
    translated = "jinja2.ext.i18n" in extensions
    for code in codes:
        try:
            Locale.parse(code.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            found.append(
                KundenfitError(
                    f"pelican.conf.py: die Sprache {code!r} kennt Babel nicht – schreib ein Sprachkürzel "
                    "wie 'en', 'fr' oder 'de_AT'."
                )
            )
            continue
        if folder is None or not translated or code == templates_lang:
            continue
        catalog = folder / code / "LC_MESSAGES" / f"{domain}.po"
        if not catalog.is_file() and not catalog.with_suffix(".mo").is_file():
            found.append(
                KundenfitError(
                    f"pelican.conf.py: I18N_SUBSITES nennt {code!r}, aber {catalog} fehlt – leg ihn an "
                    f'(make messages LANGS="{" ".join(subsites(settings))}") und übersetze ihn, oder nimm '
                    f"{code!r} heraus."
                )
            )
    return found


def start_run(settings: dict) -> None:
    """`get_generators` of the main site: every language subsite is still to build.

    The i18n plugin sets up its list of subsites when a run starts and clears it only when a run
    finishes; after a failed run under autoreload (`make serve`) the next run would skip the
    subsites. Its public `initialize_dbs` sets them up again (it says so: "for e.g. autoreload").
    """
    module = sys.modules.get(I18N_MODULE)
    if module is not None and is_main_site(settings):
        module.initialize_dbs(settings)
