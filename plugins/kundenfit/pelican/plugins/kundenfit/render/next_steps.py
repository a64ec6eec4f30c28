"""The next step after each outcome: one button that leads to the coach (a call, a mail, a page).

Written per outcome in the rule file (`next_step` and `next_step_url`), else site-wide in
KUNDENFIT_NEXT_STEP, else a mail to KUNDENFIT_CONTACT_EMAIL: every quiz, the profile quiz too,
ends in a next step as soon as one of these is set. Shape of the setting, in pelican.conf.py:

    KUNDENFIT_NEXT_STEP = {
        "label": {"de": "Kostenloses Erstgespräch buchen", "en": "Book a free first call"},
        "url": "https://cal.example/erstgespraech",   # or "mailto:…", or a page: "kontakt/"
    }
"""

from __future__ import annotations

from urllib.parse import quote

from ..errors import KundenfitError
from ..rules.schema import NEXT_STEP_URL as URL

SETTING = "KUNDENFIT_NEXT_STEP"
# `make html` warns with this line, `make publish` refuses with it (site_helpers.publish_check).
NO_LEAD_PATH = (
    "pelican.conf.py: Kein Quiz führt zu dir – kein Formular (KUNDENFIT_LEAD_FORM), kein nächster "
    "Schritt (next_step in den Regeldateien oder KUNDENFIT_NEXT_STEP) und keine "
    "KUNDENFIT_CONTACT_EMAIL; trag eins davon ein oder schreib KUNDENFIT_WITHOUT_LEADS = True."
)


class NextStepSettingError(KundenfitError):
    def __init__(self, message: str):
        super().__init__(f"pelican.conf.py: {SETTING}: {message}")


def site_next_step(setting, lang: str) -> dict | None:
    """KUNDENFIT_NEXT_STEP in `lang` as {"label", "url"}, or None; NextStepSettingError on a mistake."""
    if not setting:
        return None
    example = "{'label': 'Kostenloses Erstgespräch buchen', 'url': 'https://…'}"
    if not isinstance(setting, dict) or set(setting) != {"label", "url"}:
        raise NextStepSettingError(f"erwartet genau 'label' und 'url', z. B. {example}, oder None.")
    label = setting["label"]
    if isinstance(label, dict):
        label = label.get(lang)
    if not isinstance(label, str) or not label.strip():
        raise NextStepSettingError(
            f"'label' fehlt für die Sprache {lang!r} – schreib einen Text oder {{'de': '…', 'en': '…'}}."
        )
    url = setting["url"]
    if not isinstance(url, str) or not URL.match(url.strip()):
        raise NextStepSettingError(
            "'url' muss eine Adresse (https://…), eine E-Mail (mailto:…) oder eine Seite der Website "
            "wie 'kontakt/' sein."
        )
    return {"label": label.strip(), "url": url.strip()}


def next_step(outcome, site_step: dict | None, contact_email: str | None, page) -> dict | None:
    """The next step after `outcome`: {"label", "url", "contact"}; `page` turns a site page into
    an address (urls.Addresses.page). `contact`: a mail to the coach, labelled by the template."""
    if outcome.next_step and outcome.next_step_url:
        return {"label": outcome.next_step, "url": page(outcome.next_step_url), "contact": False}
    if site_step:
        return {"label": site_step["label"], "url": page(site_step["url"]), "contact": False}
    if contact_email:
        return {"label": None, "url": f"mailto:{quote(contact_email, safe='@')}", "contact": True}
    return None


def has_lead_path(book, lead_form, site_step, contact_email) -> bool:
    """Whether any quiz leads anywhere: a lead form, a next step or a contact address."""
    if lead_form or site_step or contact_email:
        return True
    return any(o.next_step for quiz in book.quizzes.values() for o in quiz.outcomes)


def outcomes_without_next_step(book, site_step, contact_email) -> list[str]:
    """ "quiz/outcome" of every outcome that ends without a next step (none without a fallback)."""
    if site_step or contact_email:
        return []
    return [f"{quiz.id}/{o.id}" for quiz in book.quizzes.values() for o in quiz.outcomes if not o.next_step]
