"""The browser scorer (kundenfit.js) gives exactly the Python scorer's result, field by field.

For every quiz in content/rules one Node process scores answer combinations read as JSON lines
on stdin: all of them when a quiz has at most EXHAUSTIVE_LIMIT (kontakt, beziehungsphase),
otherwise (kundenfit: 5 × 4^14 sets) RANDOM_SAMPLES seeded random ones and every set that
differs from the best answers in one or two questions, plus Hypothesis-generated answers for
every quiz. Hypothesis also invents whole quizzes (bands, caps, knock-out counts, warning
signs and `warnings_to_bottom`, open "not yet" answers, topics, advice, profiles and their
ties) to cover what the real rules do not. Small rule files with warning signs
(WARNING_QUIZZES, the sample site's) are scored for every set of answers, so each count of
warning signs and of open questions is compared.
The shipped, rjsmin-minified file is checked alongside the source.
"""

from __future__ import annotations

import itertools
import json
import random
import shutil
import subprocess
from dataclasses import replace
from math import prod
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.kundenfit.quiz.model import Answer, Knockout, Origin, Outcome, Quiz, Rule
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.render import quiz_data
from pelican.plugins.kundenfit.render.assets import STATIC_DIR
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.sample_site import SAMPLE_SITE

ROOT = Path(__file__).resolve().parents[2]
JS = STATIC_DIR / "kundenfit.js"
NODE = shutil.which("node")
EXHAUSTIVE_LIMIT = 20_000
RANDOM_SAMPLES = 10_000
CHUNK = 200  # answer lines in flight at once: small enough never to fill a pipe buffer

pytestmark = pytest.mark.skipif(
    NODE is None, reason="node is not installed (apt-get install nodejs): the JS scorer cannot run"
)

# Reads JSON lines: {"quiz": data} selects the quiz, an array of answer indexes is scored by
# every script named on the command line; one JSON line of results is written per array.
DRIVER = r"""
const scorers = process.argv.slice(1).map((path) => require(path).score);
let data = null;
require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  if (!Array.isArray(message)) { data = message.quiz; return; }
  let results;
  try { results = scorers.map((s) => s(data, message)); }
  catch (e) { results = scorers.map(() => ({ error: String(e) })); }
  process.stdout.write(JSON.stringify(results) + '\n');
});
"""


def _load_rulebook():
    from pelican.plugins.kundenfit.rules import load_rulebook

    try:
        return load_rulebook(ROOT / "content" / "rules"), None
    except Exception as error:  # reported by the tests, not as a collection error
        return None, error


BOOK, LOAD_ERROR = _load_rulebook()
QUIZ_IDS = sorted(BOOK.quizzes) if BOOK else ["rules-did-not-load"]


def real_quiz(quiz_id: str) -> Quiz:
    if BOOK is None:
        pytest.fail(f"content/rules did not load: {LOAD_ERROR}")
    return BOOK.quizzes[quiz_id]


