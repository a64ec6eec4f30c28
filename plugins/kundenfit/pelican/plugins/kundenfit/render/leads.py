"""The lead offer after a result: KUNDENFIT_LEAD_FORM, checked and turned into one form per quiz.

"Schick mir meine Auswertung und die Checkliste": the visitor's e-mail (first name optional),
consent, and, hidden, the quiz, the outcome and the language, posted straight to the coach's
provider only when the visitor sends it (nothing is loaded from the provider before). The coach
names a preset (lead_presets.py) and pastes the form address and the ids of their own fields:

    KUNDENFIT_LEAD_FORM = {
        "preset": "klicktipp",                   # brevo, cleverreach, klicktipp, rapidmail,
                                                 # mailerlite, mailchimp, kit or custom
        "action": "https://…",                   # the form address from the provider
        "fields": {"outcome": "123456", "quiz": "123457", "lang": None},  # ids of own fields
        "hidden": {"apikey": "…"},               # further fixed fields (KlickTipp: its key)
        "outcomes": {                            # optional: per outcome ("quiz/outcome")
            "kundenfit/traumkunde": {"hidden": {"apikey": "…"}},   # another key (= tag)
            "kundenfit/lass-los": {"action": "https://…"},         # or another form
        },
        "consent_text": None,                    # None: the site's wording; text or {"de","en"}
        "company": None,                         # name and seat; None: the preset's
        "country": None,                         # the seat's country; None: the preset's
    }

`fields` may also name `email`, `first_name` (None: not asked) and `consent` (the checkbox's
name) where the account differs from the preset. The form and its routes are pure data here;
the templates (newsletter.html) render them, the runtime picks the route of the reached outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import KundenfitError
from .lead_presets import EU_COUNTRIES, PRESETS

SETTING = "KUNDENFIT_LEAD_FORM"
KEYS = ("preset", "action", "fields", "hidden", "outcomes", "consent_text", "company", "country")
ROLES = ("email", "first_name", "consent", "quiz", "outcome", "lang")
ROUTE_KEYS = ("action", "hidden")
OWN_FIELDS = ("quiz", "outcome", "lang")  # the coach creates these in the account


class LeadSettingError(KundenfitError):
    """KUNDENFIT_LEAD_FORM in pelican.conf.py is not usable; the message says what to change."""

    def __init__(self, message: str):
        super().__init__(f"pelican.conf.py: {SETTING}: {message}")


@dataclass(frozen=True)
class LeadForm:
    """One checked lead form in one language; `fields` maps each role to its field name."""

    preset: str
    title: str  # the provider's name for the privacy page ("" for custom)
    company: str
    country: str
    action: str
    fields: dict  # role -> field name or None (email, first_name, consent, quiz, outcome, lang)
    fixed: dict  # name -> value, sent with every sign-up (preset's, coach's "hidden")
    honeypot: str | None
    routes: dict  # "quiz/outcome" -> {"action": str, "hidden": {name: value}}
    consent_text: str | None
    source: str
    lang: str

    @property
    def third_country(self) -> bool:
        return bool(self.country) and self.country not in EU_COUNTRIES

    def route(self, quiz_id: str, outcome_id: str) -> dict:
        """Form address and every hidden field for one outcome (the no-JavaScript outcome page)."""
        own = self.routes.get(f"{quiz_id}/{outcome_id}", {})
        hidden = {**self.fixed, **self._ids(quiz_id, outcome_id), **own.get("hidden", {})}
        return {"action": own.get("action", self.action), "hidden": hidden}

    def routes_for(self, quiz_id: str, outcome_ids) -> tuple[dict, dict]:
        """The quiz page's form: its first hidden values, and per outcome the values to set.

        Every route names the same fields (a field only one outcome sets is empty for the
        others), so the runtime only sets values and never leaves one from an earlier result.
        """
        routes = {oid: self.route(quiz_id, oid) for oid in outcome_ids}
        names = list(dict.fromkeys(name for r in routes.values() for name in r["hidden"]))
        before = {**self.fixed, **self._ids(quiz_id, "")}  # what holds before any result
        initial = {name: before.get(name, "") for name in names}
        filled = {
            oid: {"action": r["action"], "fields": {name: r["hidden"].get(name, "") for name in names}}
            for oid, r in routes.items()
        }
        return initial, filled

    def _ids(self, quiz_id: str, outcome_id: str) -> dict:
        values = {"quiz": quiz_id, "outcome": outcome_id, "lang": self.lang}
        return {self.fields[role]: value for role, value in values.items() if self.fields.get(role)}


def lead_form(setting, lang: str) -> LeadForm | None:
    """The checked form in `lang`, or None without the setting; LeadSettingError names a mistake."""
    if not setting:
        return None
    if not isinstance(setting, dict):
        raise LeadSettingError(
            "erwartet ein Wörterbuch wie {'preset': 'brevo', 'action': 'https://…'} oder None."
        )
    unknown = sorted(str(k) for k in set(setting) - set(KEYS))
    if unknown:
        raise LeadSettingError(
            f"unbekannte Angabe(n): {', '.join(unknown)} – erlaubt sind {', '.join(KEYS)}."
        )
    name = setting.get("preset")
    if not isinstance(name, str) or name not in PRESETS:
        raise LeadSettingError(
            f"'preset' = {name!r} gibt es nicht – wähle {', '.join(repr(p) for p in PRESETS)}."
        )
    preset = PRESETS[name]
    action = _address(setting.get("action"), "'action'")
    fields = _fields(setting.get("fields") or {}, preset)
    hidden = _hidden(setting.get("hidden") or {}, "'hidden'")
    missing = [key for key in preset.needs if key not in hidden]
    if missing:
        raise LeadSettingError(
            f"{preset.title} braucht 'hidden': {{'{missing[0]}': '…'}} (den Schlüssel deines Formulars)."
        )
    fixed = {key: value.format(lang=lang) for key, value in preset.fixed.items()}
    routes = _routes(setting.get("outcomes") or {})
    company = _text(setting.get("company"), "'company'") or preset.company
    if not company:
        raise LeadSettingError(
            "'company' fehlt: Name und Sitz deines Anbieters (für die Datenschutzerklärung)."
        )
    form = LeadForm(
        preset=name,
        title=preset.title,
        company=company,
        country=_text(setting.get("country"), "'country'") or preset.country,
        action=action,
        fields=fields,
        fixed={**fixed, **hidden},
        honeypot=preset.honeypot_for(action),
        routes=routes,
        consent_text=_consent_text(setting.get("consent_text"), lang),
        source=preset.source,
        lang=lang,
    )
    return form


def route_problems(form: LeadForm | None, quizzes: dict) -> list[str]:
    """Per-outcome entries that name no quiz or outcome of the rule files (one line each)."""
    if form is None:
        return []
    lines = []
    for key in form.routes:
        quiz_id, _, outcome_id = key.partition("/")
        quiz = quizzes.get(quiz_id)
        if quiz is None or outcome_id not in {o.id for o in quiz.outcomes}:
            known = ", ".join(f"'{quiz_id}/{o.id}'" for o in quiz.outcomes) if quiz else ""
            hint = f"– dieses Quiz hat {known}." if quiz else "– schreib 'quiz-id/ergebnis-id'."
            lines.append(f"pelican.conf.py: {SETTING}: 'outcomes' nennt '{key}', das gibt es nicht {hint}")
    return lines


def _address(value, what: str) -> str:
    parts = urlsplit(value) if isinstance(value, str) else None
    if not parts or parts.scheme not in ("https", "http") or not parts.netloc:
        raise LeadSettingError(f"{what} muss die volle Adresse des Formulars beim Anbieter sein (https://…).")
    return value


def _fields(value, preset) -> dict:
    if not isinstance(value, dict):
        raise LeadSettingError("'fields' muss ein Wörterbuch sein, z. B. {'outcome': 'ERGEBNIS'}.")
    unknown = sorted(str(k) for k in set(value) - set(ROLES))
    if unknown:
        raise LeadSettingError(
            f"'fields' kennt {', '.join(unknown)} nicht – erlaubt sind {', '.join(ROLES)}."
        )
    names = {"email": preset.email, "first_name": preset.first_name, "consent": preset.consent}
    for role in ROLES:
        if role not in value:
            names.setdefault(role, None)
            continue
        field_id = value[role]
        if field_id is None and role != "email":
            names[role] = None
        elif isinstance(field_id, str | int) and not isinstance(field_id, bool) and str(field_id).strip():
            field_id = str(field_id).strip()
            # Own fields are given by their id in the provider's account, the others by name.
            names[role] = preset.field_name(field_id) if role in OWN_FIELDS else field_id
        else:
            raise LeadSettingError(f"'fields': '{role}' muss eine Feld-Id oder ein Feldname sein (Text).")
    return names


def _hidden(value, what: str) -> dict:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k.strip() and isinstance(v, str | int) and not isinstance(v, bool)
        for k, v in value.items()
    ):
        raise LeadSettingError(
            f"{what} muss ein Wörterbuch aus Feldnamen und Werten sein, z. B. {{'tags': '123'}}."
        )
    return {k.strip(): str(v) for k, v in value.items()}


def _routes(value) -> dict:
    if not isinstance(value, dict):
        raise LeadSettingError(
            "'outcomes' muss ein Wörterbuch sein, z. B. {'kundenfit/traumkunde': {'hidden': {…}}}."
        )
    routes = {}
    for key, route in value.items():
        if not isinstance(key, str) or "/" not in key or not isinstance(route, dict):
            raise LeadSettingError(
                f"'outcomes': {key!r} – schreib 'quiz-id/ergebnis-id': "
                "{'action': …} oder {'hidden': {…}}."
            )
        unknown = sorted(str(k) for k in set(route) - set(ROUTE_KEYS))
        if unknown:
            raise LeadSettingError(
                f"'outcomes' → '{key}': {', '.join(unknown)} gibt es nicht – erlaubt sind action, hidden."
            )
        checked = {}
        if "action" in route:
            checked["action"] = _address(route["action"], f"'outcomes' → '{key}' → 'action'")
        if "hidden" in route:
            checked["hidden"] = _hidden(route["hidden"], f"'outcomes' → '{key}' → 'hidden'")
        routes[key.strip()] = checked
    return routes


def _text(value, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise LeadSettingError(f"{what} muss ein Text sein.")
    return value.strip() or None


def _consent_text(value, lang: str) -> str | None:
    if isinstance(value, dict):
        value = value.get(lang)
    if value is not None and not isinstance(value, str):
        raise LeadSettingError("'consent_text' muss ein Text oder {'de': '…', 'en': '…'} sein.")
    return value.strip() if value and value.strip() else None
