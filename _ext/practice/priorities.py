"""The order in which the extension's handlers run, where order matters: in one place.

Sphinx calls the handlers of one event from the lowest priority to the highest
(default 500, for every handler not listed here). Each name says what must come
before or after what.
"""

# doctree-read: the front matter is read (page_metadata) before the checks that use it.
FRONT_MATTER = 400

# doctree-resolved: related topics (default 500), then the review footer, last on the page.
REVIEW_FOOTER = 600

# html-page-context
SHARING_TAGS = 400        # before sphinxext-opengraph (500) reads context["meta"]
LEAN_ASSETS = 900         # after every handler that adds scripts or markup to the page

# build-finished: Pagefind starts, the stylesheets are cut while it indexes, Pagefind is
# waited for, then every linked file is checked, then the garbage collector is re-enabled.
SEARCH_INDEX_START = 850
LEAN_ASSETS_FINISH = 900
SEARCH_INDEX_WAIT = 950
LINKED_FILES = 990
GARBAGE_COLLECTION = 1000
