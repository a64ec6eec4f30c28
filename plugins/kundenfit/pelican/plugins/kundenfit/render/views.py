"""Template contexts for quiz and checklist views: pure functions of a rule book and addresses.

No Pelican here, so every context can be built and checked in a unit test.
"""

from __future__ import annotations

import math

from ..quiz.model import RuleBook
from .assets import ANALYTICS_JS_NAME, CSS_NAME, EMBED_CSS_NAME, FRAME_JS_NAME, JS_NAME, LOADER_NAME
from .credits import Credit, credits_for
from .leads import LeadForm
from .next_steps import next_step
from .quiz_data import quiz_data
from .urls import Addresses

# The share image of an outcome page (outputs/share_image.py): the size og:image previews use.
SHARE_IMAGE_SIZE = (1200, 630)
# About how long one question takes to read and answer; "12 Fragen, 3 Minuten".
SECONDS_PER_QUESTION = 15


def listing(book: RuleBook, kind: str, addresses: Addresses, with_pdf: bool) -> list[dict]:
    """Title, intro, length and addresses of each quiz or checklist, in KUNDENFIT_ORDER."""
    views = book.quizzes if kind == "quiz" else book.checklists
    extra = {"quiz": ["embed"], "checklist": ["pdf"] if with_pdf else []}[kind]
    order = list(addresses.options.get("KUNDENFIT_ORDER") or [])
    ranked = sorted(views.values(), key=lambda view: order.index(view.id) if view.id in order else len(order))
    return [
        {
            "id": view.id,
            "title": view.title,
            "intro": view.intro,
            "lang": addresses.lang,
            "url": addresses.url(kind, view.id),
            "path": addresses.path(kind, view.id),  # for theme links: {{ SITEURL }}/{{ path }}
            **_length(kind, view),
            **{f"{other}_url": addresses.url(other, view.id) for other in extra},
        }
        for view in ranked
    ]


def _length(kind: str, view) -> dict:
    """How long a view is: questions and minutes for a quiz, items to tick for a checklist."""
    if kind == "quiz":
        minutes = max(1, math.ceil(len(view.rules) * SECONDS_PER_QUESTION / 60))
        return {"count": len(view.rules), "minutes": minutes}
    return {"count": sum(len(group.rules) for group in view.groups)}


def manifest_entries(listings: dict[str, list[dict]]) -> list[dict]:
    """Every listing item of every language, typed, without the long intro text."""
    return [
        {"type": kind, **{key: value for key, value in item.items() if key != "intro"}}
        for kind, items in listings.items()
        for item in items
    ]


