"""Warning signs (`warning: true`, `warnings_to_bottom`) and provisional verdicts.

Each test shows the rule file it loads (QUIZ, or QUIZ changed in one line); problems are
one line with file and line. The property tests run over every warning answer of every score
quiz of the sample site and over generated quizzes that went through the real validator.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.rules import load_rulebook
from pelican.plugins.kundenfit.rules.build import build_rulebook
from pelican.plugins.kundenfit.rules.loader import parse_yaml
from pelican.plugins.kundenfit.rules.schema import read_definitions

from tests.support.sample_site import SAMPLE_SITE

KUNDENFIT = Path(sys.executable).with_name("kundenfit")  # the console script pip installed

# Four questions (2 to 8 points), three outcomes; three questions can be left open.
QUIZ = """\
rules:
  - id: zuhoeren
    question: Hört die Person zu?
    answers:
      - text: Ja
        points: 2
      - text: Sie redet nur von sich
        points: 1
        warning: true
      - text: Weiß ich noch nicht
        open: true
  - id: budget
    question: Passt das Budget?
    answers:
      - text: Ja
        points: 2
      - text: Sie will erst mal gratis testen
        points: 1
        warning: true
      - text: Nein
        points: 0
        cap: machbar
      - text: Noch nicht besprochen
        open: true
  - id: termine
    question: Hält sie Termine ein?
    answers:
      - text: Ja
        points: 2
      - text: Sie sagt oft kurzfristig ab
        points: 1
        warning: true
      - text: Weiß ich noch nicht
        open: true
  - id: ton
    question: Ist der Ton freundlich?
    answers:
      - text: Ja
        points: 2
      - text: Nein
        points: 0
quizzes:
  - id: fit
    kind: score
    title: Passt es?
    rules: [zuhoeren, budget, termine, ton]
    warnings_to_bottom: 2
    outcomes:
      - {id: traum, title: Traumkunde, points: 7-8, text: T}
      - {id: machbar, title: Machbar, points: 4-6, text: M}
      - {id: ziehen, title: Lass sie ziehen, points: 2-3, text: Z}
    examples:
      - name: Alles bestens
        outcome: traum
      - name: Ein Warnsignal
        answers: {zuhoeren: 1}
        outcome: machbar
      - name: Zwei Warnsignale
        answers: {zuhoeren: 1, termine: 1}
        outcome: ziehen
