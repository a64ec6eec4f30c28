"""Hostile and odd rule folders: bounded work, one clear line, and files skipped with a note.

The build-level behaviour is in tests/bad_input/cases/rule-*.yaml; here are the edges the
corpus cannot show (exact limits, timing, both parsers, files the corpus cannot write).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from pelican.plugins.kundenfit.errors import RuleFileErrors
from pelican.plugins.kundenfit.quiz.scoring import profile_can_win, reachable_totals
from pelican.plugins.kundenfit.rules import load_rulebook, loader
from pelican.plugins.kundenfit.rules.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_TOTALS

VALID = "rules:\n  - id: grenzen\n    check: Erreichbarkeit vereinbart\n"


def nested(depth: int) -> str:
    """A file whose deepest value sits `depth` levels down (the mapping counts as one)."""
    return "rules: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"


def both_parsers(text: str, monkeypatch) -> list[list[str]]:
    """The problems from libyaml's parser and from the pure-Python one."""
    results = [[str(p) for p in loader.parse_yaml(text, "regeln.yaml")[1]]]
    monkeypatch.setattr(loader, "_FastNodeLoader", None)
    results.append([str(p) for p in loader.parse_yaml(text, "regeln.yaml")[1]])
    return results


def test_nesting_up_to_the_limit_is_read_one_more_level_is_refused(monkeypatch):
    assert both_parsers(nested(MAX_DEPTH), monkeypatch) == [[], []]
    monkeypatch.undo()
    message = (
        f"regeln.yaml:1: Hier ist die Datei tiefer als {MAX_DEPTH} Ebenen verschachtelt; "
        "Regeldateien brauchen höchstens 7 – prüfe Einrückung und Klammern ([ ] und { })."
    )
    assert both_parsers(nested(MAX_DEPTH + 1), monkeypatch) == [[message], [message]]


def test_nesting_far_beyond_the_recursion_limit_is_refused(monkeypatch):
    fast, slow = both_parsers(nested(100_000), monkeypatch)
    assert fast == slow and "tiefer als 20 Ebenen" in fast[0]


@pytest.mark.parametrize(
    ("character", "name"),
    [
        ("\x00", "U+0000 (Nullzeichen)"),
        ("\x0c", "U+000C (Seitenumbruch)"),
        ("\x07", "U+0007 (Steuerzeichen)"),
    ],
)
def test_control_characters_are_named_with_line_and_column(character, name, monkeypatch):
    text = f"rules:\n  - id: grenzen\n    check: Erreich{character}bar\n"
    message = (
        f"regeln.yaml:3: Unsichtbares Zeichen {name} in Spalte 19 – YAML erlaubt es nicht. "
        "Lösche es (es kommt oft beim Kopieren aus PDF oder Word mit) und speichere die Datei neu."
    )
    assert both_parsers(text, monkeypatch) == [[message], [message]]


def test_tabs_line_breaks_and_a_byte_order_mark_are_not_control_characters(load_ok):
    book = load_ok('\ufeffrules:\r\n  - id: grenzen\r\n    check: "Erreichbar\tvereinbart"\r\n')
    assert book.rules["grenzen"].check == "Erreichbar\tvereinbart"


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("regeln.yaml").write_text(VALID + "#" * MAX_FILE_BYTES, encoding="utf-8")
    with pytest.raises(RuleFileErrors) as caught:
        load_rulebook(Path("."))
    assert [str(p) for p in caught.value.problems] == [
        "regeln.yaml:1: Die Datei ist 251 KB groß; eine Regeldatei darf höchstens 250 KB groß sein "
        "– prüfe, ob versehentlich etwas anderes hineinkopiert wurde, oder verteile die Regeln auf "
        "mehrere Dateien."
    ]


def test_a_file_at_the_size_limit_is_read(load_ok):
    book = load_ok(VALID + "#" * (MAX_FILE_BYTES - len(VALID) - 1) + "\n")
    assert list(book.rules) == ["grenzen"]


def test_numbers_longer_than_nine_digits_are_text(load_problems):
    problems = load_problems(
        "rules:\n  - id: neu\n    question: Frage?\n    answers:\n"
        "      - text: Ja\n        points: 1234567890\n      - text: Nein\n        points: 0\n"
    )
    assert problems == [
        "regeln.yaml:6: [neu] 'points' muss eine ganze Zahl ab 0 (z. B. points: 2) sein, "
        "hier steht der Text '1234567890'."
    ]


