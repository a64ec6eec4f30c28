"""Netlify: `_headers` without overlapping rules and `_redirects`, served by `netlify dev --offline`.

`netlify dev` applies the `_headers` rules to what it serves, but its static server's own
`Cache-Control: public, max-age=0` wins over theirs (production Netlify sends the rule's). So the
asset lifetimes, and the property Netlify needs most (no address matches two rules: Netlify sends
the headers of every matching rule and cannot remove one), are checked with Netlify's own parser.
"""

from __future__ import annotations

import json
import subprocess
from urllib.parse import urlsplit

from pelican.plugins.kundenfit.outputs.hosts import LONG, SHORT

from tests.hosts import servers
from tests.hosts.contract import (  # noqa: F401 - pytest collects the imported tests here
    DENY,
    blog,
    fetch,
    frame_headers,
    page_assets,
    test_embed_page_reaches_the_result_inside_a_frame_on_another_origin,
    test_embed_pages_may_be_framed_by_any_site,
    test_host_files_are_not_served,
    test_other_addresses_and_loader_refuse_frames,
    test_pages_and_loader_are_refused_inside_a_frame,
    test_unknown_address_gets_the_404_page_of_its_language,
)

HOST = "netlify"
START = servers.netlify


def matching_rules(output, paths: list[str]) -> dict[str, list[dict]]:
    """path -> the `_headers` rules Netlify's parser matches (tests/hosts/netlify_rules.mjs)."""
    result = subprocess.run(
        ["node", str(servers.HERE / "netlify_rules.mjs"), str(output), *paths],
        cwd=servers.HERE,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env=servers.tool_env(),
    )
    return json.loads(result.stdout)


def site_addresses(output) -> list[str]:
    """Every file of the site as an address, and every folder with an index.html as '/folder/'."""
    paths = []
    for file in sorted(output.rglob("*")):
        if file.is_file() and file.name not in ("_headers", "_redirects"):
            path = "/" + file.relative_to(output).as_posix()
            paths.append(path)
            if file.name == "index.html":
                paths.append(path[: -len("index.html")])
    return paths


def test_no_address_matches_two_rules(served):
    rules = matching_rules(served.output, site_addresses(served.output))
    assert len(rules) > 50  # every page and asset of both languages
    for path, matched in rules.items():
        assert len(matched) == 1, f"{path}: {[r['for'] for r in matched]}"
        values = matched[0]["values"]
        if "/embed/" in path:
            assert values == {"Content-Security-Policy": "frame-ancestors *", "Cache-Control": SHORT}, path
        else:
            assert values["X-Frame-Options"] == "DENY", path
            assert values["Content-Security-Policy"] == "frame-ancestors 'none'", path


def test_fingerprinted_assets_are_kept_a_year(served):
    assets = page_assets(served)
    assert len(assets) == 5, assets
    rules = matching_rules(served.output, [urlsplit(url).path for url in assets])
    for url in assets:
        status, headers, _ = fetch(url)
        assert status == 200 and frame_headers(headers) == DENY, url
        (rule,) = rules[urlsplit(url).path]
        assert rule["values"]["Cache-Control"] == LONG, url
