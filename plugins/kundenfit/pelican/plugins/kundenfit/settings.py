"""The plugin's settings, their defaults and their declared types, in one place.

Every setting is prefixed KUNDENFIT_ and read from Pelican's settings on every build, so no
state survives between builds (autoreload, one run per language). `problems` checks them all
once at the start of a build, before anything is written: one line per wrong value.
"""

from __future__ import annotations

import difflib

from . import brand
from . import setting_types as t
from .errors import KundenfitError
from .outputs.hosts import HOSTS
from .render.leads import LeadSettingError, lead_form
from .render.next_steps import NextStepSettingError, site_next_step

DEFAULTS = {
    # Folder of the rule files, relative to Pelican's PATH (the content folder).
    "KUNDENFIT_RULES_PATH": "rules",
    "KUNDENFIT_QUIZ_URL": "quiz/{id}/",
    "KUNDENFIT_QUIZ_SAVE_AS": "quiz/{id}/index.html",
    "KUNDENFIT_CHECKLIST_URL": "checkliste/{id}/",
    "KUNDENFIT_CHECKLIST_SAVE_AS": "checkliste/{id}/index.html",
    # Where the runtime's CSS and JS are written, relative to the output folder.
    "KUNDENFIT_ASSETS_DIR": "kundenfit",
    "KUNDENFIT_MANIFEST_SAVE_AS": "manifest.json",
    # The language the rule files are written in; other languages come from the `rules`
    # gettext catalog in I18N_GETTEXT_LOCALEDIR.
    "KUNDENFIT_SOURCE_LANG": "de",
    # Each quiz alone, for iframes on other sites (loader.js; docs/embedding.md).
    "KUNDENFIT_EMBED_URL": "embed/{id}/",
    "KUNDENFIT_EMBED_SAVE_AS": "embed/{id}/index.html",
    # Where the site is published: the build writes the header files that host reads (hosts.py,
    # docs/deploy.md): cloudflare, netlify, nginx, apache, github-pages or s3.
    "KUNDENFIT_HOST": "cloudflare",
    # oEmbed response per quiz (oembed.py), named by a discovery link on the quiz page.
    "KUNDENFIT_OEMBED_URL": "oembed/{id}.json",
    "KUNDENFIT_OEMBED_SAVE_AS": "oembed/{id}.json",
    # The site's icon on the embed pages: a file in the theme's static folder, or None.
    "KUNDENFIT_EMBED_ICON": None,
    # The lead offer after a result ("Schick mir meine Auswertung"), posted to the coach's
    # provider; None: no form (render/leads.py, presets in render/lead_presets.py).
    "KUNDENFIT_LEAD_FORM": None,
    # The next step after every outcome without its own in the rule file (render/next_steps.py).
    "KUNDENFIT_NEXT_STEP": None,
    # True: the site offers no lead path on purpose (no warning, `make publish` allowed).
    "KUNDENFIT_WITHOUT_LEADS": False,
    # One page per quiz, outcome and language, to share, with its share image (1200 × 630 PNG).
    "KUNDENFIT_OUTCOME_URL": "quiz/{id}/ergebnis/{outcome}/",
    "KUNDENFIT_OUTCOME_SAVE_AS": "quiz/{id}/ergebnis/{outcome}/index.html",
    "KUNDENFIT_SHARE_IMAGE_SAVE_AS": "quiz/{id}/ergebnis/{outcome}/teilen.png",
    # Ids of quizzes and checklists in the order listings show them (landing page, manifest);
    # the first quiz is the flagship. Ids not named follow in the order of the rule files.
    "KUNDENFIT_ORDER": [],
    # Where a visitor writes with questions about a result (None: no contact link).
    "KUNDENFIT_CONTACT_EMAIL": None,
    # The site's privacy page, relative to SITEURL or absolute; the lead form links it.
    "KUNDENFIT_PRIVACY_URL": None,
    # One PDF per checklist and language (WeasyPrint), relative to the output folder.
    "KUNDENFIT_PDF_SAVE_AS": "checkliste/{id}/kundenfit-{id}-{lang}.pdf",
    # True: a build without WeasyPrint stops (CI); False: it skips the PDFs with one warning.
    "KUNDENFIT_PDF_REQUIRED": False,
    # Quiz events (start, complete, lead) to the coach's own Plausible, Matomo or Umami, e.g.
    # {"tool": "plausible", "url": "https://statistik.deine-domain.de"}; None: no script, no request.
    "KUNDENFIT_ANALYTICS": None,
    # The coach's brand: logo, colours, font, name, next step (brand.py; None: the shipped one).
    "KUNDENFIT_BRAND": None,
}


