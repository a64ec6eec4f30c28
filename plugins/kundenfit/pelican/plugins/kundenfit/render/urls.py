"""Every address the plugin writes or links: quiz, checklist, embed and PDF pages, and assets.

Each kind of page has a KUNDENFIT_<KIND>_URL and _SAVE_AS setting with `{id}` (the PDF also
`{lang}`). Addresses are built from a language's SITEURL; the runtime assets exist once per
site, under the main site's address.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, replace

VIEW_KINDS = ("quiz", "checklist", "embed")


@dataclass(frozen=True)
class Addresses:
    """The addresses of one language of the site."""

    options: dict  # the KUNDENFIT_* settings (settings.read)
    siteurl: str  # this language's SITEURL
    main_siteurl: str  # where the shared assets live
    lang: str
    asset_names: dict  # plain asset name -> the fingerprinted name pages link (assets.public_names)

    def path(self, kind: str, view_id: str) -> str:
        """A view's address relative to SITEURL: kind is quiz, checklist, embed or pdf."""
        if kind == "pdf":
            return self.options["KUNDENFIT_PDF_SAVE_AS"].format(id=view_id, lang=self.lang)
        return self.options[f"KUNDENFIT_{kind.upper()}_URL"].format(id=view_id)

    def url(self, kind: str, view_id: str) -> str:
        return f"{self.siteurl}/{self.path(kind, view_id)}"

    def save_as(self, kind: str, view_id: str) -> str:
        """Where a view's page is written, relative to this language's output folder."""
        if kind == "pdf":
            return self.path("pdf", view_id)
        return self.options[f"KUNDENFIT_{kind.upper()}_SAVE_AS"].format(id=view_id)

    def outcome_path(self, quiz_id: str, outcome_id: str) -> str:
        return self.options["KUNDENFIT_OUTCOME_URL"].format(id=quiz_id, outcome=outcome_id)

    def outcome_url(self, quiz_id: str, outcome_id: str) -> str:
        """The page of one outcome, to share (with its share image)."""
        return f"{self.siteurl}/{self.outcome_path(quiz_id, outcome_id)}"

    def outcome_save_as(self, quiz_id: str, outcome_id: str, image: bool = False) -> str:
        key = "KUNDENFIT_SHARE_IMAGE_SAVE_AS" if image else "KUNDENFIT_OUTCOME_SAVE_AS"
        return self.options[key].format(id=quiz_id, outcome=outcome_id)

    def share_image_url(self, quiz_id: str, outcome_id: str) -> str:
        return f"{self.siteurl}/{self.outcome_save_as(quiz_id, outcome_id, image=True)}"

    def page(self, address: str | None) -> str | None:
        """A site page from a setting: absolute addresses stay, others are relative to SITEURL."""
        if not address or "://" in address or address.startswith(("mailto:", "/")):
            return address or None
        return f"{self.siteurl}/{address}"

    def asset(self, name: str) -> str:
        name = self.asset_names.get(name, name)
        return f"{self.main_siteurl}/{self.options['KUNDENFIT_ASSETS_DIR']}/{name}"

    def from_page(self, save_as: str | None, main_offset: str = "") -> Addresses:
        """The addresses as seen from the page written to `save_as`, relative (RELATIVE_URLS).

        As Pelican's writer does for SITEURL: "quiz/x/index.html" sees the language's root as
        "../..". `main_offset` leads from this language's root to the main site's ("..").
        """
        if not save_as:
            return self
        depth = save_as.count("/")
        root = "/".join([".."] * depth) or "."
        main = posixpath.normpath(posixpath.join(root, main_offset)) if main_offset else root
        return replace(self, siteurl=root, main_siteurl=main)

    def in_language(self, lang: str, siteurl: str) -> Addresses:
        return Addresses(self.options, siteurl, self.main_siteurl, lang, self.asset_names)
