"""The compiled quizzes and how they are scored: `model` (rules, quizzes, results), `scoring` (the
Python scorer the JavaScript runtime mirrors) and `examples` (the rule files' own examples,
scored on every load). Plain Python: no Pelican, no templates."""
