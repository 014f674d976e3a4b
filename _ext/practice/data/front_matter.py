"""Read a page's front matter and check it against the site's schema.

Plain Python (no Sphinx), so both the build (``page_metadata``) and
``make review-report`` use the same rules. The schema:

- every page: ``kind`` (specialty | approach | general), ``description`` (one
  sentence, at most 160 characters), ``audience`` (clients, families, professionals);
- any page may have a ``card`` line (the same rules as the description): what its
  card on the home page says, in place of the description (``page_parts.topic_cards``);
- specialty and approach pages also: ``reviewed_by`` (a clinician id in
  practice.yaml), ``last_reviewed``, ``next_review`` (ISO dates, at most 3 years
  apart), ``related`` (docnames);
- general pages may carry the three review fields (all or none) and ``related``;
- any page may be ``status: draft`` (not yet reviewed: a draft needs no review
  fields, and claims no review while it is a draft); a reviewed page carries
  ``review_fingerprint``, the fingerprint of its text as the clinician signed it off
  (``text_fingerprint``), so a later change to the text is seen without git history.

Problems come back as ``Problem(line, message)`` with the file's line number of the
field, so the build can point at it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..messages import FIELD_HELP, render
from ..suggestions import did_you_mean
from ..yaml_source import load_with_nodes

KINDS = ("specialty", "approach", "general")
CLINICAL_KINDS = ("specialty", "approach")
AUDIENCES = ("clients", "families", "professionals")
REVIEW_FIELDS = ("reviewed_by", "last_reviewed", "next_review")
# What make sign-off writes besides the review dates: who signed (their name and
# credentials then), the fingerprint of the text they read, and whether the practice's
# details were examples at the time (an example review; see sign_offs.py).
SIGNATURE_FIELDS = ("signed_by", "review_fingerprint", "example_review")
FIELDS = ("kind", "description", "card", "audience", "status", *REVIEW_FIELDS, *SIGNATURE_FIELDS, "related")
STATUSES = ("draft",)
CLINICAL_REQUIRED = ("kind", "description", "audience", *REVIEW_FIELDS, "related")
REQUIRED = {
    "specialty": CLINICAL_REQUIRED,
    "approach": CLINICAL_REQUIRED,
    "general": ("kind", "description", "audience"),
}
# Keys that MyST, Sphinx or Furo read from front matter: allowed as they are.
OTHER_TOOLS_FIELDS = (
    "myst",
    "substitutions",
    "orphan",
    "nocomments",
    "nosearch",
    "tocdepth",
    "hide-toc",
    "hide-navigation",
    "hide-footer",
)
MAX_DESCRIPTION = 160
MAX_REVIEW_YEARS = 3
FINGERPRINT = re.compile(r"[0-9a-f]{16}")
# What `make new-page` writes where the author still has to write; never published.
PROMPT = "Write here:"
TWO_SENTENCES = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")
FENCE = re.compile(r"^(---|\.\.\.)\s*$")


@dataclass
class Problem:
    line: int | None
    message: str


@dataclass
class FrontMatter:
    """The parsed front matter of one file, with the line of each top-level key."""

    data: dict[str, Any] | None
    lines: dict[str, int] = field(default_factory=dict)
    problem: Problem | None = None
    end_line: int = 0  # the line of the closing '---' (0: no front matter)


@dataclass(frozen=True)
class Review:
    """A review the front matter records: who, when, and when it is due again."""

    reviewed_by: str
    last_reviewed: dt.date
    next_review: dt.date


@dataclass
class PageInfo:
    """What the front matter says, with only the valid values filled in."""

    kind: str | None = None
    description: str | None = None
    card: str | None = None  # the line on its card on the home page (topic_cards)
    audience: tuple[str, ...] = ()
    status: str | None = None
    reviewed_by: str | None = None
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None
    review_fingerprint: str | None = None
    signed_by: str | None = None
    example_review: bool = False
    related: tuple[str, ...] = ()
    lines: dict[str, int] = field(default_factory=dict)
    # Filled in by the build from the page's source:
    links: tuple[str, ...] = ()  # pages the body links to
    fingerprint: str = ""  # of the text as it is now (``text_fingerprint``)
    prompt_lines: tuple[int, ...] = ()  # lines that still have a "Write here:" prompt

    @property
    def is_clinical(self) -> bool:
        return self.kind in CLINICAL_KINDS

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def review(self) -> Review | None:
        """The review the page names (whether or not its text changed since), if whole."""
        if self.reviewed_by and self.last_reviewed and self.next_review:
            return Review(self.reviewed_by, self.last_reviewed, self.next_review)
        return None

    @property
    def has_review(self) -> bool:
        """The page names a review (whether or not its text changed since)."""
        return self.review is not None

    @property
    def claims_review(self) -> bool:
        """What the footer and JSON-LD may say: a review, and not a draft."""
        return self.has_review and not self.is_draft

    @property
    def changed_since_review(self) -> bool:
        return self.has_review and self.review_fingerprint != self.fingerprint

    def line(self, name: str) -> int | None:
        return self.lines.get(name)


def read_front_matter(text: str) -> FrontMatter:
    """Find the ``---`` block at the top of a MyST file and parse it."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return FrontMatter(data=None)
    end = next((number for number, line in enumerate(lines[1:], start=1) if FENCE.match(line)), None)
    if end is None:
        return FrontMatter(
            data=None,
            problem=Problem(
                1,
                render(
                    "bad-yaml",
                    problem="the block that starts on line 1 is never closed with '---'",
                    example="kind: general",
                ),
            ),
        )
    block = "\n".join(lines[1:end])
    try:
        data, root = load_with_nodes(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return FrontMatter(
            data=None,
            problem=Problem(
                line,
                render(
                    "bad-yaml",
                    problem=getattr(exc, "problem", None) or str(exc),
                    example='description: "Therapy for families: how we help."',
                ),
            ),
        )
    if data is None:
        data = {}
    if not isinstance(data, dict) or not isinstance(root, (yaml.MappingNode, type(None))):
        return FrontMatter(data=None, problem=Problem(2, render("front-matter-not-mapping")))
    key_lines = {}
    if root is not None:
        key_lines = {str(key.value): key.start_mark.line + 2 for key, _ in root.value}
    return FrontMatter(data=data, lines=key_lines, end_line=end + 1)


def read_front_matter_file(path: Path) -> FrontMatter:
    return read_front_matter(path.read_text(encoding="utf-8"))


def split_front_matter(text: str) -> tuple[list[str], list[str]]:
    """The file's lines as (front matter block with its fences, the rest)."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    end = read_front_matter(text).end_line
    return lines[:end], lines[end:]


def text_fingerprint(text: str) -> str:
    """A fingerprint of what a reader is shown of a page: its body, its description and
    its card line.

    Any change to a word changes it; only line endings and spaces at the ends of
    lines do not (an editor or GitHub's web editor may change those). The review
    fields themselves are not part of it, so signing off does not change it.
    """
    _head, body = split_front_matter(text)
    data = read_front_matter(text).data or {}
    shown = str(data.get("description", ""))
    if data.get("card"):
        shown += f"\n{data['card']}"
    lines = [line.rstrip() for line in body]
    content = "\n".join(lines).strip("\n")
    digest = hashlib.sha256(f"{shown}\n\n{content}".encode())
    return digest.hexdigest()[:16]


def prompt_lines(text: str) -> tuple[int, ...]:
    """The line numbers (from 1) that still hold a "Write here:" prompt."""
    return tuple(number for number, line in enumerate(text.splitlines(), start=1) if PROMPT in line)


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'" if value.strip() else "empty"
    if value is None:
        return "empty"
    return f"'{value}'"


def _invalid(name: str, value: Any, line: int | None) -> Problem:
    expected, example = FIELD_HELP[name]
    return Problem(
        line, render("field-invalid", field=name, value=_show(value), expected=expected, example=example)
    )


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def clean_docname(value: str) -> str:
    """What a related entry probably meant: no .md, no leading slash or ./ ../."""
    value = value.strip()
    value = re.sub(r"^(\.\.?/)+", "", value).lstrip("/")
    return re.sub(r"\.(md|rst)$", "", value)


def validate(
    fm: FrontMatter, clinician_ids: list[str], today: dt.date, extra_fields: tuple[str, ...] | list[str] = ()
) -> tuple[PageInfo, list[Problem]]:
    """Check the front matter; return what is valid and every problem found."""
    if fm.problem:
        return PageInfo(), [fm.problem]
    if fm.data is None:
        return PageInfo(), [
            Problem(1, render("no-front-matter", description_example=FIELD_HELP["description"][1]))
        ]
    data, lines = fm.data, fm.lines
    info = PageInfo(lines=dict(lines))
    problems: list[Problem] = []
    at = lines.get

    known = set(FIELDS) | set(OTHER_TOOLS_FIELDS) | set(extra_fields)
    for name in data:
        if str(name) not in known:
            problems.append(
                Problem(
                    at(str(name)),
                    render(
                        "field-unknown",
                        field=name,
                        hint=did_you_mean(str(name), FIELDS),
                        known=", ".join(FIELDS),
                    ),
                )
            )

    kind = data.get("kind")
    if "kind" in data:
        if kind in KINDS:
            info.kind = kind
        else:
            hint = did_you_mean(str(kind), KINDS)
            expected, example = FIELD_HELP["kind"]
            problems.append(
                Problem(
                    at("kind"),
                    render(
                        "field-invalid",
                        field="kind",
                        value=_show(kind) + hint,
                        expected=expected,
                        example=example,
                    ),
                )
            )
    if "status" in data:
        if data["status"] in STATUSES:
            info.status = data["status"]
        else:
            problems.append(_invalid("status", data["status"], at("status")))
    required = REQUIRED.get(info.kind or "general", REQUIRED["general"])
    if info.is_draft:  # a draft has not been reviewed yet
        required = tuple(name for name in required if name not in REVIEW_FIELDS)
    unreviewed = [name for name in required if name in REVIEW_FIELDS and name not in data]
    if unreviewed:
        problems.append(Problem(1, render("review-missing", kind=info.kind, missing=", ".join(unreviewed))))
    for name in required:
        if name not in data and name not in REVIEW_FIELDS:
            expected, example = FIELD_HELP[name]
            problems.append(
                Problem(
                    1,
                    render(
                        "field-missing",
                        field=name,
                        expected=expected,
                        where="every page" if name in REQUIRED["general"] else f"{info.kind} pages",
                        example=example,
                    ),
                )
            )

    for name in ("description", "card"):
        if name not in data:
            continue
        text = data[name]
        example = FIELD_HELP[name][1]
        if not isinstance(text, str) or not text.strip():
            problems.append(_invalid(name, text, at(name)))
        elif len(text.strip()) > MAX_DESCRIPTION:
            problems.append(
                Problem(
                    at(name),
                    render("description-too-long", field=name, length=len(text.strip()), example=example),
                )
            )
        elif TWO_SENTENCES.search(text.strip()):
            problems.append(Problem(at(name), render("description-sentences", field=name, example=example)))
        else:
            setattr(info, name, " ".join(text.split()))

    if "audience" in data:
        audience = data["audience"]
        if isinstance(audience, str):
            audience = [part.strip() for part in audience.split(",")]
        if not isinstance(audience, list) or not audience:
            problems.append(_invalid("audience", data["audience"], at("audience")))
        else:
            good = []
            for item in audience:
                if item in AUDIENCES:
                    good.append(item)
                else:
                    problems.append(
                        Problem(
                            at("audience"),
                            render(
                                "audience-unknown",
                                value=_show(item),
                                hint=did_you_mean(str(item), AUDIENCES),
                                example=FIELD_HELP["audience"][1],
                            ),
                        )
                    )
            info.audience = tuple(dict.fromkeys(good))

    present = [name for name in (*REVIEW_FIELDS, *SIGNATURE_FIELDS) if name in data]
    partial = present and any(name not in data for name in REVIEW_FIELDS)
    if (info.kind == "general" or info.is_draft) and partial:
        missing = [name for name in REVIEW_FIELDS if name not in data]
        problems.append(
            Problem(
                at(present[0]),
                render("review-fields-partial", present=", ".join(present), missing=", ".join(missing)),
            )
        )

    if "reviewed_by" in data:
        reviewer = data["reviewed_by"]
        if isinstance(reviewer, str) and reviewer in clinician_ids:
            info.reviewed_by = reviewer
        elif not isinstance(reviewer, str) or not reviewer.strip():
            problems.append(_invalid("reviewed_by", reviewer, at("reviewed_by")))
        else:
            problems.append(
                Problem(
                    at("reviewed_by"),
                    render(
                        "reviewer-unknown",
                        value=_show(reviewer),
                        hint=did_you_mean(reviewer, clinician_ids),
                        known=", ".join(clinician_ids) or "(none)",
                        first=clinician_ids[0] if clinician_ids else "clinician-a",
                    ),
                )
            )

    for name in ("last_reviewed", "next_review"):
        if name in data:
            day = parse_date(data[name])
            if day is None:
                problems.append(_invalid(name, data[name], at(name)))
            setattr(info, name, day)
    last, nxt = info.last_reviewed, info.next_review
    if last and last > today:
        problems.append(
            Problem(
                at("last_reviewed"),
                render("last-reviewed-future", value=last.isoformat(), today=today.isoformat()),
            )
        )
    if last and nxt:
        if nxt <= last:
            problems.append(
                Problem(
                    at("next_review"),
                    render(
                        "next-review-order",
                        next=nxt.isoformat(),
                        last=last.isoformat(),
                        suggested=add_years(last, 1).isoformat(),
                    ),
                )
            )
            info.next_review = None
        elif nxt > add_years(last, MAX_REVIEW_YEARS):
            problems.append(
                Problem(
                    at("next_review"),
                    render(
                        "next-review-too-late",
                        next=nxt.isoformat(),
                        last=last.isoformat(),
                        latest=add_years(last, MAX_REVIEW_YEARS).isoformat(),
                        suggested=add_years(last, 1).isoformat(),
                    ),
                )
            )
            info.next_review = None

    if "review_fingerprint" in data:
        value = data["review_fingerprint"]
        if isinstance(value, str) and FINGERPRINT.fullmatch(value.strip()):
            info.review_fingerprint = value.strip()
        else:
            problems.append(_invalid("review_fingerprint", value, at("review_fingerprint")))

    if "signed_by" in data:
        value = data["signed_by"]
        if isinstance(value, str) and value.strip():
            info.signed_by = " ".join(value.split())
        else:
            problems.append(_invalid("signed_by", value, at("signed_by")))
    if "example_review" in data:
        if isinstance(data["example_review"], bool):
            info.example_review = data["example_review"]
        else:
            problems.append(_invalid("example_review", data["example_review"], at("example_review")))

    if "related" in data:
        related = data["related"]
        if related is None:
            related = []
        if isinstance(related, str):
            related = [related]
        if not isinstance(related, list):
            problems.append(_invalid("related", data["related"], at("related")))
        else:
            good = []
            for item in related:
                if not isinstance(item, str) or not item.strip():
                    problems.append(_invalid("related", item, at("related")))
                elif clean_docname(item) != item:
                    problems.append(
                        Problem(
                            at("related"),
                            render(
                                "related-not-docname",
                                value=_show(item),
                                suggested=f"related: [{clean_docname(item)}]",
                            ),
                        )
                    )
                else:
                    good.append(item)
            info.related = tuple(dict.fromkeys(good))
    return info, problems
