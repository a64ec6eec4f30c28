"""The limits that keep reading rule files fast and bounded, whatever a file holds.

A hand-written rule file stays far below each of them (the site's largest is under 20 KB,
nested 7 levels deep, with a few hundred possible totals per quiz); they exist so that a
mistaken or hostile file gets one clear line within seconds instead of a hang, a
`RecursionError` or a `MemoryError`. docs/rule-format.md ("Grenzen") states them for coaches.
"""

from __future__ import annotations

# Bytes per rule file, checked before parsing. 250 KB is over ten times the largest real file
# and is read in well under 2 s even when a syntax error makes the pure-Python parser re-read it.
MAX_FILE_BYTES = 250_000
# Nesting levels of lists and mappings in one file (the format needs 7).
MAX_DEPTH = 20
# Digits of a whole number (points, counts): more is a typing mistake, never a score.
MAX_INT_DIGITS = 9
# Different totals a score quiz may give (checked while they are counted, so never more work).
MAX_TOTALS = 10_000
# Steps (point sums × answers) spent on whether a profile outcome can ever win (then: yes).
MAX_PROFILE_STEPS = 1_000_000
