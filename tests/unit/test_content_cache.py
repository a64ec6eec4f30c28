"""Pelican's reader cache is dropped when it was made under other settings or is torn."""

from __future__ import annotations

import pickle
from types import SimpleNamespace

from pelican.plugins.kundenfit import content_cache

SETTINGS = {
    "CACHE_CONTENT": True,
    "LOAD_CONTENT_CACHE": True,
    "GZIP_CACHE": False,
    "MARKDOWN": {"extensions": ["markdown.extensions.toc"]},
}


def run_check(tmp_path, **changes):
    content_cache.check(SimpleNamespace(settings={**SETTINGS, "CACHE_PATH": str(tmp_path), **changes}))


def write_cache(tmp_path):
    path = tmp_path / "ArticlesGenerator-Readers"
    path.write_bytes(pickle.dumps({"a.md": (1.0, ("<p>a</p>", {}))}))
    return path


def test_a_cache_made_under_the_same_settings_is_kept(tmp_path):
    run_check(tmp_path)
    path = write_cache(tmp_path)
    run_check(tmp_path)
    assert path.is_file()


def test_other_markdown_settings_drop_the_cache(tmp_path):
    run_check(tmp_path)
    path = write_cache(tmp_path)
    run_check(tmp_path, MARKDOWN={"extensions": ["markdown.extensions.toc", "markdown.extensions.tables"]})
    assert not path.is_file()


def test_a_torn_cache_file_is_dropped(tmp_path):
    run_check(tmp_path)
    path = write_cache(tmp_path)
    path.write_bytes(path.read_bytes()[:-3])
    run_check(tmp_path)
    assert not path.is_file()


def test_a_cache_without_fingerprint_is_dropped(tmp_path):
    path = write_cache(tmp_path)
    run_check(tmp_path)
    assert not path.is_file()
    assert (tmp_path / content_cache.FINGERPRINT).is_file()
