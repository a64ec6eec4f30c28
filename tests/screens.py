"""Screenshots of every surface with the shipped brand and the second one (`make screens`).

Builds the site twice (the shipped brand; the second brand of tests/support/brands.py) for the
address SITE and takes, in Chromium at 375 × 812 and 1280 × 800: the landing page, the flagship
quiz before the first answer, its result after a fixed set of answers, a checklist page and a
coach's blog page (BLOG, another origin) that embeds the quiz with the loader snippet copied
from the quiz page; dark ones of landing and result at 375; page 1 of the checklist PDF
(pypdfium2). Chromium gets every file from the build folders (SITE and BLOG are reserved names
that never resolve) and any other request is refused: nothing leaves the machine, and the PDF
shows a plain address instead of a port. The PNGs go to docs/screens/ as
<brand>-<surface>-<width>[-dark].png, reduced to 256 colours. Nothing here asserts: a page
that changed shape gives a screenshot to look at, not a failure.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from pelican.plugins.kundenfit.rules import load_rulebook
from PIL import Image

from tests.conftest import CHROMIUM_ARGS, _chromium_path
from tests.support.brands import second_brand_overrides
from tests.support.build import ROOT, build_site
from tests.support.quiz import answer_steps

TARGET = ROOT / "docs" / "screens"
SITE = "https://kundenfit.example"
BLOG = "https://blog.example"
SIZES = {375: (375, 812), 1280: (1280, 800)}
QUIZ = "kundenfit"  # the flagship quiz (first in KUNDENFIT_ORDER)
CHECKLIST = "vor-dem-auftrag"
# Answer i of question i+1 (cut to the answers a question has): a mixed client, so the result
# shows an outcome in the middle with its warning signs and advice.
ANSWERS = [0, 1, 0, 2, 1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0]
BLOG_PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Blog einer Coachin</title>
<style>body{{font:17px/1.6 Georgia,serif;color:#222;margin:0;background:#faf7f2}}
header{{background:#2d2a26;color:#fff;padding:1rem 1.5rem;font:700 1.2rem sans-serif}}
main{{max-width:44rem;margin:0 auto;padding:1rem 1.25rem}}</style></head>
<body><header>Blog einer Coachin</header><main>
<h1>Passt dieser Kunde zu mir?</h1>
<p>Bevor du zusagst, nimm dir vier Minuten für diesen Selbsttest.</p>
{snippet}
<p>Danke fürs Mitmachen!</p>
</main></body></html>
"""


def build(brand: str, folder: Path, siteurl: str) -> Path:
    output = folder / brand / "output"
    overrides = ["KUNDENFIT_PDF_REQUIRED=true"]
    if brand == "second":
        overrides += second_brand_overrides(folder)
    result = build_site(output, siteurl, overrides)
    if result.returncode != 0:
        raise SystemExit(f"the {brand} brand's build failed:\n{result.stderr}")
    return output


def save(image: Image.Image, name: str) -> int:
    """Write `image` as a small PNG (256 colours, no dithering: flat screens stay sharp)."""
    small = image.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path = TARGET / name
    small.save(path, optimize=True)
    return path.stat().st_size


