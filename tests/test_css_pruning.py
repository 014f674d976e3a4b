"""Cutting a stylesheet down to what one page can use (``practice.site.css_pruning``).

Pure text in, text out: no build. What the browser then shows is compared with the
full stylesheets in tests/test_computed_style.py.
"""

from __future__ import annotations

import pytest

from practice.site.css_pruning import Selector, Stylesheets, UsedNames


def prune(css: str, html: str = '<body><p class="note">x</p></body>', *, media=None) -> str:
    used = UsedNames()
    used.add_html(html)
    return Stylesheets([(css, media)]).for_page(used)


# -- Rules ----------------------------------------------------------------------------


def test_a_rule_is_kept_when_the_page_uses_its_class_and_dropped_when_not():
    css = prune(".note{color:red}.tab{color:blue}")
    assert css == ".note{color:red}"


def test_a_rule_with_several_selectors_keeps_only_those_that_can_match():
    assert prune(".tab,.note,#gone{color:red}") == ".note{color:red}"


def test_ids_and_elements_count_like_classes():
    html = '<body><div id="top"><a class="link">x</a></div></body>'
    css = prune("#top{margin:0}#gone{margin:1px}div>a.link{color:red}table{border:0}", html)
    assert css == "#top{margin:0}div>a.link{color:red}"


@pytest.mark.parametrize(
    "selector, kept",
    [
        (".note:hover", True),  # pseudo-classes never require a name
        (".note:focus-visible", True),
        (".note::before", True),  # nor do pseudo-elements
        (".gone::after", False),  # but the class before them does
        (".note:not(.gone)", True),  # :not(), :is(), :where() never require one
        (":where(.gone) p", True),
        (":is(.note, .gone)", True),
        (".gone:is(.note)", False),
        ("span:is(.note)", False),  # the element outside them still counts
        ('a[href^="#"]', False),  # attribute selectors: only the element counts
        ('p[data-x="y"]', True),
        (r".sm\:flex", True),  # escaped names: kept rather than guessed
    ],
)
def test_selectors_with_pseudo_classes_pseudo_elements_and_functions(selector, kept):
    css = prune(f"{selector}{{color:red}}")
    assert (css != "") is kept, css


def test_class_names_a_script_may_add_count_as_used():
    used = UsedNames()
    used.add_script('el.classList.add("scrolled")')
    assert Selector.parse(".header.scrolled").can_match(used) is False  # no .header
    used.add_html('<header class="header">')
    assert Selector.parse(".header.scrolled").can_match(used) is True


def test_a_data_attribute_named_like_class_is_not_a_class():
    assert prune(".note{color:red}", '<body><p data-class="note">x</p></body>') == ""


# -- At-rules ---------------------------------------------------------------------------


def test_media_queries_are_pruned_inside_not_dropped():
    css = prune(
        "@media (max-width:40em){.note{color:pink}.tab{color:black}}"
        "@media print{.tab{display:none}}"
        "@supports (display:grid){.note{display:grid}.tab{display:grid}}"
    )
    assert css == ("@media (max-width:40em){.note{color:pink}}@supports (display:grid){.note{display:grid}}")


def test_a_stylesheet_linked_for_one_medium_keeps_its_medium():
    used = UsedNames()
    used.add_html('<body><p class="note">x</p></body>')
    css = Stylesheets([(".note{color:red}", "print"), (".note{color:blue}", "all")]).for_page(used)
    assert css == "@media print{.note{color:red}}.note{color:blue}"


def test_font_faces_and_keyframes_are_kept_whole():
    css = prune(
        "@font-face{font-family:X;src:url(x.woff2)}"
        "@keyframes spin{from{transform:rotate(0)}to{transform:rotate(1turn)}}"
    )
    assert "@font-face{font-family:X;src:url(x.woff2)}" in css
    assert "@keyframes spin{from{transform:rotate(0)}to{transform:rotate(1turn)}}" in css


# -- Custom properties --------------------------------------------------------------------


def test_custom_properties_are_kept_only_when_something_uses_them():
    css = prune(
        "html{--used:1px;--unused:2px}.note{margin:var(--used)}.tab{padding:var(--other)}html{--other:3px}"
    )
    assert css == "html{--used:1px}.note{margin:var(--used)}"


def test_a_property_used_only_through_another_is_kept():
    css = prune("html{--base:4px;--lonely:1px}.note{--gap:calc(var(--base) * 2);margin:var(--gap)}")
    assert css == "html{--base:4px}.note{--gap:calc(var(--base) * 2);margin:var(--gap)}"


def test_a_property_used_only_by_a_dropped_rule_is_dropped():
    assert prune("html{--tab:1px}.tab{margin:var(--tab)}") == ""


def test_a_property_set_once_on_body_is_written_in_place():
    css = prune("body{--used:1px;--unused:2px}.note{margin:var(--used)}")
    assert css == ".note{margin:1px}"


def test_a_chain_of_properties_set_on_body_is_written_in_place():
    css = prune("body{--a:var(--b);--b:var(--c);--c:1px}.note{padding:var(--a)}")
    assert css == ".note{padding:1px}"


def test_properties_that_change_stay_properties():
    """Dark mode sets the colour again: it must stay a var() that the page can switch."""
    css = prune(
        "body{--fg:#000;--gap:1rem}body[data-theme=dark]{--fg:#fff}"
        ".note{color:var(--fg);margin:var(--gap)}html{padding:var(--pad)}body{--pad:2px}"
    )
    assert ".note{color:var(--fg);margin:1rem}" in css
    assert "--fg:#000" in css and "--fg:#fff" in css
    # --pad is read by a rule for <html>, outside <body> where it is set: left alone.
    assert "html{padding:var(--pad)}" in css and "--pad:2px" in css


def test_a_property_the_page_sets_itself_stays_a_property():
    css = prune(
        "body{--gap:1rem}.note{margin:var(--gap)}", '<body><p class="note" style="--gap: 2rem">x</p></body>'
    )
    assert ".note{margin:var(--gap)}" in css and "--gap:1rem" in css


def test_a_property_used_with_a_fallback_stays_a_property():
    css = prune("body{--gap:1rem}.note{margin:var(--gap, 0)}")
    assert "var(--gap" in css and "--gap:1rem" in css


def test_a_property_set_again_by_the_same_selector_keeps_only_the_last():
    used = UsedNames()
    used.add_html('<body><p class="note">x</p></body>')
    css = Stylesheets(
        [
            ("body{--fg:#000}.note{color:var(--fg)}", None),
            ('body{--fg:#123}body[data-theme="dark"]{--fg:#fff}', None),
        ]
    ).for_page(used)
    assert "--fg:#000" not in css and "--fg:#123" in css and "--fg:#fff" in css


def test_the_result_is_minified_and_the_same_for_pages_using_the_same_names():
    sheets = Stylesheets([(".note {\n  color: red;\n}\n/* a comment */\n.tab { color: blue }", None)])
    first, second = UsedNames(), UsedNames()
    first.add_html('<p class="note">a</p>')
    second.add_html('<p class="note other">b</p><p class="note">c</p>')
    assert sheets.for_page(first) == ".note{color:red}"
    assert sheets.for_page(first) is sheets.for_page(second)  # made once, shared