"""


# The same quiz without its examples, for changes the examples would rightly object to.
BARE = QUIZ.split("    examples:\n")[0]


def line_of(source: str, text: str) -> int:
    return source.splitlines().index(text) + 1


def best(quiz) -> list[int]:
    return [rule.best_answer for rule in quiz.rules]


# -- scoring ------------------------------------------------------------------------------


def test_one_warning_sign_keeps_the_top_outcome_out_of_reach(load_ok):
    quiz = load_ok(QUIZ).quizzes["fit"]
    result = score(quiz, [1, 0, 0, 0])
    assert (result.total, result.outcome, result.warnings) == (7, "machbar", ("zuhoeren",))
    assert result.capped_by == ()  # a warning sign is not a knock-out


def test_warnings_to_bottom_sends_that_many_signs_to_the_last_outcome(load_ok):
    quiz = load_ok(QUIZ).quizzes["fit"]
    result = score(quiz, [1, 0, 1, 0])  # 6 points: "machbar" by the band
    assert (result.outcome, result.warnings) == ("ziehen", ("zuhoeren", "termine"))
    assert score(quiz, [1, 1, 1, 0]).warnings == ("zuhoeren", "budget", "termine")


def test_without_warnings_to_bottom_any_number_of_signs_gives_the_second_outcome(load_ok):
    quiz = load_ok(BARE.replace("    warnings_to_bottom: 2\n", "")).quizzes["fit"]
    assert score(quiz, [1, 1, 1, 0]).outcome == "machbar"  # 5 points
    assert score(quiz, [1, 1, 1, 1]).outcome == "ziehen"  # 3 points: the band is worse still


def test_warning_signs_never_improve_a_result(load_ok):
    quiz = load_ok(QUIZ).quizzes["fit"]
    assert score(quiz, [1, 2, 1, 0]).outcome == "ziehen"  # two signs and a knock-out: the worst
    no_signs = replace(
        quiz,
        warnings_to_bottom=None,
        rules=tuple(
            replace(rule, answers=tuple(replace(a, warning=False) for a in rule.answers))
            for rule in quiz.rules
        ),
    )
    for answers in itertools.product(*(range(len(rule.answers)) for rule in quiz.rules)):
        order = [o.id for o in quiz.outcomes]
        with_signs = order.index(score(quiz, list(answers)).outcome)
        assert with_signs >= order.index(score(no_signs, list(answers)).outcome), answers


def test_the_result_is_provisional_only_above_half_open(load_ok):
    quiz = load_ok(QUIZ).quizzes["fit"]
    assert [score(quiz, answers).provisional for answers in ([0, 0, 0, 0], [2, 0, 0, 0])] == [False, False]
    half = score(quiz, [2, 3, 0, 0])
    assert (half.open, half.provisional) == (2, False)  # exactly half: not provisional
    above = score(quiz, [2, 3, 2, 0])
    assert (above.open, above.provisional, above.outcome) == (3, True, "traum")


def test_a_profile_quiz_is_never_provisional(load_ok):
    quiz = load_ok(
        """\
        rules:
          - id: stimmung
            question: Wie ist die Stimmung?
            answers:
              - {text: Euphorisch, profile: verliebt}
              - {text: Vertraut, profile: zuhause}
              - {text: Weiß ich nicht, open: true}
        quizzes:
          - id: phase
            kind: profile
            title: Phase
            rules: [stimmung]
            outcomes:
              - {id: verliebt, title: Verliebt, text: V}
              - {id: zuhause, title: Zuhause, text: Z}
        """
    ).quizzes["phase"]
    result = score(quiz, [2])
    assert (result.open, result.provisional, result.warnings) == (1, False, ())


# -- properties ---------------------------------------------------------------------------


def warning_answers(quiz) -> list[tuple[int, int]]:
    """Every (question index, answer index) whose answer is a warning sign."""
    return [
        (r, a) for r, rule in enumerate(quiz.rules) for a, answer in enumerate(rule.answers) if answer.warning
    ]


def test_any_single_warning_sign_keeps_the_top_outcome_out_of_reach_on_the_sample_site():
    book = load_rulebook(SAMPLE_SITE / "content" / "rules")
    checked = 0
    for quiz in book.quizzes.values():
        if quiz.kind != "score":
            continue
        for question, index in warning_answers(quiz):
            answers = best(quiz)
            answers[question] = index
            result = score(quiz, answers)
            assert result.outcome != quiz.outcomes[0].id, (quiz.id, quiz.rules[question].id, index)
            assert result.warnings == (quiz.rules[question].id,)
            checked += 1
    assert checked, "the sample site marks no warning sign"


@st.composite
def warning_quizzes(draw):
    """Draw a valid score quiz with warning signs; it must pass the real validator."""
    questions = draw(st.integers(1, 5))
    rules = []
    for n in range(questions):
        points = draw(st.lists(st.integers(0, 3), min_size=2, max_size=3, unique=True))
        answers = [{"text": f"Antwort {p}", "points": p} for p in points]
        for answer in answers:
            if draw(st.integers(0, 2)) == 0:
                answer["warning"] = True
        if draw(st.booleans()):
            answers.append({"text": "Weiß ich nicht", "open": True})
        rules.append({"id": f"regel-{n}", "question": "Frage?", "answers": answers})
    totals = {0}
    for rule in rules:
        totals = {t + a["points"] for t in totals for a in rule["answers"] if "points" in a}
    low, high = min(totals), max(totals)
    # The top band is the highest total alone; a middle band when a total lies in between.
    between = sorted(t for t in totals if low < t < high)
    bands = [(high, high), (low, high - 1)]
    if between:
        middle = draw(st.sampled_from(between))
        bands = [(high, high), (middle, high - 1), (low, middle - 1)]
    quiz = {
        "id": "erzeugt",
        "kind": "score",
        "title": "Erzeugt",
        "rules": [r["id"] for r in rules],
        "outcomes": [
            {"id": f"ergebnis-{n}", "title": f"E{n}", "points": f"{lo}-{hi}", "text": "Text."}
            for n, (lo, hi) in enumerate(bands)
        ],
    }
    with_warning = sum(1 for r in rules if any(a.get("warning") for a in r["answers"]))
    if with_warning and draw(st.booleans()):
        quiz["warnings_to_bottom"] = draw(st.integers(1, with_warning))
    text = yaml.safe_dump({"rules": rules, "quizzes": [quiz]}, allow_unicode=True, sort_keys=False)
    loaded, problems = parse_yaml(text, "erzeugt.yaml")
    definitions, shape_problems = read_definitions(loaded, "erzeugt.yaml")
    book, build_problems = build_rulebook([definitions])
    assert [str(p) for p in problems + shape_problems + build_problems] == [], text
    quiz = book.quizzes["erzeugt"]
    answers = [draw(st.integers(0, len(rule.answers) - 1)) for rule in quiz.rules]
    return quiz, answers


@settings(max_examples=150, deadline=None)
@given(warning_quizzes())
def test_warning_signs_decide_as_declared_on_generated_quizzes(case):
    quiz, answers = case
    result = score(quiz, answers)
    chosen = [rule.answers[i] for rule, i in zip(quiz.rules, answers, strict=True)]
    signs = [rule.id for rule, answer in zip(quiz.rules, chosen, strict=True) if answer.warning]
    assert list(result.warnings) == signs
    position = [o.id for o in quiz.outcomes].index(result.outcome)
    if signs:
        assert position >= 1
    if quiz.warnings_to_bottom and len(signs) >= quiz.warnings_to_bottom:
        assert position == len(quiz.outcomes) - 1
    assert result.provisional == (2 * sum(a.open for a in chosen) > len(quiz.rules))


# -- validation ---------------------------------------------------------------------------


def test_warning_must_be_true_or_false(load_problems):
    broken = QUIZ.replace("        warning: true\n", "        warning: ja\n", 1)
    assert load_problems(broken) == [
        f"regeln.yaml:{line_of(broken, '        warning: ja')}: [zuhoeren] 'warning' muss 'true' "
        "(die Antwort ist ein Warnsignal) oder 'false' sein, hier steht der Text 'ja'."
    ]


def test_warning_false_is_no_warning_sign(load_ok):
    quiz = load_ok(BARE.replace("        warning: true\n", "        warning: false\n", 1)).quizzes["fit"]
    assert not quiz.rules[0].answers[1].warning


def test_a_misspelled_or_german_warning_key_is_named(load_problems):
    broken = QUIZ.replace("        warning: true\n", "        warnsignal: true\n", 1)
    line = line_of(broken, "        warnsignal: true")
    assert load_problems(broken) == [
        f"regeln.yaml:{line}: [zuhoeren] Unbekannter Schlüssel 'warnsignal' – meintest du "
        "'warning'? Erlaubt sind hier: text, points, profile, cap, advice, open, warning."
    ]


def test_an_open_answer_cannot_be_a_warning_sign(load_problems):
    broken = QUIZ.replace("        open: true\n", "        open: true\n        warning: true\n", 1)
    line = line_of(broken, "        open: true") + 1
    assert load_problems(broken) == [
        f"regeln.yaml:{line}: [zuhoeren] Eine offene Antwort ('open: true') kann kein Warnsignal "
        "sein – sie zählt weder dafür noch dagegen. Lösche 'warning' oder 'open'."
    ]


def test_a_profile_answer_cannot_be_a_warning_sign(load_problems):
    source = """\
        rules:
          - id: stimmung
            question: Wie ist die Stimmung?
            answers:
              - {text: Euphorisch, profile: verliebt, warning: true}
              - {text: Vertraut, profile: zuhause}
        """
    assert load_problems(source) == [
        "regeln.yaml:5: [stimmung] Warnsignale ('warning') gibt es nur im Score-Quiz, diese "
        "Antwort zählt mit 'profile' für ein Profil – lösche 'warning'."
    ]


@pytest.mark.parametrize("value", ["0", "zwei", "true", "-1", "1.5"])
def test_warnings_to_bottom_must_be_a_whole_number_from_one(load_problems, value):
    broken = QUIZ.replace("warnings_to_bottom: 2", f"warnings_to_bottom: {value}")
    problems = load_problems(broken)
    assert len(problems) == 1
    assert problems[0].startswith(
        f"regeln.yaml:{line_of(broken, f'    warnings_to_bottom: {value}')}: [fit] "
        "'warnings_to_bottom' muss eine ganze Zahl ab 1 (z. B. warnings_to_bottom: 2) sein, hier steht "
    )


def test_warnings_to_bottom_beyond_the_warning_questions_is_a_problem(load_problems):
    broken = QUIZ.replace("warnings_to_bottom: 2", "warnings_to_bottom: 4")
    assert load_problems(broken) == [
        f"regeln.yaml:{line_of(broken, '    warnings_to_bottom: 4')}: [fit] 'warnings_to_bottom: 4' "
        "wird nie erreicht: Nur 3 Fragen des Quiz haben eine Warnsignal-Antwort ('warning: true') – "
        "senke die Zahl oder markiere weitere Warnsignale."
    ]


def test_warnings_to_bottom_without_any_warning_sign_is_a_problem(load_problems):
    broken = QUIZ.replace("        warning: true\n", "")
    assert load_problems(broken) == [
        f"regeln.yaml:{line_of(broken, '    warnings_to_bottom: 2')}: [fit] 'warnings_to_bottom: 2' "
        "wird nie erreicht: Keine Frage des Quiz hat eine Warnsignal-Antwort ('warning: true') – "
        "senke die Zahl oder markiere weitere Warnsignale."
    ]


def test_two_warning_answers_of_one_question_count_as_one_sign(load_problems):
    knock_out = "        cap: machbar\n"
    broken = QUIZ.replace(knock_out, knock_out + "        warning: true\n").replace(
        "warnings_to_bottom: 2", "warnings_to_bottom: 4"
    )
    assert load_problems(broken) == [
        f"regeln.yaml:{line_of(broken, '    warnings_to_bottom: 4')}: [fit] 'warnings_to_bottom: 4' "
        "wird nie erreicht: Nur 3 Fragen des Quiz haben eine Warnsignal-Antwort ('warning: true') – "
        "senke die Zahl oder markiere weitere Warnsignale."
    ]


def test_warnings_to_bottom_is_for_score_quizzes_only(load_problems):
    source = """\
        rules:
          - id: stimmung
            question: Wie ist die Stimmung?
            answers:
              - {text: Euphorisch, profile: verliebt}
              - {text: Vertraut, profile: zuhause}
        quizzes:
          - id: phase
            kind: profile
            title: Phase
            rules: [stimmung]
            warnings_to_bottom: 1
            outcomes:
              - {id: verliebt, title: Verliebt, text: V}
              - {id: zuhause, title: Zuhause, text: Z}
        """
    assert load_problems(source) == [
        "regeln.yaml:12: [phase] 'warnings_to_bottom' gibt es nur im Score-Quiz (kind: score) – "
        "lösche die Zeile."
    ]


def test_an_outcome_reached_only_through_warning_signs_is_reachable(load_ok):
    # 'puenktlich' gives 2 or 0 points, so no total lies in the band of "geht-so"; paying
    # late gives 2 points too, but is a warning sign, and that reaches it.
    source = """\
        rules:
          - id: puenktlich
            question: Zahlt die Person pünktlich?
            answers:
              - {text: Ja, points: 2}
              - {text: Nach Mahnung, points: 2, warning: true}
              - {text: Nie, points: 0}
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [puenktlich]
            outcomes:
              - {id: gut, title: Gut, points: 2, text: Passt.}
              - {id: geht-so, title: Geht so, points: 1, text: Naja.}
              - {id: mau, title: Mau, points: 0, text: Passt nicht.}
        """
    quiz = load_ok(source).quizzes["mini"]
    assert score(quiz, [1]).outcome == "geht-so"


def test_an_example_that_fails_names_the_warning_signs(load_problems):
    broken = QUIZ.replace(
        "        answers: {zuhoeren: 1}\n        outcome: machbar",
        "        answers: {zuhoeren: 1}\n        outcome: traum",
    )
    line = line_of(broken, "      - name: Ein Warnsignal")
    assert load_problems(broken) == [
        f"regeln.yaml:{line}: [fit] Beispiel „Ein Warnsignal“: erwartet 'traum', die Wertung ergibt "
        "'machbar' (7 von 8 Punkten, Warnsignale: zuhoeren) – passe Punkte, 'cap' oder Bereiche an, "
        "oder das erwartete Ergebnis."
    ]


# -- the command line ---------------------------------------------------------------------


def run_cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(KUNDENFIT), "score", str(folder), "fit", *args], capture_output=True, text=True, timeout=60
    )


def test_cli_names_the_warning_signs_given(tmp_path):
    (tmp_path / "regeln.yaml").write_text(QUIZ, encoding="utf-8")
    result = run_cli(tmp_path, "1", "0", "1", "0")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Ergebnis: Lass sie ziehen (ziehen)"
    start = lines.index("2 Warnsignale:")
    assert lines[start + 1 : start + 3] == [
        "  - Frage 1 [zuhoeren]: Hört die Person zu? – „Sie redet nur von sich“",
        "  - Frage 3 [termine]: Hält sie Termine ein? – „Sie sagt oft kurzfristig ab“",
    ]
    single = run_cli(tmp_path, "0", "1", "0", "0").stdout.splitlines()
    assert "1 Warnsignal:" in single
    data = json.loads(run_cli(tmp_path, "1", "0", "1", "0", "--json").stdout)
    assert (data["warnings"], data["provisional"]) == (["zuhoeren", "termine"], False)


def test_cli_says_provisional_and_what_to_find_out_first(tmp_path):
    (tmp_path / "regeln.yaml").write_text(QUIZ, encoding="utf-8")
    result = run_cli(tmp_path, "2", "3", "2", "0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:7] == [
        "Vorläufig: Traumkunde (traum)",
        "Punkte: 2/2",
        "Offen: 3 von 4 Fragen",
        "Finde zuerst heraus:",
        "  - Frage 1 [zuhoeren]: Hört die Person zu?",
        "  - Frage 2 [budget]: Passt das Budget?",
        "  - Frage 3 [termine]: Hält sie Termine ein?",
    ]
    assert json.loads(run_cli(tmp_path, "2", "3", "2", "0", "--json").stdout)["provisional"] is True
    half = run_cli(tmp_path, "2", "3", "0", "0")
    assert half.stdout.splitlines()[0] == "Ergebnis: Traumkunde (traum)"
    assert "Finde zuerst heraus:" not in half.stdout
    assert json.loads(run_cli(tmp_path, "2", "3", "0", "0", "--json").stdout)["provisional"] is False
