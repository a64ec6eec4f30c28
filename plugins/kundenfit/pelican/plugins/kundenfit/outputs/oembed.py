"""oEmbed for quizzes: whoever pastes a quiz page's address into WordPress gets the quiz.

WordPress finds the response through the discovery link on the quiz page (quiz_page.html) and
shows its `html` for every user role, also for authors who may not paste an <iframe> themselves.
What WordPress does with it (wp-includes/embed.php, wp_filter_oembed_result, and js/wp-embed.js):
it keeps only a <blockquote> followed by an <iframe> (src, width, height, title, frameborder,
marginwidth, marginheight, scrolling), sandboxes the iframe (`sandbox="allow-scripts"`), appends
`#?secret=<10 letters>` to its address and, when a blockquote came first, hides the iframe and
shows the blockquote until the page inside sends `{message: 'height', value, secret}`; then
wp-embed.js shows the iframe and sets its height (200 to 1000 px). kundenfit.js sends that message
(and asks wp-embed.js to follow links to this site, which the sandbox forbids the frame to do).
The blockquote is a link to the quiz's full page: what remains without JavaScript.

The blockquote must stay, although it costs the column in one case: WordPress loads
wp-embed.js only for an embed with that blockquote (wp_maybe_enqueue_oembed_host_js), and
without it the frame gets no height and its links go nowhere (the sandbox forbids navigating
the top page). An address typed into a paragraph becomes `<p><blockquote>…</blockquote><iframe>
</p>` (WP_Embed::autoembed replaces it inside the <p>); the parser closes the <p> before the
blockquote and the iframe stands loose as an inline box, whose auto margins the theme's column
rule cannot use: at the content area's edge (x = 0 in Twenty Twenty-One). WordPress's own post
embeds land in exactly the same place (test_wordpress.py measures both). No markup WordPress
keeps can change that: the width attribute sets only the width, and an iframe inside or before
the blockquote makes WordPress drop the blockquote. docs/embedding.md tells authors to paste the
address on a line of its own (an embed block).

Static files, so WordPress's maxwidth/maxheight are not honoured: the iframe is 100 % wide.
No Pelican import: the generator calls write_oembed() once per quiz and language.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

WIDTH = 600  # what the response names; the iframe itself fills the column (width="100%")
HEIGHT = 640  # fits a phone screen (375 × 812 with the browser's bars); wp-embed.js resizes it


def oembed_html(title: str, page_url: str, embed_url: str) -> str:
    """A link to the quiz page, then the iframe of its embed page, as WordPress keeps them."""
    return (
        f'<blockquote><a href="{escape(page_url)}">{escape(title)}</a></blockquote>'
        f'<iframe src="{escape(embed_url)}" width="100%" height="{HEIGHT}" title="{escape(title)}"'
        ' frameborder="0"></iframe>'
    )


def oembed_response(
    *, title: str, page_url: str, embed_url: str, provider_name: str, provider_url: str
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
        "html": oembed_html(title, page_url, embed_url),
    }


def write_oembed(path: Path, **fields: str) -> None:
    """Write the response for `fields` (see oembed_response) as JSON to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(oembed_response(**fields), ensure_ascii=False, indent=1, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
