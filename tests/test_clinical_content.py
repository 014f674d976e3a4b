"""What a clinical director checks before signing, read from the built site: safety
facts a person may need tonight in plain sight, medication and levels of care said
honestly, the practical facts from practice.yaml, privacy and its limits said
precisely, and the research on IFS as the fact sheet states it."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build_site

PRACTICE = yaml.safe_load((ROOT / "practice.yaml").read_text())
ADDICTION = "specialties/addiction.html"


def visible_text(soup: BeautifulSoup) -> str:
    """The article's text outside closed questions (``<details>``), spaces folded."""
    article = BeautifulSoup(str(soup.select_one("article")), "html.parser")
    for folded in article.select("details"):
        folded.decompose()
    return " ".join(article.get_text(" ").split())


def section_text(soup: BeautifulSoup, section_id: str) -> str:
    section = soup.select_one(f"section#{section_id}")
    assert section is not None, f"no section #{section_id}"
    return " ".join(section.get_text(" ").split())


# -- Staying safer ------------------------------------------------------------------

def test_addiction_page_says_how_to_stay_safer_tonight_in_plain_sight(page):
    soup = page(ADDICTION)
    text = section_text(soup, "addiction-safer")
    assert text in visible_text(soup)
    for words in (
        r"overdos", r"call 911", r"won.t wake up|not wake up", r"breathing",   # signs and 911
        r"naloxone", r"without a prescription",                               # naloxone
        r"fentanyl", r"anyone who uses drugs",                                # not only opioids
        r"not to use alone|don.t use alone",                                  # not alone
        r"after a break", r"much less|start low",                             # tolerance
        r"benzodiazepines", r"seizures", r"doctor",                           # withdrawal
    ):
        assert re.search(words, text, re.I), f"the safety block does not say {words!r}: {text}"
    assert soup.select_one("section#addiction-safer a[href='tel:911']")


def test_safety_block_comes_before_the_rest_of_the_page(page):
    soup = page(ADDICTION)
    ids = [s.get("id") for s in soup.select("article section[id]")]
    assert ids.index("addiction-safer") < ids.index("addiction-coping"), ids


def test_staying_safer_page_is_linked_from_addiction_get_help_and_families(page):
    for name, prefix in ((ADDICTION, "../"), ("get-help.html", ""), ("specialties/families.html", "../")):
        hrefs = {a["href"].split("#")[0] for a in page(name).select("article a[href]")}
        assert f"{prefix}staying-safer.html" in hrefs, name


def test_staying_safer_page_covers_overdose_withdrawal_strips_and_the_law(page):
    text = visible_text(page("staying-safer.html"))
    for words in (r"call 911", r"naloxone", r"without a prescription", r"test strips",
                  r"can.t show how much", r"seizures", r"delirium tremens",
                  r"Good Samaritan", r"most states", r"can.t promise",
                  r"1-800-222-1222"):
        assert re.search(words, text, re.I), words
    assert not re.search(r"will protect you|guarantee", text, re.I)


def test_families_page_does_not_tie_naloxone_to_opioid_users_only(page):
    text = visible_text(page("specialties/families.html"))
    assert "if they use opioids" not in text
    assert re.search(r"fentanyl", text, re.I) and re.search(r"without a prescription", text)


def test_get_help_page_gives_poison_help(page):
    soup = page("get-help.html")
    assert "1-800-222-1222" in visible_text(soup)
    assert soup.select_one("article a[href='tel:+18002221222']")
    hrefs = {a["href"].split("#")[0] for a in soup.select("article a[href]")}
    assert "specialties/addiction.html" in hrefs


def test_every_page_says_call_911_for_an_overdose_in_its_crisis_line(site):
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "_static" in path.parts or 'http-equiv="refresh"' in html:
            continue
        bar = BeautifulSoup(html, "html.parser").select_one(".safety-bar .crisis-line")
        assert bar is not None, path
        said = "¿Sobredosis?" if "es" in path.relative_to(site).parts[:1] else "Overdose?"
        assert said in bar.get_text() and bar.select_one("a[href='tel:911']"), path


# -- Medication and levels of care --------------------------------------------------

def test_addiction_page_welcomes_people_on_medication(page):
    text = section_text(page(ADDICTION), "addiction-medication")
    for drug in ("buprenorphine", "methadone", "naltrexone", "acamprosate"):
        assert drug in text, drug
    assert "medication for opioid use disorder" in text.lower()
    assert re.search(r"welcome", text)
    assert not re.search(r"replacement|substitut", visible_text(page(ADDICTION)), re.I)


def test_addiction_page_names_what_we_do_not_offer_and_when_we_refer(page):
    text = section_text(page(ADDICTION), "addiction-medication")
    for words in (r"don.t prescribe", r"detox", r"place to stay", r"outpatient",
                  r"intensive outpatient program", r"findtreatment\.gov", r"1-800-662-4357",
                  r"emergency"):
        assert re.search(words, text, re.I), words


def test_addiction_page_says_which_established_approaches_we_use(page):
    text = visible_text(page(ADDICTION))
    for approach in PRACTICE["services"]["approaches"]:
        shown = approach.replace("'", "’")
        assert shown in text, approach


