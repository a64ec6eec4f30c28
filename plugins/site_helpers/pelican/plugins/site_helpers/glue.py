"""Connect the theme filters to Pelican; the only module here that imports pelican."""

import logging
from pathlib import Path

from pelican import signals

from . import filters
from .catalogs import compile_catalogs
from .fingerprint import site_css, write_site_css
from .publishing import publish_problems
from .sitemap import SitemapGenerator

logger = logging.getLogger(__name__)


def compile_translations(pelican):
    """Compile the catalogs before any generator (or the i18n plugin) reads them."""
    localedir = pelican.settings.get("I18N_GETTEXT_LOCALEDIR")
    if localedir and Path(localedir).is_dir():
        for warning in compile_catalogs(Path(localedir)):
            logger.warning("%s", warning)


def add_filters(generator):
    """Give every generator's Jinja environment our filters and a gettext fallback."""
    env = generator.env
    env.filters.update(filters.THEME_FILTERS)
    if "gettext" not in env.globals and hasattr(env, "install_null_translations"):
        # Without a catalog (e.g. no i18n plugin) the German msgids are shown as they are.
        env.install_null_translations(newstyle=True)


def measure_reading_time(content):
    """Estimate reading time from the author's text, before quizzes are embedded into it."""
    content.reading_minutes = filters.reading_minutes(content._content)


def sitemap_generator(pelican):
    return SitemapGenerator


def name_site_css(pelican):
    """SITE_CSS: the fingerprinted name of css/site.css that base.html links (None: no such file)."""
    found = site_css(pelican.settings["THEME"], pelican.settings.get("THEME_STATIC_PATHS"))
    pelican.settings["SITE_CSS"] = found[0] if found else None


def write_fingerprinted_css(generators):
    """Write the copy before any page is written, so every later step (host files) sees it."""
    settings = generators[0].settings
    target = Path(generators[0].output_path) / settings.get("THEME_STATIC_DIR", "theme")
    write_site_css(settings["THEME"], settings.get("THEME_STATIC_PATHS"), target)


def refuse_unfinished_publishing(pelican):
    """With PUBLISH_CHECK (publishconf.py): stop before building while placeholders are left."""
    if not pelican.settings.get("PUBLISH_CHECK"):
        return
    problems = publish_problems(pelican.settings)
    for problem in problems:
        logger.error("%s", problem)
    if problems:
        logger.error("Nicht veröffentlicht: %d Stelle(n) sind noch nicht ausgefüllt.", len(problems))
        raise SystemExit(2)  # before anything is built; no traceback, nothing to keep running


def register():
    signals.initialized.connect(refuse_unfinished_publishing)
    signals.get_generators.connect(sitemap_generator)
    signals.initialized.connect(compile_translations)
    signals.initialized.connect(name_site_css)
    signals.all_generators_finalized.connect(write_fingerprinted_css)
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(measure_reading_time)
