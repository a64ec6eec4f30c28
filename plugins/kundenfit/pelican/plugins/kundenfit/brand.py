"""The coach's brand (KUNDENFIT_BRAND): one object every surface reads.

Theme, quiz styles, embed pages, PDFs and share images take their colours, font, logo and the
coach's name from `brand_from_settings(settings)`, never from the settings themselves, so a
brand is written once. Colours get a dark-scheme variant (configured or computed) and are
checked against WCAG AA in both schemes: `problems` names the setting and the measured ratio.
Nothing here knows Pelican; file paths are relative to the content folder (PATH).
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

SETTING = "KUNDENFIT_BRAND"
SETTINGS_FILE = "pelican.conf.py"

# The shipped brand: deep teal with a warm accent, the system's own font, a text wordmark.
DEFAULT_PRIMARY = "#0b5d57"
DEFAULT_ACCENT = "#b4380d"
SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

# The backgrounds text sits on, per scheme (the theme and the quiz styles use the same).
PAPER = {"light": "#ffffff", "dark": "#14191a"}
INK = {"light": "#1d2327", "dark": "#e6ebeb"}
MUTED = {"light": "#4a5560", "dark": "#a9b5b6"}
LINE = {"light": "#c9d3d2", "dark": "#3b4749"}  # decorative rules (no contrast needed)
BORDER = {"light": "#6b6b6b", "dark": "#7d8a8c"}  # borders of answers and fields (3:1)
ERROR = {"light": "#a4001d", "dark": "#ff9b9b"}
VISITED = {"light": "#5a2d82", "dark": "#c9a8ec"}

# WCAG 2.1 AA: text in a colour needs 4.5:1 on its background; borders, bars, focus rings 3:1.
TEXT_RATIO = 4.5
UI_RATIO = 3.0
# A computed dark variant aims higher than the minimum: light text on dark paper reads best so.
DARK_TEXT_TARGET = 7.0
DARK_UI_TARGET = 4.5

FIELDS = {
    "name": "der Name, der auf Seiten und PDFs steht (leer: SITE_OWNER['name'])",
    "role": "eine Zeile, was du tust (ein Text oder einer je Sprache)",
    "logo": "eine SVG- oder PNG-Datei in content/",
    "photo": "ein Foto (JPG, PNG oder WebP) in content/",
    "primary": "Hauptfarbe für Links, Überschriften und Knöpfe (#rrggbb)",
    "accent": "Akzentfarbe für Rahmen, Balken und den Fokus (#rrggbb)",
    "primary_dark": "Hauptfarbe im dunklen Modus (leer: wird berechnet)",
    "accent_dark": "Akzentfarbe im dunklen Modus (leer: wird berechnet)",
    "font": "eine Schriftdatei (TTF, OTF, WOFF oder WOFF2) in content/",
    "booking_url": "wohin der nächste Schritt führt (Terminbuchung; leer: die Website)",
}
# The texts: one string for every language, or one per language ({"de": "…", "en": "…"}).
TEXTS = ("name", "role")
LOGO_TYPES = (".svg", ".png")
PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".webp")
FONT_TYPES = (".ttf", ".otf", ".woff", ".woff2")
HEX = re.compile(r"#[0-9a-fA-F]{6}")

# The theme's favicon.svg, its colours filled in from the brand.
ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" '
    'fill="{fill}"/><path d="M9 8v16M9 16l9-8M12 14l8 10" stroke="{stroke}" stroke-width="3" fill="none" '
    'stroke-linecap="round"/></svg>\n'
)

# Where the brand's files are written, inside the plugin's assets folder (KUNDENFIT_ASSETS_DIR).
FILES_DIR = "brand"
# Latin (as the font services cut it): German and English with their quotes, dashes and €.
LATIN = (
    "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, "
    "U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD"
)
# Bump when the subset changes, so the font gets a new address.
SUBSET_REVISION = "2"


@dataclass(frozen=True)
class Colours:
    """One scheme's palette: what each colour is checked against is what it carries."""

    primary: str  # text (links, headings) on paper and tint; button background under on_primary
    primary_strong: str  # headings, hover: further from the paper than primary
    on_primary: str  # text on a primary button
    accent: str  # borders, bars, focus rings (3:1)
    tint: str  # quiet background of header, footer, boxes (primary text stays 4.5:1 on it)
    ink: str
    muted: str
    paper: str
    line: str
    border: str
    error: str
    visited: str


