# Kundenfit: `make html` builds the site, `make test` runs every check, `make publish` builds
# for the real address (publishconf.py) and refuses while a placeholder is left.
# The first run creates .venv/ and installs the pinned dependencies.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelican.conf.py
PUBLISHCONF := publishconf.py
PELICANOPTS ?=
PORT ?= 8000
# Plain log lines on stderr: one line per problem, never wrapped into columns.
PELICAN_LOG := --log-handler plain

.PHONY: html publish serve clean test lint bench messages venv install install-test sample-site lock bench-scale \
	screens lighthouse

venv: $(VENV)/.bootstrapped
install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The two plugins are installed as a stranger installs them (pip), editable so that a change
# to their code needs no reinstall.
# requirements*.lock pin every package with its hashes (regenerate with `make lock` after
# changing a requirements*.txt).
# The venv first gets the pip pinned in requirements-bootstrap.lock: the pip that Python 3.11's
# venv brings refuses a dependency asked for with an extra (fonttools[woff]) in hash mode as soon
# as the registry has a newer release than the lock, so a lock that installed yesterday fails today.
$(VENV)/.bootstrapped: requirements-bootstrap.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.lock
	touch $@

$(VENV)/.installed: $(VENV)/.bootstrapped requirements.lock plugins/kundenfit/pyproject.toml plugins/site_helpers/pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation \
		-e ./plugins/kundenfit -e ./plugins/site_helpers
	touch $@

$(VENV)/.installed-test: requirements-test.lock $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

# The bootstrap lock is made first and installed; the other locks are then made and tried
# (resolved, not installed) with the same pinned pip that `make html` installs them with.
# Extras are stripped: their packages stay in the lock, pinned.
PIP_TOOLS := pip-tools==7.7.0
PIP_COMPILE := .lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-header --no-emit-index-url --no-emit-find-links
lock:
	rm -rf .lock-venv && $(PY) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet $(PIP_TOOLS)
	$(PIP_COMPILE) --output-file requirements-bootstrap.lock requirements-bootstrap.txt
	.lock-venv/bin/python -m pip install --quiet --require-hashes -r requirements-bootstrap.lock
	for name in requirements requirements-test; do \
		$(PIP_COMPILE) --output-file $$name.lock $$name.txt || exit 1; \
		.lock-venv/bin/python -m pip install --quiet --dry-run --require-hashes -r $$name.lock || exit 1; done
	rm -rf .lock-venv

# Build into a staging folder and put it in place of output/ only on success, one build at a
# time, so that output/ always holds a complete site (also when it is a link to a web root); a
# broken settings file or a full disk is one line (plugins/site_helpers/.../build.py).
# $(1) is the settings file.
define build_into_output
	$(BIN)/python -m pelican.plugins.site_helpers.build --output $(OUTPUTDIR) --settings $(1) \
		-- $(INPUTDIR) $(PELICAN_LOG) $(PELICANOPTS)
endef

html: $(VENV)/.installed
	$(call build_into_output,$(CONFFILE))

# The site for its real address (KUNDENFIT_SITEURL): refuses while placeholders are left.
publish: $(VENV)/.installed
	$(call build_into_output,$(PUBLISHCONF))

serve: html
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICAN_LOG) $(PELICANOPTS) --autoreload --listen --port $(PORT)

clean:
	rm -rf $(OUTPUTDIR) $(OUTPUTDIR).old .$(OUTPUTDIR).build-new .$(OUTPUTDIR).lock cache \
		.pytest_cache .hypothesis .coverage
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

# Coverage of plugins/ (also inside the `pelican` subprocesses the tests start) must stay above
# the floor; the report lists what no test reaches.
COVERAGE_FLOOR := 90
test: $(VENV)/.installed-test
	$(BIN)/ruff check plugins tests
	$(BIN)/ruff format --check plugins tests
	rm -rf .coverage && mkdir -p .coverage
	$(BIN)/python -m coverage run -m pytest
	$(BIN)/python -m coverage combine --quiet
	$(BIN)/python -m coverage report --fail-under=$(COVERAGE_FLOOR)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check plugins tests
	$(BIN)/ruff format --check plugins tests

