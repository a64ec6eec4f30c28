"""The newsletter sign-up after a quiz result: the KUNDENFIT_NEWSLETTER setting, checked and filled in.

Without the setting (None, the default) the result shows the matching checklist and a contact
link. With it, the result shows a sign-up form that posts straight to the provider: the page
never loads anything from the provider before the visitor presses the button. Shape, in
pelican.conf.py (only `action` is required; the other values are the defaults):

    KUNDENFIT_NEWSLETTER = {
        "action": "https://provider.example/subscribe",  # the provider's form address
        "method": "post",                                # or "get"
        "email_field": "EMAIL",                          # field names the provider expects
        "consent_field": "CONSENT",
        "consent_value": "1",
        "quiz_field": "QUIZ",                            # hidden: quiz id;  None leaves it out
        "outcome_field": "OUTCOME",                      # hidden: outcome id, set by kundenfit.js
        "lang_field": "LANG",                            # hidden: "de" or "en"
        "hidden": {},                                    # further fixed fields, e.g. a list id
        "consent_text": None,                            # None: the site's default wording;
                                                         # a text, or {"de": "…", "en": "…"}
        "provider": "Beispiel GmbH, Berlin",             # named on the Datenschutz page
    }

The consent checkbox is never ticked in advance and must be ticked to send; a link to the
privacy page (KUNDENFIT_PRIVACY_URL, required with a newsletter) and a note on the
confirmation e-mail (double opt-in) are always shown.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..errors import KundenfitError

SETTING = "KUNDENFIT_NEWSLETTER"
DEFAULTS = {
    "method": "post",
    "email_field": "EMAIL",
    "consent_field": "CONSENT",
    "consent_value": "1",
    "quiz_field": "QUIZ",
    "outcome_field": "OUTCOME",
    "lang_field": "LANG",
    "hidden": {},
    "consent_text": None,
    "provider": None,  # name and seat of the provider, for the Datenschutz page
}
FIELD_KEYS = ("email_field", "consent_field", "quiz_field", "outcome_field", "lang_field")
OPTIONAL_FIELDS = ("consent_field", "quiz_field", "outcome_field", "lang_field")


class NewsletterSettingError(KundenfitError):
    """KUNDENFIT_NEWSLETTER in pelican.conf.py is not usable; the message says what to change."""

    def __init__(self, message: str):
        super().__init__(f"pelican.conf.py: {SETTING}: {message}")


def newsletter_form(setting: dict | None, lang: str) -> dict | None:
    """The form's data for the templates (lead_cta.html), or None when no provider is set.

    `consent_text` comes back as the text for `lang`, or None for the site's default wording.
    """
    if not setting:
        return None
    if not isinstance(setting, dict):
        raise NewsletterSettingError("erwartet ein Wörterbuch wie {'action': 'https://…'} oder None.")
    unknown = sorted(set(setting) - set(DEFAULTS) - {"action"})
    if unknown:
        raise NewsletterSettingError(f"unbekannte Angabe(n): {', '.join(unknown)}.")
    form = {**DEFAULTS, **setting}
    action = form.get("action")
    parts = urlsplit(action) if isinstance(action, str) else None
    if not parts or parts.scheme not in ("https", "http") or not parts.netloc:
        raise NewsletterSettingError("'action' muss die volle Adresse des Anbieters sein (https://…).")
    method = str(form["method"]).lower()
    if method not in ("post", "get"):
        raise NewsletterSettingError("'method' muss 'post' oder 'get' sein.")
    form["method"] = method
    for key in FIELD_KEYS:
        value = form[key]
        if value is None and key in OPTIONAL_FIELDS:
            continue
        if not isinstance(value, str) or not value.strip():
            raise NewsletterSettingError(f"'{key}' muss ein Feldname sein (Text).")
    if not isinstance(form["hidden"], dict) or not all(
        isinstance(k, str) and k and isinstance(v, str | int) for k, v in form["hidden"].items()
    ):
        raise NewsletterSettingError("'hidden' muss ein Wörterbuch aus Feldnamen und Werten sein.")
    form["hidden"] = {k: str(v) for k, v in form["hidden"].items()}
    form["consent_value"] = str(form["consent_value"])
    text = form["consent_text"]
    if isinstance(text, dict):
        text = text.get(lang)
    if text is not None and not isinstance(text, str):
        raise NewsletterSettingError("'consent_text' muss ein Text oder {'de': '…', 'en': '…'} sein.")
    form["consent_text"] = text.strip() if text and text.strip() else None
    return form
