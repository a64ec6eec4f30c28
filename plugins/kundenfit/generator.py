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

from . import settings as kf_settings
from .assets import CSS_NAME, EMBED_CSS_NAME, JS_NAME, LOADER_NAME, write_assets
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
        self.rulebook = None
        self.newsletter = None
        self.source_book = None
        self.manifest: list[dict] = []

    # -- addresses ---------------------------------------------------------------------------
    def url(self, kind: str, view_id: str) -> str:
        key = {"quiz": "KUNDENFIT_QUIZ_URL", "embed": "KUNDENFIT_EMBED_URL"}.get(kind)
        key = key or "KUNDENFIT_CHECKLIST_URL"
        return f"{self.settings['SITEURL']}/{self.options[key].format(id=view_id)}"

    def save_as(self, kind: str, view_id: str) -> str:
        key = "KUNDENFIT_QUIZ_SAVE_AS" if kind == "quiz" else "KUNDENFIT_CHECKLIST_SAVE_AS"
        return self.options[key].format(id=view_id)

    def pdf_save_as(self, view_id: str, lang: str | None = None) -> str:
        return self.options["KUNDENFIT_PDF_SAVE_AS"].format(id=view_id, lang=lang or self.lang)

    def pdf_url(self, view_id: str) -> str | None:
        """The checklist's PDF, when this machine can make it (else no link to a missing file)."""
        if not pdf_support()[0]:
            return None
        return f"{self.settings['SITEURL']}/{self.pdf_save_as(view_id)}"

    def pdf_jobs(self) -> list[dict]:
        """Arguments of pdf_build.build_checklist_pdfs (all but log), one job per language.

        Only the main site returns jobs: the i18n plugin writes each subsite inside the main
        site's run, before the main site writes the theme files the pages use, so the main
        site makes every language's PDFs once everything is written.
        """
        if self.lang in (self.settings.get("I18N_SUBSITES") or {}):
            return []
        subsites = self.settings.get("I18N_SUBSITES") or {}
        jobs = []
        for lang, siteurl in self.site_languages().items():
            output = Path(self.output_path)
            if lang != self.lang:
                output = Path(subsites[lang].get("OUTPUT_PATH", output / lang))
            book = self.rulebook_in(lang, self.source_book)
            checklists = [
                {
                    "id": c.id,
                    "title": c.title,
                    "page_save_as": self.save_as("checklist", c.id),
                    "pdf_save_as": self.pdf_save_as(c.id, lang),
                    "author": self.settings.get("AUTHOR") or self.settings.get("SITENAME"),
                    "subject": " ".join(c.intro.split()) or c.title,
                }
                for c in book.checklists.values()
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
        return f"{self.settings['SITEURL']}/{self.options['KUNDENFIT_ASSETS_DIR']}/{name}"

    # -- languages ---------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.settings.get("DEFAULT_LANG", "de")

    def localedir(self) -> Path | None:
        localedir = self.settings.get("I18N_GETTEXT_LOCALEDIR")
        return Path(localedir) if localedir else None

    def site_languages(self) -> dict[str, str]:
        """Every language the site is built in, with its SITEURL (this site's first)."""
        urls = {self.lang: self.settings["SITEURL"]}
        subsites = self.settings.get("I18N_SUBSITES") or {}
        if self.lang not in subsites:  # the main site also knows its subsites' addresses
            for lang, overrides in subsites.items():
                urls[lang] = overrides.get("SITEURL", f"{self.settings['SITEURL']}/{lang}")
        return urls

    def rulebook_in(self, lang: str, book):
        """The rule book with its texts in `lang` (the rule files' language needs no catalog)."""
        if lang == self.options["KUNDENFIT_SOURCE_LANG"] or self.localedir() is None:
            return book
        translations = rule_translations(self.localedir(), lang)
        for text in missing_rule_translations(book, translations):
            logger.warning(
                "Regeltext ohne Übersetzung (%s): %r – ergänze ihn in translations/%s/", lang, text, lang
            )
        return translate_rulebook(book, translations)

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
            source_book = load_rulebook(rules_dir)
        except KundenfitError as error:
            stop_build([error])
        self.source_book = source_book
        self.rulebook = self.rulebook_in(self.lang, source_book)
        self.context["kundenfit_quizzes"] = self.listing("quiz", self.rulebook.quizzes, self.lang)
        self.context["kundenfit_checklists"] = self.listing("checklist", self.rulebook.checklists, self.lang)
        self.manifest = [
            {"type": entry_type, **{k: v for k, v in item.items() if k != "intro"}}
            for lang, siteurl in self.site_languages().items()
            for entry_type, views in self.views_by_type(self.rulebook_in(lang, source_book)).items()
            for item in self.listing(entry_type, views, lang, siteurl)
        ]
        try:
            self.newsletter = newsletter_form(self.options["KUNDENFIT_NEWSLETTER"], self.lang)
        except KundenfitError as error:
            stop_build([error])
        self.install_ui_translations()

    @staticmethod
    def views_by_type(book) -> dict:
        return {"quiz": book.quizzes, "checklist": book.checklists}

    def listing(self, kind: str, views: dict, lang: str, siteurl: str | None = None) -> list[dict]:
        """Title, intro and addresses of each quiz or checklist, for the landing page and manifest."""
        base = siteurl or self.settings["SITEURL"]
        key = "KUNDENFIT_QUIZ_URL" if kind == "quiz" else "KUNDENFIT_CHECKLIST_URL"
        with_pdf = kind == "checklist" and pdf_support()[0]
        return [
            {
                "id": v.id,
                "title": v.title,
                "intro": v.intro,
                "lang": lang,
                "url": f"{base}/{self.options[key].format(id=v.id)}",
                **({"pdf_url": f"{base}/{self.pdf_save_as(v.id, lang)}"} if with_pdf else {}),
                **(
                    {"embed_url": f"{base}/{self.options['KUNDENFIT_EMBED_URL'].format(id=v.id)}"}
                    if kind == "quiz"
                    else {}
                ),
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

    def generate_output(self, writer):
        self.install_ui_translations()  # the i18n plugin may have replaced ours meanwhile
        origin = urlsplit(self.settings["SITEURL"])
        for quiz_id in self.rulebook.quizzes:
            writer.write_file(
                self.options["KUNDENFIT_EMBED_SAVE_AS"].format(id=quiz_id),
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
                writer.write_file(
                    self.save_as(kind, view_id),
                    template,
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    **self.view_context(kind, view_id, on_own_page=True),
                )
        output = Path(self.output_path)
        write_assets(output / self.options["KUNDENFIT_ASSETS_DIR"])
        manifest = output / self.options["KUNDENFIT_MANIFEST_SAVE_AS"]
        manifest.write_text(manifest_json(self.manifest), encoding="utf-8")
        subsites = self.settings.get("I18N_SUBSITES") or {}
        if self.options["KUNDENFIT_HEADERS_SAVE_AS"] and self.lang not in subsites:  # main site only
            (output / self.options["KUNDENFIT_HEADERS_SAVE_AS"]).write_text(
                headers_file([self.options["KUNDENFIT_EMBED_URL"]], ["", *(f"{lang}/" for lang in subsites)]),
                encoding="utf-8",
            )
