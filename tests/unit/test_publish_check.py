"""The publish check: one line per problem, each naming the setting to fix."""

from __future__ import annotations

from pelican.plugins.site_helpers.publish_check import content_problems, publish_problems

GOOD = {
    "SITEURL": "https://www.erika-muster-coaching.de",
    "RELATIVE_URLS": False,
    "SITE_OWNER": {
        "name": "Erika Muster",
        "street": "Lindenweg 3",
        "city": "50667 Köln",
        "email": "a@muster.de",
        "phone": "0221 123456",
    },
    "SITE_PRIVACY": {
        "hosting": "Muster Hosting GmbH, Hamburg",
        "log_retention": "7 Tagen",
        "updated": "2026-11-28",
    },
    "KUNDENFIT_NEWSLETTER": None,
}


def with_(**changes):
    return {**GOOD, **changes}


def test_filled_settings_pass():
    assert publish_problems(GOOD) == []


def test_each_problem_names_its_setting():
    settings = with_(
        SITEURL="http://localhost:8000",
        RELATIVE_URLS=True,
        SITE_OWNER={
            **GOOD["SITE_OWNER"],
            "name": "",
            "email": "kontakt@example.org",
            "phone": "[Platzhalter: Tel]",
        },
        SITE_PRIVACY={**GOOD["SITE_PRIVACY"], "hosting": "[Platzhalter: Hoster]"},
        KUNDENFIT_NEWSLETTER={"action": "https://post.muster.de/s"},
    )
    problems = publish_problems(settings)
    for name in (
        "SITEURL (http://localhost:8000)",
        "RELATIVE_URLS",
        'SITE_OWNER["name"] ist leer',
        'SITE_OWNER["email"] enthält eine Beispieladresse',
        'SITE_OWNER["phone"] ist noch ein Platzhalter',
        'SITE_PRIVACY["hosting"] ist noch ein Platzhalter',
        'KUNDENFIT_NEWSLETTER["provider"] fehlt',
    ):
        assert sum(line.startswith(name) for line in problems) == 1, (name, problems)
    assert len(problems) == 7


def test_impressum_needs_phone_or_contact_form_besides_email():
    """§ 5 DDG: a second fast way to reach the owner. Neither given is one line naming both."""
    owner = {k: v for k, v in GOOD["SITE_OWNER"].items() if k != "phone"}
    for empty in ({}, {"phone": "", "contact_form": "  "}):
        problems = publish_problems(with_(SITE_OWNER={**owner, **empty}))
        assert len(problems) == 1, problems
        assert problems[0].startswith('SITE_OWNER["phone"] und SITE_OWNER["contact_form"] sind leer')
    assert publish_problems(with_(SITE_OWNER={**owner, "contact_form": "https://muster.de/kontakt/"})) == []
    assert publish_problems(with_(SITE_OWNER={**owner, "phone": "0221 123456", "contact_form": ""})) == []


def test_a_placeholder_phone_is_named_once():
    owner = {**GOOD["SITE_OWNER"], "phone": "[Platzhalter: Telefonnummer]"}
    problems = publish_problems(with_(SITE_OWNER=owner))
    assert problems == ['SITE_OWNER["phone"] ist noch ein Platzhalter: bitte in pelican.conf.py ersetzen.']


def test_missing_or_example_siteurl():
    assert publish_problems(with_(SITEURL=""))[0].startswith("SITEURL fehlt")
    assert "Beispieladresse" in publish_problems(with_(SITEURL="https://example.com"))[0]
    assert "keine vollständige Adresse" in publish_problems(with_(SITEURL="/"))[0]


def test_content_placeholders_are_reported_with_file_and_line(tmp_path):
    (tmp_path / "seite.md").write_text("Title: X\n\nSchreib an kontakt@example.org\n", encoding="utf-8")
    assert content_problems(tmp_path) == [
        f"{tmp_path / 'seite.md'}:3: diese Zeile enthält eine Beispieladresse (example.org/example.com)."
    ]