# Extract every UI string (theme templates; the plugin's templates into the plugin's own
# catalog) and every rule text (content/rules), and update the English catalogs.
# Every catalog keeps a standard header (language, plural forms, charset), so msgfmt --check,
# Poedit and Weblate accept it. Running it twice on an unchanged tree changes nothing: a
# template whose only change is its POT-Creation-Date is left as it was, and the catalogs
# keep theirs (--ignore-pot-creation-date).
BABEL := $(BIN)/pybabel
LANGS := en
PLUGIN_LOCALE := plugins/kundenfit/pelican/plugins/kundenfit/locale
POT_HEADER := --project Kundenfit --version 1.0 --copyright-holder Kundenfit --msgid-bugs-address README.md
EXTRACT := $(BABEL) extract --sort-output --no-wrap $(POT_HEADER)
UPDATE := $(BABEL) update --init-missing --no-wrap --ignore-pot-creation-date
# $(1): a template just written to $(1).new; keep the old one if only its creation date changed.
define keep_template
	if [ -f $(1) ] && diff -q -I '^"POT-Creation-Date:' $(1) $(1).new >/dev/null; then \
		rm $(1).new; else mv $(1).new $(1); fi
endef
messages: $(VENV)/.installed
	$(EXTRACT) --mapping-file babel.cfg --keywords "_ gettext ngettext:1,2" \
		--header-comment "# The theme's texts (make messages)." \
		--output-file translations/messages.pot.new .
	$(call keep_template,translations/messages.pot)
	$(EXTRACT) --mapping-file plugins/kundenfit/babel.cfg --keywords "_ gettext ngettext:1,2" \
		--header-comment "# The Kundenfit plugin's own texts (make messages)." \
		--output-file $(PLUGIN_LOCALE)/kundenfit.pot.new plugins/kundenfit
	$(call keep_template,$(PLUGIN_LOCALE)/kundenfit.pot)
	$(EXTRACT) --mapping-file babel-rules.cfg --header-comment "# The rule texts of content/rules (make messages)." \
		--output-file translations/rules.pot.new content/rules
	$(call keep_template,translations/rules.pot)
	for lang in $(LANGS); do \
		for domain in messages rules; do \
			$(UPDATE) --input-file translations/$$domain.pot --output-dir translations \
				--domain $$domain --locale $$lang || exit 1; done; \
		$(UPDATE) --input-file $(PLUGIN_LOCALE)/kundenfit.pot --output-dir $(PLUGIN_LOCALE) \
			--domain kundenfit --locale $$lang || exit 1; done

# Re-record the plugin's sample site output (tests/sample_site_expected/) after an intended change.
sample-site: $(VENV)/.installed
	$(BIN)/python -m tests.support.sample_site --record

# The build at scale: N articles per language and Q quizzes against plain Pelican (minutes).
SCALE ?=
bench: $(VENV)/.installed-test
	$(BIN)/python -m tests.bench
	$(BIN)/python -m tests.bench_scale $(SCALE)

bench-scale: $(VENV)/.installed-test
	$(BIN)/python -m tests.bench_scale $(SCALE)

# Screenshots of landing, quiz, result, checklist, PDF and an embed with the shipped and a second
# brand, at 375 and 1280 px, into docs/screens/ (tests/screens.py; needs Chromium).
screens: $(VENV)/.installed-test
	$(BIN)/python -m tests.screens

# Lighthouse (mobile) on the landing and a quiz page with the second brand's font, served with
# gzip on 127.0.0.1: the four scores, each run's first frame and the heaviest page's transfer
# (tests/bench_lighthouse.py).
# Lighthouse comes from the npm registry, pinned by tests/lighthouse/package-lock.json.
CHROME_PATH ?= /usr/bin/chromium
lighthouse: $(VENV)/.installed-test tests/lighthouse/node_modules/.bin/lighthouse
	CHROME_PATH=$(CHROME_PATH) $(BIN)/python -m tests.bench_lighthouse

tests/lighthouse/node_modules/.bin/lighthouse: tests/lighthouse/package-lock.json
	cd tests/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@
