"""Every KUNDENFIT_* setting and the site's SITE_* settings are checked against their declared types.

The corpus (tests/bad_input) shows the line a build prints; these tests cover every declared
type quickly, including values that must pass.
"""

from __future__ import annotations

import datetime

import pytest
from pelican.plugins.kundenfit import settings as kf_settings
from pelican.plugins.site_helpers.settings_check import settings_problems

LANGS = ["de", "en"]
OWNER = {"name": "Anna", "street": "Weg 1", "city": "Köln", "email": "a@b.de"}
PRIVACY = {"hosting": "[Platzhalter: Hoster]", "log_retention": "7 Tage", "updated": "2026-11-28"}


def lines(**settings) -> list[str]:
    return [str(problem) for problem in kf_settings.problems(settings, LANGS)]


def test_the_defaults_and_the_sites_settings_pass():
    assert lines() == []
    assert lines(**kf_settings.DEFAULTS) == []
    assert settings_problems({"SITE_OWNER": OWNER, "SITE_PRIVACY": PRIVACY}) == []


def test_every_default_has_a_declared_type():
    assert set(kf_settings.SHAPES) == set(kf_settings.DEFAULTS)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("KUNDENFIT_QUIZ_URL", "fragen/{id}.html"),
        ("KUNDENFIT_PDF_SAVE_AS", "pdf/{lang}/{id}.pdf"),
        ("KUNDENFIT_EMBED_URL", "einbetten/{id}/"),
        ("KUNDENFIT_CONTACT_EMAIL", None),
        ("KUNDENFIT_CONTACT_EMAIL", ""),
        ("KUNDENFIT_CONTACT_EMAIL", "hallo@beispiel.test"),
        ("KUNDENFIT_ORDER", ("demo", "liste")),
        ("KUNDENFIT_EMBED_ICON", "favicon.svg"),
        ("KUNDENFIT_SOURCE_LANG", "de_AT"),
        ("KUNDENFIT_PDF_REQUIRED", True),
        ("KUNDENFIT_ANALYTICS", None),
        ("KUNDENFIT_ANALYTICS", {"tool": "plausible", "url": "https://statistik.beispiel.test"}),
        ("KUNDENFIT_ANALYTICS", {"tool": "matomo", "url": "https://beispiel.test/matomo/", "site": 3}),
        ("KUNDENFIT_ANALYTICS", {"tool": "umami", "url": "https://u.beispiel.test", "site": "9f1c-2a"}),
    ],
)
def test_usable_values_pass(name, value):
    assert lines(**{name: value}) == []


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("KUNDENFIT_QUIZ_URL", 3, "ist kein Text"),
        ("KUNDENFIT_QUIZ_URL", "/quiz/{id}/", "ohne / am Anfang"),
        ("KUNDENFIT_QUIZ_URL", "https://x.test/{id}/", "ohne / am Anfang"),
        ("KUNDENFIT_QUIZ_URL", "quiz/{id}}/", "ohne Gegenstück"),
        ("KUNDENFIT_QUIZ_URL", "quiz/{0}/", "kennt {0} nicht"),
        ("KUNDENFIT_QUIZ_URL", "quiz/{}/", "kennt {} nicht"),
        ("KUNDENFIT_QUIZ_URL", "quiz/{id.x}/", "kennt {id.x} nicht"),
        ("KUNDENFIT_QUIZ_SAVE_AS", "quiz/{id}/../../x.html", "'..'"),
        ("KUNDENFIT_QUIZ_SAVE_AS", "   ", "ist leer"),
        ("KUNDENFIT_PDF_SAVE_AS", "{lang}.pdf", "braucht {id}"),
        ("KUNDENFIT_ASSETS_DIR", "", "ist leer"),
        ("KUNDENFIT_RULES_PATH", None, "ist kein Text"),
        ("KUNDENFIT_SOURCE_LANG", "Deutsch", "ist kein Sprachkürzel"),
        ("KUNDENFIT_HOST", "netfly", "gibt es nicht – wähle 'cloudflare'"),
        ("KUNDENFIT_ORDER", ["demo", 3], "keine Liste von Ids"),
        ("KUNDENFIT_CONTACT_EMAIL", "hallo @beispiel.test", "keine E-Mail-Adresse"),
        ("KUNDENFIT_PRIVACY_URL", 7, "ist kein Text"),
        ("KUNDENFIT_PDF_REQUIRED", 1, "kein Wahrheitswert"),
        ("KUNDENFIT_ANALYTICS", "https://statistik.beispiel.test", "ist kein Wörterbuch"),
        (
            "KUNDENFIT_ANALYTICS",
            {"tool": "google", "url": "https://x.test"},
            "'plausible', 'matomo' oder 'umami'",
        ),
        ("KUNDENFIT_ANALYTICS", {"tool": "plausible", "url": "statistik.test"}, "braucht 'url'"),
        ("KUNDENFIT_ANALYTICS", {"tool": "matomo", "url": "https://x.test", "site": "eins"}, "(eine Zahl)"),
        ("KUNDENFIT_ANALYTICS", {"tool": "umami", "url": "https://x.test"}, "Website-ID aus Umami"),
        (
            "KUNDENFIT_ANALYTICS",
            {"tool": "umami", "url": "https://x.test", "site": "a", "id": 1},
            "kennt 'id'",
        ),
        (
            "KUNDENFIT_LEAD_FORM",
            {"preset": "kit", "action": "https://p.test/s", "mehtod": "post"},
            "unbekannte Angabe(n): mehtod",
        ),
        ("KUNDENFIT_LEAD_FORM", {"preset": "sendinblue", "action": "https://p.test/s"}, "'preset'"),
        ("KUNDENFIT_NEXT_STEP", {"label": "Buchen", "url": "ftp://x"}, "'url'"),
        ("KUNDENFIT_NEWSLETTER", {"action": "https://p.test/s"}, "heißt jetzt KUNDENFIT_LEAD_FORM"),
        ("KUNDENFIT_WITHOUT_LEADS", "ja", "kein Wahrheitswert"),
        ("KUNDENFIT_OUTCOME_URL", "quiz/{id}/", "braucht {outcome}"),
    ],
)
def test_each_wrong_value_gives_one_line_naming_the_setting(name, value, says):
    (line,) = lines(**{name: value})
    assert line.startswith(f"pelican.conf.py: {name}") and says in line, line


