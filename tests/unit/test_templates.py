"""The quiz and checklist templates: escaped texts, a complete self-test without JavaScript.

The environment is built like Pelican's (autoescape off, jinja2.ext.i18n with null
translations), so the templates must escape on their own.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from pelican.plugins.kundenfit.generator import TEMPLATES_DIR
from pelican.plugins.kundenfit.quiz.model import (
    Answer,
    Checklist,
    ChecklistGroup,
    Origin,
    Outcome,
    Quiz,
    Rule,
)
from pelican.plugins.kundenfit.render import quiz_data
from pelican.plugins.site_helpers.filters import THEME_FILTERS

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = TEMPLATES_DIR
ORIGIN = Origin("test.yaml", 1)
B = "<b>fett</b>"
S = "<script>alert(1)</script>"


def rule(rule_id, question, answers, *, topic=None, advice=None, check=None):
    return Rule(
        id=rule_id,
        question=question,
        answers=tuple(answers),
        advice=advice,
        check=check,
        topic=topic,
        sources=(),
        origin=ORIGIN,
    )


RULES = (
    rule(
        "zahlung",
        f"Zahlt die Kundin {B} pünktlich?",
        [Answer("Immer", 2), Answer(f"Meist {S}", 1), Answer("Nie", 0, cap="arbeit", advice=f"Vorkasse {B}")],
        topic="geld",
        advice=f"Schreib Rechnungen sofort {S}",
        check=f"Zahlungsziel vereinbart {B}",
    ),
    rule(
        "respekt",
        "Respektiert sie deine Zeiten?",
        [Answer("Ja", 3), Answer("Nein", 0)],
        topic="respekt",
        advice="Leg Sprechzeiten fest.",
        check="Sprechzeiten genannt",
    ),
    rule(
        "empfehlung",
        f"Kam sie über eine Empfehlung? {S}",
        [Answer("Ja", 1), Answer("Nein", 0)],
        topic="respekt",
        check=f"Herkunft geklärt {S}",
    ),
)
SCORE_QUIZ = Quiz(
    id="kundenfit",
    kind="score",
    title=f"Passt die Kundin? {B}",
    intro=f"Ein Selbsttest {S}.\n\nZweiter Absatz.",
    rules=RULES,
    outcomes=(
        Outcome("wunsch", f"Wunschkundin {B}", f"Bleib dran {S}", 5, 6, actions=(f"Feiern {B}", "Weiter so")),
        Outcome("arbeit", "Arbeitskundin", "Es geht.", 2, 4, actions=("Grenzen setzen",)),
        Outcome("trennen", "Trennen", "Lass sie ziehen.", 0, 1),
    ),
    topics=(("geld", f"Geld {B}"), ("respekt", "Respekt")),
    checklist="vor-dem-auftrag",
    origin=ORIGIN,
)
PROFILE_QUIZ = Quiz(
    id="phase",
    kind="profile",
    title="Welche Phase?",
    intro="Finde deine Phase.",
    rules=(
        rule(
            "p1",
            "Wie lange kennt ihr euch?",
            [Answer("Kurz", 2, profile="start"), Answer("Lang", 2, profile="reif")],
        ),
        rule(
            "p2",
            "Wie oft bucht sie?",
            [Answer("Einmal", 1, profile="start"), Answer("Oft", 3, profile="reif")],
        ),
    ),
    outcomes=(
        Outcome("start", "Kennenlernen", "Ihr tastet euch ab.", actions=("Erwartungen klären",)),
        Outcome("reif", "Stammkundin", "Ihr seid eingespielt.", actions=("Danke sagen",)),
    ),
    topics=(),
    checklist=None,
    origin=ORIGIN,
)
CHECKLIST = Checklist(
    id="vor-dem-auftrag",
    title=f"Vor dem Auftrag {B}",
    intro=f"Hak ab {S}",
    groups=(ChecklistGroup(f"Geld {B}", RULES[:1]), ChecklistGroup("Miteinander", RULES[1:])),
    quiz="kundenfit",
    origin=ORIGIN,
)


def make_env(*extra_dirs, gettext=None):
    loader = ChoiceLoader([FileSystemLoader(str(d)) for d in (TEMPLATES, *extra_dirs)])
    env = Environment(  # autoescape off, like Pelican
        loader=loader, extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True
    )
    env.filters.update(THEME_FILTERS)  # the site theme's base.html uses them
    if gettext is None:
        env.install_null_translations(newstyle=True)
    else:
        env.install_gettext_callables(gettext, lambda s, p, n: gettext(s if n == 1 else p), newstyle=True)
    return env


def render_quiz(quiz=SCORE_QUIZ, env=None, **context):
    env = env or make_env()
    context = {
        "quiz": quiz,
        "quiz_data": quiz_data(quiz),
        "heading_level": 2,
        "show_title": True,
        "quiz_url": "/quiz/kundenfit/?a=1&b=2",
        "checklist": CHECKLIST if quiz is SCORE_QUIZ else None,
        "checklist_url": "/checkliste/vor-dem-auftrag/",
        **context,
    }
    return env.get_template("kundenfit/quiz.html").render(context)


def render_checklist(env=None, **context):
    env = env or make_env()
    context = {
        "checklist": CHECKLIST,
        "heading_level": 2,
        "checklist_url": "/checkliste/vor-dem-auftrag/",
        "quiz": SCORE_QUIZ,
        "quiz_url": "/quiz/kundenfit/",
        "pdf_url": None,
        **context,
    }
    return env.get_template("kundenfit/checklist.html").render(context)


def soup_of(html):
    return BeautifulSoup(html, "html.parser")


def text_of(element):
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


# -- escaping --------------------------------------------------------------------------------


def test_quiz_texts_are_escaped_everywhere():
    html = render_quiz()
    soup = soup_of(html)
    assert soup.find_all("b") == []
    assert len(soup.find_all("script")) == 1
    assert soup.find("script")["type"] == "application/json"
    assert "&lt;b&gt;fett&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The escaped texts read as the coach wrote them.
    assert f"Zahlt die Kundin {B} pünktlich?" in text_of(soup)
    assert soup.select_one("[data-kf-outcome=wunsch]")["data-kf-title"] == f"Wunschkundin {B}"
    assert 'href="/quiz/kundenfit/?a=1&amp;b=2"' in html


def test_checklist_texts_are_escaped():
    html = render_checklist()
    soup = soup_of(html)
    assert soup.find_all("b") == [] and soup.find_all("script") == []
    assert f"Zahlungsziel vereinbart {B}" in text_of(soup)


def test_no_comment_or_markup_leaks_from_texts():
    quiz = replace(SCORE_QUIZ, title="<!-- x", intro="-->")
    soup = soup_of(render_quiz(quiz))
    assert not soup.find_all(string=lambda s: isinstance(s, Comment))


# -- the self-test without JavaScript --------------------------------------------------------


def test_every_question_is_a_numbered_fieldset_with_radio_buttons():
    soup = soup_of(render_quiz())
    fieldsets = soup.select("form fieldset")
    assert len(fieldsets) == len(RULES)
    for number, (fieldset, rule_) in enumerate(zip(fieldsets, RULES, strict=True), start=1):
        legend = text_of(fieldset.legend)
        assert legend.startswith(f"Frage {number} von {len(RULES)}")
        assert rule_.question in legend
        radios = fieldset.select("input[type=radio]")
        assert [r["value"] for r in radios] == [str(i) for i in range(len(rule_.answers))]
        assert len({r["name"] for r in radios}) == 1
        assert not any(r.has_attr("required") for r in radios)
        for radio, answer in zip(radios, rule_.answers, strict=True):
            label = soup.find("label", attrs={"for": radio["id"]})
            assert label is not None and text_of(label) == answer.text
    names = [fs.select_one("input")["name"] for fs in fieldsets]
    assert len(set(names)) == len(names), "one radio group per rule"


def test_scoring_key_lists_points_caps_bands_and_advice():
    soup = soup_of(render_quiz())
    key = soup.select_one(".kf-key")
    assert key is not None and key.find(["h3"]).get_text() == "Auswertung selbst ausrechnen"
    # Open in the HTML (no JavaScript, print); kundenfit.js closes it behind its heading.
    body = key.select_one("[data-kf-key]")
    assert body is not None and not body.has_attr("hidden") and body["id"]
    tables = key.select("table")
    assert len(tables) == len(RULES)
    for table, rule_ in zip(tables, RULES, strict=True):
        assert rule_.question in text_of(table.caption)
        rows = table.select("tbody tr")
        assert [text_of(r.find_all("td")[0]) for r in rows] == [a.text for a in rule_.answers]
        for row, answer in zip(rows, rule_.answers, strict=True):
            points_cell = text_of(row.find_all("td")[1])
            assert points_cell.startswith(str(answer.points))
            assert ("K.-o." in points_cell) == bool(answer.cap)
    key_text = text_of(key)
    assert "K.-o.: höchstens ‚Arbeitskundin‘" in key_text
    assert "Höchstens 6 Punkte" in key_text
    for band in ("5 bis 6 Punkte: Wunschkundin", "2 bis 4 Punkte: Arbeitskundin", "0 bis 1 Punkte: Trennen"):
        assert band in key_text.replace(B, "")
    for outcome in SCORE_QUIZ.outcomes:
        assert outcome.text in key_text
        for action in outcome.actions:
            assert action in key_text
    assert "Schreib Rechnungen sofort" in key_text and f"Bei „Nie“: Vorkasse {B}" in key_text
    assert f"Geld {B}: Frage 1, höchstens 2 Punkte" in key_text
    assert "Respekt: Fragen 2, 3, höchstens 4 Punkte" in key_text


def test_profile_key_explains_phases_and_tie_rule():
    soup = soup_of(render_quiz(PROFILE_QUIZ))
    key_text = text_of(soup.select_one(".kf-key"))
    assert "2 für ‚Kennenlernen‘" in key_text and "3 für ‚Stammkundin‘" in key_text
    assert "Gleichstand" in key_text
    assert "Erwartungen klären" in key_text and "Danke sagen" in key_text
    assert "Punkte:" not in key_text, "profile outcomes have no point bands"
    assert soup.select("[data-kf-total]") == []


def test_js_hooks_start_hidden():
    soup = soup_of(render_quiz())
    section = soup.select_one("section.kf-quiz")
    assert section["data-kf-quiz"] == "kundenfit"
    for name in ("result", "score", "copied", "reset"):
        assert section[f"data-kf-text-{name}"]
    assert section.select_one("button[type=submit]").has_attr("hidden")
    result = section.select_one("[data-kf-result]")
    assert result.has_attr("hidden") and result["tabindex"] == "-1"
    status = section.select_one("[data-kf-status]")
    assert status["aria-live"] == "polite" and status["role"] == "status"
    assert {p["data-kf-outcome"] for p in section.select("[data-kf-outcome]")} == {
        "wunsch",
        "arbeit",
        "trennen",
    }
    assert all(p.has_attr("hidden") for p in section.select("[data-kf-outcome]"))
    advice = {(a["data-kf-advice"], a.get("data-kf-answer")) for a in section.select("[data-kf-advice]")}
    assert advice == {("zahlung", None), ("zahlung", "2"), ("respekt", None)}
    assert [(c["data-kf-cap"], c["data-kf-answer"]) for c in section.select("[data-kf-cap]")] == [
        ("zahlung", "2")
    ]
    assert [t["data-kf-topic"] for t in section.select("[data-kf-topic]")] == ["geld", "respekt"]
    link = section.find("a", string=re.compile("Passende Checkliste"))
    assert link["href"] == "/checkliste/vor-dem-auftrag/"


def test_first_screen_promises_and_the_request_for_an_answer_waits_hidden():
    """The rule file's promise, else the generic one with the number of questions; the request
    for an answer is one hidden alert that kundenfit.js ties to the question left open."""
    soup = soup_of(render_quiz(replace(SCORE_QUIZ, promise=f"In zwei Minuten weißt du es {S}.")))
    assert text_of(soup.select_one(".kf-promise")) == f"In zwei Minuten weißt du es {S}."
    generic = soup_of(render_quiz()).select_one(".kf-promise")
    assert text_of(generic) == f"Nach {len(SCORE_QUIZ.rules)} Fragen weißt du, wo du stehst."
    need = soup.select_one("form [data-kf-need]")
    assert need.has_attr("hidden") and need["role"] == "alert" and need["id"] == "kf-kundenfit-need"
    assert not soup.select("[data-kf-errors]") and not soup.select("[aria-describedby]")


def test_heading_levels_follow_heading_level_and_show_title():
    soup = soup_of(render_quiz(heading_level=3))
    assert soup.select_one(".kf-title").name == "h3"
    assert soup.select_one(".kf-key-title").name == "h4"
    soup = soup_of(render_quiz(heading_level=2, show_title=False))
    assert soup.select(".kf-title") == []
    assert soup.select_one(".kf-key-title").name == "h2", "no level skipped below the page's h1"
    assert soup.select_one("section.kf-quiz")["aria-label"] == SCORE_QUIZ.title


def test_every_ui_string_goes_through_gettext():
    """With a marking translation, every visible word is either coach text or marked."""
    quiz = replace(
        SCORE_QUIZ,
        title="§",
        intro="§",
        rules=tuple(
            replace(
                r,
                question="§",
                advice="§" if r.advice else None,
                answers=tuple(replace(a, text="§", advice="§" if a.advice else None) for a in r.answers),
            )
            for r in RULES
        ),
        outcomes=tuple(replace(o, title="§", text="§", actions=("§",)) for o in SCORE_QUIZ.outcomes),
        topics=(("geld", "§"), ("respekt", "§")),
    )
    env = make_env(gettext=lambda s: f"«{s}»")
    soup = soup_of(render_quiz(quiz, env=env, checklist=None, quiz_url="/q/"))
    soup.find("script").decompose()
    for string in soup.find_all(string=True):
        # Names of the share targets are the same in every language.
        leftover = re.sub(r"«[^»]*»|§|^(WhatsApp|LinkedIn)$", "", str(string))
        assert not re.search(r"[A-Za-zÄÖÜäöüß]", leftover), f"untranslated text: {string!r}"
    for name, value in soup.select_one("section.kf-quiz").attrs.items():
        if name.startswith("data-kf-text-"):
            assert value.startswith("«")


# -- checklist ---------------------------------------------------------------------------------


def test_checklist_has_real_checkboxes_groups_and_links():
    soup = soup_of(render_checklist(pdf_url="/pdf/vor-dem-auftrag.pdf"))
    section = soup.select_one("section.kf-checklist")
    assert section.select_one(".kf-title").name == "h2"
    groups = section.select(".kf-group-title")
    assert [g.name for g in groups] == ["h3", "h3"]
    boxes = section.select("input[type=checkbox]")
    assert len(boxes) == len(RULES)
    for box, rule_ in zip(boxes, RULES, strict=True):
        label = soup.find("label", attrs={"for": box["id"]})
        assert text_of(label) == rule_.check
    assert len({b["id"] for b in boxes}) == len(boxes)
    hrefs = {a["href"] for a in section.find_all("a")}
    assert {"/quiz/kundenfit/", "/pdf/vor-dem-auftrag.pdf", "/checkliste/vor-dem-auftrag/"} <= hrefs
    assert "Passender Selbsttest" in text_of(section)


def test_checklist_without_pdf_has_no_download_link():
    soup = soup_of(render_checklist())
    assert soup.select(".kf-download") == []


# -- full pages --------------------------------------------------------------------------------


def _theme_dirs():
    dirs = {"kundenfit-theme": ROOT / "theme" / "templates"}
    spec = importlib.util.find_spec("pelican")  # locates the package without importing it
    if spec and spec.origin:
        themes = Path(spec.origin).parent / "themes"
        dirs["simple"] = themes / "simple" / "templates"
        dirs["notmyidea"] = themes / "notmyidea" / "templates"
    return {name: d for name, d in dirs.items() if (d / "base.html").is_file()}


THEMES = _theme_dirs()
PAGE_CONTEXT = {
    "SITENAME": "Kundenfit <i>Blog</i>",
    "SITEURL": "",
    "DEFAULT_LANG": "de",
    "THEME_STATIC_DIR": "theme",
    "CSS_FILE": "main.css",
    "lang": "de",
    "kf_css_url": "/kundenfit/kundenfit.css",
    "kf_js_url": "/kundenfit/kundenfit.js",
    "page_url": "/quiz/kundenfit/",
    "pages": [],
    "MENUITEMS": [],
}


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_quiz_page_extends_base(theme):
    env = make_env(THEMES[theme])
    html = env.get_template("kundenfit/quiz_page.html").render(
        **PAGE_CONTEXT,
        quiz=SCORE_QUIZ,
        quiz_data=quiz_data(SCORE_QUIZ),
        heading_level=2,
        show_title=False,
        quiz_url=None,
        checklist=CHECKLIST,
        checklist_url="/checkliste/vor-dem-auftrag/",
    )
    soup = soup_of(html)
    assert soup.title.get_text().startswith(f"Passt die Kundin? {B} – ")
    assert soup.find("link", rel="stylesheet", href="/kundenfit/kundenfit.css")
    scripts = soup.find_all("script", src=True)
    assert [s["src"] for s in scripts] == ["/kundenfit/kundenfit.js"] and scripts[0].has_attr("defer")
    content_h1 = [h for h in soup.find_all("h1") if "kf-page-title" in h.get("class", [])]
    assert len(content_h1) == 1 and text_of(content_h1[0]) == SCORE_QUIZ.title
    quiz = soup.select_one("section.kf-quiz")
    assert quiz.find("h1") is None and quiz.select(".kf-title") == []
    assert soup.find_all("b") == []
    assert soup.html["lang"] == "de"
    if theme == "kundenfit-theme":
        assert len(soup.find_all("h1")) == 1


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_checklist_page_extends_base(theme):
    env = make_env(THEMES[theme])
    html = env.get_template("kundenfit/checklist_page.html").render(
        **PAGE_CONTEXT,
        checklist=CHECKLIST,
        heading_level=2,
        show_title=False,
        checklist_url=None,
        quiz=SCORE_QUIZ,
        quiz_url="/quiz/kundenfit/",
        pdf_url=None,
    )
    soup = soup_of(html)
    assert soup.title.get_text().startswith(f"Vor dem Auftrag {B} – ")
    h1 = [h for h in soup.find_all("h1") if "kf-page-title" in h.get("class", [])]
    assert len(h1) == 1
    assert soup.select_one(".kf-group-title").name == "h2"
    assert len(soup.select("input[type=checkbox]")) == len(RULES)
    if theme == "kundenfit-theme":
        assert len(soup.find_all("h1")) == 1
