"""The Pelican generator that loads the rule files and writes quiz and checklist pages.

Pages go through Pelican's writer and the theme's Jinja environment, so a theme can override
the plugin's templates and an i18n plugin can install its translations into them.
"""

from __future__ import annotations

import gettext
import logging
import sys
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from . import settings as kf_settings
from .assets import CSS_NAME, EMBED_CSS_NAME, JS_NAME, LOADER_NAME, write_assets
from .embeds import fill_placeholders, metadata_ids
from .errors import KundenfitError, RuleFileErrors
from .headers import headers_file
from .manifest import manifest_json
from .newsletter import newsletter_form
from .pdf import pdf_support
from .render.quiz_data import quiz_data, script_json
from .rules import load_rulebook
from .translate import missing_rule_translations, rule_translations, translate_rulebook

logger = logging.getLogger(__name__)
TEMPLATES_DIR = Path(__file__).parent / "templates"


class BuildStopped(SystemExit):
    """Stop Pelican with exit status 2 after the problems were printed.

    A SystemExit, because Pelican prints a traceback for any Exception it catches, and the
    coach must see only the problem lines.
    """

    def __init__(self):
        super().__init__(2)


def stop_build(problems: list[KundenfitError]) -> None:
    """Print one plain line per problem (no log decoration that could wrap it), then stop."""
    lines = []
    for problem in problems:
        inner = problem.problems if isinstance(problem, RuleFileErrors) else [problem]
        lines.extend(str(p) for p in inner)
    for line in lines:
        print(f"Fehler: {line}", file=sys.stderr)
    print(f"Build abgebrochen: {len(lines)} Problem(e). output/ bleibt unverändert.", file=sys.stderr)
    raise BuildStopped()


