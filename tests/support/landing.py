"""The site as a coach fills in the landing page: testimonials, photo, name, role, an e-mail."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from PIL import Image

from tests.support.build import build_site

TESTIMONIALS = """\
- quote: "Nach dem Quiz wusste ich, warum mich diese Kundin so viel Kraft kostet."
  name: Testperson Eins
  role: Coach für Führungskräfte
- quote: "After the quiz I knew why this client drained me."
  name: Test Person Two
  lang: en
"""
COACH = {"name": "Erika Sommer", "role": "Coaching für Selbstständige"}


def build_coached_site(folder: Path, siteurl: str) -> subprocess.CompletedProcess:
    """Build into folder/output with the coach's own testimonials file and a 1600 × 1200 photo."""
    (folder / "stimmen.yaml").write_text(TESTIMONIALS, encoding="utf-8")
    Image.new("RGB", (1600, 1200), (180, 120, 90)).save(folder / "ich.jpg", quality=95)
    brand = {**COACH, "photo": str(folder / "ich.jpg")}
    overrides = [
        f"SITE_TESTIMONIALS={json.dumps(str(folder / 'stimmen.yaml'))}",
        f"KUNDENFIT_BRAND={json.dumps(brand)}",
        'KUNDENFIT_CONTACT_EMAIL="hallo@erika-sommer.de"',
    ]
    return build_site(folder / "output", siteurl, overrides)
