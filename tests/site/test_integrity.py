"""Whole-site gates: valid HTML, no broken internal link, nothing loaded from another host."""

from __future__ import annotations

from tests.support.checks import (
    broken_links,
    html_files,
    missing_page_kinds,
    page_url,
    third_party_loads,
    validate_html,
)


def test_every_page_passes_the_nu_validator(site_dir):
    files = html_files(site_dir)
    assert missing_page_kinds(site_dir, files) == []
    errors = validate_html(files)
    assert errors == [], "\n".join(errors[:30])


def test_no_internal_link_is_broken(site_dir, site_origin):
    findings = broken_links(site_dir, site_origin)
    assert findings == [], "\n".join(findings[:30])


def test_no_page_loads_anything_from_another_host(site_dir, site_origin):
    findings = []
    for file in html_files(site_dir):
        html = file.read_text(encoding="utf-8")
        for url in third_party_loads(html, page_url(site_dir, file, site_origin), site_origin):
            findings.append(f"{file.relative_to(site_dir)}: {url}")
    assert findings == [], "\n".join(findings)


def test_every_page_has_one_h1_a_title_a_language_and_a_main_landmark(site_dir):
    from bs4 import BeautifulSoup

    problems = []
    for file in html_files(site_dir):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        rel = file.relative_to(site_dir).as_posix()
        if len(soup.find_all("h1")) != 1:
            problems.append(f"{rel}: {len(soup.find_all('h1'))} h1")
        if not (soup.title and soup.title.get_text(strip=True)):
            problems.append(f"{rel}: no title")
        if soup.html.get("lang") not in ("de", "en"):
            problems.append(f"{rel}: lang={soup.html.get('lang')!r}")
        if len(soup.find_all("main")) != 1:
            problems.append(f"{rel}: no single main landmark")
    assert problems == []