class KundenfitGenerator(Generator):
    """Load rules once per build; write one page per quiz and checklist, assets and manifest."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The theme comes first so it may override any plugin template.
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(str(TEMPLATES_DIR))])
        self.options = kf_settings.read(self.settings)
        self.books: dict = {}  # language -> RuleBook, filled by generate_context
        self.rulebook = None  # in this site's language
        self.newsletter = None
        self.manifest: list[dict] = []
        self.base = None  # with RELATIVE_URLS: the way from the page being written to the site root

    # -- addresses ---------------------------------------------------------------------------
    # Each kind of page has a KUNDENFIT_<KIND>_URL and _SAVE_AS setting ({id}, {lang}).
    def view_path(self, kind: str, view_id: str, lang: str | None = None) -> str:
        """A view's address relative to SITEURL: kind is quiz, checklist, embed or pdf."""
        if kind == "pdf":
            return self.options["KUNDENFIT_PDF_SAVE_AS"].format(id=view_id, lang=lang or self.lang)
        return self.options[f"KUNDENFIT_{kind.upper()}_URL"].format(id=view_id)

    def url(self, kind: str, view_id: str, siteurl: str | None = None, lang: str | None = None) -> str:
        return f"{siteurl or self.base or self.settings['SITEURL']}/{self.view_path(kind, view_id, lang)}"

    def relative_to(self, save_as: str | None) -> None:
        """With RELATIVE_URLS, address everything from `save_as` (as Pelican's writer does)."""
        relative = self.settings.get("RELATIVE_URLS") and save_as
        self.base = path_to_url(get_relative_path(save_as)) if relative else None

    def save_as(self, kind: str, view_id: str) -> str:
        return self.options[f"KUNDENFIT_{kind.upper()}_SAVE_AS"].format(id=view_id)

    def pdf_url(self, view_id: str) -> str | None:
        """The checklist's PDF, when this machine can make it (else no link to a missing file)."""
        return self.url("pdf", view_id) if pdf_support()[0] else None

    def pdf_jobs(self) -> list[dict]:
        """Arguments of pdf_build.build_checklist_pdfs (all but log), one job per language.

        Only the main site returns jobs: the i18n plugin writes each subsite inside the main
        site's run, before the main site writes the theme files the pages use, so the main
        site makes every language's PDFs once everything is written.
        """
        if not self.is_main_site:
            return []
        subsites = self.settings.get("I18N_SUBSITES") or {}
        jobs = []
        for lang, siteurl in self.site_languages().items():
            output = Path(self.output_path)
            if lang != self.lang:
                output = Path(subsites[lang].get("OUTPUT_PATH", output / lang))
            checklists = [
                {
                    "id": c.id,
                    "title": c.title,
                    "page_save_as": self.save_as("checklist", c.id),
                    "pdf_save_as": self.view_path("pdf", c.id, lang),
                    "author": self.settings.get("AUTHOR") or self.settings.get("SITENAME"),
                    "subject": " ".join(c.intro.split()) or c.title,
                }
                for c in self.rulebook_in(lang).checklists.values()
            ]
            jobs.append(
                {
                    "output_path": output,
                    "siteurl": siteurl,
                    "lang": lang,
                    "checklists": checklists,
                    "cache_dir": Path(self.settings.get("CACHE_PATH") or "cache") / "kundenfit-pdf",
                    "required": bool(self.options["KUNDENFIT_PDF_REQUIRED"]),
                }
            )
        return jobs

    def asset_url(self, name: str) -> str:
        return f"{self.base or self.settings['SITEURL']}/{self.options['KUNDENFIT_ASSETS_DIR']}/{name}"

    # -- languages ---------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.settings.get("DEFAULT_LANG", "de")

    def localedir(self) -> Path | None:
        localedir = self.settings.get("I18N_GETTEXT_LOCALEDIR")
        return Path(localedir) if localedir else None

    @property
    def is_main_site(self) -> bool:
        """False in a language subsite of pelican-i18n-subsites (it runs inside the main site)."""
        return self.lang not in (self.settings.get("I18N_SUBSITES") or {})

    def site_languages(self) -> dict[str, str]:
        """Every language the site is built in, with its SITEURL (this site's first)."""
        urls = {self.lang: self.settings["SITEURL"]}
        if self.is_main_site:  # the main site also knows its subsites' addresses
            for lang, overrides in (self.settings.get("I18N_SUBSITES") or {}).items():
                urls[lang] = overrides.get("SITEURL", f"{self.settings['SITEURL']}/{lang}")
        return urls

    def rulebook_in(self, lang: str):
        """The rule book with its texts in `lang`, translated once per build and language."""
        if lang not in self.books:
            book = self.books[self.options["KUNDENFIT_SOURCE_LANG"]]
            if self.localedir() is not None:
                translations = rule_translations(self.localedir(), lang)
                for text in missing_rule_translations(book, translations):
                    logger.warning(
                        "Regeltext ohne Übersetzung (%s): %r – ergänze ihn in translations/%s/",
                        lang,
                        text,
                        lang,
                    )
                book = translate_rulebook(book, translations)
            self.books[lang] = book
        return self.books[lang]

    def install_ui_translations(self) -> None:
        """Give the plugin's templates the UI catalog of this site's language.

        The i18n plugin installs catalogs only just before writing; articles embed quizzes
        earlier, so the plugin installs the same catalog itself.
        """
        localedir = self.localedir()
        domain = self.settings.get("I18N_GETTEXT_DOMAIN", "messages")
        translations = (
            gettext.translation(domain, str(localedir), [self.lang], fallback=True)
            if localedir
            else gettext.NullTranslations()
        )
        self.env.install_gettext_translations(translations, newstyle=True)

    # -- Pelican phases ----------------------------------------------------------------------
    def generate_context(self):
        rules_dir = Path(self.path) / self.options["KUNDENFIT_RULES_PATH"]
        try:
            self.books = {self.options["KUNDENFIT_SOURCE_LANG"]: load_rulebook(rules_dir)}
        except KundenfitError as error:
            stop_build([error])
        self.rulebook = self.rulebook_in(self.lang)
        self.context["kundenfit_quizzes"] = self.listing("quiz", self.lang)
        self.context["kundenfit_checklists"] = self.listing("checklist", self.lang)
        self.manifest = [
            {"type": kind, **{k: v for k, v in item.items() if k != "intro"}}
            for lang, siteurl in self.site_languages().items()
            for kind in ("quiz", "checklist")
            for item in self.listing(kind, lang, siteurl)
        ]
        try:
            self.newsletter = newsletter_form(self.options["KUNDENFIT_NEWSLETTER"], self.lang)
        except KundenfitError as error:
            stop_build([error])
        self.context["kundenfit_newsletter"] = self.newsletter
        self.install_ui_translations()

    def listing(self, kind: str, lang: str, siteurl: str | None = None) -> list[dict]:
        """Title, intro and addresses of each quiz or checklist, for the landing page and manifest."""
        book = self.rulebook_in(lang)
        views = book.quizzes if kind == "quiz" else book.checklists
        extra = {"quiz": ["embed"], "checklist": ["pdf"] if pdf_support()[0] else []}[kind]
        return [
            {
                "id": v.id,
                "title": v.title,
                "intro": v.intro,
                "lang": lang,
                "url": self.url(kind, v.id, siteurl, lang),
                "path": self.view_path(kind, v.id, lang),
                "count": len(v.rules) if kind == "quiz" else sum(len(g.rules) for g in v.groups),
                **{f"{other}_url": self.url(other, v.id, siteurl, lang) for other in extra},
            }
            for v in views.values()
        ]

    def view_context(self, kind: str, view_id: str, on_own_page: bool) -> dict:
        """Everything the quiz/checklist templates need for one view."""
        book = self.rulebook
        common = {
            "lang": self.lang,
            "heading_level": 2,
            "show_title": not on_own_page,
            "kf_css_url": self.asset_url(CSS_NAME),
            "kf_js_url": self.asset_url(JS_NAME),
            "pdf_url": None,
        }
        if kind == "quiz":
            quiz = book.quizzes[view_id]
            checklist = book.checklists.get(quiz.checklist) if quiz.checklist else None
            return {
                **common,
                "quiz": quiz,
                "quiz_json": script_json(quiz_data(quiz)),
                "quiz_url": None if on_own_page else self.url("quiz", quiz.id),
                "checklist": checklist,
                "checklist_url": self.url("checklist", checklist.id) if checklist else None,
                "pdf_url": self.pdf_url(checklist.id) if checklist else None,
                "page_url": self.url("quiz", quiz.id),
                "embed_url": self.url("embed", quiz.id),
                "loader_url": self.asset_url(LOADER_NAME),
                "newsletter": self.newsletter,
            }
        checklist = book.checklists[view_id]
        quiz = book.quizzes.get(checklist.quiz) if checklist.quiz else None
        return {
            **common,
            "pdf_url": self.pdf_url(checklist.id),
            "checklist": checklist,
            "checklist_url": None if on_own_page else self.url("checklist", checklist.id),
            "quiz": quiz,
            "quiz_url": self.url("quiz", quiz.id) if quiz else None,
            "page_url": self.url("checklist", checklist.id),
        }

    def render_embed(self, kind: str, view_id: str) -> str:
        """Render a view for the inside of an article."""
        template = self.env.get_template(f"kundenfit/{kind}.html")
        return template.render({**self.context, **self.view_context(kind, view_id, on_own_page=False)})

    def embed_views_into(self, content) -> None:
        """Fill an article's directives and list the quizzes and checklists it links to."""
        self.relative_to(getattr(content, "save_as", None))
        if content._content:
            content._content = fill_placeholders(
                content._content, self.render_embed, self.asset_url(CSS_NAME), self.asset_url(JS_NAME)
            )
        book = self.rulebook
        content.kundenfit_links = [
            {"url": self.url(kind, view_id), "title": views[view_id].title, "kind": kind}
            for kind, views in (("quiz", book.quizzes), ("checklist", book.checklists))
            for view_id in metadata_ids(content, kind)
        ]
        self.relative_to(None)

    def generate_output(self, writer):
        self.install_ui_translations()  # the i18n plugin may have replaced ours meanwhile
        origin = urlsplit(self.settings["SITEURL"])
        for quiz_id in self.rulebook.quizzes:
            self.relative_to(self.save_as("embed", quiz_id))
            writer.write_file(
                self.save_as("embed", quiz_id),
                self.get_template("kundenfit/quiz_embed"),
                self.context,
                relative_urls=False,
                **{
                    **self.view_context("quiz", quiz_id, on_own_page=True),
                    "embed": True,
                    "kf_embed_css_url": self.asset_url(EMBED_CSS_NAME),
                    "site_origin": f"{origin.scheme}://{origin.netloc}",
                },
            )
        for kind, views in (("quiz", self.rulebook.quizzes), ("checklist", self.rulebook.checklists)):
            template = self.get_template(f"kundenfit/{kind}_page")
            for view_id in views:
                self.relative_to(self.save_as(kind, view_id))
                writer.write_file(
                    self.save_as(kind, view_id),
                    template,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    **self.view_context(kind, view_id, on_own_page=True),
                )
        self.relative_to(None)
        output = Path(self.output_path)
        write_assets(output / self.options["KUNDENFIT_ASSETS_DIR"])
        manifest = output / self.options["KUNDENFIT_MANIFEST_SAVE_AS"]
        manifest.write_text(
            manifest_json(self.manifest, local=self.settings.get("RELATIVE_URLS")), encoding="utf-8"
        )
        if self.options["KUNDENFIT_HEADERS_SAVE_AS"] and self.is_main_site:
            subsites = self.settings.get("I18N_SUBSITES") or {}
            (output / self.options["KUNDENFIT_HEADERS_SAVE_AS"]).write_text(
                headers_file([self.options["KUNDENFIT_EMBED_URL"]], ["", *(f"{lang}/" for lang in subsites)]),
                encoding="utf-8",
            )
