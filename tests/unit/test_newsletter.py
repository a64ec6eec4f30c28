"""KUNDENFIT_NEWSLETTER: defaults, per-language consent text, and plain messages for mistakes."""

from __future__ import annotations

import pytest
from pelican.plugins.kundenfit.errors import KundenfitError
from pelican.plugins.kundenfit.render.newsletter import newsletter_form

ACTION = "https://provider.example/subscribe"


@pytest.mark.parametrize("setting", [None, {}, ""])
def test_no_provider_means_no_form(setting):
    assert newsletter_form(setting, "de") is None


def test_defaults_are_filled_in():
    form = newsletter_form({"action": ACTION}, "de")
    assert form == {
        "action": ACTION,
        "method": "post",
        "email_field": "EMAIL",
        "consent_field": "CONSENT",
        "consent_value": "1",
        "quiz_field": "QUIZ",
        "outcome_field": "OUTCOME",
        "lang_field": "LANG",
        "hidden": {},
        "consent_text": None,
        "provider": None,
    }


def test_setting_is_not_changed():
    setting = {"action": ACTION, "method": "GET", "hidden": {"id": 3}}
    form = newsletter_form(setting, "de")
    assert form["method"] == "get" and form["hidden"] == {"id": "3"}
    assert setting == {"action": ACTION, "method": "GET", "hidden": {"id": 3}}


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
    assert newsletter_form({"action": ACTION, "consent_text": text}, lang)["consent_text"] == expected


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("https://x.example", "Wörterbuch"),
        ({"method": "post"}, "'action'"),
        ({"action": "provider.example/subscribe"}, "'action'"),
        ({"action": "javascript:alert(1)"}, "'action'"),
        ({"action": ACTION, "method": "put"}, "'method'"),
        ({"action": ACTION, "email_field": None}, "'email_field'"),
        ({"action": ACTION, "quiz_field": ""}, "'quiz_field'"),
        ({"action": ACTION, "hidden": ["u"]}, "'hidden'"),
        ({"action": ACTION, "consent_text": 3}, "'consent_text'"),
        ({"action": ACTION, "emial_field": "EMAIL"}, "emial_field"),
    ],
)
def test_mistakes_name_the_setting_and_the_key(setting, message):
    with pytest.raises(KundenfitError) as error:
        newsletter_form(setting, "de")
    assert str(error.value).startswith("pelican.conf.py: KUNDENFIT_NEWSLETTER: ")
    assert message in str(error.value)
