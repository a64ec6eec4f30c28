"""Testimonials for the landing page, from a YAML file the coach writes (SITE_TESTIMONIALS).

No file or no entries: no section on the page. The file is read like a rule file (the
Kundenfit plugin's loader: safe, bounded, UTF-8, syntax errors in plain words), and every
mistake is one line with file:line and what to write instead. No Pelican import.
"""

from __future__ import annotations

from pathlib import Path

from pelican.plugins.kundenfit.errors import RuleProblem
from pelican.plugins.kundenfit.rules.loader import YamlList, YamlMap, load_yaml

FILE = "testimonials.yaml"  # in content/, unless SITE_TESTIMONIALS names another file
REQUIRED = ("quote", "name")
KEYS = (*REQUIRED, "role", "lang")
ENTRY = "jeder Eintrag: „- quote: …“ und darunter „  name: …“ (role und lang freiwillig)"


def path_from_settings(settings: dict) -> Path:
    return Path(settings.get("PATH") or "content") / (settings.get("SITE_TESTIMONIALS") or FILE)


def read_testimonials(
    path: Path, languages: list[str], default_lang: str
) -> tuple[list[dict], list[RuleProblem]]:
    """Every entry as {"quote", "name", "role", "lang"} in the file's order, and the problems.

    No file: no entries and no problem (the site shows no testimonials).
    """
    path = Path(path)
    if not path.exists():
        return [], []
    shown = str(path)
    data, problems = load_yaml(path, shown)
    if problems or data is None:
        return [], problems
    if not isinstance(data, YamlList):
        line = getattr(data, "line", 1)
        return [], [RuleProblem(shown, line, f"Hier steht keine Liste von Stimmen – {ENTRY}.")]
    entries = []
    for index, item in enumerate(data):
        entry, found = _entry(shown, data.line_of(index), item, languages, default_lang)
        problems += found
        if entry is not None:
            entries.append(entry)
    return (entries if not problems else []), problems


def _entry(shown: str, line: int, item, languages: list[str], default_lang: str):
    if not isinstance(item, YamlMap):
        return None, [
            RuleProblem(shown, line, f"Dieser Eintrag ist kein Eintrag mit quote und name – {ENTRY}.")
        ]
    problems = []
    for key, value in item.items():
        at = item.line_of(key)
        if key not in KEYS:
            problems.append(
                RuleProblem(shown, at, f"Unbekannter Schlüssel „{key}“ – erlaubt sind {', '.join(KEYS)}.")
            )
        elif not isinstance(value, str) or not value.strip():
            problems.append(RuleProblem(shown, at, f"„{key}“ braucht einen Text – etwa {key}: …"))
    for key in REQUIRED:
        if key not in item:
            problems.append(RuleProblem(shown, item.line, f"„{key}“ fehlt – {ENTRY}."))
    lang = item.get("lang") or default_lang
    if isinstance(lang, str) and lang not in languages:
        problems.append(
            RuleProblem(
                shown,
                item.line_of("lang"),
                f"lang: {lang} gibt es hier nicht – erlaubt sind {', '.join(languages)}.",
            )
        )
    if problems:
        return None, problems
    entry = {key: " ".join(item[key].split()) for key in KEYS if key in item}
    return {"role": "", **entry, "lang": lang}, []
