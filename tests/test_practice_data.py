"""practice.yaml and the markup that shows it: good data renders, bad data and
unknown keys fail the build with the file, the line and how to fix it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sphinx.errors import ConfigError
from testroots import lay_out


def make_project(make_app, tmp_path, data_file="practice.yaml"):
    srcdir = tmp_path / "project"
    lay_out("practice-data", srcdir)
    return make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"practice_data_file": data_file})


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
    assert "missing-phone.yaml:18" in out
    assert "'phone' is missing or empty" in out


def test_malformed_phone_link_shows_an_example(make_app, tmp_path):
    out = warnings(build(make_app, tmp_path, "bad-phone-link.yaml"))
    assert "bad-phone-link.yaml:19" in out
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


# -- Practical facts: shown where given, nothing where not -------------------------


def facts(app) -> dict[str, str]:
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    found = {}
    for item in soup.select("ul.practice-facts > li"):
        label = item.strong.get_text()
        found[label] = item.get_text(" ", strip=True).removeprefix(label).strip()
    return found


def page_text(app) -> str:
    return BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser").get_text(" ")


def build_with(make_app, tmp_path, data=(), index=()):
    """Build the test project with text replacements in practice.yaml and index.md
    (made before the app starts, since practice.yaml is read as the app starts)."""
    srcdir = tmp_path / "project"
    lay_out("practice-data", srcdir)
    for name, edits in (("practice.yaml", data), ("index.md", index)):
        path = srcdir / name
        text = path.read_text()
        for old, new in edits:
            assert old in text, old
            text = text.replace(old, new)
        path.write_text(text)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app


def test_facts_show_each_given_value_with_its_label(make_app, tmp_path):
    app = build(make_app, tmp_path)
    assert warnings(app) == ""
    shown = facts(app)
    assert list(shown) == ["Where we meet:", "Fee:", "Languages:", "Other ways of working we use:"]
    assert shown["Where we meet:"] == "In person in Example City, or online (example)."
    assert "Motivational interviewing (example)." in shown["Other ways of working we use:"]


def test_a_changed_fact_changes_the_page(make_app, tmp_path):
    app = build_with(
        make_app, tmp_path, data=[("English and Spanish (example).", "English, Spanish and ASL (example).")]
    )
    assert facts(app)["Languages:"] == "English, Spanish and ASL (example)."


def test_a_removed_or_empty_fact_leaves_no_trace(make_app, tmp_path):
    app = build_with(
        make_app,
        tmp_path,
        data=[
            ('  languages: "English and Spanish (example)."\n', ""),
            ('  where: "In person in Example City, or online (example)."', '  where: ""'),
        ],
    )
    assert warnings(app) == ""
    shown = facts(app)
    assert "Languages:" not in shown and "Where we meet:" not in shown
    text = page_text(app)
    assert "Languages" not in text and "Where we meet" not in text


def test_no_facts_given_means_no_list(make_app, tmp_path):
    app = build_with(
        make_app,
        tmp_path,
        index=[("fees.session\n", "")],
        data=[
            ('  where: "In person in Example City, or online (example)."\n', ""),
            ('  languages: "English and Spanish (example)."\n', ""),
            (
                '  approaches:\n    - "Motivational interviewing (example)."\n'
                '    - "Relapse prevention (example)."\n',
                "",
            ),
        ],
    )
    assert warnings(app) == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    assert soup.select("ul.practice-facts") == []


def test_an_unknown_fact_names_page_line_and_choices(make_app, tmp_path):
    app = build_with(make_app, tmp_path, index=[("services.languages", "services.langauges")])
    out = warnings(app)
    assert "index.md:21" in out, out
    assert "'services.langauges' is not one of the practical facts" in out
    assert "services.languages" in out and "[practice.unknown-key]" in out


def test_practice_if_shows_nothing_when_the_value_is_empty(make_app, tmp_path):
    app = build(make_app, tmp_path)
    assert warnings(app) == ""
    assert "Notice of Privacy Practices" not in page_text(app)


def test_practice_if_shows_its_text_when_the_value_is_given(make_app, tmp_path):
    app = build_with(
        make_app, tmp_path, data=[('notice_url: ""', 'notice_url: "https://example.com/notice.pdf"')]
    )
    assert warnings(app) == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    link = soup.find("a", string="Notice of Privacy Practices")
    assert link and link["href"] == "https://example.com/notice.pdf"


def test_practice_if_with_an_unknown_key_warns(make_app, tmp_path):
    app = build_with(
        make_app, tmp_path, index=[("{practice-if} privacy.notice_url", "{practice-if} privacy.notice")]
    )
    out = warnings(app)
    assert "the practice's details have no 'privacy.notice'" in out
    assert "[practice.unknown-key]" in out


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "\nservices:",
            "\nservces:",
            "'servces' is not a field of the practice's details (did you mean 'services'?)",
        ),
        (
            '  languages: "',
            '  langauges: "',
            "'services.langauges' is not a detail we know (did you mean 'languages'?)",
        ),
        (
            'notice_url: ""',
            'notice_url: "example.com/notice"',
            "it must be a full web address starting with https://",
        ),
        (
            '  approaches:\n    - "Motivational interviewing (example)."\n'
            '    - "Relapse prevention (example)."',
            '  approaches: "Motivational interviewing"',
            "'services.approaches' must be a list of short texts",
        ),
    ],
)
def test_wrong_optional_details_name_file_line_and_fix(make_app, tmp_path, old, new, expected):
    app = build_with(make_app, tmp_path, data=[(old, new)])
    out = warnings(app)
    assert expected in out, out
    assert "practice.yaml:" in out and "[practice.data]" in out


def test_plain_facts_show_the_values_without_labels(make_app, tmp_path):
    app = build_with(
        make_app,
        tmp_path,
        index=[("```{practice-facts}\nservices.where", "```{practice-facts}\n:plain:\nservices.where")],
    )
    soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    items = [li.get_text(" ", strip=True) for li in soup.select("ul.practice-facts > li")]
    assert items[0] == "In person in Example City, or online (example)."
    assert "Motivational interviewing (example)." in items and "Relapse prevention (example)." in items
    assert not soup.select("ul.practice-facts strong")


# -- A clinician's GitHub username (github:, optional): sign-off by approval -------------

CLINICIAN_A = "  - id: clinician-a\n"
CLINICIAN_B = "  - id: clinician-b\n"


def with_github(a: str | None = None, b: str | None = None) -> list[tuple[str, str]]:
    """Replacements giving clinician A and B these ``github:`` lines (as written)."""
    edits = []
    for start, value in ((CLINICIAN_A, a), (CLINICIAN_B, b)):
        if value is not None:
            edits.append((start, f"{start}    github: {value}\n"))
    return edits


@pytest.mark.parametrize("login", ["dana-rivera", "Dana-Rivera", "d", "a" * 39, "sam2", '""'])
def test_a_github_username_that_github_allows_builds_cleanly(make_app, tmp_path, login):
    app = build_with(make_app, tmp_path, data=with_github(a=login))
    assert warnings(app) == ""


@pytest.mark.parametrize(
    "login",
    [
        "'@dana-rivera'",
        "-dana",
        "dana-",
        "dana--rivera",
        "dana_rivera",
        "dana.rivera",
        "dana rivera",
        "a" * 40,
    ],
)
def test_a_github_username_github_would_not_allow_names_file_line_and_fix(make_app, tmp_path, login):
    app = build_with(make_app, tmp_path, data=with_github(a=login))
    out = warnings(app)
    assert "practice.yaml:44:" in out, out  # the github: line itself
    assert "is not a GitHub username" in out and "without the @" in out, out
    assert "[practice.data]" in out


def test_the_same_github_username_on_two_clinicians_is_an_error_whatever_the_capitals(make_app, tmp_path):
    app = build_with(make_app, tmp_path, data=with_github(a="Dana-Rivera", b="dana-rivera"))
    out = warnings(app)
    assert "practice.yaml:53:" in out, out  # clinician B's github: line
    assert "github 'dana-rivera' is also the GitHub username of 'clinician-a'" in out, out
    assert "give 'clinician-b' their own account" in out and "[practice.data]" in out


def test_two_clinicians_with_their_own_github_usernames_build_cleanly(make_app, tmp_path):
    app = build_with(make_app, tmp_path, data=with_github(a="dana-rivera", b="sam-lee"))
    assert warnings(app) == ""
