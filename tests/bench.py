"""Print size and speed figures (`make bench`); nothing here asserts, it only measures."""

from __future__ import annotations

import gzip
import tempfile
import time
from pathlib import Path

from pelican.plugins.kundenfit.render.assets import STATIC_DIR, minified_js

from tests.support.build import build_site
from tests.support.weight import heaviest_page

ROOT = Path(__file__).resolve().parents[1]

JS_BUDGET = 5 * 1024  # stepper, result card, share and events included (issue 24)


def js_size() -> None:
    """The quiz runtime every quiz page loads, and the frame script embed pages add to it."""
    for name, budget in (("kundenfit.js", JS_BUDGET), ("kundenfit-frame.js", None)):
        raw = (STATIC_DIR / name).read_bytes()
        minified = minified_js(name).encode("utf-8")
        gz = len(gzip.compress(minified, 9))
        verdict = f" (budget {budget} B, {'OK' if gz <= budget else 'OVER'})" if budget else ""
        print(f"{name}: {len(raw)} B source, {len(minified)} B minified, {gz} B minified+gzip{verdict}")


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
        heaviest, page = heaviest_page(Path(tmp) / "out0", "http://localhost:8000")
        size = sum(f.stat().st_size for f in (Path(tmp) / "out0").rglob("*") if f.is_file())
    print(
        f"site build: {pages} HTML pages, {size / 1024:.0f} KiB in total, "
        f"best of {runs}: {min(timings):.2f} s (median {sorted(timings)[len(timings) // 2]:.2f} s)"
    )
    print(f"heaviest page on a first visit: {page}, {heaviest / 1024:.1f} KiB (gzip, fonts included)")


def pdf_speed(runs: int = 3) -> None:
    """Checklist PDFs, in this process: WeasyPrint's import once, then ms per PDF page and bytes."""
    from pelican.plugins.kundenfit.outputs import pdf
    from pelican.plugins.kundenfit.outputs.pdf_build import SiteFetcher

    start = time.perf_counter()
    ok, reason = pdf.pdf_support()
    import_ms = (time.perf_counter() - start) * 1000
    if not ok:
        print(f"checklist PDFs: skipped ({reason})")
        return
    siteurl = "http://localhost:8000"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        if build_site(out, siteurl).returncode != 0:
            raise SystemExit("build failed")
        jobs = []
        for lang, prefix in (("de", ""), ("en", "en/")):
            for page in sorted((out / prefix / "checkliste").glob("*/index.html")):
                base = f"{siteurl}/{prefix}" + page.parent.relative_to(out / prefix).as_posix() + "/"
                fetcher_args = (out / prefix, f"{siteurl}/{prefix}".rstrip("/"))
                metadata = {"title": "Bench", "lang": lang}
                jobs.append((page.read_text(encoding="utf-8"), base, fetcher_args, metadata))
        sizes, pages, timings = [], 0, []
        first = time.perf_counter()
        for run in range(runs + 1):  # run 0 loads the fonts: reported apart
            start = time.perf_counter()
            for html, base, fetcher_args, metadata in jobs:
                stats = {}
                data = pdf.render_pdf(html, base, SiteFetcher(*fetcher_args), metadata, stats=stats)
                if run == 0:
                    sizes.append(len(data))
                    pages += stats["pages"]
            timings.append(time.perf_counter() - (first if run == 0 else start))
    per_page = min(timings[1:]) * 1000 / pages
    print(
        f"checklist PDFs ({reason}): import {import_ms:.0f} ms once; {len(jobs)} PDFs, {pages} pages; "
        f"first pass {timings[0] * 1000 / pages:.0f} ms/page, best of {runs}: {per_page:.0f} ms/page; "
        f"{min(sizes)}–{max(sizes)} B per PDF (mean {sum(sizes) // len(sizes)} B)"
    )


def loader_size(budget: int = 1024) -> None:
    """The embed loader (loader.js) a coach's blog loads: minified with rjsmin, then gzip -9."""
    import rjsmin

    raw = (STATIC_DIR / "loader.js").read_bytes()
    minified = rjsmin.jsmin(raw.decode("utf-8")).encode("utf-8")
    gz = len(gzip.compress(minified, 9))
    print(
        f"embed loader loader.js: {len(raw)} B source, {len(minified)} B minified, "
        f"{gz} B minified+gzip (budget {budget} B, {'OK' if gz <= budget else 'OVER'})"
    )


def rule_file_limits() -> None:
    """How long a hostile rule folder holds up the build: a 10 MB file, a file just under the
    250 KB limit (read, or re-read by the pure-Python parser for its syntax error), and a quiz
    whose points give 2^14 different totals (issue 13: each within 10 s)."""
    from pelican.plugins.kundenfit.errors import RuleFileErrors
    from pelican.plugins.kundenfit.rules import load_rulebook
    from pelican.plugins.kundenfit.rules.limits import MAX_FILE_BYTES

    def rule(i: int, points: int = 2) -> str:
        return (
            f"  - id: regel-{i}\n    question: Frage {i} für den Test?\n    answers:\n"
            f"      - text: Ja {i}.\n        points: {points}\n      - text: Nein {i}.\n"
            f"        points: 0\n    check: Prüfpunkt {i}\n"
        )

    def timed(text: str) -> tuple[float, str]:
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "regeln.yaml").write_text(text, encoding="utf-8")
            start = time.perf_counter()
            try:
                load_rulebook(Path(tmp))
                verdict = "read"
            except RuleFileErrors as errors:
                verdict = f"refused ({errors.problems[0].message[:40]}…)"
            return time.perf_counter() - start, verdict

    one_rule = len(rule(99999))
    big = "rules:\n" + "".join(rule(i) for i in range(10_000_000 // one_rule))
    under = "rules:\n" + "".join(rule(i) for i in range((MAX_FILE_BYTES - 100) // one_rule))
    doubling = (
        "rules:\n"
        + "".join(rule(i, 2**i) for i in range(14))
        + "quizzes:\n  - id: q\n    kind: score\n    title: Q\n    rules: ["
        + ", ".join(f"regel-{i}" for i in range(14))
        + "]\n    outcomes:\n      - {id: a, title: A, points: 1-16383, text: A}\n"
        + "      - {id: b, title: B, points: 0-0, text: B}\n"
    )
    for label, text in (
        (f"{len(big.encode()) / 1e6:.1f} MB rule file", big),
        (f"{len(under.encode()) / 1e6:.2f} MB rule file", under),
        ("the same with a syntax error in its last line", under[:-200] + "  - id: [\n"),
        ("quiz with 16384 totals", doubling),
    ):
        seconds, verdict = timed(text)
        print(f"rule files: {label}: {verdict} in {seconds:.2f} s")


if __name__ == "__main__":
    js_size()
    build_time()
    pdf_speed()
    loader_size()
    rule_file_limits()