@dataclass(frozen=True)
class Brand:
    """Everything a surface needs to look like the coach's; files as paths, addresses as names."""

    name: str
    role: str
    primary: str
    accent: str
    primary_dark: str
    accent_dark: str
    logo: Path | None = None
    photo: Path | None = None
    font: Path | None = None
    font_family: str | None = None  # the family name inside the font file
    booking_url: str | None = None
    owner_lines: tuple[str, ...] = ()  # the coach's address (SITE_OWNER), for paper
    file_names: tuple[tuple[str, str], ...] = ()  # (kind, name in FILES_DIR) of each file given

    @property
    def light(self) -> Colours:
        return palette(self.primary, self.accent, "light")

    @property
    def dark(self) -> Colours:
        return palette(self.primary_dark, self.accent_dark, "dark")

    @property
    def icon_svg(self) -> str | None:
        """The site's icon (the theme's favicon.svg) in the brand's colour; None for the shipped
        colour, whose icon the theme has already."""
        if self.primary == DEFAULT_PRIMARY:
            return None
        return ICON.format(fill=self.primary, stroke=self.light.on_primary)

    @property
    def font_stack(self) -> str:
        return f'"{self.font_family}", {SYSTEM_FONTS}' if self.font_family else SYSTEM_FONTS

    def file_name(self, kind: str) -> str | None:
        """The name a brand file (logo, photo, font) is written under in FILES_DIR."""
        return dict(self.file_names).get(kind)


def _file_name(kind: str, source: Path) -> str:
    """The file's name with a hash of its content, so a changed file gets a new address."""
    data = source.read_bytes()
    if kind == "font":  # the subset, as WOFF2
        return f"{_stem(source)}.{hashlib.sha256(data + SUBSET_REVISION.encode()).hexdigest()[:12]}.woff2"
    return f"{_stem(source)}.{hashlib.sha256(data).hexdigest()[:12]}{source.suffix.lower()}"


def _stem(path: Path) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem).strip("-").lower() or "brand"


# -- colours ---------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, share_of_b: float) -> str:
    return _hex(x + (y - x) * share_of_b for x, y in zip(_rgb(a), _rgb(b), strict=True))


def toward(colour: str, other: str, against: str, ratio: float) -> str:
    """`colour` moved toward `other` just far enough to reach `ratio` against `against`."""
    for step in range(0, 101, 2):
        candidate = mix(colour, other, step / 100)
        if contrast(candidate, against) >= ratio:
            return candidate
    return other


def dark_variant(colour: str, ratio: float) -> str:
    """The colour for the dark scheme: lightened until it reaches `ratio` on the dark paper."""
    return toward(colour, "#ffffff", PAPER["dark"], ratio)


def palette(primary: str, accent: str, scheme: str) -> Colours:
    paper = PAPER[scheme]
    far = "#000000" if scheme == "light" else "#ffffff"
    on_primary = max(("#ffffff", INK["light"], PAPER["dark"]), key=lambda c: contrast(c, primary))
    # The tint: a breath of the primary over the paper, never so much that text loses AA on it.
    tint = paper
    for share in (0.08, 0.06, 0.04, 0.02):
        candidate = mix(paper, primary, share)
        if min(contrast(primary, candidate), contrast(MUTED[scheme], candidate)) >= TEXT_RATIO:
            tint = candidate
            break
    return Colours(
        primary=primary,
        primary_strong=mix(primary, far, 0.25),
        on_primary=on_primary,
        accent=accent,
        tint=tint,
        ink=INK[scheme],
        muted=MUTED[scheme],
        paper=paper,
        line=LINE[scheme],
        border=BORDER[scheme],
        error=ERROR[scheme],
        visited=VISITED[scheme],
    )


