"""`make bench-scale`: build a large generated site with the plugin and with plain Pelican.

A copy of this site grows to N articles per language (the real articles repeated under new
slugs) and Q quizzes and checklists (the real ones repeated under new ids, in rule files of
their own). It is built alternately with our settings and with plain Pelican (no plugins,
default theme) on the same articles; the medians, their ratio, pages per second and the peak
memory of each build are printed, then the time to rebuild after editing one article and one
rule text (as `make html` does: a new process, PDFs from their cache) and in `make serve`, the
time of a build whose writer is switched off (what every rebuild costs before it renders a
page), and the time `kundenfit check` takes on a 10 MB rule file. A third build, plain Pelican
with this site's MARKDOWN settings, shows how much of the difference is the site's Markdown
extensions.
Nothing here asserts; it only measures.

    make bench-scale                       # 500 articles per language, 50 quizzes
    make bench-scale SCALE="--articles 100 --views 10 --runs 1"
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PLAIN_CONF = """\
SITENAME = "Plain"
SITEURL = "http://localhost:8000"
PATH = "content"
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = []
DEFAULT_PAGINATION = False
PLUGINS = []  # without this line Pelican loads every installed namespace plugin
"""


def generate(site: Path, articles: int, views: int) -> None:
    """A copy of the project with `articles` per language and `views` quizzes and checklists."""
    for name in ("content", "theme", "translations", "pelican.conf.py"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, site / name)
        else:
            shutil.copy2(source, site / name)
    for lang in ("de", "en"):
        folder = site / "content" / "articles" / lang
        originals = sorted(folder.glob("*.md"))
        for number, original in zip(range(articles - len(originals)), cycle(originals), strict=False):
            text = original.read_text(encoding="utf-8")
            text = re.sub(r"(?m)^Slug: (.*)$", rf"Slug: \1-{number}", text, count=1)
            text = re.sub(r"(?m)^Title: (.*)$", rf"Title: \1 ({number})", text, count=1)
            (folder / f"{original.stem}-{number}.md").write_text(text, encoding="utf-8")
    quizzes, checklists = [], []
    for path in sorted((ROOT / "content" / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        quizzes += data.get("quizzes") or []
        checklists += data.get("checklists") or []
    copies = {"quizzes": [], "checklists": []}
    have = len(quizzes) + len(checklists)
    for number, (kind, view) in zip(
        range(max(0, views - have)),
        cycle([("quizzes", q) for q in quizzes] + [("checklists", c) for c in checklists]),
        strict=False,
    ):
        # A deep copy each: shared objects would be written as YAML anchors, which rule files refuse.
        copies[kind].append({**json.loads(json.dumps(view)), "id": f"{view['id']}-{number}"})
    copies = {kind: views for kind, views in copies.items() if views}
    if copies:
        (site / "content" / "rules" / "zz-bench-copies.yaml").write_text(
            yaml.safe_dump(copies, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    plain = site / "plain"
    (plain / "content").mkdir(parents=True)
    shutil.copytree(site / "content" / "articles", plain / "content" / "articles")
    (plain / "pelicanconf.py").write_text(PLAIN_CONF, encoding="utf-8")
    # The same, parsing Markdown with this site's MARKDOWN settings (toc, attr_list, …): what
    # Pelican alone costs for the site's Markdown, without the plugins and the second language.
    settings: dict = {"__file__": str(ROOT / "pelican.conf.py")}
    exec((ROOT / "pelican.conf.py").read_text(encoding="utf-8"), settings)
    markdown = f"MARKDOWN = {settings['MARKDOWN']!r}\n"
    (plain / "samemarkdown.py").write_text(PLAIN_CONF + markdown, encoding="utf-8")


def run(cwd: Path, settings: str, output: Path, *extra: str) -> tuple[float, int, int]:
    """Seconds, peak RSS in MB and HTML pages of one build (GNU time measures the memory)."""
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pelican", "content", "-o", str(output), "-s", settings]
    command += ["--log-handler", "plain", *extra]
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], cwd=cwd, capture_output=True, text=True, timeout=3600
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed in {cwd}:\n{result.stderr[-3000:]}")
    rss_mb = int(result.stderr.strip().splitlines()[-1]) // 1024
    return seconds, rss_mb, len(list(output.rglob("*.html")))


def forget_content_cache(site: Path) -> None:
    """A clean build: nothing from an earlier build in the cache but the PDFs (as in the issue)."""
    cache = site / "cache"
    for entry in cache.iterdir() if cache.is_dir() else ():
        if entry.name != "kundenfit-pdf":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def rebuild(site: Path, edit: Path, old: str, new: str) -> float:
    """Seconds for a build after one edit, into a fresh folder as `make html` builds."""
    output = site / "out-cached"
    run(site, "pelican.conf.py", output)  # the PDFs are in their cache
    text = edit.read_text(encoding="utf-8")
    edit.write_text(text.replace(old, new, 1), encoding="utf-8")
    return run(site, "pelican.conf.py", output)[0]


# Pelican with its writer switched off: reads every file, builds every context and runs
# every plugin, but renders and writes no page (nor the PDFs printed from the pages).
_WRITING_NOTHING = """
import sys
from pelican import main, writers
from pelican.plugins.kundenfit import glue
writers.Writer.write_file = lambda *args, **kwargs: None
glue.build_checklist_pdfs = lambda **kwargs: None
sys.argv = ["pelican", *sys.argv[1:]]
main()
"""


def floor(site: Path) -> float:
    """Seconds of a build that renders and writes no page: what any rebuild costs at least
    while Pelican builds every context anew."""
    output = site / "out-floor"
    run(site, "pelican.conf.py", output)  # the PDFs are in their cache
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-c", _WRITING_NOTHING, "content", "-o", str(output), "-s", "pelican.conf.py"]
    start = time.perf_counter()
    result = subprocess.run(command + ["--log-handler", "plain"], cwd=site, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed in {site}:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


# `make serve`: Pelican's autoreload runs the same Pelican object again after a change.
_SERVING = """
import sys, time
from pathlib import Path
from pelican import Pelican
from pelican.settings import read_settings

