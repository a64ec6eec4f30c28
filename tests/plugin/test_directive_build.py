"""Every piece of content is checked, whatever its status or format: a wrong id or a misspelled
directive stops the build with the file, the line and what to do, and never a traceback."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from tests.support.sample_site import SAMPLE_SITE, build

CASES = {
    "hidden-article": (
        "articles/de/versteckt.md",
        """\
        Title: Versteckt
        Date: 2026-01-20
        Status: hidden

        Text.

        {% quiz gibt-es-nicht %}
        """,
        7,
        "Quiz 'gibt-es-nicht' gibt es in den Regeldateien nicht. Vorhandene Ids: demo, typ.",
    ),
    "draft-misspelled": (
        "articles/de/entwurf.md",
        """\
        Title: Entwurf
        Date: 2026-01-20
        Status: draft

        {% quizz demo %}
        """,
        5,
        "Unbekannte Anweisung '{% quizz %}' – meintest du '{% quiz … %}'?",
    ),
    "draft-page-metadata": (
        "pages/seite.md",
        """\
        Title: Seite
        Status: draft
        Checklist: stat

        Text.
        """,
        3,
        "Checkliste 'stat' gibt es in den Regeldateien nicht. Vorhandene Ids: start.",
    ),
    "rest-directive": (
        "articles/de/rest.rst",
        """\
        Ein reST-Artikel
        ################

        :date: 2026-01-20

        {% quiz demo %}
        """,
        6,
        "Quiz und Checklisten lassen sich nur in Markdown-Dateien (.md) einbetten.",
    ),
    "rest-metadata": (
        "articles/de/rest-meta.rst",
        """\
        Noch ein reST-Artikel
        #####################

        :date: 2026-01-20
        :quiz: dmeo

        Text.
        """,
        5,
        "Quiz 'dmeo' gibt es in den Regeldateien nicht.",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_problem_is_one_line_with_file_and_line(tmp_path, case):
    site = tmp_path / "site"
    shutil.copytree(SAMPLE_SITE, site)
    relative, text, line, message = CASES[case]
    (site / "content" / relative).parent.mkdir(parents=True, exist_ok=True)
    (site / "content" / relative).write_text(textwrap.dedent(text), encoding="utf-8")
    result = build(tmp_path / "output", "-e", 'PAGE_PATHS=["pages"]', site=site)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    problems = [row for row in result.stderr.splitlines() if "content/" in row]
    assert len(problems) == 1, output
    assert problems[0].startswith(f"{site / 'content' / relative}:{line}: {message}"), problems[0]


def test_a_hidden_article_gets_its_checklist_filled(tmp_path):
    page = (SAMPLE_SITE.parent / "sample_site_expected" / "nur-mit-link" / "index.html").read_text()
    assert 'class="kf-embed"' not in page, "a placeholder was left unfilled"
    assert "Zugehört und nachgefragt" in page


def test_a_directive_in_a_code_block_stays_text_and_does_not_stop_the_build():
    page = (SAMPLE_SITE.parent / "sample_site_expected" / "zusammenarbeit" / "index.html").read_text()
    assert "<code>{% quiz gibt-es-nicht %}" in page


def test_feeds_link_to_views_instead_of_carrying_them():
    feed = (SAMPLE_SITE.parent / "sample_site_expected" / "feeds" / "all.atom.xml").read_text()
    assert "&lt;script" not in feed and "kf-quiz" not in feed
    assert '&lt;a href="https://beispiel.test/quiz/typ/"&gt;Welcher Typ ist die Person?&lt;/a&gt;' in feed
