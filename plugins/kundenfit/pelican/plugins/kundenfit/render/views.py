"""Template contexts for quiz and checklist views: pure functions of a rule book and addresses.

No Pelican here, so every context can be built and checked in a unit test.
"""

from __future__ import annotations

import math

from ..quiz.model import RuleBook
from .assets import ANALYTICS_JS_NAME, CSS_NAME, EMBED_CSS_NAME, FRAME_JS_NAME, JS_NAME, LOADER_NAME
from .credits import Credit, credits_for
from .quiz_data import quiz_data
from .urls import Addresses

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
    newsletter: dict | None = None,
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
            "newsletter": newsletter,
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
