"""The Spanish site (issue 15): built beside the English one, in Spanish throughout,
never half English, never stale in silence, and checked in Spanish.

Most tests read the site as `make html` builds it (the ``site`` fixture: English, and
Spanish in es/). The others build a copy of the site as Read the Docs builds its
Spanish translation project, after changing a page or a catalogue.
"""

from __future__ import annotations

import ast
import datetime as dt
import gzip
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from browser import site_pages
from conftest import ROOT, SPANISH, build_site

from practice.languages import spanish, translation_checks

from practice.languages import translated_data
from practice.page_parts.crisis import full_block
from practice.checks.reading_level import measure
from practice.languages.i18n import long_date
from practice.messages import MESSAGES
from practice.languages.translation import load_translations

LOCALES = ROOT / "locales" / SPANISH
TRANSLATED = sorted(yaml.safe_load((LOCALES / "translations.yaml").read_text(encoding="utf-8")))
RTD_SPANISH = "https://example-practice.readthedocs.io/es/latest/"
RTD_ENGLISH = "https://example-practice.readthedocs.io/en/latest/"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def spanish_pages(site: Path) -> list[str]:
    return [name for name in site_pages(site) if name.startswith(f"{SPANISH}/")]


def catalogue(name: str) -> dict[str, str]:
    """{msgid: msgstr} of the translated, not fuzzy, entries of a catalogue."""
    with (LOCALES / "LC_MESSAGES" / f"{name}.po").open("rb") as file:
        return {m.id: m.string for m in read_po(file) if m.id and m.string and not m.fuzzy}


def read_the_docs(
    site: Path, version_type: str, *extra: str, language: str = SPANISH
) -> subprocess.CompletedProcess:
    """Read the Docs' own command for a translation project (language es)."""
    url = RTD_SPANISH if language == SPANISH else RTD_ENGLISH
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_VERSION_TYPE": version_type,
        "READTHEDOCS_CANONICAL_URL": url,
        "READTHEDOCS_OUTPUT": str(site / "_readthedocs"),
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-T",
            "-W",
            "--keep-going",
            "-b",
            "html",
            "-d",
            "_build/doctrees",
            "-D",
            f"language={language}",
            *extra,
            ".",
            str(site / "_readthedocs" / "html"),
        ],
        capture_output=True,
        text=True,
        cwd=site,
        env=env,
    )


# -- make html: both sites, zero warnings -------------------------------------------------


def test_make_html_builds_both_sites_with_no_warnings(site_build, site):
    assert "WARNING" not in site_build.stderr, site_build.stderr
    built = {name.removeprefix(f"{SPANISH}/").removesuffix(".html") for name in spanish_pages(site)}
    # Only the translated pages (and the 404 and search pages): no half-English page.
    assert built == {*TRANSLATED, "404", "search"}, built
    assert (site / "specialties" / "addiction.html").is_file()  # English addresses kept


