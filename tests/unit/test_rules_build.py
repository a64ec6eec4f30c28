"""Problems only all files together reveal: ids, references, bands, reachability.

Most tests load two files: ``fragen.yaml`` below (two score questions and two profile
questions, always valid) and the file under test, ``regeln.yaml``, shown in full in each test.
With ``grenzen`` (0, 1 or 2 points) and ``wert`` (0 or 2) a score quiz can give 0 to 4 points.
"""

from __future__ import annotations

FRAGEN = """\
topics:
  respekt: Respekt
rules:
  - id: grenzen
    topic: respekt
    question: Respektiert die Person deine Grenzen?
    answers:
      - text: Ja
        points: 2
      - text: Meistens
        points: 1
      - text: Nein
        points: 0
    advice: Halte Erreichbarkeit schriftlich fest.
    check: Erreichbarkeit vereinbart
  - id: wert
    question: Schätzt die Person deine Arbeit?
    answers:
      - text: Ja
        points: 2
      - text: Nein
        points: 0
  - id: erreichbar
    check: Antwortzeiten vereinbart
  - id: stimmung
    question: Wie ist die Stimmung?
    answers:
      - text: Euphorisch
        profile: verliebt
      - text: Vertraut
        profile: zuhause
  - id: kritik
    question: Wie geht ihr mit Kritik um?
    answers:
      - text: Es gab noch keine.
        profile: verliebt
      - text: Gelassen
        profile: zuhause
"""


def with_questions(source: str) -> dict[str, str]:
    return {"fragen.yaml": FRAGEN, "regeln.yaml": source}


def test_valid_files_load_into_the_model(load_ok):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Passt es?
            checklist: mini-liste
            rules: [wert, grenzen]
            outcomes:
              - id: gut
                title: Gut
                points: 3-4
                text: Passt.
              - id: mau
                title: Mau
                points: 0-2
                text: Passt nicht.
        checklists:
          - id: mini-liste
            title: "Vor dem Start: klären"
            quiz: mini
            groups:
              - title: Zuerst
                rules: [grenzen, erreichbar]
        """
    book = load_ok(with_questions(source))
    quiz = book.quizzes["mini"]
    assert [rule.id for rule in quiz.rules] == ["wert", "grenzen"]
    assert [(o.id, o.low, o.high) for o in quiz.outcomes] == [("gut", 3, 4), ("mau", 0, 2)]
    assert quiz.topics == (("respekt", "Respekt"),)
    assert str(quiz.origin) == "regeln.yaml:2"
    checklist = book.checklists["mini-liste"]
    assert checklist.title == "Vor dem Start: klären"
    assert [r.check for r in checklist.groups[0].rules] == [
        "Erreichbarkeit vereinbart",
        "Antwortzeiten vereinbart",
    ]


def test_duplicate_id_names_both_places(load_problems):
    source = """\
        rules:
          - id: grenzen
            check: Grenzen besprochen
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:2: [grenzen] Die Id 'grenzen' gibt es schon: Regel in fragen.yaml:4 – Ids "
        "müssen über alle Dateien eindeutig sein; benenne eine der beiden um."
    ]


