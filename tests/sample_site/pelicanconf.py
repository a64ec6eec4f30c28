"""The plugin's sample site: a small bilingual site whose output is recorded in
tests/sample_site_expected/ (re-record with `make sample-site`).

It uses Pelican's own `simple` theme and no site_helpers, as a stranger's site would.
"""

SITENAME = "Beispiel"
AUTHOR = "Beispiel-Redaktion"
SITEURL = "https://beispiel.test"
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = []
STATIC_PATHS = []
THEME = "simple"
PLUGINS = ["pelican.plugins.i18n_subsites", "pelican.plugins.kundenfit"]
I18N_SUBSITES = {"en": {}}
I18N_GETTEXT_LOCALEDIR = "translations"
ARTICLE_URL = "{slug}/"
ARTICLE_SAVE_AS = "{slug}/index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False
CACHE_CONTENT = False
# The recorded output does not depend on whether WeasyPrint is installed.
KUNDENFIT_PDF_SAVE_AS = "checkliste/{id}/beispiel-{id}-{lang}.pdf"
# Every outcome ends in this next step (an outcome of the rule file may name its own).
KUNDENFIT_NEXT_STEP = {
    "label": {"de": "Erstgespräch buchen", "en": "Book a first call"},
    "url": "https://termine.beispiel.test/erstgespraech",
}
