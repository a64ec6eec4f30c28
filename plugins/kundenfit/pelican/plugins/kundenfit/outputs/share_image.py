"""The share image of an outcome page: 1200 × 630 PNG, drawn at build time with Pillow.

Social networks show it as the preview of a shared outcome page (og:image). The text comes from
the rule file (quiz and outcome title, in the page's language), the font from the machine:
DejaVu Sans (Debian's fonts-dejavu-core, which the PDFs and CI use too), else Pillow's own
bundled font. Same text, same font: same bytes (no time stamp, no metadata), so a rebuild
changes nothing. Drawing one takes about 0.15 s, so each image is kept in the build's cache
folder under a hash of everything it is drawn from, and an unchanged one is copied from there.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from ..render.views import SHARE_IMAGE_SIZE

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
BACKGROUND = (31, 58, 95)  # the theme's dark blue
INK = (255, 255, 255)
MUTED = (214, 226, 240)
ACCENT = (255, 196, 77)
MARGIN = 80


@functools.lru_cache(maxsize=16)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _fitted(draw, text: str, width: int, sizes: tuple[int, ...], max_lines: int, bold: bool):
    """The largest font size at which `text` fits in `max_lines` lines (the last one is cut)."""
    for size in sizes:
        font = _font(size, bold)
        lines = _wrap(draw, text, font, width)
        if len(lines) <= max_lines:
            return font, size, lines
    lines = _wrap(draw, text, font, width)[:max_lines]
    lines[-1] = lines[-1].rstrip(".,;:") + " …"
    return font, size, lines


def share_image(site: str, quiz_title: str, outcome_title: str, invite: str) -> bytes:
    """The PNG bytes: site name, quiz title, the outcome in large type, the invitation."""
    width, height = SHARE_IMAGE_SIZE
    image = Image.new("RGB", (width, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    text_width = width - 2 * MARGIN
    draw.rectangle((0, 0, 24, height), fill=ACCENT)
    draw.text((MARGIN, 60), site, font=_font(34, bold=True), fill=ACCENT)
    font, size, lines = _fitted(draw, quiz_title, text_width, (40, 34), 2, bold=False)
    y = 130
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=MUTED)
        y += int(size * 1.25)
    font, size, lines = _fitted(draw, outcome_title, text_width, (84, 72, 60, 50), 3, bold=True)
    y += 30
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=INK)
        y += int(size * 1.2)
    invite_font = _font(40, bold=True)
    draw.text((MARGIN, height - 60 - 40), invite, font=invite_font, fill=ACCENT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _font_files() -> list[str]:
    names = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    return [str(folder / name) for folder in FONT_DIRS for name in names if (folder / name).is_file()]


def cache_key(texts: dict) -> str:
    """Everything the image is drawn from: texts, Pillow, fonts and this module's code."""
    key = json.dumps([texts, PIL.__version__, _font_files()], sort_keys=True).encode("utf-8")
    return hashlib.sha256(key + Path(__file__).read_bytes()).hexdigest()[:32]


def write_share_image(path: Path, cache_dir: Path | None = None, **texts: str) -> None:
    """Write the image to `path`, taken from `cache_dir` when it was drawn before."""
    cached = cache_dir / f"{cache_key(texts)}.png" if cache_dir else None
    if cached and cached.is_file():
        data = cached.read_bytes()
    else:
        data = share_image(**texts)
        if cached:
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_bytes(data)
            except OSError:
                pass  # no cache: the next build draws it again
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
