"""Embed page, embed code and the lead hand-off after a result, rendered like Pelican renders them.

Same environment as test_templates.py (autoescape off, i18n with null translations): every
template must escape on its own.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup, Doctype
from pelican.plugins.kundenfit.render import quiz_data
from pelican.plugins.kundenfit.render.leads import lead_form

from tests.unit.test_templates import CHECKLIST, PROFILE_QUIZ, SCORE_QUIZ, B, make_env, text_of

SITEURL = "https://kundenfit.example"
PROVIDER = "https://provider.example/subscribe?list=1&x=2"
OWNER = {"name": "Ada", "email": "ada@example.org"}


def context(quiz=SCORE_QUIZ, **extra):
    return {
        "SITENAME": "Kundenfit <i>Blog</i>",
        "SITEURL": SITEURL,
        "DEFAULT_LANG": "de",
        "contact_email": OWNER["email"],
        "privacy_url": f"{SITEURL}/datenschutz/",
        "lang": "de",
        "quiz": quiz,
        "quiz_data": quiz_data(quiz),
        "heading_level": 2,
        "show_title": True,
        "quiz_url": None,
        "checklist": CHECKLIST if quiz is SCORE_QUIZ else None,
        "checklist_url": f"{SITEURL}/checkliste/vor-dem-auftrag/" if quiz is SCORE_QUIZ else None,
        "pdf_url": None,
        "page_url": f"{SITEURL}/quiz/{quiz.id}/",
        "kf_css_url": f"{SITEURL}/kundenfit/kundenfit.css",
        "kf_js_url": f"{SITEURL}/kundenfit/kundenfit.js",
        "embed_url": f"{SITEURL}/embed/{quiz.id}/",
        "loader_url": f"{SITEURL}/kundenfit/loader.js",
        "lead": None,
        **extra,
    }


def render(name, env=None, **extra):
    return (env or make_env()).get_template(f"kundenfit/{name}.html").render(context(**extra))


def soup_of(html):
    return BeautifulSoup(html, "html.parser")


def embed_page(env=None, **extra):
    return render(
        "quiz_embed",
        env,
        embed=True,
        kf_embed_css_url=f"{SITEURL}/kundenfit/kundenfit-embed.css",
        kf_frame_js_url=f"{SITEURL}/kundenfit/kundenfit-frame.js",
        site_origin=SITEURL,
        **extra,
    )


def lead(**overrides):
    """The quiz context of a lead form (views.view_context fills the same keys)."""
    form = lead_form(
        {"preset": "custom", "company": "Post GmbH, Berlin", "action": PROVIDER, **overrides}, "de"
    )
    initial, routes = form.routes_for("kundenfit", [o.id for o in SCORE_QUIZ.outcomes])
    return {"lead": form, "lead_action": form.action, "lead_hidden": initial, "lead_routes": routes}


CUSTOM_FIELDS = {"consent": "CONSENT", "quiz": "QUIZ", "outcome": "OUTCOME", "lang": "LANG"}


# -- the embed page ----------------------------------------------------------------------------


def test_embed_page_is_a_standalone_document():
    html = embed_page()
    assert html.startswith("<!DOCTYPE html>\n<html ")
    soup = soup_of(html)
    assert soup.html["lang"] == "de" and soup.html.has_attr("data-kf-embed")
    assert soup.head.find("meta", charset="utf-8") and soup.find("meta", attrs={"name": "viewport"})
    assert soup.title.get_text() == f"{SCORE_QUIZ.title} – Kundenfit <i>Blog</i>"  # the site name is text
    assert [h.get_text() for h in soup.find_all("h1")] == [SCORE_QUIZ.title]
    assert soup.find("main") is not None and soup.find("main").find("section", class_="kf-quiz")
    # No site chrome: no header, navigation, footer or skip link.
    assert soup.find_all(["header", "nav", "footer"]) == [] and not soup.select(".skip-link")
    sheets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assert sheets == [f"{SITEURL}/kundenfit/kundenfit.css", f"{SITEURL}/kundenfit/kundenfit-embed.css"]
    # The frame script in <head>, before the first paint (the snippet's colour, font and title);
    # it waits for the runtime, deferred, before it talks to the host page.
    frame = soup.head.find("script", src=True)
    assert frame["src"] == f"{SITEURL}/kundenfit/kundenfit-frame.js" and not frame.has_attr("defer")
    runtime = soup.body.find_all("script", src=True)
    assert [s["src"] for s in runtime] == [f"{SITEURL}/kundenfit/kundenfit.js"] and runtime[0].has_attr(
        "defer"
    )
    # Its console lines for a value it leaves out, in the page's language.
    assert all(soup.html[f"data-kf-text-{n}"].count("{value}") == 1 for n in ("color", "contrast", "font"))
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_embed_page_escapes_every_text():
    soup = soup_of(embed_page())
    assert soup.find_all(["b", "i"]) == []
    assert len(soup.find_all("script")) == 3  # kundenfit.js, kundenfit-frame.js and the quiz's data
    assert f"Zahlt die Kundin {B} pünktlich?" in text_of(soup)


def test_embed_page_links_leave_the_iframe():
    soup = soup_of(embed_page())
    base = soup.head.find("base")
    assert base is not None and base["target"] == "_top" and not base.has_attr("href")
    # <base> comes before anything in <head> that holds a URL.
    assert soup.head.find_all(["base", "link"])[0].name == "base"
    credit = soup.select_one(".kf-embed-credit a")
    assert credit["href"] == f"{SITEURL}/quiz/kundenfit/" and credit["target"] == "_blank"
    assert "noopener" in credit["rel"]


def test_embed_page_has_no_embed_code_of_its_own():
    assert soup_of(embed_page()).select(".kf-embed-code") == []


def test_embed_page_in_english_keeps_its_lang():
    soup = soup_of(embed_page(lang="en"))
    assert soup.html["lang"] == "en"


# -- the embed code on the quiz page -----------------------------------------------------------


def snippet_soup(**extra):
    return soup_of(render("embed_snippet", **extra))


def pasted(textarea):
    """What a coach pastes: the textarea's text, parsed as the host page would."""
    return soup_of(textarea.get_text())


