"""`make setup`: the practice makes the site its own.

    make setup                      # asks, one detail at a time
    make setup ANSWERS=answers.yaml # takes the answers from a file (tests, a web person)

asks in plain words for the practice's details (name, phone, email, where it sees
clients, address, hours, booking link, fees, services, the Notice of Privacy Practices
address, each clinician's name, credentials, role and a short "about", and, if they
like, their GitHub username for sign-off by approval), and, when the
site has a Spanish version, the same texts in Spanish. Each answer is checked with the
build's own rules (``practice_data.field_problem`` and the build's checks of the whole
file): a bad answer is asked again with the reason; from a file, the first bad answer
stops it with the reason and nothing is written. The "tap to call" form of the phone
number is worked out, never asked.

Run again, it shows each current value as the default (Enter keeps it; "-" leaves an
optional detail empty, so the pages show nothing for it). It writes practice.yaml
keeping its comments and order (ruamel.yaml), and sets ``example: false`` only when no
example value is left (``example_details``); otherwise it lists what is left.

An answers file has practice.yaml's shape, with only the details to change::

    name: Riverside Counseling
    phone: (503) 555-0142
    fees:
      session: "$150 for a 50-minute session"
    clinicians:
      - id: clinician-a          # an existing clinician (keeps their sign-offs' id)
        name: Dana Rivera
        credentials: LCSW
      - name: Sam Lee            # a new one (the id is made from the name)
        credentials: LPC
        role: Therapist
        about: Sam works with families.
    es:
      tagline: ...
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString
from sphinx.errors import ConfigError

from practice.data.practice_data import (
    CLINICIAN_ID,
    FLAG_FIELDS,
    GITHUB_FIELD,
    LIST_FIELDS,
    REQUIRED_CLINICIAN_FIELDS,
    field_problem,
    github_login_problem,
    load_practice_file,
    phone_link_for,
)
from practice.languages import translated_data
from practice.languages.translation import site_languages_in
from practice.suggestions import did_you_mean

KEEP_EMPTY = "-"
YES_NO = {"yes": True, "y": True, "sí": True, "si": True, "no": False, "n": False}


class Refusal(Exception):
    """A bad answer, or a file that cannot be used; the message says what and how."""


@dataclass(frozen=True)
class Question:
    key: str  # dotted, as in practice.yaml: "fees.session", "es.area"
    ask: str  # the question, in plain words
    required: bool = True
    is_list: bool = False
    is_flag: bool = False  # a yes-or-no detail (practice_data.FLAG_FIELDS)


TOP = [
    Question("name", "The practice's name, as clients should see it"),
    Question("tagline", "One short line under the name: what the practice offers"),
    Question(
        "phone", "The phone number clients call, written as they should read it, for example (503) 555-0100"
    ),
    Question("email", "The email address for questions, for example hello@yourpractice.com"),
    Question("area", "Where you see clients: the town and state, in person and online"),
    Question("address", "The office address"),
    Question("hours", "Your hours, and how soon you answer messages"),
    Question("booking_url", "The web address where clients book a first call (https://...)"),
]
GROUPS = {
    "fees": {
        "session": "The fee for one session, for example $150 for a 50-minute session",
        "sliding_scale": "Reduced fees, if you offer them",
        "insurance": "Insurance: in-network or not, and superbills",
        "cancellation": "Your cancellation policy",
    },
    "services": {
        "where": "Where sessions happen: in person where, online where",
        "first_appointment": "How soon a new client can usually be seen",
        "insurance_plans": "Plans you take or do not take (Medicaid, Medicare, ...)",
        "ages": "Who you see: adults only, or teens and children too",
        "sees_minors": "Do you see clients under 18? (yes or no)",
        "languages": "The languages sessions can be in",
        "welcome": "Who is welcome (one or two sentences)",
        "approaches": "Ways of working beside IFS, one per line",
    },
    "privacy": {
        "notice_url": "The web address of your Notice of Privacy Practices (https://...), if you have one",
    },
}
CLINICIAN_QUESTIONS = {
    "name": "Their name",
    "credentials": "Their credentials, for example LCSW",
    "role": "Their role, for example Therapist",
    "about": 'A short, plain "about": their training and who they work with',
}
# Optional: their approval of a pull request on GitHub signs its pages off in their name.
GITHUB_QUESTION = "Their GitHub username, if they approve changes on GitHub (without the @)"
SPANISH_CLINICIAN = {
    "credentials": "Sus credenciales",
    "role": "Su función",
    "about": "Su presentación breve",
}


def group_questions() -> list[Question]:
    questions = []
    for group, names in GROUPS.items():
        for name, ask in names.items():
            key = f"{group}.{name}"
            questions.append(
                Question(key, ask, required=False, is_list=key in LIST_FIELDS, is_flag=key in FLAG_FIELDS)
            )
    return questions


def spanish_questions() -> list[Question]:
    """The texts the Spanish pages show (translated_data: what the Spanish build needs)."""
    english = {q.key: q.ask for q in [*TOP, *group_questions()]}
    questions = [Question(f"es.{key}", f"In Spanish: {english[key]}") for key in translated_data.REQUIRED]
    for group, names in translated_data.TRANSLATED_GROUPS.items():
        for name in names:
            key = f"{group}.{name}"
            questions.append(
                Question(
                    f"es.{key}", f"In Spanish: {english[key]}", required=False, is_list=key in LIST_FIELDS
                )
            )
    return questions


# -- checking one answer, as the build does ----------------------------------------------


def check(key: str, value: Any, data: dict[str, Any]) -> str | None:
    """The build's word on one answer, or ``None`` if it is fine."""
    name = key.rsplit(".", 1)[-1]
    if key == f"clinicians.{GITHUB_FIELD}":
        return github_login_problem(value)
    if key in {q.key for q in TOP}:
        return field_problem(name, value, data)
    if key == "privacy.notice_url" and value and not str(value).startswith("https://"):
        return f"'{key}' is {value!r}; it must be a full web address starting with https://, or left empty."
    if key in FLAG_FIELDS:
        return (
            None if value is None or isinstance(value, bool) else f"'{key}' is {value!r}; answer yes or no."
        )
    if isinstance(value, list):
        if not all(isinstance(item, str) and item.strip() for item in value):
            return f"'{key}' must be a list of short texts."
    elif value is not None and not isinstance(value, str):
        return f"'{key}' must be text."
    return None


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "clinician"


