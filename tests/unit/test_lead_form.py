"""KUNDENFIT_LEAD_FORM and KUNDENFIT_NEXT_STEP: presets, routes per outcome, and one plain line per
mistake naming the setting and the key."""

from __future__ import annotations

import pytest
from babel.messages.extract import extract
from pelican.plugins.kundenfit.errors import KundenfitError
from pelican.plugins.kundenfit.languages.translate import extract_rules
from pelican.plugins.kundenfit.quiz.model import Outcome
from pelican.plugins.kundenfit.render.lead_presets import PRESETS
from pelican.plugins.kundenfit.render.leads import lead_form, route_problems
from pelican.plugins.kundenfit.render.next_steps import next_step, site_next_step
from pelican.plugins.kundenfit.rules import load_rulebook
from PIL import Image

from tests.support.sample_site import SAMPLE_SITE

ACTION = "https://provider.example/subscribe"
BOOK = load_rulebook(SAMPLE_SITE / "content" / "rules")


def form(preset="kit", lang="de", **setting):
    return lead_form({"preset": preset, "action": ACTION, **setting}, lang)


@pytest.mark.parametrize("setting", [None, {}, ""])
def test_no_setting_means_no_form(setting):
    assert lead_form(setting, "de") is None


# (preset, extra setting) -> the field names the provider's form posts
@pytest.mark.parametrize(
    ("preset", "setting", "names"),
    [
        (
            "brevo",
            {"fields": {"outcome": "ERGEBNIS"}},
            {"email": "EMAIL", "first_name": "FIRSTNAME", "consent": "OPT_IN", "outcome": "ERGEBNIS"},
        ),
        (
            "cleverreach",
            {"fields": {"outcome": "123456"}},
            {"email": "email", "first_name": None, "consent": None, "outcome": "123456"},
        ),
        (
            "klicktipp",
            {"fields": {"outcome": "42"}, "hidden": {"apikey": "k"}},
            {"email": "email", "first_name": "fields[fieldFirstName]", "outcome": "fields[field42]"},
        ),
        (
            "rapidmail",
            {"fields": {"outcome": "ergebnis"}},
            {"email": "email", "first_name": "firstname", "outcome": "ergebnis"},
        ),
        (
            "mailerlite",
            {"fields": {"outcome": "ergebnis"}},
            {"email": "fields[email]", "first_name": "fields[name]", "outcome": "fields[ergebnis]"},
        ),
        (
            "mailchimp",
            {"fields": {"outcome": "MMERGE5"}},
            {"email": "EMAIL", "first_name": "FNAME", "outcome": "MMERGE5"},
        ),
        (
            "kit",
            {"fields": {"outcome": "ergebnis"}},
            {"email": "email_address", "first_name": "fields[first_name]", "outcome": "fields[ergebnis]"},
        ),
    ],
)
def test_each_preset_names_the_fields_its_provider_reads(preset, setting, names):
    fields = form(preset, **setting).fields
    assert {role: fields[role] for role in names} == names


def test_every_preset_cites_its_source_or_says_there_is_none():
    for name, preset in PRESETS.items():
        assert preset.source.startswith(("https://", "not found", "the coach")), name


def test_fixed_fields_honeypot_and_language():
    brevo = form("brevo", lang="en")
    assert brevo.fixed == {"locale": "en"} and brevo.honeypot == "email_address_check"
    mailerlite = form("mailerlite")
    assert mailerlite.fixed == {"ml-submit": "1", "anticsrf": "true"}
    chimp = lead_form(
        {"preset": "mailchimp", "action": "https://x.us1.list-manage.com/subscribe/post?u=ab&id=cd"}, "de"
    )
    assert chimp.honeypot == "b_ab_cd"


def test_a_route_per_outcome_changes_address_key_or_tag():
    lead = form(
        "klicktipp",
        fields={"outcome": "1", "quiz": "2"},
        hidden={"apikey": "all"},
        outcomes={
            "demo/gut": {"hidden": {"apikey": "gut"}},
            "demo/mittel": {"action": "https://other.example/f"},
        },
    )
    assert lead.route("demo", "gut") == {
        "action": ACTION,
        "hidden": {"apikey": "gut", "fields[field2]": "demo", "fields[field1]": "gut"},
    }
    initial, routes = lead.routes_for("demo", ["gut", "mittel"])
    assert initial == {"apikey": "all", "fields[field2]": "demo", "fields[field1]": ""}
    assert routes["mittel"] == {
        "action": "https://other.example/f",
        "fields": {"apikey": "all", "fields[field2]": "demo", "fields[field1]": "mittel"},
    }
    assert set(routes["gut"]["fields"]) == set(routes["mittel"]["fields"]), "every route sets the same fields"


def test_a_route_naming_no_outcome_is_one_line():
    lead = form(outcomes={"demo/gutt": {"hidden": {"tags": "1"}}, "nix/gut": {"hidden": {"tags": "1"}}})
    lines = route_problems(lead, BOOK.quizzes)
    start = "pelican.conf.py: KUNDENFIT_LEAD_FORM: 'outcomes' nennt"
    assert lines == [
        f"{start} 'demo/gutt', das gibt es nicht – dieses Quiz hat 'demo/gut', 'demo/mittel'.",
        f"{start} 'nix/gut', das gibt es nicht – schreib 'quiz-id/ergebnis-id'.",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ja, bitte.", "de", "Ja, bitte."),
        ({"de": "Ja", "en": "Yes"}, "en", "Yes"),
        ({"de": "Ja"}, "en", None),
        ("  ", "de", None),
    ],
)
def test_consent_text_per_language(text, lang, expected):
    assert form(consent_text=text, lang=lang).consent_text == expected


