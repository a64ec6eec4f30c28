"""What each e-mail provider's sign-up form expects: field names, fixed fields, company and seat.

The coach names a preset in KUNDENFIT_LEAD_FORM (leads.py) and pastes the form address and the
ids of the provider's own fields; the preset turns an id into the field name the provider reads
(`custom`, e.g. KlickTipp's "fields[field{id}]"). `company` and `country` go to the privacy
page; `country` outside the EU/EEA adds the third-country section there.

Sources. Where a provider documents its sign-up form's field names, the page is cited; where we
found no such page, the preset says so and follows the field names the issue (#24) lists from
the providers' generated form code. Check them against the form code your account generates
(the provider's "HTML code" / "embed" view) before going live.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

# The EU and the EEA, by their German names: a seat elsewhere is a third country (Art. 44 DSGVO).
EU_COUNTRIES = {
    *("Belgien", "Bulgarien", "Dänemark", "Deutschland", "Estland", "Finnland", "Frankreich"),
    *("Griechenland", "Irland", "Island", "Italien", "Kroatien", "Lettland", "Liechtenstein"),
    *("Litauen", "Luxemburg", "Malta", "Niederlande", "Norwegen", "Österreich", "Polen"),
    *("Portugal", "Rumänien", "Schweden", "Slowakei", "Slowenien", "Spanien", "Tschechien"),
    *("Ungarn", "Zypern"),
}


@dataclass(frozen=True)
class Preset:
    """One provider's sign-up form: the names its form posts, and who and where it is."""

    title: str
    company: str  # name and seat, for the privacy page
    country: str  # the seat's country (German name); outside EU_COUNTRIES: third country
    email: str  # field name of the e-mail address
    first_name: str | None  # field name of the optional first name (None: not asked)
    custom: str  # how the id of one of the coach's own fields becomes its name
    consent: str | None = None  # name of the consent checkbox (None: checked, never sent)
    fixed: dict[str, str] = field(default_factory=dict)  # always sent; "{lang}" is filled in
    honeypot: str | None = None  # a field bots fill and people never see; must stay empty
    needs: tuple[str, ...] = ()  # fixed fields the coach must give in "hidden" (e.g. a form key)
    source: str = ""  # where the field names are documented, or why not

    def field_name(self, field_id: str) -> str:
        return self.custom.format(id=field_id)

    def honeypot_for(self, action: str) -> str | None:
        """Mailchimp's honeypot is named after the list: b_<u>_<id> from the form address."""
        if self.honeypot != "mailchimp":
            return self.honeypot
        query = parse_qs(urlsplit(action).query)
        u, list_id = (query.get("u") or [""])[0], (query.get("id") or [""])[0]
        return f"b_{u}_{list_id}" if u and list_id else None