def test_duplicate_outcome_id_within_a_quiz(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [grenzen, wert]
            outcomes:
              - id: gut
                title: Gut
                points: 3-4
                text: Passt.
              - id: gut
                title: Mau
                points: 0-2
                text: Passt nicht.
        """
    assert load_problems(with_questions(source))[0] == (
        "regeln.yaml:11: [mini] Das Ergebnis 'gut' gibt es in diesem Quiz schon (Zeile 7) – "
        "gib einem der beiden eine andere Id."
    )


def test_dangling_references_suggest_the_closest_id(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            checklist: mini-list
            rules: [grenzn, wert]
            outcomes:
              - id: gut
                title: Gut
                points: 3-4
                text: Passt.
              - id: mau
                title: Mau
                points: 0-2
                text: Passt nicht.
        checklists:
          - id: mini-liste
            title: Mini
            quiz: kundenfit
            groups:
              - title: Zuerst
                rules: [erreichbar, wertschätzung]
        rules:
          - id: werte
            topic: respect
            check: Werte abgeglichen
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:5: [mini] Checkliste 'mini-list' gibt es nicht – meintest du 'mini-liste'? "
        "Prüfe die Schreibweise oder lege die Checkliste an.",
        "regeln.yaml:6: [mini] Regel 'grenzn' gibt es nicht – meintest du 'grenzen'? Prüfe die "
        "Schreibweise oder lege die Regel an.",
        "regeln.yaml:19: [mini-liste] Quiz 'kundenfit' gibt es nicht. Prüfe die Schreibweise "
        "oder lege das Quiz an.",
        "regeln.yaml:22: [mini-liste] 'rules' braucht eine Id aus Kleinbuchstaben, Ziffern und "
        "Bindestrichen (ohne Umlaute und Leerzeichen, z. B. 'wertschaetzung'), hier steht der "
        "Text 'wertschätzung'.",
        "regeln.yaml:25: [werte] Thema 'respect' gibt es nicht – meintest du 'respekt'? Prüfe "
        "die Schreibweise oder lege das Thema an.",
    ]


def test_cap_and_profile_must_name_an_outcome_of_the_quiz(load_problems):
    source = """\
        rules:
          - id: puenktlich
            question: Zahlt die Person pünktlich?
            answers:
              - text: Ja
                points: 2
              - text: Nein
                points: 0
                cap: maau
          - id: termine
            question: Wie laufen eure Termine?
            answers:
              - text: Verliebt
                profile: verliebt
              - text: Angekommen
                profile: zu-hause
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [puenktlich, wert]
            outcomes:
              - id: gut
                title: Gut
                points: 3-4
                text: Passt.
              - id: mau
                title: Mau
                points: 0-2
                text: Passt nicht.
          - id: phase
            kind: profile
            title: Phase
            rules: [termine]
            outcomes:
              - id: verliebt
                title: Verliebt
                text: Alles neu.
              - id: zuhause
                title: Zuhause
                text: Angekommen.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:9: [puenktlich] 'cap: maau' nennt kein Ergebnis des Quiz 'mini' "
        "(regeln.yaml:18) – meintest du 'mau'? Möglich sind: gut, mau.",
        "regeln.yaml:16: [termine] 'profile: zu-hause' nennt kein Ergebnis des Quiz 'phase' "
        "(regeln.yaml:31) – meintest du 'zuhause'? Möglich sind: verliebt, zuhause.",
    ]


def test_quiz_rule_without_question(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [grenzen, erreichbar]
            outcomes:
              - id: gut
                title: Gut
                points: 2
                text: Passt.
              - id: mau
                title: Mau
                points: 0-1
                text: Passt nicht.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:5: [mini] Die Regel 'erreichbar' (fragen.yaml:23) hat keine Frage und kann "
        "nicht im Quiz stehen – ergänze dort 'question' und 'answers' oder nimm sie aus dem Quiz."
    ]


def test_checklist_rule_without_check(load_problems):
    source = """\
        checklists:
          - id: mini-liste
            title: Mini
            groups:
              - title: Zuerst
                rules:
                  - grenzen
                  - wert
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:8: [mini-liste] Die Regel 'wert' (fragen.yaml:16) hat kein 'check' und "
        "kann nicht auf der Checkliste stehen – ergänze dort 'check:' oder nimm sie aus der "
        "Checkliste."
    ]


def test_empty_quiz(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: []
            outcomes:
              - id: gut
                title: Gut
                points: 1-4
                text: Passt.
              - id: mau
                title: Mau
                points: 0
                text: Passt nicht.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:5: [mini] Das Quiz hat keine Regeln – trag unter 'rules' die Ids der "
        "Regeln ein, deren Fragen es stellen soll."
    ]


def test_empty_checklist_group(load_problems):
    source = """\
        checklists:
          - id: mini-liste
            title: Mini
            groups:
              - title: Zuerst
                rules: []
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:6: [mini-liste] Der Abschnitt hat keine Regeln – trag unter 'rules' "
        "Regel-Ids ein oder lösche den Abschnitt."
    ]


