"""oEmbed responses (oembed.py): what WordPress needs to show a quiz for any user role."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
from pelican.plugins.kundenfit.outputs.oembed import oembed_response, write_oembed

FIELDS = {
    "title": 'Passt "dieser" <b>Kunde</b> & zu dir?',
    "page_url": "https://kundenfit.example/quiz/kundenfit/",
    "embed_url": "https://kundenfit.example/embed/kundenfit/?a=1&b=2",
    "provider_name": "Kundenfit",
    "provider_url": "https://kundenfit.example/",
}


def test_response_is_rich_with_size_title_and_provider():
    data = oembed_response(**FIELDS)
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["title"] == FIELDS["title"]
    assert (data["provider_name"], data["provider_url"]) == ("Kundenfit", "https://kundenfit.example/")
    assert isinstance(data["width"], int) and isinstance(data["height"], int)
    assert 480 <= data["height"] <= 700, "fits a phone screen (375 × 812) with the browser's bars"


def test_html_is_what_wordpress_keeps_a_link_then_the_iframe():
    """wp_filter_oembed_result keeps a <blockquote> before an <iframe> and these attributes only."""
    html = oembed_response(**FIELDS)["html"]
    assert re.fullmatch(r"<blockquote>.*</blockquote><iframe [^>]*></iframe>", html)
    soup = BeautifulSoup(html, "html.parser")
    link = soup.blockquote.find("a")
    assert link["href"] == FIELDS["page_url"], "without JavaScript: the full quiz page"
    assert link.get_text() == FIELDS["title"] and soup.find("b") is None, "the title stays text"
    frame = soup.iframe
    assert frame["src"] == FIELDS["embed_url"] and frame["title"] == FIELDS["title"]
    kept = {"src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title"}
    assert set(frame.attrs) <= kept
    assert frame["width"] == "100%" and "scrolling" not in frame.attrs, "scrolls inside when over 1000 px"


def test_write_oembed_writes_utf8_json(tmp_path):
    target = tmp_path / "oembed" / "kundenfit.json"
    write_oembed(target, **FIELDS)
    assert json.loads(target.read_text(encoding="utf-8")) == oembed_response(**FIELDS)
