"""The plugin's settings and their defaults, in one place.

Every setting is prefixed KUNDENFIT_ and read from Pelican's settings on every build, so no
state survives between builds (autoreload, one run per language).
"""

from __future__ import annotations

from .errors import KundenfitError
from .hosts import HOSTS

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
    # Newsletter sign-up after a result; None shows checklist and contact links (newsletter.py).
    "KUNDENFIT_NEWSLETTER": None,
    # Ids of quizzes and checklists in the order listings show them (landing page, manifest);
    # the first quiz is the flagship. Ids not named follow in the order of the rule files.
    "KUNDENFIT_ORDER": [],
    # Where a visitor writes with questions about a result (None: no contact link).
    "KUNDENFIT_CONTACT_EMAIL": None,
    # The site's privacy page, relative to SITEURL or absolute; the newsletter form links it.
    "KUNDENFIT_PRIVACY_URL": None,
    # One PDF per checklist and language (WeasyPrint), relative to the output folder.
    "KUNDENFIT_PDF_SAVE_AS": "checkliste/{id}/kundenfit-{id}-{lang}.pdf",
    # True: a build without WeasyPrint stops (CI); False: it skips the PDFs with one warning.
    "KUNDENFIT_PDF_REQUIRED": False,
}


def read(settings: dict) -> dict:
    """Return the plugin settings with defaults filled in."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


class HostSettingError(KundenfitError):
    """KUNDENFIT_HOST names no host the plugin knows."""


def host(options: dict) -> str:
    """The checked KUNDENFIT_HOST; one line naming the allowed values when it is unknown."""
    value = options["KUNDENFIT_HOST"]
    if value not in HOSTS:
        raise HostSettingError(
            f"pelican.conf.py: KUNDENFIT_HOST = {value!r} gibt es nicht – wähle "
            f"{', '.join(repr(h) for h in HOSTS[:-1])} oder {HOSTS[-1]!r} (docs/deploy.md)."
        )
    return value
