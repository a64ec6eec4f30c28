"""The plugin's settings and their defaults, in one place.

Every setting is prefixed KUNDENFIT_ and read from Pelican's settings on every build, so no
state survives between builds (autoreload, one run per language).
"""

from __future__ import annotations

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
    # oEmbed response per quiz (oembed.py), named by a discovery link on the quiz page.
    "KUNDENFIT_OEMBED_URL": "oembed/{id}.json",
    "KUNDENFIT_OEMBED_SAVE_AS": "oembed/{id}.json",
    # The site's icon on the embed pages: a file in the theme's static folder, or None.
    "KUNDENFIT_EMBED_ICON": None,
    # Frame headers for static hosts (Cloudflare `_headers`), at the output root; "" writes none.
    "KUNDENFIT_HEADERS_SAVE_AS": "_headers",
    # Newsletter sign-up after a result; None shows checklist and contact links (newsletter.py).
    "KUNDENFIT_NEWSLETTER": None,
    # One PDF per checklist and language (WeasyPrint), relative to the output folder.
    "KUNDENFIT_PDF_SAVE_AS": "checkliste/{id}/kundenfit-{id}-{lang}.pdf",
    # True: a build without WeasyPrint stops (CI); False: it skips the PDFs with one warning.
    "KUNDENFIT_PDF_REQUIRED": False,
}


def read(settings: dict) -> dict:
    """Return the plugin settings with defaults filled in."""
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}
