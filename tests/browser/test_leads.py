"""The lead form of each provider preset, sent in Chromium to a recording stand-in for the provider.

For every preset (render/lead_presets.py) the plugin's sample site is built with
KUNDENFIT_LEAD_FORM pointing at a tiny HTTP server on loopback that records each POST. The test
checks the exact field names and values the provider reads, the per-outcome value included:

- without JavaScript, on the outcome page (its form is routed for that outcome at build time);
- with JavaScript, on the quiz page after answering (kundenfit.js applies data-kf-routes).

A preset whose route changes more than the outcome field (another form address, key or tag)
shows that the runtime applies the whole route, not only the outcome's value.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.checks import validate_html
from tests.support.quiz import answer_steps
from tests.support.sample_site import SAMPLE_SITE, build
from tests.support.server import StaticServer, free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_rulebook(SAMPLE_SITE / "content" / "rules")
QUIZ = "demo"
EMAIL, NAME = "kundin@example.org", "Kim"


def worst_answers(quiz) -> list[int]:
    return [min(range(len(r.answers)), key=lambda i, r=r: r.answers[i].points) for r in quiz.rules]


WORST = worst_answers(BOOK.quizzes[QUIZ])
OUTCOME = score(BOOK.quizzes[QUIZ], WORST).outcome  # "mittel"

# preset -> (setting without "action" beyond the path, the path the sign-up goes to, the fields
# the provider documents, with their values for OUTCOME; "routed": needs the runtime's routes).
CASES = {
    "brevo": (
        {
            "action": "/brevo",
            "fields": {"outcome": "ERGEBNIS", "quiz": "QUIZ"},
            "outcomes": {f"{QUIZ}/{OUTCOME}": {"action": f"/brevo-{OUTCOME}"}},
        },
        f"/brevo-{OUTCOME}",
        {
            "EMAIL": EMAIL,
            "FIRSTNAME": NAME,
            "OPT_IN": "1",
            "locale": "de",
            "email_address_check": "",
            "QUIZ": QUIZ,
            "ERGEBNIS": OUTCOME,
        },
        True,
    ),
    "cleverreach": (
        {"action": "/cleverreach", "fields": {"first_name": "1001", "outcome": "1002", "quiz": "1003"}},
        "/cleverreach",
        {"email": EMAIL, "1001": NAME, "1003": QUIZ, "1002": OUTCOME},
        False,
    ),
    "klicktipp": (
        {
            "action": "/klicktipp",
            "fields": {"outcome": "2002", "quiz": "2003"},
            "hidden": {"apikey": "key-for-all"},
            "outcomes": {f"{QUIZ}/{OUTCOME}": {"hidden": {"apikey": f"key-for-{OUTCOME}"}}},
        },
        "/klicktipp",
        {
            "apikey": f"key-for-{OUTCOME}",
            "email": EMAIL,
            "fields[fieldFirstName]": NAME,
            "fields[field2003]": QUIZ,
            "fields[field2002]": OUTCOME,
        },
        True,
    ),
    "rapidmail": (
        {"action": "/rapidmail", "fields": {"outcome": "ergebnis"}},
        "/rapidmail",
        {"email": EMAIL, "firstname": NAME, "ergebnis": OUTCOME},
        False,
    ),
    "mailerlite": (
        {"action": "/mailerlite", "fields": {"outcome": "ergebnis", "quiz": "quiz"}},
        "/mailerlite",
        {
            "fields[email]": EMAIL,
            "fields[name]": NAME,
            "fields[quiz]": QUIZ,
            "fields[ergebnis]": OUTCOME,
            "ml-submit": "1",
            "anticsrf": "true",
        },
        False,
    ),
    "mailchimp": (
        {
            "action": "/mailchimp?u=abc123&id=def456",
            "fields": {"outcome": "MMERGE5"},
            "outcomes": {f"{QUIZ}/{OUTCOME}": {"hidden": {"tags": "4711"}}},
        },
        "/mailchimp?u=abc123&id=def456",
        {"EMAIL": EMAIL, "FNAME": NAME, "MMERGE5": OUTCOME, "tags": "4711", "b_abc123_def456": ""},
        True,
    ),
    "kit": (
        {"action": "/kit", "fields": {"outcome": "ergebnis", "lang": "sprache"}},
        "/kit",
        {
            "email_address": EMAIL,
            "fields[first_name]": NAME,
            "fields[ergebnis]": OUTCOME,
            "fields[sprache]": "de",
        },
        False,
    ),
}


class _Recorder(BaseHTTPRequestHandler):
    requests: list[dict] = []  # replaced per server

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        self.requests.append({"method": self.command, "path": self.path, "body": body})
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<!DOCTYPE html><title>Danke</title><p>Danke!</p>")

    do_GET = do_POST = _record  # noqa: N815 - http.server's names

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def provider():
    """A stand-in for the provider's form address: records every request it receives."""
    handler = type("Recorder", (_Recorder,), {"requests": []})
    port = free_port()
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield {"origin": f"http://127.0.0.1:{port}", "requests": handler.requests}
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module", params=list(CASES))
def site(request, tmp_path_factory, provider):
    """The sample site built with one preset, served on its own port: (preset, site address)."""
    preset = request.param
    setting, _path, _fields, _routed = CASES[preset]
    origin = provider["origin"]
    setting = {
        **setting,
        "preset": preset,
        "action": origin + setting["action"],
        "outcomes": {
            key: {**route, **({"action": origin + route["action"]} if "action" in route else {})}
            for key, route in setting.get("outcomes", {}).items()
        },
    }
    port = free_port()
    out = tmp_path_factory.mktemp(f"lead-{preset}") / "output"
    result = build(
        out,
        f'SITEURL="http://127.0.0.1:{port}"',
        f"KUNDENFIT_LEAD_FORM={json.dumps(setting)}",
        'KUNDENFIT_PRIVACY_URL="datenschutz/"',
    )
    if result.returncode != 0:
        pytest.fail(f"site build failed:\n{result.stdout}\n{result.stderr}")
    server = StaticServer(out, port)
    yield preset, f"http://127.0.0.1:{port}/", out
    server.stop()


