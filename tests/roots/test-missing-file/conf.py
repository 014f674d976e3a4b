# The site's extension is importable: tests/conftest.py puts _ext on sys.path.
extensions = ["myst_parser", "practice"]
exclude_patterns = ["_build"]
practice_today = "2026-11-28"
html_static_path = ["_static"]
