"""Kundenfit: compile rule files into client-fit quizzes and printable checklists.

The data flows one way: rule files -> `rules/` (load, validate) -> `quiz/` (model, scoring) ->
`render/` (views, templates, Markdown directive) -> `outputs/` (PDFs, host files, oEmbed,
manifest). `languages/` holds everything about languages and catalogs. Only `glue` and
`generator` import Pelican; the subpackages are plain modules.
"""


def register():
    """Connect the plugin to Pelican (imported lazily so the plain modules need no Pelican)."""
    from .glue import register as _register

    _register()
