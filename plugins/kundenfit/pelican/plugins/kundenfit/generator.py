"""The Pelican generator: load the rules once, build view contexts, write through the writer.

Pages go through Pelican's writer and the theme's Jinja environment, so a theme can override
the plugin's templates and the i18n plugin can install its translations into them. What a
language is and where it lives is `sites`' business; addresses are `urls`', contexts `views'`.
"""

from __future__ import annotations

import logging
import posixpath
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, FileSystemLoader
from jinja2.ext import InternationalizationExtension
from pelican.generators import Generator

from . import settings as kf_settings
from .brand import FILES_DIR, BrandFileError, brand_css, brand_from_settings, write_brand_files
from .errors import KundenfitError
from .languages import sites
from .languages.text_translations import as_text
from .languages.translate import missing_rule_translations, rule_translations, translate_rulebook
from .outputs.manifest import manifest_json
from .outputs.oembed import write_oembed
from .outputs.pdf_build import pdfs_possible
from .outputs.qr import qr_image
from .outputs.share_image import write_share_image
from .problems import stop_build
from .render import views
from .render.assets import CSS_NAME, JS_NAME, public_names, write_assets
from .render.credits import source_index
from .render.embeds import PLACEHOLDER_START, fill_views, metadata_ids, wrap_with_runtime
from .render.leads import lead_form, route_problems
from .render.next_steps import NO_LEAD_PATH, has_lead_path, outcomes_without_next_step, site_next_step
from .render.urls import Addresses
from .rules import load_rulebook_once

__all__ = ["FILL_VIEWS_KEY", "KundenfitGenerator", "stop_build"]

logger = logging.getLogger(__name__)
# This run's lead warnings travel on its own settings to the end of the build (glue.py).
LEAD_WARNINGS_KEY = "_KUNDENFIT_LEAD_WARNINGS"
TEMPLATES_DIR = Path(__file__).parent / "templates"
FILL_VIEWS_KEY = "kundenfit_fill_views"


