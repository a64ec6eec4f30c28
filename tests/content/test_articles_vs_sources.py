"""Each German article is a summary of its seed in our own words, plus a section of our own.

The seeds (the coaches' original blog posts) live outside the repository, in ``../shared/seeds/``
beside the repo root (CI clones the repo with ``../shared`` next to it). Without them these tests
fail rather than skip: an unchecked article must not look like a checked one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT.parent / "shared" / "seeds"
ARTICLES = REPO_ROOT / "content" / "articles"

# slug -> (seed file, text that starts the post, text that starts the page furniture after it).
# The markers cut off what is not the post (view counters, author box, "popular posts" list), so
# the length limit compares with the post itself; the copy check always uses the whole seed file.
SOURCES = {
    "nein-als-segen": ("000_7f6865afe39464f1.txt", None, "コメント"),
    "kunden-die-nicht-passen": ("001_4f36914a745747e0.txt", "Macht dein Kunde dich", "Über die Autorin"),
    "phasen-der-kundenbeziehung": (
        "002_b1faf350514639e8.txt",
        "Liebe auf den ersten Blick?",
        "Beliebte Posts aus diesem Blog",
    ),
    "wunschkunden-avatar": ("003_e25888215f62c67b.txt", None, None),
    "kontakt-in-der-krise": ("004_262d5d5a2d138d84.txt", None, None),
}
COACH_SECTION = {"de": "## Was heißt das für dich als Coach?", "en": "## What this means for you as a coach"}
MAX_SHARE = 0.60  # summary (without our coach section) : source, in words
RUN = 8  # this many consecutive words shared with the source is copying

_QUOTE = re.compile(r"„[^“]*“|“[^”]*”|\"[^\"\n]*\"")
_DIRECTIVE = re.compile(r"\{%.*?%\}")
_DASHES = re.compile(r"[-‐‑‒–—―/]")
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-case words; punctuation, quote marks, hyphens and dashes only separate words."""
    return _WORD.findall(_DASHES.sub(" ", text.lower()))