# What each setting accepts (setting_types.py); the lead form's shape is render/leads.py's.
SHAPES: dict[str, t.Type] = {
    "KUNDENFIT_RULES_PATH": t.Text("rules"),
    "KUNDENFIT_QUIZ_URL": t.Pattern("quiz/{id}/"),
    "KUNDENFIT_QUIZ_SAVE_AS": t.Pattern("quiz/{id}/index.html", save_as=True),
    "KUNDENFIT_CHECKLIST_URL": t.Pattern("checkliste/{id}/"),
    "KUNDENFIT_CHECKLIST_SAVE_AS": t.Pattern("checkliste/{id}/index.html", save_as=True),
    "KUNDENFIT_ASSETS_DIR": t.Folder("kundenfit"),
    "KUNDENFIT_MANIFEST_SAVE_AS": t.Pattern("manifest.json", fields=(), required=(), save_as=True),
    "KUNDENFIT_SOURCE_LANG": t.Text(
        "de", pattern=r"[a-z]{2,3}(_[A-Z]{2})?", hint="ist kein Sprachkürzel – schreib es klein"
    ),
    "KUNDENFIT_EMBED_URL": t.Pattern("embed/{id}/", own_folder=True),
    "KUNDENFIT_EMBED_SAVE_AS": t.Pattern("embed/{id}/index.html", save_as=True),
    "KUNDENFIT_HOST": t.OneOf(HOSTS),
    "KUNDENFIT_OEMBED_URL": t.Pattern("oembed/{id}.json"),
    "KUNDENFIT_OEMBED_SAVE_AS": t.Pattern("oembed/{id}.json", save_as=True),
    "KUNDENFIT_EMBED_ICON": t.Optional(t.Text("favicon.svg")),
    "KUNDENFIT_LEAD_FORM": t.Elsewhere(),  # leads.lead_form, per language
    "KUNDENFIT_NEXT_STEP": t.Elsewhere(),  # next_steps.site_next_step, per language
    "KUNDENFIT_WITHOUT_LEADS": t.Flag(),
    "KUNDENFIT_OUTCOME_URL": t.Pattern(
        "quiz/{id}/ergebnis/{outcome}/", fields=("id", "outcome"), required=("id", "outcome")
    ),
    "KUNDENFIT_OUTCOME_SAVE_AS": t.Pattern(
        "quiz/{id}/ergebnis/{outcome}/index.html",
        fields=("id", "outcome"),
        required=("id", "outcome"),
        save_as=True,
    ),
    "KUNDENFIT_SHARE_IMAGE_SAVE_AS": t.Pattern(
        "quiz/{id}/ergebnis/{outcome}/teilen.png",
        fields=("id", "outcome"),
        required=("id", "outcome"),
        save_as=True,
    ),
    "KUNDENFIT_ORDER": t.Ids(),
    "KUNDENFIT_CONTACT_EMAIL": t.Optional(t.Email()),
    "KUNDENFIT_PRIVACY_URL": t.Optional(t.Text("datenschutz/")),
    "KUNDENFIT_PDF_SAVE_AS": t.Pattern(
        "checkliste/{id}/kundenfit-{id}-{lang}.pdf", fields=("id", "lang"), save_as=True
    ),
    "KUNDENFIT_PDF_REQUIRED": t.Flag(),
    "KUNDENFIT_ANALYTICS": t.Optional(t.Analytics()),
    "KUNDENFIT_BRAND": t.Elsewhere(),  # brand.problems: fields, files and contrast
}
SETTINGS_FILE = "pelican.conf.py"
# Settings of earlier versions, with what replaced them.
RENAMED = {
    "KUNDENFIT_NEWSLETTER": "heißt jetzt KUNDENFIT_LEAD_FORM, mit Vorlagen je Anbieter – "
    "schreib z. B. {'preset': 'brevo', 'action': 'https://…'} (plugins/kundenfit/…/render/leads.py).",
}


