"""Knock-out counts, open answers, profile ties and the examples in the rule files.

Each test shows the rule file it loads; the examples are scored on every load, so a wrong
expectation is a problem with the example's file and line.
"""

from __future__ import annotations

from pelican.plugins.kundenfit.quiz.scoring import score

QUIZ = """\
rules:
  - id: grenzen
    question: Respektiert die Person deine Grenzen?
    answers:
      - text: Ja
        points: 2
      - text: Nein
        points: 0
        cap: machbar
      - text: Weiß ich noch nicht
        open: true
        advice: Frag im Erstgespräch nach.
  - id: wert
    question: Schätzt die Person deine Arbeit?
    answers:
      - text: Ja
        points: 2
      - text: Nein
        points: 0
        cap: machbar
  - id: budget
    question: Passt das Budget?
    answers:
      - text: Ja
        points: 2
      - text: Knapp
        points: 1
      - text: Nein
        points: 0
quizzes:
  - id: fit
    kind: score
    title: Passt es?
    rules: [grenzen, wert, budget]
    knockouts:
      - count: 2
        outcome: ziehen
    outcomes:
      - {id: traum, title: Traum, points: 6, text: T}
      - {id: machbar, title: Machbar, points: 3-5, text: M}
      - {id: ziehen, title: Ziehen, points: 0-2, text: Z}
    examples:
      - name: Alles bestens
        outcome: traum
      - name: Eine rote Flagge
        answers: {wert: 1}
        outcome: machbar
      - name: Zwei rote Flaggen
        answers: {grenzen: 1, wert: 1}
        outcome: ziehen
      - name: Noch nicht gefragt
        answers: {grenzen: 2}
        outcome: traum
"""


def test_two_knock_outs_give_the_knockout_outcome(load_ok):
    quiz = load_ok(QUIZ).quizzes["fit"]
    assert score(quiz, [1, 1, 0]).outcome == "ziehen"
    assert score(quiz, [1, 0, 0]).outcome == "machbar"
    assert score(quiz, [1, 0, 0]).capped_by == ("grenzen",)


def test_open_answer_counts_neither_way_and_is_counted(load_ok):
    quiz = load_ok(QUIZ).quizzes["fit"]
    result = score(quiz, [2, 0, 0])
    # 4 of 4 answered points scale to 6 of 6: the best band.
    assert (result.outcome, result.total, result.max_total, result.open) == ("traum", 4, 4, 1)
    # 3 of 4 points scale to 4.5 of 6: "machbar" (3-5), as 4.5 lies below 6.
    assert score(quiz, [2, 0, 1]).outcome == "machbar"
    # The open answer's own advice is shown.
    assert result.weak == ("grenzen",)


def test_examples_that_hold_load_quietly(load_ok):
    examples = load_ok(QUIZ).quizzes["fit"].examples
    assert [e.name for e in examples] == [
        "Alles bestens",
        "Eine rote Flagge",
        "Zwei rote Flaggen",
        "Noch nicht gefragt",
    ]


def test_an_example_with_another_outcome_names_file_line_and_the_result(load_problems):
    broken = QUIZ.replace(
        "answers: {grenzen: 1, wert: 1}\n        outcome: ziehen",
        "answers: {grenzen: 1, wert: 1}\n        outcome: machbar",
    )
    line = broken.splitlines().index("      - name: Zwei rote Flaggen") + 1
    assert load_problems(broken) == [
        f"regeln.yaml:{line}: [fit] Beispiel „Zwei rote Flaggen“: erwartet 'machbar', die Wertung "
        "ergibt 'ziehen' (2 von 6 Punkten, K.-o. durch grenzen, wert) – passe Punkte, 'cap' oder "
        "Bereiche an, oder das erwartete Ergebnis."
    ]


