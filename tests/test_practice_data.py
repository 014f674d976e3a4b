"""practice.yaml and the markup that shows it: good data renders, bad data and
unknown keys fail the build with the file, the line and how to fix it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.errors import ConfigError


ROOT = Path(__file__).parent / "roots" / "test-practice-data"


def make_project(make_app, tmp_path, data_file="practice.yaml"):
    srcdir = tmp_path / "project"
    shutil.copytree(ROOT, srcdir)
    return make_app("html", srcdir=srcdir, freshenv=True,
                    confoverrides={"practice_data_file": data_file})


def build(make_app, tmp_path, data_file="practice.yaml"):
    app = make_project(make_app, tmp_path, data_file)
    app.build()
    return app


def warnings(app) -> str:
    return app._warning.getvalue()


def test_good_data_renders_links_and_clinicians(make_app, tmp_path):
    app = build(make_app, tmp_path)
    assert warnings(app) == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    hrefs = [a["href"] for a in soup.select("a[href]")]
    assert "tel:+15555550142" in hrefs
    assert any(h.replace("%40", "@") == "mailto:hello@example.com" for h in hrefs)
    assert "https://example.com/book" in hrefs
    assert soup.find("a", string="Book a first call")
    assert soup.select_one("#clinician-clinician-a").get_text().count("Example Clinician A") == 1
    assert "741741" in soup.select_one(".crisis-lines").get_text()
    assert soup.title.get_text().startswith("Test page")
    assert "Example Counseling Practice" in soup.title.get_text()


def test_missing_field_names_file_line_and_field(make_app, tmp_path):
    out = warnings(build(make_app, tmp_path, "missing-phone.yaml"))
    assert "missing-phone.yaml:19" in out
    assert "'phone' is missing or empty" in out


def test_malformed_phone_link_shows_an_example(make_app, tmp_path):
    out = warnings(build(make_app, tmp_path, "bad-phone-link.yaml"))
    assert "bad-phone-link.yaml:20" in out
    assert '"+15555550142"' in out


def test_duplicate_clinician_id(make_app, tmp_path):
    out = warnings(build(make_app, tmp_path, "duplicate-clinician.yaml"))
    assert "clinician id 'clinician-a' is used twice" in out


def test_invalid_yaml_stops_with_the_line(make_app, tmp_path):
    with pytest.raises(ConfigError, match=r"bad-yaml\.yaml:3: this file is not valid YAML"):
        build(make_app, tmp_path, "bad-yaml.yaml")


def test_unknown_key_in_role_names_page_line_and_choices(make_app, tmp_path):
    app = make_project(make_app, tmp_path)
    (app.srcdir / "index.md").write_text("# Test\n\nCall {practice}`fone` now.\n")
    app.build()
    out = warnings(app)
    assert "index.md:3" in out
    assert "the practice's details have no 'fone'" in out
    assert "phone" in out and "[practice.unknown-key]" in out
