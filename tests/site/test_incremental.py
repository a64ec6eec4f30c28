"""A second build in the same process (as `make serve`'s autoreload runs it) writes exactly what
a clean build writes: nothing of the first run (parsed files, rule files, templates, settings)
outlives it but the declared caches, and both edits (an article, a rule text) are seen.
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
