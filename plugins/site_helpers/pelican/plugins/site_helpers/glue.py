"""Connect the theme filters to Pelican; the only module here that imports pelican."""

import logging
import posixpath
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from pelican.plugins.kundenfit import brand
from pelican.plugins.kundenfit import settings as kundenfit_settings
from pelican.plugins.kundenfit.errors import KundenfitError
from pelican.plugins.kundenfit.generator import TEMPLATES_DIR as KUNDENFIT_TEMPLATES
from pelican.plugins.kundenfit.languages import sites
from pelican.plugins.kundenfit.problems import stop_build

from . import coach_photo, filters, legal, testimonials
from .addresses import bad_urls
from .catalogs import compile_catalogs
from .counterparts import missing_counterparts
from .feeds import TextTitleWriter
from .fingerprint import site_css, write_site_css
from .landing import result_preview, what_you_learn
from .publish_check import content_problems, lead_path_problems, publish_problems
from .settings_check import settings_problems
from .sitemap import SitemapGenerator

logger = logging.getLogger(__name__)


def check_site_settings(pelican):
    """Before anything else: the settings the legal pages are made from."""
    problems = settings_problems(pelican.settings)
    if problems:
        stop_build([KundenfitError(line) for line in problems])


def compile_translations(pelican):
    """Compile the catalogs before any generator (or the i18n plugin) reads them."""
    localedir = pelican.settings.get("I18N_GETTEXT_LOCALEDIR")
    if localedir and Path(localedir).is_dir():
        try:
            warnings = compile_catalogs(Path(localedir))
        except KundenfitError as error:
            stop_build([error])
        for warning in warnings:
            logger.warning("%s", warning)


def check_publishable(pelican):
    """With SITE_PUBLISH_CHECK (publishconf.py), refuse to build while a placeholder is left."""
    settings = pelican.settings
    if not settings.get("SITE_PUBLISH_CHECK"):
        return
    problems = publish_problems(settings)
    problems += content_problems(Path(settings.get("PATH") or "content"))
    problems += lead_path_problems(settings)
    if problems:
        for line in problems:
            logger.error("Nicht veröffentlicht: %s", line)
        logger.error("make publish abgebrochen: %d Problem(e). output/ bleibt unverändert.", len(problems))
        raise SystemExit(2)  # before anything is built: no traceback, nothing to keep running


def add_filters(generator):
    """Give every generator's Jinja environment our filters and a gettext fallback."""
    env = generator.env
    env.filters.update(filters.THEME_FILTERS)
    # The theme's pages share the plugin's lead-offer macros (one promise, one form).
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


def check_addresses(content):
    """Remember a bad Source_url (it never becomes a link); the build stops on it below."""
    content.address_problems = bad_urls(content)


def stop_on_bad_addresses(generators):
    """One line per bad address in any article or page, then stop before anything is written."""
    lines = []
    for generator in generators:
        for kind in ("articles", "translations", "hidden_articles", "drafts", "pages", "hidden_pages"):
            for content in getattr(generator, kind, None) or []:
                lines.extend(getattr(content, "address_problems", []))
    if lines:
        stop_build([KundenfitError(line) for line in dict.fromkeys(lines)])


def text_title_writer(pelican):
    return TextTitleWriter


def sitemap_generator(pelican):
    return SitemapGenerator


def brand_css(settings) -> str:
    """The coach's brand for the top of site.css; its font as seen from theme/css/ (the plugin
    writes the font into its assets folder, in the main site)."""
    coach = brand.brand_from_settings(settings)
    font = coach.file_name("font")
    if not font:
        return brand.brand_css(coach, None)
    assets = kundenfit_settings.read(settings)["KUNDENFIT_ASSETS_DIR"]
    css_dir = posixpath.join(sites.main_theme_static_dir(settings), "css")
    return brand.brand_css(coach, posixpath.relpath(f"{assets}/{brand.FILES_DIR}/{font}", css_dir))


def name_site_css(pelican):
    """SITE_CSS: the fingerprinted name of css/site.css that base.html links (None: no such file)."""
    settings = pelican.settings
    found = site_css(settings["THEME"], settings.get("THEME_STATIC_PATHS"), brand_css(settings))
    pelican.settings["SITE_CSS"] = found[0] if found else None


