"""Load and check the practice's own details from ``practice.yaml``.

The file is the one place staff change the practice's name, phone, clinicians and
so on. This module reads it when the configuration is ready, reports every mistake
with the file and line, and makes the data available to pages (through the
``practice`` role and directives) and to the HTML templates (as ``practice``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util import logging

from ..findings import warn
from ..languages.i18n import N_
from ..messages import Subtype, render
from ..suggestions import did_you_mean
from ..yaml_source import load_with_nodes
from .example_details import ExampleDetail, example_details, example_flag_line, is_example

logger = logging.getLogger(__name__)

REQUIRED_TEXT_FIELDS = (
    "name",
    "tagline",
    "phone",
    "phone_link",
    "email",
    "area",
    "address",
    "hours",
    "booking_url",
)
REQUIRED_CLINICIAN_FIELDS = ("id", "name", "credentials", "role", "about")
# Optional: the clinician's GitHub login. Their approval of a pull request signs off the
# clinical pages it changes, in their name (tools/approval_sign_off.py).
GITHUB_FIELD = "github"
OPTIONAL_CLINICIAN_FIELDS = (GITHUB_FIELD,)


@dataclass(frozen=True)
class Detail:
    """An optional detail of practice.yaml. Pages show it only where the practice gives
    it (``{practice-facts}``, ``{practice-if}``): a missing value shows nothing at all."""

    key: str  # "group.name"
    kind: str = "text"  # "text"; "list" of short texts; "flag" (true or false); "url"
    fact_label: str | None = None  # what a {practice-facts} list calls it (None: not a fact)

    @property
    def translated(self) -> bool:
        """Whether it has a value in each language (a yes-or-no or an address has one)."""
        return self.kind in ("text", "list")


# Every optional detail, once: the validation, the pages, make setup and the Spanish
# details all read this list.
OPTIONAL_DETAILS = (
    Detail("fees.session", fact_label=N_("Fee")),
    Detail("fees.sliding_scale", fact_label=N_("If cost is a worry")),
    Detail("fees.insurance", fact_label=N_("Insurance")),
    Detail("fees.cancellation", fact_label=N_("If you need to cancel")),
    Detail("services.where", fact_label=N_("Where we meet")),
    Detail("services.first_appointment", fact_label=N_("How soon you can start")),
    Detail("services.insurance_plans", fact_label=N_("Medicaid and other plans")),
    Detail("services.ages", fact_label=N_("Who we see")),
    Detail("services.languages", fact_label=N_("Languages")),
    Detail("services.welcome", fact_label=N_("Everyone is welcome")),
    Detail("services.approaches", kind="list", fact_label=N_("Other ways of working we use")),
    # {practice-if} shows its content only when this is true.
    Detail("services.sees_minors", kind="flag"),
    Detail("privacy.notice_url", kind="url"),
)
OPTIONAL_GROUPS: dict[str, tuple[str, ...]] = {}
for _detail in OPTIONAL_DETAILS:
    _group, _name = _detail.key.split(".")
    OPTIONAL_GROUPS[_group] = (*OPTIONAL_GROUPS.get(_group, ()), _name)
LIST_FIELDS = tuple(detail.key for detail in OPTIONAL_DETAILS if detail.kind == "list")
FLAG_FIELDS = tuple(detail.key for detail in OPTIONAL_DETAILS if detail.kind == "flag")
URL_FIELDS = tuple(detail.key for detail in OPTIONAL_DETAILS if detail.kind == "url")
FACT_LABELS = {detail.key: detail.fact_label for detail in OPTIONAL_DETAILS if detail.fact_label}
TOP_LEVEL_FIELDS = (
    "example",
    *REQUIRED_TEXT_FIELDS,
    *OPTIONAL_GROUPS,
    "clinicians",
    "es",
)  # es: the Spanish values (translated_data.py checks them)
CLINICIAN_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# GitHub's rules for a login: 1 to 39 letters, digits and single hyphens, neither first
# nor last. GitHub ignores capitals in logins, and so does every comparison here.
GITHUB_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
PHONE_LINK = re.compile(r"^\+1\d{10}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def group(data: dict[str, Any], key: str) -> dict[str, Any]:
    """The group of fields at ``key`` (``privacy``, ``fees``, ...), or ``{}`` where it is
    missing or not a group (the validation reports that)."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def phone_digits(phone: str) -> str | None:
    """The ten digits of a US phone number as people write it, or ``None``."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) == 10 and digits[0] not in "01" else None


def phone_link_for(phone: str) -> str | None:
    """The "tap to call" form of ``phone`` (+1 and ten digits), or ``None`` if it is not one."""
    digits = phone_digits(phone)
    return f"+1{digits}" if digits else None


def github_login(clinician: dict[str, Any]) -> str | None:
    """A clinician's GitHub login as practice.yaml gives it (``None`` if not given)."""
    value = clinician.get(GITHUB_FIELD)
    if value is None or isinstance(value, bool) or str(value).strip() == "":
        return None
    return str(value).strip()