class SettingProblem(KundenfitError):
    """One KUNDENFIT_* setting that cannot be used; the line names it and says what to write."""


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}…"


def problems(settings: dict, languages: list[str]) -> list[SettingProblem]:
    """Every KUNDENFIT_* setting that is misspelt or has a value the plugin cannot use."""
    found = []
    for key in sorted(k for k in settings if k.startswith("KUNDENFIT_") and k not in DEFAULTS):
        if key in RENAMED:
            if settings[key]:
                found.append(SettingProblem(f"{SETTINGS_FILE}: {key} {RENAMED[key]}"))
            continue
        prefix = len("KUNDENFIT_")  # compare what follows the common prefix
        close = difflib.get_close_matches(key[prefix:], [name[prefix:] for name in DEFAULTS], n=1)
        hint = (
            f"meintest du KUNDENFIT_{close[0]}?" if close else "lösch die Zeile oder prüfe die Schreibweise."
        )
        found.append(SettingProblem(f"{SETTINGS_FILE}: {key} gibt es nicht – {hint}"))
    options = read(settings)
    for key, shape in SHAPES.items():
        if key == "KUNDENFIT_HOST" and options[key] not in HOSTS:
            found.append(HostSettingError(_host_line(options[key])))
            continue
        why = shape.problem(options[key])
        if why:
            found.append(SettingProblem(f"{SETTINGS_FILE}: {key} = {_shown(options[key])} {why}"))
    found.extend(_lead_problems(options, languages))
    found.extend(SettingProblem(line) for line in brand.problems(settings, languages))
    return found


def _lead_problems(options: dict, languages: list[str]) -> list[KundenfitError]:
    try:
        for lang in languages:
            site_next_step(options["KUNDENFIT_NEXT_STEP"], lang)
    except NextStepSettingError as error:
        return [error]
    try:
        forms = [lead_form(options["KUNDENFIT_LEAD_FORM"], lang) for lang in languages]
    except LeadSettingError as error:
        return [error]
    if any(forms) and not options["KUNDENFIT_PRIVACY_URL"]:
        return [
            SettingProblem(
                f"{SETTINGS_FILE}: KUNDENFIT_LEAD_FORM braucht KUNDENFIT_PRIVACY_URL – das Formular "
                "muss auf deine Datenschutzerklärung verweisen "
                '(z. B. KUNDENFIT_PRIVACY_URL = "datenschutz/").'
            )
        ]
    return []


def read(settings: dict) -> dict:
    """Return the plugin settings with defaults filled in."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


class HostSettingError(KundenfitError):
    """KUNDENFIT_HOST names no host the plugin knows."""


def host(options: dict) -> str:
    """The checked KUNDENFIT_HOST; one line naming the allowed values when it is unknown."""
    value = options["KUNDENFIT_HOST"]
    if value not in HOSTS:
        raise HostSettingError(_host_line(value))
    return value


def _host_line(value) -> str:
    return (
        f"{SETTINGS_FILE}: KUNDENFIT_HOST = {_shown(value)} gibt es nicht – wähle "
        f"{', '.join(repr(h) for h in HOSTS[:-1])} oder {HOSTS[-1]!r} (docs/deploy.md)."
    )
