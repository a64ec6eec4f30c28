"""The scoring data a quiz hands to the browser, and the JSON that carries it safely.

A rule or outcome id, or any text, may contain `</script>` or `<!--`: inside the
<script type="application/json"> element it must stay data and never end the element.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup, Comment
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Environment, FileSystemLoader
from pelican.plugins.kundenfit.generator import TEMPLATES_DIR
from pelican.plugins.kundenfit.quiz.model import Answer, Origin, Outcome, Quiz, Rule
from pelican.plugins.kundenfit.render import quiz_data

TEMPLATES = TEMPLATES_DIR
ORIGIN = Origin("test.yaml", 1)
EVIL = '</script><script>alert(1)</script><!-- "quoted" & \u2028 \u2029 -->'


def rule(rule_id, answers, *, topic=None, advice=None, question="Frage?"):
    return Rule(
        id=rule_id,
        question=question,
        answers=tuple(answers),
        advice=advice,
        check=None,
        topic=topic,
        sources=(),
        origin=ORIGIN,
    )


def score_quiz(rule_id="r1", outcome_id="gut", text="Text"):
    return Quiz(
        id="probe",
        kind="score",
        title=text,
        intro=text,
        rules=(
            rule(
                rule_id,
                [Answer(text, 2), Answer("Nein", 0, cap="mau", advice=text, warning=True)],
                topic="geld",
                advice=text,
                question=text,
            ),
            rule("r2", [Answer("Ja", 1), Answer("Nein", 0)], topic="zeit"),
        ),
        outcomes=(
            Outcome(outcome_id, text, text, 2, 3, actions=(text,)),
            Outcome("mau", "Mau", "Schade", 0, 1),
        ),
        topics=(("geld", "Geld"), ("zeit", "Zeit")),
        checklist=None,
        origin=ORIGIN,
    )


def render_quiz(quiz):
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), extensions=["jinja2.ext.i18n"])
    env.install_null_translations(newstyle=True)
    template = env.get_template("kundenfit/quiz.html")
    return template.render(quiz=quiz, quiz_data=quiz_data(quiz), heading_level=2, show_title=True)


def answer_data(points, *, cap=None, advice=False, warning=False):
    """One answer of a score quiz as the JSON carries it."""
    return {
        "points": points,
        "profile": None,
        "cap": cap,
        "advice": advice,
        "open": False,
        "warning": warning,
    }


def test_score_quiz_data_has_structure_and_no_texts():
    data = quiz_data(score_quiz())
    assert data == {
        "id": "probe",
        "kind": "score",
        "topics": ["geld", "zeit"],
        "outcomes": [{"id": "gut", "low": 2, "high": 3}, {"id": "mau", "low": 0, "high": 1}],
        "knockouts": [],
        "warnings_to_bottom": None,
        "rules": [
            {
                "id": "r1",
                "topic": "geld",
                "answers": [
                    answer_data(2),
                    answer_data(0, cap="mau", advice=True, warning=True),
                ],
            },
            {
                "id": "r2",
                "topic": "zeit",
                "answers": [
                    answer_data(1),
                    answer_data(0),
                ],
            },
        ],
    }
    assert "Text" not in json.dumps(data), "texts belong in the HTML, not in the JSON"


def test_profile_quiz_data_keeps_profiles_and_bands_empty():
    quiz = Quiz(
        id="phase",
        kind="profile",
        title="Phase",
        intro="",
        rules=(rule("p1", [Answer("A", 2, profile="start"), Answer("B", 1, profile="reif")]),),
        outcomes=(Outcome("start", "Start", "…"), Outcome("reif", "Reif", "…")),
        topics=(),
        checklist=None,
        origin=ORIGIN,
    )
    data = quiz_data(quiz)
    assert data["kind"] == "profile"
    assert data["topics"] == []
    assert data["outcomes"] == [
        {"id": "start", "low": None, "high": None},
        {"id": "reif", "low": None, "high": None},
    ]
    assert [a["profile"] for a in data["rules"][0]["answers"]] == ["start", "reif"]
    assert data["rules"][0]["topic"] is None


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=20,
    )
)
def test_tojson_in_a_template_round_trips_anything_and_never_contains_markup(value):
    text = Environment(autoescape=True).from_string("{{ value|tojson }}").render(value=value)
    assert json.loads(text) == value
    for char in "<>&":
        assert char not in text


@pytest.mark.parametrize(
    "where",
    [
        {"rule_id": EVIL},
        {"outcome_id": EVIL},
        {"text": EVIL},
        {"rule_id": "<!--", "outcome_id": "<!--", "text": "<!-- <script>"},
    ],
    ids=["rule-id", "outcome-id", "texts", "comment-openers"],
)
def test_rendered_quiz_cannot_be_broken_out_of(where):
    quiz = score_quiz(**where)
    html = render_quiz(quiz)
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    assert len(scripts) == 1, "a value closed the script element or injected another one"
    assert scripts[0].get("type") == "application/json"
    assert not soup.find_all(string=lambda s: isinstance(s, Comment)), "a value opened a comment"
    assert json.loads(scripts[0].string) == quiz_data(quiz)
    # The section is still one element that holds everything (nothing closed it early).
    (section,) = soup.select("section.kf-quiz")
    assert section.find("script") is scripts[0]


ROUND_TRIP = (
    "let s = ''; process.stdin.on('data', (d) => (s += d))"
    ".on('end', () => process.stdout.write(JSON.stringify(JSON.parse(s))));"
)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_browser_json_parse_round_trips_the_script_text():
    quiz = score_quiz(rule_id=EVIL, outcome_id=EVIL, text=EVIL)
    soup = BeautifulSoup(render_quiz(quiz), "html.parser")
    script_text = soup.find("script").string
    result = subprocess.run(
        ["node", "-e", ROUND_TRIP],
        input=script_text,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert json.loads(result.stdout) == quiz_data(quiz)
