# Kundenfit: `make html` builds the site, `make test` runs every check.
# The first run creates .venv/ and installs the pinned dependencies.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelican.conf.py
PELICANOPTS ?=
PORT ?= 8000
STAGING := .build-new

.PHONY: html serve clean test lint bench install install-test

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

# Build into a staging folder and swap it in only on success: a failed build never
# touches the last good output/.
html: $(VENV)/.installed
	rm -rf $(STAGING)
	$(PELICAN) $(INPUTDIR) -o $(STAGING) -s $(CONFFILE) $(PELICANOPTS) || { rm -rf $(STAGING); exit 1; }
	rm -rf $(OUTPUTDIR).old
	if [ -d $(OUTPUTDIR) ]; then mv $(OUTPUTDIR) $(OUTPUTDIR).old; fi
	mv $(STAGING) $(OUTPUTDIR)
	rm -rf $(OUTPUTDIR).old

serve: html
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS) --autoreload --listen --port $(PORT)

clean:
	rm -rf $(OUTPUTDIR) $(OUTPUTDIR).old $(STAGING) .pytest_cache .hypothesis
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

test: $(VENV)/.installed-test
	$(BIN)/ruff check plugins tests
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check plugins tests
	$(BIN)/ruff format --check plugins tests

bench: $(VENV)/.installed-test
	$(BIN)/python tests/bench.py
