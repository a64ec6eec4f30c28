"""oEmbed for quizzes: whoever pastes a quiz page's address into WordPress gets the quiz.

WordPress finds the response through the discovery link on the quiz page (quiz_page.html) and
shows its `html` for every user role, also for authors who may not paste an <iframe> themselves.
What WordPress does with it (wp-includes/embed.php, wp_filter_oembed_result, and js/wp-embed.js):
it keeps only an optional <blockquote> followed by an <iframe> (src, width, height, title,
frameborder, marginwidth, marginheight, scrolling), sandboxes the iframe
(`sandbox="allow-scripts"`) and appends `#?secret=<10 letters>` to its address; the page inside
sends `{message: 'height', value, secret}` and wp-embed.js sets the iframe's height (200 to
1000 px). kundenfit-frame.js sends that message (and asks wp-embed.js to follow links to this
site, which the sandbox forbids the frame to do).

The response is the iframe alone, without the blockquote WordPress allows before it: an address
pasted into a paragraph (autoembed keeps the <p> around the HTML) would become
`<p><blockquote>…</blockquote><iframe>…</p>`, and since a blockquote may not stand in a
paragraph, the browser closes the <p> before it and leaves the iframe loose in the post, where
themes give it no column (flush left at x = 0 in Twenty Twenty-One, issue 25). An iframe alone
stays inside the paragraph, in the text column. Without JavaScript on the blog the iframe still
shows the quiz (it works without JavaScript, and links to its full page).

Static files, so WordPress's maxwidth/maxheight are not honoured: the iframe is 100 % wide.
No Pelican import: the generator calls write_oembed() once per quiz and language.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

WIDTH = 600  # what the response names; the iframe itself fills the column (width="100%")
HEIGHT = 640  # fits a phone screen (375 × 812 with the browser's bars); wp-embed.js resizes it


def oembed_html(title: str, embed_url: str) -> str:
    """The iframe of the quiz's embed page, with only attributes WordPress keeps."""
    return (
        f'<iframe src="{escape(embed_url)}" width="100%" height="{HEIGHT}" title="{escape(title)}"'
        ' frameborder="0"></iframe>'
    )


def oembed_response(
    *, title: str, embed_url: str, provider_name: str, provider_url: str
) -> dict:
    """The oEmbed 1.0 response (type rich) for one quiz in one language."""
    return {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": provider_name,
        "provider_url": provider_url,
        "width": WIDTH,
        "height": HEIGHT,
        "html": oembed_html(title, embed_url),
    }


def write_oembed(path: Path, **fields: str) -> None:
    """Write the response for `fields` (see oembed_response) as JSON to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(oembed_response(**fields), ensure_ascii=False, indent=1, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
