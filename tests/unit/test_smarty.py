"""The site's faster Smarty gives exactly Python-Markdown's Smarty output."""

from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
OTHERS = [
    "markdown.extensions.meta",
    "markdown.extensions.toc",
    "markdown.extensions.attr_list",
    "markdown.extensions.sane_lists",
]
OPTIONS = [
    {},
    {"substitutions": {}},
    {"smart_angled_quotes": True, "substitutions": {"left-double-quote": "&bdquo;"}},
    {"smart_quotes": False, "smart_dashes": False},
]


def converters(options: dict) -> tuple[markdown.Markdown, markdown.Markdown]:
    def make(name: str) -> markdown.Markdown:
        return markdown.Markdown(
            extensions=[*OTHERS, name], extension_configs={name: options}, output_format="html5"
        )

    return make("markdown.extensions.smarty"), make("pelican.plugins.site_helpers.smarty")


def same(options: dict, text: str) -> None:
    theirs, ours = converters(options)
    assert ours.convert(text) == theirs.convert(text)


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "tests" / "sample_site").rglob("*.md")),
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_every_markdown_file_of_the_repository(path):
    same({"substitutions": {}}, path.read_text(encoding="utf-8"))


def test_a_text_full_of_what_smarty_changes():
    text = (
        "\"Hallo\" -- sagte sie --- 'nein' ... '80s, \"'zitat' im zitat\" "
        "<<Guillemets>> `\"code\"` [\"Link\"](https://example.org/'a') *'kursiv'*\n\n"
        '\'Anfang\n\n- "Liste"\n- it\'s\n\n    "eingerückt" -- Code\n'
    )
    for options in OPTIONS:
        theirs, _ = converters(options)
        assert theirs.convert(text) != markdown.markdown(text)  # the text does exercise Smarty
        same(options, text)


# Texts made of what Smarty reacts to, mixed with Markdown's own syntax and plain words.
PIECES = (
    "\"|'|-|--|---|.|...|<<|>>| |\n|\n\n|*|_|`|[|](|)|<b>|</b>|&amp;|&nbsp;|\\|#|1.|80s|s |Wort"
    "|geht's|„|“|–|—|{: .x}|<!-- c -->|    |> |\u00a0|\u2028"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES.split("|")), max_size=40).map("".join), st.sampled_from(OPTIONS))
def test_any_text(text, options):
    same(options, text)
