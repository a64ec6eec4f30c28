"""The real rule files in content/rules: they load, and they keep the promises of the site."""

from __future__ import annotations

import re

import pytest
from pelican.plugins.kundenfit.quiz.scoring import score

ARTICLE_SLUGS = {
    "nein-als-segen",
    "kunden-die-nicht-passen",
    "phasen-der-kundenbeziehung",
    "wunschkunden-avatar",
    "kontakt-in-der-krise",
}
# Formal address; a capitalised "Sie" at the start of a sentence means "she" and is fine.
FORMAL = re.compile(r"\b(?:Sie|Ihnen|Ihre?[mnrs]?)\b")


def all_texts(rulebook):
    """Yield (where, text) for every text a visitor reads."""
    for rule in rulebook.rules.values():
        for text in (rule.question, rule.advice, rule.check):
            if text:
                yield rule.id, text
        for answer in rule.answers:
            yield rule.id, answer.text
            if answer.advice:
                yield rule.id, answer.advice
    for quiz in rulebook.quizzes.values():
        yield quiz.id, quiz.title
        yield quiz.id, quiz.intro
        for outcome in quiz.outcomes:
            yield quiz.id, outcome.title
            yield quiz.id, outcome.text
            for action in outcome.actions:
                yield quiz.id, action
    for checklist in rulebook.checklists.values():
        yield checklist.id, checklist.title
        yield checklist.id, checklist.intro
        for group in checklist.groups:
            yield checklist.id, group.title


def test_real_rule_files_define_the_three_quizzes_and_checklists(rulebook):
    assert sorted(rulebook.quizzes) == ["beziehungsphase", "kontakt", "kundenfit"]
    assert sorted(rulebook.checklists) == [
        "kundenpflege-krise",
        "vor-dem-auftrag",
        "wunschkunden-avatar",
    ]


def test_kundenfit_quiz_shape(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    assert quiz.kind == "score"
    assert quiz.title == "Passt dieser Kunde zu dir?"
    assert len(quiz.rules) >= 10
    assert 3 <= len(quiz.topics) <= 4
    assert all(rule.topic for rule in quiz.rules)
    assert len(quiz.outcomes) >= 3
    assert quiz.checklist == "vor-dem-auftrag"
    assert rulebook.checklists["vor-dem-auftrag"].quiz == "kundenfit"


def test_no_respect_for_boundaries_never_gives_the_best_outcome(rulebook):
    quiz = rulebook.quizzes["kundenfit"]
    rule = next(rule for rule in quiz.rules if rule.id == "grenzen")
    knock_out = next(a for a in rule.answers if "jederzeit" in a.text)
    assert knock_out.cap not in (None, quiz.outcomes[0].id)


def test_kundenfit_outcome_titles_use_die_person(rulebook):
    titles = [o.title for o in rulebook.quizzes["kundenfit"].outcomes]
    assert titles == ["Traumkunde", "Mit klaren Regeln machbar", "Lass die Person ziehen"]


def test_every_weak_answer_in_a_score_quiz_comes_with_advice(rulebook):
    for quiz in rulebook.quizzes.values():
        if quiz.kind != "score":
            continue
        for rule in quiz.rules:
            for index in range(len(rule.answers)):
                if rule.is_weak(index):
                    assert rule.advice_for(index), f"{quiz.id}/{rule.id} answer {index}"


def test_beziehungsphase_has_the_five_phases_with_actions(rulebook):
    quiz = rulebook.quizzes["beziehungsphase"]
    assert quiz.kind == "profile"
    assert len(quiz.outcomes) == 5
    assert 5 <= len(quiz.rules) <= 7
    assert "Dr. Roland Weber" in quiz.intro
    for outcome in quiz.outcomes:
        assert outcome.text
        assert 2 <= len(outcome.actions) <= 4, outcome.id


def test_answering_every_question_with_the_same_phase_gives_that_phase(rulebook):
    quiz = rulebook.quizzes["beziehungsphase"]
    for position, outcome in enumerate(quiz.outcomes):
        answers = [
            next(i for i, a in enumerate(rule.answers) if a.profile == outcome.id) for rule in quiz.rules
        ]
        assert score(quiz, answers).outcome == quiz.outcomes[position].id


def test_kontakt_self_check_shape(rulebook):
    quiz = rulebook.quizzes["kontakt"]
    assert quiz.kind == "score"
    assert 4 <= len(quiz.rules) <= 6
    assert len(quiz.outcomes) == 3
    assert quiz.checklist == "kundenpflege-krise"


@pytest.mark.parametrize("checklist_id", ["vor-dem-auftrag", "wunschkunden-avatar", "kundenpflege-krise"])
def test_checklists_fit_on_one_page(rulebook, checklist_id):
    checklist = rulebook.checklists[checklist_id]
    items = [rule for group in checklist.groups for rule in group.rules]
    assert 1 <= len(items) <= 12
    assert all(len(rule.check) <= 100 for rule in items)


def test_every_rule_is_used_and_cites_known_articles(rulebook):
    used = {rule.id for quiz in rulebook.quizzes.values() for rule in quiz.rules}
    used |= {
        rule.id
        for checklist in rulebook.checklists.values()
        for group in checklist.groups
        for rule in group.rules
    }
    assert used == set(rulebook.rules)
    for rule in rulebook.rules.values():
        assert rule.sources, rule.id
        assert set(rule.sources) <= ARTICLE_SLUGS, rule.id


def test_texts_use_german_quotes_and_informal_address(rulebook):
    for where, text in all_texts(rulebook):
        assert '"' not in text, f"{where}: gerade Anführungszeichen in {text!r}"
        assert text.count("„") == text.count("“"), f"{where}: {text!r}"
        for sentence in re.split(r"(?<=[.!?“:–])\s+", text):
            rest = sentence.split(" ", 1)[1] if " " in sentence else ""
            assert not FORMAL.search(rest), f"{where}: Sie-Form in {text!r}"


# Plural imperatives ("Vereinbart …", "Plant …") address a group; our texts say "du".
IHR_IMPERATIVE = re.compile(
    r"(?:^|[.!?–:]\s+)(?:Vereinbart|Plant|Klärt|Sprecht|Setzt|Haltet|Lasst|Nehmt|Macht)\b"
)


def test_texts_say_du_and_die_person(rulebook):
    for where, text in all_texts(rulebook):
        assert not IHR_IMPERATIVE.search(text), f"{where}: ihr-Imperativ in {text!r}"
        assert not re.search(r"\b[Ll]ass ihn\b", text), f"{where}: {text!r}"
        assert not re.search(r"(?<!E-)\bMail\b", text), f"{where}: E-Mail statt Mail in {text!r}"


def test_every_quiz_has_at_least_eight_examples(rulebook):
    for quiz in rulebook.quizzes.values():
        assert len(quiz.examples) >= 8, quiz.id
