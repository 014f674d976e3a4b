"""The practice's details in Spanish: the ``es:`` group of ``practice.yaml``.

Spanish pages show the practice's details ({practice} roles, {practice-facts}, the
footer, the clinicians) from the same file, in Spanish::

    es:
      tagline: Terapia compasiva para la adicción ...
      hours: De lunes a viernes, de 9 am a 6 pm. ...
      fees:
        session: "$000 (ejemplo) por una sesión de 50 minutos"
      services:
        approaches:
          - "Entrevista motivacional: ..."
      clinicians:
        clinician-a:
          role: Terapeuta; dirige el equipo clínico (ejemplo)

Every build checks the group (an unknown name or a wrong kind of value names the file
and the line). The Spanish build also needs a Spanish value for every text the pages
show (``practice-es-missing``: no half-English pages), and puts the Spanish values in
place of the English ones for every page and template. Numbers, addresses of web pages
and the email stay as they are: they are the same in both languages.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from sphinx.application import Sphinx
from sphinx.config import Config

from .. import findings, priorities
from .i18n import is_translation
from ..messages import Subtype, render
from ..data.practice_data import LIST_FIELDS, OPTIONAL_DETAILS
from ..data.practice_data import group as group_of
from ..yaml_source import load_with_nodes
from ..suggestions import did_you_mean

GROUP = "es"
# Texts the pages show that need a Spanish value (when the English one is given).
REQUIRED = ("tagline", "area", "hours")
# Texts that may have one (without it, the English value is shown: a name, an address).
OPTIONAL = ("name", "short_name", "address")
# A yes-or-no or a web address is the same in every language: no Spanish value.
TRANSLATED_GROUPS: dict[str, tuple[str, ...]] = {}
for _detail in OPTIONAL_DETAILS:
    if _detail.translated:
        _group, _name = _detail.key.split(".")
        TRANSLATED_GROUPS[_group] = (*TRANSLATED_GROUPS.get(_group, ()), _name)
CLINICIAN_FIELDS = ("credentials", "role", "about")


def known_keys() -> list[str]:
    keys = [*REQUIRED, *OPTIONAL]
    keys += [f"{group}.{name}" for group, names in TRANSLATED_GROUPS.items() for name in names]
    keys += [f"clinicians.<id>.{field}" for field in CLINICIAN_FIELDS]
    return keys


def _lines(root: yaml.Node | None, path: tuple[str, ...] = ()) -> dict[str, int]:
    """The line of every key under ``root``, as dotted names."""
    found: dict[str, int] = {}
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            name = ".".join([*path, str(key.value)])
            found[name] = key.start_mark.line + 1
            found.update(_lines(value, (*path, str(key.value))))
    return found


def _given(value: Any) -> bool:
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def _is_text(dotted: str, value: Any) -> bool:
    if dotted in LIST_FIELDS:
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    return isinstance(value, str)


def problems(data: dict[str, Any], lines: dict[str, int], translation: bool) -> list[tuple[int, str]]:
    """(line, message) for each mistake in the ``es:`` group; with ``translation``, also
    each shown text that has no Spanish value."""
    found: list[tuple[int, str]] = []
    spanish = data.get(GROUP)
    if spanish is None:
        spanish = {}
    here = lines.get(GROUP, 1)
    if not isinstance(spanish, dict):
        return [
            (
                here,
                render(
                    "practice-es-not-text",
                    key=GROUP,
                    kind="a group of 'name: text' lines, indented under 'es:'",
                ),
            )
        ]
    known = known_keys()

    def unknown(key: str, line: int, choices: list[str]) -> None:
        found.append(
            (
                line,
                render(
                    "practice-es-unknown", key=key, hint=did_you_mean(key, choices), known=", ".join(known)
                ),
            )
        )

    for key, value in spanish.items():
        key = str(key)
        line = lines.get(f"{GROUP}.{key}", here)
        if key in TRANSLATED_GROUPS:
            if not isinstance(value, dict):
                found.append(
                    (
                        line,
                        render(
                            "practice-es-not-text",
                            key=key,
                            kind=f"a group of 'name: text' lines, like '{key}:' above",
                        ),
                    )
                )
                continue
            for name, text in value.items():
                dotted = f"{key}.{name}"
                spot = lines.get(f"{GROUP}.{dotted}", line)
                if name not in TRANSLATED_GROUPS[key]:
                    unknown(dotted, spot, [f"{key}.{n}" for n in TRANSLATED_GROUPS[key]])
                elif _given(text) and not _is_text(dotted, text):
                    found.append(
                        (
                            spot,
                            render(
                                "practice-es-not-text",
                                key=dotted,
                                kind="a list of short texts" if dotted in LIST_FIELDS else "text (in quotes)",
                            ),
                        )
                    )
        elif key == "clinicians":
            ids = {str(c.get("id")) for c in data.get("clinicians") or [] if isinstance(c, dict)}
            if not isinstance(value, dict):
                found.append(
                    (
                        line,
                        render(
                            "practice-es-not-text",
                            key=key,
                            kind="a group with each clinician's id, and under it credentials, role and about",
                        ),
                    )
                )
                continue
            for cid, fields in value.items():
                spot = lines.get(f"{GROUP}.clinicians.{cid}", line)
                if str(cid) not in ids:
                    unknown(f"clinicians.{cid}", spot, [f"clinicians.{i}" for i in sorted(ids)])
                    continue
                for field, text in (fields or {}).items() if isinstance(fields, dict) else ():
                    if field not in CLINICIAN_FIELDS:
                        unknown(
                            f"clinicians.{cid}.{field}",
                            lines.get(f"{GROUP}.clinicians.{cid}.{field}", spot),
                            [f"clinicians.{cid}.{f}" for f in CLINICIAN_FIELDS],
                        )
                    elif not isinstance(text, str):
                        found.append(
                            (
                                spot,
                                render("practice-es-not-text", key=f"clinicians.{cid}.{field}", kind="text"),
                            )
                        )
        elif key in (*REQUIRED, *OPTIONAL):
            if not isinstance(value, str):
                found.append((line, render("practice-es-not-text", key=key, kind="text")))
        else:
            unknown(key, line, [*REQUIRED, *OPTIONAL, *TRANSLATED_GROUPS, "clinicians"])
    if translation:
        found += _missing(data, spanish, here)
    return found


def _missing(data: dict[str, Any], spanish: dict[str, Any], line: int) -> list[tuple[int, str]]:
    found = []

    def need(key: str, english: Any, value: Any) -> None:
        if _given(english) and not _given(value):
            example = (
                f"'  {key.rsplit('.', 1)[-1]}: ...' under '{GROUP}:'"
                if "." not in key
                else f"'    {key.rsplit('.', 1)[-1]}: ...' under '{key.rsplit('.', 1)[0]}:' in '{GROUP}:'"
            )
            found.append((line, render("practice-es-missing", key=key, example=example)))

    for key in REQUIRED:
        need(key, data.get(key), spanish.get(key))
    for group, names in TRANSLATED_GROUPS.items():
        english = group_of(data, group)
        ours = group_of(spanish, group)
        for name in names:
            need(f"{group}.{name}", english.get(name), ours.get(name))
    ours = group_of(spanish, "clinicians")
    for clinician in data.get("clinicians") or []:
        if not isinstance(clinician, dict):
            continue
        cid = str(clinician.get("id"))
        fields = group_of(ours, cid)
        for field in CLINICIAN_FIELDS:
            need(f"clinicians.{cid}.{field}", clinician.get(field), fields.get(field))
    return found


def in_spanish(data: dict[str, Any]) -> dict[str, Any]:
    """The practice's details with the Spanish values in place of the English ones."""
    spanish = data.get(GROUP)
    result = copy.deepcopy(data)
    if not isinstance(spanish, dict):
        return result
    for key in (*REQUIRED, *OPTIONAL):
        if _given(spanish.get(key)) and isinstance(spanish[key], str):
            result[key] = spanish[key]
    for group in TRANSLATED_GROUPS:
        values = spanish.get(group)
        if isinstance(values, dict) and isinstance(result.get(group), dict):
            result[group].update({name: text for name, text in values.items() if _given(text)})
    clinicians = spanish.get("clinicians")
    if isinstance(clinicians, dict):
        for clinician in result.get("clinicians") or []:
            fields = clinicians.get(str(clinician.get("id")))
            if isinstance(clinician, dict) and isinstance(fields, dict):
                clinician.update({f: t for f, t in fields.items() if f in CLINICIAN_FIELDS and _given(t)})
    return result


def on_config_inited(app: Sphinx, config: Config) -> None:
    path = Path(app.confdir, config.practice_data_file)
    data = config.practice
    if not isinstance(data, dict) or GROUP not in data:
        found = [] if not is_translation(config) else problems(data or {}, {}, True)
        lines: dict[str, int] = {}
    else:
        try:
            _values, root = load_with_nodes(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            root = None  # practice_data has said so already
        lines = _lines(root)
        found = problems(data, lines, is_translation(config))
    for line, message in found:
        findings.warn(Subtype.translation, message, f"{path}:{line}")
    if is_translation(config) and config.language == GROUP:
        spanish = in_spanish(data)
        config.practice = spanish
        config.html_context = {**config.html_context, "practice": spanish}


def setup(app: Sphinx) -> None:
    # After practice_data (500) has read the file; before the pages are read.
    app.connect("config-inited", on_config_inited, priority=priorities.SPANISH_PRACTICE_DATA)
