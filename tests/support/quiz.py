"""Taking a quiz in the browser as a visitor does: one question at a time (kundenfit.js)."""

from __future__ import annotations


def answer_steps(scope, quiz_id: str, answers) -> None:
    """Tap answer `answers[i]` of question i+1 (a page, frame or element locator); tapping an
    answer moves on to the next question by itself, so each question is waited for."""
    for number, index in enumerate(answers, start=1):
        scope.locator(f"#kf-{quiz_id}-q{number}").wait_for(state="visible")
        radio = scope.locator(f"#kf-{quiz_id}-q{number}-a{index}")
        if not radio.is_checked():
            radio.check()
        elif number < len(answers):  # already chosen (the visitor came back): Weiter
            scope.locator("[data-kf-next]").click()
