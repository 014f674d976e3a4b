"""Whether a sign-off is a real review by the person practice.yaml names now.

``make sign-off`` (and ``make sign-off-translation``) records, beside the reviewer's
id, who the reviewer was when they signed: ``signed_by: "Name, credentials"`` as
practice.yaml had them, and ``example_review: true`` when practice.yaml still held
example details. A sign-off then counts only while it belongs to that person:

- ``unsigned``: it has no ``signed_by`` (typed by hand, or made before sign-offs
  recorded the person), so nothing ties it to anyone;
- ``other-person``: the reviewer's name or credentials in practice.yaml have changed
  since (for example an example clinician replaced by a real one at launch);
- ``example-review``: made while the details were examples. It is the example site's
  own review, so a preview of the example site shows it as it is; the public site,
  and any site whose details are real, does not count it.

The build (``checks.publishing`` for pages, ``languages.translation`` for
translations), ``make review-report`` and ``make launch-check`` all ask this module.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from .front_matter import add_years

UNSIGNED = "unsigned"
OTHER_PERSON = "other-person"
EXAMPLE_REVIEW = "example-review"


@dataclass(frozen=True)
class SignOff:
    """What a sign-off recorded (a page's front matter, or a translations.yaml entry)."""

    reviewed_by: str | None
    signed_by: str | None
    example_review: bool


def sign_off_gap(
    sign_off: SignOff, signatures: dict[str, str], site_is_example: bool, public: bool
) -> str | None:
    """Why ``sign_off`` does not count (``UNSIGNED``, ``OTHER_PERSON``, ``EXAMPLE_REVIEW``),
    or ``None`` if it does. ``signatures``: each clinician's "Name, credentials" now;
    ``public``: the build is for the public site."""
    if not sign_off.signed_by:
        return UNSIGNED
    now = signatures.get(sign_off.reviewed_by or "")
    if now is not None and " ".join(now.split()) != sign_off.signed_by:
        return OTHER_PERSON
    if sign_off.example_review and (public or not site_is_example):
        return EXAMPLE_REVIEW
    return None


def review_lines(
    reviewer: str, signature: str | None, day: dt.date, example: bool, fingerprint: str | None = None
) -> list[str]:
    """The lines a sign-off writes (front matter, or under a page in translations.yaml),
    in this order; ``make sign-off`` and the build's "lines to paste" both use it."""
    lines = [f"reviewed_by: {reviewer}"]
    if signature:
        lines.append(f"signed_by: {json.dumps(' '.join(signature.split()), ensure_ascii=False)}")
    lines += [f"last_reviewed: {day.isoformat()}"]
    if fingerprint is not None:
        lines += [f"next_review: {add_years(day, 1).isoformat()}", f"review_fingerprint: {fingerprint}"]
    if example:
        lines.append("example_review: true")
    return lines
