"""Taking a quiz in the browser as a visitor does: one question at a time (kundenfit.js)."""

from __future__ import annotations


def answer_steps(scope, quiz_id: str, answers) -> None:
    """Tap answer `answers[i]` of question i+1 (a page, frame or element locator); tapping an
    answer moves on to the next question by itself, so each question is waited for."""
    for number, index in enumerate(answers, start=1):
        scope.locator(f"#kf-{quiz_id}-q{number}").wait_for(state="visible")
        scope.locator(f"#kf-{quiz_id}-q{number}-a{index}").check()


def skip_to_last(scope, quiz_id: str, count: int) -> None:
    """Press Weiter until the last question (and Auswerten) shows, answering nothing."""
    for _ in range(count - 1):
        scope.locator("[data-kf-next]").click()
    scope.locator(f"#kf-{quiz_id}-q{count}").wait_for(state="visible")
