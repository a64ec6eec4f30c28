"""Write the runtime's CSS and minified JS into the output folder, under fingerprinted names.

Runtime and style sheets carry a hash of their content in the file name (`kundenfit.3f9a….js`)
and pages link those names, so hosts may tell browsers to keep them for a year: a changed file
is a new address. `loader.js` keeps its plain name: coaches paste its address into other
sites, where it must keep working after every build (hosts send it with a short lifetime).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import rjsmin

STATIC_DIR = Path(__file__).parents[1] / "static"
JS_NAME = "kundenfit.js"
# Only on embed pages: the frame protocols (loader.js's sizing and scrolling, WordPress's).
FRAME_JS_NAME = "kundenfit-frame.js"
# Only with KUNDENFIT_ANALYTICS: the events to the coach's own Plausible, Matomo or Umami.
ANALYTICS_JS_NAME = "kundenfit-analytics.js"
CSS_NAME = "kundenfit.css"
EMBED_CSS_NAME = "kundenfit-embed.css"
LOADER_NAME = "loader.js"
HASH_LENGTH = 12
# A fingerprinted file name, as hosts.py matches it: `name.<12 hex digits>.css|js`.
FINGERPRINTED = re.compile(rf"\.[0-9a-f]{{{HASH_LENGTH}}}\.(?:css|js)$")


def minified_js(name: str = JS_NAME) -> str:
    """A script as shipped: minified, so its size is what the budget measures."""
    return rjsmin.jsmin((STATIC_DIR / name).read_text(encoding="utf-8"))


def fingerprinted_name(name: str, content: bytes) -> str:
    """`kundenfit.js` + content -> `kundenfit.<first 12 hex digits of its SHA-256>.js`."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:HASH_LENGTH]}{dot}{suffix}"


def asset_files(brand_css: str = "") -> dict[str, tuple[str, str]]:
    """Each asset's plain name -> (the name it is written and linked under, its text).

    `brand_css` (brand.brand_css) opens kundenfit.css: the coach's colours and font as the
    custom properties the rest of the sheet reads, so the brand changes the sheet's name too.
    """
    texts = {
        JS_NAME: minified_js(),
        FRAME_JS_NAME: minified_js(FRAME_JS_NAME),
        ANALYTICS_JS_NAME: minified_js(ANALYTICS_JS_NAME),
        CSS_NAME: brand_css + (STATIC_DIR / CSS_NAME).read_text(encoding="utf-8"),
        EMBED_CSS_NAME: (STATIC_DIR / EMBED_CSS_NAME).read_text(encoding="utf-8"),
        LOADER_NAME: minified_js(LOADER_NAME),
    }
    return {
        name: (name if name == LOADER_NAME else fingerprinted_name(name, text.encode("utf-8")), text)
        for name, text in texts.items()
    }


def public_names(brand_css: str = "") -> dict[str, str]:
    """Plain name -> the name pages link (what `asset_url` needs)."""
    return {name: public for name, (public, _) in asset_files(brand_css).items()}


def write_assets(target_dir: Path, brand_css: str = "") -> None:
    target_dir.mkdir(parents=True, exist_ok=True)
    for public, text in asset_files(brand_css).values():
        (target_dir / public).write_text(text, encoding="utf-8")
