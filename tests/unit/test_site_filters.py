"""Theme filters: dates as readers of each language write them, page paths, reading time, JSON-LD."""

from __future__ import annotations

import json
from datetime import date, datetime
from types import SimpleNamespace

from jinja2 import Environment
from pelican.plugins.site_helpers.filters import article_jsonld, format_date, page_path, reading_minutes


def test_dates_follow_the_page_language():
    assert format_date(date(2026, 11, 22), "de") == "22. November 2026"
    assert format_date(datetime(2026, 3, 5, 9, 0), "de") == "5. März 2026"
    assert format_date(date(2026, 11, 22), "en") == "22 November 2026"  # British, as en_GB promises


def test_page_path_is_the_address_without_index_html():
    assert page_path("artikel/x/index.html") == "artikel/x/"
    assert page_path("index.html") == ""
    assert page_path("404.html") == "404.html"
    assert page_path(None) == ""


def test_reading_time_counts_words_not_markup():
    assert reading_minutes("<p>kurz</p>") == 1
    assert reading_minutes("<p>" + "wort " * 401 + "</p>") == 3
    assert reading_minutes('<div class="x" data-long="' + "a " * 900 + '"></div>') == 1


def test_jsonld_cannot_break_out_of_its_script_element():
    article = SimpleNamespace(
        title="Titel </script><script>alert(1)</script>",
        summary="<p>Kurz</p>",
        lang="de",
        date=datetime(2026, 11, 2, 9, 0),
        url="artikel/x/",
        metadata={"source_author": "Sabina </script>", "source_url": "https://example.org/"},
    )
    data = article_jsonld(article, "https://kundenfit.example", "Kundenfit")
    text = Environment(autoescape=True).from_string("{{ data|tojson }}").render(data=data)  # as article.html
    assert "</script>" not in text and "<" not in text
    data = json.loads(text)
    assert data["isBasedOn"]["author"]["name"] == "Sabina </script>"
    assert data["inLanguage"] == "de" and data["url"] == "https://kundenfit.example/artikel/x/"


def test_jsonld_credits_a_source_without_author_by_its_title_only():
    article = SimpleNamespace(
        title="Phasen",
        summary="Kurz",
        lang="de",
        date=datetime(2026, 11, 5, 9, 0),
        modified=datetime(2026, 11, 28, 0, 0),
        url="artikel/phasen/",
        metadata={"source_title": "Liebe auf den ersten Blick?"},
    )
    data = article_jsonld(article, "https://kundenfit.example", "Kundenfit")
    assert data["isBasedOn"] == {"@type": "CreativeWork", "name": "Liebe auf den ersten Blick?"}
    assert data["dateModified"] == "2026-11-28T00:00:00"
    assert data["datePublished"] == "2026-11-05T09:00:00"
