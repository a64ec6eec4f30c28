"""Wire the Kundenfit plugin into Pelican's signals; the only module that imports pelican."""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from pelican import signals
from pelican.generators import PelicanTemplateNotFound
from pelican.urlwrappers import Category

from . import content_errors
from . import settings as kf_settings
from .content_files import ignore_pattern, read_extensions, skipped_content
from .errors import KundenfitError
from .generator import FILL_VIEWS_KEY, LEAD_WARNINGS_KEY, KundenfitGenerator
from .languages import catalogs, sites
from .outputs.host_output import write_host_files
from .outputs.pdf_build import build_checklist_pdfs
from .problems import quiet_build_failures, stop_after_logged, stop_build
from .render.embeds import check_content, feed_version
from .render.markdown import KundenfitMarkdownExtension

pdf_logger = logging.getLogger("kundenfit.pdf")
host_logger = logging.getLogger("kundenfit.hosts")
content_logger = logging.getLogger("kundenfit.content")
# The PDF jobs of one run travel on that run's own settings (no state outlives a build).
PDF_JOBS_KEY = "_KUNDENFIT_PDF_JOBS"


def addresses_without_trailing_slash(pelican):
    """`SITEURL = "https://x.de/"` would give `https://x.de//feeds/…` wherever Pelican, a theme or
    this plugin writes `{{ SITEURL }}/…`: the site's addresses (main site, subsites, feeds) lose a
    trailing slash before anything reads them."""
    settings = pelican.settings
    for key in ("SITEURL", "FEED_DOMAIN"):
        if isinstance(settings.get(key), str):
            settings[key] = settings[key].rstrip("/")
    subsites = sites.subsites(settings)  # its shape is checked after this (check_settings)
    for overrides in subsites.values() if isinstance(subsites, dict) else ():
        if isinstance(overrides, dict) and isinstance(overrides.get("SITEURL"), str):
            overrides["SITEURL"] = overrides["SITEURL"].rstrip("/")


def check_settings(pelican):
    """Before anything is written (main site): every setting and catalog the build reads."""
    settings = pelican.settings
    problems = sites.settings_problems(settings)
    if not problems and sites.is_main_site(settings):
        langs = list(sites.languages(settings))
        variants = [settings] + [{**settings, **over} for over in sites.subsites(settings).values()]
        lines = {str(p): p for variant in variants for p in kf_settings.problems(variant, langs)}
        problems = list(lines.values())
        problems += catalogs.problems(sites.localedir(settings), catalogs.PLUGIN_LOCALEDIR)
    if problems:
        stop_build(problems)


def stop_on_unreadable_content(generators):
    """Once every article is read: an article Pelican had to leave out stops the build."""
    unreadable = content_errors.failed(generators[0].settings) if generators else []
    if unreadable:
        stop_after_logged(len(unreadable))


def one_page_per_address(generators):
    """Two articles or pages that would be written to the same file (same slug and language) stop
    the build with one line each, before Pelican fails on the second with a traceback."""
    first: dict[str, str] = {}
    problems = []
    for content in {id(c): c for c in _all_content(generators, OWN_CONTENT)}.values():
        save_as, source = getattr(content, "save_as", ""), content.source_path or "?"
        if not save_as:
            continue
        if save_as in first and first[save_as] != source:
            problems.append(
                KundenfitError(
                    f"{source}:1: wird nach {save_as} geschrieben wie schon {first[save_as]} (gleicher Slug "
                    "und gleiche Sprache) – gib einem der beiden eine eigene Zeile „Slug: …“."
                )
            )
        first.setdefault(save_as, source)
    if problems:
        stop_build(problems)


def pages_fit_the_theme(generator):
    """A page that names a template the theme lacks (`Template: landing` under another theme) is
    built with the theme's page template, with one note, so any theme builds the site."""
    for page in [*generator.pages, *generator.hidden_pages, *generator.draft_pages]:
        if page.template == "page":
            continue
        try:
            generator.get_template(page.template)
        except PelicanTemplateNotFound:
            content_logger.warning(
                "%s: das Theme hat keine Vorlage „%s“ – die Seite wird mit seiner Vorlage „page“ gebaut.",
                page.source_path,
                page.template,
            )
            page.template = "page"


def drafts_without_category(generator):
    """A draft without `Category:` builds as a published article without one does: Pelican writes
    drafts with their category and gives none when CATEGORY_SAVE_AS is empty (this site), so the
    draft gets Pelican's DEFAULT_CATEGORY."""
    default = generator.settings.get("DEFAULT_CATEGORY") or "misc"
    for draft in [*getattr(generator, "drafts", []), *getattr(generator, "drafts_translations", [])]:
        if not hasattr(draft, "category"):
            draft.category = Category(default, generator.settings)


def add_markdown_directive(pelican):
    """Let Markdown articles use `{% quiz id %}` and `{% checklist id %}`."""
    extensions = pelican.settings.setdefault("MARKDOWN", {}).setdefault("extensions", [])
    if not any(isinstance(e, KundenfitMarkdownExtension) for e in extensions):
        extensions.append(KundenfitMarkdownExtension())