def test_band_gap_names_the_missing_points(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [grenzen, wert]
            outcomes:
              - id: gut
                title: Gut
                points: 4
                text: Passt.
              - id: mau
                title: Mau
                points: 0-2
                text: Passt nicht.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:9: [mini] Lücke: Für 3 Punkte gibt es kein Ergebnis (zwischen 'mau' bis 2 "
        "und 'gut' ab 4) – schließe die Lücke."
    ]


def test_band_overlap_names_the_shared_points(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [grenzen, wert]
            outcomes:
              - id: gut
                title: Gut
                points: 2-4
                text: Passt.
              - id: mau
                title: Mau
                points: 0-3
                text: Passt nicht.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:9: [mini] Überschneidung: 2–3 Punkte gehören zu 'mau' und zu 'gut' – jede "
        "Punktzahl darf nur zu einem Ergebnis gehören."
    ]


def test_bands_must_cover_exactly_the_possible_totals(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [grenzen, wert]
            outcomes:
              - id: gut
                title: Gut
                points: 3-10
                text: Passt.
              - id: mau
                title: Mau
                points: 1-2
                text: Passt nicht.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:9: [mini] Der Punktebereich von 'gut' reicht bis 10, aber mehr als 4 Punkte sind "
        "in diesem Quiz nicht möglich – lass es bei 4 enden.",
        "regeln.yaml:13: [mini] Lücke: Für 0 Punkte gibt es kein Ergebnis. Der niedrigste Bereich "
        "('mau') muss bei 0 beginnen, der kleinsten möglichen Punktzahl.",
    ]


def test_outcomes_must_go_from_best_to_worst(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [grenzen, wert]
            outcomes:
              - id: mau
                title: Mau
                points: 0-2
                text: Passt nicht.
              - id: gut
                title: Gut
                points: 3-4
                text: Passt.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:13: [mini] Die Ergebnisse stehen vom besten zum schlechtesten, aber 'gut' "
        "(3-4) hat mehr Punkte als 'mau' davor – tausche die Reihenfolge."
    ]


def test_unreachable_score_outcome(load_problems):
    # 'wert' gives 0 or 2 points, so a quiz asking only 'wert' never totals 1.
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [wert]
            outcomes:
              - id: gut
                title: Gut
                points: 2
                text: Passt.
              - id: geht-so
                title: Geht so
                points: 1
                text: Naja.
              - id: mau
                title: Mau
                points: 0
                text: Passt nicht.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:13: [mini] Das Ergebnis 'geht-so' ist nie erreichbar: Keine Kombination "
        "von Antworten ergibt 1 Punkt, und kein 'cap' verweist darauf. Passe die Punktebereiche "
        "oder die Punkte an."
    ]


def test_outcome_reached_only_through_a_cap_is_reachable(load_ok):
    source = """\
        rules:
          - id: puenktlich
            question: Zahlt die Person pünktlich?
            answers:
              - text: Ja
                points: 2
              - text: Nie
                points: 0
                cap: geht-so
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [puenktlich]
            outcomes:
              - id: gut
                title: Gut
                points: 2
                text: Passt.
              - id: geht-so
                title: Geht so
                points: 1
                text: Naja.
              - id: mau
                title: Mau
                points: 0
                text: Passt nicht.
        """
    assert load_ok(source).quizzes["mini"].outcomes[1].id == "geht-so"


def test_unreachable_profile_outcome(load_problems):
    source = """\
        quizzes:
          - id: phase
            kind: profile
            title: Phase
            rules: [stimmung, kritik]
            outcomes:
              - id: verliebt
                title: Verliebt
                text: Alles neu.
              - id: streit
                title: Streit
                text: Es knirscht.
              - id: zuhause
                title: Zuhause
                text: Angekommen.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:10: [phase] Das Ergebnis 'streit' ist nie erreichbar: Keine Antwort zählt "
        "dafür – gib mindestens einer Antwort 'profile: streit'."
    ]


def test_answers_must_fit_the_kind_of_quiz(load_problems):
    source = """\
        rules:
          - id: puenktlich
            question: Zahlt die Person pünktlich?
            answers:
              - text: Ja
                points: 2
              - text: Nie
                points: 0
                cap: gut
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [puenktlich, stimmung]
            outcomes:
              - id: gut
                title: Gut
                points: 2-4
                text: Passt.
              - id: mau
                title: Mau
                points: 0-1
                text: Passt nicht.
          - id: phase
            kind: profile
            title: Phase
            rules: [grenzen]
            outcomes:
              - id: verliebt
                title: Verliebt
                text: Alles neu.
              - id: zuhause
                title: Zuhause
                text: Angekommen.
        """
    assert load_problems(with_questions(source)) == [
        "regeln.yaml:9: [puenktlich] 'cap: gut' bewirkt nichts, weil 'gut' schon das beste "
        "Ergebnis des Quiz 'mini' (regeln.yaml:11) ist – nenne ein schlechteres Ergebnis oder "
        "lösche 'cap'.",
        "regeln.yaml:14: [mini] Die Regel 'stimmung' (fragen.yaml:25) zählt mit 'profile' für "
        "Ergebnisse und passt nicht in ein Score-Quiz – nimm sie aus dem Quiz oder gib ihren "
        "Antworten 'points' statt 'profile'.",
        "regeln.yaml:27: [phase] Die Regel 'grenzen' (fragen.yaml:4) hat Antworten ohne "
        "'profile' und passt nicht in ein Profil-Quiz – nimm sie aus dem Quiz oder gib jeder "
        "Antwort 'profile:' mit einer Ergebnis-Id.",
    ]