output, edit, old, new = sys.argv[1:]
site = Pelican(read_settings("pelican.conf.py", override={"OUTPUT_PATH": output}))
site.run()
path = Path(edit)
path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
start = time.perf_counter()
site.run()
print(time.perf_counter() - start)
"""


def serve_rebuild(site: Path, edit: Path, old: str, new: str) -> float:
    """Seconds `make serve` takes to rebuild after one edit (the second run in one process)."""
    command = [sys.executable, "-c", _SERVING, str(site / "out-serve"), str(edit), old, new]
    result = subprocess.run(command, cwd=site, capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        sys.exit(f"build failed in {site}:\n{result.stderr[-3000:]}")
    return float(result.stdout.strip().splitlines()[-1])


def big_rule_file(folder: Path, megabytes: int = 10) -> float:
    """Seconds for `kundenfit check` on this site's rule files plus one of `megabytes` MB (the
    real quizzes and checklists repeated under new ids): it loads or is refused with a clear line."""
    shutil.copytree(ROOT / "content" / "rules", folder)
    quizzes, checklists = [], []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        quizzes += data.get("quizzes") or []
        checklists += data.get("checklists") or []

    def copies(number: int) -> dict:
        views = {"quizzes": [], "checklists": []}
        for kind, originals in (("quizzes", quizzes), ("checklists", checklists)):
            for view in originals:
                views[kind].append({**json.loads(json.dumps(view)), "id": f"{view['id']}-gross-{number}"})
        return views

    def dump(data: dict) -> str:
        return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)

    rounds = max(1, round(megabytes * 1_000_000 / len(dump(copies(0)).encode("utf-8"))))
    views: dict = {"quizzes": [], "checklists": []}
    for number in range(rounds):
        for kind, items in copies(number).items():
            views[kind] += items
    path = folder / "zz-gross.yaml"
    path.write_text(dump(views), encoding="utf-8")
    start = time.perf_counter()
    result = subprocess.run(
        [str(Path(sys.executable).with_name("kundenfit")), "check", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.perf_counter() - start
    first = (result.stdout + result.stderr).strip().splitlines()[:1]
    print(
        f"{path.stat().st_size / 1_000_000:.1f} MB rule file: {seconds:.1f} s, exit {result.returncode}: "
        f"{first[0] if first else ''}"[:300],
        flush=True,
    )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500, help="articles per language")
    parser.add_argument("--views", type=int, default=50, help="quizzes and checklists in all")
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        generate(site, args.articles, args.views)
        # The first build renders every checklist PDF; the clean builds
        # measured below find them in the PDF cache, as the figures do.
        first = run(site, "pelican.conf.py", site / "out")
        print(f"first build (renders every PDF): {first[0]:.1f} s, peak {first[1]} MB", flush=True)
        ours, plain, same_markdown = [], [], []
        for _ in range(args.runs):  # alternating, so all see the same machine load
            forget_content_cache(site)
            ours.append(run(site, "pelican.conf.py", site / "out"))
            plain.append(run(site / "plain", "pelicanconf.py", site / "plain" / "out"))
            same_markdown.append(run(site / "plain", "samemarkdown.py", site / "plain" / "out"))
        o_time, p_time = statistics.median(r[0] for r in ours), statistics.median(r[0] for r in plain)
        o_pages, p_pages = ours[0][2], plain[0][2]
        o_rss, p_rss = max(r[1] for r in ours), max(r[1] for r in plain)
        report = [
            f"generated: {args.articles} articles per language, {args.views} quizzes and checklists",
            f"kundenfit build: median {o_time:.1f} s, {o_pages} pages, "
            f"{o_pages / o_time:.0f} pages/s, peak {o_rss} MB",
            f"plain Pelican:   median {p_time:.1f} s, {p_pages} pages, "
            f"{p_pages / p_time:.0f} pages/s, peak {p_rss} MB",
            f"ratio: time {o_time / p_time:.2f}x, peak memory {o_rss / p_rss:.2f}x",
        ]
        m_time = statistics.median(r[0] for r in same_markdown)
        report.append(
            f"(plain Pelican with this site's MARKDOWN settings: median {m_time:.1f} s, "
            f"peak {max(r[1] for r in same_markdown)} MB; ours / that {o_time / m_time:.2f}x)"
        )
        print("\n".join(report), flush=True)
        article = site / "content" / "articles" / "de" / "nein-als-segen.md"
        one_article = rebuild(site, article, "\n\n", "\n\nEin geänderter Satz.\n\n")
        rule = site / "content" / "rules" / "kundenfit.yaml"
        one_rule = rebuild(site, rule, "title: Passt dieser Kunde", "title: Passt diese Kundin")
        for what, seconds in (("one article", one_article), ("one rule text", one_rule)):
            print(f"rebuild after editing {what}: {seconds:.1f} s ({seconds / o_time:.0%} of a clean build)")
        served = serve_rebuild(site, article, "Ein geänderter Satz.", "Ein zweites Mal geändert.")
        print(f"make serve, after editing one article: {served:.1f} s ({served / o_time:.0%} of a clean one)")
        nothing = floor(site)
        print(
            f"build writing no page (reads, contexts, plugins only): {nothing:.1f} s "
            f"({nothing / o_time:.0%} of a clean build)",
            flush=True,
        )
        big_rule_file(Path(tmp) / "big-rules")


if __name__ == "__main__":
    main()
