# The practice's website. `make html` builds it, `make test` checks it.
# Both create .venv and install the pinned packages when they are missing or changed.

PYTHON     ?= python3
VENV       := .venv
BIN        := $(VENV)/bin
INSTALLED  := $(VENV)/.installed
SPHINXOPTS ?= -nW --keep-going
BUILDDIR   := _build
PORT       ?= 8000

.PHONY: html livehtml test clean new-page check review-report bench

$(INSTALLED): requirements.txt requirements-test.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

## html: build the site into _build/html (strict: any warning fails the build)
html: $(INSTALLED)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILDDIR)/html

## livehtml: preview at http://127.0.0.1:$(PORT), rebuilt as you save
livehtml: $(INSTALLED)
	$(BIN)/python tools/livehtml.py -b html $(SPHINXOPTS) --host 127.0.0.1 --port $(PORT) \
		--ignore "$(BUILDDIR)/*" --ignore "tests/*" --ignore "bench/*" . $(BUILDDIR)/live

## new-page: create a page, ready to fill in (asks for its kind, title and reviewer,
##   or give them: make new-page KIND=approach TITLE="Somatic therapy" REVIEWER=clinician-a)
new-page: $(INSTALLED)
	@$(BIN)/python tools/new_page.py $(if $(KIND),--kind "$(KIND)") \
		$(if $(TITLE),--title "$(TITLE)") $(if $(REVIEWER),--reviewer "$(REVIEWER)")

## check: every content check (front matter, links, language, reading level, review
##   dates, old addresses), in seconds; prints a short summary. No browser tests.
check: $(INSTALLED)
	@$(BIN)/python tools/check.py

## review-report: every reviewed page with its reviewer and dates; flags reviews that are
##   overdue or due within 60 days (reads the pages' front matter, no build)
review-report: $(INSTALLED)
	@PYTHONPATH=_ext $(BIN)/python -m practice.review_report .

## test: run every test (builds the site itself, in a temporary folder)
test: $(INSTALLED)
	$(BIN)/python -m pytest

## bench: build benchmark, ours against stock Furo at 100, 300 and 1000 pages, clean and
##   after a one-page edit, serial and -j 2 (about 35 minutes; QUICK=1: 100 and 300
##   pages, serial, about 3 minutes). Prints the figures, saves bench/results/latest.md
bench: $(INSTALLED)
	$(BIN)/python bench/run.py $(if $(QUICK),--quick)

## clean: remove the build output
clean:
	rm -rf $(BUILDDIR)
