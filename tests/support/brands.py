"""The second brand (another logo, colours and font) that tests, screenshots and Lighthouse build
with, so all three show the same one: purple and orange, DejaVu Serif as a font file the coach
drops in (Debian's fonts-dejavu-core ships it, as the PDFs already need), a name and a role in
each language and a booking address.
"""

from __future__ import annotations

import json
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
PRIMARY, ACCENT = "#6a1b9a", "#c2410c"
NAME = "Erika Beispiel"
ROLE = {"de": "Coaching für Selbstständige", "en": "Coaching for the self-employed"}
BOOKING_URL = "https://termine.zweite-marke.de/erstgespraech"
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 32"><title>Zweite Marke</title>'
    f'<rect width="120" height="32" rx="4" fill="{PRIMARY}"/>'
    '<path d="M14 24 22 8l8 16" fill="none" stroke="#ffffff" stroke-width="3"/>'
    f'<circle cx="98" cy="16" r="7" fill="{ACCENT}"/></svg>'
)


def second_brand(folder: Path) -> dict:
    """The KUNDENFIT_BRAND block, its logo written into `folder` (absolute paths are fine)."""
    logo = folder / "zweite-marke.svg"
    logo.write_text(LOGO, encoding="utf-8")
    return {
        "primary": PRIMARY,
        "accent": ACCENT,
        "logo": str(logo),
        "font": str(FONT),
        "name": NAME,
        "role": ROLE,
        "booking_url": BOOKING_URL,
    }


def second_brand_overrides(folder: Path) -> list[str]:
    """Pelican -e overrides that build the site with the second brand."""
    return [f"KUNDENFIT_BRAND={json.dumps(second_brand(folder))}"]