def test_company_and_country_come_from_the_preset_or_the_setting():
    assert form("mailchimp").third_country and form("kit").third_country
    assert not form("brevo").third_country and not form("cleverreach").third_country
    custom = lead_form(
        {"preset": "custom", "action": ACTION, "company": "Post GmbH, Wien", "country": "Österreich"}, "de"
    )
    assert custom.company == "Post GmbH, Wien" and not custom.third_country


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("https://x.example", "Wörterbuch"),
        ({"preset": "kit"}, "'action'"),
        ({"preset": "kit", "action": "provider.example/subscribe"}, "'action'"),
        ({"preset": "kit", "action": "javascript:alert(1)"}, "'action'"),
        ({"action": ACTION}, "'preset' = None gibt es nicht"),
        ({"preset": ["kit"], "action": ACTION}, "'kit'"),
        ({"preset": "sendinblue", "action": ACTION}, "'brevo'"),
        ({"preset": "kit", "action": ACTION, "fields": {"outcom": "x"}}, "outcom"),
        ({"preset": "kit", "action": ACTION, "fields": {"outcome": ""}}, "'outcome'"),
        ({"preset": "kit", "action": ACTION, "hidden": ["u"]}, "'hidden'"),
        ({"preset": "kit", "action": ACTION, "consent_text": 3}, "'consent_text'"),
        ({"preset": "kit", "action": ACTION, "email_field": "EMAIL"}, "email_field"),
        ({"preset": "klicktipp", "action": ACTION}, "'apikey'"),
        ({"preset": "custom", "action": ACTION}, "'company'"),
        ({"preset": "kit", "action": ACTION, "outcomes": {"gut": {}}}, "'quiz-id/ergebnis-id'"),
        ({"preset": "kit", "action": ACTION, "outcomes": {"demo/gut": {"tag": "1"}}}, "tag"),
        ({"preset": "kit", "action": ACTION, "outcomes": {"demo/gut": {"action": "ftp://x"}}}, "'action'"),
    ],
)
def test_mistakes_name_the_setting_and_the_key(setting, message):
    with pytest.raises(KundenfitError) as error:
        lead_form(setting, "de")
    assert str(error.value).startswith("pelican.conf.py: KUNDENFIT_LEAD_FORM: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


# -- the next step -----------------------------------------------------------------------------

OUTCOME = Outcome(id="gut", title="Gut", text="…")
OWN = Outcome(
    id="gut", title="Gut", text="…", next_step="Termin buchen", next_step_url="https://cal.example/t"
)


def page(address):
    return (
        f"https://site.example/{address}"
        if "://" not in address and not address.startswith("mailto:")
        else address
    )


def test_next_step_comes_from_the_outcome_then_the_setting_then_the_contact_address():
    site = site_next_step({"label": {"de": "Erstgespräch", "en": "First call"}, "url": "kontakt/"}, "en")
    assert next_step(OWN, site, "a@b.de", page) == {
        "label": "Termin buchen",
        "url": "https://cal.example/t",
        "contact": False,
    }
    assert next_step(OUTCOME, site, "a@b.de", page) == {
        "label": "First call",
        "url": "https://site.example/kontakt/",
        "contact": False,
    }
    assert next_step(OUTCOME, None, "a@b.de", page) == {
        "label": None,
        "url": "mailto:a@b.de",
        "contact": True,
    }
    assert next_step(OUTCOME, None, None, page) is None


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"label": "Buchen"}, "genau 'label' und 'url'"),
        ({"label": {"de": "Buchen"}, "url": "https://x.de"}, "'label' fehlt für die Sprache 'en'"),
        ({"label": "Buchen", "url": "javascript:alert(1)"}, "'url'"),
        ({"label": "Buchen", "url": "../../etc"}, "'url'"),
    ],
)
def test_next_step_setting_mistakes_are_one_line(setting, message):
    with pytest.raises(KundenfitError) as error:
        site_next_step(setting, "en")
    assert str(error.value).startswith("pelican.conf.py: KUNDENFIT_NEXT_STEP: ") and message in str(
        error.value
    )


def test_an_outcome_of_the_rule_file_names_its_own_next_step_and_it_is_translatable(tmp_path):
    source = (SAMPLE_SITE / "content" / "rules" / "demo.yaml").read_text(encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    marker = "      - id: gut\n"
    assert marker in source
    extended = source.replace(
        marker, marker + "        next_step: Termin buchen\n        next_step_url: https://cal.example/t\n", 1
    )
    (rules / "demo.yaml").write_text(extended, encoding="utf-8")
    gut = load_rulebook(rules).quizzes["demo"].outcome("gut")
    assert (gut.next_step, gut.next_step_url) == ("Termin buchen", "https://cal.example/t")
    with (rules / "demo.yaml").open("rb") as file:
        texts = [message for _line, message, _comments, _context in extract(extract_rules, file)]
    assert "Termin buchen" in texts and "https://cal.example/t" not in texts


def test_a_share_image_drawn_once_is_taken_from_the_cache(tmp_path, monkeypatch):
    from pelican.plugins.kundenfit.outputs import share_image as module

    texts = {
        "site": "Beispiel",
        "quiz_title": "Passt die Person?",
        "outcome_title": "Gut",
        "invite": "Und du?",
    }
    module.write_share_image(tmp_path / "a.png", tmp_path / "cache", **texts)
    monkeypatch.setattr(module, "share_image", lambda **_: pytest.fail("drawn again"))
    module.write_share_image(tmp_path / "b.png", tmp_path / "cache", **texts)
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    with Image.open(tmp_path / "b.png") as png:
        assert png.size == (1200, 630)
