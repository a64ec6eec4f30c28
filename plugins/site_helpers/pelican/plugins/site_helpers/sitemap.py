"""Write one sitemap per language (with hreflang alternates) from our own template.

A generator of its own, so the sitemap does not depend on the theme: any theme builds.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican.generators import Generator

TEMPLATES_DIR = Path(__file__).parent / "templates"


class SitemapGenerator(Generator):
    """Render `site_helpers/sitemap.xml` to SITEMAP_SAVE_AS once all content is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.env.loader = ChoiceLoader([self.env.loader, FileSystemLoader(str(TEMPLATES_DIR))])

    def generate_output(self, writer):
        save_as = self.settings.get("SITEMAP_SAVE_AS")
        if save_as:
            writer.write_file(
                save_as, self.env.get_template("site_helpers/sitemap.xml"), self.context, relative_urls=False
            )
