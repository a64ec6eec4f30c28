"""Addresses built from SITEURL never contain `//` after the host, also when SITEURL is written
with a slash at the end (as a coach copies it from the browser)."""

from __future__ import annotations

import re

from tests.support.build import build_site

DOUBLE_SLASH = re.compile(r"https://www\.coach\.test(?::\d+)?//")


def test_a_siteurl_with_a_trailing_slash_gives_no_double_slash(tmp_path):
    output = tmp_path / "output"
    # publishconf.py sets FEED_DOMAIN = SITEURL; Pelican strips SITEURL's slash, not FEED_DOMAIN's
    result = build_site(output, "https://www.coach.test/", ['FEED_DOMAIN="https://www.coach.test/"'])
    assert result.returncode == 0, result.stderr
    texts = {
        path.relative_to(output).as_posix(): path.read_text(encoding="utf-8")
        for path in output.rglob("*")
        if path.suffix in {".html", ".xml", ".json", ".txt", ""} and path.is_file()
    }
    used = sum("https://www.coach.test/" in text for text in texts.values())
    assert used > 20, "the build used the address"
    assert [name for name, text in texts.items() if DOUBLE_SLASH.search(text)] == []
