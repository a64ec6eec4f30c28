"""Every committed catalog passes GNU gettext's `msgfmt --check`, as Poedit and Weblate need.

`make messages` keeps a standard header (Language, Plural-Forms, charset=UTF-8) in each .po;
msgfmt checks it along with the syntax, the plural forms and the python-format placeholders.
Skips without msgfmt, unless REQUIRE_BROWSER=1 (CI), where .ci/run installs gettext.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.catalog_checks import PLUGIN_LOCALEDIR, ROOT, TRANSLATIONS, catalog_paths, shown

CATALOGS = catalog_paths(TRANSLATIONS, PLUGIN_LOCALEDIR, ROOT / "tests" / "sample_site" / "translations")


def msgfmt() -> str:
    found = shutil.which("msgfmt")
    if found is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 but msgfmt (GNU gettext) is not installed")
        pytest.skip("msgfmt (GNU gettext) is not installed")
    return found


def check(po: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [msgfmt(), "--check", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_there_are_catalogs_to_check():
    assert len(CATALOGS) >= 4, [shown(po) for po in CATALOGS]


@pytest.mark.parametrize("po", CATALOGS, ids=[shown(po) for po in CATALOGS])
def test_catalog_passes_msgfmt_check(po):
    result = check(po)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


def test_msgfmt_check_fails_on_a_catalog_without_header(tmp_path):
    """The check can fail: the headerless catalogs `make messages` used to write are refused."""
    po = tmp_path / "messages.po"
    po.write_text('msgid "%(num)d Frage"\nmsgstr "%(num)d question %"\n', encoding="utf-8")
    result = check(po)
    assert result.returncode != 0 and "header missing" in result.stderr, result.stderr