def question(rule_id: str, points: list[int], profiles: list[str] | None = None) -> str:
    answers = "".join(
        f"      - text: Antwort {n}\n        "
        + (f"profile: {profiles[n]}\n" if profiles else f"points: {value}\n")
        for n, value in enumerate(points)
    )
    return f"  - id: {rule_id}\n    question: Frage {rule_id}?\n    answers:\n{answers}"


def test_reachable_totals_stop_counting_past_the_limit(load_ok):
    book = load_ok("rules:\n" + "".join(question(f"f{i}", [0, 2**i]) for i in range(14)))
    rules = list(book.rules.values())
    assert len(reachable_totals(rules)) == 2**14
    assert reachable_totals(rules, limit=MAX_TOTALS) is None
    assert reachable_totals(rules[:13], limit=MAX_TOTALS) == frozenset(range(2**13))


def test_a_quiz_with_too_many_totals_is_refused(load_problems):
    rules = "".join(question(f"f{i}", [0, 2**i]) for i in range(28))
    quiz = (
        "quizzes:\n  - id: riesig\n    kind: score\n    title: Riesig\n"
        f"    rules: [{', '.join(f'f{i}' for i in range(28))}]\n    outcomes:\n"
        f"      - {{id: viel, title: Viel, points: 1-{2**28 - 1}, text: Viel.}}\n"
        "      - {id: nichts, title: Nichts, points: 0-0, text: Nichts.}\n"
    )
    problems = load_problems("rules:\n" + rules + quiz)
    assert problems == [
        f"regeln.yaml:{rules.count(chr(10)) + 3}: [riesig] Die Punkte dieses Quiz ergeben mehr als "
        "10.000 verschiedene Summen – so viele kann die Prüfung nicht durchgehen. Nimm kleine Punkte "
        "(z. B. 0 bis 3 je Antwort) und passe die Punktebereiche an."
    ]


def test_a_profile_outcome_that_at_best_ties_with_one_listed_above_never_wins(load_ok):
    profiles = ["a", "b"]
    rules = "".join(question(f"f{i}", [1, 1], profiles) for i in range(3))
    rules += question("f9", [1, 1, 1], ["a", "b", "c"])
    book = load_ok("rules:\n" + rules)
    everything = list(book.rules.values())
    order = ["a", "b", "c"]
    # c gets 1 point at most; f0..f2 give 3 points to a and b, so one of them has 2.
    assert not profile_can_win(everything, order, "c", limit=1000)
    assert not profile_can_win(everything, order, "c", limit=1000, may_tie=("a", "b"))
    # Without f2: a 1, b 1, c 1 is its best, a tie, and a tie goes to a (listed first).
    fewer = [r for r in everything if r.id != "f2"]
    assert not profile_can_win(fewer, order, "c", limit=1000)
    assert profile_can_win(fewer, order, "c", limit=1000, may_tie=("a", "b"))
    # Listed first, c wins that tie; a and b still win when f9 goes to them.
    assert all(profile_can_win(fewer, ["c", "a", "b"], target, limit=1000) for target in "cab")
    # Past the limit the answer is "yes": never a false alarm.
    assert profile_can_win(everything, order, "c", limit=3, may_tie=("a", "b"))


PROFILE_QUIZ = (
    "quizzes:\n  - id: stil\n    kind: profile\n    title: Stil\n    rules: [{rules}]\n"
    "    outcomes:\n{outcomes}"
)


def profile_quiz(rules: list[str], outcomes: list[str]) -> str:
    listed = "".join(f"      - {{id: {o}, title: {o.title()}, text: {o.title()}.}}\n" for o in outcomes)
    return PROFILE_QUIZ.format(rules=", ".join(rules), outcomes=listed)


def test_an_outcome_that_only_ties_with_the_one_above_stops_the_build(load_problems, load_ok):
    # 'immer' always counts for schnell, so team (1 point at most) can only tie with it.
    rules = question("immer", [1, 1], ["schnell", "schnell"]) + question("wahl", [1, 1], ["schnell", "team"])
    source = "rules:\n" + rules + profile_quiz(["immer", "wahl"], ["schnell", "team"])
    assert load_problems(source) == [
        f"regeln.yaml:{source.count(chr(10))}: [stil] Das Ergebnis 'team' gewinnt nie: Mit "
        "höchstens 1 Punkt liegt es bestenfalls gleichauf mit 'schnell', und bei Gleichstand "
        "gewinnt das Ergebnis, das weiter oben steht – gib mehr Antworten 'profile: team' oder "
        "stell es über 'schnell'."
    ]
    # Listed first it wins the tie, and schnell still wins with 'wahl' answered for it.
    book = load_ok({"regeln.yaml": "rules:\n" + rules + profile_quiz(["immer", "wahl"], ["team", "schnell"])})
    assert [o.id for o in book.quizzes["stil"].outcomes] == ["team", "schnell"]


