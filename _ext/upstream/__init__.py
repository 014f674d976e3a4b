"""Every use the site makes of Sphinx's, Furo's, MyST's and sphinx-autobuild's private parts.

The site's extension (``_ext/practice``) and tools (``tools/``) reach into these
packages in a few places where they offer no public way to do what the site needs.
Each such use is here, one module per package, with what it is and why:

- ``upstream.sphinx``: Sphinx's stylesheet and script objects and the builder's
  list of stylesheets (the assets step), and its logging internals (``make check``).
- ``upstream.furo``: the arguments Furo passes to ``toctree()`` and the priority of
  its page handler (the navigation), the name of the script ``_static/furo-lite.js``
  replaces, and the exact text of Furo's templates the site matches (the icon
  sprite, the inline script and styles the Content-Security-Policy allows).
- ``upstream.sphinx_autobuild``: the builder ``make livehtml`` swaps in, and the
  private method it calls.

- ``upstream.myst``: the logger name under which MyST-Parser prints its whole
  configuration when a build starts, so that a filter can keep it out of the log.

``tests/test_upstream_guards.py`` checks, on every test run, that each private name
used here still exists and behaves as assumed, and that the upstream files the site
replaces or copies (Furo's script, stylesheet and templates; sphinx-autobuild's
builder) are the versions it was checked against. After an upgrade, it says what to
re-check; ``python tests/test_upstream_guards.py --update`` then records the new
files.

This package must stay importable without importing the site's extension: the
preview (``tools/livehtml.py``) imports ``upstream.sphinx_autobuild`` in the process
that forks each build, and the builds must import ``practice`` afresh.
"""
