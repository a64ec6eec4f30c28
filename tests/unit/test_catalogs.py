"""The completeness gate: every catalog in translations/ is complete, clean and up to date.

A failure names the catalog and the text, e.g.
``translations/en/LC_MESSAGES/rules.po: untranslated: 'Respektiert …'``. Most failures are
fixed by running ``make messages`` and translating what is empty or fuzzy. The second half
breaks copies of the catalogs on purpose, so the gate provably fails when it should.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import write_po

from tests.support import catalog_checks as checks

CATALOGS = checks.catalog_paths()
IDS = [checks.shown(po) for po in CATALOGS]


def report(problems: list[str]) -> str:
    return "\n" + "\n".join(problems)


def test_there_is_an_english_catalog_for_the_ui_and_the_rules():
    assert {checks.shown(po) for po in CATALOGS} >= {
        "translations/en/LC_MESSAGES/messages.po",
        "translations/en/LC_MESSAGES/rules.po",
        "plugins/kundenfit/pelican/plugins/kundenfit/locale/en/LC_MESSAGES/kundenfit.po",
    }


@pytest.mark.parametrize("po", CATALOGS, ids=IDS)
def test_no_entry_is_untranslated(po):
    problems = checks.untranslated_entries(po)
    assert problems == [], report(problems)


@pytest.mark.parametrize("po", CATALOGS, ids=IDS)
def test_no_entry_is_fuzzy(po):
    problems = checks.fuzzy_entries(po)
    assert problems == [], report(problems)


@pytest.mark.parametrize("po", CATALOGS, ids=IDS)
def test_placeholders_are_the_same_in_german_and_translation(po):
    problems = checks.placeholder_mismatches(po)
    assert problems == [], report(problems)


@pytest.mark.parametrize("po", CATALOGS, ids=IDS)
def test_no_obsolete_entries_are_left(po):
    problems = checks.obsolete_entries(po)
    assert problems == [], report(problems)


@pytest.mark.parametrize("po", CATALOGS, ids=IDS)
def test_catalog_is_sorted(po):
    problems = checks.unsorted_entries(po)
    assert problems == [], report(problems)


@pytest.mark.parametrize("po", CATALOGS, ids=IDS)
def test_catalog_has_exactly_the_entries_of_its_template(po):
    pot = checks.template_for(po)
    assert pot.is_file(), f"{checks.shown(po)}: no template {checks.shown(pot)} (run make messages)"
    problems = checks.catalog_out_of_step(po, pot)
    assert problems == [], report(problems)


def test_rules_template_has_every_rule_text():
    problems = checks.stale_rules_template()
    assert problems == [], report(problems)


def test_plugin_template_has_every_plugin_template_string():
    problems = checks.stale_plugin_template()
    assert problems == [], report(problems)


def test_messages_template_has_every_template_string():
    problems = checks.stale_messages_template()
    assert problems == [], report(problems)


@pytest.mark.parametrize("po", checks.rule_catalogs(), ids=checks.shown)
def test_every_visible_rule_text_is_translated(po):
    problems = checks.untranslated_rule_texts(po)
    assert problems == [], report(problems)


# --- The gate can fail -----------------------------------------------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def broken(tmp_path) -> Path:
    """Copies of translations/ and of the plugin's catalog with one mistake of each kind."""
    localedir = tmp_path / "translations"
    shutil.copytree(checks.TRANSLATIONS, localedir, ignore=shutil.ignore_patterns("*.mo"))
    rules = localedir / "en/LC_MESSAGES/rules.po"
    edit(rules, 'msgid "Respekt"\nmsgstr "Respect"\n', 'msgid "Respekt"\nmsgstr ""\n')
    edit(rules, 'msgid "Traumkunde"\n', '#, fuzzy\nmsgid "Traumkunde"\n')
    edit(
        rules,
        'msgstr "Energy"\n',
        'msgstr "Energy"\n\n#~ msgid "Gibt es nicht mehr"\n#~ msgstr "Gone"\n',
    )
    plugin_locale = tmp_path / "plugin-locale"
    shutil.copytree(checks.PLUGIN_LOCALEDIR, plugin_locale)
    messages = plugin_locale / "en/LC_MESSAGES/kundenfit.po"
    edit(messages, 'msgstr "Question %(num)s"\n', 'msgstr "Question %(number)s"\n')
    edit(messages, 'msgstr "Question %(num)s of %(count)s"\n', 'msgstr "Question %(num)s"\n')
    edit(messages, 'msgstr "{got} of {max} points"\n', 'msgstr "{got} of {maximum} points"\n')
    return localedir


def test_gate_reports_an_empty_translation(broken):
    po = broken / "en/LC_MESSAGES/rules.po"
    assert checks.untranslated_entries(po) == [f"{po}: untranslated: 'Respekt'"]


