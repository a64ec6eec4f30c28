"""Pelican settings for the Kundenfit site.

Everything a coach may want to change is at the top (owner data, newsletter); the rest wires
Pelican, the theme and the Kundenfit plugin together. Build with `make html`.
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins"))

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
ARTICLE_LANG_URL = "{lang}/artikel/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/artikel/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
CATEGORY_URL = "kategorie/{slug}/"
CATEGORY_SAVE_AS = "kategorie/{slug}/index.html"
TAG_URL = "schlagwort/{slug}/"
TAG_SAVE_AS = "schlagwort/{slug}/index.html"
INDEX_SAVE_AS = "artikel/index.html"
INDEX_URL = "artikel/"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAGS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "sitemap"]
SITEMAP_SAVE_AS = "sitemap.xml"
DEFAULT_PAGINATION = False
SLUGIFY_SOURCE = "basename"

# --- Feeds -----------------------------------------------------------------------------------
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# --- Theme and plugins -------------------------------------------------------------------
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["site_helpers", "kundenfit"]
JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.i18n"], "trim_blocks": True, "lstrip_blocks": True}

DELETE_OUTPUT_DIRECTORY = False
OUTPUT_PATH = "output"
CACHE_CONTENT = False
