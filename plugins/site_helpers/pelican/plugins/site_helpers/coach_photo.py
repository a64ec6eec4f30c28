"""The coach's photo for the landing page: a small square, cut and resized at build time.

The photo a coach drops in is often several megabytes; the page shows it 96 px wide, so the
build writes a 192 px WebP (sharp on 2x screens) under a name with a hash of its source, and
the template gets its width and height (no layout shift). No Pelican import.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

SIZE = 192  # pixels of the written square; the page shows it at half size
FOLDER = "coach"  # inside the theme's static folder in the output
QUALITY = 80


def photo_name(source: Path) -> str:
    """Where the small photo goes, relative to the theme's static folder."""
    digest = hashlib.sha256(source.read_bytes() + f"{SIZE}:{QUALITY}".encode()).hexdigest()[:12]
    return f"{FOLDER}/coach.{digest}.webp"


def small_photo(source: Path) -> bytes:
    """The middle square of the photo, SIZE × SIZE, as WebP (the same bytes on every build)."""
    from PIL import Image, ImageOps

    with Image.open(source) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")
        square = ImageOps.fit(image, (SIZE, SIZE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    square.save(buffer, "WEBP", quality=QUALITY, method=6)
    return buffer.getvalue()


def write_photo(source: Path, target_dir: Path) -> str:
    """Write the small photo into `target_dir` once; return its name there."""
    name = photo_name(source)
    target = target_dir / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(small_photo(source))
    return name