def test_an_outcome_that_only_ties_with_several_above_at_once_names_them_all(load_problems):
    rules = "".join(question(f"f{i}", [1, 1], ["a", "b"]) for i in range(2))
    rules += question("f9", [1, 1, 1], ["a", "b", "c"])
    source = "rules:\n" + rules + profile_quiz(["f0", "f1", "f9"], ["a", "b", "c"])
    assert load_problems(source) == [
        f"regeln.yaml:{source.count(chr(10))}: [stil] Das Ergebnis 'c' gewinnt nie: Mit höchstens "
        "1 Punkt liegt es bestenfalls gleichauf mit 'a' und 'b', und bei Gleichstand gewinnt das "
        "Ergebnis, das weiter oben steht – gib mehr Antworten 'profile: c' oder stell es weiter "
        "nach oben."
    ]


def test_two_answers_differing_only_in_case_and_spaces_are_the_same(load_problems):
    problems = load_problems(
        "rules:\n  - id: neu\n    question: Frage?\n    answers:\n"
        '      - text: Ja, gern.\n        points: 1\n      - text: " ja,  GERN. "\n        points: 0\n'
    )
    assert problems == [
        "regeln.yaml:7: [neu] Die Antwort „ja,  GERN.“ steht schon in Zeile 5 – gleiche Antworten "
        "kann niemand unterscheiden. Ändere oder lösche eine."
    ]


def notes(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_leftover_and_odd_files_are_skipped_with_one_note_each(tmp_path, monkeypatch, caplog):
    monkeypatch.chdir(tmp_path)
    Path("regeln.yaml").write_text(VALID, encoding="utf-8")
    os.symlink("anna@laptop.4711:1700000000", ".#regeln.yaml")  # Emacs: a dangling link
    os.symlink("fehlt.yaml", "verweis.yaml")
    os.mkfifo("pipe.yaml")
    for name in ("regeln.yaml~", "#regeln.yaml#", ".regeln.yaml.swp", "._regeln.yaml", "alt.yml"):
        Path(name).write_bytes(b"\x00kaputt: [")
    Path("notizen.txt").write_text("Ideen", encoding="utf-8")
    Path("archiv/2024").mkdir(parents=True)
    Path("archiv/2024/alt.yaml").write_text(VALID, encoding="utf-8")
    Path("archiv/liesmich.txt").write_text("x", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        book = load_rulebook(Path("."))
    assert list(book.rules) == ["grenzen"]
    assert notes(caplog) == [
        "#regeln.yaml#: übersprungen – die Sicherungsdatei eines Editors, keine Regeldatei.",
        ".#regeln.yaml: übersprungen – die Sperrdatei eines Editors, keine Regeldatei.",
        "._regeln.yaml: übersprungen – eine Zusatzdatei von macOS, keine Regeldatei.",
        ".regeln.yaml.swp: übersprungen – die Auslagerungsdatei von Vim, keine Regeldatei.",
        "alt.yml: wird nicht gelesen – Regeldateien enden auf '.yaml'. Benenne sie in 'alt.yaml' "
        "um, wenn sie gelten soll.",
        "archiv/2024/alt.yaml: wird nicht gelesen – Regeldateien in Unterordnern zählen nicht. "
        "Verschiebe sie direkt nach ./, wenn sie gelten soll.",
        "pipe.yaml: übersprungen – das ist keine gewöhnliche Datei (z. B. eine benannte Pipe); "
        "lege die Regeln in eine normale Textdatei.",
        "regeln.yaml~: übersprungen – die Sicherungskopie eines Editors, keine Regeldatei.",
        "verweis.yaml: übersprungen – die Verknüpfung zeigt auf eine Datei, die es nicht gibt.",
    ]


def test_an_empty_folder_gives_a_note_and_an_empty_book(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        book = load_rulebook(tmp_path)
    assert book.rules == {} and book.quizzes == {}
    assert notes(caplog) == [
        f"{tmp_path}: keine Regeldateien (*.yaml) – die Seite bekommt keine Quizze und Checklisten."
    ]


def test_a_pipe_swapped_in_after_listing_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    value, problems = loader.load_yaml(tmp_path / "pipe.yaml", "pipe.yaml")
    assert value is None
    assert [str(p) for p in problems] == [
        "pipe.yaml:1: Die Datei lässt sich nicht lesen (keine gewöhnliche Datei) – prüfe Pfad und Rechte."
    ]
