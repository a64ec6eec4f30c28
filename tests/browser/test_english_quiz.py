"""A visitor takes the main quiz in English, from start to result, and sees only English."""

from __future__ import annotations

import pytest

from tests.support.german_text import german_fragments, german_in

pytestmark = pytest.mark.browser


def test_main_quiz_in_english_start_to_result(page, site_url):
    fragments = german_fragments()
    page.goto(site_url + "en/quiz/kundenfit/")
    assert page.locator("html").get_attribute("lang") == "en"
    quiz = page.locator("[data-kf-quiz=kundenfit]")
    assert german_in(page.locator("body").inner_text(), fragments) == []

    count = quiz.locator("fieldset").count()
    assert quiz.locator("[data-kf-step]").inner_text() == f"Question 1 of {count}"
    assert german_in(quiz.locator(".kf-promise").inner_text(), fragments) == []
    quiz.locator("[data-kf-next]").click()  # nothing answered yet: the request must be English too
    quiz.locator("[data-kf-need]").wait_for(state="visible")
    assert quiz.locator("[data-kf-need]").inner_text() == "Please choose an answer."
    assert german_in(quiz.inner_text(), fragments) == []
    submit = quiz.locator("[data-kf-submit]")

    page.goto(site_url + "en/quiz/kundenfit/")
    for fieldset in quiz.locator("fieldset").all():
        fieldset.wait_for(state="visible")  # tapping an answer moves on by itself
        fieldset.locator("input[type=radio]").last.check()
    submit.click()
    result = quiz.locator("[data-kf-result]")
    result.wait_for(state="visible")
    shown = result.inner_text()
    assert "points" in shown.lower()
    assert german_in(shown, fragments) == []
    assert german_in(page.locator("body").inner_text(), fragments) == []


def test_language_switch_on_a_quiz_keeps_the_quiz(page, site_url):
    page.goto(site_url + "quiz/kundenfit/")
    page.locator(".lang-switch a").click()
    assert page.url == site_url + "en/quiz/kundenfit/"
    page.locator(".lang-switch a").click()
    assert page.url == site_url + "quiz/kundenfit/"
