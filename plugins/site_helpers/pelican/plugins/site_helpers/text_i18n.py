"""Jinja's i18n extension with translations as text, never markup (for the theme).

pelican-i18n-subsites installs the site's catalog into every generator's environment; with
autoescape on, Jinja's own extension would trust each translation as markup. This subclass
wraps whatever catalog is installed (kundenfit's `TextTranslations`). List it *before*
`jinja2.ext.i18n` in JINJA_ENVIRONMENT: the first extension's `install_gettext_translations`
is the one every plugin calls, and pelican-i18n-subsites looks for the name `jinja2.ext.i18n`.

The theme imports the plugin's macros (the newsletter promise and sign-up form), whose strings
live in the plugin's own catalog, not the site's: the site's catalog gets the plugin's as its
fallback here, as the plugin's own pages get it (`sites.ui_translations`). Without it an English
landing page showed those strings in German.
"""

from __future__ import annotations

import copy
import gettext

from jinja2.ext import InternationalizationExtension
from pelican.plugins.kundenfit.languages.catalogs import plugin_ui_translations
from pelican.plugins.kundenfit.languages.text_translations import TextTranslations as Text
from pelican.plugins.kundenfit.languages.text_translations import as_text


def with_plugin_strings(catalog: gettext.NullTranslations) -> gettext.NullTranslations:
    """The site's catalog, then the plugin's for every string the site's leaves out.

    The language is the one the compiled catalog declares (its `Language:` header); a catalog
    without one (the German templates' NullTranslations) needs no fallback, and one that is
    already text came from the plugin, fallback included.
    """
    if isinstance(catalog, Text) or not isinstance(catalog, gettext.GNUTranslations):
        return catalog
    lang = catalog.info().get("language")
    if not lang:
        return catalog
    combined = copy.copy(catalog)  # gettext.translation() hands out shared copies: keep them as they are
    combined.add_fallback(plugin_ui_translations(lang))
    return combined


class TextTranslations(InternationalizationExtension):
    """Install every catalog as text, with the plugin's strings as fallback."""

    def _install(self, translations, newstyle=None):
        super()._install(as_text(with_plugin_strings(translations)), newstyle)
