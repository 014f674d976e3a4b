"""Languages as data: each language the site is built in has one table
(``_ext/practice/languages/``), and a build in a language without one stops."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_sphinx_build_in_a_language_without_a_table_stops_and_says_what_to_add(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-nW", "--keep-going", "-q", "-D", "language=fr"]
        + ["-d", str(tmp_path / "doctrees"), str(ROOT), str(tmp_path / "html")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode != 0, result.stdout
    message = result.stderr
    assert "the site has no language table for 'fr' (French)" in message, message
    assert "add _ext/practice/languages/fr.py with a LanguageTable like spanish.py's" in message
    assert "list it in TABLES in _ext/practice/languages/tables.py" in message
    assert "The languages with a table are: en, es." in message
    assert not (tmp_path / "html" / "index.html").exists()  # nothing was published


def test_every_part_of_a_table_is_what_the_pages_use():
    """The Spanish pages' words come from the Spanish table: the link to them, the dates,
    the crisis block with the lines that answer in Spanish."""
    import datetime as dt

    from practice.languages.i18n import long_date
    from practice.languages.tables import TABLES
    from practice.page_parts.crisis import CRISIS_LINES, full_block

    assert TABLES["es"].link_label == "En español" and TABLES["en"].link_label == "In English"
    assert long_date(dt.date(2026, 11, 28), "es") == "28 de noviembre de 2026"
    assert long_date(dt.date(2026, 11, 28)) == "28 November 2026"
    for code in TABLES:
        block = full_block(code)
        assert "{" not in block, f"{code}: a placeholder of the crisis block has no value"
        assert f"({CRISIS_LINES['lifeline_tel']})" in block and "(tel:911)" in block