def github_login_problem(value: Any) -> str | None:
    """What is wrong with a clinician's ``github:`` value, as the build says it (``make
    setup`` asks again with the same words); ``None`` if it is fine or left empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not GITHUB_LOGIN.match(text):
        return render("practice-clinician-github", value=text)
    return None


def clinician_for_login(data: dict[str, Any], login: str) -> dict[str, Any] | None:
    """The clinician of practice.yaml's ``data`` whose GitHub login is ``login``
    (capitals aside), or ``None``."""
    for clinician in data.get("clinicians") or []:
        if isinstance(clinician, dict):
            own = github_login(clinician)
            if own and own.casefold() == login.strip().casefold():
                return clinician
    return None


def field_problem(name: str, value: Any, data: dict[str, Any] | None = None) -> str | None:
    """What is wrong with one top-level detail, as the build says it (``make setup`` asks
    again with the same words); ``None`` if it is fine."""
    if name in REQUIRED_TEXT_FIELDS and (not isinstance(value, str) or not value.strip()):
        return render("practice-field-missing", field=name, what=name.replace("_", " "))
    if name == "phone" and phone_digits(value) is None:
        return render("practice-phone", value=value)
    if name == "phone_link":
        if not PHONE_LINK.match(value):
            return render("practice-phone-link", value=value)
        phone = (data or {}).get("phone")
        if isinstance(phone, str) and phone_link_for(phone) not in (None, value):
            return render("practice-phone-mismatch", value=value, phone=phone, expected=phone_link_for(phone))
    if name == "email" and not EMAIL.match(value.strip()):
        return render("practice-email", value=value)
    if name == "booking_url" and not value.startswith("https://"):
        return render("practice-booking-url", value=value)
    return None


@dataclass
class PracticeFile:
    """practice.yaml as read: its values, its problems, and its example details."""

    data: dict[str, Any]
    problems: list[tuple[int, str]]
    root: yaml.Node | None = None
    examples: list[ExampleDetail] = field(default_factory=list)

    @property
    def is_example(self) -> bool:
        return is_example(self.data, self.examples)


def load_practice_file(path: Path) -> PracticeFile:
    """Read ``path``: its values, (line, problem) pairs and example details.

    A file that is not valid YAML raises ``ConfigError``: nothing else can be
    checked until it parses.
    """
    try:
        text = path.read_text(encoding="utf-8")
        data, root = load_with_nodes(text)
    except OSError as exc:
        raise ConfigError(render("practice-missing-file", path=path, problem=exc)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(
            render("practice-bad-yaml", where=where, problem=getattr(exc, "problem", exc))
        ) from exc
    if not isinstance(data, dict):
        raise ConfigError(render("practice-not-mapping", path=path))
    return PracticeFile(data, _problems(data, _key_lines(root)), root, example_details(root))


def load_practice_data(path: Path) -> tuple[dict[str, Any], list[tuple[int, str]]]:
    """Read ``path``; return the data and a list of (line, problem) pairs."""
    loaded = load_practice_file(path)
    return loaded.data, loaded.problems


def _key_lines(root: yaml.Node | None) -> dict[str, int]:
    """Map each top-level key, each key of a group as 'group.name', each clinician
    index as 'clinicians[i]' and each of their fields as 'clinicians[i].name', to its line."""
    lines: dict[str, int] = {}
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key, value in root.value:
        lines[key.value] = key.start_mark.line + 1
        if key.value == "clinicians" and isinstance(value, yaml.SequenceNode):
            for index, item in enumerate(value.value):
                lines[f"clinicians[{index}]"] = item.start_mark.line + 1
                if isinstance(item, yaml.MappingNode):
                    for name, _ in item.value:
                        lines[f"clinicians[{index}].{name.value}"] = name.start_mark.line + 1
        elif isinstance(value, yaml.MappingNode):
            for name, _ in value.value:
                lines[f"{key.value}.{name.value}"] = name.start_mark.line + 1
    return lines


def _group_problems(data: dict[str, Any], lines: dict[str, int]) -> list[tuple[int, str]]:
    """Unknown names and wrong kinds of value in the optional groups (fees, services, ...)."""
    problems: list[tuple[int, str]] = []
    for key in data:
        if key not in TOP_LEVEL_FIELDS:
            problems.append(
                (
                    lines.get(str(key), 1),
                    render(
                        "practice-unknown-field",
                        key=key,
                        hint=did_you_mean(str(key), TOP_LEVEL_FIELDS),
                        known=", ".join(TOP_LEVEL_FIELDS),
                    ),
                )
            )
    for group, names in OPTIONAL_GROUPS.items():
        values = data.get(group)
        line = lines.get(group, 1)
        if values is None:
            continue
        if not isinstance(values, dict):
            problems.append((line, render("practice-group-not-mapping", group=group, first=names[0])))
            continue
        for name, value in values.items():
            dotted = f"{group}.{name}"
            line = lines.get(dotted, lines.get(group, 1))
            if name not in names:
                problems.append(
                    (
                        line,
                        render(
                            "practice-detail-unknown",
                            key=dotted,
                            hint=did_you_mean(str(name), names),
                            group=group,
                            known=", ".join(names),
                        ),
                    )
                )
            elif value is None or value == "":
                continue  # left empty on purpose: the pages show nothing for it
            elif dotted in FLAG_FIELDS:
                if not isinstance(value, bool):
                    problems.append(
                        (line, render("practice-detail-not-flag", key=dotted, name=name, value=value))
                    )
            elif dotted in LIST_FIELDS:
                if not (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)):
                    problems.append((line, render("practice-detail-not-list", key=dotted)))
            elif not isinstance(value, str):
                problems.append((line, render("practice-detail-not-text", key=dotted, name=name)))
            elif dotted in URL_FIELDS and not value.startswith("https://"):
                problems.append((line, render("practice-notice-url", key=dotted, value=value)))
    return problems


def _problems(data: dict[str, Any], lines: dict[str, int]) -> list[tuple[int, str]]:
    problems: list[tuple[int, str]] = _group_problems(data, lines)
    for name in REQUIRED_TEXT_FIELDS:
        problem = field_problem(name, data.get(name), data)
        if problem:
            problems.append((lines.get(name, 1), problem))
    if not isinstance(data.get("example"), bool):
        problems.append((lines.get("example", 1), render("practice-example-flag")))
    clinicians = data.get("clinicians")
    if not isinstance(clinicians, list) or not clinicians:
        problems.append((lines.get("clinicians", 1), render("practice-no-clinicians")))
        return problems
    seen: set[str] = set()
    logins: dict[str, str] = {}  # a login, without capitals -> the id of its clinician
    for index, clinician in enumerate(clinicians):
        line = lines.get(f"clinicians[{index}]", lines.get("clinicians", 1))
        if not isinstance(clinician, dict):
            problems.append((line, render("practice-clinician-not-mapping")))
            continue
        for name in REQUIRED_CLINICIAN_FIELDS:
            if not str(clinician.get(name) or "").strip():
                problems.append((line, render("practice-clinician-field", number=index + 1, field=name)))
        cid = str(clinician.get("id") or "")
        if cid and not CLINICIAN_ID.match(cid):
            problems.append((line, render("practice-clinician-id", value=cid)))
        if cid in seen:
            problems.append((line, render("practice-clinician-id-twice", value=cid)))
        seen.add(cid)
        github_line = lines.get(f"clinicians[{index}].{GITHUB_FIELD}", line)
        problem = github_login_problem(clinician.get(GITHUB_FIELD))
        login = github_login(clinician)
        if problem:
            problems.append((github_line, problem))
        elif login and login.casefold() in logins:
            problems.append(
                (
                    github_line,
                    render(
                        "practice-clinician-github-twice",
                        value=login,
                        first=logins[login.casefold()],
                        cid=cid or f"clinician {index + 1}",
                    ),
                )
            )
        elif login:
            logins[login.casefold()] = cid or f"clinician {index + 1}"
    return problems


def clinician_by_id(config: Config) -> dict[str, dict[str, Any]]:
    return {str(c["id"]): c for c in config.practice.get("clinicians", []) if isinstance(c, dict)}


def signature(person: dict[str, Any]) -> str:
    """Who a clinician is, as a sign-off records them: "Name, credentials"."""
    return f"{person.get('name', '')}, {person.get('credentials', '')}"


def on_config_inited(app: Sphinx, config: Config) -> None:
    path = Path(app.confdir, config.practice_data_file)
    loaded = load_practice_file(path)
    data = loaded.data
    for line, problem in loaded.problems:
        warn(Subtype.data, problem, f"{path}:{line}")
    if config.practice_build_for == "production":
        # The public site never shows an example value (example_details.py).
        if data.get("example") is not False:
            warn(
                Subtype.example_details, render("example-flag-on"), f"{path}:{example_flag_line(loaded.root)}"
            )
        for detail in loaded.examples:
            warn(
                Subtype.example_details,
                render("example-detail", key=detail.key, value=detail.value, reason=detail.reason),
                f"{path}:{detail.line}",
            )
    config.practice = data
    # Before the Spanish values replace the English ones: sign-offs record the English.
    config.practice_signatures = {cid: signature(person) for cid, person in clinician_by_id(config).items()}
    config.practice_is_example = loaded.is_example
    config.project = data.get("name", config.project)
    config.html_title = data.get("name", config.html_title)
    config.html_context = {**config.html_context, "practice": data, "practice_is_example": loaded.is_example}


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_data_file", "practice.yaml", "env", types=[str])
    app.add_config_value("practice", {}, "env", types=[dict])
    # Set from practice.yaml: each clinician's "Name, credentials" (English), and
    # whether any detail is still an example.
    app.add_config_value("practice_signatures", {}, "env", types=[dict])
    app.add_config_value("practice_is_example", True, "env", types=[bool])
    app.connect("config-inited", on_config_inited)