def serve(context, folders: dict[str, Path]) -> None:
    """Answer every request of `context` from the folder of its origin; refuse all others."""

    def handle(route):
        url = urlsplit(route.request.url)
        folder = folders.get(f"{url.scheme}://{url.netloc}")
        if folder is None:
            return route.abort()
        target = folder / unquote(url.path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            return route.fulfill(path=target)
        return route.fulfill(status=404, body="")

    context.route("**/*", handle)


def shoot(page, name: str) -> int:
    page.evaluate("document.fonts.ready")
    return save(Image.open(io.BytesIO(page.screenshot())), name)


def result(page) -> None:
    """Answer the flagship quiz with ANSWERS and show its result at the top of the screen."""
    rules = load_rulebook(ROOT / "content" / "rules").quizzes[QUIZ].rules
    page.goto(f"{SITE}/quiz/{QUIZ}/", wait_until="load")
    answer_steps(page, QUIZ, [min(a, len(r.answers) - 1) for a, r in zip(ANSWERS, rules, strict=False)])
    page.locator("[data-kf-submit]").click()
    shown = page.locator("[data-kf-result]")
    shown.wait_for(state="visible")
    shown.evaluate("e => { e.scrollIntoView({block: 'start'}); window.scrollBy(0, -12); }")


def blog_page(site: Path, folder: Path) -> Path:
    """The coach's blog with the loader snippet as the quiz page offers it for copying."""
    soup = BeautifulSoup((site / "quiz" / QUIZ / "index.html").read_text(encoding="utf-8"), "html.parser")
    snippet = soup.select_one('textarea[data-kf-embed-code="script"]').get_text()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(BLOG_PAGE.format(snippet=snippet), encoding="utf-8")
    return folder


def pdf_page(site: Path, name: str) -> int:
    """Page 1 of the checklist PDF at 110 dpi (about 910 px wide), on white."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(site / "checkliste" / CHECKLIST / f"kundenfit-{CHECKLIST}-de.pdf")
    try:
        image = pdf[0].render(scale=110 / 72).to_pil()
    finally:
        pdf.close()
    return save(image, name)


def shoot_brand(browser, brand: str, folder: Path) -> dict[str, int]:
    site = build(brand, folder, SITE)
    blog = blog_page(site, folder / brand / "blog")
    # (width, scheme, surfaces): every surface in light, landing and result in dark at 375.
    shots = [
        (375, "light", ("landing", "quiz", "result", "checklist", "embed")),
        (1280, "light", ("landing", "quiz", "result", "checklist", "embed")),
        (375, "dark", ("landing", "result")),
    ]
    addresses = {
        "landing": f"{SITE}/",
        "quiz": f"{SITE}/quiz/{QUIZ}/",
        "checklist": f"{SITE}/checkliste/{CHECKLIST}/",
        "embed": f"{BLOG}/",
    }
    sizes = {}
    for width, scheme, surfaces in shots:
        w, h = SIZES[width]
        context = browser.new_context(
            viewport={"width": w, "height": h}, color_scheme=scheme, reduced_motion="reduce"
        )
        serve(context, {SITE: site, BLOG: blog})
        page = context.new_page()
        page.set_default_timeout(15_000)
        for surface in surfaces:
            if surface == "result":
                result(page)
            else:
                page.goto(addresses[surface], wait_until="load")
            if surface == "embed":  # wait for the quiz inside the frame
                page.frame_locator("iframe").first.locator(f"#kf-{QUIZ}-q1").wait_for(state="visible")
            name = f"{brand}-{surface}-{width}{'-dark' if scheme == 'dark' else ''}.png"
            sizes[name] = shoot(page, name)
        context.close()
    name = f"{brand}-pdf.png"
    sizes[name] = pdf_page(site, name)
    return sizes


SURFACES = {
    "landing": "Landing page",
    "quiz": f"Quiz start (`quiz/{QUIZ}/`)",
    "result": "Quiz result (fixed answers)",
    "checklist": f"Checklist page (`checkliste/{CHECKLIST}/`)",
    "embed": "Embed: a blog on another origin with the loader snippet",
}


def write_index(names: list[str]) -> None:
    """docs/screens/README.md: every screenshot, by surface, brand and width."""
    lines = [
        "# Screenshots",
        "",
        "Made by `make screens` (tests/screens.py) from a clean build: the shipped brand (`default-…`)",
        "and the second brand of `tests/support/brands.py` (`second-…`: another logo, purple and",
        "orange, DejaVu Serif), at 375 × 812 and 1280 × 800 in Chromium, dark ones",
        "(`prefers-color-scheme: dark`) of landing and result at 375. The PDF is page 1 of the",
        f"`{CHECKLIST}` checklist PDF. Regenerate them after a change to the theme, the quiz or the",
        "embed; the files are reduced to 256 colours.",
        "",
        "| surface | width | shipped brand | second brand |",
        "| --- | --- | --- | --- |",
    ]
    for surface, label in SURFACES.items():
        for suffix in ("375", "1280", "375-dark"):
            if f"default-{surface}-{suffix}.png" in names:
                cells = [f"[{b}](./{b}-{surface}-{suffix}.png)" for b in ("default", "second")]
                lines.append(f"| {label} | {suffix.replace('-dark', ' dark')} | {' | '.join(cells)} |")
    lines.append("| Checklist PDF, page 1 | A4 | [default](./default-pdf.png) | [second](./second-pdf.png) |")
    lines += ["", "![Landing page, shipped brand, 375](./default-landing-375.png)"]
    lines += ["![Landing page, second brand, 375](./second-landing-375.png)", ""]
    (TARGET / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    from playwright.sync_api import sync_playwright

    executable = _chromium_path()
    if not executable:
        raise SystemExit("Chromium is missing (apt-get install chromium)")
    TARGET.mkdir(parents=True, exist_ok=True)
    for old in TARGET.glob("*.png"):
        old.unlink()
    sizes = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            for brand in ("default", "second"):
                sizes.update(shoot_brand(browser, brand, Path(tmp)))
        finally:
            browser.close()
    write_index(sorted(sizes))
    for name, size in sorted(sizes.items()):
        print(f"docs/screens/{name}: {size / 1024:.0f} KiB")
    print(f"{len(sizes)} screenshots, {sum(sizes.values()) / 1024:.0f} KiB in total")


if __name__ == "__main__":
    sys.exit(main())
