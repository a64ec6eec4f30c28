"""Shared fixtures: the real site built once per run and served on 127.0.0.1, and Chromium.

Browser tests skip when Chromium or Playwright is missing, unless REQUIRE_BROWSER=1 (as in CI),
where a missing browser is an error.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.support.build import build_site
from tests.support.server import StaticServer, free_port

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(site_port, site_dir) -> str:
    """Base URL (with trailing slash) of the built site, served for the whole session."""
    server = StaticServer(site_dir, site_port)
    yield f"http://127.0.0.1:{site_port}/"
    server.stop()


@pytest.fixture(scope="session")
def site_origin(site_port) -> str:
    return f"http://127.0.0.1:{site_port}"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, site_origin) -> Path:
    """The real content built once, with SITEURL set to the test server's address."""
    out = tmp_path_factory.mktemp("site") / "output"
    result = build_site(out, site_origin)
    if result.returncode != 0:
        pytest.fail(f"site build failed:\n{result.stdout}\n{result.stderr}")
    return out


def _chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def _missing_browser(reason: str):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing_browser("Playwright for Python is not installed")
    executable = _chromium_path()
    if not executable:
        _missing_browser("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page
