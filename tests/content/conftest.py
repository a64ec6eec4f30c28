"""Fixtures of the content tier: this site's own rule book (content/rules)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.plugins.kundenfit.quiz.model import RuleBook
from pelican.plugins.kundenfit.rules import load_rulebook

RULES_DIR = Path(__file__).resolve().parents[2] / "content" / "rules"


@pytest.fixture(scope="session")
def rulebook() -> RuleBook:
    """The real rule book of this site."""
    return load_rulebook(RULES_DIR)
