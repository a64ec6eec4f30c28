"""Shape problems inside one rule file: keys, types, ids, bands.

Each test shows a small rule file and the exact lines the build prints for it:
``file:line: [id of the definition] what is wrong – what to do``.
"""

from __future__ import annotations


def test_unknown_key_suggests_the_closest_key(load_problems):
    source = """\
        rules:
          - id: grenzen
            qestion: Respektiert die Person deine Grenzen?
            answers:
              - text: Ja
                points: 1
              - text: Nein
                points: 0
        """
    # Only one line: the missing 'question' is what the misspelled key meant.
    assert load_problems(source) == [
        "regeln.yaml:3: [grenzen] Unbekannter Schlüssel 'qestion' – meintest du 'question'? "
        "Erlaubt sind hier: id, topic, sources, question, answers, advice, check."
    ]


def test_german_key_is_translated(load_problems):
    source = """\
        rules:
          - id: grenzen
            prüfpunkt: Erreichbarkeit vereinbart
        """
    assert load_problems(source) == [
        "regeln.yaml:3: [grenzen] Unbekannter Schlüssel 'prüfpunkt' – meintest du 'check'? "
        "Erlaubt sind hier: id, topic, sources, question, answers, advice, check."
    ]


def test_unknown_top_level_key(load_problems):
    source = """\
        regeln:
          - id: grenzen
            check: Erreichbarkeit vereinbart
        """
    assert load_problems(source) == [
        "regeln.yaml:1: Unbekannter Schlüssel 'regeln' – meintest du 'rules'? "
        "Erlaubt sind hier: topics, rules, quizzes, checklists."
    ]


def test_missing_key(load_problems):
    source = """\
        checklists:
          - id: vor-dem-auftrag
            groups:
              - title: Im Erstgespräch
                rules: [grenzen]
        rules:
          - id: grenzen
            check: Erreichbarkeit vereinbart
        """
    assert load_problems(source) == [
        "regeln.yaml:2: [vor-dem-auftrag] Hier fehlt 'title:' (die Überschrift der "
        "Checkliste) – ergänze die Zeile."
    ]


def test_points_must_be_a_whole_number(load_problems):
    source = """\
        rules:
          - id: grenzen
            question: Respektiert die Person deine Grenzen?
            answers:
              - text: Ja
                points: zwei
              - text: Nein
                points: 0
        """
    assert load_problems(source) == [
        "regeln.yaml:6: [grenzen] 'points' muss eine ganze Zahl ab 0 (z. B. points: 2) sein, "
        "hier steht der Text 'zwei'."
    ]


def test_answers_must_be_a_list(load_problems):
    source = """\
        rules:
          - id: grenzen
            question: Respektiert die Person deine Grenzen?
            answers: Ja oder nein
        """
    assert load_problems(source) == [
        "regeln.yaml:4: [grenzen] 'answers' muss eine Liste (die Antworten auf die Frage; jeder "
        "Eintrag beginnt mit '- ') sein, hier steht der Text 'Ja oder nein'."
    ]


def test_empty_text_is_a_problem(load_problems):
    source = """\
        rules:
          - id: grenzen
            check:
        """
    assert load_problems(source) == [
        "regeln.yaml:3: [grenzen] 'check' muss ein nicht leerer Text (die Zeile für die "
        "Checkliste) sein, hier steht nichts (der Wert ist leer)."
    ]


def test_id_with_capitals_and_umlauts_gets_a_suggestion(load_problems):
    source = """\
        rules:
          - id: Grenzen ernst nehmen, bitte!
            check: Erreichbarkeit vereinbart
          - id: Wertschätzung
            check: Wert besprochen
        """
    assert load_problems(source) == [
        "regeln.yaml:2: 'id' braucht eine Id aus Kleinbuchstaben, Ziffern und Bindestrichen "
        "(ohne Umlaute und Leerzeichen, z. B. 'grenzen-ernst-nehmen-bitte'), hier steht der "
        "Text 'Grenzen ernst nehmen, bitte!'.",
        "regeln.yaml:4: 'id' braucht eine Id aus Kleinbuchstaben, Ziffern und Bindestrichen "
        "(ohne Umlaute und Leerzeichen, z. B. 'wertschaetzung'), hier steht der Text "
        "'Wertschätzung'.",
    ]


def test_rule_needs_a_question_or_a_check(load_problems):
    source = """\
        rules:
          - id: grenzen
            sources: [nein-als-segen]
        """
    assert load_problems(source) == [
        "regeln.yaml:2: [grenzen] Die Regel hat weder eine Frage noch 'check' – ergänze "
        "'check:' (die Zeile für die Checkliste) oder 'question:' mit 'answers:'."
    ]


def test_question_without_answers(load_problems):
    source = """\
        rules:
          - id: grenzen
            question: Respektiert die Person deine Grenzen?
            check: Erreichbarkeit vereinbart
        """
    assert load_problems(source) == [
        "regeln.yaml:2: [grenzen] Die Regel hat 'question', aber kein 'answers' – eine Frage "
        "braucht Antworten und umgekehrt. Ergänze 'answers:'."
    ]


