"""The plugin brings its own templates, CSS and JS: a quiz works under Pelican's notmyidea theme."""

from __future__ import annotations

import shutil

import pytest

from tests.support.build import ROOT, build_site
from tests.support.server import StaticServer, free_port

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def notmyidea_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOT / "content" / "rules", content / "rules")
    for lang in ("de", "en"):
        target = content / "articles" / lang
        target.mkdir(parents=True)
        shutil.copy2(ROOT / "content/articles" / lang / "kunden-die-nicht-passen.md", target)
    port = free_port()
    out = tmp_path_factory.mktemp("notmyidea") / "output"
    # notmyidea, like every Pelican theme, expects Jinja's default (no autoescape); our theme
    # turns it on. The plugin's own templates escape either way.
    jinja = (
        'JINJA_ENVIRONMENT={"extensions": ["jinja2.ext.i18n"], "trim_blocks": true, "lstrip_blocks": true}'
    )
    result = build_site(
        out,
        f"http://127.0.0.1:{port}",
        ['THEME="notmyidea"', 'DIRECT_TEMPLATES=["index"]', jinja],
        content=content,
    )
    assert result.returncode == 0, result.stderr
    server = StaticServer(out, port)
    yield f"http://127.0.0.1:{port}/", out
    server.stop()


def answer_all(page, choice):
    for fieldset in page.locator("fieldset.kf-question").all():
        fieldset.wait_for(state="visible")  # one question at a time; a tap moves on
        radios = fieldset.locator("input[type=radio]")
        radios.nth(min(choice, radios.count() - 1)).check()


def test_quiz_page_scores_under_notmyidea(page, notmyidea_site):
    url, _ = notmyidea_site
    page.goto(url + "quiz/kundenfit/")
    assert page.locator("header#banner").count() == 1, "the page is rendered with notmyidea"
    answer_all(page, 0)
    page.get_by_role("button", name="Auswerten").click()
    result = page.locator("[data-kf-result]")
    result.wait_for(state="visible")
    best = result.locator("[data-kf-outcome-title]").inner_text()
    page.get_by_role("button", name="Neu starten").click()
    answer_all(page, 5)
    page.get_by_role("button", name="Auswerten").click()
    assert result.locator("[data-kf-outcome-title]").inner_text() != best


def test_quiz_embedded_in_article_under_notmyidea(page, notmyidea_site):
    url, _ = notmyidea_site
    page.goto(url + "artikel/kunden-die-nicht-passen/")
    quiz = page.locator("[data-kf-quiz=kundenfit]")
    assert quiz.locator("fieldset").count() >= 10
    assert quiz.get_by_role("button", name="Weiter").is_visible()