def fill_and_send(form) -> None:
    form.locator("input[type=email]").fill(EMAIL)
    form.locator("input[autocomplete=given-name]").fill(NAME)
    form.locator("input[type=checkbox]").check()
    form.locator("button[type=submit]").click()


def sign_up(provider, path: str) -> dict:
    """The one POST that reached `path`, as {name: value} (each name once)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        posts = [r for r in provider["requests"] if r["method"] == "POST"]
        if posts:
            break
        time.sleep(0.1)
    (request,) = [r for r in provider["requests"] if r["method"] == "POST"]
    assert request["path"] == path
    fields = parse_qs(request["body"], keep_blank_values=True)
    assert all(len(values) == 1 for values in fields.values()), fields
    return {name: values[0] for name, values in fields.items()}


def test_outcome_page_without_javascript_sends_the_presets_fields(browser, site, provider):
    preset, address, _out = site
    _setting, path, expected, _routed = CASES[preset]
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        seen = []
        page.on("request", lambda request: seen.append(request.url))
        provider["requests"].clear()
        page.goto(f"{address}quiz/{QUIZ}/ergebnis/{OUTCOME}/")
        assert not [u for u in seen if u.startswith(provider["origin"])], (
            "nothing goes to the provider before"
        )
        fill_and_send(page.locator("form[data-kf-lead]"))
        assert sign_up(provider, path) == expected
    finally:
        context.close()


def test_quiz_page_with_javascript_sends_the_presets_fields_for_the_reached_outcome(page, site, provider):
    preset, address, _out = site
    _setting, path, expected, _routed = CASES[preset]
    seen = []
    page.on("request", lambda req: seen.append(req.url))
    provider["requests"].clear()
    page.goto(f"{address}quiz/{QUIZ}/")
    answer_steps(page, QUIZ, WORST)
    page.locator("[data-kf-submit]").click()
    form = page.locator("form[data-kf-lead]")
    form.wait_for(state="visible")
    assert not [u for u in seen if u.startswith(provider["origin"])], "nothing goes to the provider before"
    fill_and_send(form)
    assert sign_up(provider, path) == expected


def test_pages_with_the_lead_form_pass_the_validator_and_axe(page, site):
    """The form, next step and outcome page of each preset: valid HTML, no axe violation."""
    from axe_playwright_python.sync_playwright import Axe

    preset, address, out = site
    pages = [f"quiz/{QUIZ}/", f"quiz/{QUIZ}/ergebnis/{OUTCOME}/", f"en/quiz/{QUIZ}/ergebnis/{OUTCOME}/"]
    assert validate_html([out / path / "index.html" for path in pages]) == []
    problems = []
    for path in pages:
        page.goto(f"{address}{path}")
        if path == f"quiz/{QUIZ}/":  # the form shows with a result
            answer_steps(page, QUIZ, WORST)
            page.locator("[data-kf-submit]").click()
            page.locator("form[data-kf-lead]").wait_for(state="visible")
        for violation in Axe().run(page).response["violations"]:
            problems.append(f"{preset} {path}: {violation['id']}: {violation['help']}")
    assert problems == []
