# The practice's website. `make html` builds it (English, and Spanish into es/),
# `make test` checks it.
# Both create .venv and install the pinned packages when they are missing or changed.

PYTHON     ?= python3
VENV       := .venv
BIN        := $(VENV)/bin
INSTALLED  := $(VENV)/.installed
SPHINXOPTS ?= -nW --keep-going
BUILDDIR   := _build
PORT       ?= 8000
# The Spanish site: the translated pages of locales/es/translations.yaml, built with
# Sphinx's own -D language=es, into es/ of the English site.
SPANISH    := -D language=es -d $(BUILDDIR)/doctrees-es
# make livehtml LANGUAGE=es previews the Spanish site.
LANGUAGE   ?= en
# The browser editor's files (Decap CMS, package-lock.json), installed by npm ci where
# npm is found; without them the site builds without its /admin/ editor.
EDIT_PORT  ?= 8001
NODE_INSTALLED := node_modules/.installed
EDITOR_FILES   := $(if $(shell command -v npm 2>/dev/null),$(NODE_INSTALLED))

.PHONY: html production livehtml test clean new-page sign-off sign-off-translation check review-report \
	bench translations setup launch-check edit editor-screenshots

$(INSTALLED): requirements.txt requirements-test.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

$(NODE_INSTALLED): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## html: build the site into _build/html, and the Spanish site into _build/html/es
##   (strict: any warning fails the build)
html: $(INSTALLED) $(EDITOR_FILES)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILDDIR)/html
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) $(SPANISH) . $(BUILDDIR)/html/es

## production: build as the public site is built (Read the Docs' published versions):
##   a draft, a "Write here:" prompt or a page changed since its sign-off stops the build
##   (and, in Spanish, a paragraph whose translation is missing or out of date)
production: $(INSTALLED) $(EDITOR_FILES)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) -D practice_build_for=production . $(BUILDDIR)/production
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) -D practice_build_for=production -d $(BUILDDIR)/doctrees-production-es \
		-D language=es . $(BUILDDIR)/production/es

## livehtml: preview at http://127.0.0.1:$(PORT), rebuilt as you save
##   (make livehtml LANGUAGE=es: the Spanish site, rebuilt when a page or its catalogue changes)
livehtml: $(INSTALLED) $(EDITOR_FILES)
	$(BIN)/python tools/livehtml.py -b html $(SPHINXOPTS) -D practice_search_in_background=1 \
		--host 127.0.0.1 --port $(PORT) \
		$(if $(filter-out en,$(LANGUAGE)),-D language=$(LANGUAGE) -d $(BUILDDIR)/live-$(LANGUAGE)/.doctrees) \
		--ignore "$(BUILDDIR)/*" --ignore "tests/*" --ignore "bench/*" --ignore "*.mo" \
		. $(BUILDDIR)/live$(if $(filter-out en,$(LANGUAGE)),-$(LANGUAGE))

## edit: the browser editor on this folder's files at http://127.0.0.1:$(EDIT_PORT)/admin/,
##   beside the live preview at http://127.0.0.1:$(PORT)/ (no GitHub, no sign-in; needs npm)
edit: $(INSTALLED) $(NODE_INSTALLED)
	@$(BIN)/python tools/edit.py --port $(PORT) --edit-port $(EDIT_PORT)

## editor-screenshots: retake the editor's screenshots that CONTRIBUTING.md shows (the
##   browser tests of the editor save them; this copies them into .github/editor-screenshots/)
editor-screenshots: $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python -m pytest -q tests/test_editor.py
	cp $(BUILDDIR)/editor-screenshots/*.png .github/editor-screenshots/

## translations: update the Spanish catalogues (locales/es/LC_MESSAGES/*.po) after an
##   English edit, and say what is left to translate (PAGE=... starts a new page's catalogue)
translations: $(INSTALLED)
	@$(BIN)/python tools/translations.py $(if $(PAGE),--page "$(PAGE)")

## new-page: create a draft page, ready to fill in (asks for its kind and title,
##   or give them: make new-page KIND=approach TITLE="Somatic therapy")
new-page: $(INSTALLED)
	@$(BIN)/python tools/new_page.py $(if $(KIND),--kind "$(KIND)") $(if $(TITLE),--title "$(TITLE)")

## sign-off: record that a clinician has read a page as it is now (writes the review
##   lines into its front matter): make sign-off PAGE=specialties/addiction REVIEWER=clinician-a
sign-off: $(INSTALLED)
	@$(BIN)/python tools/sign_off.py $(if $(PAGE),--page "$(PAGE)") $(if $(REVIEWER),--reviewer "$(REVIEWER)")

## sign-off-translation: record that a clinician has read a page's translation (writes its
##   review lines into locales/$(LANGUAGE)/translations.yaml):
##   make sign-off-translation PAGE=specialties/addiction REVIEWER=clinician-b
sign-off-translation: $(INSTALLED)
	@$(BIN)/python tools/sign_off.py --language $(if $(filter-out en,$(LANGUAGE)),$(LANGUAGE),es) \
		$(if $(PAGE),--page "$(PAGE)") $(if $(REVIEWER),--reviewer "$(REVIEWER)")

## setup: make the site the practice's own: asks for its details (name, phone, fees,
##   clinicians, ...) and writes practice.yaml (make setup ANSWERS=file.yaml: from a file)
setup: $(INSTALLED)
	@$(BIN)/python tools/setup.py $(if $(ANSWERS),--answers "$(ANSWERS)")

## launch-check: everything left between this repository and a real public site
##   (example details, pages and translations without a real sign-off, GitHub files),
##   then the settings to check by hand; exits non-zero while anything is left
launch-check: $(INSTALLED)
	@$(BIN)/python tools/launch_check.py

## check: every content check (front matter, links, language, reading level, review
##   dates, old addresses), English and Spanish, in seconds; prints a short summary and
##   what is not ready to publish (Spanish paragraphs left untranslated too). No browser tests.
check: $(INSTALLED)
	@$(BIN)/python tools/check.py

## review-report: every reviewed page with its reviewer and dates; flags reviews that are
##   overdue or due within 60 days (reads the pages' front matter, no build)
review-report: $(INSTALLED)
	@PYTHONPATH=_ext $(BIN)/python -m practice.checks.review_report .

## test: run every test (builds the site itself, in a temporary folder)
test: $(INSTALLED) $(EDITOR_FILES)
	$(BIN)/python -m pytest

## bench: build benchmark, ours against stock Furo at 100, 300 and 1000 pages, clean and
##   after a one-page edit, serial and -j 2 (15 to 35 minutes; QUICK=1: 100 and 300
##   pages, serial, about 3 minutes). Prints the figures, saves bench/results/latest.md
bench: $(INSTALLED)
	$(BIN)/python bench/run.py $(if $(QUICK),--quick)

## clean: remove the build output
clean:
	rm -rf $(BUILDDIR)
