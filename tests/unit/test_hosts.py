"""The host layouts as text: what the build writes for each KUNDENFIT_HOST, from a small site.

Whether the hosts do what these files ask is tested with their own servers in tests/hosts/.
"""

from __future__ import annotations

import json
import re

import pytest
from pelican.plugins.kundenfit import settings as kf_settings
from pelican.plugins.kundenfit.outputs.hosts import (
    GITHUB_WARNING,
    HOSTS,
    LONG,
    SHORT,
    Site,
    embed_folder,
    host_files,
    netlify_patterns,
)
from pelican.plugins.kundenfit.render.assets import (
    FINGERPRINTED,
    LOADER_NAME,
    asset_files,
    fingerprinted_name,
)
from pelican.plugins.site_helpers.fingerprint import fingerprinted, site_css

FILES = (
    "index.html",
    "404.html",
    "quiz/kundenfit/index.html",
    "embed/kundenfit/index.html",
    "kundenfit/kundenfit.0123456789ab.js",
    "kundenfit/loader.js",
    "theme/css/site.css",
    "theme/css/site.abcdef012345.css",
    "en/index.html",
    "en/404.html",
    "en/embed/kundenfit/index.html",
    "en/quiz/kundenfit/index.html",
    "_headers",  # an earlier build's host file: never part of the site
)
SITE = Site(FILES, ("", "en"), "embed/{id}/")


def test_site_normalises_languages_embed_folder_and_drops_host_files():
    assert SITE.lang_prefixes == ("en/", "")
    assert SITE.subsites == ["en/"]
    assert SITE.embed_dir == "embed/"
    assert "_headers" not in SITE.files
    assert SITE.assets == ["kundenfit/kundenfit.0123456789ab.js", "theme/css/site.abcdef012345.css"]


@pytest.mark.parametrize("setting", ["embed/{id}/", "/embed/", "embed", "embed/*"])
def test_embed_folder_from_the_url_setting(setting):
    assert embed_folder(setting) == "embed/"


def test_embed_url_without_a_folder_is_refused():
    with pytest.raises(ValueError, match="KUNDENFIT_EMBED_URL"):
        embed_folder("{id}/")


def rules(text: str) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("/"):
            out.append((line, []))
        elif line.startswith("  "):
            out[-1][1].append(line.strip())
    return out


def test_cloudflare_denies_everything_then_detaches_for_embeds_and_assets():
    (name,) = host_files("cloudflare", SITE).files
    text = host_files("cloudflare", SITE).files[name]
    assert name == "_headers"
    assert rules(text) == [
        (
            "/*",
            [
                "X-Frame-Options: DENY",
                "Content-Security-Policy: frame-ancestors 'none'",
                f"Cache-Control: {SHORT}",
            ],
        ),
        (
            "/embed/*",
            ["! X-Frame-Options", "! Content-Security-Policy", "Content-Security-Policy: frame-ancestors *"],
        ),
        (
            "/en/embed/*",
            ["! X-Frame-Options", "! Content-Security-Policy", "Content-Security-Policy: frame-ancestors *"],
        ),
        ("/kundenfit/kundenfit.0123456789ab.js", ["! Cache-Control", f"Cache-Control: {LONG}"]),
        ("/theme/css/site.abcdef012345.css", ["! Cache-Control", f"Cache-Control: {LONG}"]),
    ]


def test_netlify_has_one_rule_per_top_level_entry_and_per_file_next_to_assets():
    assert netlify_patterns(SITE) == [
        ("/", "deny"),
        ("/404.html", "deny"),
        ("/embed/*", "embed"),
        ("/en/", "deny"),
        ("/en/404.html", "deny"),
        ("/en/embed/*", "embed"),
        ("/en/index.html", "deny"),
        ("/en/quiz/*", "deny"),
        ("/index.html", "deny"),
        ("/kundenfit/kundenfit.0123456789ab.js", "asset"),
        ("/kundenfit/loader.js", "deny"),
        ("/quiz/*", "deny"),
        ("/theme/css/site.abcdef012345.css", "asset"),
        ("/theme/css/site.css", "deny"),
    ]


def test_netlify_writes_no_detach_and_sends_subsite_404s_to_their_page():
    files = host_files("netlify", SITE).files
    assert sorted(files) == ["_headers", "_redirects"]
    assert not any(line.startswith("!") for _, lines in rules(files["_headers"]) for line in lines)
    assert "/*" not in [pattern for pattern, _ in rules(files["_headers"])]
    redirects = [
        line.split() for line in files["_redirects"].splitlines() if line and not line.startswith("#")
    ]
    assert ["/en/*", "/en/404.html", "404"] in redirects
    assert ["/_headers", "/404.html", "404!"] in redirects


