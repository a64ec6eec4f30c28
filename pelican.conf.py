"""Pelican settings for the Kundenfit site, for building and previewing on your own machine.

Everything a coach may want to change is at the top (owner data, privacy, lead form and next step, the order
of quizzes); the rest wires Pelican, the theme and the Kundenfit plugin together. `make html`
builds with relative addresses, so output/ also works when opened from disk. `make publish`
builds for the real address with publishconf.py (which imports this file) and refuses while a
placeholder is left.
"""

import os

from jinja2 import FileSystemBytecodeCache

# --- Site and owner (Impressum and Datenschutz are made from these; replace the placeholders) --
SITENAME = "Kundenfit"
SITESUBTITLE = "Finde die Kundschaft, die zu dir passt"
AUTHOR = "Kundenfit-Redaktion"
# No address here: every link is relative. The real address is set in publishconf.py.
SITEURL = ""
RELATIVE_URLS = True

# Anbieter nach § 5 DDG. Leere optionale Angaben erscheinen nicht im Impressum.
SITE_OWNER = {
    "name": "[Platzhalter: Vor- und Nachname oder Firmenname]",
    "legal_form": "",  # optional, z. B. "Einzelunternehmen" oder "GmbH"
    "represented_by": "",  # optional, bei einer Firma: vertretungsberechtigte Person(en)
    "street": "[Platzhalter: Straße und Hausnummer]",
    "city": "[Platzhalter: PLZ und Ort]",
    "email": "[Platzhalter: E-Mail-Adresse]",
    # Neben der E-Mail ein zweiter schneller Weg (§ 5 DDG): Telefon oder Kontaktformular, mindestens
    # eins davon (das andere darf leer bleiben). Kontaktformular: volle Adresse, "https://…".
    "phone": "[Platzhalter: Telefonnummer]",
    "contact_form": "",
    "register": "",  # optional, z. B. "Amtsgericht Köln, HRB 12345"
    "vat_id": "",  # optional, Umsatzsteuer-Identifikationsnummer nach § 27a UStG
    # Verantwortlich nach § 18 Abs. 2 MStV: leer = die Person oben mit ihrer Anschrift.
    # Bei einer Firma hier eine natürliche Person eintragen.
    "responsible_name": "",
    "responsible_address": "",
}

# Für die Datenschutzerklärung.
SITE_PRIVACY = {
    "hosting": "[Platzhalter: Name und Anschrift des Hosting-Anbieters]",
    "log_retention": "[Platzhalter: Speicherdauer der Server-Logs, z. B. 7 Tage]",
    "updated": "2026-11-28",  # „Stand“ der Datenschutzerklärung (JJJJ-MM-TT)
}

# Nach jedem Ergebnis: der nächste Schritt (ein Knopf, z. B. zur Terminbuchung) und das Angebot
# „Schick mir meine Auswertung und die Checkliste“ an deinen E-Mail-Anbieter. Ohne beides und ohne
# KUNDENFIT_CONTACT_EMAIL führt kein Quiz zu dir: `make html` warnt, `make publish` bricht ab
# (außer mit KUNDENFIT_WITHOUT_LEADS = True).
# Nächster Schritt für alle Ergebnisse ohne eigenen (next_step in den Regeldateien), z. B.
# {"label": {"de": "Kostenloses Erstgespräch buchen", "en": "Book a free first call"},
#  "url": "https://deine-terminseite.de"}   (oder "mailto:…" oder eine Seite wie "kontakt/")
KUNDENFIT_NEXT_STEP = None
# Formular deines Anbieters: "preset" ist brevo, cleverreach, klicktipp, rapidmail, mailerlite,
# mailchimp, kit oder custom; "action" die Formularadresse; "fields" die Ids deiner Felder für
# Quiz, Ergebnis und Sprache; "outcomes" je Ergebnis eine andere Formularadresse, ein anderes
# Tag oder einen anderen Schlüssel. Anbieter, Sitz und alle Felder stehen dann auch in der
# Datenschutzerklärung. Alle Angaben: plugins/kundenfit/pelican/plugins/kundenfit/render/leads.py
# und docs/embedding.md. Beispiel:
# {"preset": "klicktipp", "action": "https://…", "hidden": {"apikey": "…"},
#  "fields": {"outcome": "123456"},
#  "outcomes": {"kundenfit/traumkunde": {"hidden": {"apikey": "…"}}}}
KUNDENFIT_LEAD_FORM = None


# Reihenfolge der Quizze und Checklisten (Startseite, manifest.json): ids aus
# content/rules/*.yaml; das erste Quiz ist das Hauptquiz, auf das der Knopf im ersten
# Bildschirm führt. Nicht genannte folgen in Dateireihenfolge.
KUNDENFIT_ORDER = ["kundenfit", "beziehungsphase", "kontakt", "vor-dem-auftrag", "wunschkunden-avatar"]

# Kontaktlink nach einem Ergebnis und die Datenschutzerklärung, auf die das Formular verweist.
# (Solange dort noch der Platzhalter steht, erscheint kein Kontaktlink.)
KUNDENFIT_CONTACT_EMAIL = SITE_OWNER["email"] if "@" in SITE_OWNER["email"] else None
KUNDENFIT_PRIVACY_URL = "datenschutz/"

