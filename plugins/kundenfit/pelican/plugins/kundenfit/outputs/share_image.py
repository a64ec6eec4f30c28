"""The share image of an outcome page: 1200 × 630 PNG, drawn at build time with Pillow.

Social networks show it as the preview of a shared outcome page (og:image). The text comes from
the rule file (quiz and outcome title, in the page's language), the colours from the coach's
brand (white text on the primary colour, which the brand check keeps at 4.5:1 or more, with a bar
in the accent colour), the font from the brand's font file where FreeType reads it (TTF, OTF,
WOFF), else DejaVu Sans (Debian's fonts-dejavu-core, which the PDFs and CI use too), else
Pillow's own bundled font. Same input, same bytes (no time stamp, no metadata), so a rebuild
changes nothing. Each image is kept in the build's cache folder under a hash of everything it
is drawn from, and an unchanged one is copied from there.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFont

from ..brand import DEFAULT_ACCENT, DEFAULT_PRIMARY, mix
from ..render.views import SHARE_IMAGE_SIZE

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
INK = "#ffffff"
MARGIN = 80
# zlib's default level: a third of the time of optimize=True for a file 5 % larger.
COMPRESS_LEVEL = 6
# Two colours and the shades of their anti-aliased text fit a palette: stored with one, the
# image is 60 % smaller (17 instead of 43 KB) and written a fifth faster; solid colours stay
# exact, and no pixel of the text's edges moves by more than 14 of 255 steps.
PALETTE = 256


def _font(size: int, bold: bool = False, brand_font: str | None = None):
    """The brand's font, read anew for each image (the coach may replace the file while
    `make serve` runs), else the shipped one."""
    if brand_font:
        try:
            return ImageFont.truetype(brand_font, size)
        except OSError:
            pass  # a format this FreeType does not read (WOFF2 without Brotli): the fallback
    return _shipped_font(size, bold)


@functools.lru_cache(maxsize=16)
def _shipped_font(size: int, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
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


def _fitted(draw, text: str, width: int, sizes: tuple[int, ...], max_lines: int, bold: bool, brand_font):
    """The largest font size at which `text` fits in `max_lines` lines (the last one is cut)."""
    for size in sizes:
        font = _font(size, bold, brand_font)
        lines = _wrap(draw, text, font, width)
        if len(lines) <= max_lines:
            return font, size, lines
    lines = _wrap(draw, text, font, width)[:max_lines]
    lines[-1] = lines[-1].rstrip(".,;:") + " …"
    return font, size, lines


def share_image(
    site: str,
    quiz_title: str,
    outcome_title: str,
    invite: str,
    primary: str = DEFAULT_PRIMARY,
    accent: str = DEFAULT_ACCENT,
    font: str | None = None,
) -> bytes:
    """The PNG bytes: site name, quiz title, the outcome in large type, the invitation."""
    width, height = SHARE_IMAGE_SIZE
    image = Image.new("RGB", (width, height), primary)
    draw = ImageDraw.Draw(image)
    text_width = width - 2 * MARGIN
    muted = mix(INK, primary, 0.18)
    draw.rectangle((0, 0, 24, height), fill=accent)
    draw.text((MARGIN, 60), site, font=_font(34, True, font), fill=INK)
    face, size, lines = _fitted(draw, quiz_title, text_width, (40, 34), 2, False, font)
    y = 130
    for line in lines:
        draw.text((MARGIN, y), line, font=face, fill=muted)
        y += int(size * 1.25)
    face, size, lines = _fitted(draw, outcome_title, text_width, (84, 72, 60, 50), 3, True, font)
    y += 30
    for line in lines:
        draw.text((MARGIN, y), line, font=face, fill=INK)
        y += int(size * 1.2)
    invite_y = height - 60 - 40
    draw.text((MARGIN, invite_y), invite, font=_font(40, True, font), fill=INK)
    draw.rectangle((MARGIN, invite_y + 56, MARGIN + 120, invite_y + 62), fill=accent)
    out = io.BytesIO()
    image = image.quantize(colors=PALETTE, method=Image.Quantize.FASTOCTREE)
    image.save(out, format="PNG", compress_level=COMPRESS_LEVEL)
    return out.getvalue()


def _font_files() -> list[str]:
    names = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    return [str(folder / name) for folder in FONT_DIRS for name in names if (folder / name).is_file()]


def cache_key(texts: dict) -> str:
    """Everything the image is drawn from: texts, Pillow, fonts and this module's code."""
    key = json.dumps([texts, PIL.__version__, _font_files()], sort_keys=True).encode("utf-8")
    font = b""
    if texts.get("font"):
        stat = Path(texts["font"]).stat()
        font = _digest(texts["font"], stat.st_mtime_ns, stat.st_size)
    return hashlib.sha256(key + font + Path(__file__).read_bytes()).hexdigest()[:32]


@functools.lru_cache(maxsize=4)
def _digest(path: str, _mtime_ns: int, _size: int) -> bytes:
    """The brand font's hash, once per version of the file (the same file for every image)."""
    return hashlib.sha256(Path(path).read_bytes()).digest()


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
