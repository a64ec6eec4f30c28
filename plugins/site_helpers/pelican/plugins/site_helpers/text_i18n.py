"""Jinja's i18n extension with translations as text, never markup (for the theme).

pelican-i18n-subsites installs the site's catalog into every generator's environment; with
autoescape on, Jinja's own extension would trust each translation as markup. This subclass
wraps whatever catalog is installed (kundenfit's `TextTranslations`). List it *before*
`jinja2.ext.i18n` in JINJA_ENVIRONMENT: the first extension's `install_gettext_translations`
is the one every plugin calls, and pelican-i18n-subsites looks for the name `jinja2.ext.i18n`.
"""

from __future__ import annotations

from jinja2.ext import InternationalizationExtension
from pelican.plugins.kundenfit.languages.text_translations import as_text


class TextTranslations(InternationalizationExtension):
    """Install every catalog as text."""

    def _install(self, translations, newstyle=None):
        super()._install(as_text(translations), newstyle)
