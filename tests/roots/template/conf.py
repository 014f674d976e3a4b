# The site's extension is importable: tests/conftest.py puts _ext on sys.path.
extensions = ["myst_parser", "sphinx_design", "practice"]
myst_url_schemes = ["http", "https", "mailto", "tel", "sms"]
exclude_patterns = ["_build"]
# Reviews are judged against this date, so the test pages never go out of date.
practice_today = "2026-11-28"