# -- reading practice.yaml and the answers ------------------------------------------------


def round_trip() -> YAML:
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096  # long lines stay on one line, as staff wrote them
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def get(data: Any, key: str) -> Any:
    for part in key.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def put(doc: CommentedMap, key: str, value: Any) -> None:
    """Set ``key`` (dotted) in the round-trip document, keeping the old value's style."""
    *groups, name = key.split(".")
    node = doc
    for part in groups:
        if not isinstance(node.get(part), dict):
            node[part] = CommentedMap()
        node = node[part]
    old = node.get(name)
    if isinstance(value, list):
        if isinstance(old, CommentedSeq):
            replace_items(old, value)
        else:
            node[name] = CommentedSeq(value)
    elif isinstance(old, ScalarString) and value:
        node[name] = type(old)(value)
    else:
        node[name] = value if value is not None else ""


def replace_items(seq: CommentedSeq, values: list[str]) -> None:
    """Put ``values`` in ``seq``, in the old items' quoting, keeping the comment that
    follows the last item (ruamel keeps it with that item)."""
    style = type(seq[0]) if seq and isinstance(seq[0], ScalarString) else None
    trailing = seq.ca.items.pop(len(seq) - 1, None) if seq else None
    seq.ca.items.clear()
    seq[:] = [style(value) if style else value for value in values]
    if trailing is not None and seq:
        seq.ca.items[len(seq) - 1] = trailing


def known_answer_keys(has_spanish: bool) -> list[str]:
    keys = [q.key for q in [*TOP, *group_questions()]]
    if has_spanish:
        keys += [q.key for q in spanish_questions()]
        keys += [f"es.clinicians.<id>.{field}" for field in SPANISH_CLINICIAN]
    return keys


