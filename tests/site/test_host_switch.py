"""KUNDENFIT_HOST changes only the host's files and the privacy page's third-country section:
every other page, asset and PDF stays byte for byte."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pelican.plugins.kundenfit.outputs.hosts import is_host_file

from tests.support.build import build_site

SITEURL = "https://kundenfit.example"
# Every host, in two builds: the first three into one folder each, the rest into a folder of an
# earlier host (a build into an existing output/ must not keep the other host's files).
HOSTS = ["cloudflare", "netlify", "nginx", "apache", "github-pages", "s3"]
# The Datenschutz page names a transfer to the USA for US hosts (site_helpers/hosting.py): its
# section id="drittland" follows the host, the rest of the page does not.
PRIVACY_PAGES = ("datenschutz/index.html", "en/datenschutz/index.html")
THIRD_COUNTRY = re.compile(rb'<h2 id="drittland">.*?(?=<h2 id=")', re.DOTALL)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, tuple[dict[str, bytes], str]]:
    """host -> (the files of its build, what the build printed)."""
    base = tmp_path_factory.mktemp("hosts")
    out = {}
    for index, host in enumerate(HOSTS):
        folder = base / f"out-{index % 3}"
        result = build_site(folder, SITEURL, [f'KUNDENFIT_HOST="{host}"'])
        assert result.returncode == 0, result.stderr
        out[host] = (files(folder), result.stdout + result.stderr)
    return out


@pytest.fixture(scope="module")
def builds(runs) -> dict[str, dict[str, bytes]]:
    return {host: built for host, (built, _) in runs.items()}


def without_third_country(name: str, content: bytes) -> bytes:
    return THIRD_COUNTRY.sub(b"", content, count=1) if name in PRIVACY_PAGES else content


def test_pages_stay_byte_identical_whatever_the_host(builds):
    site = {
        host: {k: without_third_country(k, v) for k, v in built.items() if not is_host_file(k)}
        for host, built in builds.items()
    }
    reference = site["cloudflare"]
    assert any(name.endswith("index.html") for name in reference) and len(reference) > 50
    for host, built in site.items():
        assert sorted(built) == sorted(reference), host
        changed = [name for name in reference if built[name] != reference[name]]
        assert changed == [], f"{host} changed {changed[:5]}"


def test_the_privacy_page_follows_the_host(builds):
    for host, built in builds.items():
        section = THIRD_COUNTRY.search(built["datenschutz/index.html"]).group(0).decode()
        if host in ("nginx", "apache"):
            assert "Keine Übermittlung in Drittländer" in section and "USA" not in section, host
        else:
            assert "Übermittlung in die USA" in section, host


def test_each_host_gets_only_its_own_files(builds):
    expected = {
        "cloudflare": ["_headers"],
        "netlify": ["_headers", "_redirects"],
        "nginx": ["_host/nginx-http.conf", "_host/nginx-server.conf"],
        "apache": [".htaccess"],
        "github-pages": [".nojekyll"],
        "s3": [
            "_host/cloudfront-deny-framing.json",
            "_host/cloudfront-embed-framing.json",
            "_host/cloudfront.txt",
        ],
    }
    for host, built in builds.items():
        assert sorted(name for name in built if is_host_file(name)) == expected[host], host


def test_unknown_host_stops_the_build_with_one_line(tmp_path):
    result = build_site(tmp_path / "out", SITEURL, ['KUNDENFIT_HOST="netfly"'])
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if "KUNDENFIT_HOST" in line]
    assert errors == [
        "pelican.conf.py: KUNDENFIT_HOST = 'netfly' gibt es nicht – wähle 'cloudflare', "
        "'netlify', 'nginx', 'apache', 'github-pages' oder 's3' (docs/deploy.md)."
    ]


def test_only_the_github_pages_build_warns_that_it_cannot_send_headers(runs):
    for host, (_, log) in runs.items():
        assert ("GitHub Pages kann keine Header senden" in log) is (host == "github-pages"), host
