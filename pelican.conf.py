"""Pelican settings for the Kundenfit site.

Everything a coach may want to change is at the top (owner data, newsletter); the rest wires
Pelican, the theme and the Kundenfit plugin together. Build with `make html`.
"""

import os

# --- Site and owner (shown in Impressum and Datenschutz; replace the placeholders) ----------
SITENAME = "Kundenfit"
SITESUBTITLE = "Finde die Kunden, die zu dir passen"
AUTHOR = "Kundenfit-Redaktion"
# Absolute address of the site. `make serve` previews at this address; for publishing pass
# the real one: make html PELICANOPTS="-e SITEURL='\"https://example.org\"'"
SITEURL = os.environ.get("KUNDENFIT_SITEURL", "http://localhost:8000")

SITE_OWNER = {
    "name": "[Platzhalter: Vor- und Nachname]",
    "street": "[Platzhalter: Straße und Hausnummer]",
    "city": "[Platzhalter: PLZ und Ort]",
    "email": "kontakt@example.org",
    "phone": "[Platzhalter: Telefonnummer]",
    "responsible": "[Platzhalter: Verantwortlich nach § 18 Abs. 2 MStV]",
}

# Where the site is published: the build writes the header file this host reads (only embed
# pages may be framed, assets kept a year, 404 page per language). One of "cloudflare",
# "netlify", "nginx", "apache", "github-pages", "s3"; see docs/deploy.md.
KUNDENFIT_HOST = "cloudflare"

# Order of quizzes and checklists on the landing page: the flagship quiz first.
KUNDENFIT_ORDER = ["kundenfit", "beziehungsphase", "kontakt", "vor-dem-auftrag", "wunschkunden-avatar"]

# The plugin's contact link after a result and the privacy page its newsletter form links.
KUNDENFIT_CONTACT_EMAIL = SITE_OWNER["email"]
KUNDENFIT_PRIVACY_URL = "datenschutz/"

TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
LOCALE = ("de_DE.UTF-8", "C.UTF-8", "")
DEFAULT_DATE_FORMAT = "%d.%m.%Y"

# --- Content -----------------------------------------------------------------------------
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
IGNORE_FILES = [".#*", "rules"]
READERS = {"html": None}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.meta": {},
        "markdown.extensions.smarty": {"substitutions": {}},
        "markdown.extensions.toc": {},
        "markdown.extensions.attr_list": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# --- URLs ----------------------------------------------------------------------------------
ARTICLE_URL = "artikel/{slug}/"
ARTICLE_SAVE_AS = "artikel/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# Categories and tags are shown on each article but get no pages of their own: every page
# then has a counterpart with the same path in the other language.
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
INDEX_SAVE_AS = "artikel/index.html"
INDEX_URL = "artikel/"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index"]
SITEMAP_SAVE_AS = "sitemap.xml"
DEFAULT_PAGINATION = False
SLUGIFY_SOURCE = "basename"

# --- Feeds -----------------------------------------------------------------------------------
FEED_ALL_ATOM = None
# One feed per language (FEED_ATOM holds only the articles in the site's own language).
FEED_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# --- Languages ---------------------------------------------------------------------------
# German is the main site at /, English a subsite at /en/ (pelican-i18n-subsites). Both use the
# same paths, so the language switcher links every page to its counterpart.
I18N_SUBSITES = {
    "en": {
        "SITESUBTITLE": "Find the clients who fit you",
        "LOCALE": ("en_GB.UTF-8", "C.UTF-8", ""),
        "DEFAULT_DATE_FORMAT": "%d %B %Y",
    },
}
I18N_TEMPLATES_LANG = "de"  # msgids in templates are German; English comes from the catalog
I18N_GETTEXT_LOCALEDIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "translations")
I18N_GETTEXT_DOMAIN = "messages"
I18N_UNTRANSLATED_ARTICLES = "remove"
I18N_UNTRANSLATED_PAGES = "remove"
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English"}

# --- Theme and plugins -------------------------------------------------------------------
THEME = "theme"
# The plugins are installed packages (`make html` installs ./plugins/* into .venv, editable); the
# full names also find editable installs, which Pelican's short-name lookup does not list.
PLUGINS = ["pelican.plugins.i18n_subsites", "pelican.plugins.site_helpers", "pelican.plugins.kundenfit"]
JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.i18n"], "trim_blocks": True, "lstrip_blocks": True}

DELETE_OUTPUT_DIRECTORY = False
OUTPUT_PATH = "output"
CACHE_CONTENT = False
# Checklist PDFs: CI sets KUNDENFIT_PDF_REQUIRED=1 so that a missing WeasyPrint fails the build.
KUNDENFIT_PDF_REQUIRED = os.environ.get("KUNDENFIT_PDF_REQUIRED") == "1"
# The site's icon on the bare embed pages too (a file in theme/static/).
KUNDENFIT_EMBED_ICON = "favicon.svg"
