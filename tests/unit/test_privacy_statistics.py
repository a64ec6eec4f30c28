"""The privacy page names the statistics tool only when KUNDENFIT_ANALYTICS is set (issue 24)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.site_helpers.catalogs import compile_catalogs
from pelican.plugins.site_helpers.legal import render_legal

ROOT = Path(__file__).resolve().parents[2]
BASE = {"I18N_GETTEXT_LOCALEDIR": str(ROOT / "translations"), "I18N_GETTEXT_DOMAIN": "messages"}


@pytest.fixture(scope="module", autouse=True)
def catalogs():
    compile_catalogs(ROOT / "translations")  # as every build does first


def page(lang: str = "de", **settings) -> BeautifulSoup:
    return BeautifulSoup(str(render_legal("datenschutz", {**BASE, **settings}, lang)), "html.parser")


def text_of(soup: BeautifulSoup) -> str:
    return soup.get_text(" ").replace("\xa0", " ")  # legal.py keeps "Art. 6" together


def test_without_a_setting_there_is_no_statistics_section_and_no_tracking():
    soup = page()
    assert soup.select("#statistik") == []
    assert "verwendet kein Tracking" in text_of(soup)


@pytest.mark.parametrize(
    ("tool", "name", "cookies"),
    [
        ("plausible", "Plausible", "Plausible setzt keine Cookies"),
        ("umami", "Umami", "Umami setzt keine Cookies"),
    ],
)
def test_a_cookieless_tool_is_named_with_its_address_and_the_legal_basis(tool, name, cookies):
    setting = {"tool": tool, "url": "https://statistik.beispiel.test", "site": "x"}
    soup = page(KUNDENFIT_ANALYTICS=setting)
    assert soup.select_one("#statistik").get_text() == f"Statistik mit {name}"
    text = text_of(soup)
    assert "https://statistik.beispiel.test" in text and cookies in text
    assert "Art. 6 Abs. 1 lit. f DSGVO" in text and "§ 25 TDDDG" in text
    assert "Anfragen an statistik.beispiel.test" in text
    assert "verwendet kein Tracking" not in text, "the short version no longer says 'no tracking'"
    assert "Deine einzelnen Antworten und deine E-Mail-Adresse sind nie dabei" in text


def test_matomo_says_its_own_cookies_are_off_and_would_need_consent():
    soup = page(KUNDENFIT_ANALYTICS={"tool": "matomo", "url": "https://m.beispiel.test/", "site": 2})
    text = text_of(soup)
    assert "lädt dafür nicht das Matomo-Skript" in text
    assert "ausgeschaltet, denn dafür bräuchten wir deine Einwilligung" in text


def test_the_english_page_is_translated():
    soup = page("en", KUNDENFIT_ANALYTICS={"tool": "plausible", "url": "https://s.beispiel.test"})
    assert soup.select_one("#statistik").get_text() == "Statistics with Plausible"
    assert "Section 25 TDDDG" in text_of(soup)