PRESETS: dict[str, Preset] = {
    # Brevo (formerly Sendinblue): contact attributes are named in capitals (EMAIL, FIRSTNAME or
    # VORNAME, own attributes such as ERGEBNIS); the form's opt-in checkbox is OPT_IN=1, the
    # hidden `locale` sets the language of the confirmation mail, `email_address_check` is the
    # honeypot. No Brevo documentation page of these form field names was found (search of
    # help.brevo.com / developers.brevo.com in our reference corpus); names as listed in #24.
    "brevo": Preset(
        title="Brevo",
        company="Brevo SAS (früher Sendinblue), Paris, Frankreich",
        country="Frankreich",
        email="EMAIL",
        first_name="FIRSTNAME",
        custom="{id}",
        consent="OPT_IN",
        fixed={"locale": "{lang}"},
        honeypot="email_address_check",
        source="not found: no Brevo page documenting the form fields; names from #24",
    ),
    # CleverReach: `email`, every other field by its numeric attribute id. No CleverReach page
    # documenting the form's field names was found in our reference corpus; names from #24.
    "cleverreach": Preset(
        title="CleverReach",
        company="CleverReach GmbH & Co. KG, Rastede, Deutschland",
        country="Deutschland",
        email="email",
        first_name=None,
        custom="{id}",
        source="not found: no CleverReach page documenting the form fields; names from #24",
    ),
    # KlickTipp: `apikey` (the list-building key; tags are tied to it, so a tag per outcome is a
    # key per outcome), `email`, `fields[fieldFirstName]`, own fields `fields[field<ID>]`.
    # Documented for the sign-in call: https://developers.klicktipp.com/ (Quickstart: apikey,
    # email, fields.fieldFirstName).
    "klicktipp": Preset(
        title="KlickTipp",
        company="KlickTipp Ltd., London, Vereinigtes Königreich",
        country="Vereinigtes Königreich",
        email="email",
        first_name="fields[fieldFirstName]",
        custom="fields[field{id}]",
        needs=("apikey",),
        source="https://developers.klicktipp.com/",
    ),
    # rapidmail: `email`. No rapidmail page documenting the form's field names was found in our
    # reference corpus; names from #24 (first name as `firstname`, unverified: set
    # fields.first_name to your form's name for it, or None).
    "rapidmail": Preset(
        title="rapidmail",
        company="rapidmail GmbH, Freiburg im Breisgau, Deutschland",
        country="Deutschland",
        email="email",
        first_name="firstname",
        custom="{id}",
        source="not found: no rapidmail page documenting the form fields; names from #24",
    ),
    # MailerLite: `fields[email]`, `fields[name]`, own fields `fields[<key>]`, plus `ml-submit=1`
    # and `anticsrf=true` from its embedded form; the form address answers with JSON (the
    # visitor sees MailerLite's answer). No MailerLite page documenting the embedded form's
    # field names was found (developers.mailerlite.com documents the API only). The names match
    # MailerLite's generated embed code as published in a theme (posted to
    # https://assets.mailerlite.com/jsonp/<account>/forms/<form>/subscribe):
    # https://github.com/jwrobbs/WPMB-Custom-Theme/blob/main/template-parts/mailerlite-form.php
    "mailerlite": Preset(
        title="MailerLite",
        company="MailerLite Limited, Dublin, Irland",
        country="Irland",
        email="fields[email]",
        first_name="fields[name]",
        custom="fields[{id}]",
        fixed={"ml-submit": "1", "anticsrf": "true"},
        source="not found as documentation; generated embed code, e.g. github.com/jwrobbs/WPMB-Custom-Theme",
    ),
    # Mailchimp: `EMAIL`, `FNAME`, merge tags by their tag (e.g. MMERGE5 or QUIZ), `tags` as
    # comma-separated numeric tag ids, honeypot `b_<u>_<id>`. No Mailchimp documentation page
    # was found in our reference corpus; the names are those of Mailchimp's generated embed
    # code (e.g. https://pastebin.com/hEvvKvHn, a copy of it) and #24.
    "mailchimp": Preset(
        title="Mailchimp",
        company="The Rocket Science Group LLC (Mailchimp), Atlanta, USA",
        country="USA",
        email="EMAIL",
        first_name="FNAME",
        custom="{id}",
        honeypot="mailchimp",
        source="not found as documentation; generated embed code, e.g. https://pastebin.com/hEvvKvHn",
    ),
    # Kit (formerly ConvertKit): `email_address`, `fields[first_name]`, own fields
    # `fields[<key>]`, posted to https://app.kit.com/forms/<id>/subscriptions. No Kit help page
    # was found in our reference corpus; the names are in a form published by Kit's founder:
    # https://gist.github.com/nathanbarry/57c8731f384906212e03fecfb05157e3
    "kit": Preset(
        title="Kit",
        company="ConvertKit LLC (Kit), Boise, USA",
        country="USA",
        email="email_address",
        first_name="fields[first_name]",
        custom="fields[{id}]",
        source="https://gist.github.com/nathanbarry/57c8731f384906212e03fecfb05157e3",
    ),
    # Any other provider: every name is written out in "fields" (ids are used as names).
    "custom": Preset(
        title="",
        company="",
        country="",
        email="EMAIL",
        first_name=None,
        custom="{id}",
        source="the coach's own provider",
    ),
}
