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


def test_missing_or_example_siteurl():
    assert publish_problems(with_(SITEURL=""))[0].startswith("SITEURL fehlt")
    assert "Beispieladresse" in publish_problems(with_(SITEURL="https://example.com"))[0]
    assert "keine vollständige Adresse" in publish_problems(with_(SITEURL="/"))[0]


def test_content_placeholders_are_reported_with_file_and_line(tmp_path):
    (tmp_path / "seite.md").write_text("Title: X\n\nSchreib an kontakt@example.org\n", encoding="utf-8")
    assert content_problems(tmp_path) == [
        f"{tmp_path / 'seite.md'}:3: diese Zeile enthält eine Beispieladresse (example.org/example.com)."
    ]
