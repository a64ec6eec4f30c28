"""Turn compiled quizzes into what the browser needs: the scoring data for the page.

The HTML itself comes from the Jinja templates in `kundenfit/templates/kundenfit/`; this
package holds the pieces that are plain Python and therefore easy to test without Pelican.
"""

from .quiz_data import quiz_data

__all__ = ["quiz_data"]