def flatten(answers: dict[str, Any], has_spanish: bool) -> tuple[dict[str, Any], list[dict], dict]:
    """The answers file as (dotted key -> value, clinicians, Spanish clinicians); refuses
    unknown fields."""
    known = known_answer_keys(has_spanish)
    flat: dict[str, Any] = {}
    clinicians: list[dict] = []
    spanish_clinicians: dict = {}
    worked_out = {
        "phone_link": "the \"tap to call\" form is worked out from 'phone'",
        "example": "setup sets it itself, when no example value is left",
    }

    def refuse_unknown(key: str) -> None:
        if key.split(".")[-1] in worked_out:
            raise Refusal(f"'{key}' is not asked: {worked_out[key.split('.')[-1]]}. Leave it out.")
        raise Refusal(
            f"'{key}' is not a detail setup asks for{did_you_mean(key, known)}. "
            f"The details are: {', '.join(known)}, and clinicians."
        )

    def walk(value: Any, prefix: str) -> None:
        for name, item in value.items():
            key = f"{prefix}{name}"
            if key == "clinicians":
                if not isinstance(item, list) or not all(isinstance(c, dict) for c in item):
                    raise Refusal("'clinicians' must be a list, each starting with '- name: ...'.")
                clinicians.extend(item)
            elif key == "es.clinicians" and has_spanish:
                if not isinstance(item, dict):
                    raise Refusal(
                        "'es.clinicians' must list each clinician's id, with "
                        "credentials, role and about under it."
                    )
                spanish_clinicians.update(item)
            elif isinstance(item, dict) and any(k.startswith(f"{key}.") for k in known):
                walk(item, f"{key}.")
            elif key in known:
                flat[key] = item
            else:
                refuse_unknown(key)

    walk(answers, "")
    for clinician in clinicians:
        for field in clinician:
            if field not in ("id", *CLINICIAN_QUESTIONS, GITHUB_FIELD):
                raise Refusal(
                    f"'{field}' is not something setup records for a clinician"
                    f"{did_you_mean(str(field), ('id', *CLINICIAN_QUESTIONS, GITHUB_FIELD))}. Give: "
                    f"id (for a clinician already listed), {', '.join(CLINICIAN_QUESTIONS)}, "
                    f"and, if they like, {GITHUB_FIELD}."
                )
    return flat, clinicians, spanish_clinicians


# -- asking ---------------------------------------------------------------------------------


class Asker:
    """Asks on the terminal; an answer the build would refuse is asked again."""

    def __init__(self, read: Callable[[str], str] = input, write: Callable[[str], None] = print):
        self.read, self.write = read, write

    def ask(self, question: Question, current: Any, data: dict[str, Any]) -> Any:
        while True:
            if question.is_flag:
                shown = {True: "yes", False: "no"}.get(current, "")
            else:
                shown = "; ".join(current) if isinstance(current, list) else (current or "")
            hint = f" [{shown}]" if shown else ""
            if question.is_list:
                hint += " (separate them with ';')"
            try:
                answer = self.read(f"{question.ask}{hint}: ").strip()
            except EOFError:
                raise Refusal("setup stopped before the last question.") from None
            if not answer:
                value = current
            elif answer == KEEP_EMPTY and not question.required:
                value = [] if question.is_list else ""
            elif question.is_flag:
                value = YES_NO.get(answer.lower(), answer)
            elif question.is_list:
                value = [part.strip() for part in answer.split(";") if part.strip()]
            else:
                value = answer
            if question.required and not value:
                self.write("  This one is needed; please give it.")
                continue
            problem = check(question.key, value, {**data, question.key: value})
            if problem:
                self.write(f"  {problem}")
                continue
            return value


# -- setup ----------------------------------------------------------------------------------


@dataclass
class Plan:
    values: dict[str, Any]  # dotted key -> new value
    clinicians: list[dict[str, Any]]  # each: id and the fields to set
    spanish_clinicians: dict[str, dict[str, Any]]


def clinician_id(clinician: dict[str, Any], taken: set[str]) -> str:
    cid = str(clinician.get("id") or slug(str(clinician.get("name", ""))))
    if not CLINICIAN_ID.match(cid):
        raise Refusal(
            f"clinician id {cid!r} must use only lower-case letters, digits and "
            "dashes, for example 'dana-rivera'."
        )
    while cid in taken and not clinician.get("id"):
        cid += "-2"
    return cid


