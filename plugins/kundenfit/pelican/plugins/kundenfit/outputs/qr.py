"""A QR code for paper (segno, pure Python): the way from a printed checklist back to the coach.

segno comes with the [pdf] extra; without it pages show the address alone (`qr_svg` is None).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=16)
def qr_svg(url: str) -> str | None:
    """The QR code of `url` as inline SVG (black on white, scalable), or None without segno."""
    try:
        import segno
    except ImportError:
        return None
    code = segno.make(url, error="m", micro=False)
    # Only the modules as one path: the page gives it its size and its accessible name.
    return code.svg_inline(scale=1, border=2, omitsize=True)
