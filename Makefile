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
STAGING := .build-new

.PHONY: html publish serve clean test lint bench messages install install-test

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The two plugins are installed as a stranger installs them (pip), editable so that a change
# to their code needs no reinstall.
$(VENV)/.installed: requirements.txt plugins/kundenfit/pyproject.toml plugins/site_helpers/pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e ./plugins/kundenfit -e ./plugins/site_helpers
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

# Build into a staging folder and swap it in only on success: a failed build never
# touches the last good output/.
# `make html` uses the local settings (relative addresses: output/ works from disk too);
# `make publish` the production settings, whose check stops Pelican before it writes anything
# while a placeholder is left (one line per setting to fix).
define build
	rm -rf $(STAGING)
	$(PELICAN) $(INPUTDIR) -o $(STAGING) -s $(1) $(PELICANOPTS) || { rm -rf $(STAGING); exit 1; }
	rm -rf $(OUTPUTDIR).old
	if [ -d $(OUTPUTDIR) ]; then mv $(OUTPUTDIR) $(OUTPUTDIR).old; fi
	mv $(STAGING) $(OUTPUTDIR)
	rm -rf $(OUTPUTDIR).old
endef

html: $(VENV)/.installed
	$(call build,$(CONFFILE))

publish: $(VENV)/.installed
	$(call build,$(PUBLISHCONF))

serve: html
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS) --autoreload --listen --port $(PORT)

clean:
	rm -rf $(OUTPUTDIR) $(OUTPUTDIR).old $(STAGING) cache .pytest_cache .hypothesis
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

test: $(VENV)/.installed-test
	$(BIN)/ruff check plugins tests
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check plugins tests
	$(BIN)/ruff format --check plugins tests

# Extract every UI string (templates) and every rule text (content/rules) and update the
# English catalogs in translations/. Running it twice on an unchanged tree changes nothing.
BABEL := $(BIN)/pybabel
LANGS := en
messages: $(VENV)/.installed
	$(BABEL) extract --mapping-file babel.cfg --sort-output --omit-header --no-wrap \
		--keywords "_ gettext ngettext:1,2" --output-file translations/messages.pot .
	$(BABEL) extract --mapping-file babel-rules.cfg --sort-output --omit-header --no-wrap \
		--output-file translations/rules.pot content/rules
	for lang in $(LANGS); do for domain in messages rules; do \
		$(BABEL) update --input-file translations/$$domain.pot --output-dir translations \
			--domain $$domain --locale $$lang --init-missing --no-wrap --omit-header --ignore-pot-creation-date \
			|| exit 1; done; done

bench: $(VENV)/.installed-test
	$(BIN)/python -m tests.bench
