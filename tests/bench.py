"""Print size and speed figures (`make bench`); nothing here asserts, it only measures."""

from __future__ import annotations

import gzip
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from kundenfit.assets import STATIC_DIR, minified_js  # noqa: E402

from tests.support.build import build_site  # noqa: E402

JS_BUDGET = 5 * 1024


def js_size() -> None:
    raw = (STATIC_DIR / "kundenfit.js").read_bytes()
    minified = minified_js().encode("utf-8")
    gz = len(gzip.compress(minified, 9))
    print(
        f"quiz runtime kundenfit.js: {len(raw)} B source, {len(minified)} B minified, "
        f"{gz} B minified+gzip (budget {JS_BUDGET} B, {'OK' if gz <= JS_BUDGET else 'OVER'})"
    )


def build_time(runs: int = 3) -> None:
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            start = time.perf_counter()
            result = build_site(Path(tmp) / f"out{run}", "http://localhost:8000")
            timings.append(time.perf_counter() - start)
            if result.returncode != 0:
                print(result.stderr)
                raise SystemExit("build failed")
        pages = len(list((Path(tmp) / "out0").rglob("*.html")))
        size = sum(f.stat().st_size for f in (Path(tmp) / "out0").rglob("*") if f.is_file())
    print(
        f"site build: {pages} HTML pages, {size / 1024:.0f} KiB in total, "
        f"best of {runs}: {min(timings):.2f} s (median {sorted(timings)[len(timings) // 2]:.2f} s)"
    )


if __name__ == "__main__":
    js_size()
    build_time()
