"""The sample site builds to exactly its recorded output, file by file, compared as Pelican
compares its own functional tests' output: pages (HTML, XML, from Pelican's `simple` theme, not
ours) with white space ignored, everything the plugin writes by itself (runtime, manifest, host
files, oEmbed JSON) byte for byte. After an intended change: `make sample-site`, then review the
diff."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from tests.support.sample_site import EXPECTED, build, recorded_files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    output = tmp_path_factory.mktemp("sample") / "output"
    result = build(output)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return output


def test_writes_exactly_the_recorded_files(built):
    assert sorted(recorded_files(built)) == sorted(recorded_files(EXPECTED)), "run make sample-site"


THEMED = {".html", ".xml"}


def comparable(path: Path) -> bytes:
    """What must match: a themed page with every run of white space as one space (`git diff -w`
    in Pelican's tests), any other file as it is."""
    data = path.read_bytes()
    return re.sub(rb"\s+", b" ", data).strip() if path.suffix in THEMED else data


def test_every_file_matches_its_recording(built):
    expected = recorded_files(EXPECTED)
    for relative, path in recorded_files(built).items():
        if relative not in expected:
            continue  # reported by the test above
        if comparable(path) == comparable(expected[relative]):
            continue
        diff = difflib.unified_diff(
            expected[relative].read_text("utf-8", "replace").splitlines(),
            path.read_text("utf-8", "replace").splitlines(),
            f"recorded/{relative}",
            f"built/{relative}",
            lineterm="",
            n=2,
        )
        shown = "\n".join(list(diff)[:60])
        pytest.fail(f"{relative} differs (run make sample-site if intended):\n{shown}")


def test_one_runtime_and_one_manifest_for_both_languages(built):
    (runtime,) = (built / "kundenfit").glob("kundenfit.*.js")
    assert not (built / "en" / "kundenfit").exists()
    assert not (built / "en" / "manifest.json").exists()
    manifest = (built / "manifest.json").read_text(encoding="utf-8")
    assert manifest.count('"lang": "en"') == manifest.count('"lang": "de"') == 3
    english_quiz = (built / "en" / "quiz" / "demo" / "index.html").read_text(encoding="utf-8")
    assert f'src="https://beispiel.test/kundenfit/{runtime.name}"' in english_quiz


def test_english_pages_show_the_plugins_own_translations(built):
    english_quiz = (built / "en" / "quiz" / "demo" / "index.html").read_text(encoding="utf-8")
    assert "Start again" in english_quiz and "Neu starten" not in english_quiz
    assert "Does the person listen to you?" in english_quiz


LEAD_FORM = 'KUNDENFIT_LEAD_FORM={"preset": "kit", "action": "https://provider.example/s"}'


def test_a_lead_form_without_a_privacy_page_stops_the_build_with_the_settings_names(tmp_path):
    result = build(tmp_path / "output", "-e", LEAD_FORM)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "pelican.conf.py: KUNDENFIT_LEAD_FORM braucht KUNDENFIT_PRIVACY_URL" in result.stderr


def test_the_old_newsletter_setting_is_one_line_naming_its_successor(tmp_path):
    result = build(tmp_path / "output", "-e", 'KUNDENFIT_NEWSLETTER={"action": "https://provider.example/s"}')
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "pelican.conf.py: KUNDENFIT_NEWSLETTER heißt jetzt KUNDENFIT_LEAD_FORM" in result.stderr


def test_contact_link_and_privacy_page_come_from_the_plugins_settings(tmp_path):
    result = build(
        tmp_path / "output",
        "-e",
        'KUNDENFIT_CONTACT_EMAIL="hallo@beispiel.test"',
        'KUNDENFIT_PRIVACY_URL="privacy.html"',
        LEAD_FORM,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "output" / "quiz" / "demo" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://beispiel.test/privacy.html"' in page
    assert "datenschutz" not in page


def test_a_site_without_any_lead_path_says_so_in_one_line_unless_turned_off(tmp_path):
    quiet = "KUNDENFIT_NEXT_STEP=null"
    result = build(tmp_path / "a" / "output", quiet)
    assert result.returncode == 0, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if "führt zu dir" in line]
    assert line.startswith("pelican.conf.py: Kein Quiz führt zu dir") and "KUNDENFIT_WITHOUT_LEADS" in line
    off = build(tmp_path / "b" / "output", quiet, "KUNDENFIT_WITHOUT_LEADS=true")
    assert off.returncode == 0 and "führt zu dir" not in off.stderr
    form_only = build(
        tmp_path / "c" / "output", quiet, 'KUNDENFIT_PRIVACY_URL="d/"', LEAD_FORM.replace("=", "=", 1)
    )
    assert "Kein Ergebnis endet mit einem nächsten Schritt" in form_only.stderr, form_only.stderr
