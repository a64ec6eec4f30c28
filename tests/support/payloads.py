"""Put hostile text into every field a coach or translator writes, in a copy of the site.

Every injected text is the original followed by MARK and PAYLOAD, so a page that shows a field
as text shows MARK immediately followed by the whole PAYLOAD; anything read as markup, script or
template breaks that sequence (or the page's DOM structure).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po
from pelican.plugins.kundenfit.languages.catalogs import PLUGIN_DOMAIN, PLUGIN_LOCALEDIR
from pelican.plugins.kundenfit.quiz.model import VISIBLE_TEXT

ROOT = Path(__file__).resolve().parents[2]
MARK = "§§K§§"  # in every font, so PDFs show it too
PARTS = (
    '<script>window.__pwned("script")</script>',
    "<img src=x onerror=\"window.__pwned('img')\">",
    '"><svg onload=window.__pwned("attr")>',
    "'><b onmouseover=window.__pwned('sq')>b</b>",
    '</script><script>window.__pwned("close")</script>',
    "<!--",
    "{{ 7*7 }}{% raw %}",
    '${window.__pwned("tpl")}',
    "\u2028",
    "javascript:window.__pwned('url')",
    "]]>",
    "-->",
)
PAYLOAD = " ".join(PARTS)
# Checklist lines are limited to 100 characters: they get the short payload instead of text.
SHORT_MARK = "§§k§§"
SHORT_PAYLOAD = "<script>__pwned(1)</script>\"'><!--{{7*7}}${1}\u2028</b>"
SHOWN_AS = {MARK: PAYLOAD, SHORT_MARK: SHORT_PAYLOAD}

ARTICLE_FIELDS = ("title", "keypoints", "category", "tags", "source_title", "source_author", "source_site")
PAGE_FIELDS = ("title",)
RULE_KEYS = {key for keys in VISIBLE_TEXT.values() for key in keys}
SITE_TEXT_SETTINGS = ("SITENAME", "SITESUBTITLE")
OWNER_FIELDS = ("name", "legal_form", "represented_by", "street", "city", "phone", "register", "vat_id")
PRIVACY_FIELDS = ("hosting", "log_retention")


def hostile(text: str) -> str:
    return f"{text} {MARK}{PAYLOAD}"


def copy_site(target: Path) -> Path:
    """The site's settings, content and catalogs in `target`; the theme is linked."""
    target.mkdir(parents=True)
    for name in ("content", "translations"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy2(ROOT / "pelican.conf.py", target / "pelican.conf.py")
    (target / "theme").symlink_to(ROOT / "theme")
    return target


def add_lead_form(site: Path, hostile_text: bool) -> None:
    """A lead form provider in the settings (both builds), its texts hostile in one of them."""
    text = hostile if hostile_text else (lambda value: value)
    setting = {
        "preset": "custom",
        "action": "https://newsletter.example/subscribe",
        "company": text("Beispiel-Versand GmbH, Berlin"),
        "country": "Deutschland",
        "consent_text": {
            "de": text("Ja, schick mir den Newsletter."),
            "en": text("Yes, send me the newsletter."),
        },
        "hidden": {"list": text("coaches")},
    }
    with (site / "pelican.conf.py").open("a", encoding="utf-8") as settings:
        settings.write(f"\nKUNDENFIT_LEAD_FORM = {setting!r}\n")


def inject(site: Path) -> None:
    """Payloads into metadata, rule texts, both catalogs and the site settings of `site`."""
    for path in (site / "content").rglob("*.md"):
        fields = PAGE_FIELDS if "pages" in path.relative_to(site / "content").parts else ARTICLE_FIELDS
        path.write_text(_metadata(path.read_text(encoding="utf-8"), fields), encoding="utf-8")
    for path in (site / "content" / "rules").glob("*.yaml"):
        book = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.dump(_rule_texts(book), Dumper=_NoAliases, allow_unicode=True, sort_keys=False))
    _catalog(site / "translations/en/LC_MESSAGES/rules.po", msgids=True)
    _catalog(
        site / "translations/en/LC_MESSAGES/messages.po",
        extra=PLUGIN_LOCALEDIR / f"en/LC_MESSAGES/{PLUGIN_DOMAIN}.po",
    )
    with (site / "pelican.conf.py").open("a", encoding="utf-8") as settings:
        settings.write("\n# Payloads (tests/support/payloads.py)\n")
        for name in SITE_TEXT_SETTINGS:
            settings.write(f"{name} = {name} + {' ' + MARK + PAYLOAD!r}\n")
        # Filled fields only: an empty optional field leaves its line out, by design.
        for setting, names in (("SITE_OWNER", OWNER_FIELDS), ("SITE_PRIVACY", PRIVACY_FIELDS)):
            for name in names:
                settings.write(
                    f"if {setting}[{name!r}]:\n    {setting}[{name!r}] += {' ' + MARK + PAYLOAD!r}\n"
                )


def _metadata(text: str, fields: tuple[str, ...]) -> str:
    head, _, body = text.partition("\n\n")
    lines = head.splitlines()
    for index, line in enumerate(lines):
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() in fields and value.strip():
            if key.strip().lower() == "tags":  # each tag is a field of its own
                value = ", ".join(hostile(tag.strip()).replace(",", " ") for tag in value.split(","))
                lines[index] = f"{key}: {value}"
            else:
                lines[index] = f"{key}:{value.rstrip()} {MARK}{PAYLOAD}"
    return "\n".join(lines) + "\n\n" + body


def _rule_texts(node, key: str | None = None):
    if isinstance(node, dict):
        return {k: _rule_texts(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_rule_texts(item, key) for item in node]
    if isinstance(node, str) and key == "check":
        return f"{SHORT_MARK}{SHORT_PAYLOAD}"
    if isinstance(node, str) and key in RULE_KEYS:
        return hostile(node)
    return node


def _catalog(path: Path, msgids: bool = False, extra: Path | None = None) -> None:
    """Payloads into every translation (and into msgids too for rule texts, which change)."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    if extra is not None:
        with extra.open("rb") as handle:
            for message in read_po(handle, locale="en"):
                if message.id and message.id not in catalog:
                    catalog[message.id] = message
    for message in list(catalog):
        if not message.id or not message.string:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # Jinja's newstyle gettext formats every UI string: a literal % is written %%.
        percent = "%" if msgids else "%%"
        strings = tuple(hostile(s).replace(PAYLOAD, PAYLOAD.replace("%", percent)) for s in strings)
        if msgids and "› check" in " ".join(message.auto_comments):
            strings = (f"{SHORT_MARK}{SHORT_PAYLOAD}",)
        message.string = strings if isinstance(message.string, tuple) else strings[0]
        if msgids:
            del catalog[message.id]
            message.id = _rule_texts(
                message.id, "check" if "› check" in " ".join(message.auto_comments) else "text"
            )
            catalog[message.id] = message
    with path.open("wb") as handle:
        write_po(handle, catalog)


class _NoAliases(yaml.SafeDumper):
    """Rule files refuse YAML anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def normalized(text: str) -> str:
    """Whitespace (including U+2028 and no-break spaces) collapsed, as a reader sees it."""
    return re.sub(r"[\s\u00a0\u2028\u2029]+", " ", text).strip()