def skip_unreadable_content(pelican):
    """Note and leave out named pipes, macOS `._` files and editor leftovers among the articles."""
    settings = pelican.settings
    content = Path(settings["PATH"])
    rules = content / kf_settings.read(settings)["KUNDENFIT_RULES_PATH"]
    for path, note in skipped_content(content, read_extensions(settings), {rules}):
        content_logger.warning("%s", note)
        settings["IGNORE_FILES"] = [*settings.get("IGNORE_FILES", []), ignore_pattern(path)]


def get_generators(pelican):
    """Every run (also each autoreload run after a failed one) starts afresh: no unreadable
    article yet, and every language subsite still to build."""
    sites.start_run(pelican.settings)
    content_errors.start_run(pelican.settings)
    return KundenfitGenerator


# Where Pelican's generators keep content: this run's own, and other languages' translations.
OWN_CONTENT = ("articles", "hidden_articles", "drafts", "pages", "hidden_pages", "draft_pages")
ALL_CONTENT = (
    *OWN_CONTENT,
    "translations",
    "drafts_translations",
    "hidden_translations",
    "draft_translations",
)


def _all_content(generators, attrs=ALL_CONTENT):
    for generator in generators:
        for attr in attrs:
            yield from getattr(generator, attr, None) or []


def embed_views(generators):
    """Check every id any content names (published, hidden, draft), then link the views."""
    ours = next((g for g in generators if isinstance(g, KundenfitGenerator)), None)
    if ours is None or ours.rulebook is None:
        return
    contents = list({id(c): c for c in _all_content(generators)}.values())
    problems = [problem for content in contents for problem in check_content(content, ours.rulebook)]
    if problems:
        stop_build(problems)
    for content in contents:
        ours.link_views(content)


class ViewFillingTemplate(jinja2.Template):
    """A page template that fills the quizzes and checklists into the page it renders.

    Pelican renders each page with its context (`output_file` is where it goes); where the
    context also holds this run's FILL_VIEWS_KEY, the views go into the page before Pelican
    writes it, whatever writer the site uses.
    """

    def render(self, *args, **kwargs):
        page = super().render(*args, **kwargs)
        context = dict(*args, **kwargs)
        fill = context.get(FILL_VIEWS_KEY)
        if fill is None or "output_file" not in context:
            return page
        return fill(page, context["output_file"])


def fill_views_in_pages(generator):
    """`generator_init`: the generator's templates fill views (Jinja's `template_class`)."""
    generator.env.template_class = ViewFillingTemplate


def link_views_in_feed(context, feed):
    """Feeds carry a short link to each embedded quiz or checklist, not its markup and scripts."""
    links = {
        (kind, item["id"]): (item["title"], item["url"])
        for kind, key in (("quiz", "kundenfit_quizzes"), ("checklist", "kundenfit_checklists"))
        for item in context.get(key) or []
    }
    for item in feed.items:
        for field in ("description", "content"):
            if item.get(field):
                item[field] = feed_version(item[field], links)


def queue_pdfs(generators):
    """Remember, for this run's `finalized`, which checklist PDFs to make."""
    ours = next((g for g in generators if isinstance(g, KundenfitGenerator)), None)
    if ours is not None and ours.rulebook is not None:
        ours.settings[PDF_JOBS_KEY] = ours.pdf_jobs()


def build_pdfs(pelican):
    """Once every page and theme file is written: one PDF per checklist and language."""
    warned: set[str] = set()  # each warning once per build, for all languages
    try:
        for job in pelican.settings.pop(PDF_JOBS_KEY, []):
            build_checklist_pdfs(**job, log=pdf_logger, warned=warned)
    except KundenfitError as error:
        stop_build([error])


def say_lead_warnings(pelican):
    """Once the build is done (a failed build names its own problems first): no lead path."""
    for line in pelican.settings.pop(LEAD_WARNINGS_KEY, []):
        logging.getLogger("kundenfit.leads").warning("%s", line)


def write_hosting(pelican):
    """Once everything is written, in the main site only: the files KUNDENFIT_HOST reads."""
    if not sites.is_main_site(pelican.settings):
        return
    subsites = sites.subsites(pelican.settings)
    options = kf_settings.read(pelican.settings)
    write_host_files(
        Path(pelican.output_path),
        options["KUNDENFIT_HOST"],
        options["KUNDENFIT_EMBED_URL"],
        subsites,
        host_logger,
    )


def register():
    quiet_build_failures(logging.getLogger("pelican"))
    content_errors.install()
    signals.initialized.connect(addresses_without_trailing_slash)
    signals.initialized.connect(sites.remember_main_site)
    signals.initialized.connect(check_settings)
    signals.initialized.connect(add_markdown_directive)
    signals.initialized.connect(skip_unreadable_content)
    signals.all_generators_finalized.connect(stop_on_unreadable_content)
    signals.all_generators_finalized.connect(one_page_per_address)
    signals.article_generator_finalized.connect(drafts_without_category)
    signals.page_generator_finalized.connect(pages_fit_the_theme)
    signals.get_generators.connect(get_generators)
    signals.readers_init.connect(content_errors.check_readers)
    signals.all_generators_finalized.connect(embed_views)
    signals.generator_init.connect(fill_views_in_pages)
    signals.feed_generated.connect(link_views_in_feed)
    signals.all_generators_finalized.connect(queue_pdfs)
    signals.finalized.connect(build_pdfs)
    signals.finalized.connect(write_hosting)
    signals.finalized.connect(say_lead_warnings)
