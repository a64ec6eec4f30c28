"""The embed snippets in docs/embedding.md name files the build really writes: a coach who
copies the English example gets the loader, not a 404."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.support.build import ROOT

DOCS = ROOT / "docs" / "embedding.md"
# The example addresses the docs use for "your site" in each language.
EXAMPLE_SITES = ("https://deine-website.de/", "https://your-site.example/")


def test_every_script_and_embed_address_in_the_docs_exists_in_the_build(site_dir):
    text = DOCS.read_text(encoding="utf-8")
    # The addresses inside the snippets' attributes (src, data-src, href), as a coach copies them.
    addresses = sorted(
        {
            match
            for site in EXAMPLE_SITES
            for match in re.findall(r'(?:src|href)="(' + re.escape(site) + r'[^"]*)"', text)
        }
    )
    assert any(a.endswith("loader.js") for a in addresses), addresses
    missing = []
    for address in addresses:
        path = urlsplit(address).path.lstrip("/")
        target = site_dir / path / "index.html" if path.endswith("/") else site_dir / path
        if not target.is_file():
            missing.append(address)
    assert not missing, f"docs/embedding.md names addresses the build does not write: {missing}"