def test_gate_reports_a_fuzzy_entry(broken):
    po = broken / "en/LC_MESSAGES/rules.po"
    assert checks.fuzzy_entries(po) == [
        f"{po}: fuzzy (check the translation, then remove the flag): 'Traumkunde'"
    ]


def test_gate_reports_an_obsolete_entry(broken):
    po = broken / "en/LC_MESSAGES/rules.po"
    assert checks.obsolete_entries(po) == [f"{po}: obsolete (#~), delete it: 'Gibt es nicht mehr'"]


def test_gate_reports_changed_missing_and_renamed_placeholders(broken):
    po = broken.parent / "plugin-locale/en/LC_MESSAGES/kundenfit.po"
    problems = checks.placeholder_mismatches(po)
    assert f"{po}: unknown named placeholder 'number': 'Frage %(num)s'" in problems  # Babel's check
    assert (
        f"{po}: placeholders ['%(number)'] in the translation, ['%(num)'] in the German text: "
        "'Frage %(num)s'" in problems
    )
    assert (
        f"{po}: placeholders ['%(num)'] in the translation, ['%(count)', '%(num)'] in the German "
        "text: 'Frage %(num)s von %(count)s'" in problems
    )
    assert (
        f"{po}: placeholders ['{{got}}', '{{maximum}}'] in the translation, ['{{got}}', '{{max}}'] in "
        "the German text: '{got} von {max} Punkten'" in problems
    )
    assert len(problems) == 4, report(problems)


def test_gate_reports_a_plural_form_with_a_wrong_placeholder(broken):
    po = broken.parent / "plugin-locale/en/LC_MESSAGES/kundenfit.po"
    edit(po, 'msgstr[1] "%(num)s points"\n', 'msgstr[1] "%(count)s points"\n')
    problems = checks.placeholder_mismatches(po)
    assert any("'%(num)s Punkt'" in p and "%(count)" in p for p in problems), report(problems)


def test_gate_reports_entries_out_of_order(broken):
    po = broken / "en/LC_MESSAGES/rules.po"
    text = po.read_text(encoding="utf-8")
    entries = text.split("\n\n")  # entries[0] is the header
    entries[1], entries[2] = entries[2], entries[1]
    po.write_text("\n\n".join(entries), encoding="utf-8")
    problems = checks.unsorted_entries(po)
    assert len(problems) == 1 and problems[0].startswith(f"{po}: not sorted"), report(problems)


def test_gate_reports_a_catalog_behind_its_template(broken):
    po = broken / "en/LC_MESSAGES/rules.po"
    pot = broken / "rules.pot"
    edit(pot, 'msgid "Energie"\nmsgstr ""\n', 'msgid "Energie"\nmsgstr ""\n\nmsgid "Ganz neu"\nmsgstr ""\n')
    assert checks.catalog_out_of_step(po, pot) == [
        f"{po}: missing from the catalog, in {pot} (run make messages): 'Ganz neu'"
    ]


def write_template(catalog, pot: Path) -> None:
    with pot.open("wb") as handle:
        write_po(handle, catalog, omit_header=True, sort_output=True)


def test_gate_reports_a_rule_text_missing_from_the_template(tmp_path):
    rules_dir = tmp_path / "rules"
    shutil.copytree(checks.RULES_DIR, rules_dir)
    pot = tmp_path / "rules.pot"
    write_template(checks.extract_template(rules_dir, checks.RULES_MAPPING, {}), pot)
    assert checks.stale_rules_template(pot, rules_dir) == []
    edit(rules_dir / "wunschkunde.yaml", "check: Welche Sorgen", "check: Neu – welche Sorgen")
    assert checks.stale_rules_template(pot, rules_dir) == [
        f"{pot}: missing (run make messages): 'Neu – welche Sorgen und Probleme hat sie?'",
        f"{pot}: no longer in the sources (run make messages): 'Welche Sorgen und Probleme hat sie?'",
    ]


def test_gate_reports_a_template_string_missing_from_the_template(tmp_path):
    shutil.copytree(checks.ROOT / "theme/templates", tmp_path / "theme/templates")
    pot = tmp_path / "messages.pot"
    write_template(checks.extract_template(tmp_path, checks.UI_MAPPING), pot)
    assert checks.stale_messages_template(pot, tmp_path) == []
    (tmp_path / "theme/templates/neu.html").write_text(
        "<p>{{ _('Ganz neuer Text') }}</p>\n", encoding="utf-8"
    )
    assert checks.stale_messages_template(pot, tmp_path) == [
        f"{pot}: missing (run make messages): 'Ganz neuer Text'"
    ]


def test_gate_reports_a_rule_text_without_translation(broken):
    po = broken / "en/LC_MESSAGES/rules.po"
    assert checks.untranslated_rule_texts(po) == [
        f"{po}: no translation for rule text: 'Respekt'",
        f"{po}: no translation for rule text: 'Traumkunde'",
    ]
