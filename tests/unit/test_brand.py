"""The brand block: WCAG contrast measured as the standard defines it, dark variants that always
pass, one line per unusable value, the shipped brand when nothing is set, a Latin WOFF2 subset."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pelican.plugins.kundenfit import brand
from pelican.plugins.kundenfit.settings import problems as setting_problems

SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
colours = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [("#ffffff", "#000000", 21.0), ("#777777", "#ffffff", 4.48), ("#767676", "#ffffff", 4.54)],
)
def test_contrast_is_wcags(a, b, ratio):
    assert round(brand.contrast(a, b), 2) == ratio
    assert brand.contrast(a, b) == brand.contrast(b, a)


@given(colours, colours)
def test_computed_dark_variants_and_tints_always_pass(primary, accent):
    for scheme, palette in (
        ("light", brand.palette(primary, accent, "light")),
        ("dark", brand.palette(brand.dark_variant(primary, 7), brand.dark_variant(accent, 4.5), "dark")),
    ):
        if scheme == "light" and brand.contrast(primary, "#ffffff") < brand.TEXT_RATIO:
            continue  # refused by the check; no palette is made from it
        assert brand.contrast(palette.primary, palette.paper) >= brand.TEXT_RATIO
        assert brand.contrast(palette.primary, palette.tint) >= brand.TEXT_RATIO
        assert brand.contrast(palette.on_primary, palette.primary) >= brand.TEXT_RATIO
        assert brand.contrast(palette.on_primary, palette.primary_strong) >= brand.TEXT_RATIO
        assert brand.contrast(palette.muted, palette.tint) >= brand.TEXT_RATIO
        assert brand.contrast(palette.border, palette.paper) >= brand.UI_RATIO
        assert brand.contrast(palette.error, palette.paper) >= brand.TEXT_RATIO
        assert brand.contrast(palette.visited, palette.paper) >= brand.TEXT_RATIO
        if scheme == "dark":
            assert brand.contrast(palette.accent, palette.paper) >= brand.UI_RATIO


def test_nothing_set_gives_the_shipped_brand():
    coach = brand.brand_from_settings({"PATH": "content", "SITENAME": "Kundenfit"})
    assert (coach.primary, coach.accent) == (brand.DEFAULT_PRIMARY, brand.DEFAULT_ACCENT)
    assert coach.name == "Kundenfit" and coach.logo is None and coach.font_family is None
    css = brand.brand_css(coach, None)
    assert "@font-face" not in css and f"--kf-brand-primary:{brand.DEFAULT_PRIMARY};" in css
    dark = "@media screen and (prefers-color-scheme:dark){:root[data-kf-scheme=auto]{color-scheme:dark;"
    assert dark in css


def test_owner_address_without_placeholders():
    owner = {"name": "Erika Beispiel", "street": "[Platzhalter: Straße]", "city": "50667 Köln", "email": ""}
    coach = brand.brand_from_settings({"PATH": ".", "SITE_OWNER": owner, "SITENAME": "X"})
    assert coach.name == "Erika Beispiel" and coach.owner_lines == ("50667 Köln",)


SETTINGS = "pelican.conf.py: KUNDENFIT_BRAND"


@pytest.mark.parametrize(
    ("block", "line"),
    [
        ("teal", f"{SETTINGS} = 'teal' ist kein Block"),
        ({"primay": "#000000"}, f'{SETTINGS}["primay"] gibt es nicht – meintest du "primary"?'),
        ({"farbe": "#000000"}, f'{SETTINGS}["farbe"] gibt es nicht – erlaubt sind name, role, logo'),
        ({"primary": "teal"}, f"{SETTINGS}[\"primary\"] = 'teal' ist keine Farbe – schreib sie als #rrggbb"),
        ({"primary": "#ffcc00"}, f"{SETTINGS}[\"primary\"] = '#ffcc00' hat auf Weiß nur 1.51:1 Kontrast"),
        ({"accent": "#dddddd"}, f"{SETTINGS}[\"accent\"] = '#dddddd' hat auf Weiß nur 1.35:1 Kontrast"),
        ({"primary_dark": "#0b5d57"}, f"{SETTINGS}[\"primary_dark\"] = '#0b5d57' hat auf dem dunklen"),
        ({"logo": "logo.gif"}, f"{SETTINGS}[\"logo\"] = 'logo.gif' hat nicht die Art SVG oder PNG"),
        ({"logo": "fehlt.svg"}, f"{SETTINGS}[\"logo\"] = 'fehlt.svg' gibt es nicht in content/"),
        ({"font": "pelican.conf.py"}, f"{SETTINGS}[\"font\"] = 'pelican.conf.py' hat nicht die Art TTF"),
        ({"booking_url": "termin"}, f"{SETTINGS}[\"booking_url\"] = 'termin' ist keine volle Adresse"),
        ({"name": 3}, f'{SETTINGS}["name"] = 3 ist kein Text'),
        ({"role": {"de": "Coaching"}}, f"{SETTINGS}[\"role\"] = {{'de': 'Coaching'}} hat nicht genau"),
        ({"role": {"de": "C", "fr": "C"}}, f"{SETTINGS}[\"role\"] = {{'de': 'C', 'fr': 'C'}} hat nicht"),
        ({"role": ["Coaching"]}, f"{SETTINGS}[\"role\"] = ['Coaching'] ist kein Text"),
        ({"booking_url": 3}, f'{SETTINGS}["booking_url"] = 3 ist kein Text'),
    ],
)
def test_each_mistake_is_one_line_naming_the_field(block, line):
    found = [str(p) for p in setting_problems({"KUNDENFIT_BRAND": block, "PATH": "content"}, ["de", "en"])]
    assert len(found) == 1 and found[0].startswith(line), found


def test_a_text_per_language_says_how_to_write_it():
    found = brand.problems({"KUNDENFIT_BRAND": {"role": {"de": "Coaching"}}}, ["de", "en"])
    assert found == [
        f"{SETTINGS}[\"role\"] = {{'de': 'Coaching'}} hat nicht genau einen Text je Sprache der "
        'Website – schreib {"de": "…", "en": "…"}.'
    ]


@pytest.mark.parametrize(
    ("lang", "role"), [("de", "Coaching für Selbstständige"), ("en", "Coaching for the self-employed")]
)
def test_name_and_role_per_language_follow_the_runs_language(lang, role):
    block = {
        "name": "Erika Beispiel",
        "role": {"de": "Coaching für Selbstständige", "en": "Coaching for the self-employed"},
    }
    settings = {"PATH": ".", "KUNDENFIT_BRAND": block, "DEFAULT_LANG": lang}
    assert brand.problems(settings, ["de", "en"]) == []
    coach = brand.brand_from_settings(settings)
    assert (coach.name, coach.role) == ("Erika Beispiel", role)


def test_a_file_that_is_no_font_is_named(tmp_path):
    (tmp_path / "schrift.ttf").write_bytes(b"not a font")
    found = brand.problems({"KUNDENFIT_BRAND": {"font": "schrift.ttf"}, "PATH": str(tmp_path)})
    assert found == [
        f"{SETTINGS}[\"font\"] = 'schrift.ttf' lässt sich nicht als Schrift lesen – nimm eine Datei "
        "TTF, OTF, WOFF oder WOFF2."
    ]


@pytest.mark.skipif(not SERIF.is_file(), reason="fonts-dejavu-core is not installed")
def test_font_is_subset_to_latin_as_woff2():
    from fontTools.ttLib import TTFont

    data = brand.subset_font(SERIF)
    assert data[:4] == b"wOF2" and len(data) < SERIF.stat().st_size / 4
    cmap = TTFont(io.BytesIO(data)).getBestCmap()
    assert all(ord(c) in cmap for c in "ÄÖÜäöüß„“–€ Aa")
    assert ord("Ж") not in cmap  # Cyrillic stays out
    assert brand.subset_font(SERIF) == data  # the same file every build


@pytest.mark.skipif(not SERIF.is_file(), reason="fonts-dejavu-core is not installed")
def test_a_font_fonttools_cannot_cut_is_one_line(tmp_path, monkeypatch):
    coach = brand.brand_from_settings({"PATH": "/", "KUNDENFIT_BRAND": {"font": str(SERIF)}})
    assert coach.font_family == "DejaVu Serif"

    def broken(source):
        raise AssertionError("bad glyf table")

    monkeypatch.setattr(brand, "subset_font", broken)
    with pytest.raises(brand.BrandFileError) as caught:
        brand.write_brand_files(coach, tmp_path)
    assert str(caught.value) == (
        f"{SETTINGS}[\"font\"] = 'DejaVuSerif.ttf' lässt sich nicht verarbeiten "
        "(AssertionError: bad glyf table) – nimm eine andere Datei."
    )
    assert not list(tmp_path.iterdir())
