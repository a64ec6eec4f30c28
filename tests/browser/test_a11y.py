"""Every built page has no axe-core violation and requests nothing from another host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support.checks import html_files, page_url

pytestmark = pytest.mark.browser


def test_axe_reports_no_violations_and_no_foreign_request(page, site_dir, site_url, site_origin):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    problems = []
    for file in html_files(site_dir):
        url = page_url(site_dir, file, site_origin)
        page.goto(url, wait_until="load")
        results = axe.run(page)
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(
                f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}"
            )
    foreign = sorted(
        {
            u
            for u in requests
            if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != urlsplit(site_origin).netloc
        }
    )
    assert problems == [], "\n".join(problems)
    assert foreign == [], "requests to other hosts:\n" + "\n".join(foreign)
