"""From result to client, in Chromium: the result card, its next step and lead offer, the events,
the share links and the statistics adapters (issue 24).

The next step per outcome, the lead offer and the outcome pages are rendered by the build
(quiz_page.html, the build-time half of issue 24). Until that half is in, `contract_page` adds
exactly the markup agreed between both halves to a copy of the built flagship quiz page
(fixture only): one `[data-kf-next-step]` block per outcome and one `[data-kf-lead-offer]`
section after the quiz, and `data-kf-outcome-pages` on the quiz. The answers come from the rule
file's own examples (the first one per outcome), so a reworked quiz still yields a middle and a
bad result.
"""

from __future__ import annotations

import html
import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from pelican.plugins.kundenfit.quiz.examples import example_answers
from pelican.plugins.kundenfit.quiz.scoring import score
from pelican.plugins.kundenfit.rules import load_rulebook

from tests.support.build import build_site
from tests.support.quiz import answer_steps
from tests.support.server import StaticServer, free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BOOK = load_rulebook(ROOT / "content" / "rules")
QUIZ = BOOK.quizzes["kundenfit"]
PROFILE = next(q for q in BOOK.quizzes.values() if q.kind == "profile")
PHONE = {"width": 375, "height": 812}
EVENTS = ("start", "complete", "lead", "result")


def example_for(position: int) -> list[int]:
    """Answers of a rule-file example reaching the outcome at `position` (best first), not
    provisional, with the most tips shown (the longest result of that outcome)."""
    outcome = QUIZ.outcomes[position].id
    candidates = [
        example_answers(QUIZ, ex)
        for ex in QUIZ.examples
        if ex.outcome == (outcome,) and not score(QUIZ, example_answers(QUIZ, ex)).provisional
    ]
    assert candidates, f"no example in kundenfit.yaml reaches {outcome}"
    return max(candidates, key=lambda answers: len(score(QUIZ, answers).weak))


