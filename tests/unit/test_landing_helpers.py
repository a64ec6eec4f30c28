"""The landing page's helpers: testimonials read with file:line for every mistake, the coach's
photo made small, and what the quiz cards and the result preview take from the rule book."""

from __future__ import annotations

from pathlib import Path

import pytest
from pelican.plugins.kundenfit.rules import load_rulebook
from pelican.plugins.site_helpers import coach_photo
from pelican.plugins.site_helpers.landing import first_sentence, result_preview, what_you_learn
from pelican.plugins.site_helpers.testimonials import read_testimonials
from PIL import Image

from tests.support.build import ROOT

LANGS = ["de", "en"]


def read(tmp_path: Path, text: str):
    path = tmp_path / "testimonials.yaml"
    path.write_text(text, encoding="utf-8")
    return path, read_testimonials(path, LANGS, "de")


def test_no_file_and_a_file_of_comments_give_no_testimonials(tmp_path):
    assert read_testimonials(tmp_path / "fehlt.yaml", LANGS, "de") == ([], [])
    assert read(tmp_path, "# noch keine Stimmen\n")[1] == ([], [])


def test_the_shipped_file_has_no_invented_testimonials():
    assert read_testimonials(ROOT / "content" / "testimonials.yaml", LANGS, "de") == ([], [])


def test_entries_keep_their_order_and_language(tmp_path):
    _, (entries, problems) = read(
        tmp_path,
        '- quote: "Endlich  klar."\n  name: A. B.\n  role: Coach\n'
        "- quote: Clear at last.\n  name: C. D.\n  lang: en\n",
    )
    assert problems == []
    assert entries == [
        {"quote": "Endlich klar.", "name": "A. B.", "role": "Coach", "lang": "de"},
        {"quote": "Clear at last.", "name": "C. D.", "role": "", "lang": "en"},
    ]


@pytest.mark.parametrize(
    "text,line,words",
    [
        ("- quote: Gut\n  name: A\n- quote: Auch gut\n", 3, "„name“ fehlt"),
        ("- quote: Gut\n  name: A\n  rolle: Coach\n", 3, "Unbekannter Schlüssel „rolle“"),
        ("- quote: Gut\n  name: A\n  lang: fr\n", 3, "lang: fr gibt es hier nicht"),
        ("- quote: Gut\n  name:\n", 2, "„name“ braucht einen Text"),
        ('- quote: "Gut\n  name: A\n', 1, "YAML kann diese Zeile nicht lesen"),
        ("quote: Gut\nname: A\n", 1, "keine Liste von Stimmen"),
    ],
)
def test_each_mistake_is_one_line_with_file_and_line(tmp_path, text, line, words):
    path, (entries, problems) = read(tmp_path, text)
    assert entries == []
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{path}:{line}: ")
    assert words in str(problems[0])


def test_the_photo_becomes_a_small_square(tmp_path):
    source = tmp_path / "ich.jpg"
    Image.new("RGB", (1600, 1200), (180, 120, 90)).save(source, quality=95)
    name = coach_photo.write_photo(source, tmp_path / "out")
    written = tmp_path / "out" / name
    with Image.open(written) as image:
        assert image.size == (coach_photo.SIZE, coach_photo.SIZE)
        assert image.format == "WEBP"
    assert written.stat().st_size < source.stat().st_size
    assert coach_photo.small_photo(source) == written.read_bytes(), "the same bytes on a rebuild"


def test_cards_and_preview_come_from_the_rule_book():
    book = load_rulebook(ROOT / "content" / "rules")
    quiz = book.quizzes["kundenfit"]
    learn = what_you_learn(book)["kundenfit"]
    assert learn["outcomes"] == [outcome.title for outcome in quiz.outcomes]
    preview = result_preview(book, "kundenfit")
    middle = quiz.outcomes[len(quiz.outcomes) // 2]
    assert preview["verdict"] == middle.title and middle.text.startswith(preview["text"])
    assert preview["step"] == middle.actions[0]
    assert len(preview["tips"]) == 2
    assert result_preview(book, "gibt-es-nicht") is None


def test_first_sentence():
    assert first_sentence("Eins. Zwei.") == "Eins."
    assert first_sentence("Ohne Punkt") == "Ohne Punkt"
