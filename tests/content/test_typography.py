"""Our articles and pages write their own quotes, apostrophes and dashes (docs/schreibregeln.md).

The site runs no Smarty (pelican.conf.py): a straight quote in a text would be published as it
is, so it is caught here, with the file and line to fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CONTENT = Path(__file__).resolve().parents[2] / "content"
TEXTS = sorted(CONTENT.glob("articles/*/*.md")) + sorted(CONTENT.glob("pages/*/*.md"))


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: str(path.relative_to(CONTENT)))
def test_no_straight_quotes(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    straight = [
        f"{path.name}:{number}: {line.strip()}"
        for number, line in enumerate(lines, 1)
        if set("\"'") & set(line)
    ]
    assert not straight, "straight quotes; write „…“ or “…” and ’:\n" + "\n".join(straight)
