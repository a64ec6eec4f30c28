"""The Datenschutz page follows the host the site is published on (KUNDENFIT_HOST)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.kundenfit.outputs import hosts
from pelican.plugins.site_helpers.hosting import HOSTS
from pelican.plugins.site_helpers.legal import render_legal

from tests.support.build import ROOT

SETTINGS = {
    "I18N_GETTEXT_LOCALEDIR": str(ROOT / "translations"),
    "I18N_GETTEXT_DOMAIN": "messages",
    "SITE_OWNER": {"name": "Erika Muster", "email": "a@muster.de", "phone": "0221 123456"},
    "SITE_PRIVACY": {"hosting": "Muster Hosting GmbH, Hamburg", "log_retention": "7 Tagen"},
}


def privacy(host: str | None, lang: str = "de") -> BeautifulSoup:
    settings = dict(SETTINGS)
    if host:
        settings["KUNDENFIT_HOST"] = host
    return BeautifulSoup(render_legal("datenschutz", settings, lang), "html.parser")


def test_every_host_the_plugin_knows_has_a_privacy_text():
    assert set(HOSTS) == set(hosts.HOSTS)


@pytest.mark.parametrize(
    ("host", "company"),
    [
        ("cloudflare", "Cloudflare, Inc."),
        ("netlify", "Netlify, Inc."),
        ("github-pages", "GitHub, Inc."),
        ("s3", "Amazon Web Services, Inc."),
        (None, "Cloudflare, Inc."),
    ],
)
def test_us_hosts_get_the_third_country_section(host, company):
    soup = privacy(host)
    assert soup.find(id="drittland").get_text() == "Übermittlung in die USA"
    text = soup.get_text(" ").replace("\u00a0", " ")  # legal.py keeps "Art. 45" together
    assert company in text and "Art. 45" in text and "Standardvertragsklauseln" in text
    assert soup.find("a", href="https://www.dataprivacyframework.gov/list")
    english = privacy(host, "en")
    assert english.find(id="drittland").get_text() == "Transfer to the USA"


@pytest.mark.parametrize("host", ["nginx", "apache"])
def test_own_servers_in_the_eu_transfer_nothing(host):
    soup = privacy(host)
    assert soup.find(id="drittland").get_text() == "Keine Übermittlung in Drittländer"
    assert "USA" not in soup.get_text()


def test_one_section_per_topic_in_a_stable_order():
    ids = [h2["id"] for h2 in privacy("netlify").find_all("h2")]
    topics = ["verantwortlich", "hosting", "drittland", "keine-cookies", "quizze", "einbettung", "kontakt"]
    assert ids == [*topics, "rechte"]


def test_a_phone_number_is_covered_by_the_contact_section():
    assert "Rufst du uns an" in privacy("nginx").get_text()
    settings = {**SETTINGS, "SITE_OWNER": {**SETTINGS["SITE_OWNER"], "phone": ""}}
    assert "Rufst du uns an" not in render_legal("datenschutz", settings, "de")


def test_impressum_shows_phone_and_contact_form():
    owner = {**SETTINGS["SITE_OWNER"], "contact_form": "https://www.muster.de/kontakt/"}
    soup = BeautifulSoup(render_legal("impressum", {**SETTINGS, "SITE_OWNER": owner}, "de"), "html.parser")
    contact = soup.find(id="kontakt").find_next("p")
    assert "Telefon: 0221 123456" in contact.get_text(" ", strip=True)
    assert contact.find("a", href="https://www.muster.de/kontakt/")
    assert "Platzhalter" not in contact.get_text()
