"""What each kind of setting accepts, so a wrong value stops the build with one line, not a traceback.

Every type's `problem(value)` returns None when the value is usable, else the end of a sentence
that starts with the setting's name: what is wrong and what to write instead. `settings.SHAPES`
declares one type per KUNDENFIT_* setting; `settings.problems` builds the lines.
"""

from __future__ import annotations

import posixpath
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass


class Type:
    """A declared setting type; subclasses say what they accept."""

    def problem(self, value) -> str | None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError


class Elsewhere(Type):
    """A value whose own module checks its shape (the lead form: render/leads.py)."""

    def problem(self, value) -> str | None:
        return None


@dataclass(frozen=True)
class Optional(Type):
    """None or "" (the feature is off; the templates treat both alike) or a value of `inner`."""

    inner: Type

    def problem(self, value) -> str | None:
        return None if value is None or value == "" else self.inner.problem(value)


@dataclass(frozen=True)
class Flag(Type):
    def problem(self, value) -> str | None:
        if isinstance(value, bool):
            return None
        return "ist kein Wahrheitswert – schreib True oder False (ohne Anführungszeichen)."


@dataclass(frozen=True)
class Text(Type):
    """A non-empty text; `pattern` (a regex) and `hint` describe what it must look like."""

    example: str
    pattern: str | None = None
    hint: str = ""

    def problem(self, value) -> str | None:
        if not isinstance(value, str):
            return f"ist kein Text – schreib ihn in Anführungszeichen, z. B. {self.example!r}."
        if not value.strip():
            return f"ist leer – trag einen Wert ein, z. B. {self.example!r}."
        if self.pattern and not re.fullmatch(self.pattern, value):
            return f"{self.hint}, z. B. {self.example!r}."
        return None


@dataclass(frozen=True)
class Email(Type):
    def problem(self, value) -> str | None:
        if isinstance(value, str) and re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value.strip()):
            return None
        return "ist keine E-Mail-Adresse – schreib z. B. 'hallo@deine-domain.de' oder None."


@dataclass(frozen=True)
class Ids(Type):
    """A list of ids (quizzes, checklists)."""

    def problem(self, value) -> str | None:
        if isinstance(value, list | tuple) and all(isinstance(v, str) and v.strip() for v in value):
            return None
        return "ist keine Liste von Ids – schreib z. B. ['kundenfit', 'vor-dem-auftrag'] oder []."


@dataclass(frozen=True)
class OneOf(Type):
    choices: Sequence[str]

    def problem(self, value) -> str | None:
        if value in self.choices:
            return None
        names = [repr(c) for c in self.choices]
        return f"gibt es nicht – wähle {', '.join(names[:-1])} oder {names[-1]}."


@dataclass(frozen=True)
class Pattern(Type):
    """An address or file name with fields in braces, e.g. 'quiz/{id}/index.html'.

    `fields` may appear, `required` must (else every quiz would go to the same file).
    `save_as`: a file written into output/, so it must name a file and stay inside output/.
    `own_folder`: the fields must follow a folder of their own (the embed pages' headers).
    """

    example: str
    fields: tuple[str, ...] = ("id",)
    required: tuple[str, ...] = ("id",)
    save_as: bool = False
    own_folder: bool = False

    def problem(self, value) -> str | None:
        if not isinstance(value, str):
            return f"ist kein Text – schreib z. B. {self.example!r}."
        if not value.strip():
            what = "Datei" if self.save_as else "Adresse"
            return f"ist leer – ohne {what} kann nichts geschrieben werden; schreib z. B. {self.example!r}."
        try:
            used = {name for _text, name, _spec, _conv in string.Formatter().parse(value) if name is not None}
        except ValueError:
            return (
                "hat eine geschweifte Klammer ohne Gegenstück – jedes { braucht ein }, "
                f"z. B. {self.example!r}."
            )
        unknown = sorted(used - set(self.fields))
        if unknown:
            allowed = ", ".join(f"{{{f}}}" for f in self.fields) or "keine"
            return f"kennt {{{unknown[0]}}} nicht – erlaubt sind {allowed}, z. B. {self.example!r}."
        missing = [f for f in self.required if f not in used]
        if missing:
            return (
                f"braucht {{{missing[0]}}}, sonst landen alle an derselben Stelle – z. B. {self.example!r}."
            )
        try:
            filled = value.format(**{f: "x" for f in self.fields})
        except (ValueError, KeyError, IndexError, AttributeError):
            return f"lässt sich nicht ausfüllen – schreib Felder schlicht als {{id}}, z. B. {self.example!r}."
        if self.own_folder and not value.split("{")[0].strip().strip("/*"):
            return f"braucht einen eigenen Ordner vor {{id}}, z. B. {self.example!r}."
        return self._place_problem(filled)

    def _place_problem(self, filled: str) -> str | None:
        where = "output/" if self.save_as else "der Website"
        if filled.startswith("/") or "://" in filled or "\\" in filled:
            return (
                f"ist kein Pfad innerhalb von {where} – schreib ihn ohne / am Anfang, z. B. {self.example!r}."
            )
        if ".." in filled.split("/"):
            return f"führt mit '..' aus {where} heraus – schreib z. B. {self.example!r}."
        if self.save_as and (filled.endswith("/") or posixpath.basename(filled) in ("", ".")):
            return f"nennt einen Ordner, keine Datei – schreib z. B. {self.example!r}."
        return None


@dataclass(frozen=True)
class Folder(Type):
    """A folder inside output/ (the runtime assets)."""

    example: str

    def problem(self, value) -> str | None:
        return Pattern(self.example, fields=(), required=()).problem(value)


ANALYTICS_TOOLS = ("plausible", "matomo", "umami")


@dataclass(frozen=True)
class Analytics(Type):
    """A self-hosted statistics tool the quiz events go to: {"tool", "url", "site"}.

    `site` is what the tool knows the site by: Plausible's domain (optional: the page's host
    name), Matomo's numeric site id, Umami's website id.
    """

    example = "{'tool': 'plausible', 'url': 'https://statistik.deine-domain.de', 'site': 'deine-domain.de'}"

    def problem(self, value) -> str | None:
        if not isinstance(value, dict):
            return f"ist kein Wörterbuch – schreib z. B. {self.example} oder None."
        unknown = sorted(str(k) for k in value if k not in ("tool", "url", "site"))
        if unknown:
            return (
                f"kennt {unknown[0]!r} nicht – erlaubt sind 'tool', 'url' und 'site', z. B. {self.example}."
            )
        tool = value.get("tool")
        if tool not in ANALYTICS_TOOLS:
            return f"braucht 'tool': 'plausible', 'matomo' oder 'umami', z. B. {self.example}."
        url = value.get("url")
        if not isinstance(url, str) or not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", url):
            return (
                "braucht 'url': die Adresse deiner eigenen Statistik-Installation mit https://, "
                f"z. B. {self.example}."
            )
        site = value.get("site")
        if site is None and tool == "plausible":
            return None
        if tool == "matomo" and not re.fullmatch(r"[1-9][0-9]*", str(site)):
            return "braucht 'site': die Website-ID aus Matomo (eine Zahl), z. B. 'site': 1."
        if not isinstance(site, str | int) or not str(site).strip():
            what = (
                "die Website-ID aus Umami"
                if tool == "umami"
                else "die Domain, unter der Plausible die Website führt"
            )
            return f"braucht 'site': {what}."
        return None
