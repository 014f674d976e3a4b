"""What a clinical director checks before signing, read from the built site: safety
facts a person may need tonight in plain sight, medication and levels of care said
honestly, the practical facts from practice.yaml, privacy and its limits said
precisely, and the research on IFS as the fact sheet states it."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from browser import site_page_paths
from conftest import ROOT, SPANISH, build_site

PRACTICE = yaml.safe_load((ROOT / "practice.yaml").read_text())
ADDICTION = "specialties/addiction.html"
ES_ADDICTION = f"{SPANISH}/{ADDICTION}"


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
        r"overdos",
        r"call 911",
        r"won.t wake up|not wake up",
        r"breathing",  # signs and 911
        r"naloxone",
        r"without a prescription",  # naloxone
        r"fentanyl",
        r"anyone who uses drugs",  # not only opioids
        r"not to use alone|don.t use alone",  # not alone
        r"after a break",
        r"much less|start low",  # tolerance
        r"benzodiazepines",
        r"seizures",
        r"doctor",  # withdrawal
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
    for words in (
        r"call 911",
        r"naloxone",
        r"without a prescription",
        r"test strips",
        r"can.t show how much",
        r"seizures",
        r"delirium tremens",
        r"Good Samaritan",
        r"most states",
        r"can.t promise",
        r"1-800-222-1222",
    ):
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
    for path in site_page_paths(site):
        html = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        bar = BeautifulSoup(html, "html.parser").select_one(".safety-bar .crisis-line")
        assert bar is not None, path
        said = "¿Sobredosis?" if "es" in path.relative_to(site).parts[:1] else "Overdose?"
        assert said in bar.get_text() and bar.select_one("a[href='tel:911']"), path


# -- Medication and levels of care --------------------------------------------------


def test_addiction_page_welcomes_people_on_medication(page):
    text = section_text(page(ADDICTION), "addiction-medication")
    for drug in ("buprenorphine", "methadone", "naltrexone", "acamprosate"):
        assert drug in text.lower(), drug
    assert "medication for opioid use disorder" in text.lower()
    assert re.search(r"welcome", text)
    assert not re.search(r"replacement|substitut", visible_text(page(ADDICTION)), re.I)


def test_addiction_page_names_what_we_do_not_offer_and_when_we_refer(page):
    text = section_text(page(ADDICTION), "addiction-medication")
    for words in (
        r"don.t prescribe",
        r"detox",
        r"place to stay",
        r"outpatient",
        r"intensive outpatient program",
        r"findtreatment\.gov",
        r"1-800-662-4357",
        r"emergency",
    ):
        assert re.search(words, text, re.I), words


def test_addiction_page_says_which_established_approaches_we_use(page):
    text = visible_text(page(ADDICTION))
    for approach in PRACTICE["services"]["approaches"]:
        shown = approach.replace("'", "’")
        assert shown in text, approach


# -- Practical facts from practice.yaml ---------------------------------------------

FACT_PAGES = {
    ADDICTION: ("where", "first_appointment", "languages", "insurance_plans"),
    "what-to-expect.html": ("where", "first_appointment", "languages"),
    "contact.html": ("where", "first_appointment", "languages"),
}


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
    for words in (
        r"office staff",
        r"consultation or supervision",
        r"leave out your name",
        r"serious risk",
        r"abused or\s+neglected",
        r"court orders",
        r"court, probation or an employer",
        r"agree to in writing",
    ):
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


def test_addiction_page_is_honest_about_ifs_research_in_one_plain_sentence(page):
    """The evidence in one plain sentence; the trials themselves are on the IFS page."""
    for name, words in (
        (
            ADDICTION,
            r"IFS is a newer approach: only a few small studies have "
            r"tested it, and none yet in addiction\.",
        ),
        (
            ES_ADDICTION,
            r"solo unos pocos estudios pequeños lo han puesto a "
            r"prueba, y ninguno todavía en adicción\.",
        ),
    ):
        text = section_text(page(name), "addiction-how-we-help")
        assert re.search(words, text), (name, text)
        assert not re.search(r"arthritis|artritis|depression, and none|ensayos", text), name


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


# -- What a clinical director asks before signing (issue 24), English and Spanish ------


def element_texts(soup: BeautifulSoup) -> list[str]:
    """Each paragraph and list item of the article outside closed questions and Sources."""
    article = BeautifulSoup(str(soup.select_one("article")), "html.parser")
    for folded in article.select("details, section#sources, section#fuentes"):
        folded.decompose()
    return [" ".join(el.get_text(" ").split()) for el in article.select("p, li")]


OVERDOSE = {  # page: where its overdose steps are (a section id, or the whole article)
    ADDICTION: "addiction-safer",
    "staying-safer.html": "staying-safer-overdose",
    "get-help.html": None,
}
SECOND_DOSE = {
    "en": (
        r"don.t respond in 2 to 3\s+minutes, give a second dose",
        r"even if they wake up",
        r"naloxone can wear off before the opioid does",
    ),
    "es": (
        r"no responde en 2 o 3 minutos, dele una segunda dosis",
        r"aunque despierte",
        r"el efecto de la naloxona puede acabarse antes que el del opioide",
    ),
}


def where(soup: BeautifulSoup, section: str | None) -> str:
    return section_text(soup, section) if section else visible_text(soup)


def test_overdose_steps_give_a_second_dose_and_stay_because_naloxone_wears_off(page):
    for name, section in OVERDOSE.items():
        for language, prefix in (("en", ""), ("es", f"{SPANISH}/")):
            soup = page(prefix + name)
            text = where(soup, section)
            assert text in visible_text(soup), f"{prefix}{name}: the steps are folded away"
            for words in SECOND_DOSE[language]:
                assert re.search(words, text, re.I), f"{prefix}{name} does not say {words!r}"


WITHDRAWAL = {  # page: the section that warns about stopping alcohol or pills
    ADDICTION: "addiction-safer",
    "staying-safer.html": "staying-safer-withdrawal",
}
WITHDRAWAL_WORDS = {
    "en": {
        "warning": (r"(don.t stop|please don.t stop)[^.]*on your own", r"[Tt]alk to a doctor first"),
        "risk": (r"drink heavily every day", r"shakes, seizures or (delirium tremens|DTs)"),
        "911": (r"911", r"seizure", r"confused", r"sees or hears things that aren.t there", r"high fever"),
    },
    "es": {
        "warning": (
            r"(no deje de golpe|no lo deje)[^.]*(por su cuenta|de golpe)",
            r"hable (antes|primero) con un médico",
        ),
        "risk": (r"bebe mucho todos los días", r"temblores, convulsiones o (delirium tremens|DT)"),
        "911": (r"911", r"convulsión", r"confusión", r"ve u oye cosas que no están", r"fiebre alta"),
    },
}


def test_withdrawal_is_a_warning_with_who_is_most_at_risk_and_when_to_call_911(page):
    for name, section in WITHDRAWAL.items():
        for language, prefix in (("en", ""), ("es", f"{SPANISH}/")):
            soup = page(prefix + name)
            text = section_text(soup, section)
            assert text in visible_text(soup), f"{prefix}{name}: folded away"
            words = WITHDRAWAL_WORDS[language]
            for pattern in (*words["warning"], *words["risk"]):
                assert re.search(pattern, text, re.I), f"{prefix}{name} does not say {pattern!r}"
            # The signs to call 911 for, said together, in one paragraph or list item.
            section_soup = soup.select_one(f"section#{section}")
            together = [
                " ".join(el.get_text(" ").split())
                for el in section_soup.select("p, li")
                if all(re.search(p, el.get_text(" ")) for p in words["911"])
            ]
            assert together, f"{prefix}{name}: no paragraph names 911 with {words['911']}"
    assert not re.search(r"A doctor can help you stop safely", visible_text(page(ADDICTION)))


def test_addiction_page_speaks_gently_of_suicide_with_a_safety_plan_and_988(page):
    for name, words in (
        (
            ADDICTION,
            (r"thoughts of ending their life", r"say them\s+out loud here", r"safety plan together", r"988"),
        ),
        (
            ES_ADDICTION,
            (
                r"pensamientos de quitarse la vida",
                r"puede decirlos en voz alta",
                r"plan de seguridad",
                r"988",
                r"AYUDA",
            ),
        ),
    ):
        soup = page(name)
        passage = [t for t in element_texts(soup) if re.search(words[0], t)]
        assert passage, f"{name}: no passage on suicide"
        for pattern in words[1:]:
            assert re.search(pattern, passage[0]), f"{name}: the passage does not say {pattern!r}"
        assert soup.select_one("article a[href='tel:988']"), name


SAVES_LIVES = re.compile(r"\bsav(e|es|ed|ing) (a )?li(fe|ves)\b|\bsalva(n|r)? (una )?vidas?\b", re.I)
NOT_LIFE_SAVING = re.compile(
    r"naltrexon|acamprosat|disulfiram|alcohol use disorder|"
    r"consumo de alcohol|for alcohol|para el alcohol",
    re.I,
)


def test_no_page_says_naltrexone_or_alcohol_medication_saves_lives(site, page):
    for path in site_page_paths(site):
        name = path.relative_to(site).as_posix()
        if 'http-equiv="refresh"' in path.read_text(encoding="utf-8"):
            continue
        for text in element_texts(page(name)):
            if NOT_LIFE_SAVING.search(text):
                assert not SAVES_LIVES.search(text), f"{name}: {text}"


MEDICATION = {
    ADDICTION: (
        r"Methadone and buprenorphine are medication for opioid use disorder\. They "
        r"lower the risk of dying",
        r"7 to 10 days without opioids",
        r"stop it, your body can.t take the old amount",
        r"naltrexone or acamprosate can help people drink less or stop",
        r"cocaine or meth, there is no approved medication",
        r"contingency management",
        r"pregnant[^.]*please don.t stop suddenly",
        r"Methadone or buprenorphine is the care",
    ),
    ES_ADDICTION: (
        r"La metadona y la buprenorfina son medicamentos[^.]*\. Bajan el riesgo de morir",
        r"de 7 a 10 días sin opioides",
        r"Si la deja, su cuerpo ya no aguanta",
        r"la naltrexona o el acamprosato pueden ayudar a beber menos o a dejar",
        r"cocaína o la metanfetamina, todavía no hay un medicamento aprobado",
        r"manejo de contingencias",
        r"embarazada[^.]*no los deje de golpe",
        r"La metadona o la buprenorfina es la atención que recomiendan",
    ),
}


def test_addiction_page_says_exactly_what_each_medication_is_shown_to_do(page):
    for name, patterns in MEDICATION.items():
        text = section_text(page(name), "addiction-medication")
        for pattern in patterns:
            assert re.search(pattern, text), f"{name} does not say {pattern!r}"


def test_addiction_page_gives_the_practice_next_step_before_its_first_section(page):
    """One line with the phone and the booking link right after the opening (before the
    first h2), and again at the end; from practice.yaml, never typed into the page."""
    phone = f"a[href='tel:{PRACTICE['phone_link']}']"
    booking = f"a[href='{PRACTICE['booking_url']}']"
    for name in (ADDICTION, ES_ADDICTION):
        soup = page(name)
        article = soup.select_one("article")
        first_h2 = article.select_one("h2")
        before = []
        for el in article.select("h1 ~ p, h2"):
            if el is first_h2:
                break
            before.append(el)
        line = [p for p in before if p.select_one(phone) and p.select_one(booking)]
        assert line, f"{name}: no line with the phone and booking link before the first h2"
        assert line[0].select_one(phone).get_text() == PRACTICE["phone"], name
        end = soup.select_one("section#addiction-next-step")
        assert end.select_one(phone) and end.select_one(booking), f"{name}: the end lost its step"


def test_addiction_page_checks_the_level_of_care_early(page):
    for name, patterns in (
        (
            ADDICTION,
            (
                r"In the first sessions, we look together at whether weekly therapy is the "
                r"right amount of help",
                r"when a medical check is wise",
                r"intensive outpatient program",
            ),
        ),
        (
            ES_ADDICTION,
            (
                r"En las primeras sesiones, vemos con usted si la terapia una vez por "
                r"semana es la cantidad de ayuda adecuada",
                r"revisión médica",
                r"programa ambulatorio intensivo",
            ),
        ),
    ):
        text = section_text(page(name), "addiction-medication")
        for pattern in patterns:
            assert re.search(pattern, text), f"{name} does not say {pattern!r}"


def test_causes_and_outcomes_are_said_for_many_people_not_as_a_rule_or_a_promise(page):
    for name, no, yes in (
        (
            ADDICTION,
            (r"Most people do not drink", r"Over time, people learn", r"You have tried to stop"),
            (
                r"For many\s+people, it starts because something hurts",
                r"many people learn",
                r"many take back their life",
                r"^Maybe you have tried to stop",
            ),
        ),
        (
            ES_ADDICTION,
            (
                r"La mayoría de las personas no beben",
                r"las personas aprenden",
                r"^Usted ha tratado de dejarlo",
            ),
            (
                r"Para muchas personas, empieza porque algo les duele",
                r"muchas personas aprenden",
                r"muchas recuperan su vida",
                r"^Quizás usted ha tratado de dejarlo",
            ),
        ),
    ):
        texts = element_texts(page(name))
        for pattern in no:
            assert not any(re.search(pattern, t) for t in texts), f"{name} still says {pattern!r}"
        for pattern in yes:
            assert any(re.search(pattern, t) for t in texts), f"{name} does not say {pattern!r}"


def test_trauma_work_goes_alongside_help_with_substance_use_at_the_clients_pace(page):
    text = visible_text(page("specialties/trauma.html"))
    assert re.search(r"Trauma work and help with drinking or using can go side by\s+side", text)
    assert re.search(r"You set the pace", text)
    assert not re.search(r"won.t rush into the hardest memories while alcohol", text)


GOOD_FAITH = {
    "what-to-expect.html": (
        r"at least 3 business days ahead, we send it in writing within 1 business day of booking",
        r"10 or more business days ahead, we send it within 3 business days of booking",
        r"ask us for one at any time[^.]*\. We send it within 3 business days of your request",
    ),
    f"{SPANISH}/what-to-expect.html": (
        r"al menos 3 días hábiles de anticipación, se lo enviamos por escrito dentro de 1 día hábil",
        r"10 días hábiles o más de anticipación, se lo enviamos dentro de los 3 días hábiles",
        r"Puede pedirnos uno en cualquier momento[^.]*\. Se lo enviamos dentro de los 3 días "
        r"hábiles siguientes a su pedido",
    ),
}


def test_good_faith_estimate_timing_follows_45_cfr_149_610(page):
    for name, patterns in GOOD_FAITH.items():
        text = section_text(page(name), "what-to-expect-good-faith-estimate")
        for pattern in patterns:
            assert re.search(pattern, text), f"{name} does not say {pattern!r}"
        assert not re.search(r"one business day before your session|un día hábil antes de su sesión", text), (
            name
        )


def test_video_sessions_need_a_licence_where_the_client_is_and_a_check_each_time(page):
    for name, patterns in (
        (
            "what-to-expect.html",
            (
                r"licensed in the state where you are at the time of each session",
                r"at the start of each video session, we ask where you are",
                r"who we can\s+call in an emergency",
            ),
        ),
        (
            f"{SPANISH}/what-to-expect.html",
            (
                r"licencia en el estado donde usted esté en el momento "
                r"de cada sesión",
                r"cada sesión por video, le "
                r"preguntamos dónde está",
                r"a quién podemos llamar en una emergencia",
            ),
        ),
    ):
        text = section_text(page(name), "what-to-expect-video")
        for pattern in patterns:
            assert re.search(pattern, text), f"{name} does not say {pattern!r}"


UNDER_18 = re.compile(r"under 18|menos de 18 años")


def test_no_under_18_sentence_while_the_practice_sees_adults_only(page):
    assert PRACTICE["services"]["sees_minors"] is False
    assert "18 and over" in PRACTICE["services"]["ages"]
    for name in ("what-to-expect.html", f"{SPANISH}/what-to-expect.html"):
        assert not UNDER_18.search(visible_text(page(name))), name


def test_the_under_18_sentence_shows_when_the_practice_sees_minors(site_copy):
    data = site_copy / "practice.yaml"
    text = data.read_text()
    assert "  sees_minors: false\n" in text
    data.write_text(text.replace("  sees_minors: false\n", "  sees_minors: true\n"))
    out = site_copy / "_build" / "html"
    result = build_site(out, source=site_copy)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((out / "what-to-expect.html").read_text(), "html.parser")
    text = section_text(soup, "what-to-expect-confidentiality")
    assert re.search(
        r"If you are under 18, your parent or guardian may have a right to some\s+"
        r"information too\.",
        text,
    ), text
