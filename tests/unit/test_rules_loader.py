"""YAML-level problems: what a coach sees for syntax slips and for unsafe YAML features.

Each test shows a small rule file and the exact lines the build prints for it.
"""

from __future__ import annotations


def test_colon_in_unquoted_text_explains_quoting(load_problems):
    source = """\
        checklists:
          - id: vor-dem-auftrag
            title: Vor dem Auftrag: Erwartungen klären
        """
    assert load_problems(source) == [
        "regeln.yaml:3: YAML kann diese Zeile nicht lesen: Ein Doppelpunkt mitten im Text "
        "verwirrt YAML. Setze den ganzen Text in Anführungszeichen, z. B. title: "
        '"Vor dem Auftrag: Erwartungen klären". '
        "Zeile: „title: Vor dem Auftrag: Erwartungen klären“"
    ]


def test_tab_for_indentation_is_named(load_problems):
    source = "rules:\n  - id: grenzen\n\tcheck: Erreichbarkeit vereinbart\n"
    assert load_problems(source) == [
        "regeln.yaml:3: YAML kann diese Zeile nicht lesen: Hier steht ein Tabulator. Rücke in "
        "YAML nur mit Leerzeichen ein. Zeile: „→check: Erreichbarkeit vereinbart“"
    ]


def test_uneven_indentation_is_explained(load_problems):
    source = """\
        rules:
          - id: grenzen
            check: Erreichbarkeit vereinbart
           sources: [nein-als-segen]
        """
    assert load_problems(source) == [
        "regeln.yaml:4: YAML kann diese Zeile nicht lesen: Die Einrückung passt nicht: "
        "Einträge auf derselben Ebene müssen genau gleich weit eingerückt sein, und ein "
        "Listeneintrag beginnt mit '- '. Zeile: „sources: [nein-als-segen]“"
    ]


def test_unclosed_quote_points_at_the_opening_line(load_problems):
    source = """\
        rules:
          - id: grenzen
            check: "Erreichbarkeit vereinbart
          - id: werte
            check: Werte abgeglichen
        """
    assert load_problems(source) == [
        "regeln.yaml:3: YAML kann diese Zeile nicht lesen: Ein Anführungszeichen oder eine "
        'Klammer wird nicht wieder geschlossen. Zeile: „check: "Erreichbarkeit vereinbart“'
    ]


def test_anchor_is_rejected(load_problems):
    source = """\
        rules:
          - id: grenzen
            check: &zeile Erreichbarkeit vereinbart
        """
    assert load_problems(source) == [
        "regeln.yaml:3: Anker mit '&zeile' sind in Regeldateien nicht erlaubt – entferne den "
        "Anker und schreib wiederholte Inhalte aus."
    ]


def test_alias_bomb_is_rejected_before_expanding(load_problems):
    # The "billion laughs" shape: each level would multiply the one before.
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}] " for i in range(8)]
    assert load_problems("\n".join(lines) + "\n") == [
        "regeln.yaml:1: Anker mit '&a' sind in Regeldateien nicht erlaubt – entferne den "
        "Anker und schreib wiederholte Inhalte aus."
    ]


def test_alias_without_anchor_is_rejected(load_problems):
    source = """\
        rules:
          - id: grenzen
            check: *zeile
        """
    assert load_problems(source) == [
        "regeln.yaml:3: Verweise mit '*zeile' sind in Regeldateien nicht erlaubt – schreib den "
        "Inhalt an dieser Stelle aus."
    ]


def test_python_tag_is_refused_and_nothing_runs(load_problems, tmp_path):
    marker = tmp_path / "ausgefuehrt"
    source = f"""\
        rules:
          - id: grenzen
            check: !!python/object/apply:os.system ["touch {marker}"]
        """
    assert load_problems(source) == [
        "regeln.yaml:3: Der Tag '!!python/object/apply:os.system' ist nicht erlaubt – "
        "Regeldateien enthalten nur Text, Zahlen, Listen und Zuordnungen. Entferne den Tag."
    ]
    assert not marker.exists()


def test_custom_tag_is_refused(load_problems):
    source = """\
        rules:
          - id: grenzen
            check: !wichtig Erreichbarkeit vereinbart
        """
    assert load_problems(source) == [
        "regeln.yaml:3: Der Tag '!wichtig' ist nicht erlaubt – Regeldateien enthalten nur "
        "Text, Zahlen, Listen und Zuordnungen. Entferne den Tag."
    ]


def test_key_written_twice_names_both_lines(load_problems):
    source = """\
        rules:
          - id: grenzen
            check: Erreichbarkeit vereinbart
            check: Antwortzeiten vereinbart
        """
    assert load_problems(source) == [
        "regeln.yaml:4: Der Schlüssel 'check' steht hier zum zweiten Mal (zuerst in Zeile 3) – "
        "lösche einen der beiden."
    ]


def test_file_not_in_utf8_names_the_line(load_problems, tmp_path):
    (tmp_path / "regeln.yaml").write_bytes(
        "rules:\n  - id: grenzen\n    check: Gr\xf6\xdfe\n".encode("latin-1")
    )
    # An empty second file is a problem of its own and must not hide the first file's.
    assert load_problems({"zweite.yaml": ""}) == [
        "regeln.yaml:3: Die Datei ist nicht in UTF-8 gespeichert – speichere sie im Editor als UTF-8.",
        "zweite.yaml:1: Die Datei ist leer – schreib Regeln hinein (siehe docs/rule-format.md) "
        "oder lösche sie.",
    ]


def test_yes_no_words_stay_text(load_ok):
    """YAML 1.1 would turn "Nein" into false; the coach means the word."""
    source = """\
        rules:
          - id: grenzen
            question: Hält die Person Absprachen ein?
            answers:
              - text: Ja
                points: 1
              - text: Nein
                points: 0
        """
    rule = load_ok(source).rules["grenzen"]
    assert [answer.text for answer in rule.answers] == ["Ja", "Nein"]
