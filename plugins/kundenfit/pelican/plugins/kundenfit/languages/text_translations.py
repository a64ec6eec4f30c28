"""Translations are text, never markup.

With autoescape on, Jinja's i18n extension marks every translated string safe: a `<script>`
in a translator's `.po` entry would run on the page. Wrapped in `TextTranslations`, a catalog
returns escaped strings (`Markup`), so Jinja keeps them as they are and still escapes the
`%(name)s` values it puts in. Templates without autoescape get the same escaped text.
"""

from __future__ import annotations

import gettext

from markupsafe import Markup, escape


class TextTranslations(gettext.NullTranslations):
    """A catalog whose every answer is escaped text."""

    def __init__(self, catalog: gettext.NullTranslations):
        super().__init__()
        self.catalog = catalog

    def gettext(self, message: str) -> Markup:
        return escape(self.catalog.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> Markup:
        return escape(self.catalog.ngettext(singular, plural, n))

    def pgettext(self, context: str, message: str) -> Markup:
        return escape(self.catalog.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> Markup:
        return escape(self.catalog.npgettext(context, singular, plural, n))


def as_text(catalog: gettext.NullTranslations) -> TextTranslations:
    return catalog if isinstance(catalog, TextTranslations) else TextTranslations(catalog)
