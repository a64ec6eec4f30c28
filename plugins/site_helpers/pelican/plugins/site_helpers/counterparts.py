"""Every page has its counterpart at the same path in each other language.

This theme's language switcher links a page to the same path in the other language (it needs
no Pelican `translations` for that). A slug misspelt in one translation, or an article written in
one language only, makes that link lead nowhere; this names each such page after the build.
"""

from __future__ import annotations

from pathlib import Path


def html_pages(folder: Path, inside: set[Path]) -> set[str]:
    """The HTML files below `folder`, relative to it, leaving out the other languages' folders."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.html")
        if not any(path.is_relative_to(other) for other in inside)
    }


def missing_counterparts(main_lang: str, main_sources: dict[str, str], outputs: dict[str, Path]) -> list[str]:
    """One note per page without its counterpart: the main site's articles and pages (named by
    their source file) and every other language's pages (named by their path)."""
    main_folder = outputs[main_lang]
    others = {code: folder for code, folder in outputs.items() if code != main_lang}
    written = {main_lang: html_pages(main_folder, set(others.values()))}
    written.update({code: html_pages(folder, set()) for code, folder in others.items()})
    notes = []
    for code, pages in written.items():
        if code == main_lang:
            continue
        for save_as, source in sorted(main_sources.items()):
            if save_as not in pages:
                notes.append(
                    f"{source}: hat auf {code!r} keine Seite {code}/{save_as} – der Sprachwechsel führt dort "
                    "ins Leere; prüfe den Slug: der Übersetzung (er muss gleich sein) oder übersetze sie."
                )
        for save_as in sorted(pages - written[main_lang]):
            notes.append(
                f"{code}/{save_as}: hat auf {main_lang!r} keine Entsprechung – prüfe den Slug: dieser "
                "Übersetzung (er muss wie im Original lauten)."
            )
    return notes