def plan_from_answers(path: Path, data: dict[str, Any], has_spanish: bool) -> Plan:
    try:
        answers = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise Refusal(f"cannot read the answers file {path} ({exc}).") from exc
    except yaml.YAMLError as exc:
        raise Refusal(f"{path} is not valid YAML ({exc}).") from exc
    if not isinstance(answers, dict):
        raise Refusal(f"{path} must have practice.yaml's shape: 'name: value' lines.")
    flat, clinicians, spanish_clinicians = flatten(answers, has_spanish)
    merged = dict(data)
    for key, value in flat.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if key in {q.key for q in TOP} and key.split(".")[-1] == "phone":
            merged["phone_link"] = phone_link_for(str(value)) or ""
        merged[key] = value
        problem = check(key, value, merged)
        if problem:
            raise Refusal(f"{path}: {problem}")
        flat[key] = value
    existing = {str(c.get("id")): c for c in data.get("clinicians") or [] if isinstance(c, dict)}
    taken = set(existing)
    planned = []
    for clinician in clinicians:
        cid = clinician_id(clinician, taken)
        taken.add(cid)
        fields = {k: str(v) for k, v in clinician.items() if k != "id" and v is not None}
        problem = check(f"clinicians.{GITHUB_FIELD}", clinician.get(GITHUB_FIELD), data)
        if problem:
            raise Refusal(f"{path}: {fields.get('name') or cid}: {problem}")
        if cid not in existing:
            missing = [f for f in REQUIRED_CLINICIAN_FIELDS if f != "id" and not fields.get(f)]
            if missing:
                raise Refusal(
                    f"{path}: the new clinician {fields.get('name') or cid!r} needs {', '.join(missing)}."
                )
        planned.append({"id": cid, **fields})
    known_ids = taken
    for cid in spanish_clinicians:
        if str(cid) not in known_ids:
            raise Refusal(
                f"{path}: es.clinicians names {cid!r}, who is not a clinician"
                f"{did_you_mean(str(cid), known_ids)}."
            )
        fields = spanish_clinicians[cid]
        if not isinstance(fields, dict) or any(f not in SPANISH_CLINICIAN for f in fields):
            raise Refusal(f"{path}: under es.clinicians.{cid} give only: {', '.join(SPANISH_CLINICIAN)}.")
    return Plan(flat, planned, {str(k): v for k, v in spanish_clinicians.items()})


def ask_github(asker: Asker, current: Any, data: dict[str, Any]) -> Any:
    """A clinician's GitHub username (optional), checked by GitHub's rules."""
    return asker.ask(Question(f"clinicians.{GITHUB_FIELD}", GITHUB_QUESTION, required=False), current, data)


def plan_by_asking(asker: Asker, data: dict[str, Any], has_spanish: bool) -> Plan:
    asker.write(
        "The practice's details. Press Enter to keep the value in [brackets]; "
        f"type {KEEP_EMPTY} to leave an optional detail out.\n"
    )
    merged = dict(data)
    values: dict[str, Any] = {}
    for question in [*TOP, *group_questions()]:
        value = asker.ask(question, get(data, question.key), merged)
        values[question.key] = merged[question.key] = value
        if question.key == "phone":
            merged["phone_link"] = phone_link_for(value)
    clinicians = []
    asker.write("\nThe clinicians (the pages' reviewers).")
    for clinician in [c for c in data.get("clinicians") or [] if isinstance(c, dict)]:
        asker.write(f"\nClinician {clinician.get('id')}:")
        fields = {
            name: asker.ask(Question(f"clinicians.{name}", ask), clinician.get(name), merged)
            for name, ask in CLINICIAN_QUESTIONS.items()
        }
        fields[GITHUB_FIELD] = ask_github(asker, clinician.get(GITHUB_FIELD), merged)
        clinicians.append({"id": clinician.get("id"), **fields})
    taken = {str(c["id"]) for c in clinicians}
    while asker.read("\nAdd another clinician? (y/N): ").strip().lower().startswith("y"):
        fields = {
            name: asker.ask(Question(f"clinicians.{name}", ask), "", merged)
            for name, ask in CLINICIAN_QUESTIONS.items()
        }
        fields[GITHUB_FIELD] = ask_github(asker, None, merged)
        cid = clinician_id(fields, taken)
        taken.add(cid)
        clinicians.append({"id": cid, **fields})
    spanish_clinicians: dict[str, dict[str, Any]] = {}
    if has_spanish:
        asker.write("\nThe same details in Spanish, for the Spanish pages.")
        for question in spanish_questions():
            english = get(values, question.key.removeprefix("es.")) or get(data, question.key[3:])
            if not english:
                continue  # left out in English: nothing to show in Spanish
            values[question.key] = asker.ask(question, get(data, question.key), merged)
        for clinician in clinicians:
            current = get(data, f"es.clinicians.{clinician['id']}") or {}
            spanish_clinicians[str(clinician["id"])] = {
                name: asker.ask(
                    Question(f"es.clinicians.{name}", f"{clinician['name']}: {ask}"),
                    current.get(name),
                    merged,
                )
                for name, ask in SPANISH_CLINICIAN.items()
            }
    return Plan(values, clinicians, spanish_clinicians)


