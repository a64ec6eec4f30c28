"""The command line scorer, run the way a person runs it: as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
RULE_FILE = REPO_ROOT / "content" / "rules" / "kundenfit.yaml"


KUNDENFIT = Path(sys.executable).with_name("kundenfit")  # the console script pip installed


def run_cli(*args: str, cwd: Path = REPO_ROOT, command: str = "score") -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(KUNDENFIT), command, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_bad_rule_file_prints_file_and_line_and_exits_2(tmp_path):
    (tmp_path / "regeln.yaml").write_text(
        textwrap.dedent(
            """\
            rules:
              - id: grenzen
                check: Erreichbarkeit vereinbart
                chek: doppelt
            quizzes:
              - id: mini
                kind: score
                title: Mini
                rules: [grenzn]
                outcomes:
                  - id: gut
                    title: Gut
                    points: 1
                    text: Passt.
                  - id: mau
                    title: Mau
                    points: 0
                    text: Passt nicht.
            """
        ),
        encoding="utf-8",
    )
    result = run_cli("regeln.yaml", "mini", "0", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "regeln.yaml:4: [grenzen] Unbekannter Schlüssel 'chek' – meintest du 'check'? "
        "Erlaubt sind hier: id, topic, sources, question, answers, advice, check.",
        "regeln.yaml:9: [mini] Regel 'grenzn' gibt es nicht – meintest du 'grenzen'? Prüfe die "
        "Schreibweise oder lege die Regel an.",
    ]


def test_yaml_syntax_error_has_no_traceback(tmp_path):
    (tmp_path / "kaputt.yaml").write_text("rules:\n  - id: a\n\tcheck: b\n", encoding="utf-8")
    result = run_cli(str(tmp_path), "mini", "0")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{tmp_path / 'kaputt.yaml'}:3: YAML kann diese Zeile")


def test_scores_the_real_quiz_as_text():
    result = run_cli(str(RULE_FILE), "kundenfit", *["0"] * 15)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "Ergebnis: Traumkunde (traumkunde)",
        "Punkte: 30/30",
        "Teilwertungen:",
    ]


def test_open_answers_are_counted_and_scaled():
    result = run_cli("content/rules", "kundenfit", "3", *["0"] * 14)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "Ergebnis: Traumkunde (traumkunde)",
        "Punkte: 28/28",
        "Offen: 1 von 15 Fragen",
    ]


def test_knock_out_shows_cap_and_advice():
    result = run_cli("content/rules", "kundenfit", "2", *["0"] * 14)
    assert result.returncode == 0, result.stderr
    assert "Ergebnis: Mit klaren Regeln machbar (machbar)" in result.stdout
    assert "Begrenzt durch: grenzen" in result.stdout
    assert "  - grenzen: Sag von Anfang an, wann du erreichbar bist" in result.stdout


def test_a_tie_names_both_phases():
    result = run_cli("content/rules", "beziehungsphase", "1", "2", "1", "2", "1", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Ergebnis: zwischen Phase 2: Die rosarote Brille fällt und Phase 3: Gegensätze prallen aufeinander"
    )


def test_json_output_is_the_result():
    result = run_cli("content/rules", "beziehungsphase", "0", "0", "0", "1", "1", "1", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "outcome": "verliebt",
        "total": 3,
        "max_total": 6,
        "subscores": {},
        "capped_by": [],
        "weak": [],
        "open": 0,
        "tied": ["verliebt", "ernuechterung"],
        "warnings": [],
        "provisional": False,
    }


def test_wrong_number_of_answers_is_one_line():
    result = run_cli("content/rules", "kontakt", "0", "1")
    assert result.returncode == 2
    assert result.stderr == "Fehler: Das Quiz 'kontakt' hat 6 Fragen, übergeben wurden 2 Antworten.\n"


def test_unknown_quiz_suggests_the_closest():
    result = run_cli("content/rules", "kundenfitt", "0")
    assert result.returncode == 2
    assert result.stderr == (
        "Quiz 'kundenfitt' gibt es nicht – meintest du 'kundenfit'? "
        "Vorhanden: beziehungsphase, kontakt, kundenfit.\n"
    )


def test_without_answers_lists_the_questions():
    result = run_cli("content/rules", "kontakt")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Bleibst du in Kontakt? (kontakt, 6 Fragen)"
    assert lines[1].startswith("1. [kontakt-regelmaessig] ")
    assert lines[2].startswith("   0: ")


def test_check_validates_without_building():
    result = run_cli("content/rules", command="check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("content/rules: in Ordnung – ")


def test_check_reports_each_problem_with_file_and_line(tmp_path):
    (tmp_path / "regeln.yaml").write_text("rules:\n  - id: a\n    chek: b\n", encoding="utf-8")
    result = run_cli(str(tmp_path), command="check")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{tmp_path / 'regeln.yaml'}:3: [a] Unbekannter Schlüssel 'chek'")
