"""The site gates catch what they exist for: each is fed a small broken site and must object."""

from __future__ import annotations

from tests.support.checks import (
    PAGE_KINDS,
    broken_links,
    html_files,
    missing_page_kinds,
    third_party_loads,
    validate_html,
)

ORIGIN = "http://127.0.0.1:9"


def test_broken_link_is_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        f'<a href="{ORIGIN}/a/">ok</a> <a href="/fehlt/">kaputt</a> <a href="#nirgends">Anker</a>'
        '<a href="https://example.org/">extern ist erlaubt</a>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text("<p id=x>A</p>", encoding="utf-8")
    findings = broken_links(tmp_path, ORIGIN)
    assert len(findings) == 2
    assert "fehlt/index.html" in findings[0] and "nirgends" in findings[1]


def test_third_party_loads_are_found_but_outbound_links_are_not():
    html = """<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
    <link rel="canonical" href="https://example.org/"><script src="/own.js"></script>
    <img src="https://tracker.example/pixel.gif"><a href="https://example.org/">Quelle</a>
    <style>body{background:url(https://cdn.example/bg.png)}</style>"""
    found = third_party_loads(html, f"{ORIGIN}/", ORIGIN)
    assert found == [
        "https://tracker.example/pixel.gif",
        "https://fonts.googleapis.com/css?family=Roboto",
        "https://cdn.example/bg.png",
    ]


def test_validator_reports_invalid_html(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>x</title></head>'
        "<body><p><div>kaputt</p></body></html>",
        encoding="utf-8",
    )
    good = tmp_path / "good.html"
    good.write_text(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>x</title></head>'
        "<body><p>gut</p></body></html>",
        encoding="utf-8",
    )
    assert validate_html([good]) == []
    errors = validate_html([bad, good])
    assert errors and all("bad.html" in e for e in errors)


def test_a_page_kind_the_build_no_longer_writes_is_named(tmp_path):
    for prefix in ("", "en/"):
        for rel in PAGE_KINDS.values():
            (tmp_path / prefix / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / prefix / rel).write_text("<!DOCTYPE html>", encoding="utf-8")
    assert missing_page_kinds(tmp_path, html_files(tmp_path)) == []
    (tmp_path / "en" / "404.html").unlink()
    assert missing_page_kinds(tmp_path, html_files(tmp_path)) == ["404 (en): en/404.html"]