class KundenfitGenerator(Generator):
    """Load rules once per run; write one page per quiz and checklist; the main site also
    writes the shared assets and the manifest of every language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The theme comes first so it may override any plugin template.
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(str(TEMPLATES_DIR))])
        if not any(isinstance(ext, InternationalizationExtension) for ext in self.env.extensions.values()):
            self.env.add_extension(InternationalizationExtension)  # our templates are translated
        self.options = kf_settings.read(self.settings)
        self.lang = sites.lang(self.settings)
        self.brand = brand_from_settings(self.settings)
        font = self.brand.file_name("font")
        self.brand_css = brand_css(self.brand, f"{FILES_DIR}/{font}" if font else None)
        self.addresses = Addresses(
            self.options,
            self.settings["SITEURL"],
            sites.main_siteurl(self.settings),
            self.lang,
            public_names(self.brand_css),
        )
        self.books: dict = {}  # language -> RuleBook, filled by generate_context
        self.rulebook = None  # in this run's language
        self.lead = None  # leads.LeadForm in this run's language, or None
        self.site_step = None  # KUNDENFIT_NEXT_STEP in this run's language, or None
        self.sources: dict = {}  # article slug -> credits.Credit, this run's language
        self.manifest: list[dict] = []
        self.embeds: dict[tuple, str] = {}  # rendered views inside articles, this run's language

    @property
    def is_main_site(self) -> bool:
        return sites.is_main_site(self.settings)

    @cached_property
    def with_pdf(self) -> bool:
        """Link PDFs only when this machine can make them (else no link to a missing file)."""
        return pdfs_possible(self.pdf_cache)

    @property
    def pdf_cache(self) -> Path:
        """One PDF cache for all languages (the main site's run makes every PDF)."""
        return sites.main_cache_path(self.settings) / "kundenfit-pdf"

    def rulebook_in(self, lang: str):
        """The rule book with its texts in `lang`, translated once per run and language."""
        if lang not in self.books:
            book = self.books[self.options["KUNDENFIT_SOURCE_LANG"]]
            localedir = sites.localedir(self.settings)
            if localedir is not None:
                translations = rule_translations(localedir, lang)
                for text in missing_rule_translations(book, translations):
                    logger.warning(
                        "Regeltext ohne Übersetzung (%s): %r – ergänze ihn in translations/%s/",
                        lang,
                        text,
                        lang,
                        extra={"limit_msg": "Weitere Regeltexte ohne Übersetzung …"},
                    )
                book = translate_rulebook(book, translations)
            self.books[lang] = book
        return self.books[lang]

    @cached_property
    def ui_catalog(self):
        """This run's UI catalog, read once: parsing and checking a .po costs a page's worth of time."""
        return sites.ui_translations(self.settings)

    def install_ui_translations(self) -> None:
        """Give the plugin's templates the UI catalog of this run's language.

        The i18n plugin installs catalogs only just before writing; articles embed quizzes
        earlier, so the plugin installs the same catalog itself.
        """
        # As text: a translator's markup is shown, never run, whatever the site's Jinja settings.
        self.env.install_gettext_translations(as_text(self.ui_catalog), newstyle=True)

    # -- Pelican phases ----------------------------------------------------------------------
    def generate_context(self):
        rules_dir = Path(self.path) / self.options["KUNDENFIT_RULES_PATH"]
        try:
            self.books = {self.options["KUNDENFIT_SOURCE_LANG"]: load_rulebook_once(rules_dir)}
            # The settings were checked at the start (glue.check_settings).
            self.lead = lead_form(self.options["KUNDENFIT_LEAD_FORM"], self.lang)
            self.site_step = site_next_step(self.options["KUNDENFIT_NEXT_STEP"], self.lang)
        except KundenfitError as error:
            stop_build([error])
        self.rulebook = self.rulebook_in(self.lang)
        wrong_routes = route_problems(self.lead, self.rulebook.quizzes)
        if wrong_routes:
            stop_build([KundenfitError(line) for line in wrong_routes])
        if self.is_main_site:  # said once the build is done (glue.say_lead_warnings)
            self.settings[LEAD_WARNINGS_KEY] = self.lead_warnings()
        self.context["kundenfit_lead"] = self.lead  # the landing page's sign-up
        self.context["kundenfit_brand"] = self.theme_brand()
        # How glue.ViewFillingTemplate reaches this run's generator from the context of each page.
        self.context[FILL_VIEWS_KEY] = self.fill_page
        self.sources = source_index(self.context.get("articles") or (), self.addresses.siteurl)
        self.context["kundenfit_quizzes"] = self.listing("quiz", self.lang, self.addresses)
        self.context["kundenfit_checklists"] = self.listing("checklist", self.lang, self.addresses)
        if self.is_main_site:
            in_every_language = [
                (lang, self.addresses.in_language(lang, siteurl))
                for lang, siteurl in sites.languages(self.settings).items()
            ]
            self.manifest = views.manifest_entries(
                {
                    kind: [item for lang, at in in_every_language for item in self.listing(kind, lang, at)]
                    for kind in ("quiz", "checklist")
                }
            )
        self.install_ui_translations()

    def theme_brand(self) -> dict:
        """The brand for the theme's templates: its files as paths from THEME_STATIC_DIR, so
        `{{ SITEURL }}/{{ THEME_STATIC_DIR }}/{{ kundenfit_brand.logo }}` works in every language."""
        theme_dir = sites.main_theme_static_dir(self.settings)
        files = {}
        for kind in ("logo", "photo", "icon", "font"):
            name = self.brand.file_name(kind)
            where = f"{self.options['KUNDENFIT_ASSETS_DIR']}/{FILES_DIR}/{name}"
            files[kind] = posixpath.relpath(where, theme_dir) if name else None
        return {"brand": self.brand, **files}

    def brand_context(self, addresses: Addresses) -> dict:
        """What the plugin's pages show of the brand: logo, the coach, the next step and its QR
        code (only for a full address: a QR code cannot lead to a relative one)."""
        logo, icon = self.brand.file_name("logo"), self.brand.file_name("icon")
        next_url = self.brand.booking_url or self.settings["SITEURL"] + "/"
        absolute = next_url.startswith(("https://", "http://", "mailto:"))
        return {
            "brand": self.brand,
            "brand_logo_url": addresses.asset(f"{FILES_DIR}/{logo}") if logo else None,
            "brand_icon_url": addresses.asset(f"{FILES_DIR}/{icon}") if icon else None,
            "next_step_url": next_url if absolute else None,
            "next_step_is_booking": bool(self.brand.booking_url),
            "next_step_qr": qr_image(next_url) if absolute else None,
        }

    def lead_warnings(self) -> list[str]:
        """One line when no quiz leads anywhere (no form, no next step, no contact address), or
        when outcomes end without a next step."""
        if self.options["KUNDENFIT_WITHOUT_LEADS"]:
            return []
        email = self.options["KUNDENFIT_CONTACT_EMAIL"]
        if not has_lead_path(self.rulebook, self.lead, self.site_step, email):
            return [NO_LEAD_PATH]
        without = outcomes_without_next_step(self.rulebook, self.site_step, email)
        if len(without) == sum(len(q.outcomes) for q in self.rulebook.quizzes.values()):
            return [
                "pelican.conf.py: Kein Ergebnis endet mit einem nächsten Schritt – setz KUNDENFIT_NEXT_STEP "
                "(z. B. ein Erstgespräch) oder KUNDENFIT_CONTACT_EMAIL."
            ]
        if without:
            return [
                f"Ohne nächsten Schritt enden: {', '.join(without)} – ergänze dort next_step und "
                "next_step_url oder setz KUNDENFIT_NEXT_STEP in pelican.conf.py."
            ]
        return []

    def listing(self, kind: str, lang: str, addresses: Addresses) -> list[dict]:
        return views.listing(self.rulebook_in(lang), kind, addresses, self.with_pdf)

    def addresses_from(self, save_as: str | None) -> Addresses:
        """The addresses a page written to `save_as` links (relative with RELATIVE_URLS)."""
        if not self.settings.get("RELATIVE_URLS"):
            return self.addresses
        return self.addresses.from_page(save_as, sites.offset_to_main(self.settings))

    def view_context(self, kind: str, view_id: str, on_own_page: bool, save_as: str | None = None) -> dict:
        addresses = self.addresses_from(save_as)
        return {
            **views.view_context(
                self.rulebook,
                kind,
                view_id,
                addresses,
                on_own_page=on_own_page,
                with_pdf=self.with_pdf,
                lead=self.lead if kind == "quiz" else None,
                site_step=self.site_step,
                sources=self.sources,
            ),
            **(self.brand_context(addresses) if on_own_page else {}),
        }

    def render_embed(self, kind: str, view_id: str, save_as: str | None = None) -> str:
        """Render a view for the inside of an article written to `save_as`: once per id and
        the addresses it links (all articles at the same depth share one rendering)."""
        at = self.addresses_from(save_as)
        key = (kind, view_id, at.siteurl, at.main_siteurl)
        if key not in self.embeds:
            self.install_ui_translations()  # the article may be read after the i18n plugin installed its own
            template = self.env.get_template(f"kundenfit/{kind}.html")
            view = self.view_context(kind, view_id, on_own_page=False, save_as=save_as)
            self.embeds[key] = template.render({**self.context, **view})
        return self.embeds[key]

    def link_views(self, content) -> None:
        """Load the runtime around an article's directives and list the quizzes and checklists
        it links to; the views themselves are filled in as its page is written."""
        addresses = self.addresses_from(getattr(content, "save_as", None))
        if content._content:
            content._content = wrap_with_runtime(
                content._content, addresses.asset(CSS_NAME), addresses.asset(JS_NAME)
            )
        book = self.rulebook
        content.kundenfit_links = [
            {"url": addresses.url(kind, view_id), "title": items[view_id].title, "kind": kind}
            for kind, items in (("quiz", book.quizzes), ("checklist", book.checklists))
            for view_id in metadata_ids(content, kind)
        ]

    def fill_page(self, text: str, save_as: str) -> str:
        """Fill the views into a page as Pelican writes it (glue.ViewFillingTemplate): each page
        holds its views only while it is written, so 500 articles with a quiz each cost no more
        memory than 500 without, and no page is read back from disk."""
        if PLACEHOLDER_START not in text:  # most pages: no regular expression over the whole page
            return text
        return fill_views(text, lambda kind, view_id: self.render_embed(kind, view_id, save_as))

    def generate_output(self, writer):
        self.install_ui_translations()  # the i18n plugin may have replaced ours meanwhile
        origin = urlsplit(self.settings["SITEURL"])
        for quiz_id in self.rulebook.quizzes:
            # Embed pages live in other sites' iframes: always absolute addresses.
            writer.write_file(
                self.addresses.save_as("embed", quiz_id),
                self.get_template("kundenfit/quiz_embed"),
                self.context,
                relative_urls=False,
                **views.embed_page_context(
                    self.rulebook,
                    quiz_id,
                    self.addresses,
                    f"{origin.scheme}://{origin.netloc}",
                    with_pdf=self.with_pdf,
                    lead=self.lead,
                    site_step=self.site_step,
                    sources=self.sources,
                ),
                **self.brand_context(self.addresses),
            )
            write_oembed(
                Path(self.output_path) / self.addresses.save_as("oembed", quiz_id),
                title=self.rulebook.quizzes[quiz_id].title,
                page_url=self.addresses.url("quiz", quiz_id),
                embed_url=self.addresses.url("embed", quiz_id),
                provider_name=self.settings["SITENAME"],
                provider_url=self.settings["SITEURL"] + "/",
            )
        for kind, items in (("quiz", self.rulebook.quizzes), ("checklist", self.rulebook.checklists)):
            template = self.get_template(f"kundenfit/{kind}_page")
            for view_id in items:
                save_as = self.addresses.save_as(kind, view_id)
                writer.write_file(
                    save_as,
                    template,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    **self.view_context(kind, view_id, on_own_page=True, save_as=save_as),
                )
        self.write_outcome_pages(writer)
        if self.is_main_site:
            self.write_site_files(Path(self.output_path))

    def write_outcome_pages(self, writer) -> None:
        """One page per quiz and outcome in this language, with its share image beside it."""
        template = self.get_template("kundenfit/outcome_page")
        invite = self.ui_catalog.gettext("Und wie ist es bei dir?")
        for quiz in self.rulebook.quizzes.values():
            for outcome in quiz.outcomes:
                save_as = self.addresses.outcome_save_as(quiz.id, outcome.id)
                write_share_image(
                    Path(self.output_path) / self.addresses.outcome_save_as(quiz.id, outcome.id, image=True),
                    Path(self.settings.get("CACHE_PATH") or "cache") / "kundenfit-share",
                    site=self.settings["SITENAME"],
                    quiz_title=quiz.title,
                    outcome_title=outcome.title,
                    invite=invite,
                    primary=self.brand.primary,
                    accent=self.brand.accent,
                    font=str(self.brand.font) if self.brand.font else None,
                )
                context = views.outcome_page_context(
                    self.rulebook,
                    quiz.id,
                    outcome.id,
                    self.addresses_from(save_as),
                    with_pdf=self.with_pdf,
                    lead=self.lead,
                    site_step=self.site_step,
                    sources=self.sources,
                )
                # og:image and og:url must be absolute wherever the site has an address.
                context["share_image"]["url"] = self.addresses.share_image_url(quiz.id, outcome.id)
                context["og_url"] = self.addresses.outcome_url(quiz.id, outcome.id)
                writer.write_file(
                    save_as, template, self.context, relative_urls=self.settings["RELATIVE_URLS"], **context
                )

    def write_site_files(self, output: Path) -> None:
        """Once per site, in the main run: runtime assets and the manifest of every language."""
        assets = output / self.options["KUNDENFIT_ASSETS_DIR"]
        write_assets(assets, self.brand_css)
        try:
            write_brand_files(self.brand, assets / FILES_DIR)
        except BrandFileError as error:
            stop_build([KundenfitError(str(error))])
        manifest = output / self.options["KUNDENFIT_MANIFEST_SAVE_AS"]
        local = bool(self.settings.get("RELATIVE_URLS"))
        manifest.write_text(manifest_json(self.manifest, local=local), encoding="utf-8")

    def pdf_jobs(self) -> list[dict]:
        """Arguments of pdf_build.build_checklist_pdfs (all but log), one job per language.

        Only the main site returns jobs: the i18n plugin writes each subsite inside the main
        site's run, before the main site writes the theme files the pages use, so the main
        site makes every language's PDFs once everything is written.
        """
        if not self.is_main_site:
            return []
        jobs = []
        for lang, siteurl in sites.languages(self.settings).items():
            addresses = self.addresses.in_language(lang, siteurl)
            checklists = [
                {
                    "id": c.id,
                    "title": c.title,
                    "page_save_as": addresses.save_as("checklist", c.id),
                    "pdf_save_as": addresses.save_as("pdf", c.id),
                    "author": self.settings.get("AUTHOR") or self.settings.get("SITENAME"),
                    "subject": " ".join(c.intro.split()) or c.title,
                    "origin": str(c.origin),
                }
                for c in self.rulebook_in(lang).checklists.values()
            ]
            jobs.append(
                {
                    "output_path": sites.output_path(self.settings, lang),
                    "siteurl": siteurl,
                    "lang": lang,
                    "checklists": checklists,
                    "cache_dir": self.pdf_cache,
                    "required": bool(self.options["KUNDENFIT_PDF_REQUIRED"]),
                    "font_family": self.brand.font_family,
                }
            )
        return jobs