def test_loader_snippet_is_a_placeholder_link_and_one_async_script():
    soup = snippet_soup()
    code = pasted(soup.select_one('textarea[data-kf-embed-code="script"]'))
    box = code.find("div")
    assert box["data-kundenfit-embed"] == "kundenfit" and box["data-lang"] == "de"
    assert box["data-src"] == f"{SITEURL}/embed/kundenfit/", "the loader frames the embed page"
    link = box.find("a")
    # Where a blog strips the script, the link leads to the full page (header, footer, Impressum).
    assert link["href"] == f"{SITEURL}/quiz/kundenfit/"
    assert text_of(link) == f"Selbsttest: {SCORE_QUIZ.title}"
    assert code.find_all("b") == [], "the quiz title stays text in the pasted code"
    scripts = code.find_all("script")
    assert len(scripts) == 1 and scripts[0]["src"] == f"{SITEURL}/kundenfit/loader.js"
    assert scripts[0].has_attr("async") and scripts[0].get_text() == ""


def test_iframe_snippet_has_src_title_and_no_border():
    soup = snippet_soup()
    code = pasted(soup.select_one('textarea[data-kf-embed-code="iframe"]'))
    # In a <div>: no theme rule for an iframe that is a direct child of a post reaches it.
    assert [tag.name for tag in code.find_all(True)] == ["div", "iframe"]
    frame = code.find("iframe")
    assert frame["src"] == f"{SITEURL}/embed/kundenfit/"
    assert frame["title"] == f"Selbsttest: {SCORE_QUIZ.title}"
    assert frame["loading"] == "lazy" and "border:0" in frame["style"]
    # Fits a phone screen (375 × 812): no taller than 600 px and never taller than the screen.
    assert "height:600px" in frame["style"] and "max-height:85vh" in frame["style"]


def test_snippet_from_a_local_build_carries_a_warning():
    assert snippet_soup().select("[data-kf-embed-local]") == []
    for local in ("http://localhost:8000", "http://127.0.0.1:8123"):
        soup = snippet_soup(SITEURL=local, embed_url=f"{local}/embed/kundenfit/")
        warning = soup.select_one("[data-kf-embed-local]")
        assert warning is not None and "SITEURL" in text_of(warning)
    # Relative addresses (the local build): no code at all, only a note to publish first.
    soup = snippet_soup(SITEURL="", embed_url="/embed/kundenfit/")
    assert soup.select("textarea") == [] and soup.select_one("[data-kf-local-build]") is not None


def test_snippet_names_the_page_address_for_wordpress_authors():
    assert f"{SITEURL}/quiz/kundenfit/" in text_of(snippet_soup().select_one("section.kf-embed-code"))


def test_embed_page_has_the_site_icon_when_set():
    soup = soup_of(embed_page(KUNDENFIT_EMBED_ICON="favicon.svg", THEME_STATIC_DIR="theme"))
    assert soup.find("link", rel="icon")["href"] == f"{SITEURL}/theme/favicon.svg"
    assert soup_of(embed_page()).find("link", rel="icon") is None