def apply(doc: CommentedMap, plan: Plan) -> None:
    for key, value in plan.values.items():
        put(doc, key, value)
        if key == "phone":
            put(doc, "phone_link", phone_link_for(str(value)))
    listed = doc.setdefault("clinicians", CommentedSeq())
    by_id: dict[str, CommentedMap] = {str(c.get("id")): c for c in listed if isinstance(c, CommentedMap)}
    for clinician in plan.clinicians:
        target = by_id.get(str(clinician["id"]))
        if target is None:
            target = CommentedMap([("id", clinician["id"])])
            listed.append(target)
            by_id[str(clinician["id"])] = target
        for name, value in clinician.items():
            if name == GITHUB_FIELD and name not in target:
                if value:  # a new line, under the id: after the last one, ruamel would put it
                    # after the comments that follow the clinician
                    target.insert(list(target).index("id") + 1 if "id" in target else 0, name, value)
                continue  # optional, and not given: no line for it
            if name != "id":
                put(target, name, value)
    for cid, fields in plan.spanish_clinicians.items():
        for name, value in fields.items():
            put(doc, f"es.clinicians.{cid}.{name}", value)


def render(doc: CommentedMap) -> str:
    out = io.StringIO()
    round_trip().dump(doc, out)
    return out.getvalue()


def build_problems(text: str, path: Path, has_spanish: bool) -> list[str]:
    """What the build would say of the whole file (it is checked before it is written)."""
    scratch = path.with_name(f".{path.name}.setup")
    scratch.write_text(text, encoding="utf-8")
    try:
        loaded = load_practice_file(scratch)
    except ConfigError as exc:
        return [str(exc)]
    finally:
        scratch.unlink(missing_ok=True)
    problems = [f"line {line}: {message}" for line, message in loaded.problems]
    if has_spanish:
        problems += [
            f"line {line}: {message}" for line, message in translated_data.problems(loaded.data, {}, True)
        ]
    return problems


def setup(root: Path, answers: Path | None, asker: Asker | None = None) -> str:
    path = root / "practice.yaml"
    loaded = load_practice_file(path)
    has_spanish = bool(site_languages_in(root))
    plan = (
        plan_from_answers(answers, loaded.data, has_spanish)
        if answers
        else plan_by_asking(asker or Asker(), loaded.data, has_spanish)
    )
    doc = round_trip().load(path.read_text(encoding="utf-8"))
    apply(doc, plan)
    text = render(doc)
    problems = build_problems(text, path, has_spanish)
    if problems:
        raise Refusal("the details would not build:\n  " + "\n  ".join(problems))
    path.write_text(text, encoding="utf-8")
    left = load_practice_file(path).examples
    if not left:
        doc["example"] = False
        path.write_text(render(doc), encoding="utf-8")
        return (
            "practice.yaml now holds the practice's own details, and says example: false.\n"
            "Next: each clinician reads their pages and signs them off (make sign-off, "
            "make sign-off-translation); make launch-check lists what is left."
        )
    listing = "\n".join(f"  practice.yaml:{d.line}: {d.key} ({d.reason})" for d in left)
    return (
        f"practice.yaml is saved. {len(left)} detail(s) are still examples, so it still "
        f"says example: true:\n{listing}\nRun make setup again to fill them in."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="setup", description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=Path, help="a YAML file of answers, in practice.yaml's shape")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        print(setup(args.root, args.answers))
    except (Refusal, ConfigError) as refusal:
        print(f"setup: nothing was changed. {refusal}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
