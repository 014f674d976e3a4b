"""The order in which the extension's handlers run, where order matters: in one place.

Sphinx calls the handlers of one event from the lowest priority to the highest
(default 500, for every handler not listed here). Each name says what must come
before or after what.
"""

# config-inited: the language of messages first, then practice.yaml (default 500), then
# its Spanish group, then translations.yaml (which names the clinicians of practice.yaml).
LANGUAGE_TABLE = 250  # a language the checks cannot read stops the build before anything
MESSAGES_LANGUAGE = 300
SPANISH_PRACTICE_DATA = 550
TRANSLATIONS_FILE = 600

# doctree-read: the front matter is read (page_metadata) before the checks that use it,
# then a Spanish page's description replaces the English one, before the checks read it.
FRONT_MATTER = 400
SPANISH_DESCRIPTION = 450

# doctree-resolved: related topics (default 500), then the review footer, last on the page,
# then the translation's review under it.
REVIEW_FOOTER = 600
TRANSLATION_REVIEW = 650

# html-page-context
SHARING_TAGS = 400  # before sphinxext-opengraph (500) reads context["meta"]
SPANISH_BANNERS = 510  # after publishing (500), whose banners are English
LEAN_ASSETS = 900  # after every handler that adds scripts or markup to the page

# build-finished: each language's sitemap gets its alternates after sphinx-sitemap and
# sharing's robots.txt (500) are written; then Pagefind starts, and while it indexes (it
# reads the pages, changes none and writes only pagefind/), the stylesheets are cut, each
# page's weight is checked against the page budget and every linked file is checked; then
# Pagefind is waited for.
SITEMAP_ALTERNATES = 600
SEARCH_INDEX_START = 850
LEAN_ASSETS_FINISH = 900
PAGE_BUDGET = 920
LINKED_FILES = 940
SEARCH_INDEX_WAIT = 990