def view_context(
    book: RuleBook,
    kind: str,
    view_id: str,
    addresses: Addresses,
    *,
    on_own_page: bool,
    with_pdf: bool,
    lead: LeadForm | None = None,
    site_step: dict | None = None,
    sources: dict[str, Credit] | None = None,
) -> dict:
    """Everything the quiz/checklist templates need for one view.

    `sources` maps article slugs to their credits (credits.source_index); the view names the
    articles its rules come from.
    """
    common = {
        "lang": addresses.lang,
        "heading_level": 2,
        "show_title": not on_own_page,
        "kf_css_url": addresses.asset(CSS_NAME),
        "kf_js_url": addresses.asset(JS_NAME),
        "pdf_url": None,
    }
    # The statistics adapter only where the coach set one (None: no script, no request).
    analytics = addresses.options.get("KUNDENFIT_ANALYTICS") or None
    if kind == "quiz" and analytics:
        common["analytics"] = {**analytics, "script_url": addresses.asset(ANALYTICS_JS_NAME)}

    def pdf_url(checklist_id: str) -> str | None:
        return addresses.url("pdf", checklist_id) if with_pdf else None

    if kind == "quiz":
        quiz = book.quizzes[view_id]
        checklist = book.checklists.get(quiz.checklist) if quiz.checklist else None
        lead_initial, lead_routes = (
            lead.routes_for(quiz.id, [o.id for o in quiz.outcomes]) if lead else ({}, {})
        )
        return {
            **common,
            "quiz": quiz,
            "quiz_data": quiz_data(quiz),
            "quiz_url": None if on_own_page else addresses.url("quiz", quiz.id),
            "checklist": checklist,
            "checklist_url": addresses.url("checklist", checklist.id) if checklist else None,
            "pdf_url": pdf_url(checklist.id) if checklist else None,
            "page_url": addresses.url("quiz", quiz.id),
            "embed_url": addresses.url("embed", quiz.id),
            "oembed_url": addresses.url("oembed", quiz.id),
            "loader_url": addresses.asset(LOADER_NAME),
            "lead": lead,
            "lead_action": lead.action if lead else None,
            "lead_hidden": lead_initial,
            "lead_routes": lead_routes,
            "next_steps": next_steps(quiz, addresses, site_step),
            "outcome_pages": {o.id: addresses.outcome_url(quiz.id, o.id) for o in quiz.outcomes},
            "contact_email": addresses.options["KUNDENFIT_CONTACT_EMAIL"],
            "privacy_url": addresses.page(addresses.options["KUNDENFIT_PRIVACY_URL"]),
            "credits": credits_for(quiz.rules, sources or {}),
        }
    checklist = book.checklists[view_id]
    quiz = book.quizzes.get(checklist.quiz) if checklist.quiz else None
    return {
        **common,
        "pdf_url": pdf_url(checklist.id),
        "checklist": checklist,
        "checklist_url": None if on_own_page else addresses.url("checklist", checklist.id),
        "quiz": quiz,
        "quiz_url": addresses.url("quiz", quiz.id) if quiz else None,
        "page_url": addresses.url("checklist", checklist.id),
        "credits": credits_for((r for g in checklist.groups for r in g.rules), sources or {}),
    }


def next_steps(quiz, addresses: Addresses, site_step: dict | None) -> dict:
    """The next step of every outcome of `quiz` (outcome id -> next_steps.next_step)."""
    email = addresses.options["KUNDENFIT_CONTACT_EMAIL"]
    return {o.id: next_step(o, site_step, email, addresses.page) for o in quiz.outcomes}


def outcome_page_context(
    book: RuleBook, quiz_id: str, outcome_id: str, addresses: Addresses, **kwargs
) -> dict:
    """One outcome on its own page, to share: its text, next step and the form routed for it.

    `addresses` are those seen from the page; `image` carries the share image's address and size.
    """
    view = view_context(book, "quiz", quiz_id, addresses, on_own_page=True, **kwargs)
    quiz = view["quiz"]
    outcome = quiz.outcome(outcome_id)
    lead = view["lead"]
    route = lead.route(quiz_id, outcome_id) if lead else {"action": None, "hidden": {}}
    paragraphs = [p.strip() for p in (outcome.text or "").split("\n\n") if p.strip()]
    return {
        **view,
        "outcome": outcome,
        "outcome_paragraphs": paragraphs,
        "next_step": view["next_steps"][outcome_id],
        "lead_action": route["action"],
        "lead_hidden": route["hidden"],
        "lead_routes": {},
        "quiz_url": addresses.url("quiz", quiz_id),
        "page_url": addresses.outcome_url(quiz_id, outcome_id),
        "share_image": {
            "url": addresses.share_image_url(quiz_id, outcome_id),
            "width": SHARE_IMAGE_SIZE[0],
            "height": SHARE_IMAGE_SIZE[1],
        },
    }


def embed_page_context(
    book: RuleBook, quiz_id: str, addresses: Addresses, site_origin: str, **kwargs
) -> dict:
    """A quiz alone, for an iframe on another site."""
    return {
        **view_context(book, "quiz", quiz_id, addresses, on_own_page=True, **kwargs),
        "embed": True,
        "kf_embed_css_url": addresses.asset(EMBED_CSS_NAME),
        "kf_frame_js_url": addresses.asset(FRAME_JS_NAME),
        "site_origin": site_origin,
    }