def test_answer_needs_points_or_profile(load_problems):
    source = """\
        rules:
          - id: grenzen
            question: Respektiert die Person deine Grenzen?
            answers:
              - text: Ja
                points: 1
              - text: Nein
        """
    assert load_problems(source) == [
        "regeln.yaml:7: [grenzen] Die Antwort braucht 'points:' (Punkte im Score-Quiz) oder "
        "'profile:' (Ergebnis im Profil-Quiz) – ergänze eines davon."
    ]


def test_answers_mix_profile_and_points(load_problems):
    source = """\
        rules:
          - id: phase-stimmung
            question: Wie ist die Stimmung?
            answers:
              - text: Euphorisch
                profile: verliebt
              - text: Nüchtern
                points: 1
        """
    assert load_problems(source) == [
        "regeln.yaml:4: [phase-stimmung] Entweder haben alle Antworten 'profile' "
        "(Profil-Quiz) oder keine (Score-Quiz) – ergänze oder entferne 'profile'."
    ]


def test_malformed_band(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: score
            title: Mini
            rules: [grenzen]
            outcomes:
              - id: gut
                title: Gut
                points: ab 2
                text: Passt.
              - id: mau
                title: Mau
                points: 2-0
                text: Passt nicht.
        rules:
          - id: grenzen
            question: Respektiert die Person deine Grenzen?
            answers:
              - text: Ja
                points: 2
              - text: Nein
                points: 0
        """
    assert load_problems(source) == [
        "regeln.yaml:9: [mini] 'points' eines Ergebnisses ist ein Punktebereich wie '16-20' "
        "(von-bis, ganze Zahlen ab 0), hier steht der Text 'ab 2'.",
        "regeln.yaml:13: [mini] Der Punktebereich '2-0' ist verdreht – schreib die kleinere "
        "Zahl zuerst: '0-2'.",
    ]


def test_profile_quiz_with_bands(load_problems):
    source = """\
        quizzes:
          - id: phase
            kind: profile
            title: Welche Phase?
            rules: [phase-stimmung]
            outcomes:
              - id: verliebt
                title: Verliebt
                points: 3-5
                text: Alles neu.
              - id: zuhause
                title: Zuhause
                text: Angekommen.
        rules:
          - id: phase-stimmung
            question: Wie ist die Stimmung?
            answers:
              - text: Euphorisch
                profile: verliebt
              - text: Vertraut
                profile: zuhause
        """
    assert load_problems(source) == [
        "regeln.yaml:9: [phase] Im Profil-Quiz haben Ergebnisse keinen Punktebereich – es "
        "gewinnt das Ergebnis mit den meisten Antworten. Lösche 'points' oder nimm "
        "'kind: score'."
    ]


def test_unknown_quiz_kind(load_problems):
    source = """\
        quizzes:
          - id: mini
            kind: scores
            title: Mini
            rules: [grenzen]
            outcomes:
              - id: gut
                title: Gut
                text: Passt.
              - id: mau
                title: Mau
                text: Passt nicht.
        """
    assert load_problems(source)[0] == (
        "regeln.yaml:3: [mini] 'kind: scores' gibt es nicht – meintest du 'score'? Möglich "
        "sind 'score' (Punkte und Punktebereiche) und 'profile' (Antworten zählen für ein Ergebnis)."
    )


def test_checklist_longer_than_a_page(load_problems):
    rules = "".join(f"  - id: punkt-{n}\n    check: Punkt {n}\n" for n in range(13))
    ids = ", ".join(f"punkt-{n}" for n in range(13))
    source = f"rules:\n{rules}checklists:\n  - id: lang\n    title: Lang\n    groups:\n"
    source += f"      - title: Alles\n        rules: [{ids}]\n"
    assert load_problems(source) == [
        "regeln.yaml:31: [lang] Die Checkliste hat 13 Punkte; mehr als 12 passen nicht auf eine "
        "A4-Seite – teile sie auf oder streiche Punkte."
    ]


def test_several_problems_in_one_file_are_all_reported(load_problems):
    source = """\
        topics:
          respekt: Respekt
        rules:
          - id: grenzen
            topic: respekt
            question: Respektiert die Person deine Grenzen?
            answers:
              - text: Ja
                points: viel
              - text: Nein
                punkte: 0
          - id: werte
            chek: Werte abgeglichen
        """
    assert load_problems(source) == [
        "regeln.yaml:9: [grenzen] 'points' muss eine ganze Zahl ab 0 (z. B. points: 2) sein, "
        "hier steht der Text 'viel'.",
        "regeln.yaml:11: [grenzen] Unbekannter Schlüssel 'punkte' – meintest du 'points'? "
        "Erlaubt sind hier: text, points, profile, cap, advice, open, warning.",
        "regeln.yaml:13: [werte] Unbekannter Schlüssel 'chek' – meintest du 'check'? "
        "Erlaubt sind hier: id, topic, sources, question, answers, advice, check.",
    ]
