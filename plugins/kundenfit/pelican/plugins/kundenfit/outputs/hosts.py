"""The files each static host reads: who may frame which page, how long browsers keep what.

Every layout says the same four things in the host's own language:
- embed pages (`/embed/*`, `/en/embed/*`) send `Content-Security-Policy: frame-ancestors *` and no
  `X-Frame-Options`: any site may show them in an iframe;
- everything else, `loader.js` included, sends `X-Frame-Options: DENY` and
  `Content-Security-Policy: frame-ancestors 'none'` (no site may frame it: clickjacking);
- fingerprinted assets (`name.<12 hex>.css|js`, see assets.py) are kept a year, everything else
  is revalidated on every visit, so a new deploy shows at once;
- an unknown address gets the 404 page of its language.

One small pure function per host: a `Site` (what the build wrote) in, `HostFiles` out (paths
relative to output/ -> text, plus a warning for a host that cannot send headers). No Pelican,
no file access: host_output.py lists the output folder and writes the files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..render.assets import FINGERPRINTED

HOSTS = ("cloudflare", "netlify", "nginx", "apache", "github-pages", "s3")
DEFAULT_HOST = "cloudflare"

X_FRAME = "X-Frame-Options"
CSP = "Content-Security-Policy"
CACHE = "Cache-Control"
DENY = ((X_FRAME, "DENY"), (CSP, "frame-ancestors 'none'"))
ALLOW = ((CSP, "frame-ancestors *"),)
LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=0, must-revalidate"
# Written by the build for the server, never part of the site (host_output.py removes them first).
HOST_FILES = ("_headers", "_redirects", ".htaccess", ".nojekyll", "_host/")
FINGERPRINT_REGEX = FINGERPRINTED.pattern  # name.<12 hex>.css|js


@dataclass(frozen=True)
class Site:
    """What the build wrote: every file (paths like 'quiz/x/index.html', 'en/404.html')."""

    files: tuple[str, ...]
    lang_prefixes: tuple[str, ...] = ("",)  # '' for the main language, 'en/' for a subsite
    embed_dir: str = "embed/"

    def __post_init__(self):
        prefixes = []
        for prefix in self.lang_prefixes:
            prefix = prefix.strip("/")
            prefix = f"{prefix}/" if prefix else ""
            if prefix not in prefixes:
                prefixes.append(prefix)
        if "" not in prefixes:
            prefixes.insert(0, "")
        # Longest first, so 'en/' wins over '' when a path is sorted into its language.
        object.__setattr__(self, "lang_prefixes", tuple(sorted(prefixes, key=len, reverse=True)))
        object.__setattr__(self, "embed_dir", embed_folder(self.embed_dir))
        object.__setattr__(self, "files", tuple(sorted(f for f in self.files if not is_host_file(f))))

    @property
    def subsites(self) -> list[str]:
        return sorted(p for p in self.lang_prefixes if p)

    @property
    def assets(self) -> list[str]:
        return [f for f in self.files if FINGERPRINTED.search(f)]

    def lang_of(self, path: str) -> str:
        return next(p for p in self.lang_prefixes if path.startswith(p))


@dataclass
class HostFiles:
    files: dict[str, str] = field(default_factory=dict)
    warning: str | None = None


def embed_folder(url_setting: str) -> str:
    """KUNDENFIT_EMBED_URL ('embed/{id}/') -> the folder of the embed pages ('embed/')."""
    path = url_setting.strip().lstrip("/")
    if "{" in path:
        path = path[: path.index("{")]
    path = path.rstrip("*")
    if not path.strip("/"):
        raise ValueError(
            f"KUNDENFIT_EMBED_URL {url_setting!r} needs a folder of its own, e.g. 'embed/{{id}}/'"
        )
    return path if path.endswith("/") else f"{path}/"


def is_host_file(path: str) -> bool:
    return any(path == name or (name.endswith("/") and path.startswith(name)) for name in HOST_FILES)


def _comment(lines: list[str], mark: str = "#") -> str:
    return "\n".join(f"{mark} {line}".rstrip() for line in lines)


INTRO = [
    "Written by every build for KUNDENFIT_HOST = '{host}' (plugins/kundenfit: hosts.py); edits are lost.",
    "Only the embed pages may be shown in a frame, by any site; every other address refuses frames.",
    "Fingerprinted assets (name.<hash>.css/js) are kept a year; everything else is revalidated.",
]


def _intro(host: str, mark: str = "#") -> str:
    return _comment([line.format(host=host) for line in INTRO], mark)


def _lang_group(site: Site) -> str:
    """A regex part for an optional language prefix: '(?:en/)?' (or '' without subsites)."""
    return f"(?:{'|'.join(re.escape(p) for p in site.subsites)})?" if site.subsites else ""


def _embed_regex(site: Site) -> str:
    return f"^/{_lang_group(site)}{re.escape(site.embed_dir)}"


# -- Cloudflare Pages: `_headers` with detach lines ------------------------------------------------


def _rule(pattern: str, lines: list[str]) -> str:
    return "\n".join([pattern, *(f"  {line}" for line in lines)])


def cloudflare(site: Site) -> HostFiles:
    """`/*` refuses frames; later rules detach (`! Name`) what it attached, which only Cloudflare
    understands. Cloudflare Pages itself serves the nearest `404.html` up the path."""
    blocks = [
        _intro("cloudflare"),
        "# Every address: no site may frame it; revalidate on every visit.\n"
        + _rule("/*", [*(f"{k}: {v}" for k, v in DENY), f"{CACHE}: {SHORT}"]),
        "# Embed pages: any site may frame them. '! Name' removes what /* attached above; without\n"
        "# it both policies would apply and 'none' would win.\n"
        + "\n\n".join(
            _rule(f"/{p}{site.embed_dir}*", [f"! {X_FRAME}", f"! {CSP}", *(f"{k}: {v}" for k, v in ALLOW)])
            for p in sorted(site.lang_prefixes, key=len)
        ),
    ]
    if site.assets:
        blocks.append(
            "# Fingerprinted assets: a changed file gets a new name, so browsers keep these a year.\n"
            + "\n\n".join(_rule(f"/{a}", [f"! {CACHE}", f"{CACHE}: {LONG}"]) for a in site.assets)
        )
    return HostFiles({"_headers": "\n\n".join(blocks) + "\n"})


# -- Netlify: `_headers` without overlapping rules, `_redirects` for the 404 pages -----------------


def netlify_patterns(site: Site) -> list[tuple[str, str]]:
    """(pattern, kind) with kind 'deny', 'embed' or 'asset'; no two patterns match one address.

    Netlify sends the headers of every matching rule and has no detach, so there is no `/*`:
    each top-level file and folder of each language gets its own rule, and a folder that holds
    fingerprinted assets is listed file by file.
    """
    tops: dict[str, list[str]] = {}  # '/quiz/*', '/en/404.html' -> the files under it
    embeds = set()
    for path in site.files:
        prefix = site.lang_of(path)
        rest = path[len(prefix) :]
        if rest.startswith(site.embed_dir):
            embeds.add(f"/{prefix}{site.embed_dir}*")
        elif "/" in rest:
            tops.setdefault(f"/{prefix}{rest.split('/', 1)[0]}/*", []).append(path)
        else:
            tops.setdefault(f"/{prefix}{rest}", []).append(path)
    patterns = [(top, "embed") for top in embeds]
    for top, files in tops.items():
        if any(FINGERPRINTED.search(f) for f in files):
            patterns.extend((f"/{f}", "asset" if FINGERPRINTED.search(f) else "deny") for f in files)
        else:
            patterns.append((top, "deny"))
            if top.endswith("/index.html") and top.count("/") == 1 + bool(site.lang_of(top[1:])):
                patterns.append((top[: -len("index.html")], "deny"))  # the home page: '/' and '/en/'
    return sorted(patterns)


def netlify(site: Site) -> HostFiles:
    """Non-overlapping `_headers` rules; `_redirects` sends unknown subsite addresses to their 404."""
    headers = {
        "deny": [*(f"{k}: {v}" for k, v in DENY), f"{CACHE}: {SHORT}"],
        "asset": [*(f"{k}: {v}" for k, v in DENY), f"{CACHE}: {LONG}"],
        "embed": [*(f"{k}: {v}" for k, v in ALLOW), f"{CACHE}: {SHORT}"],
    }
    text = (
        _intro("netlify")
        + "\n# Netlify sends the headers of EVERY matching rule and cannot remove one, so no two"
        + "\n# rules here match the same address (no '/*'); the next build adds new top-level folders.\n\n"
        + "\n\n".join(_rule(pattern, headers[kind]) for pattern, kind in netlify_patterns(site))
        + "\n"
    )
    redirects = [
        _intro("netlify"),
        "# Unknown addresses get the 404 page of their language (Netlify serves /404.html itself).",
        *(f"/{p}*  /{p}404.html  404" for p in site.subsites if f"{p}404.html" in site.files),
        "# The files Netlify reads are not part of the site.",
        "/_headers  /404.html  404!",
        "/_redirects  /404.html  404!",
    ]
    return HostFiles({"_headers": text, "_redirects": "\n".join(redirects) + "\n"})


# -- nginx: two snippets to include (http and server context) -------------------------------------


def nginx(site: Site) -> HostFiles:
    """`map`s decide per address, so no `location` block repeats (or loses) the `add_header` lines."""
    not_found = "\n".join(f'    "~^/{re.escape(p)}"  /{p}404.html;' for p in site.subsites)
    http = f"""{_intro("nginx")}
