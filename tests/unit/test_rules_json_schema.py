"""The JSON Schema editors use for rule files: shipped, named by every rule file, and in step
with the validator.

The schema is made from the declared shape (`rules/shape.py`) the validator reads with, and
the agreement test below makes sure both accept and refuse the same files: it takes valid
rule files, breaks them the way a coach does (an unknown, misspelt or German key, a key
renamed or deleted, a value of the wrong kind) and compares the two verdicts.

What the schema cannot see, and the build reports with file:line instead:

* cross-references (`CROSS_REFERENCES`): whether an id named somewhere exists;
* comparisons between entries: the same answer text twice in a question, an outcome id twice
  in a quiz, a rule twice on a checklist or more than 12 lines on it, a band written `5-3`.
  The mutations below never create these (fresh values only).
"""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican.plugins.kundenfit.cli import main
from pelican.plugins.kundenfit.rules.json_schema import SCHEMA_FILE, rule_file_schema, schema_text
from pelican.plugins.kundenfit.rules.loader import load_yaml, parse_yaml
from pelican.plugins.kundenfit.rules.schema import read_definitions
from pelican.plugins.kundenfit.rules.shape import ITEMS, SHAPES

ROOT = Path(__file__).resolve().parents[2]
RULE_FILES = sorted((ROOT / "content" / "rules").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "sample_site" / "content" / "rules").glob("*.yaml")
)
DOC = ROOT / "docs" / "rule-format.md"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")

# Keys whose value names an id defined elsewhere: the only difference allowed between the
# schema and the build. The schema checks their spelling; the build checks they exist.
CROSS_REFERENCES = {
    ("rule", "topic"),
    ("answer", "profile"),
    ("answer", "cap"),
    ("quiz", "checklist"),
    ("quiz", "rules"),
    ("knockout", "outcome"),
    ("example", "answers"),
    ("example", "outcome"),
    ("checklist", "quiz"),
    ("group", "rules"),
}

VALIDATOR = jsonschema.Draft7Validator(rule_file_schema())


def documented_examples() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def seeds() -> list[dict]:
    """Every valid rule file we have, as plain data: the site's, the sample site's, the docs'."""
    documents = [load_yaml(path, str(path))[0] for path in RULE_FILES]
    documents += [parse_yaml(text, "doc.yaml")[0] for text in documented_examples()]
    return [json.loads(json.dumps(document)) for document in documents]


SEEDS = seeds()


def validator_accepts(document) -> tuple[bool, list[str]]:
    """What the build's shape check says about a document written out as YAML and read back."""
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    value, problems = parse_yaml(text, "regeln.yaml")
    assert problems == [], problems
    _definitions, problems = read_definitions(value, "regeln.yaml")
    return not problems, [str(problem) for problem in problems]


def schema_accepts(document, validator=VALIDATOR) -> tuple[bool, list[str]]:
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    return not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_the_shipped_schema_is_the_generated_one():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "rule-file.schema.json is stale: run `.venv/bin/kundenfit schema "
        "plugins/kundenfit/pelican/plugins/kundenfit/rules/rule-file.schema.json`"
    )
    jsonschema.Draft7Validator.check_schema(json.loads(schema_text()))


