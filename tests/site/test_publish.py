"""`make publish`: refuses while a placeholder is left, and builds a clean site once filled in.

Runs the real Makefile in a temporary copy of the repository (sharing this .venv), as a coach
would before uploading.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.build import ROOT

IGNORE = shutil.ignore_patterns(
    ".venv",
    "output",
    "output.old",
    ".output.build-new",
    ".output.lock",
    "cache",
    ".git",
    "__pycache__",
    "*.mo",
)
PLACEHOLDER_SETTINGS = [
    "SITEURL",
    'SITE_OWNER["name"]',
    'SITE_OWNER["street"]',
    'SITE_OWNER["city"]',
    'SITE_OWNER["email"]',
    'SITE_OWNER["phone"]',
    'SITE_PRIVACY["hosting"]',
    'SITE_PRIVACY["log_retention"]',
]
FILLED = """
SITE_OWNER = {**SITE_OWNER, "name": "Dr. Erika Muster", "street": "Lindenweg 3",
              "city": "50667 Köln", "email": "hallo@erika-muster-coaching.de",
              "phone": "", "contact_form": "https://www.erika-muster-coaching.de/kontakt/"}
SITE_PRIVACY = {**SITE_PRIVACY, "hosting": "Muster Hosting GmbH, Hafenstraße 1, 20457 Hamburg",
                "log_retention": "7 Tagen"}
KUNDENFIT_NEWSLETTER = {"action": "https://post.muster-mail.de/subscribe",
                        "provider": "Muster Mail GmbH, Berlin", "hidden": {"LIST": "coaching-7"}}
"""
SITEURL = "https://www.erika-muster-coaching.de"


def copy_repo(target: Path) -> Path:
    repo = target / "repo"
    shutil.copytree(ROOT, repo, ignore=IGNORE)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    return repo


def make_publish(repo: Path, siteurl: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KUNDENFIT_SITEURL"}
    if siteurl:
        env["KUNDENFIT_SITEURL"] = siteurl
    env["COLUMNS"] = "200"
    return subprocess.run(["make", "publish"], cwd=repo, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    repo = copy_repo(tmp_path_factory.mktemp("publish"))
    with (repo / "pelican.conf.py").open("a", encoding="utf-8") as conf:
        conf.write(FILLED)
    result = make_publish(repo, SITEURL)
    assert result.returncode == 0, result.stdout + result.stderr
    return repo / "output"


def test_publish_refuses_the_committed_repository_and_names_every_placeholder(tmp_path):
    repo = copy_repo(tmp_path)
    (repo / "output").mkdir()
    (repo / "output" / "index.html").write_text("last good build")
    result = make_publish(repo)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("Nicht veröffentlicht:")]
    for setting in PLACEHOLDER_SETTINGS:
        assert any(f" {setting} " in line for line in lines), f"{setting} not named:\n{result.stderr}"
    assert "Traceback" not in result.stderr
    assert (repo / "output" / "index.html").read_text() == "last good build", "output/ stays untouched"


def test_published_site_has_no_placeholder_localhost_or_example_address(published):
    suffixes = (".html", ".xml", ".json", ".txt", "")
    pages = [p for p in published.rglob("*") if p.suffix in suffixes and p.is_file()]
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        for bad in ("localhost", "example.org", "example.com", "[Platzhalter", "Placeholder"):
            assert bad not in text, f"{page.relative_to(published)} contains {bad}"
    index = (published / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITEURL}/">' in index
    landing = BeautifulSoup(index, "html.parser")
    assert landing.select_one(".newsletter form[action='https://post.muster-mail.de/subscribe']")


def test_legal_pages_keep_references_together(published):
    impressum = (published / "impressum" / "index.html").read_text(encoding="utf-8")
    assert "§\u00a05\u00a0DDG" in impressum
    assert "Dr.\u00a0Erika Muster" in impressum
    assert "Verantwortlich nach §\u00a018\u00a0Abs.\u00a02\u00a0MStV" in impressum
    privacy = (published / "datenschutz" / "index.html").read_text(encoding="utf-8")
    assert "Art.\u00a06\u00a0Abs.\u00a01\u00a0lit.\u00a0f" in privacy


def test_impressum_links_the_contact_form_as_the_second_fast_channel(published):
    for prefix, label in (("", "Kontaktformular:"), ("en/", "Contact form:")):
        soup = BeautifulSoup((published / prefix / "impressum/index.html").read_text(), "html.parser")
        contact = soup.find(id="kontakt").find_next("p")
        link = contact.find("a", href="https://www.erika-muster-coaching.de/kontakt/")
        assert link and label in contact.get_text(), contact
        assert "Telefon" not in contact.get_text() and "Phone" not in contact.get_text()


def test_privacy_page_names_every_field_the_newsletter_form_sends(published):
    for prefix in ("", "en/"):
        quiz = BeautifulSoup((published / prefix / "quiz/kundenfit/index.html").read_text(), "html.parser")
        form = quiz.find("form", action="https://post.muster-mail.de/subscribe")
        fields = form.find_all(["input", "select", "textarea"])
        sent = {field["name"] for field in fields if field.get("name")}
        assert {"EMAIL", "CONSENT", "QUIZ", "OUTCOME", "LANG", "LIST"} <= sent
        privacy = BeautifulSoup((published / prefix / "datenschutz/index.html").read_text(), "html.parser")
        named = {code.get_text() for code in privacy.select("#newsletter ~ ul code")}
        assert sent <= named, f"{prefix}datenschutz: fields sent but not named: {sent - named}"
        assert "Muster Mail GmbH, Berlin" in privacy.get_text()