def test_snippet_fields_are_labelled_read_only_with_copy_buttons():
    soup = snippet_soup()
    section = soup.select_one("section.kf-embed-code")
    assert section.find("h2")["id"] == section["aria-labelledby"]
    fields = section.find_all("textarea")
    assert len(fields) == 2
    for field in fields:
        assert field.has_attr("readonly")
        assert soup.find("label", attrs={"for": field["id"]}) is not None
        button = section.find("button", attrs={"data-kf-copy-from": field["id"]})
        assert button is not None and button.has_attr("hidden"), "kundenfit.js shows the copy button"
        assert button["data-kf-copied"]
        assert button.find_next_sibling(attrs={"role": "status"}) is not None


def test_no_snippet_without_addresses():
    assert snippet_soup(embed_url=None).find_all(True) == []
    assert snippet_soup(loader_url=None).find_all(True) == []


def test_quiz_page_includes_the_snippet(tmp_path):
    (tmp_path / "base.html").write_text(  # the smallest theme: the blocks quiz_page.html fills
        '<!DOCTYPE html><html lang="{% block html_lang %}{% endblock %}"><head><title>{% block title %}'
        "{% endblock %}</title>{% block head %}{% endblock %}</head><body>{% block content %}"
        "{% endblock %}</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "kundenfit").mkdir()
    (tmp_path / "kundenfit" / "_print_footer.html").write_text("", encoding="utf-8")  # if not yet there
    env = make_env(tmp_path)
    soup = soup_of(env.get_template("kundenfit/quiz_page.html").render(context(show_title=False)))
    assert soup.select_one("section.kf-embed-code textarea") is not None
    assert soup.select_one("section.kf-quiz section.kf-embed-code") is None, "not inside the quiz"


# -- the lead hand-off -------------------------------------------------------------------------


def cta(html):
    return soup_of(html).select_one("[data-kf-result] .kf-cta")


def test_cta_sits_in_the_result_region():
    soup = soup_of(render("quiz"))
    result = soup.select_one("[data-kf-result]")
    assert result.has_attr("hidden"), "without JavaScript the result (and its CTA) stays hidden"
    assert result.select_one(".kf-cta") is not None
    assert soup.select(".kf-cta") == result.select(".kf-cta")


def test_default_cta_links_checklist_and_contact():
    box = cta(render("quiz"))
    assert box["data-kf-cta"] == "links"
    assert box.find("form") is None
    hrefs = [a["href"] for a in box.find_all("a")]
    assert hrefs[0] == f"{SITEURL}/checkliste/vor-dem-auftrag/"
    mail = urlsplit(hrefs[-1])
    assert mail.scheme == "mailto" and mail.path == "ada@example.org"
    assert unquote(mail.query) == f"subject=Mein Ergebnis im Selbsttest: {SCORE_QUIZ.title}"
    assert "ada@example.org" in text_of(box)
    assert not any(a.has_attr("target") for a in box.find_all("a")), "on the site, links open normally"


def test_default_cta_offers_the_pdf_when_there_is_one():
    box = cta(render("quiz", pdf_url=f"{SITEURL}/checkliste/vor-dem-auftrag/checkliste.pdf"))
    pdf = box.find("a", href=f"{SITEURL}/checkliste/vor-dem-auftrag/checkliste.pdf")
    assert pdf is not None and pdf.has_attr("download")


def test_no_cta_when_there_is_nothing_to_offer():
    html = render("quiz", quiz=PROFILE_QUIZ, contact_email=None)
    assert soup_of(html).select(".kf-cta") == []


def test_provider_cta_is_a_form_posting_to_the_provider():
    box = cta(render("quiz", **lead(fields=CUSTOM_FIELDS)))
    assert box["data-kf-cta"] == "lead"
    offer = box.select_one("section.kf-lead-offer[data-kf-lead-offer]")
    form = offer.find("form", attrs={"data-kf-lead": True})
    assert form["action"] == PROVIDER and form["method"] == "post"
    email = form.find("input", attrs={"type": "email"})
    assert email["name"] == "EMAIL" and email.has_attr("required") and email["autocomplete"] == "email"
    assert box.find("label", attrs={"for": email["id"]}) is not None
    assert (
        text_of(form.find("button", attrs={"type": "submit"}))
        == "Schick mir meine Auswertung und die Checkliste"
    )
    assert box.find_all("a", href=re.compile("^mailto:")), "the contact link stays beside the form"
    assert box.find("a", href=f"{SITEURL}/checkliste/vor-dem-auftrag/") is not None


def test_consent_is_unticked_required_and_links_the_privacy_page():
    box = cta(render("quiz", **lead(fields=CUSTOM_FIELDS)))
    consent = box.find("input", attrs={"type": "checkbox"})
    assert consent["name"] == "CONSENT" and consent["value"] == "1"
    assert consent.has_attr("required") and not consent.has_attr("checked")
    label = box.find("label", attrs={"for": consent["id"]})
    assert "Auswertung" in text_of(label)
    assert label.find("a")["href"] == f"{SITEURL}/datenschutz/"
    assert "Bestätigungslink" in text_of(box.select_one(".kf-cta-note")), "double opt-in is announced"


def test_consent_text_is_configurable_and_escaped():
    box = cta(render("quiz", **lead(consent_text={"de": f"Ja {B}", "en": "Yes"})))
    label = box.find("label", attrs={"for": box.find("input", attrs={"type": "checkbox"})["id"]})
    assert text_of(label).startswith(f"Ja {B}") and label.find("b") is None
    assert label.find("a")["href"] == f"{SITEURL}/datenschutz/", "the privacy link stays"


def test_hidden_fields_carry_quiz_outcome_and_language_and_the_routes_per_outcome():
    box = cta(render("quiz", **lead(fields=CUSTOM_FIELDS, hidden={"u": "abc", "id": 7}), lang="en"))
    hidden = {i["name"]: i for i in box.find_all("input", attrs={"type": "hidden"})}
    assert set(hidden) == {"QUIZ", "OUTCOME", "LANG", "u", "id"}
    assert hidden["QUIZ"]["value"] == "kundenfit" and hidden["LANG"]["value"] == "de"
    assert hidden["OUTCOME"]["value"] == "" and hidden["OUTCOME"].has_attr("data-kf-outcome-field")
    assert hidden["u"]["value"] == "abc" and hidden["id"]["value"] == "7"
    routes = json.loads(box.find("form")["data-kf-routes"])
    assert set(routes) == {o.id for o in SCORE_QUIZ.outcomes}
    first = SCORE_QUIZ.outcomes[0].id
    assert routes[first] == {
        "action": PROVIDER,
        "fields": {"u": "abc", "id": "7", "QUIZ": "kundenfit", "OUTCOME": first, "LANG": "de"},
    }


def test_field_names_follow_the_setting_and_none_leaves_a_field_out():
    box = cta(render("quiz", **lead(fields={"email": "mail", "consent": "ok", "outcome": "o"})))
    assert box.find("input", attrs={"type": "email"})["name"] == "mail"
    assert box.find("input", attrs={"type": "checkbox"})["name"] == "ok"
    assert [i["name"] for i in box.find_all("input", attrs={"type": "hidden"})] == ["o"]


def test_provider_form_loads_nothing_from_the_provider():
    soup = soup_of(render("quiz", **lead()))
    host = urlsplit(PROVIDER).netloc
    for tag in soup.find_all(["img", "iframe", "script", "link", "source", "object", "embed"]):
        for attr in ("src", "href", "data", "srcset"):
            assert host not in (tag.get(attr) or ""), tag
    assert [f for f in soup.find_all("form") if f.get("action", "").find(host) >= 0] != []


@pytest.mark.parametrize("variant", ["links", "lead"])
def test_cta_in_an_embed_never_opens_inside_the_iframe(variant):
    extra = lead() if variant == "lead" else {}
    html = embed_page(pdf_url=f"{SITEURL}/checkliste/x.pdf", **extra)
    box = cta(html)
    assert box["data-kf-cta"] == variant
    for element in [*box.find_all("a"), *box.find_all("form")]:
        assert element.get("target") in ("_blank", "_top"), element
        if element["target"] == "_blank":
            assert "noopener" in element.get("rel", []), element


def test_ui_strings_of_the_new_templates_go_through_gettext():
    env = make_env(gettext=lambda s: f"«{s}»")
    for html in (
        embed_page(env, SITENAME="§", quiz=PROFILE_QUIZ, **lead()),
        render("embed_snippet", env, quiz=PROFILE_QUIZ),
    ):
        soup = soup_of(html)
        for tag in soup.find_all(["script", "textarea"]):
            tag.decompose()
        for part in [*soup.select(".kf-key"), *soup.select("fieldset"), *soup.select(".kf-intro")]:
            part.decompose()  # quiz.html's own strings are checked in test_templates.py
        for selector in ("[data-kf-outcome]", "[data-kf-for]", "[data-kf-outcome-title]", "[data-kf-topic]"):
            for part in soup.select(selector):
                part.decompose()
        for doctype in soup.find_all(string=lambda t: isinstance(t, Doctype)):
            doctype.extract()
        for title in soup.find_all("title"):
            title.decompose()
        text = soup.get_text(" ")
        while re.search(r"«[^«»]*»", text):  # a marked string may hold another (a link text)
            text = re.sub(r"«[^«»]*»", "", text)
        leftover = text.replace("§", "").replace("ada@example.org", "").replace(PROFILE_QUIZ.title, "")
        leftover = re.sub(r"\b(WhatsApp|LinkedIn)\b", "", leftover)  # share targets: names, not UI text
        assert not re.search(r"[A-Za-zÄÖÜäöüß]", leftover), f"untranslated text: {leftover.split()}"
