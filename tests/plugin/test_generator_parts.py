"""The generator's pure parts: addresses (`urls`), languages (`sites`), contexts (`views`)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pelican.plugins.kundenfit import settings as kf_settings
from pelican.plugins.kundenfit.languages import sites
from pelican.plugins.kundenfit.render import views
from pelican.plugins.kundenfit.render.urls import Addresses
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.sample_site import SAMPLE_SITE

OPTIONS = kf_settings.read({})
NAMES = {"kundenfit.js": "kundenfit.0123456789ab.js"}


@pytest.fixture(scope="module")
def book():
    return load_rulebook(SAMPLE_SITE / "content" / "rules")


def english() -> Addresses:
    return Addresses(OPTIONS, "https://site.test/en", "https://site.test", "en", NAMES)


def test_addresses_of_every_kind_follow_the_settings():
    at = english()
    assert at.url("quiz", "demo") == "https://site.test/en/quiz/demo/"
    assert at.save_as("checklist", "start") == "checkliste/start/index.html"
    assert at.url("pdf", "start") == "https://site.test/en/checkliste/start/kundenfit-start-en.pdf"
    assert at.url("embed", "demo") == "https://site.test/en/embed/demo/"


def test_assets_live_once_under_the_main_site_with_their_fingerprinted_name():
    at = english()
    assert at.asset("kundenfit.js") == "https://site.test/kundenfit/kundenfit.0123456789ab.js"
    assert at.asset("loader.js") == "https://site.test/kundenfit/loader.js"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (None, None),
        ("datenschutz/", "https://site.test/en/datenschutz/"),
        ("https://elsewhere.test/privacy", "https://elsewhere.test/privacy"),
        ("/privacy/", "/privacy/"),
    ],
)
def test_a_page_setting_is_relative_to_the_language_unless_absolute(setting, expected):
    assert english().page(setting) == expected


def test_a_site_without_subsites_has_one_language():
    settings = {"DEFAULT_LANG": "de", "SITEURL": "https://site.test", "OUTPUT_PATH": "out"}
    assert sites.is_main_site(settings)
    assert sites.languages(settings) == {"de": "https://site.test"}
    assert str(sites.output_path(settings, "de")) == "out"


def test_the_main_site_knows_its_subsites_addresses_and_folders():
    settings = {
        "DEFAULT_LANG": "de",
        "SITEURL": "https://site.test",
        "OUTPUT_PATH": "out",
        "I18N_SUBSITES": {"en": {}, "fr": {"SITEURL": "https://fr.site.test", "OUTPUT_PATH": "fr-out"}},
    }
    assert sites.languages(settings) == {
        "de": "https://site.test",
        "en": "https://site.test/en",
        "fr": "https://fr.site.test",
    }
    assert str(sites.output_path(settings, "en")) == "out/en"
    assert str(sites.output_path(settings, "fr")) == "fr-out"


def test_a_subsite_finds_the_main_site_in_the_settings_it_was_copied_from():
    main = {"DEFAULT_LANG": "de", "SITEURL": "https://site.test", "I18N_SUBSITES": {"en": {}}}
    sites.remember_main_site(SimpleNamespace(settings=main))
    # pelican-i18n-subsites makes a subsite's settings from a copy of the main site's
    subsite = {**main, "DEFAULT_LANG": "en", "SITEURL": "https://site.test/en"}
    assert not sites.is_main_site(subsite)
    assert sites.main_siteurl(subsite) == "https://site.test"
    assert sites.main_lang(subsite) == "de"
    assert sites.languages(subsite) == {"de": "https://site.test", "en": "https://site.test/en"}


def test_listing_and_manifest_entries(book):
    listing = views.listing(book, "quiz", english(), with_pdf=False)
    assert [item["id"] for item in listing] == ["demo", "typ"]
    assert listing[0]["embed_url"] == "https://site.test/en/embed/demo/"
    entries = views.manifest_entries({"quiz": listing})
    assert entries[0]["type"] == "quiz" and "intro" not in entries[0]


def test_quiz_context_links_its_checklist_and_pdf_only_when_pdfs_are_made(book):
    with_pdf = views.view_context(book, "quiz", "demo", english(), on_own_page=True, with_pdf=True)
    without = views.view_context(book, "quiz", "demo", english(), on_own_page=True, with_pdf=False)
    assert with_pdf["checklist_url"] == "https://site.test/en/checkliste/start/"
    assert with_pdf["pdf_url"].endswith("/kundenfit-start-en.pdf")
    assert without["pdf_url"] is None
    assert with_pdf["quiz_url"] is None, "its own page does not link to itself"
    assert with_pdf["quiz_data"]["id"] == "demo"


def test_checklist_context_links_back_to_its_quiz(book):
    context = views.view_context(book, "checklist", "start", english(), on_own_page=False, with_pdf=False)
    assert context["quiz_url"] == "https://site.test/en/quiz/demo/"
    assert context["checklist_url"] == "https://site.test/en/checkliste/start/"
    assert context["show_title"] is True


def test_listing_follows_kundenfit_order_and_says_how_long(book):
    ordered = Addresses(
        {**OPTIONS, "KUNDENFIT_ORDER": ["typ"]}, "https://site.test", "https://site.test", "de", {}
    )
    listing = views.listing(book, "quiz", ordered, with_pdf=False)
    assert [item["id"] for item in listing] == ["typ", "demo"], "named ids first, the rest in file order"
    assert (listing[1]["count"], listing[1]["minutes"], listing[1]["path"]) == (2, 1, "quiz/demo/")
    (checklist,) = views.listing(book, "checklist", ordered, with_pdf=False)
    assert checklist["count"] == 2


def test_relative_addresses_seen_from_a_page_of_a_subsite():
    at = english().from_page("quiz/demo/index.html", "..")
    assert at.url("checklist", "start") == "../../checkliste/start/"
    assert at.asset("kundenfit.js") == "../../../kundenfit/kundenfit.0123456789ab.js"
    assert english().from_page("index.html").url("quiz", "demo") == "./quiz/demo/"