def test_a_misspelt_name_without_a_close_match_is_named():
    (line,) = lines(KUNDENFIT_XYZ=1)
    assert (
        line == "pelican.conf.py: KUNDENFIT_XYZ gibt es nicht – lösch die Zeile oder prüfe die Schreibweise."
    )


def test_several_problems_give_several_lines():
    assert len(lines(KUNDENFIT_QUIZ_URL=1, KUNDENFIT_ORDER="x", KUNDENFIT_PDF_REQUIRED="ja")) == 3


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"SITE_PRIVACY": PRIVACY}, "SITE_OWNER fehlt"),
        ({"SITE_OWNER": OWNER}, "SITE_PRIVACY fehlt"),
        ({"SITE_OWNER": ["Anna"], "SITE_PRIVACY": PRIVACY}, "ist kein Wörterbuch"),
        (
            {"SITE_OWNER": {**OWNER, "email": 3}, "SITE_PRIVACY": PRIVACY},
            'SITE_OWNER["email"] = 3 ist kein Text',
        ),
        ({"SITE_OWNER": {**OWNER, "zzz": "x"}, "SITE_PRIVACY": PRIVACY}, "erlaubt: name, legal_form"),
        ({"SITE_OWNER": OWNER, "SITE_PRIVACY": {**PRIVACY, "updated": "gestern"}}, "ist kein Datum"),
        ({"SITE_OWNER": OWNER, "SITE_PRIVACY": PRIVACY, "SITE_PUBLISH_CHECK": 1}, "kein Wahrheitswert"),
    ],
)
def test_site_settings_problems(settings, says):
    (line,) = settings_problems(settings)
    assert line.startswith("pelican.conf.py: SITE_") and says in line, line


def test_site_settings_allow_placeholders_empty_fields_and_dates():
    privacy = {**PRIVACY, "updated": datetime.date(2026, 11, 28)}
    owner = {**OWNER, "phone": "", "name": "[Platzhalter: Name]", "vat_id": None}
    assert settings_problems({"SITE_OWNER": owner, "SITE_PRIVACY": privacy}) == []
    assert (
        settings_problems({"SITE_OWNER": owner, "SITE_PRIVACY": {**PRIVACY, "updated": "[Platzhalter]"}})
        == []
    )


def test_contact_form_must_be_a_web_address():
    base = {"SITE_PRIVACY": PRIVACY}
    for good in ("", "https://www.muster.de/kontakt/", "[Platzhalter: Kontaktformular]"):
        assert settings_problems({**base, "SITE_OWNER": {**OWNER, "contact_form": good}}) == [], good
    for bad in ("kontakt/", "www.muster.de/kontakt", "javascript:alert(1)", 'https://muster.de/"x'):
        found = settings_problems({**base, "SITE_OWNER": {**OWNER, "contact_form": bad}})
        assert len(found) == 1 and 'SITE_OWNER["contact_form"]' in found[0], found
        assert "keine Web-Adresse" in found[0]
