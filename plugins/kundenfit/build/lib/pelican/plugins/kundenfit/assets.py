"""Write the runtime's CSS and minified JS into the output folder."""

from __future__ import annotations

from pathlib import Path

import rjsmin

STATIC_DIR = Path(__file__).parent / "static"
JS_NAME = "kundenfit.js"
CSS_NAME = "kundenfit.css"
EMBED_CSS_NAME = "kundenfit-embed.css"
LOADER_NAME = "loader.js"


def minified_js() -> str:
    """The quiz runtime as shipped: minified, so its size is what the budget measures."""
    return rjsmin.jsmin((STATIC_DIR / JS_NAME).read_text(encoding="utf-8"))


def write_assets(target_dir: Path) -> None:
    target_dir.mkdir(parents=True, exist_ok=True)
    (target_dir / JS_NAME).write_text(minified_js(), encoding="utf-8")
    (target_dir / CSS_NAME).write_text((STATIC_DIR / CSS_NAME).read_text(encoding="utf-8"), encoding="utf-8")
    loader = rjsmin.jsmin((STATIC_DIR / LOADER_NAME).read_text(encoding="utf-8"))
    (target_dir / LOADER_NAME).write_text(loader, encoding="utf-8")
    embed_css = (STATIC_DIR / EMBED_CSS_NAME).read_text(encoding="utf-8")
    (target_dir / EMBED_CSS_NAME).write_text(embed_css, encoding="utf-8")