# Include inside http {{ }}, e.g. as /etc/nginx/conf.d/kundenfit.conf; the server part is nginx-server.conf.
map $uri $kundenfit_x_frame_options {{
    "~{_embed_regex(site)}"  "";
    default  "DENY";
}}
map $uri $kundenfit_frame_ancestors {{
    "~{_embed_regex(site)}"  "frame-ancestors *";
    default  "frame-ancestors 'none'";
}}
map $uri $kundenfit_cache_control {{
    "~{FINGERPRINT_REGEX}"  "{LONG}";
    default  "{SHORT}";
}}
map $uri $kundenfit_not_found {{
{not_found}
    default  /404.html;
}}
"""
    server = f"""{_intro("nginx")}
# Include inside the site's server {{ }} (root = the uploaded output/ folder); maps: nginx-http.conf.
# An empty value sends no header at all, so embed pages get no X-Frame-Options.
add_header X-Frame-Options $kundenfit_x_frame_options always;
add_header Content-Security-Policy $kundenfit_frame_ancestors always;
add_header Cache-Control $kundenfit_cache_control always;
error_page 404 $kundenfit_not_found;
# These snippets are for the server, not for visitors.
location ^~ /_host/ {{
    return 404;
}}
"""
    return HostFiles({"_host/nginx-http.conf": http, "_host/nginx-server.conf": server})


# -- Apache: `.htaccess` (Apache reads it and never serves it) -------------------------------------


def apache(site: Site) -> HostFiles:
    """Each header line carries its own condition, so the order in which Apache merges
    configuration sections does not matter. Needs mod_headers (`a2enmod headers`)."""
    embed = f"m#{_embed_regex(site)}#"
    asset = f"m#{FINGERPRINT_REGEX}#"
    not_found = "\n".join(
        f'<If "%{{REQUEST_URI}} =~ m#^/{re.escape(p)}#">\n    ErrorDocument 404 /{p}404.html\n</If>'
        for p in site.subsites
    )
    text = f"""{_intro("apache")}
