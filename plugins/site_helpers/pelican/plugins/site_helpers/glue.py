"""Connect the theme filters to Pelican; the only module here that imports pelican."""

import logging
import sys
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from pelican.plugins.kundenfit.generator import TEMPLATES_DIR as KUNDENFIT_TEMPLATES

from . import filters, legal
from .catalogs import compile_catalogs
from .publish_check import content_problems, publish_problems

logger = logging.getLogger(__name__)


def compile_translations(pelican):
    """Compile the catalogs before any generator (or the i18n plugin) reads them."""
    localedir = pelican.settings.get("I18N_GETTEXT_LOCALEDIR")
    if localedir and Path(localedir).is_dir():
        for warning in compile_catalogs(Path(localedir)):
            logger.warning("%s", warning)


class PublishRefused(SystemExit):
    """Stop Pelican (exit status 2) after the problem lines, without a traceback."""

    def __init__(self):
        super().__init__(2)


def check_publishable(pelican):
    """With SITE_PUBLISH_CHECK (publishconf.py), refuse to build while a placeholder is left."""
    settings = pelican.settings
    if not settings.get("SITE_PUBLISH_CHECK"):
        return
    problems = publish_problems(settings)
    problems += content_problems(Path(settings.get("PATH") or "content"))
    if problems:
        for line in problems:
            print(f"Nicht veröffentlicht: {line}", file=sys.stderr)
        summary = f"make publish abgebrochen: {len(problems)} Problem(e). output/ bleibt unverändert."
        print(summary, file=sys.stderr)
        raise PublishRefused()


def add_filters(generator):
    """Give every generator's Jinja environment our filters and a gettext fallback."""
    env = generator.env
    env.filters.update(filters.THEME_FILTERS)
    # The theme's pages share the plugin's newsletter macros (one promise, one form).
    # site_helpers/_fields.html: the owner's data or a marked placeholder, in the page's language.
    env.loader = ChoiceLoader(
        [env.loader, FileSystemLoader(str(KUNDENFIT_TEMPLATES)), FileSystemLoader(str(legal.TEMPLATES))]
    )
    env.tests["placeholder"] = legal.is_placeholder
    if "gettext" not in env.globals and hasattr(env, "install_null_translations"):
        # Without a catalog (e.g. no i18n plugin) the German msgids are shown as they are.
        env.install_null_translations(newstyle=True)


def measure_reading_time(content):
    """Estimate reading time from the author's text, before quizzes are embedded into it."""
    content.reading_minutes = filters.reading_minutes(content._content)


def write_legal_page(content):
    """Give a page with `Legal: impressum|datenschutz` its text, made from the settings."""
    kind = str(content.metadata.get("legal", "")).strip().lower()
    if kind not in legal.KINDS:
        return
    settings = content.settings
    lang = getattr(content, "lang", None) or settings.get("DEFAULT_LANG", "de")
    locale = filters.babel_locale(lang, settings.get("LOCALE"), settings.get("DEFAULT_LANG"))
    content._content = legal.render_legal(kind, settings, lang, locale)


def register():
    signals.initialized.connect(check_publishable)
    signals.initialized.connect(compile_translations)
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(measure_reading_time)
    signals.content_object_init.connect(write_legal_page)
