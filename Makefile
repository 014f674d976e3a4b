# The practice's website. `make html` builds it, `make test` checks it.
# Both create .venv and install the pinned packages when they are missing or changed.

PYTHON     ?= python3
VENV       := .venv
BIN        := $(VENV)/bin
INSTALLED  := $(VENV)/.installed
SPHINXOPTS ?= -nW --keep-going
BUILDDIR   := _build
PORT       ?= 8000

.PHONY: html production livehtml test clean new-page sign-off check review-report bench

$(INSTALLED): requirements.txt requirements-test.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

## html: build the site into _build/html (strict: any warning fails the build)
html: $(INSTALLED)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILDDIR)/html

## production: build as the public site is built (Read the Docs' published versions):
##   a draft, a "Write here:" prompt or a page changed since its sign-off stops the build
production: $(INSTALLED)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) -D practice_build_for=production . $(BUILDDIR)/production

## livehtml: preview at http://127.0.0.1:$(PORT), rebuilt as you save
livehtml: $(INSTALLED)
	$(BIN)/python tools/livehtml.py -b html $(SPHINXOPTS) --host 127.0.0.1 --port $(PORT) \
		--ignore "$(BUILDDIR)/*" --ignore "tests/*" --ignore "bench/*" . $(BUILDDIR)/live

## new-page: create a draft page, ready to fill in (asks for its kind and title,
##   or give them: make new-page KIND=approach TITLE="Somatic therapy")
new-page: $(INSTALLED)
	@$(BIN)/python tools/new_page.py $(if $(KIND),--kind "$(KIND)") $(if $(TITLE),--title "$(TITLE)")

## sign-off: record that a clinician has read a page as it is now (writes the review
##   lines into its front matter): make sign-off PAGE=specialties/addiction REVIEWER=clinician-a
sign-off: $(INSTALLED)
	@$(BIN)/python tools/sign_off.py $(if $(PAGE),--page "$(PAGE)") $(if $(REVIEWER),--reviewer "$(REVIEWER)")

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
