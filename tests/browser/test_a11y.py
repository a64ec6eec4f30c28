"""Every built page, every kind in both languages, has no axe-core violation in the light and in
the dark colour scheme (prefers-color-scheme emulated), and requests nothing from another host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support.checks import html_files, missing_page_kinds, page_url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_no_violations_and_no_foreign_request(browser, site_dir, site_url, site_origin, scheme):
    from axe_playwright_python.sync_playwright import Axe

    files = html_files(site_dir)
    assert missing_page_kinds(site_dir, files) == []
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(10_000)
    axe = Axe()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    problems = []
    try:
        for file in files:
            url = page_url(site_dir, file, site_origin)
            page.goto(url, wait_until="load")
            results = axe.run(page)
            for violation in results.response["violations"]:
                targets = [node["target"] for node in violation["nodes"]][:3]
                what = f"{violation['id']} ({violation['impact']}): {violation['help']}"
                problems.append(f"{scheme} {url}: {what} {targets}")
    finally:
        context.close()
    foreign = sorted(
        {
            u
            for u in requests
            if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != urlsplit(site_origin).netloc
        }
    )
    assert problems == [], "\n".join(problems)
    assert foreign == [], "requests to other hosts:\n" + "\n".join(foreign)