@pytest.mark.parametrize(
    ("path", "embed"),
    [("/embed/kundenfit/", True), ("/en/embed/x/", True), ("/quiz/embed/", False), ("/fr/embed/x/", False)],
)
def test_nginx_and_apache_tell_embed_pages_by_the_same_pattern(path, embed):
    nginx = host_files("nginx", SITE).files
    apache = host_files("apache", SITE).files[".htaccess"]
    nginx_regex = re.search(r'"~(\^/[^"]+)"  "frame-ancestors \*"', nginx["_host/nginx-http.conf"]).group(1)
    apache_regex = re.search(r"\"frame-ancestors \*\" \"expr=%\{REQUEST_URI\} =~ m#([^#]+)#", apache).group(1)
    assert nginx_regex == apache_regex == "^/(?:en/)?embed/"
    assert bool(re.search(nginx_regex, path)) is embed


def test_nginx_snippets_pick_the_404_page_by_language_and_hide_themselves():
    files = host_files("nginx", SITE).files
    assert sorted(files) == ["_host/nginx-http.conf", "_host/nginx-server.conf"]
    assert '"~^/en/"  /en/404.html;' in files["_host/nginx-http.conf"]
    assert "error_page 404 $kundenfit_not_found;" in files["_host/nginx-server.conf"]
    assert "location ^~ /_host/ {" in files["_host/nginx-server.conf"]


def test_apache_error_documents_per_language():
    text = host_files("apache", SITE).files[".htaccess"]
    assert "ErrorDocument 404 /404.html\n" in text
    assert '<If "%{REQUEST_URI} =~ m#^/en/#">\n    ErrorDocument 404 /en/404.html\n</If>' in text


def test_github_pages_writes_no_headers_and_warns():
    result = host_files("github-pages", SITE)
    assert result.files == {".nojekyll": ""}
    assert result.warning == GITHUB_WARNING and "\n" not in GITHUB_WARNING
    assert "einrahmen" in GITHUB_WARNING and "docs/deploy.md" in GITHUB_WARNING


def test_s3_writes_two_cloudfront_policies_and_which_paths_get_which():
    files = host_files("s3", SITE).files
    deny = json.loads(files["_host/cloudfront-deny-framing.json"])
    embed = json.loads(files["_host/cloudfront-embed-framing.json"])
    assert deny["SecurityHeadersConfig"]["FrameOptions"] == {"FrameOption": "DENY", "Override": True}
    assert (
        deny["SecurityHeadersConfig"]["ContentSecurityPolicy"]["ContentSecurityPolicy"]
        == "frame-ancestors 'none'"
    )
    assert embed["SecurityHeadersConfig"] == {
        "ContentSecurityPolicy": {"ContentSecurityPolicy": "frame-ancestors *", "Override": True}
    }
    behaviours = files["_host/cloudfront.txt"]
    assert re.search(r"^/en/embed/\*\s+kundenfit-embed-framing$", behaviours, re.M)
    assert re.search(r"^Default \(\*\)\s+kundenfit-deny-framing$", behaviours, re.M)


def test_every_host_has_a_layout_and_cloudflare_is_the_default():
    assert kf_settings.read({})["KUNDENFIT_HOST"] == "cloudflare"
    for host in HOSTS:
        assert kf_settings.host({"KUNDENFIT_HOST": host}) == host
        assert host_files(host, SITE).files


@pytest.mark.parametrize("value", ["netfly", "Cloudflare", "", None])
def test_unknown_host_is_one_line_naming_the_choices(value):
    with pytest.raises(kf_settings.HostSettingError) as error:
        kf_settings.host({"KUNDENFIT_HOST": value})
    message = str(error.value)
    assert "\n" not in message and message.startswith("pelican.conf.py: KUNDENFIT_HOST")
    for host in HOSTS:
        assert repr(host) in message


def test_asset_names_carry_a_content_hash_except_the_loader():
    files = asset_files()
    assert files[LOADER_NAME][0] == LOADER_NAME, "coaches paste the loader's address on other sites"
    for name, (public, text) in files.items():
        if name != LOADER_NAME:
            assert public == fingerprinted_name(name, text.encode()) and FINGERPRINTED.search(public)
    assert fingerprinted_name("a.js", b"1") != fingerprinted_name("a.js", b"2")


def test_site_css_is_fingerprinted_like_the_runtime(tmp_path):
    assert fingerprinted("css/site.css", b"body{}") == fingerprinted_name("css/site.css", b"body{}")
    assert site_css(tmp_path) is None, "a theme without css/site.css keeps its own links"
    (tmp_path / "static" / "css").mkdir(parents=True)
    (tmp_path / "static" / "css" / "site.css").write_bytes(b"body{}")
    name, content = site_css(tmp_path)
    assert FINGERPRINTED.search(name) and name.startswith("css/site.") and content == b"body{}"