def test_the_plugin_ships_the_schema_as_package_data():
    pyproject = (ROOT / "plugins" / "kundenfit" / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"rules/{SCHEMA_FILE.name}"' in pyproject


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_every_rule_file_names_the_shipped_schema_on_its_first_line(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"{path}: first line should be '# yaml-language-server: $schema=…'"
    assert (path.parent / match[1]).resolve() == SCHEMA_FILE.resolve()


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_every_rule_file_matches_the_schema(path):
    document, problems = load_yaml(path, str(path))
    assert problems == []
    assert schema_accepts(document) == (True, [])


def test_the_documented_example_names_the_schema_and_matches_it():
    example = documented_examples()[0]
    assert MODELINE.match(example.splitlines()[0])
    assert schema_accepts(parse_yaml(example, "doc.yaml")[0]) == (True, [])


def test_the_command_prints_and_writes_the_schema(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert main(["schema"], out=out, err=err) == 0
    assert out.getvalue() == schema_text()
    target = tmp_path / "rule-file.schema.json"
    assert main(["schema", str(target)], out=out, err=err) == 0
    assert target.read_text(encoding="utf-8") == schema_text()
    assert main(["schema", str(tmp_path / "fehlt" / "x.json")], out=out, err=err) == 2
    assert "lässt sich nicht schreiben" in err.getvalue()


def test_every_declared_key_occurs_in_the_seeds():
    """Mutations start from the seeds, so every key must occur in one to be mutated."""
    seen: set[tuple[str, str]] = set()

    def walk(data, shape):
        for key, value in data.items() if isinstance(data, dict) else ():
            seen.add((shape.name, key))
            declared = shape.key(key)
            if declared.kind == ITEMS:
                for item in value:
                    walk(item, SHAPES[declared.of])

    for seed in SEEDS:
        walk(seed, SHAPES["file"])
    assert seen == {(shape.name, key.name) for shape in SHAPES.values() for key in shape.keys}


# ---- the agreement test ---------------------------------------------------------------------

KEY_NAMES = sorted({key.name for shape in SHAPES.values() for key in shape.keys})
# Keys a coach types by mistake: misspelt, German, capitalised, or from another language.
WRONG_KEYS = ["qestion", "frage", "punkte", "Points", "ID", "titel", "anwser", "outcome_id", "x"]


def fresh_values(n: int) -> list:
    """Values of every kind, none equal to anything already in a seed (no duplicates made)."""
    return [
        None,
        True,
        False,
        0,
        1,
        -1,
        1000 + n,
        "",
        "  ",
        f"Neuer Text {n}",
        f"neu-{n}",
        f"Neu {n}",
        f"{n}-{n + 3}",
        "score",
        "profile",
        [],
        [f"neu-{n}"],
        [f"neu-{n}", f"neu-{n}"],
        [f"Text {n}"],
        [1],
        [{}],
        {},
        {f"neu-{n}": 1},
        {f"neu-{n}": f"Text {n}"},
        {"text": f"Text {n}"},
    ]


def places(data, path=()):
    """Every (path, container) in a document: mappings and lists, outermost first."""
    if isinstance(data, dict):
        yield path, data
        for key, value in data.items():
            yield from places(value, (*path, key))
    elif isinstance(data, list):
        yield path, data
        for index, value in enumerate(data):
            yield from places(value, (*path, index))


@st.composite
def mutated(draw):
    """A seed with one mistake a coach makes, and a description of it."""
    document = copy.deepcopy(draw(st.sampled_from(SEEDS)))
    path, target = draw(st.sampled_from(list(places(document))))
    value = draw(st.sampled_from(fresh_values(draw(st.integers(1, 99)))))
    if isinstance(target, dict):
        keys = list(target)
        action = draw(st.sampled_from(["add", "rename", "delete", "replace"] if keys else ["add"]))
        if action == "add":
            key = draw(st.sampled_from([k for k in KEY_NAMES + WRONG_KEYS if k not in target]))
            target[key] = value
            return document, f"{path}: add {key}: {value!r}"
        key = draw(st.sampled_from(keys))
        if action == "delete":
            del target[key]
            return document, f"{path}: delete {key}"
        if action == "replace":
            target[key] = value
            return document, f"{path}: {key}: {value!r}"
        new = draw(st.sampled_from([k for k in KEY_NAMES + WRONG_KEYS if k not in target]))
        target[new] = target.pop(key)
        return document, f"{path}: rename {key} to {new}"
    action = draw(st.sampled_from(["append", "delete", "replace"] if target else ["append"]))
    if action == "append":
        target.append(value)
        return document, f"{path}: append {value!r}"
    index = draw(st.integers(0, len(target) - 1))
    if action == "delete":
        del target[index]
        return document, f"{path}: delete entry {index}"
    target[index] = value
    return document, f"{path}[{index}]: {value!r}"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_schema_and_validator_agree_on_every_mistake(case):
    document, mistake = case
    validator_ok, problems = validator_accepts(document)
    schema_ok, errors = schema_accepts(document)
    assert validator_ok == schema_ok, (
        f"after {mistake}: the validator {'accepts' if validator_ok else 'refuses'} "
        f"({problems[:3]}), the schema {'accepts' if schema_ok else 'refuses'} ({errors[:3]})"
    )


def test_the_agreement_test_notices_a_schema_that_drifts():
    """A schema without one declared rule (no 'cap' beside 'profile') disagrees on a mistake."""
    drifted = copy.deepcopy(rule_file_schema())
    answer = drifted["definitions"]["answer"]
    answer["allOf"] = [rule for rule in answer["allOf"] if rule.get("if") != {"required": ["profile"]}]
    document = copy.deepcopy(next(s for s in SEEDS if "quizzes" in s and "rules" in s))
    profile_answer = next(
        answer for rule in document["rules"] for answer in rule.get("answers", ()) if "profile" in answer
    )
    profile_answer["cap"] = "neu"
    assert validator_accepts(document)[0] is False
    assert schema_accepts(document)[0] is False
    assert schema_accepts(document, jsonschema.Draft7Validator(drifted))[0] is True


# ---- cross-references: the schema checks the spelling, the build whether the id exists ----


@pytest.mark.parametrize(
    ("shape", "key", "source", "message"),
    [
        (
            "answer",
            "cap",
            "rules:\n  - id: a\n    question: F?\n    answers:\n      - {text: Ja, points: 1}\n"
            "      - {text: Nein, points: 0, cap: schlecht}\n"
            "quizzes:\n  - id: q\n    kind: score\n    title: Q\n    rules: [a]\n    outcomes:\n"
            "      - {id: gut, title: Gut, points: 1, text: Gut.}\n"
            "      - {id: mies, title: Mies, points: 0, text: Mies.}\n",
            "regeln.yaml:6: [a] 'cap: schlecht' nennt kein Ergebnis des Quiz 'q' (regeln.yaml:8). "
            "Möglich sind: gut, mies.",
        ),
        (
            "quiz",
            "rules",
            "quizzes:\n  - id: q\n    kind: score\n    title: Q\n    rules: [fehlt]\n    outcomes:\n"
            "      - {id: gut, title: Gut, points: 1, text: Gut.}\n"
            "      - {id: mies, title: Mies, points: 0, text: Mies.}\n",
            "regeln.yaml:5: [q] Regel 'fehlt' gibt es nicht. Prüfe die Schreibweise oder lege die Regel an.",
        ),
        (
            "rule",
            "topic",
            "rules:\n  - id: a\n    topic: respekt\n    check: Geklärt\n",
            "regeln.yaml:3: [a] Thema 'respekt' gibt es nicht. Prüfe die Schreibweise oder lege das "
            "Thema an.",
        ),
    ],
)
def test_a_dangling_reference_passes_the_schema_and_stops_the_build(
    shape, key, source, message, load_problems
):
    assert (shape, key) in CROSS_REFERENCES
    document = parse_yaml(source, "regeln.yaml")[0]
    assert schema_accepts(document) == (True, [])
    assert load_problems(source) == [message]
