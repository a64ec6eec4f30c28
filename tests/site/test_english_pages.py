"""English pages show no German text from the theme, the plugin or a rule file."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.checks import html_files
from tests.support.german_text import german_fragments, german_in

LINK_ATTRS = {
    "href",
    "src",
    "action",
    "id",
    "class",
    "for",
    "name",
    "value",
    "data-kf-quiz",
    "data-kf-rule",
    "data-kf-outcome",
    "data-kf-topic",
    "data-kf-advice",
    "data-kf-cap",
    "rel",
    "type",
    "hreflang",
    "lang",
    "property",
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "headers",
    "data-kf-embed",
}


def visible_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for script in soup.find_all("script"):
        script.decompose()
    attributes = [
        value if isinstance(value, str) else " ".join(value)
        for element in soup.find_all(True)
        for name, value in element.attrs.items()
        if name not in LINK_ATTRS
    ]
    return " ".join(" ".join([soup.get_text(" "), *attributes]).split())


def test_catalogs_have_german_strings_to_look_for():
    assert len(german_fragments()) > 100


def test_no_english_page_shows_a_german_ui_or_rule_string(site_dir):
    fragments = german_fragments()
    findings = []
    for file in html_files(site_dir / "en"):
        text = visible_text(file)
        found = german_in(text, fragments)
        if found:
            findings.append(f"{file.relative_to(site_dir)}: {found[:5]}")
    assert findings == [], "\n".join(findings)