MIDDLE = example_for(len(QUIZ.outcomes) // 2)
BAD = example_for(len(QUIZ.outcomes) - 1)


def advised(answers) -> list:
    """The rules whose tip the result shows for `answers`."""
    want = score(QUIZ, answers)
    return [r for r in QUIZ.rules if r.id in want.weak and r.advice_for(answers[QUIZ.rules.index(r)])]


# -- a local stand-in for a newsletter provider or a statistics server ------------------------------


class _Recorder(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8") if length else ""
        self.requests.append({"method": self.command, "path": self.path, "body": body})
        self.send_response(204 if self.command == "OPTIONS" else 200)
        # As the statistics tools answer their tracking endpoints: any site may send to them.
        self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin") or "*")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        if self.command != "OPTIONS":
            self.wfile.write(b"<!DOCTYPE html><title>Danke</title><p>Danke!</p>")

    do_GET = do_POST = do_OPTIONS = _record  # noqa: N815 - http.server's names

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def recorder():
    handler = type("Recorder", (_Recorder,), {"requests": []})
    port = free_port()
    httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield {"origin": f"http://127.0.0.1:{port}", "requests": handler.requests}
    httpd.shutdown()
    httpd.server_close()


def wait_for(condition, timeout: float = 10.0, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {message}")


# -- the contract markup of the build-time half (fixture only) --------------------------------------


def outcome_page(site_url: str, outcome: str, quiz=QUIZ) -> str:
    return f"{site_url}quiz/{quiz.id}/{outcome}/"


def routes(recorder, quiz=QUIZ) -> dict:
    """Per outcome a hidden value and a tag field (named as KlickTipp does); the last outcome
    also its own form address."""
    last = quiz.outcomes[-1].id
    return {
        o.id: {
            **({"action": f"{recorder['origin']}/form-{o.id}"} if o.id == last else {}),
            "fields": {"OUTCOME": o.id, "fields[field42]": f"tag-{o.id}"},
        }
        for o in quiz.outcomes
    }


def contract_markup(recorder, quiz=QUIZ) -> str:
    steps = "".join(
        f'<div class="kf-next-step" data-kf-next-step="{o.id}"><h3>Dein nächster Schritt</h3>'
        f"<p>Sprich mit mir über „{html.escape(o.title)}“.</p>"
        f'<p><a class="kf-button" href="{recorder["origin"]}/buchen-{o.id}">'
        "Kostenloses Erstgespräch buchen</a></p>"
        "</div>"
        for o in quiz.outcomes
    )
    routes_json = html.escape(json.dumps(routes(recorder, quiz)), quote=True)
    lead = (
        '<section class="kf-lead-offer" data-kf-lead-offer>'
        "<h3>Schick mir meine Auswertung und die Checkliste</h3>"
        f'<form data-kf-lead data-kf-routes="{routes_json}" action="{recorder["origin"]}/form" method="post">'
        '<p><label for="lf-name">Vorname (freiwillig)</label> <input id="lf-name" name="FIRSTNAME"></p>'
        '<p><label for="lf-mail">Deine E-Mail-Adresse</label>'
        ' <input id="lf-mail" type="email" name="EMAIL" required></p>'
        '<p><input type="checkbox" id="lf-ok" name="OPT_IN" value="1" required>'
        ' <label for="lf-ok">Ja, schick mir'
        " meine Auswertung und die Checkliste per E-Mail. Ich kann das jederzeit abbestellen.</label></p>"
        '<input type="hidden" name="OUTCOME" value="">'
        "<p>Danach bekommst du eine E-Mail mit einem Bestätigungslink.</p>"
        '<p><button type="submit" class="kf-button">Auswertung anfordern</button></p></form></section>'
    )
    return steps + lead


def with_contract(page_html: str, site_url: str, recorder, quiz=QUIZ) -> str:
    """The page with the quiz's outcome pages on its root, and after the quiz the next steps and
    the lead offer, as the build-time half renders them."""
    pages = {o.id: outcome_page(site_url, o.id, quiz) for o in quiz.outcomes}
    tag = f'id="kf-{quiz.id}" data-kf-quiz="{quiz.id}"'
    assert page_html.count(tag) == 1
    attribute = html.escape(json.dumps(pages), quote=True)
    page_html = page_html.replace(tag, f'{tag} data-kf-outcome-pages="{attribute}"')
    end = "</script>\n</section>"
    at = page_html.index(end, page_html.index('class="kf-quiz-data"')) + len(end)
    return page_html[:at] + contract_markup(recorder, quiz) + page_html[at:]


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory, site_dir, site_url, recorder) -> str:
    """A copy of the built site, on its own port, with the flagship quiz page and its embed page
    carrying the build-time half's markup (fixture only; the shared site stays untouched)."""
    copy = tmp_path_factory.mktemp("issue24") / "site"
    shutil.copytree(site_dir, copy)
    for kind, quiz in (("quiz", QUIZ), ("embed", QUIZ), ("quiz", PROFILE)):
        source = (copy / kind / quiz.id / "index.html").read_text(encoding="utf-8")
        folder = copy / "fixture-issue-24" / kind / quiz.id
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(with_contract(source, site_url, recorder, quiz), encoding="utf-8")
    port = free_port()
    server = StaticServer(copy, port)
    yield f"http://127.0.0.1:{port}/"
    server.stop()


@pytest.fixture(scope="module")
def contract_page(fixture_site) -> str:
    return f"{fixture_site}fixture-issue-24/quiz/kundenfit/"


def listen(page) -> None:
    """Record every Kundenfit event on the page, in order, in window.kfSeen."""
    names = json.dumps(EVENTS)
    page.add_init_script(
        f"window.kfSeen = []; {names}.forEach((n) => document.addEventListener('kundenfit:' + n,"
        " (e) => window.kfSeen.push({name: n, detail: e.detail})));"
    )


def take_quiz(page, url: str, answers) -> None:
    page.goto(url)
    answer_steps(page, "kundenfit", answers)
    page.locator("[data-kf-submit]").click()
    page.locator("[data-kf-result-heading]").wait_for(state="visible")


def box(locator) -> dict:
    return locator.evaluate(
        "(el) => { const r = el.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; }"
    )


# -- the result card -------------------------------------------------------------------------------------


@pytest.mark.parametrize("answers", [MIDDLE, BAD], ids=["middle", "bad"])
def test_next_step_and_lead_form_are_on_the_first_screen_under_the_result(browser, contract_page, answers):
    want = score(QUIZ, answers)
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        take_quiz(page, contract_page, answers)
        root = page.locator('[data-kf-quiz="kundenfit"]')
        assert root.locator("form.kf-form").is_hidden(), "the finished questions step aside"
        assert root.locator("[data-kf-outcome]:visible").get_attribute("data-kf-outcome") == want.outcome
        steps = page.locator("[data-kf-next-step]:visible")
        assert steps.count() == 1 and steps.get_attribute("data-kf-next-step") == want.outcome
        # In the card: outcome text, then the next step, then the lead offer.
        order = page.evaluate(
            "() => { const o = [...document.querySelectorAll('[data-kf-outcome]')].pop();"
            " return [o.nextElementSibling.getAttribute('data-kf-next-step'),"
            " o.nextElementSibling.nextElementSibling.hasAttribute('data-kf-lead-offer'),"
            " !!o.closest('[data-kf-result]')]; }"
        )
        assert order == [want.outcome, True, True]
        heading = box(root.locator("[data-kf-result-heading]"))
        step = box(steps)
        form = page.locator("form[data-kf-lead]")
        email = box(form.locator("input[type=email]"))
        first = box(form.locator("input").first)
        print(
            f"{want.outcome}: heading at {heading['top']:.0f} px, next step ends at {step['bottom']:.0f} px, "
            f"lead form starts at {box(form)['top']:.0f} px, e-mail field ends at {email['bottom']:.0f} px"
        )
        assert 0 <= heading["top"] < 100, "the result is shown from its top"
        screen = heading["top"] + PHONE["height"]
        assert step["bottom"] <= screen, "the next step is within the first screen"
        assert first["bottom"] <= screen and email["bottom"] <= screen, (
            "the lead form starts on the first screen"
        )
        # The score as a ring in the outcome's colour, with the points as its text.
        pct = round(100 * want.total / want.max_total)
        assert root.locator("[data-kf-pct]").inner_text() == f"{pct} %"
        assert root.locator(".kf-ring").get_attribute("aria-hidden") == "true"
        assert f"{want.total} von {want.max_total} Punkten" in root.locator("[data-kf-total]").inner_text()
        tone = root.locator("[data-kf-result]").get_attribute("data-kf-tone")
        assert tone == ("bad" if answers is BAD else "mid")
        # Warning signs and the provisional label stay as they were.
        if want.warnings:
            title = root.locator("[data-kf-warnings-title]").inner_text()
            assert title.startswith(f"{len(want.warnings)} Warnsign")
        # Three tips on show, the others folded under "Alle n Hinweise", each naming its question.
        tips = advised(answers)
        shown = root.locator("[data-kf-tips] > li:not([hidden])")
        assert shown.count() == min(3, len(tips))
        more = root.locator("[data-kf-more]")
        if len(tips) > 3:
            assert more.locator("summary").inner_text() == f"Alle {len(tips)} Hinweise"
            assert more.get_attribute("open") is None
            assert root.locator("[data-kf-rest] > li:not([hidden])").count() == len(tips) - 3
        else:
            assert more.is_hidden()
        questions = {r.question for r in tips}
        for item in root.locator("[data-kf-advice]:not([hidden]) .kf-advice-q").all_text_contents():
            assert item.split(": ", 1)[-1] in questions, item
    finally:
        context.close()


def test_the_card_with_next_step_lead_offer_and_share_links_has_no_axe_violations(page, contract_page):
    from axe_playwright_python.sync_playwright import Axe

    take_quiz(page, contract_page, BAD)
    if page.locator("[data-kf-more]").is_visible():
        page.locator("[data-kf-more] summary").click()  # the folded tips too
    violations = Axe().run(page).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_tips_that_weigh_most_come_first(page, contract_page):
    """A warning sign's tip goes before a tip for a point or two missed."""
    take_quiz(page, contract_page, BAD)
    want = score(QUIZ, BAD)
    if not want.warnings:
        pytest.skip("the bad example gives no warning sign")
    first = page.locator("[data-kf-tips] > li:not([hidden])").first.get_attribute("data-kf-advice")
    assert first in want.warnings or first in want.capped_by


def test_lead_form_takes_the_route_of_the_outcome(page, contract_page, recorder):
    """Per outcome: its form address (or the form's own) and its hidden values, a missing one
    created; the submit itself goes to the provider as usual."""
    recorder["requests"].clear()
    for answers in (MIDDLE, BAD):
        want = score(QUIZ, answers)
        take_quiz(page, contract_page, answers)
        route = routes(recorder)[want.outcome]
        form = page.locator("form[data-kf-lead]")
        assert form.evaluate("(f) => f.action") == route.get("action", f"{recorder['origin']}/form")
        for name, value in route["fields"].items():
            assert form.evaluate("(f, n) => f.elements.namedItem(n).value", name) == value
        assert recorder["requests"] == [], "nothing reaches the provider before the visitor sends"
    form.locator("input[type=email]").fill("kundin@example.org")
    form.locator("input[type=checkbox]").check()
    form.locator("button[type=submit]").click()
    wait_for(lambda: [r for r in recorder["requests"] if r["method"] == "POST"], message="the sign-up")
    (sent,) = [r for r in recorder["requests"] if r["method"] == "POST"]
    assert sent["path"] == urlsplit(routes(recorder)[want.outcome].get("action", "/form")).path
    fields = parse_qs(sent["body"])
    assert fields["OUTCOME"] == [want.outcome]
    assert fields["fields[field42]"] == [f"tag-{want.outcome}"]
    assert fields["EMAIL"] == ["kundin@example.org"]


def test_the_profile_quiz_ends_in_its_next_step_too(page, fixture_site):
    """Every quiz ends in a next step: the profile quiz's outcome gets its own block."""
    answers = example_answers(PROFILE, next(ex for ex in PROFILE.examples if len(ex.outcome) == 1))
    want = score(PROFILE, answers)
    page.goto(f"{fixture_site}fixture-issue-24/quiz/{PROFILE.id}/")
    answer_steps(page, PROFILE.id, answers)
    page.locator("[data-kf-submit]").click()
    page.locator("[data-kf-result-heading]").wait_for(state="visible")
    steps = page.locator("[data-kf-next-step]:visible")
    assert steps.count() == 1 and steps.get_attribute("data-kf-next-step") == want.outcome
    assert steps.evaluate("(el) => !!el.closest('[data-kf-result]')")
    assert page.locator("[data-kf-lead-offer]").evaluate("(el) => !!el.closest('[data-kf-result]')")
    assert page.locator("[data-kf-result]").get_attribute("data-kf-tone") == "profile"


def test_without_the_contract_markup_the_result_still_works(page, site_url):
    """Before the build-time half: no next step, no lead offer, nothing breaks."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    take_quiz(page, f"{site_url}quiz/kundenfit/", MIDDLE)
    assert page.locator("[data-kf-outcome]:visible").count() == 1
    assert errors == []


# -- events ------------------------------------------------------------------------------------------------


def test_start_complete_and_lead_once_each_in_order_on_the_page(page, contract_page, recorder):
    listen(page)
    take_quiz(page, contract_page, MIDDLE)
    want = score(QUIZ, MIDDLE).outcome
    form = page.locator("form[data-kf-lead]")
    form.locator("input[type=email]").fill("kundin@example.org")
    form.locator("input[type=checkbox]").check()
    # The visitor stays to see the events: the form opens the provider in a new tab.
    form.evaluate("(f) => { f.target = '_blank'; }")
    with page.context.expect_page():
        form.locator("button[type=submit]").click()
    form.locator("button[type=submit]").click()  # a second submit is no second lead
    seen = page.evaluate("window.kfSeen")
    base = {"quiz": "kundenfit", "lang": "de"}
    assert [(e["name"], e["detail"]) for e in seen] == [
        ("start", base),
        ("result", {**base, "outcome": want}),
        ("complete", {**base, "outcome": want}),
        ("lead", {**base, "outcome": want}),
    ]
    for e in seen:
        assert "kundin" not in json.dumps(e), "no personal data in an event"


def test_restart_begins_a_new_run(page, site_url):
    listen(page)
    take_quiz(page, f"{site_url}quiz/kundenfit/", MIDDLE)
    page.get_by_role("button", name="Neu starten").click()
    answer_steps(page, "kundenfit", BAD)
    page.locator("[data-kf-submit]").click()
    names = [e["name"] for e in page.evaluate("window.kfSeen")]
    assert names == ["start", "result", "complete", "start", "result", "complete"]


@pytest.fixture(scope="module")
def embed_blog(tmp_path_factory, fixture_site, site_url):
    """A blog on another origin with the loader snippet, framing the embed page plus the lead
    offer of the contract (fixture only), and a listener for every Kundenfit event."""
    embed_url = f"{fixture_site}fixture-issue-24/embed/kundenfit/"
    blog = tmp_path_factory.mktemp("blog24")
    names = json.dumps(EVENTS)
    (blog / "index.html").write_text(
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Blog</title>'
        f"<script>window.kfSeen = []; {names}.forEach((n) => document.addEventListener('kundenfit:' + n,"
        " (e) => kfSeen.push({name: n, box: e.target.getAttribute('data-kundenfit-embed'),"
        " detail: e.detail})));"
        "</script></head><body><h1>Blog</h1>"
        f'<div data-kundenfit-embed="kundenfit" data-lang="de" data-src="{embed_url}">'
        f'<a href="{site_url}quiz/kundenfit/">Selbsttest</a></div>'
        f'<script src="{fixture_site}kundenfit/loader.js" async></script></body></html>',
        encoding="utf-8",
    )
    port = free_port()
    server = StaticServer(blog, port)
    yield f"http://localhost:{port}/"
    server.stop()


def test_start_complete_and_lead_reach_the_embedding_host_in_order(page, embed_blog):
    page.goto(embed_blog)
    frame = page.frame_locator("[data-kundenfit-embed] iframe")
    answer_steps(frame, "kundenfit", MIDDLE)
    frame.locator("[data-kf-submit]").click()
    want = score(QUIZ, MIDDLE).outcome
    form = frame.locator("form[data-kf-lead]")
    form.locator("input[type=email]").fill("kundin@example.org")
    form.locator("input[type=checkbox]").check()
    form.evaluate("(f) => { f.target = '_blank'; }")
    with page.context.expect_page():
        form.locator("button[type=submit]").click()
    wait_for(lambda: len(page.evaluate("window.kfSeen")) >= 4, message="four events on the blog")
    time.sleep(0.3)
    base = {"quiz": "kundenfit", "lang": "de"}
    assert [(e["name"], e["box"], e["detail"]) for e in page.evaluate("window.kfSeen")] == [
        ("start", "kundenfit", base),
        ("result", "kundenfit", {**base, "outcome": want}),
        ("complete", "kundenfit", {**base, "outcome": want}),
        ("lead", "kundenfit", {**base, "outcome": want}),
    ]


# -- share links and the result link -------------------------------------------------------------------------


def test_share_links_share_the_outcome_page_not_the_answers(browser, contract_page, site_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        # A phone's share sheet, stood in for: what it would be handed.
        page.add_init_script(
            "navigator.share = (data) => { window.kfShared = data; return Promise.resolve(); };"
        )
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        take_quiz(page, contract_page, BAD)
        want = score(QUIZ, BAD).outcome
        target = outcome_page(site_url, want)
        links = page.locator("[data-kf-share-to]")
        hrefs = {links.nth(i).inner_text(): links.nth(i).get_attribute("href") for i in range(links.count())}
        assert set(hrefs) == {"WhatsApp", "LinkedIn", "E-Mail"}
        assert hrefs["WhatsApp"].startswith("https://wa.me/?text=")
        assert (
            hrefs["LinkedIn"]
            == f"https://www.linkedin.com/sharing/share-offsite/?url={quote(target, safe='')}"
        )
        assert hrefs["E-Mail"].startswith("mailto:?subject=")
        for href in hrefs.values():
            assert target in unquote(href) and "#kf-" not in unquote(href)
        assert not [u for u in requests if "wa.me" in u or "linkedin" in u], (
            "nothing reaches WhatsApp or LinkedIn"
        )
        native = page.locator("[data-kf-native]")
        assert native.is_visible()
        native.click()
        assert page.evaluate("window.kfShared.url") == target
        assert page.locator("[data-kf-copy]").is_visible(), "Link kopieren for the personal link stays"
    finally:
        context.close()


def test_without_a_share_sheet_only_the_links_show(page, site_url):
    page.add_init_script("delete Navigator.prototype.share;")
    take_quiz(page, f"{site_url}quiz/kundenfit/", MIDDLE)
    assert page.locator("[data-kf-native]").is_hidden()
    # The real site: the reached outcome's own page is shared, never the personal # link.
    href = page.locator("[data-kf-share-to]").nth(1).get_attribute("href")
    outcome = score(QUIZ, MIDDLE).outcome
    assert unquote(href).endswith(f"url={site_url}quiz/kundenfit/ergebnis/{outcome}/")


def test_a_shared_result_link_shows_no_focus_frame(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"{site_url}quiz/kundenfit/#kf-kundenfit={'-'.join(map(str, MIDDLE))}")
        heading = page.locator("[data-kf-result-heading]")
        heading.wait_for(state="visible")
        assert heading.evaluate("(el) => document.activeElement === el")
        assert heading.evaluate("(el) => getComputedStyle(el).outlineStyle") == "none"
        assert page.locator("form.kf-form").is_hidden()
        # The keyboard's frame stays for the keyboard.
        page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline == "solid"
    finally:
        context.close()


# -- statistics ------------------------------------------------------------------------------------------


def test_without_a_statistics_setting_no_script_and_no_other_origin(page, site_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    take_quiz(page, f"{site_url}quiz/kundenfit/", MIDDLE)
    time.sleep(0.3)
    assert page.locator("script[data-kf-tool]").count() == 0
    assert not any("analytics" in u for u in requests)
    assert [u for u in requests if not u.startswith(site_url)] == []


TOOLS = {
    "plausible": {"site": "coach.example"},
    "matomo": {"site": 7},
    "umami": {"site": "5f1c7c9e-2a7b-4c55-9d3e-0a6b1d2c3e4f"},
}


@pytest.fixture(scope="module", params=sorted(TOOLS))
def stats_site(request, tmp_path_factory, recorder):
    """The site built with KUNDENFIT_ANALYTICS for one tool whose server is the recorder."""
    tool = request.param
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    setting = {"tool": tool, "url": f"{recorder['origin']}/stats/", **TOOLS[tool]}
    out = tmp_path_factory.mktemp(f"stats-{tool}") / "output"
    result = build_site(out, origin, [f"KUNDENFIT_ANALYTICS={json.dumps(setting)}"])
    if result.returncode != 0:
        pytest.fail(f"site build failed:\n{result.stdout}\n{result.stderr}")
    server = StaticServer(out, port)
    yield tool, f"{origin}/"
    server.stop()


def test_each_statistics_tool_gets_exactly_its_documented_request(page, stats_site, recorder):
    tool, site = stats_site
    recorder["requests"].clear()
    take_quiz(page, f"{site}quiz/kundenfit/", MIDDLE)
    want = score(QUIZ, MIDDLE).outcome
    wait_for(
        lambda: len([x for x in recorder["requests"] if x["method"] != "OPTIONS"]) >= 2,
        message="two events at the statistics server",
    )
    time.sleep(0.5)
    sent = [x for x in recorder["requests"] if x["method"] != "OPTIONS"]
    assert len(sent) == 2, sent
    page_url = f"{site}quiz/kundenfit/"
    for request, name, outcome in zip(sent, ("start", "complete"), ("", want), strict=True):
        assert "#" not in request["path"] + request["body"], "the answers never leave the browser"
        if tool == "plausible":
            assert (request["method"], request["path"]) == ("POST", "/stats/api/event")
            assert json.loads(request["body"]) == {
                "name": f"kundenfit-{name}",
                "url": page_url,
                "domain": "coach.example",
                "referrer": None,
                "props": {"quiz": "kundenfit", "outcome": outcome, "lang": "de"},
            }
        elif tool == "matomo":
            path, _, query = request["path"].partition("?")
            assert (request["method"], path) == ("POST", "/stats/matomo.php")
            expected = {"idsite": "7", "rec": "1", "apiv": "1", "send_image": "0", "url": page_url}
            expected |= {"e_c": "Kundenfit kundenfit", "e_a": f"kundenfit-{name}"}
            expected |= {"e_n": outcome} if outcome else {}
            assert {k: v[0] for k, v in parse_qs(query).items()} == expected
        else:
            assert (request["method"], request["path"]) == ("POST", "/stats/api/send")
            assert json.loads(request["body"]) == {
                "type": "event",
                "payload": {
                    "website": TOOLS["umami"]["site"],
                    "hostname": "127.0.0.1",
                    "url": "/quiz/kundenfit/",
                    "language": "de",
                    "name": f"kundenfit-{name}",
                    "data": {"quiz": "kundenfit", "outcome": outcome, "lang": "de"},
                },
            }


# -- the same on the site as a coach configures it (real markup, not the fixture's) ------------

CONFIGURED = [
    'KUNDENFIT_NEXT_STEP={"label": {"de": "Kostenloses Erstgespräch buchen", "en": "Book a free first call"},'
    ' "url": "https://termine.example-coach.de/"}',
    'KUNDENFIT_LEAD_FORM={"preset": "brevo", "action": "https://abc.sibforms.com/serve/XYZ",'
    ' "fields": {"outcome": "ERGEBNIS", "quiz": "QUIZ", "lang": "SPRACHE"}}',
]


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory) -> str:
    """The real site built with a next step and a Brevo lead form, served on its own port."""
    port = free_port()
    out = tmp_path_factory.mktemp("configured") / "output"
    result = build_site(out, f"http://127.0.0.1:{port}", CONFIGURED)
    assert result.returncode == 0, result.stderr
    server = StaticServer(out, port)
    yield f"http://127.0.0.1:{port}/"
    server.stop()


@pytest.mark.parametrize("answers", [MIDDLE, BAD], ids=["middle", "bad"])
def test_configured_site_shows_next_step_and_lead_form_on_the_first_screen(browser, configured_site, answers):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        take_quiz(page, f"{configured_site}quiz/kundenfit/", answers)
        heading = box(page.locator("[data-kf-result-heading]"))
        steps = page.locator("[data-kf-next-step]:visible")
        assert steps.count() == 1 and steps.get_attribute("data-kf-next-step") == score(QUIZ, answers).outcome
        email = box(page.locator("form[data-kf-lead] input[type=email]"))
        screen = heading["top"] + PHONE["height"]
        print(
            f"heading at {heading['top']:.0f} px, next step ends at {box(steps)['bottom']:.0f} px, "
            f"e-mail field ends at {email['bottom']:.0f} px, first screen ends at {screen:.0f} px"
        )
        assert box(steps)["bottom"] <= screen and email["bottom"] <= screen
    finally:
        context.close()
