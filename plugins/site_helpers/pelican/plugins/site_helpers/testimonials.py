"""Testimonials for the landing page, from a YAML file the coach writes (SITE_TESTIMONIALS).

No file or no entries: no section on the page. A mistake is one line with file:line and what
to write instead, so the coach never reads a traceback. No Pelican import.
"""

from __future__ import annotations

from pathlib import Path

import yaml

FILE = "testimonials.yaml"  # in content/, unless SITE_TESTIMONIALS names another file
KEYS = {"quote": True, "name": True, "role": False, "lang": False}
EXAMPLE = '- quote: "Was die Person über die Zusammenarbeit sagt"\n  name: Vorname N.'


class TestimonialErrors(ValueError):
    """Every problem of the file, one line each."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def path_from_settings(settings: dict) -> Path:
    return Path(settings.get("PATH") or "content") / (settings.get("SITE_TESTIMONIALS") or FILE)


def read_testimonials(path: Path, languages: list[str], default_lang: str) -> list[dict]:
    """Every entry as {"quote", "name", "role", "lang"}, in the file's order; [] without a file.

    Raises TestimonialErrors naming file:line of each mistake.
    """
    path = Path(path)
    if not path.is_file():
        return []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        raise TestimonialErrors(
            [f"{path}:1: ist nicht als UTF-8 gespeichert – speichere die Datei als UTF-8."]
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise TestimonialErrors(
            [f"{path}:{line}: kein gültiges YAML ({error.problem}) – jeder Eintrag beginnt so:\n{EXAMPLE}"]
        ) from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise TestimonialErrors(
            [f"{path}:{root.start_mark.line + 1}: erwartet eine Liste von Stimmen, jede so:\n{EXAMPLE}"]
        )
    entries, problems = [], []
    for node in root.value:
        entry, found = _entry(path, node, languages, default_lang)
        problems += found
        if entry:
            entries.append(entry)
    if problems:
        raise TestimonialErrors(problems)
    return entries


def _entry(path: Path, node, languages: list[str], default_lang: str) -> tuple[dict | None, list[str]]:
    at = f"{path}:{node.start_mark.line + 1}"
    if not isinstance(node, yaml.MappingNode):
        return None, [f"{at}: ein Eintrag braucht quote und name, etwa:\n{EXAMPLE}"]
    entry, problems = {}, []
    for key_node, value_node in node.value:
        key, line = key_node.value, f"{path}:{key_node.start_mark.line + 1}"
        if key not in KEYS:
            problems.append(f"{line}: unbekannter Schlüssel „{key}“ – erlaubt sind {', '.join(KEYS)}.")
            continue
        if not isinstance(value_node, yaml.ScalarNode) or not str(value_node.value).strip():
            problems.append(f"{line}: „{key}“ braucht einen Text in derselben Zeile.")
            continue
        entry[key] = " ".join(str(value_node.value).split())
    present = {key_node.value for key_node, _ in node.value}
    for key, required in KEYS.items():
        if required and key not in present:
            problems.append(f"{at}: „{key}“ fehlt – jeder Eintrag braucht quote und name.")
    entry.setdefault("lang", default_lang)
    entry.setdefault("role", "")
    if entry["lang"] not in languages:
        problems.append(
            f"{at}: lang: {entry['lang']} gibt es hier nicht – erlaubt sind {', '.join(languages)}."
        )
    return (entry if not problems else None), problems
