"""Site helpers: Jinja filters the theme needs (Babel dates, reading time, JSON-LD).

Kept apart from the Kundenfit plugin because they serve the articles, not the quizzes.
"""

from .glue import register

__all__ = ["register"]
