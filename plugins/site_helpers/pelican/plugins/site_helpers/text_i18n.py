"""Jinja's i18n extension with translations as text, never markup.

With autoescape on, Jinja's own i18n extension trusts every translation as markup: a `<script>`
in a `messages.po` entry would run on the page. This subclass escapes what the catalog returns
(the `%(name)s` values are escaped by newstyle gettext as before). List it *before*
`jinja2.ext.i18n` in JINJA_ENVIRONMENT: the first extension's `install_gettext_translations` is
the one every plugin calls, and pelican-i18n-subsites looks for the name `jinja2.ext.i18n`.
"""

from __future__ import annotations

from jinja2.ext import InternationalizationExtension
from markupsafe import escape


class TextTranslations(InternationalizationExtension):
    """Escape every translated string before Jinja marks it safe."""

    def _install_callables(self, gettext, ngettext, newstyle=None, pgettext=None, npgettext=None):
        def text_gettext(message):
            return escape(gettext(message))

        def text_ngettext(singular, plural, n):
            return escape(ngettext(singular, plural, n))

        text_pgettext = text_npgettext = None
        if pgettext is not None:

            def text_pgettext(context, message):
                return escape(pgettext(context, message))

        if npgettext is not None:

            def text_npgettext(context, singular, plural, n):
                return escape(npgettext(context, singular, plural, n))

        super()._install_callables(text_gettext, text_ngettext, newstyle, text_pgettext, text_npgettext)