# -- reading and checking the setting --------------------------------------------------------


def _text(block: dict, key: str, lang: str | None = None) -> str:
    value = block.get(key)
    if key in TEXTS and isinstance(value, dict):
        value = value.get(lang)
    return value.strip() if isinstance(value, str) else ""


def _colour(block: dict, key: str, default: str) -> str:
    value = _text(block, key)
    return value.lower() if HEX.fullmatch(value) else default


def _file(block: dict, key: str, content: Path, types: tuple[str, ...]) -> Path | None:
    value = _text(block, key)
    if not value:
        return None
    path = content / value
    return path if path.suffix.lower() in types and path.is_file() else None


def _placeholder(value) -> bool:
    return not isinstance(value, str) or not value.strip() or value.strip().startswith("[")


def font_family(path: Path) -> str | None:
    """The family name a font file declares (None when fontTools cannot read it)."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(path), lazy=True) as font:
            name = font["name"].getBestFamilyName()
    except (TTLibError, OSError, KeyError, AssertionError, ValueError):
        return None
    return re.sub(r'["\\\n]', "", name) if name else None


def brand_from_settings(settings: dict) -> Brand:
    """The brand this build shows, its texts in the run's language (DEFAULT_LANG). Unusable
    values fall back to the defaults here (the build stops on them anyway, with `problems`), so
    any caller may ask at any moment."""
    lang = settings.get("DEFAULT_LANG")
    block = settings.get(SETTING)
    block = block if isinstance(block, dict) else {}
    content = Path(settings.get("PATH") or ".")
    owner = settings.get("SITE_OWNER")
    owner = owner if isinstance(owner, dict) else {}
    primary = _colour(block, "primary", DEFAULT_PRIMARY)
    accent = _colour(block, "accent", DEFAULT_ACCENT)
    font = _file(block, "font", content, FONT_TYPES)
    family = font_family(font) if font else None
    lines = [owner.get(k) for k in ("street", "city", "email", "phone")]
    name = _text(block, "name", lang) or ("" if _placeholder(owner.get("name")) else owner["name"].strip())
    files = {
        "logo": _file(block, "logo", content, LOGO_TYPES),
        "photo": _file(block, "photo", content, PHOTO_TYPES),
        "font": font if family else None,
    }
    coach = Brand(
        name=name or settings.get("SITENAME") or "",
        role=_text(block, "role", lang),
        primary=primary,
        accent=accent,
        primary_dark=_colour(block, "primary_dark", dark_variant(primary, DARK_TEXT_TARGET)),
        accent_dark=_colour(block, "accent_dark", dark_variant(accent, DARK_UI_TARGET)),
        logo=files["logo"],
        photo=files["photo"],
        font=files["font"],
        font_family=family,
        booking_url=_text(block, "booking_url") or None,
        owner_lines=tuple(v.strip() for v in lines if not _placeholder(v)),
        file_names=tuple((kind, _file_name(kind, path)) for kind, path in files.items() if path),
    )
    icon = coach.icon_svg
    if icon is None:
        return coach
    digest = hashlib.sha256(icon.encode()).hexdigest()[:12]
    return replace(coach, file_names=(*coach.file_names, ("icon", f"icon.{digest}.svg")))


def _line(key: str, value, why: str) -> str:
    shown = repr(value) if len(repr(value)) <= 60 else f"{repr(value)[:57]}…"
    return f'{SETTINGS_FILE}: {SETTING}["{key}"] = {shown} {why}'


def _ratio(value: float) -> str:
    return f"{int(value * 100) / 100:.2f}:1"  # rounded down: 4.499 is not 4.5


def problems(settings: dict, languages: list[str] | None = None) -> list[str]:
    """One line per unusable value of KUNDENFIT_BRAND (empty when it can be used); `languages`:
    the site's, each of which a text given per language must have."""
    block = settings.get(SETTING)
    if block is None:
        return []
    if not isinstance(block, dict):
        return [
            f"{SETTINGS_FILE}: {SETTING} = {block!r} ist kein Block – schreib z. B. "
            f'{{"primary": "{DEFAULT_PRIMARY}", "logo": "images/logo.svg"}} oder lass die Zeile weg.'
        ]
    content = Path(settings.get("PATH") or ".")
    found = []
    for key in block:
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), list(FIELDS), n=1)
            hint = f'meintest du "{close[0]}"?' if close else f"erlaubt sind {', '.join(FIELDS)}."
            found.append(f'{SETTINGS_FILE}: {SETTING}["{key}"] gibt es nicht – {hint}')
    languages = languages or [settings.get("DEFAULT_LANG") or "de"]
    per_language = "{" + ", ".join(f'"{lang}": "…"' for lang in languages) + "}"
    for key in TEXTS:
        value = block.get(key)
        if value is None or _is_text(value, languages):
            continue
        if isinstance(value, dict):
            why = f"hat nicht genau einen Text je Sprache der Website – schreib {per_language}."
        else:
            why = f"ist kein Text – schreib ihn in Anführungszeichen oder einen je Sprache: {per_language}."
        found.append(_line(key, value, why))
    url = block.get("booking_url")
    if url is not None and not isinstance(url, str):
        found.append(_line("booking_url", url, "ist kein Text – schreib ihn in Anführungszeichen."))
    full_address = r"(https?://[^\s/]+\.[^\s]+|mailto:\S+@\S+)$"
    if isinstance(url, str) and url.strip() and not re.match(full_address, url):
        found.append(
            _line(
                "booking_url",
                url,
                "ist keine volle Adresse – schreib z. B. 'https://deine-domain.de/termin'.",
            )
        )
    for key, types, what in (
        ("logo", LOGO_TYPES, "SVG oder PNG"),
        ("photo", PHOTO_TYPES, "JPG, PNG oder WebP"),
        ("font", FONT_TYPES, "TTF, OTF, WOFF oder WOFF2"),
    ):
        value = block.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            found.append(_line(key, value, f"ist kein Dateiname – schreib z. B. 'images/{key}.svg'."))
        elif Path(value).suffix.lower() not in types:
            found.append(_line(key, value, f"hat nicht die Art {what} – nimm eine solche Datei."))
        elif not (content / value).is_file():
            found.append(_line(key, value, f"gibt es nicht in {content.name}/ – leg die Datei dort ab."))
        elif key == "font" and font_family(content / value) is None:
            found.append(_line(key, value, f"lässt sich nicht als Schrift lesen – nimm eine Datei {what}."))
    found.extend(_colour_problems(block))
    return found