class NodeScorer:
    """One Node process scoring answers for one quiz at a time."""

    def __init__(self, scripts: list[Path]):
        self.process = subprocess.Popen(
            [NODE, "-e", DRIVER, *map(str, scripts)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.names = [s.name for s in scripts]
        self.current = None

    def use(self, data: dict) -> None:
        if data != self.current:
            self._send({"quiz": data})
            self.current = data

    def score_many(self, answer_lists) -> list[list[dict]]:
        results = []
        for start in range(0, len(answer_lists), CHUNK):
            chunk = answer_lists[start : start + CHUNK]
            for answers in chunk:
                self._send(list(answers))
            for _ in chunk:
                line = self.process.stdout.readline()
                assert line, "node stopped answering"
                results.append(json.loads(line))
        return results

    def _send(self, message) -> None:
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def scripts(tmp_path_factory) -> list[Path]:
    """The source file and, as the site ships it, its rjsmin-minified form."""
    import rjsmin

    minified = tmp_path_factory.mktemp("js") / "kundenfit.min.js"
    minified.write_text(rjsmin.jsmin(JS.read_text(encoding="utf-8")), encoding="utf-8")
    return [JS, minified]


@pytest.fixture(scope="module")
def node(scripts):
    """`node(name)`: the Node process for one quiz (or for all invented quizzes)."""
    processes: dict[str, NodeScorer] = {}

    def for_quiz(name: str) -> NodeScorer:
        if name not in processes:
            processes[name] = NodeScorer(scripts)
        return processes[name]

    yield for_quiz
    for process in processes.values():
        process.close()


def expected(quiz: Quiz, answers) -> dict:
    result = score(quiz, list(answers))
    return {
        "outcome": result.outcome,
        "total": result.total,
        "max_total": result.max_total,
        "subscores": [[topic, list(pair)] for topic, pair in result.subscores.items()],
        "capped_by": list(result.capped_by),
        "weak": list(result.weak),
        "open": result.open,
        "tied": list(result.tied),
        "warnings": list(result.warnings),
        "provisional": result.provisional,
    }


def normalised(js_result: dict) -> dict:
    if "error" in js_result:
        return js_result
    return {**js_result, "subscores": [[topic, pair] for topic, pair in js_result["subscores"].items()]}


def assert_same(quiz: Quiz, node: NodeScorer, answer_lists) -> None:
    """Score `answer_lists` in Node (source and minified) and in Python; all must agree."""
    node.use(quiz_data(quiz))
    for answers, results in zip(answer_lists, node.score_many(answer_lists), strict=True):
        want = expected(quiz, answers)
        for name, got in zip(node.names, results, strict=True):
            assert normalised(got) == want, f"{name} differs for quiz {quiz.id!r}, answers {list(answers)}"


def combinations(quiz: Quiz) -> list[tuple[int, ...]]:
    counts = [len(rule.answers) for rule in quiz.rules]
    if prod(counts) <= EXHAUSTIVE_LIMIT:
        return list(itertools.product(*(range(n) for n in counts)))
    rng = random.Random(f"kundenfit-parity-{quiz.id}")
    samples = {tuple(rng.randrange(n) for n in counts) for _ in range(RANDOM_SAMPLES)}
    # Every set that leaves the best answers in one or two questions: each warning sign, cap
    # and open answer alone and in every pair, where the top outcome is won or lost.
    best = [rule.best_answer for rule in quiz.rules]
    for first, second in itertools.combinations_with_replacement(range(len(counts)), 2):
        for a, b in itertools.product(range(counts[first]), range(counts[second])):
            if first == second and a != b:
                continue
            answers = list(best)
            answers[first], answers[second] = a, b
            samples.add(tuple(answers))
    # The corners: all best answers, all worst, all first, all last.
    samples.add(tuple(0 for _ in counts))
    samples.add(tuple(n - 1 for n in counts))
    for pick in (max, min):
        samples.add(
            tuple(
                pick(range(len(rule.answers)), key=lambda i, rule=rule: rule.answers[i].points)
                for rule in quiz.rules
            )
        )
    return sorted(samples)


def test_content_rules_define_quizzes():
    assert BOOK is not None, f"content/rules did not load: {LOAD_ERROR}"
    assert BOOK.quizzes, "no quiz in content/rules"


@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
def test_js_matches_python_on_all_or_sampled_answers(quiz_id, node):
    quiz = real_quiz(quiz_id)
    answer_lists = combinations(quiz)
    assert answer_lists
    assert_same(quiz, node(quiz_id), answer_lists)


# Four questions, three outcomes: 0 to 4 warning signs (with and without a knock-out and a
# cap), 0 to 3 open questions; once with `warnings_to_bottom`, once without.
WARNING_RULES = """\
rules:
  - id: zuhoeren
    question: Hört die Person zu?
    answers:
      - {text: Ja., points: 2}
      - {text: Manchmal., points: 1}
      - {text: Nie., points: 0, warning: true}
      - {text: Weiß ich nicht., open: true}
  - id: budget
    question: Passt das Budget?
    answers:
      - {text: Ja., points: 2}
      - {text: Knapp., points: 1, warning: true}
      - {text: Nein., points: 0, warning: true, cap: mittel}
      - {text: Noch offen., open: true}
  - id: termine
    question: Hält sie Termine ein?
    answers:
      - {text: Ja., points: 2}
      - {text: Meistens., points: 1, warning: true}
      - {text: Nein., points: 0, cap: schwach}
      - {text: Weiß ich nicht., open: true}
  - id: ton
    question: Ist der Ton freundlich?
    answers:
      - {text: Ja., points: 2}
      - {text: Nein., points: 0, warning: true}
quizzes:
"""
WARNING_QUIZ = """\
  - id: {id}
    kind: score
    title: Warnsignale
    rules: [zuhoeren, budget, termine, ton]{extra}
    outcomes:
      - {{id: gut, title: Gut, points: 7-8, text: Gut.}}
      - {{id: mittel, title: Mittel, points: 4-6, text: Mittel.}}
      - {{id: schwach, title: Schwach, points: 0-3, text: Schwach.}}
"""
WARNING_QUIZZES = ("bis-unten", "ohne-boden", "mit-ko")


@pytest.fixture(scope="module")
def warning_book(tmp_path_factory):
    folder = tmp_path_factory.mktemp("warnsignale")
    quizzes = [
        WARNING_QUIZ.format(id="bis-unten", extra="\n    warnings_to_bottom: 2"),
        WARNING_QUIZ.format(id="ohne-boden", extra=""),
        WARNING_QUIZ.format(
            id="mit-ko", extra="\n    warnings_to_bottom: 3\n    knockouts: [{count: 2, outcome: schwach}]"
        ),
    ]
    (folder / "warnsignale.yaml").write_text(WARNING_RULES + "".join(quizzes), encoding="utf-8")
    return load_rulebook(folder)


@pytest.mark.parametrize("quiz_id", WARNING_QUIZZES)
def test_js_matches_python_on_every_answer_of_a_quiz_with_warning_signs(quiz_id, warning_book, node):
    quiz = warning_book.quizzes[quiz_id]
    answer_lists = list(itertools.product(*(range(len(rule.answers)) for rule in quiz.rules)))
    results = [score(quiz, list(answers)) for answers in answer_lists]
    # The file really exercises what it is for: every count of warning signs, and both sides
    # of the half-open line.
    assert {len(r.warnings) for r in results} == {0, 1, 2, 3, 4}
    assert {(r.open, r.provisional) for r in results} == {(0, False), (1, False), (2, False), (3, True)}
    assert_same(quiz, node("warnings"), answer_lists)


def test_js_matches_python_on_every_answer_of_the_sample_site(node):
    book = load_rulebook(SAMPLE_SITE / "content" / "rules")
    assert any(quiz.has_warnings for quiz in book.quizzes.values())
    for quiz in book.quizzes.values():
        answer_lists = list(itertools.product(*(range(len(rule.answers)) for rule in quiz.rules)))
        assert_same(quiz, node("sample"), answer_lists)


@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
@settings(max_examples=300, deadline=None)
@given(draw=st.data())
def test_js_matches_python_on_hypothesis_answers(quiz_id, node, draw):
    quiz = real_quiz(quiz_id)
    answers = draw.draw(st.tuples(*(st.integers(0, len(rule.answers) - 1) for rule in quiz.rules)))
    assert_same(quiz, node(quiz_id), [answers])


# -- invented quizzes ----------------------------------------------------------------------

ORIGIN = Origin("hypothesis.yaml", 1)


@st.composite
def invented_quiz(draw) -> tuple[Quiz, tuple[int, ...]]:
    """A valid quiz of either kind (bands cover every total, caps name worse outcomes)."""
    kind = draw(st.sampled_from(["score", "profile"]))
    n_outcomes = draw(st.integers(1, 4))
    outcome_ids = [f"o{i}" for i in range(n_outcomes)]
    topics = [f"t{i}" for i in range(draw(st.integers(0, 3)))]
    rules = []
    for r in range(draw(st.integers(1, 6))):
        answers = []
        for _ in range(draw(st.integers(1, 4))):
            points = draw(st.integers(0, 5))
            advice = draw(st.sampled_from([None, None, "Tipp"]))
            if kind == "profile":
                answers.append(Answer("a", points, profile=draw(st.sampled_from(outcome_ids)), advice=advice))
            else:
                cap = draw(st.sampled_from([None, None, *outcome_ids[1:]]))
                warning = draw(st.sampled_from([False, False, True]))
                answers.append(Answer("a", points, cap=cap, advice=advice, warning=warning))
        if draw(st.booleans()):
            answers.append(Answer("noch nicht", 0, advice=draw(st.sampled_from([None, "Tipp"])), open=True))
        rules.append(
            Rule(
                id=f"r{r}",
                question="?",
                answers=tuple(answers),
                advice=draw(st.sampled_from([None, "Rat"])),
                check=None,
                topic=draw(st.sampled_from([None, *topics])),
                sources=(),
                origin=ORIGIN,
            )
        )
    if kind == "score":
        low = sum(min(a.points for a in rule.answers if not a.open) for rule in rules)
        high = sum(rule.max_points for rule in rules)
        # Cut low..high into contiguous bands, listed best (highest) first.
        cuts = sorted(
            draw(st.sets(st.integers(low + 1, high), max_size=n_outcomes - 1)) if high > low else []
        )
        edges = [low, *cuts, high + 1]
        bands = [(edges[i], edges[i + 1] - 1) for i in range(len(edges) - 1)][::-1]
        outcome_ids = outcome_ids[: len(bands)]
        keep = set(outcome_ids[1:])
        rules = [
            replace(
                rule, answers=tuple(replace(a, cap=a.cap if a.cap in keep else None) for a in rule.answers)
            )
            for rule in rules
        ]
        outcomes = tuple(
            Outcome(oid, oid, "", lo, hi) for oid, (lo, hi) in zip(outcome_ids, bands, strict=True)
        )
        knockouts = tuple(
            Knockout(draw(st.integers(1, 3)), draw(st.sampled_from(outcome_ids)))
            for _ in range(draw(st.integers(0, 2)))
        )
        to_bottom = draw(st.sampled_from([None, 1, 2, 3]))
    else:
        outcomes = tuple(Outcome(oid, oid, "") for oid in outcome_ids)
        knockouts = ()
        to_bottom = None
    quiz = Quiz(
        id="invented",
        kind=kind,
        title="Quiz",
        intro="",
        rules=tuple(rules),
        outcomes=outcomes,
        topics=tuple((t, t) for t in topics),
        checklist=None,
        origin=ORIGIN,
        knockouts=knockouts,
        warnings_to_bottom=to_bottom,
    )
    answers = draw(st.tuples(*(st.integers(0, len(rule.answers) - 1) for rule in rules)))
    return quiz, answers


@settings(max_examples=400, deadline=None)
@given(case=invented_quiz())
def test_js_matches_python_on_invented_quizzes(case, node):
    quiz, answers = case
    assert_same(quiz, node("invented"), [answers])


@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
def test_js_matches_python_with_every_question_left_open(quiz_id, node):
    quiz = real_quiz(quiz_id)
    if not all(any(a.open for a in rule.answers) for rule in quiz.rules):
        pytest.skip(f"{quiz_id}: not every question has an open answer")
    all_open = tuple(next(i for i, a in enumerate(rule.answers) if a.open) for rule in quiz.rules)
    assert_same(quiz, node(quiz_id), [all_open])
