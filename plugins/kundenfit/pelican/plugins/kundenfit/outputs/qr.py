"""A QR code for paper (segno, pure Python): the way from a printed checklist back to the coach.

segno comes with the [pdf] extra; without it pages show the address alone (`qr_image` is None).
The code is an SVG image inside the page (a data: address), so the browser's print and the PDF
show it without another request, and it is an <img> with a text alternative (a tagged figure in
the PDF/UA file).
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache


@lru_cache(maxsize=16)
def qr_image(url: str) -> str | None:
    """The QR code of `url` as a data: address of an SVG (black on white), or None without segno."""
    try:
        import segno
    except ImportError:
        return None
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="svg", border=2, xmldecl=False, omitsize=True)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode("ascii")