def _is_text(value, languages: list[str]) -> bool:
    """A string, or a dict with exactly one string for each of the site's languages."""
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict)
        and set(value) == set(languages)
        and all(isinstance(text, str) for text in value.values())
    )


def _colour_problems(block: dict) -> list[str]:
    found = []
    # (key, the scheme it shows in, what it carries and needs)
    checks = (
        ("primary", "light", TEXT_RATIO, "Text", "eine dunklere", DEFAULT_PRIMARY),
        ("accent", "light", UI_RATIO, "Rahmen und Fokus", "eine dunklere", DEFAULT_ACCENT),
        ("primary_dark", "dark", TEXT_RATIO, "Text", "eine hellere", "#5fc4ba"),
        ("accent_dark", "dark", UI_RATIO, "Rahmen und Fokus", "eine hellere", "#f0875a"),
    )
    for key, scheme, needed, carries, advice, example in checks:
        value = block.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str) or not HEX.fullmatch(value.strip()):
            found.append(_line(key, value, f"ist keine Farbe – schreib sie als #rrggbb, z. B. '{example}'."))
            continue
        measured = contrast(value.strip(), PAPER[scheme])
        background = "Weiß" if scheme == "light" else f"dem dunklen Hintergrund {PAPER['dark']}"
        if measured < needed:
            found.append(
                _line(
                    key,
                    value,
                    f"hat auf {background} nur {_ratio(measured)} Kontrast; {carries} in dieser Farbe "
                    f"braucht mindestens {needed}:1 (WCAG AA) – nimm {advice} Farbe, z. B. '{example}'.",
                )
            )
    return found