def test_an_example_naming_an_unknown_rule_or_answer_is_a_problem(load_problems):
    broken = QUIZ.replace("answers: {wert: 1}", "answers: {wertt: 1, budget: 5}")
    line = broken.splitlines().index("        answers: {wertt: 1, budget: 5}") + 1
    assert load_problems(broken) == [
        f"regeln.yaml:{line}: [fit] Beispiel „Eine rote Flagge“: 'wertt' ist keine Frage dieses "
        "Quiz – prüfe die Id.",
        f"regeln.yaml:{line}: [fit] Beispiel „Eine rote Flagge“: 'budget' hat nur die Antworten "
        "0 bis 2, hier steht 5.",
    ]


def test_example_answers_written_as_a_list_or_an_empty_outcome_are_one_line_each(load_problems):
    broken = QUIZ.replace("answers: {wert: 1}", "answers: [0, 1, 0]").replace(
        "answers: {grenzen: 2}\n        outcome: traum", "answers: {grenzen: 2}\n        outcome: []"
    )
    lines = broken.splitlines()
    assert load_problems(broken) == [
        f"regeln.yaml:{lines.index('        answers: [0, 1, 0]') + 1}: [fit] 'answers' muss Regel-Ids "
        "mit Antwortnummern, z. B. 'grenzen: 2' sein, hier steht eine Liste.",
        f"regeln.yaml:{lines.index('        outcome: []') + 1}: [fit] 'outcome' ist leer – nenne das "
        "erwartete Ergebnis (bei Gleichstand alle gleichauf liegenden, z. B. [ernuechterung, "
        "machtkampf]).",
    ]


def test_knockout_count_beyond_the_knock_out_questions_is_a_problem(load_problems):
    broken = QUIZ.replace("count: 2", "count: 3")
    line = broken.splitlines().index("      - count: 3") + 1
    assert load_problems(broken) == [
        f"regeln.yaml:{line}: [fit] 'count: 3' wird nie erreicht: Nur 2 Fragen des Quiz haben eine "
        "K.-o.-Antwort ('cap') – senke die Zahl oder ergänze 'cap'."
    ]


def test_open_answer_with_points_is_a_problem(load_problems):
    broken = QUIZ.replace("open: true\n", "open: true\n        points: 1\n")
    line = broken.splitlines().index("        open: true") + 1
    assert load_problems(broken) == [
        f"regeln.yaml:{line}: [grenzen] Eine offene Antwort ('open: true') zählt weder dafür noch "
        "dagegen – lösche 'points', 'profile' und 'cap' bei ihr."
    ]


PROFILE = """\
rules:
  - id: tempo
    question: Wie schnell?
    answers:
      - {text: Sofort, profile: schnell}
      - {text: Langsam, profile: gruendlich}
      - {text: Weiß nicht, open: true}
  - id: details
    question: Details?
    answers:
      - {text: Egal, profile: schnell}
      - {text: Wichtig, profile: gruendlich}
quizzes:
  - id: typ
    kind: profile
    title: Typ
    rules: [tempo, details]
    outcomes:
      - {id: schnell, title: Schnell, text: S}
      - {id: gruendlich, title: Gründlich, text: G}
    examples:
      - name: Gemischt
        answers: {tempo: 0, details: 1}
        outcome: [schnell, gruendlich]
      - name: Eher schnell
        answers: {tempo: 2, details: 0}
        outcome: schnell
"""


def test_profile_tie_names_both_outcomes(load_ok):
    quiz = load_ok(PROFILE).quizzes["typ"]
    result = score(quiz, [0, 1])
    assert (result.outcome, result.tied) == ("schnell", ("schnell", "gruendlich"))
    assert score(quiz, [2, 1]).tied == ()
    assert score(quiz, [2, 1]).open == 1


def test_profile_example_must_name_every_question(load_problems):
    broken = PROFILE.replace("answers: {tempo: 2, details: 0}", "answers: {tempo: 2}")
    line = broken.splitlines().index("      - name: Eher schnell") + 1
    assert load_problems(broken) == [
        f"regeln.yaml:{line}: [typ] Beispiel „Eher schnell“: Im Profil-Quiz braucht ein Beispiel "
        "jede Frage; es fehlt: details."
    ]