def runs(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


def read_article(path: Path) -> tuple[dict[str, str], str]:
    """Split a Markdown article into its metadata (continuation lines joined) and its body."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta: dict[str, str] = {}
    key = None
    for line in head.splitlines():
        if line[:1].isspace() and key:
            meta[key] += "\n" + line.strip()
        else:
            key, _, value = line.partition(":")
            key = key.strip().lower()
            meta[key] = value.strip()
    return meta, _DIRECTIVE.sub("", body)


def without_section(body: str, heading: str) -> str:
    """The body without the section under `heading` (up to the next h2 or the end)."""
    start = body.find(heading)
    if start < 0:
        return body
    end = body.find("\n## ", start + len(heading))
    return body[:start] + (body[end:] if end >= 0 else "")


def seed_text(slug: str, whole: bool = False) -> str:
    name, start, end = SOURCES[slug]
    text = (SEEDS / name).read_text(encoding="utf-8")
    if whole:
        return text
    for marker in (start, end):
        assert marker is None or marker in text, f"{name}: marker {marker!r} not found, update SOURCES"
    if start:
        text = text[text.index(start) :]
    if end:
        text = text[: text.index(end)]
    return text


def copied_runs(article_text: str, source_text: str) -> list[str]:
    """Runs of RUN words found in both texts, quotes („…“, “…”, "…") excluded on the article side."""
    source = runs(source_text)
    found = []
    for segment in _QUOTE.split(article_text):
        for run in sorted(runs(segment) & source):
            found.append(" ".join(run))
    return found


@pytest.fixture(scope="module", autouse=True)
def seeds_present():
    if not SEEDS.is_dir():
        pytest.fail(f"seed folder {SEEDS} is missing: clone the shared folder beside the repository")


@pytest.fixture(params=sorted(SOURCES))
def slug(request) -> str:
    return request.param


def test_every_german_article_has_a_source():
    slugs = {path.stem for path in (ARTICLES / "de").glob("*.md")}
    assert slugs == set(SOURCES), "add the new article's seed to SOURCES"


def test_summary_is_at_most_sixty_percent_of_the_source(slug):
    _, body = read_article(ARTICLES / "de" / f"{slug}.md")
    summary = len(words(without_section(body, COACH_SECTION["de"])))
    source = len(words(seed_text(slug)))
    assert summary <= MAX_SHARE * source, f"{slug}: {summary} words, source {source} ({summary / source:.0%})"


def test_no_run_of_eight_words_copied_outside_quotes(slug):
    meta, body = read_article(ARTICLES / "de" / f"{slug}.md")
    shown = "\n".join([meta.get("title", ""), meta.get("summary", ""), meta.get("keypoints", ""), body])
    copied = copied_runs(shown, seed_text(slug, whole=True))
    assert not copied, f"{slug}: copied without quotation marks: {copied}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_article_has_the_coach_section(slug, lang):
    _, body = read_article(ARTICLES / lang / f"{slug}.md")
    assert COACH_SECTION[lang] in body.splitlines(), f"{lang}/{slug}: no {COACH_SECTION[lang]!r}"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_unknown_author(slug, lang):
    meta, _ = read_article(ARTICLES / lang / f"{slug}.md")
    for key in ("source_author", "source_site", "source_title"):
        value = meta.get(key, "").lower()
        assert "unbekannt" not in value and "unknown" not in value, f"{lang}/{slug}: {key}: {value}"


def test_english_article_has_the_same_sections(slug):
    sections = {}
    for lang in ("de", "en"):
        meta, body = read_article(ARTICLES / lang / f"{slug}.md")
        assert meta["slug"] == slug
        sections[lang] = [line.count("#") for line in body.splitlines() if line.startswith("##")]
    assert sections["de"] == sections["en"], f"{slug}: headings differ between German and English"


# The checks themselves, on small texts side by side.


def test_words_ignore_case_punctuation_and_dashes():
    assert words("Kunden-Avatar – „Ja’s“, bitte!") == ["kunden", "avatar", "ja", "s", "bitte"]


def test_copied_run_is_found_and_quotes_are_excluded():
    source = "Man bekommt immer genau die Kunden, die man sich wünscht, sagt er."
    assert copied_runs("Er sagt: man bekommt immer genau die Kunden, die man sich wünscht.", source)
    assert not copied_runs("Er sagt: „Man bekommt immer genau die Kunden, die man sich wünscht“.", source)
    assert not copied_runs("Man bekommt genau die Kundschaft, die man sich wünscht.", source)


def test_coach_section_is_cut_up_to_the_next_heading():
    body = "Eins\n\n## Was heißt das für dich als Coach?\n\nZwei\n\n## Weiter\n\nDrei"
    assert without_section(body, COACH_SECTION["de"]).split() == ["Eins", "##", "Weiter", "Drei"]


def phase_titles() -> dict[str, list[str]]:
    """The outcome titles of the quiz beziehungsphase, German and English (from the rule catalog)."""
    rules = yaml.safe_load((REPO_ROOT / "content/rules/beziehungsphase.yaml").read_text(encoding="utf-8"))
    quiz = next(quiz for quiz in rules["quizzes"] if quiz["id"] == "beziehungsphase")
    german = [outcome["title"] for outcome in quiz["outcomes"]]
    with (REPO_ROOT / "translations/en/LC_MESSAGES/rules.po").open("rb") as handle:
        catalog = read_po(handle)
    return {"de": german, "en": [catalog.get(title).string for title in german]}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_phase_headings_are_the_quiz_outcomes(lang):
    _, body = read_article(ARTICLES / lang / "phasen-der-kundenbeziehung.md")
    headings = [line.lstrip("#").strip() for line in body.splitlines() if line.startswith("### ")]
    assert headings == phase_titles()[lang]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_phase_model_is_credited_to_weber_with_a_non_breaking_space(lang):
    text = (ARTICLES / lang / "phasen-der-kundenbeziehung.md").read_text(encoding="utf-8")
    assert "Dr.\u00a0Roland Weber" in text
    assert "Dr. Roland" not in text, "write Dr.\\u00a0Roland Weber (no-break space)"
