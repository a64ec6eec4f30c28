"""The Markdown directive, read like Python-Markdown's own tests: Markdown in, HTML out."""

from __future__ import annotations

import html as html_module
import textwrap

import pytest
from markdown import Markdown
from pelican.plugins.kundenfit.render.embeds import PLACEHOLDER
from pelican.plugins.kundenfit.render.markdown import MISSED, KundenfitMarkdownExtension


def convert(source: str, *extensions) -> str:
    md = Markdown(extensions=[KundenfitMarkdownExtension(), *extensions], output_format="html5")
    return md.convert(textwrap.dedent(source))


def test_a_directive_becomes_a_placeholder_with_its_line():
    assert convert(
        """\
        Text davor.

        {% quiz kundenfit %}

        Text danach.
        """
    ) == (
        "<p>Text davor.</p>\n"
        '<div class="kf-embed" data-kf-embed="quiz kundenfit" data-kf-line="3"></div>\n'
        "<p>Text danach.</p>"
    )


def test_two_directives_keep_their_own_lines_below_metadata():
    html = convert(
        """\
        Title: Zwei
        Quiz: kundenfit

        {% quiz kundenfit %}

        Mitte.

        {% checklist vor-dem-auftrag %}
        """,
        "markdown.extensions.meta",
    )
    assert [(m["kind"], m["id"], m["line"]) for m in PLACEHOLDER.finditer(html)] == [
        ("quiz", "kundenfit", "4"),
        ("checklist", "vor-dem-auftrag", "8"),
    ]


def test_an_indented_code_block_stays_code():
    assert convert(
        """\
        So bettest du ein Quiz ein:

            {% quiz gibt-es-nicht %}
        """
    ) == ("<p>So bettest du ein Quiz ein:</p>\n<pre><code>{% quiz gibt-es-nicht %}\n</code></pre>")


def test_a_fenced_code_block_stays_code_and_does_not_shift_later_lines():
    html = convert(
        """\
        ```
        {% quiz gibt-es-nicht %}
        ```

        {% quiz kundenfit %}
        """,
        "markdown.extensions.fenced_code",
    )
    assert "<code>{% quiz gibt-es-nicht %}\n</code>" in html
    assert [(m["id"], m["line"]) for m in PLACEHOLDER.finditer(html)] == [("kundenfit", "5")]


def test_inline_code_stays_code():
    assert convert("Schreib `{% quiz kundenfit %}` in eine eigene Zeile.\n") == (
        "<p>Schreib <code>{% quiz kundenfit %}</code> in eine eigene Zeile.</p>"
    )


def test_a_directive_inside_a_list_item():
    html = convert(
        """\
        - Erst lesen.

            {% quiz kundenfit %}
        """
    )
    assert html.startswith('<ul>\n<li>\n<p>Erst lesen.</p>\n<div class="kf-embed"')
    assert [(m["id"], m["line"]) for m in PLACEHOLDER.finditer(html)] == [("kundenfit", "3")]


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (
            "{% quizz kundenfit %}",
            "Unbekannte Anweisung '{% quizz %}' – meintest du '{% quiz … %}'? "
            "Erlaubt sind {% quiz &lt;id&gt; %} und {% checklist &lt;id&gt; %}.",
        ),
        (
            "{% quiz kundenfit gross %}",
            "'{% quiz … %}' braucht genau eine Id, gefunden: 2 Angaben (kundenfit gross). "
            "Beispiel: {% quiz kundenfit %}.",
        ),
        (
            "{% quiz %}",
            "'{% quiz … %}' braucht genau eine Id, gefunden: keine Id. Beispiel: {% quiz kundenfit %}.",
        ),
    ],
    ids=["misspelled", "extra-argument", "no-id"],
)
def test_a_misspelled_directive_is_reported_with_its_line(source, problem):
    html = convert(f"Absatz.\n\n{source}\n")
    (match,) = PLACEHOLDER.finditer(html)
    assert match["line"] == "3" and match["kind"] is None
    assert match["problem"] == problem


def test_text_around_braces_in_a_paragraph_is_left_alone():
    assert convert("Ein Satz mit {% quiz kundenfit %} mittendrin.\n") == (
        "<p>Ein Satz mit {% quiz kundenfit %} mittendrin.</p>"
    )


def lines_of(html: str) -> list[tuple[str, str, str]]:
    return [(m["kind"], m["id"], m["line"]) for m in PLACEHOLDER.finditer(html)]


def test_a_directive_in_a_blockquote_keeps_its_line():
    html = convert(
        """\
        Text.

        > Ein Zitat, und darin:
        >
        > {% quiz kundenfit %}
        """
    )
    assert lines_of(html) == [("quiz", "kundenfit", "5")]


def test_an_indented_code_example_before_the_real_directive_does_not_take_its_line():
    html = convert(
        """\
        So sieht es aus:

            {% quiz kundenfit %}

        Und hier ist es:

        {% quiz kundenfit %}
        """
    )
    assert lines_of(html) == [("quiz", "kundenfit", "7")]


def test_a_directive_indented_inside_a_list_item_keeps_its_line():
    html = convert(
        """\
        - Erster Punkt

            {% quiz kundenfit %}

        - Zweiter Punkt
        """
    )
    assert lines_of(html) == [("quiz", "kundenfit", "3")]


@pytest.mark.parametrize(
    "source",
    [
        '<div class="box">\n{% quiz kundenfit %}\n</div>\n',
        "Ein Satz direkt davor.\n{% quiz kundenfit %}\n",
    ],
    ids=["inside raw HTML", "run on from a paragraph"],
)
def test_a_directive_markdown_would_publish_as_text_is_a_problem_with_its_line(source):
    html = convert("Text.\n\n" + source)
    problems = [
        (m["line"], html_module.unescape(m["problem"])) for m in PLACEHOLDER.finditer(html) if m["problem"]
    ]
    assert problems == [("4", MISSED)]
