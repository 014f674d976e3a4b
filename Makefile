# The practice's website. `make html` builds it, `make test` checks it.
# Both create .venv and install the pinned packages when they are missing or changed.

PYTHON     ?= python3
VENV       := .venv
BIN        := $(VENV)/bin
INSTALLED  := $(VENV)/.installed
SPHINXOPTS ?= -nW --keep-going
BUILDDIR   := _build
PORT       ?= 8000

.PHONY: html livehtml test clean

$(INSTALLED): requirements.txt requirements-test.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

## html: build the site into _build/html (strict: any warning fails the build)
html: $(INSTALLED)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILDDIR)/html

## livehtml: preview at http://127.0.0.1:$(PORT), rebuilt as you save
livehtml: $(INSTALLED)
	$(BIN)/sphinx-autobuild -b html $(SPHINXOPTS) --host 127.0.0.1 --port $(PORT) \
		--ignore "$(BUILDDIR)/*" --ignore "tests/*" --ignore "bench/*" . $(BUILDDIR)/live

## test: run every test (builds the site itself, in a temporary folder)
test: $(INSTALLED)
	$(BIN)/python -m pytest

## clean: remove the build output
clean:
	rm -rf $(BUILDDIR)