# -- Practical facts from practice.yaml ---------------------------------------------

FACT_PAGES = {ADDICTION: ("where", "first_appointment", "languages", "insurance_plans"),
              "what-to-expect.html": ("where", "first_appointment", "languages"),
              "contact.html": ("where", "first_appointment", "languages")}


def facts_text(soup: BeautifulSoup) -> str:
    return " ".join(" ".join(ul.get_text(" ").split()) for ul in soup.select("article ul.practice-facts"))


def curly(text: str) -> str:
    return text.replace("'", "’")


def test_practical_facts_on_the_pages_where_people_decide(page):
    for name, keys in FACT_PAGES.items():
        shown = facts_text(page(name))
        for key in keys:
            assert curly(PRACTICE["services"][key]) in shown, (name, key)


def test_a_changed_or_removed_fact_changes_every_page_that_shows_it(site_copy):
    data = site_copy / "practice.yaml"
    text = data.read_text()
    languages = PRACTICE["services"]["languages"]
    first = PRACTICE["services"]["first_appointment"]
    text = text.replace(languages, "English and Spanish (test).")
    text = re.sub(r"\n  first_appointment: .*\n", "\n", text)
    data.write_text(text)
    out = site_copy / "_build" / "html"
    result = build_site(out, source=site_copy)
    assert result.returncode == 0, result.stderr
    for name in FACT_PAGES:
        soup = BeautifulSoup((out / name).read_text(), "html.parser")
        shown = facts_text(soup)
        assert "English and Spanish (test)." in shown, name
        assert curly(first) not in soup.get_text(), name
        assert "How soon you can start" not in soup.get_text(), name


# -- Privacy said precisely ---------------------------------------------------------

def test_what_to_expect_states_the_limits_of_privacy(page):
    text = section_text(page("what-to-expect.html"), "what-to-expect-confidentiality")
    for words in (r"office staff", r"consultation or supervision", r"leave out your name",
                  r"serious risk", r"abused or\s+neglected", r"court orders",
                  r"court, probation or an employer", r"agree to in writing"):
        assert re.search(words, text, re.I), words
    assert not re.search(r"don.t share it with anyone", visible_text(page("what-to-expect.html")), re.I)


def test_privacy_page_links_the_limits_and_claims_no_legal_status(page):
    soup = page("privacy.html")
    text = visible_text(soup)
    assert re.search(r"office staff", text) and re.search(r"in writing", text)
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    assert "what-to-expect.html#what-to-expect-confidentiality" in hrefs
    for page_name in ("privacy.html", "what-to-expect.html"):
        body = visible_text(page(page_name))
        body = body.split(" Sources ")[0]
        assert not re.search(r"HIPAA|Part 2|42 CFR", body), page_name


def test_notice_of_privacy_practices_shows_only_when_the_practice_gives_it(page):
    given = bool(PRACTICE.get("privacy", {}).get("notice_url"))
    for name in ("privacy.html", "what-to-expect.html"):
        assert ("Notice of Privacy Practices" in visible_text(page(name))) == given, name


# -- Research, corrections and tone -------------------------------------------------

def test_ifs_page_states_the_evidence_as_the_fact_sheet_does(page):
    text = section_text(page("approaches/internal-family-systems.html"), "ifs-evidence")
    assert "Two small randomised trials" in text
    assert "79 adults with rheumatoid arthritis" in text
    assert "37 college women with depression" in text and "no clear difference" in text
    assert "17 adults with PTSD" in text
    assert re.search(r"no controlled trial of IFS for\s+substance use", text)
    assert "One randomised trial" not in text


def test_addiction_page_is_honest_about_ifs_research(page):
    text = section_text(page(ADDICTION), "addiction-how-we-help")
    assert "two small trials" in text and "none yet in addiction" in text


def test_addiction_page_speaks_of_compassion_and_keeps_ifs_words_few_at_the_top(page):
    soup = page(ADDICTION)
    assert "compassion" in visible_text(soup).lower()
    top = " ".join(section_text(soup, s) for s in ("addiction-safer", "addiction-coping"))
    opening = soup.select_one("article h1").find_all_next("p", limit=4)
    top += " ".join(p.get_text(" ") for p in opening)
    for term in ("firefighter", "manager", "exile"):
        assert term not in top.lower(), term


def test_addiction_page_signposts_families_just_after_the_opening(page):
    soup = page(ADDICTION)
    first_paragraphs = soup.select_one("article h1").find_all_next("p", limit=5)
    assert any(a["href"] == "families.html" for p in first_paragraphs for a in p.select("a[href]"))


def test_no_read_more_links_tacked_on_to_the_addiction_page(page):
    text = visible_text(page(ADDICTION))
    assert not re.search(r"Read more about|Read about", text)


def test_glossary_leads_back_and_on(page):
    soup = page("glossary.html")
    section = soup.select_one("article section#where-to-go-next")
    assert section is not None
    hrefs = {a["href"].split("#")[0] for a in section.select("a[href]")}
    assert {"index.html", "what-to-expect.html", "get-help.html"} <= hrefs
