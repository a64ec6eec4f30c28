"""Kundenfit: compile rule files into client-fit quizzes and printable checklists.

Only `pelican_glue` imports Pelican; loading (`rules/`), scoring (`scoring`), rendering
(`render/`, `templates/`, `static/`) and Markdown embedding (`markdown`) are plain modules.
"""


def register():
    """Connect the plugin to Pelican (imported lazily so the plain modules need no Pelican)."""
    from .pelican_glue import register as _register

    _register()
