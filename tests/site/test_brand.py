"""A second brand (another logo, colours and font) reaches every surface: the theme's pages, the
quiz page, the embed page and the checklist PDF, and nothing of the shipped brand is left.

Builds the site once with the second brand of tests/support/brands.py (the one the screenshots
of `make screens` show): purple/orange with DejaVu Serif, a role in each language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.kundenfit import brand
from pelican.plugins.kundenfit.outputs import pdf

from tests.support.brands import ACCENT, FONT, LOGO, PRIMARY, second_brand_overrides
from tests.support.build import build_site
from tests.support.checks import resolve
from tests.support.weight import heaviest_page

pypdf = pytest.importorskip("pypdf")

SITEURL = "http://127.0.0.1:8799"


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> Path:
    if not FONT.is_file():
        pytest.skip(f"{FONT} is missing (apt-get install fonts-dejavu-core)")
    folder = tmp_path_factory.mktemp("brand")
    output = folder / "output"
    overrides = [*second_brand_overrides(folder), "KUNDENFIT_PDF_REQUIRED=true"]
    result = build_site(output, SITEURL, overrides)
    assert result.returncode == 0, result.stderr
    return output


def stylesheets(site: Path, page: Path) -> str:
    """The style sheets a page links, one after the other; each font they name must be there."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    sheets = [resolve(site, link["href"], SITEURL) for link in soup.select('link[rel="stylesheet"]')]
    assert sheets and all(s is not None and s.is_file() for s in sheets), page
    for sheet in sheets:
        for url in re.findall(r'src:url\("([^"]+)"\)', sheet.read_text(encoding="utf-8")):
            assert "://" not in url and (sheet.parent / url).resolve().is_file(), f"{sheet}: {url} is missing"
    return "".join(s.read_text(encoding="utf-8") for s in sheets)


def brand_declarations(css: str) -> str:
    """Only what the build wrote for the brand (the --kf-brand-* values and @font-face)."""
    found = re.findall(r"--kf-brand-[a-z-]+:[^;]+;|@font-face\{[^}]*\}", css)
    assert found, "no brand block in the served style sheets"
    return " ".join(found)


PAGES = {
    "landing": "index.html",
    "quiz": "quiz/kundenfit/index.html",
    "checklist": "checkliste/vor-dem-auftrag/index.html",
    "embed": "embed/kundenfit/index.html",
    "english quiz": "en/quiz/kundenfit/index.html",
}


@pytest.mark.parametrize("name", PAGES)
def test_every_surface_serves_the_second_brand_and_nothing_of_the_first(branded, name):
    css = brand_declarations(stylesheets(branded, branded / PAGES[name]))
    assert f"--kf-brand-primary:{PRIMARY};" in css
    assert f"--kf-brand-accent:{ACCENT};" in css
    assert '"DejaVu Serif"' in css and "font-display:swap" in css
    for default in (brand.DEFAULT_PRIMARY, brand.DEFAULT_ACCENT, "#80aba8"):
        assert default not in css, f"{name}: the shipped brand's {default} is still declared"
    font_url = re.search(r'src:url\("([^"]+)"\)', css).group(1)
    assert font_url.endswith(".woff2") and "://" not in font_url  # served by the site itself
    if name in ("landing", "quiz", "english quiz"):  # the theme's pages ask for it at once
        soup = BeautifulSoup((branded / PAGES[name]).read_text(encoding="utf-8"), "html.parser")
        preload = soup.select_one('link[rel="preload"][as="font"]')
        assert preload is not None and preload.has_attr("crossorigin")
        assert resolve(branded, preload["href"], SITEURL).name == Path(font_url).name


def test_the_font_is_a_latin_subset_in_woff2(branded):
    fonts = list((branded / "kundenfit" / brand.FILES_DIR).glob("*.woff2"))
    assert len(fonts) == 1
    data = fonts[0].read_bytes()
    assert data[:4] == b"wOF2"
    assert len(data) < FONT.stat().st_size / 4, "not subset: as large as the source font"


def test_the_header_shows_the_logo_instead_of_the_wordmark(branded):
    soup = BeautifulSoup((branded / "index.html").read_text(encoding="utf-8"), "html.parser")
    logo = soup.select_one("a.brand img.brand__logo")
    assert logo is not None and logo["alt"]
    target = resolve(branded, logo["src"], SITEURL)
    assert target is not None and target.read_text(encoding="utf-8") == LOGO
    assert soup.select_one("a.brand svg") is None


def _pdf_colours(reader) -> set[tuple[int, int, int]]:
    """Every fill/stroke colour the page's drawing operators set, as 0–255 RGB."""
    colours = set()
    for page in reader.pages:
        content = page.get_contents().get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", content):
            colours.add(tuple(round(float(v) * 255) for v in (r, g, b)))
    return colours


