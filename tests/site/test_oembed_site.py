"""oEmbed in the built site: every quiz page in every language names its response, and the
response frames that quiz's embed page and links the quiz page (what WordPress discovers)."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.build import ROOT

QUIZZES = sorted(load_rulebook(ROOT / "content" / "rules").quizzes)


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("quiz_id", QUIZZES)
def test_quiz_page_names_its_oembed_response(site_dir, site_origin, prefix, quiz_id):
    page = BeautifulSoup(
        (site_dir / prefix / "quiz" / quiz_id / "index.html").read_text("utf-8"), "html.parser"
    )
    links = page.head.find_all("link", rel="alternate", type="application/json+oembed")
    assert len(links) == 1
    href = links[0]["href"]
    assert href == f"{site_origin}/{prefix}oembed/{quiz_id}.json"
    data = json.loads((site_dir / href.removeprefix(site_origin + "/")).read_text("utf-8"))
    assert data["type"] == "rich" and data["title"] == page.h1.get_text().strip()
    html = BeautifulSoup(data["html"], "html.parser")
    assert html.iframe["src"] == f"{site_origin}/{prefix}embed/{quiz_id}/"
    assert html.blockquote.a["href"] == f"{site_origin}/{prefix}quiz/{quiz_id}/"
    assert (site_dir / prefix / "embed" / quiz_id / "index.html").exists()
    embed = BeautifulSoup(
        (site_dir / prefix / "embed" / quiz_id / "index.html").read_text("utf-8"), "html.parser"
    )
    icon = embed.head.find("link", rel="icon")
    assert icon is not None and icon["href"].endswith("/favicon.svg")