# -- what the style sheets and pages get ------------------------------------------------------


def _variables(colours: Colours, font_stack: str | None) -> str:
    names = {
        "primary": colours.primary,
        "primary-strong": colours.primary_strong,
        "on-primary": colours.on_primary,
        "accent": colours.accent,
        "tint": colours.tint,
        "ink": colours.ink,
        "muted": colours.muted,
        "paper": colours.paper,
        "line": colours.line,
        "border": colours.border,
        "error": colours.error,
        "visited": colours.visited,
    }
    body = "".join(f"--kf-brand-{name}:{value};" for name, value in names.items())
    if font_stack:
        body += f"--kf-brand-font:{font_stack};"
    return body


def brand_css(brand: Brand, font_url: str | None) -> str:
    """The brand as CSS custom properties (light; dark under prefers-color-scheme where the page
    says it supports both with `data-kf-scheme="auto"` on <html>, on screen only: paper is
    white), with the font's @font-face.

    `font_url`: the font file as seen from the style sheet this block starts.
    """
    parts = ["/* The coach's brand (KUNDENFIT_BRAND), written by the build. */\n"]
    if brand.font_family and font_url:
        parts.append(
            f'@font-face{{font-family:"{brand.font_family}";src:url("{font_url}") format("woff2");'
            f"font-display:swap;unicode-range:{LATIN};}}\n"
        )
    parts.append(f":root{{{_variables(brand.light, brand.font_stack)}}}\n")
    parts.append(
        "@media screen and (prefers-color-scheme:dark){:root[data-kf-scheme=auto]{color-scheme:dark;"
        f"{_variables(brand.dark, None)}}}}}\n"
    )
    return "".join(parts)


def subset_font(source: Path) -> bytes:
    """The font cut to Latin, as WOFF2 (fontTools): a few dozen KB instead of hundreds."""
    import logging

    from fontTools import subset

    # Tables fontTools cannot cut (e.g. FFTM, a font editor's timestamp) are dropped with a note.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False  # screens and printers today render unhinted outlines well
    unicodes = []
    for part in LATIN.split(","):
        low, _, high = part.strip()[2:].partition("-")
        unicodes.extend(range(int(low, 16), int(high or low, 16) + 1))
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    from io import BytesIO

    out = BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


class BrandFileError(ValueError):
    """A brand file that passed the check but cannot be written (a font fontTools cannot cut)."""


def write_brand_files(brand: Brand, target_dir: Path) -> None:
    """Logo, photo, icon and the subset font into `target_dir` (FILES_DIR of the assets folder)."""
    icon = brand.file_name("icon")
    if icon:
        target_dir.mkdir(parents=True, exist_ok=True)
        (target_dir / icon).write_text(brand.icon_svg, encoding="utf-8")
    for kind in ("logo", "photo", "font"):
        name = brand.file_name(kind)
        if name is None:
            continue
        path = target_dir / name
        if path.is_file():
            continue
        source = getattr(brand, kind)
        try:
            data = subset_font(source) if kind == "font" else source.read_bytes()
        except Exception as error:  # fontTools raises many kinds; the coach needs one line
            raise BrandFileError(
                _line(
                    kind,
                    source.name,
                    f"lässt sich nicht verarbeiten ({type(error).__name__}: {error}) – "
                    "nimm eine andere Datei.",
                )
            ) from None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