def _pdf_fonts(reader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font") or {}
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def test_the_checklist_pdf_has_the_brand_the_coach_and_the_next_step(branded):
    ok, reason = pdf.pdf_support()
    if not ok:
        pytest.skip(reason)
    reader = pypdf.PdfReader(branded / "checkliste/kundenpflege-krise/kundenfit-kundenpflege-krise-de.pdf")
    assert len(reader.pages) == 1
    fonts = _pdf_fonts(reader)
    # The brand's family only (the shipped PDFs use DejaVu Sans).
    assert fonts and all("DejaVu-Serif" in name for name in fonts), fonts
    rgb = tuple(int(PRIMARY[i : i + 2], 16) for i in (1, 3, 5))
    assert any(max(abs(a - b) for a, b in zip(c, rgb, strict=True)) <= 1 for c in _pdf_colours(reader))
    text = "".join(reader.pages[0].extract_text().split())
    for expected in ("ErikaBeispiel", "CoachingfürSelbstständige", "DeinnächsterSchritt"):
        assert expected in text
    assert "termine.zweite-marke.de/erstgespraech" in text
    # Logo and QR code are tagged figures with their text (PDF/UA); the address is a link too.
    assert _figures(reader.trailer["/Root"]["/StructTreeRoot"]) == [
        "Kundenfit",
        "QR-Code: https://termine.zweite-marke.de/erstgespraech",
    ]
    links = [a.get_object()["/A"].get("/URI") for a in reader.pages[0].get("/Annots") or []]
    assert "https://termine.zweite-marke.de/erstgespraech" in links


def test_the_english_pdf_names_the_role_in_english(branded):
    ok, reason = pdf.pdf_support()
    if not ok:
        pytest.skip(reason)
    reader = pypdf.PdfReader(branded / "en/checkliste/kundenpflege-krise/kundenfit-kundenpflege-krise-en.pdf")
    text = "".join(reader.pages[0].extract_text().split())
    assert "Coachingfortheself-employed" in text
    assert "Selbstständige" not in text


def _figures(node) -> list[str]:
    """The text alternative of every figure in the PDF's structure tree, in reading order."""
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        return [alt for child in node for alt in _figures(child)]
    if not isinstance(node, dict):
        return []
    own = [str(node.get("/Alt"))] if node.get("/S") == "/Figure" else []
    kids = node.get("/K")
    return own + (_figures(kids if isinstance(kids, list) else [kids]) if kids is not None else [])


def test_the_heaviest_page_with_the_brand_font_stays_under_60_kb(branded):
    size, page = heaviest_page(branded, SITEURL)
    assert size <= 60 * 1024, f"{page}: {size} bytes on a first visit (gzip, font included)"


def test_every_branded_checklist_pdf_is_still_one_page(branded):
    """The brand's taller header and wider font must not push a checklist onto a second page."""
    ok, reason = pdf.pdf_support()
    if not ok:
        pytest.skip(reason)
    pdfs = sorted(branded.rglob("*.pdf"))
    assert len(pdfs) >= 6
    assert [p.name for p in pdfs if len(pypdf.PdfReader(p).pages) != 1] == []


@pytest.mark.parametrize("name", ["landing", "quiz", "embed", "english quiz"])
def test_the_site_icon_is_in_the_brands_colour(branded, name):
    soup = BeautifulSoup((branded / PAGES[name]).read_text(encoding="utf-8"), "html.parser")
    icon = resolve(branded, soup.select_one('link[rel="icon"]')["href"], SITEURL)
    assert icon is not None and icon.is_file()
    svg = icon.read_text(encoding="utf-8")
    assert f'fill="{PRIMARY}"' in svg and brand.DEFAULT_PRIMARY not in svg


def test_the_share_image_has_the_brands_colours_and_font(branded):
    """The preview a shared outcome page gets: the brand's primary as background, its accent
    bar and its font (the same texts drawn with the shipped font give other bytes)."""
    from pelican.plugins.kundenfit.outputs.share_image import share_image
    from pelican.plugins.kundenfit.rules import load_rulebook
    from PIL import Image

    quiz = load_rulebook(Path(__file__).resolve().parents[2] / "content" / "rules").quizzes["kundenfit"]
    outcome = quiz.outcomes[0]
    image_path = branded / "quiz" / quiz.id / "ergebnis" / outcome.id / "teilen.png"
    with Image.open(image_path) as image:
        pixels = image.convert("RGB")
        colours = {colour for _count, colour in pixels.getcolors(1_000_000)}
        background = pixels.getpixel((600, 20))

    def rgb(hex_colour: str) -> tuple[int, int, int]:
        return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))

    assert background == rgb(PRIMARY)
    assert rgb(ACCENT) in colours
    assert rgb(brand.DEFAULT_PRIMARY) not in colours and rgb(brand.DEFAULT_ACCENT) not in colours
    texts = {"site": "Kundenfit", "quiz_title": quiz.title, "outcome_title": outcome.title}
    texts |= {"invite": "Und wie ist es bei dir?", "primary": PRIMARY, "accent": ACCENT}
    assert image_path.read_bytes() == share_image(**texts, font=str(FONT))
    assert image_path.read_bytes() != share_image(**texts)