def write_fingerprinted_css(generators):
    """Write the copy before any page is written, so every later step (host files) sees it."""
    settings = generators[0].settings
    target = Path(generators[0].output_path) / settings.get("THEME_STATIC_DIR", "theme")
    write_site_css(settings["THEME"], settings.get("THEME_STATIC_PATHS"), target, brand_css(settings))


def name_coach_photo(pelican):
    """SITE_COACH_PHOTO: the small copy of the brand's photo the landing page shows (or None)."""
    source = brand.brand_from_settings(pelican.settings).photo
    size = coach_photo.SIZE // 2
    pelican.settings["SITE_COACH_PHOTO"] = (
        {"path": coach_photo.photo_name(source), "width": size, "height": size} if source else None
    )


def write_coach_photo(generators):
    """Write the small photo beside the theme's files, before any page links it."""
    settings = generators[0].settings
    source = brand.brand_from_settings(settings).photo
    if source is not None:
        target = Path(generators[0].output_path) / settings.get("THEME_STATIC_DIR", "theme")
        coach_photo.write_photo(source, target)


def landing_context(generators):
    """What the landing page shows besides its text: testimonials (SITE_TESTIMONIALS), the
    possible results of each quiz and a preview of the flagship's result card."""
    settings, context = generators[0].settings, generators[0].context
    path = testimonials.path_from_settings(settings)
    languages = list(sites.languages(settings))
    entries, problems = testimonials.read_testimonials(path, languages, sites.main_lang(settings))
    if problems:
        stop_build(problems)
    context["site_testimonials"] = [entry for entry in entries if entry["lang"] == sites.lang(settings)]
    rulebook = next((g.rulebook for g in generators if getattr(g, "rulebook", None) is not None), None)
    quizzes = context.get("kundenfit_quizzes") or []
    context["site_outcomes"] = what_you_learn(rulebook) if rulebook else {}
    context["site_result_preview"] = (
        result_preview(rulebook, quizzes[0]["id"]) if rulebook and quizzes else None
    )


def write_legal_page(content):
    """Give a page with `Legal: impressum|datenschutz` its text, made from the settings."""
    kind = str(content.metadata.get("legal", "")).strip().lower()
    if kind not in legal.KINDS:
        return
    settings = content.settings
    lang = getattr(content, "lang", None) or settings.get("DEFAULT_LANG", "de")
    locale = filters.babel_locale(lang, settings.get("LOCALE"), settings.get("DEFAULT_LANG"))
    content._content = legal.render_legal(kind, settings, lang, locale)


# The main site's articles and pages by address, kept in its own settings until it is written.
SOURCES_KEY = "_SITE_SOURCES"


def remember_sources(generators):
    """The main site's articles and pages by address, for `name_pages_without_counterpart`."""
    if not generators or not sites.is_main_site(generators[0].settings):
        return
    own = ("articles", "pages", "hidden_pages")
    contents = [c for g in generators for attr in own for c in getattr(g, attr, None) or []]
    generators[0].settings[SOURCES_KEY] = {c.save_as: c.source_path for c in contents if c.save_as}


def name_pages_without_counterpart(pelican):
    """Once every language is written (main site): each page whose counterpart in another
    language is missing (the language switcher would lead nowhere) gets one note."""
    settings = pelican.settings
    if not sites.is_main_site(settings) or not sites.subsites(settings):
        return
    outputs = {code: sites.output_path(settings, code) for code in sites.languages(settings)}
    for note in missing_counterparts(sites.lang(settings), settings.pop(SOURCES_KEY, {}), outputs):
        logger.warning("%s", note)


def register():
    signals.initialized.connect(check_site_settings)
    signals.initialized.connect(check_publishable)
    signals.get_generators.connect(sitemap_generator)
    signals.initialized.connect(compile_translations)
    signals.initialized.connect(name_site_css)
    signals.all_generators_finalized.connect(stop_on_bad_addresses)
    signals.all_generators_finalized.connect(write_fingerprinted_css)
    signals.initialized.connect(name_coach_photo)
    signals.all_generators_finalized.connect(write_coach_photo)
    signals.all_generators_finalized.connect(landing_context)
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(measure_reading_time)
    signals.content_object_init.connect(write_legal_page)
    signals.content_object_init.connect(check_addresses)
    signals.get_writer.connect(text_title_writer)
    signals.all_generators_finalized.connect(remember_sources)
    signals.finalized.connect(name_pages_without_counterpart)
