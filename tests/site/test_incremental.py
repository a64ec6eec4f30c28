"""An incremental rebuild (Pelican's content cache warm) writes exactly what a clean build writes.

The site is a copy of this project's. It is built once; then one article and one rule text are
edited and it is built again, once as `make html` does (a new process, a fresh output folder,
the content cache from the first build) and once as `make serve` does (a second run in the same
process, where the parsed files, rule files and templates of the first run are still held).
Both must equal, byte for byte, a clean build of the edited sources with an empty cache.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.bench_scale import generate

ARTICLE = Path("content/articles/de/nein-als-segen.md")
RULES = Path("content/rules/kundenfit.yaml")
OLD_TITLE, NEW_TITLE = "title: Passt dieser Kunde zu dir?", "title: Passt diese Kundin zu dir?"


def pelican(site: Path, output: Path, cache: Path) -> None:
    command = [sys.executable, "-m", "pelican", "content", "-o", str(output), "-s", "pelican.conf.py"]
    command += ["--log-handler", "plain", "-e", f'CACHE_PATH="{cache}"']
    result = subprocess.run(command, cwd=site, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]


def edit(site: Path) -> None:
    article = site / ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("\n\n", "\n\nEin geänderter Satz im Artikel.\n\n", 1), encoding="utf-8")
    rules = site / RULES
    text = rules.read_text(encoding="utf-8")
    assert OLD_TITLE in text
    rules.write_text(text.replace(OLD_TITLE, NEW_TITLE, 1), encoding="utf-8")


def differences(left: Path, right: Path) -> list[str]:
    """Every file that is missing on one side or differs in a single byte."""
    found = []

    def walk(compared: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"only in {left.name}: {prefix}{name}" for name in compared.left_only)
        found.extend(f"only in {right.name}: {prefix}{name}" for name in compared.right_only)
        _, mismatch, errors = filecmp.cmpfiles(
            compared.left, compared.right, compared.common_files, shallow=False
        )
        found.extend(f"differs: {prefix}{name}" for name in mismatch + errors)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def test_rebuild_after_editing_an_article_and_a_rule_text_equals_a_clean_build(tmp_path):
    site = tmp_path / "site"
    generate(site, 0, 0)  # a copy of this site
    cache = tmp_path / "cache"
    pelican(site, tmp_path / "first", cache)
    assert (cache / "ArticlesGenerator-Readers").is_file(), "the first build leaves no content cache"

    edit(site)
    pelican(site, tmp_path / "incremental", cache)
    pelican(site, tmp_path / "clean", tmp_path / "empty-cache")

    incremental, clean = tmp_path / "incremental", tmp_path / "clean"
    assert "Ein geänderter Satz im Artikel." in (clean / "artikel/nein-als-segen/index.html").read_text()
    assert "Passt diese Kundin zu dir?" in (clean / "quiz/kundenfit/index.html").read_text()
    assert differences(incremental, clean) == []
    assert differences(tmp_path / "first", clean) != []  # the edits did change the output


SERVE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pelican import Pelican
    from pelican.settings import read_settings

    output, cache, article, rules, old, new = sys.argv[1:]
    settings = read_settings("pelican.conf.py", override={"OUTPUT_PATH": output, "CACHE_PATH": cache})
    site = Pelican(settings)
    site.run()
    article, rules = Path(article), Path(rules)
    text = article.read_text(encoding="utf-8")
    text = text.replace("\\n\\n", "\\n\\nEin geänderter Satz im Artikel.\\n\\n", 1)
    article.write_text(text, encoding="utf-8")
    rules.write_text(rules.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    site.run()  # as Pelican's autoreload runs it again
    """
)


def test_a_second_run_in_the_same_process_sees_both_edits(tmp_path):
    site = tmp_path / "site"
    generate(site, 0, 0)
    serve = tmp_path / "serve"
    args = [str(serve), str(tmp_path / "cache"), str(site / ARTICLE), str(site / RULES), OLD_TITLE, NEW_TITLE]
    result = subprocess.run(
        [sys.executable, "-c", SERVE, *args], cwd=site, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    pelican(site, tmp_path / "clean", tmp_path / "empty-cache")
    assert differences(serve, tmp_path / "clean") == []
