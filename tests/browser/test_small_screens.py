"""Every page fits a 320 px wide phone screen: nothing forces sideways scrolling."""

from __future__ import annotations

import pytest

from tests.support.checks import html_files, page_url

pytestmark = pytest.mark.browser


def test_no_page_scrolls_sideways_at_320_px(browser, site_dir, site_url, site_origin):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = []
    for file in html_files(site_dir):
        url = page_url(site_dir, file, site_origin)
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append(f"{url}: {width} px")
    context.close()
    assert too_wide == []


# Every layout shift the page reports, with what moved (the Layout Instability API).
_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const moved = entry.sources.map((s) => (s.node && s.node.id) || String(s.node && s.node.nodeName));
    window.__shifts.push(moved);
  }
}).observe({type: 'layout-shift', buffered: true});
"""


@pytest.mark.parametrize("path", ["quiz/kundenfit/", "en/quiz/kontakt/"])
def test_the_first_question_stays_put_when_the_script_starts_on_a_slow_phone(browser, site_url, path):
    """On a slow line and CPU the page paints before kundenfit.js runs; the progress it then
    shows above the first question must not push the question down (a layout shift)."""
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 6})
    cdp.send("Network.enable")
    conditions = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 90_000}
    cdp.send("Network.emulateNetworkConditions", conditions)
    page.add_init_script(_SHIFTS)
    page.goto(f"{site_url}/{path}")
    page.wait_for_selector("[data-kf-quiz][data-kf-ready]")
    page.wait_for_timeout(500)
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert shifts == [], f"moved when the script started: {shifts}"
