"""What a page tells search engines: its meta description and its JSON-LD.

- ``<meta name="description">`` from the page's ``description`` (Furo does not write
  one; skipped if another extension already did).
- JSON-LD (schema.org): each page is a ``WebPage``; a reviewed page is a
  ``MedicalWebPage`` with ``lastReviewed``, ``reviewedBy`` (a ``Person`` with name,
  job title and credential: our clinicians are therapists, never ``Physician``),
  ``about``, ``audience`` and ``medicalAudience``. The home page also describes the
  practice as a ``MedicalClinic`` from practice.yaml. The values are the ones the
  review footer shows. ``url`` is absolute when ``html_baseurl`` is set.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from sphinx.application import Sphinx

from ..data.page_metadata import pages, reviewer

ABOUT_TYPE = {"specialty": "MedicalCondition", "approach": "MedicalTherapy"}
MEDICAL_AUDIENCE = {"clients": "Patient", "professionals": "Clinician"}
AUDIENCE = {
    "clients": "People looking for therapy",
    "families": "Family and friends",
    "professionals": "Health and care professionals",
}


def page_url(app: Sphinx, pagename: str) -> str:
    uri = app.builder.get_target_uri(pagename)
    base = app.config.html_baseurl
    return f"{base.rstrip('/')}/{uri}" if base else uri


def clinic(app: Sphinx) -> dict[str, Any]:
    data = app.config.practice
    result = {
        "@type": "MedicalClinic",
        "name": data.get("name"),
        "description": data.get("tagline"),
        "telephone": data.get("phone_link"),
        "email": data.get("email"),
        "address": data.get("address"),
        "areaServed": data.get("area"),
    }
    if app.config.html_baseurl:
        result["url"] = app.config.html_baseurl
    return {key: value for key, value in result.items() if value}


def person(app: Sphinx, pagename: str, clinician: dict[str, Any], reviewed_by: str) -> dict:
    about = app.config.practice_about_page
    result = {
        "@type": "Person",
        "name": clinician["name"],
        "jobTitle": clinician.get("role"),
        "hasCredential": {"@type": "EducationalOccupationalCredential", "name": clinician.get("credentials")},
    }
    if about in app.env.found_docs:
        result["url"] = f"{page_url(app, about)}#clinician-{reviewed_by}"
    return result


def json_ld(app: Sphinx, pagename: str, title: str) -> dict[str, Any] | None:
    info = pages(app.env).get(pagename)
    if info is None:
        return None
    page: dict[str, Any] = {
        "@type": "WebPage",
        "name": title,
        "url": page_url(app, pagename),
        "inLanguage": app.config.language or "en",
    }
    if info.description:
        page["description"] = info.description
    if info.audience:
        page["audience"] = [{"@type": "Audience", "audienceType": AUDIENCE[a]} for a in info.audience]
    clinician = reviewer(app.config, info)
    review = info.review
    if clinician is not None and review is not None:
        page["@type"] = "MedicalWebPage"
        page["lastReviewed"] = review.last_reviewed.isoformat()
        page["reviewedBy"] = person(app, pagename, clinician, review.reviewed_by)
        medical = sorted({MEDICAL_AUDIENCE[a] for a in info.audience if a in MEDICAL_AUDIENCE})
        if medical:
            page["medicalAudience"] = [{"@type": "MedicalAudience", "audienceType": m} for m in medical]
    if info.kind in ABOUT_TYPE:
        page["about"] = {"@type": ABOUT_TYPE[info.kind], "name": title}
    practice = clinic(app)
    page["publisher"] = {"@type": practice["@type"], "name": practice.get("name")}
    if pagename == app.config.root_doc:
        return {"@context": "https://schema.org", "@graph": [page, practice]}
    return {"@context": "https://schema.org", **page}


def script(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/")  # "</" would end the script element early
    return f'<script type="application/ld+json">{text}</script>\n'


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    info = pages(app.env).get(pagename)
    if doctree is None or info is None:
        return
    tags = context.get("metatags", "")
    if info.description and 'name="description"' not in tags:
        tags += f'<meta name="description" content="{escape(info.description)}">\n'
    title = app.env.titles[pagename].astext() if pagename in app.env.titles else ""
    data = json_ld(app, pagename, title)
    if data is not None:
        tags += script(data)
    context["metatags"] = tags


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", on_html_page_context)