# Apache 2.4.10 or later with mod_headers; also works inside <Directory> of a virtual host.
Header always set X-Frame-Options "DENY" "expr=%{{REQUEST_URI}} !~ {embed}"
Header always set Content-Security-Policy "frame-ancestors 'none'" "expr=%{{REQUEST_URI}} !~ {embed}"
Header always set Content-Security-Policy "frame-ancestors *" "expr=%{{REQUEST_URI}} =~ {embed}"
Header always set Cache-Control "{LONG}" "expr=%{{REQUEST_URI}} =~ {asset}"
Header always set Cache-Control "{SHORT}" "expr=%{{REQUEST_URI}} !~ {asset}"
ErrorDocument 404 /404.html
{not_found}
"""
    return HostFiles({".htaccess": text})


# -- GitHub Pages: no headers at all ----------------------------------------------------------------

GITHUB_WARNING = (
    "KUNDENFIT_HOST = 'github-pages': GitHub Pages kann keine Header senden – jede Seite lässt sich "
    "auf fremden Websites einrahmen (Clickjacking), Dateien werden nur 10 Minuten zwischengespeichert "
    "und /en/ zeigt die deutsche 404-Seite. Besser: Cloudflare Pages oder Netlify (docs/deploy.md)."
)


def github_pages(site: Site) -> HostFiles:
    """Only `.nojekyll` (publish the files as they are) and the warning: no header file exists."""
    return HostFiles({".nojekyll": ""}, warning=GITHUB_WARNING)


# -- S3 with CloudFront: two response headers policies ---------------------------------------------


def _policy(name: str, comment: str, security: dict) -> str:
    config = {"Name": name, "Comment": comment, "SecurityHeadersConfig": security}
    return json.dumps(config, indent=2) + "\n"


def s3(site: Site) -> HostFiles:
    """CloudFront response headers policies (aws cloudfront create-response-headers-policy
    --response-headers-policy-config file://…) and which paths get which (cloudfront.txt)."""
    deny = _policy(
        "kundenfit-deny-framing",
        "Kundenfit: every address except the embed pages",
        {
            "FrameOptions": {"FrameOption": "DENY", "Override": True},
            "ContentSecurityPolicy": {"ContentSecurityPolicy": "frame-ancestors 'none'", "Override": True},
        },
    )
    embed = _policy(
        "kundenfit-embed-framing",
        "Kundenfit: embed pages, any site may frame them",
        {"ContentSecurityPolicy": {"ContentSecurityPolicy": "frame-ancestors *", "Override": True}},
    )
    behaviours = "\n".join(
        [
            _intro("s3"),
            "# CloudFront cache behaviours -> response headers policy (docs/deploy.md, S3 with CloudFront):",
            *(
                f"{f'/{p}{site.embed_dir}*':<20} kundenfit-embed-framing"
                for p in sorted(site.lang_prefixes, key=len)
            ),
            f"{'Default (*)':<20} kundenfit-deny-framing",
            "# Cache-Control travels with the files (aws s3 sync --cache-control), fingerprinted first:",
            f"{'*.????????????.css':<20} {LONG}",
            f"{'*.????????????.js':<20} {LONG}",
            f"{'everything else':<20} {SHORT}",
            "# Custom error response: 404 -> /404.html (one per distribution, not per language).",
        ]
    )
    return HostFiles(
        {
            "_host/cloudfront-deny-framing.json": deny,
            "_host/cloudfront-embed-framing.json": embed,
            "_host/cloudfront.txt": behaviours + "\n",
        }
    )


LAYOUTS: dict[str, Callable[[Site], HostFiles]] = {
    "cloudflare": cloudflare,
    "netlify": netlify,
    "nginx": nginx,
    "apache": apache,
    "github-pages": github_pages,
    "s3": s3,
}
assert tuple(LAYOUTS) == HOSTS


def host_files(host: str, site: Site) -> HostFiles:
    """The files for `host` (one of HOSTS; settings.py checks the value first)."""
    return LAYOUTS[host](site)
