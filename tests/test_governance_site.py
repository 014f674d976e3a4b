"""Content governance on the real site: review footers, related topics, JSON-LD and
meta descriptions, as a reader (or a search engine) gets them."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import yaml

from conftest import ROOT

SPECIALTIES = [
    "specialties/addiction",
    "specialties/trauma",
    "specialties/anxiety-depression",
    "specialties/families",
]
APPROACHES = [
    "approaches/internal-family-systems",
    "approaches/trauma-informed-care",
    "approaches/mindfulness",
    "approaches/support-networks",
    "approaches/without-force",
]
CLINICAL = SPECIALTIES + APPROACHES
GENERAL = [
    "index",
    "get-help",
    "contact",
    "what-to-expect",
    "about",
    "privacy",
    "accessibility",
    "editorial-policy",
    "glossary",
]
REVIEWED_GENERAL = ["get-help", "what-to-expect"]
LONG_DATE = (
    r"\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
    r"November|December) \d{4}"
)

PRACTICE = yaml.safe_load((ROOT / "practice.yaml").read_text(encoding="utf-8"))
CLINICIANS = {c["id"]: c for c in PRACTICE["clinicians"]}


def json_ld(soup) -> dict:
    (tag,) = soup.select('script[type="application/ld+json"]')
    return json.loads(tag.string)


def web_page(data: dict) -> dict:
    if "@graph" in data:
        return next(item for item in data["@graph"] if item["@type"].endswith("WebPage"))
    return data


def long_to_iso(text: str) -> str:
    return dt.datetime.strptime(text, "%d %B %Y").date().isoformat()


@pytest.mark.parametrize("name", CLINICAL + REVIEWED_GENERAL)
def test_reviewed_page_shows_reviewer_and_dates_like_its_json_ld(page, name):
    soup = page(f"{name}.html")
    footer = soup.select_one(".review-footer")
    assert footer is not None, f"{name} has no review footer"
    text = footer.get_text(" ", strip=True)
    match = re.fullmatch(
        rf"Reviewed by (.+?) , (.+?) Page last reviewed: ({LONG_DATE}) "
        rf"Next review due: ({LONG_DATE})",
        text,
    )
    assert match, text
    name_shown, credentials, last, _, nxt, _ = match.groups()
    link = footer.select_one("a")
    reviewer_id = link["href"].split("#clinician-", 1)[1]
    assert link["href"].endswith(f"about.html#clinician-{reviewer_id}")
    clinician = CLINICIANS[reviewer_id]
    assert (name_shown, credentials) == (clinician["name"], clinician["credentials"])
    assert long_to_iso(nxt) > long_to_iso(last)

    data = web_page(json_ld(soup))
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == long_to_iso(last)
    assert data["reviewedBy"]["@type"] == "Person"
    assert data["reviewedBy"]["name"] == clinician["name"]
    assert data["reviewedBy"]["hasCredential"]["name"] == clinician["credentials"]


def test_reviewers_are_on_the_about_page(page):
    about = page("about.html")
    for clinician_id in CLINICIANS:
        assert about.select_one(f"#clinician-{clinician_id}") is not None


def related(page, name: str) -> list[str]:
    return [a["href"] for a in page(f"{name}.html").select("#related-topics .related-card a")]


def test_related_topics_work_both_ways(page):
    assert "../approaches/internal-family-systems.html" in related(page, "specialties/addiction")
    assert "../specialties/addiction.html" in related(page, "approaches/internal-family-systems")


@pytest.mark.parametrize("name", CLINICAL)
def test_related_cards_have_a_title_link_and_description(page, name):
    cards = page(f"{name}.html").select("#related-topics .related-card")
    assert cards, f"{name} has no related topics"
    for card in cards:
        link = card.select_one("a")
        assert link.get_text(strip=True), "a card link needs an accessible name"
        assert card.select_one(".related-card-description").get_text(strip=True)


@pytest.mark.parametrize("name", CLINICAL + GENERAL)
def test_one_meta_description_equal_to_the_json_ld(page, name):
    soup = page(f"{name}.html")
    metas = soup.select('meta[name="description"]')
    assert len(metas) == 1
    description = metas[0]["content"]
    assert 0 < len(description) <= 160
    data = web_page(json_ld(soup))
    assert data["description"] == description
    assert "Physician" not in json.dumps(json_ld(soup))


@pytest.mark.parametrize("name", SPECIALTIES)
def test_specialty_pages_are_about_a_condition(page, name):
    data = json_ld(page(f"{name}.html"))
    assert data["about"]["@type"] == "MedicalCondition"
    assert data["audience"], "who the page is for"
    if "People looking for therapy" in [a["audienceType"] for a in data["audience"]]:
        assert {"@type": "MedicalAudience", "audienceType": "Patient"} in data["medicalAudience"]


def test_home_page_describes_the_practice_from_practice_yaml(page):
    graph = json_ld(page("index.html"))["@graph"]
    clinic = next(item for item in graph if item["@type"] == "MedicalClinic")
    assert clinic["name"] == PRACTICE["name"]
    assert clinic["telephone"] == PRACTICE["phone_link"]
    assert clinic["email"] == PRACTICE["email"]
