"""Find German text from the catalogs (theme, plugin, rules) where only English should be."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from tests.support.build import ROOT

# The site's catalogs and the plugin's own (its UI strings reach the theme's pages too).
CATALOGS = [
    *sorted((ROOT / "translations").glob("en/LC_MESSAGES/*.po")),
    ROOT / "plugins/kundenfit/pelican/plugins/kundenfit/locale/en/LC_MESSAGES/kundenfit.po",
]

PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}|%s")


def german_fragments() -> set[str]:
    """Literal pieces of every German msgid whose English differs (or is missing), long enough to tell."""
    fragments = set()
    for po in CATALOGS:
        with po.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            # An untranslated entry (empty msgstr) shows its German msgid: look for it too.
            msgstr = (message.string if isinstance(message.string, str) else message.string[0]) or ""
            if msgid == msgstr:
                continue
            for piece in PLACEHOLDER.split(msgid):
                piece = " ".join(piece.split()).strip(" :.,;–-")
                if len(piece) >= 5 and piece not in msgstr:
                    fragments.add(piece)
    return fragments


def german_in(text: str, fragments: set[str]) -> list[str]:
    """The German fragments that occur in `text` as whole words."""
    text = " ".join(text.split())
    return sorted(f for f in fragments if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text))