def test_makefile_builds_and_previews_both_languages():
    html = subprocess.run(["make", "-n", "html"], cwd=ROOT, capture_output=True, text=True).stdout
    assert re.search(r"sphinx-build -b html .* \. _build/html$", html, re.M), html
    assert re.search(
        r"sphinx-build -b html .*-D language=es -d _build/doctrees-es \. "
        r"_build/html/es$",
        html,
        re.M,
    ), html
    live = subprocess.run(
        ["make", "-n", "livehtml", "LANGUAGE=es"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert "-D language=es" in live and "_build/live-es" in live, live
    production = subprocess.run(["make", "-n", "production"], cwd=ROOT, capture_output=True, text=True).stdout
    assert production.count("practice_build_for=production") == 2, production


def test_spanish_addiction_page_has_lang_es_and_each_page_links_the_other(site):
    english = soup_of(site / "specialties" / "addiction.html")
    spanish = soup_of(site / SPANISH / "specialties" / "addiction.html")
    assert spanish.html["lang"] == "es" and english.html["lang"] == "en"

    def alternates(soup):
        return {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")}

    there = alternates(english)
    assert there == {
        "en": "addiction.html",
        "es": "../es/specialties/addiction.html",
        "x-default": "addiction.html",
    }
    back = alternates(spanish)
    assert back == {
        "en": "../../specialties/addiction.html",
        "es": "addiction.html",
        "x-default": "../../specialties/addiction.html",
    }
    for folder, links in (
        (site / "specialties", there),
        (site / SPANISH / "specialties", back),
    ):
        for href in links.values():
            assert (folder / href).resolve().is_file(), href
    # A visible, plain link, written in the other language and saying so.
    to_spanish = english.select_one(".safety-bar a.language-link")
    assert to_spanish.get_text() == "En español" and to_spanish["lang"] == "es"
    assert to_spanish["href"] == "../es/specialties/addiction.html"
    to_english = spanish.select_one(".safety-bar a.language-link")
    assert to_english.get_text() == "In English" and to_english["lang"] == "en"
    # A page without a translation has no such link.
    assert soup_of(site / "approaches" / "mindfulness.html").select_one("a.language-link") is None


# -- Spanish throughout ---------------------------------------------------------------------


def test_spanish_get_help_page_shows_988_with_ayuda(site):
    article = soup_of(site / SPANISH / "get-help.html").select_one("article")
    text = " ".join(article.get_text(" ").split())
    assert "AYUDA" in text and "988" in text and "oprima 2" in text
    assert "chatee en español" in text
    links = {a["href"] for a in article.select("a[href]")}
    assert {"tel:988", "sms:988", "tel:911", "tel:+18006624357"} <= links


def test_crisis_bar_and_exit_button_are_spanish_on_every_spanish_page(site):
    for name in spanish_pages(site):
        soup = soup_of(site / name)
        bar = soup.select_one(".safety-bar")
        line = " ".join(bar.select_one(".crisis-line").get_text(" ").split())
        assert line.startswith("¿En crisis?") and "oprima 2 para español" in line, (name, line)
        assert "envíe AYUDA al 988" in line and "¿Sobredosis?" in line, (name, line)
        hrefs = {a["href"] for a in bar.select(".crisis-line a")}
        assert {"tel:988", "sms:988", "tel:911"} <= hrefs, (name, hrefs)
        button = bar.select_one("a.exit-this-page__button")
        assert button.get_text(" ", strip=True) == "Emergencia: Salir de esta página", name
        exit_words = bar.select_one("[data-exit-this-page]")
        assert exit_words["data-loading"] == "Cargando.", name
        assert exit_words["data-press-many"] == "Shift: oprima %(count)s veces más para salir."
        assert bar["aria-label"] == "Ayuda en crisis y salida rápida", name
        assert not re.search(
            r"\b(Exit this page|In crisis|Reviewed by|Related topics|Phone|"
            r"Skip to content|Back to top)\b",
            soup.get_text(" "),
        ), name


def test_review_footer_footer_and_dates_are_in_spanish(site):
    soup = soup_of(site / SPANISH / "specialties" / "addiction.html")
    footer = " ".join(soup.select_one(".review-footer").get_text(" ").split())
    assert "Revisado por Example Clinician A , LCSW (ejemplo)" in footer.replace("A,", "A ,")
    # The dates of the page's sign-off and of its translation's review, in Spanish.
    front = yaml.safe_load((ROOT / "specialties" / "addiction.md").read_text().split("---")[1])
    review = yaml.safe_load((ROOT / "locales" / SPANISH / "translations.yaml").read_text())
    assert f"Última revisión de la página: {long_date(front['last_reviewed'], 'es')}" in footer
    assert f"Próxima revisión: {long_date(front['next_review'], 'es')}" in footer
    translated = long_date(review["specialties/addiction"]["last_reviewed"], "es")
    assert f"Traducción revisada por Example Clinician B el {translated}" in footer
    assert soup.select_one(".related-topics h2").get_text(strip=True) == "Temas relacionados"
    practice = soup.select_one(".practice-footer").get_text(" ")
    assert "Teléfono" in practice and "De lunes a viernes" in practice
    facts = " ".join(facts.get_text(" ") for facts in soup.select(".practice-facts"))
    assert "Dónde nos reunimos:" in facts and "(ejemplo)" in facts and "(example)" not in facts
    assert long_date(dt.date(2026, 12, 1), "es") == "1 de diciembre de 2026"
    assert long_date(dt.date(2026, 12, 1), "en") == "1 December 2026"


def test_404_and_search_pages_are_spanish(site):
    notfound = soup_of(site / SPANISH / "404.html")
    assert notfound.select_one("h1").get_text() == "No encontramos esa página"
    hrefs = [a["href"] for a in notfound.select("article a[href]")]
    assert "/es/index.html" in hrefs and "tel:988" in hrefs, hrefs
    assert "Página no encontrada" in notfound.title.get_text()
    search = soup_of(site / SPANISH / "search.html")
    assert (
        search.select_one("label[for=practice-search-query]").get_text()
        == "Busque una palabra o un tema en este sitio"
    )
    form = search.select_one("form.practice-search")
    assert form["data-found-none"].startswith("No encontramos páginas")
    assert search.select_one("form.practice-search button").get_text() == "Buscar"


def test_json_ld_says_the_language(site):
    for folder, language in (("", "en"), (f"{SPANISH}/", "es")):
        soup = soup_of(site / f"{folder}specialties/addiction.html")
        data = json.loads(soup.find("script", type="application/ld+json").string)
        assert data["inLanguage"] == language
    spanish = json.loads(
        soup_of(site / SPANISH / "specialties/addiction.html")
        .find("script", type="application/ld+json")
        .string
    )
    assert spanish["description"].startswith("Terapia para la adicción")
    assert spanish["reviewedBy"]["hasCredential"]["name"] == "LCSW (ejemplo)"


# -- No half-English pages --------------------------------------------------------------------


def test_links_to_english_only_pages_lead_there_and_say_so(site):
    assert not (site / SPANISH / "approaches").exists()
    soup = soup_of(site / SPANISH / "specialties" / "addiction.html")
    english = soup.select("article a.english-only")
    assert english, "no link to an English-only page"
    for link in english:
        assert link.get_text(" ", strip=True).endswith("(en inglés)"), link
        target = (site / SPANISH / "specialties" / link["href"].split("#")[0]).resolve()
        assert target.is_file() and SPANISH not in target.relative_to(site.resolve()).parts, link
    assert any(a["href"] == "../../approaches/internal-family-systems.html" for a in english)
    assert any("glossary.html#term-" in a["href"] for a in english)
    # The home page's cards to English-only pages say it in their titles.
    home = soup_of(site / SPANISH / "index.html")
    titles = [t.get_text(" ", strip=True) for t in home.select(".topic-cards .related-card-title")]
    assert "Trauma y TEPT (en inglés)" in titles, titles
    # The menu lists only Spanish pages.
    menu = [a["href"] for a in home.select(".sidebar-tree a[href]")]
    assert menu and all((site / SPANISH / href).is_file() for href in menu), menu


def test_sitemaps_list_both_languages_of_each_translated_page(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    local = "http://127.0.0.1:8000/"
    for folder in ("", f"{SPANISH}/"):
        tree = ET.parse(site / folder / "sitemap.xml")
        entry = next(
            url
            for url in tree.findall("s:url", ns)
            if url.findtext("s:loc", namespaces=ns) == f"{local}{folder}specialties/addiction.html"
        )
        alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
        assert alternates == {
            "en": f"{local}specialties/addiction.html",
            "es": f"{local}es/specialties/addiction.html",
            "x-default": f"{local}specialties/addiction.html",
        }, alternates
    english = ET.parse(site / "sitemap.xml")
    mindfulness = next(
        url
        for url in english.findall("s:url", ns)
        if url.findtext("s:loc", namespaces=ns).endswith("approaches/mindfulness.html")
    )
    assert mindfulness.findall("x:link", ns) == []  # no translation, no alternate
    robots = (site / "robots.txt").read_text()
    assert f"Sitemap: {local}sitemap.xml" in robots and f"Sitemap: {local}es/sitemap.xml" in robots


def indexed(folder: Path) -> set[str]:
    urls = set()
    for fragment in (folder / "pagefind" / "fragment").glob("*.pf_fragment"):
        urls.add(json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))["url"])
    return urls


def test_each_language_has_its_own_search_index(tmp_path):
    """Even when es/ is already there (a second make html), English does not index it."""
    out = tmp_path / "html"
    for extra in ((), ("-D", "language=es"), ()):
        target = out / SPANISH if extra else out
        result = build_site(target, *extra)
        assert result.returncode == 0, result.stderr
    english, spanish = indexed(out), indexed(out / SPANISH)
    assert "/specialties/addiction.html" in english
    assert not any(url.startswith("/es/") for url in english), sorted(english)
    assert "/specialties/addiction.html" in spanish and len(spanish) == len(TRANSLATED)
    entry = json.loads((out / SPANISH / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["es"], entry


# -- Translations can't go stale in silence ---------------------------------------------------


def test_a_changed_english_sentence_fails_spanish_production_and_shows_in_a_preview(launched_copy):
    site_copy = launched_copy  # production builds refuse example details
    page = site_copy / "specialties" / "addiction.md"
    text = page.read_text(encoding="utf-8")
    changed = text.replace(
        "Maybe you have tried to stop. Maybe many times.", "Maybe you have tried to stop, more than once.", 1
    )
    assert changed != text
    page.write_text(changed, encoding="utf-8")
    # A clinician signs the English change off: the English site may publish it.
    signed = subprocess.run(
        [sys.executable, "tools/sign_off.py", "--page", "specialties/addiction", "--reviewer", "clinician-a"],
        cwd=site_copy,
        capture_output=True,
        text=True,
    )
    assert signed.returncode == 0, signed.stderr
    assert read_the_docs(site_copy, "branch", language="en").returncode == 0

    production = read_the_docs(site_copy, "branch")
    assert production.returncode != 0
    assert re.search(
        r"specialties/addiction\.md:\d+: WARNING: this paragraph of "
        r"specialties/addiction\.md is not translated into Spanish, or its "
        r"translation is out of date .*\"Maybe you have tried to stop, more than once\. "
        r".*locales/es/LC_MESSAGES/specialties/addiction\.po.*\[practice\.translation\]",
        production.stderr,
    ), production.stderr

    preview = read_the_docs(site_copy, "external")
    assert preview.returncode == 0, preview.stderr
    assert "NOT READY TO PUBLISH: specialties/addiction.md" in preview.stdout
    soup = soup_of(site_copy / "_readthedocs" / "html" / "specialties" / "addiction.html")
    banner = soup.select_one("article .not-ready")
    assert banner is not None and "aún no está traducida del todo" in banner.get_text()
    assert banner["aria-label"] == "Aún no se puede publicar"

    check = subprocess.run([sys.executable, "tools/check.py"], cwd=site_copy, capture_output=True, text=True)
    assert check.returncode == 1
    waiting = check.stdout.split("Not ready to publish:", 1)[1]
    assert "specialties/addiction.md" in waiting and "not translated into Spanish" in waiting


def test_read_the_docs_spanish_project_builds_with_its_addresses(launched_copy):
    site_copy = launched_copy  # production builds refuse example details
    result = read_the_docs(site_copy, "branch")
    assert result.returncode == 0, result.stderr
    out = site_copy / "_readthedocs" / "html"
    soup = soup_of(out / "specialties" / "addiction.html")
    assert soup.select_one("link[rel=canonical]")["href"] == RTD_SPANISH + "specialties/addiction.html"
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")}
    assert alternates["en"] == RTD_ENGLISH + "specialties/addiction.html"
    assert alternates["x-default"] == RTD_ENGLISH + "specialties/addiction.html"
    assert soup.select_one("a.language-link")["href"] == RTD_ENGLISH + "specialties/addiction.html"
    notfound = soup_of(out / "404.html")
    assert notfound.select_one("article a[href='/es/latest/index.html']") is not None
    assert f"<loc>{RTD_SPANISH}index.html</loc>" in (out / "sitemap.xml").read_text()


# -- The same checks, in Spanish -----------------------------------------------------------------


def test_a_spanish_labelled_word_fails_the_build_with_the_file_and_a_suggestion(site_copy):
    po = site_copy / "locales" / "es" / "LC_MESSAGES" / "specialties" / "addiction.po"
    text = po.read_text(encoding="utf-8")
    assert '"Quizás usted ha tratado de dejarlo.' in text
    po.write_text(
        text.replace(
            '"Quizás usted ha tratado de dejarlo.', '"Usted no es un adicto. Quizás ha tratado de dejarlo.', 1
        ),
        encoding="utf-8",
    )
    result = build_site(site_copy / "_build" / "es", "-D", "language=es", "-b", "dummy", source=site_copy)
    assert result.returncode != 0
    assert re.search(
        r"specialties/addiction\.md:\d+: WARNING: \"adicto\" \(in the Spanish "
        r"translation, locales/es/LC_MESSAGES/specialties/addiction\.po\) is wording "
        r"that labels people .* for example: \"persona con adicción\"",
        result.stderr,
    ), result.stderr
    assert "[practice.language]" in result.stderr


@pytest.mark.parametrize(
    "text",
    [
        "Usted no es un adicto.",
        "Muchos drogadictos piden ayuda.",
        "Es alcohólico desde joven.",
        "Hablamos del abuso de sustancias.",
        "Lleva dos años limpio.",
        "Quiere estar limpia.",
        "La prueba salió sucia.",
        "Dejar el vicio.",
    ],
)
def test_spanish_labels_are_found(text):
    assert translation_checks.language_problems(spanish.TABLE, [(text, 1)], "x.po"), text


@pytest.mark.parametrize(
    "text",
    [
        "Alcohólicos Anónimos y Narcóticos Anónimos ayudan a muchas personas.",
        "Evite las bebidas alcohólicas.",
        "Una persona con adicción.",
        "Es un círculo vicioso.",
        "Lávese las manos limpias.",
        "El Instituto Nacional sobre el Abuso de Drogas (NIDA).",
    ],
)
def test_organisations_and_ordinary_words_are_allowed(text):
    assert translation_checks.language_problems(spanish.TABLE, [(text, 1)], "x.po") == [], text


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        ("Le curamos la adicción.", True),
        ("Esta terapia cura.", True),
        ("Resultados garantizados.", True),
        ("Funciona el 100 % de las veces.", True),
        ("IFS es una terapia basada en la evidencia.", True),
        ("No hay cura para la adicción, pero hay ayuda.", False),
        ("Nadie puede garantizar un resultado.", False),
    ],
)
def test_spanish_promises_of_a_cure_are_found(text, promise):
    assert bool(translation_checks.claim_problems(spanish.TABLE, [(text, 1)], "x.po")) is promise, text


def test_fernandez_huerta_measures_spanish_and_names_the_hardest_sentences():
    easy = [("Usted no está solo. Aquí le escuchamos. Puede empezar hoy.", 3)]
    hard = [
        (
            "La intervención psicoterapéutica interdisciplinaria proporciona herramientas "
            "metodológicamente fundamentadas para la reestructuración cognitiva.",
            9,
        )
    ]
    assert measure(easy, spanish.SPANISH_READABILITY).grade > 75
    result = measure(easy + hard, spanish.SPANISH_READABILITY)
    assert result.grade < 70 and result.hardest[0][1] == 9
    assert "psicoterapéutica" in result.hardest[0][2]
    assert spanish.syllables("adicción") == 3 and spanish.syllables("día") == 2


# -- translations.yaml and practice.yaml's Spanish details ---------------------------------------


def test_translations_yaml_mistakes_name_the_line(tmp_path):
    path = tmp_path / "translations.yaml"
    path.write_text(
        "index:\n  reviewed_by: clinician-b\n  last_reviewed: 2026-12-01\n"
        "  description: Inicio.\n"
        "specialties/adiction:\n  reviewed_by: clinician-b\n"
        "get-help:\n  reviewed_by: clinician-c\n  last_reviewed: 2027-01-01\n"
        "  descripton: Ayuda.\n",
        encoding="utf-8",
    )
    pages = {"index", "specialties/addiction", "get-help"}
    found, problems = load_translations(path, pages, ["clinician-a", "clinician-b"], dt.date(2026, 12, 1))
    assert set(found) == {"index", "get-help"}
    lines = dict(problems)
    assert (
        "'specialties/adiction' is not a page of the site (did you mean 'specialties/addiction'?)" in lines[5]
    )
    assert "reviewed_by is 'clinician-c'" in lines[8] and "did you mean 'clinician-b'" in lines[8]
    assert "last_reviewed is 2027-01-01" in lines[9]
    assert (
        "'descripton' is not something translations.yaml records (did you mean 'description'?)" in lines[10]
    )
    assert any("has no 'description'" in message for message in lines.values())


def test_practice_yaml_spanish_details_are_checked():
    data = yaml.safe_load((ROOT / "practice.yaml").read_text(encoding="utf-8"))
    assert translated_data.problems(data, {}, translation=True) == []
    spanish = translated_data.in_spanish(data)
    assert spanish["hours"].startswith("De lunes a viernes")
    assert spanish["clinicians"][0]["role"].endswith("(ejemplo)")
    assert spanish["phone"] == data["phone"]
    del data["es"]["services"]["where"]
    data["es"]["fees"]["sesion"] = "x"
    found = [message for _line, message in translated_data.problems(data, {}, translation=True)]
    assert any("'services.where' has no Spanish value" in m for m in found), found
    assert any(
        "'fees.sesion' under 'es:' is not a detail" in m and "did you mean 'fees.session'" in m for m in found
    ), found
    # The English build does not ask for the Spanish values.
    assert not any("no Spanish value" in m for _l, m in translated_data.problems(data, {}, False))


# -- The extension's own words and the templates' -------------------------------------------------


def _messages_the_code_translates() -> set[str]:
    found = set()
    for path in (ROOT / "_ext" / "practice").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    found |= {
        MESSAGES[key]
        for key in (
            "not-ready-draft-banner",
            "not-ready-changed-banner",
            "not-ready-prompt-banner",
            "translation-stale-banner",
        )
    }
    return found


def test_practice_po_has_spanish_for_every_message_the_code_translates():
    spanish = catalogue("practice")
    missing = sorted(_messages_the_code_translates() - set(spanish))
    assert not missing, f"practice.po has no (or a fuzzy) translation for: {missing}"


def test_sphinx_po_has_spanish_for_every_word_of_the_templates():
    used = set()
    for folder in (ROOT / "_templates", ROOT / "_ext" / "practice" / "templates"):
        for path in folder.rglob("*.html"):
            text = path.read_text(encoding="utf-8")
            used |= set(re.findall(r"_\('((?:[^'\\]|\\.)*)'\)", text))
            used |= set(re.findall(r'_\("((?:[^"\\]|\\.)*)"\s*\)', text))
    missing = sorted(used - set(catalogue("sphinx")))
    assert not missing, f"sphinx.po has no (or a fuzzy) translation for: {missing}"


def test_spanish_crisis_block_keeps_every_number_and_adds_only_verified_spanish_help():
    english, spanish = full_block("en"), full_block("es")
    links = set(re.findall(r"\]\(([^)]+)\)", english))
    assert links <= set(re.findall(r"\]\(([^)]+)\)", spanish)), "a number or link went missing"
    assert "oprima 2" in spanish and "AYUDA" in spanish and "chatee en español" in spanish
    assert "en español y en inglés" in spanish  # SAMHSA's helpline (clinical facts, 13)
    assert "**Crisis Text Line** (en inglés)" in spanish  # not verified in Spanish
