"""Turn compiled quizzes and checklists into what a page shows: every address (`urls`), template
contexts (`views`), the `{% quiz %}` Markdown directive (`markdown`, `embeds`), source credits,
the lead form and next steps (`leads`, `lead_presets`, `next_steps`), the quiz data for the
runtime and the runtime itself, minified under fingerprinted names (`assets`). The Jinja
templates and the runtime's CSS and JavaScript sources are in ../templates/ and ../static/."""

from .quiz_data import quiz_data

__all__ = ["quiz_data"]
