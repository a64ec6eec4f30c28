"""libyaml's C parser and the pure-Python one give the same line-aware data for rule files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.plugins.kundenfit.rules import loader

from tests.support.sample_site import SAMPLE_SITE

RULE_FILES = sorted(Path(__file__).resolve().parents[2].glob("content/rules/*.yaml")) + sorted(
    (SAMPLE_SITE / "content" / "rules").glob("*.yaml")
)


def lines(value):
    """The data with every line number it carries, to compare both parsers completely."""
    if isinstance(value, loader.YamlMap):
        return {
            "line": value.line,
            "keys": dict(value.key_lines),
            "items": {k: lines(v) for k, v in value.items()},
        }
    if isinstance(value, loader.YamlList):
        return {"line": value.line, "items": [lines(v) for v in value], "lines": list(value.item_lines)}
    return value


@pytest.mark.skipif(loader._FastNodeLoader is None, reason="PyYAML without libyaml")
@pytest.mark.parametrize("path", RULE_FILES, ids=[p.name for p in RULE_FILES])
def test_c_and_python_parsers_agree(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    fast, problems = loader.parse_yaml(text, path.name)
    monkeypatch.setattr(loader, "_FastNodeLoader", None)
    slow, slow_problems = loader.parse_yaml(text, path.name)
    assert problems == slow_problems == []
    assert lines(fast) == lines(slow)
