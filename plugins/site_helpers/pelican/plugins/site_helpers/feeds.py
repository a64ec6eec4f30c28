"""Feeds that show titles as text: Pelican reads a title as HTML and strips its tags.

Pelican's writer puts `Markup(title).striptags()` into the feed, so a title such as
"Warum <Nein> hilft" loses words. Escaping the title first makes striptags give back exactly
the text the author wrote; the feed library then escapes it for XML.
"""

from __future__ import annotations

from markupsafe import escape
from pelican.writers import Writer


class _TextTitle:
    """An article seen by the feed writer, with its title escaped as text."""

    def __init__(self, item):
        self._item = item
        self.title = str(escape(item.title))

    def __getattr__(self, name):
        return getattr(self._item, name)


class TextTitleWriter(Writer):
    """Pelican's writer, with feed titles (the site's and each item's) taken as text."""

    def _create_new_feed(self, feed_type, feed_title, context):
        text = {**context, "SITENAME": str(escape(context["SITENAME"]))}
        return super()._create_new_feed(feed_type, feed_title and str(escape(feed_title)), text)

    def _add_item_to_the_feed(self, feed, item):
        return super()._add_item_to_the_feed(feed, _TextTitle(item))