# Deine Marke auf Website, Quiz, eingebettetem Quiz und Checklisten-PDF. Alles ist freiwillig;
# ohne Angabe: Petrol mit warmem Akzent, die Schrift des Geräts und der Name der Website als
# Schriftzug. Dateien liegen in content/. Farben als #rrggbb: der Build prüft ihren Kontrast
# (WCAG AA) im hellen und im dunklen Modus und nennt eine zu helle Farbe mit dem gemessenen Wert.
# Eine eigene Schrift wird auf lateinische Zeichen gekürzt und von der Website selbst geladen.
KUNDENFIT_BRAND = {
    # "logo": "images/logo.svg",  # SVG oder PNG
    # "primary": "#0b5d57",  # Links, Überschriften, Knöpfe (Text: mindestens 4.5:1 auf Weiß)
    # "accent": "#b4380d",  # Rahmen, Balken, Fokus (mindestens 3:1)
    # "primary_dark": "#80aba8",  # dunkler Modus; leer: wird aus "primary" berechnet
    # "accent_dark": "#c66847",  # dunkler Modus; leer: wird aus "accent" berechnet
    # "font": "fonts/MeineSchrift.woff2",  # TTF, OTF, WOFF oder WOFF2
    # "name": "Vor- und Nachname",  # auf dem PDF; leer: SITE_OWNER["name"]
    # "role": "Coaching für Selbstständige",  # eine Zeile unter dem Namen; name und role auch je
    #     Sprache: {"de": "Coaching für Selbstständige", "en": "Coaching for the self-employed"}
    # "photo": "images/ich.jpg",  # Foto (JPG, PNG oder WebP)
    # "booking_url": "https://deine-domain.de/termin",  # nächster Schritt und QR-Code im PDF
}

# Where the site is published: the build writes the header file this host reads (only embed
# pages may be framed, assets kept a year, 404 page per language). One of "cloudflare",
# "netlify", "nginx", "apache", "github-pages", "s3"; see docs/deploy.md.
# Die Datenschutzerklärung richtet sich danach: Cloudflare, Netlify, GitHub Pages und S3 gehören
# Unternehmen in den USA (Abschnitt „Übermittlung in die USA“; prüf im Vertrag mit dem Anbieter,
# ob er Standardvertragsklauseln enthält). Bei "nginx" und "apache" steht dort, dass der Server in
# der EU steht – stimmt das nicht, frag vor dem Veröffentlichen jemanden, der sich auskennt.
KUNDENFIT_HOST = "cloudflare"
# Statistik (aus): Mit einer eigenen Plausible-, Matomo- oder Umami-Installation zählt die Website,
# wie viele einen Selbsttest beginnen, beenden und die Auswertung anfordern – ohne Cookies, ohne
# Antworten. Ohne Eintrag: kein Skript, keine Anfrage. Die Datenschutzerklärung folgt von selbst.
# Beispiel: {"tool": "plausible", "url": "https://statistik.deine-domain.de", "site": "deine-domain.de"}
# (docs/embedding.md, „Statistik“).
KUNDENFIT_ANALYTICS = None

TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
LOCALE = ("de_DE.UTF-8", "C.UTF-8", "")
DEFAULT_DATE_FORMAT = "%d.%m.%Y"

# --- Content -----------------------------------------------------------------------------
PATH = "content"
# Each language reads only its own folders (English: see I18N_SUBSITES below).
ARTICLE_PATHS = ["articles/de"]
PAGE_PATHS = ["pages/de"]
STATIC_PATHS = []
# Emacs lock files. Not "rules": `make serve` watches everything in content/ that is not ignored,
# and a rule file edit must rebuild the site (no language reads content/rules as an article).
IGNORE_FILES = [".#*"]
READERS = {"html": None}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {},
        "markdown.extensions.attr_list": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
# No Smarty: every text is written with its own quotes, apostrophes and dashes („…“, “…”, ’, –),
# as docs/schreibregeln.md asks; Smarty doubled the time to read an English article.

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
# One feed per language (FEED_ATOM holds only the articles in the site's own language). A feed
# needs the real address, so only publishconf.py turns it on (as in Pelican's own pelicanconf.py).
FEED_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# --- Languages ---------------------------------------------------------------------------
# German is the main site at /, English a subsite at /en/ (pelican-i18n-subsites). Both use the
# same paths, so the language switcher links every page to its counterpart (the theme needs no
# `translations`, so each language reads only its own folders: every file is parsed once).
I18N_SUBSITES = {
    "en": {
        "ARTICLE_PATHS": ["articles/en"],
        "PAGE_PATHS": ["pages/en"],
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
# Autoescape everywhere: every field is text; only article and page bodies (HTML from Markdown)
# are marked safe, by the theme's `html_body` filter. TextTranslations treats translations as text
# too and must come before jinja2.ext.i18n (see plugins/site_helpers/.../text_i18n.py).
# Pelican makes one template environment per page kind and language; the bytecode cache lets
# them share each compiled template (Jinja compares the template's text, so edits are seen).
os.makedirs(os.path.join("cache", "jinja"), exist_ok=True)
JINJA_ENVIRONMENT = {
    "extensions": ["pelican.plugins.site_helpers.text_i18n.TextTranslations", "jinja2.ext.i18n"],
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "bytecode_cache": FileSystemBytecodeCache(os.path.join("cache", "jinja")),
}

DELETE_OUTPUT_DIRECTORY = False
OUTPUT_PATH = "output"
# Checklist PDFs: CI sets KUNDENFIT_PDF_REQUIRED=1 so that a missing WeasyPrint fails the build.
KUNDENFIT_PDF_REQUIRED = os.environ.get("KUNDENFIT_PDF_REQUIRED") == "1"
# The site's icon on the bare embed pages too (a file in theme/static/).
KUNDENFIT_EMBED_ICON = "favicon.svg"
