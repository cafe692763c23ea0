"""Directives: catalogues of what central documents require, as editable YAML files.

One file per central document under ``kehoach_lib/data/directives/`` (``nq66.yaml``,
``qd933.yaml``); :func:`validate_directive` states the schema, and every requirement must
name its source.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import yaml

from . import config

DIRECTIVES_DIR = config.DATA_DIR / "directives"
GROUPS = (
    "business_conditions", "business_procedures", "internal_procedures", "boundary_independent",
    "online_services", "digitisation", "decentralisation", "reporting", "data_sharing", "other",
)
KINDS = ("objective", "task")
REQUIREMENT_COLUMNS = ["directive", "requirement_id", "kind", "year", "group", "text", "targets",
                       "deadline", "source"]
_TOP_KEYS = {"directive", "number", "title", "issuer", "date", "requirements"}
_REQ_KEYS = {"id", "kind", "group", "text", "source"}
_TARGET_KEYS = {"value", "unit"}
#: ... and what it may also say: "ít nhất" and what it is of.
_TARGET_OPTIONAL = {"qualifier", "of"}


class DirectiveError(ValueError):
    """A catalogue file that does not follow the schema."""


def list_directives(directory: Path = DIRECTIVES_DIR) -> list[str]:
    """Names of the catalogues available (file stems)."""
    return sorted(p.stem for p in Path(directory).glob("*.yaml"))


def _read(name_or_path: str | Path) -> tuple[dict, Path]:
    path = Path(name_or_path)
    if not path.suffix:
        path = DIRECTIVES_DIR / f"{name_or_path}.yaml"
    if not path.exists():
        raise DirectiveError(f"no directive catalogue {path} (available: {', '.join(list_directives())})")
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}, path


def validate_directive(data: dict) -> list[str]:
    """Problems with a catalogue (empty when it follows the schema).

    Top level: ``directive, number, title, issuer, date, requirements``. Each requirement:
    ``id`` (unique, prefixed by the directive), ``kind`` (objective|task), ``group`` (one of
    :data:`GROUPS`), ``text``, ``source`` (non-empty); optional ``year``, ``deadline``
    (a date), ``targets`` (a list of ``{value, unit, qualifier?, of?}``), ``must`` (groups
    of words; a task carries the requirement only if it uses a word of every group) and
    ``unless`` (phrases whose words do not count for ``must``: "theo phân cấp ngân sách" is
    about budgets, not about decentralising procedures).
    """
    problems = [f"missing top-level key {k!r}" for k in sorted(_TOP_KEYS - set(data))]
    seen = set()
    for i, req in enumerate(data.get("requirements") or []):
        where = f"requirement {i} ({req.get('id', '?')})"
        problems += [f"{where}: missing {k!r}" for k in sorted(_REQ_KEYS - set(req))]
        rid = str(req.get("id", ""))
        if rid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(rid)
        if not rid.startswith(f"{data.get('directive')}."):
            problems.append(f"{where}: id must start with '{data.get('directive')}.'")
        if req.get("kind") not in KINDS:
            problems.append(f"{where}: kind must be one of {KINDS}")
        if req.get("group") not in GROUPS:
            problems.append(f"{where}: unknown group {req.get('group')!r}")
        if not str(req.get("source", "")).strip():
            problems.append(f"{where}: empty source")
        if "deadline" in req and not isinstance(req["deadline"], dt.date):
            problems.append(f"{where}: deadline must be a date (YYYY-MM-DD)")
        must = req.get("must", [])
        if not isinstance(must, list) or not all(
                isinstance(g, list) and g and all(isinstance(w, str) and w.strip() for w in g) for g in must):
            problems.append(f"{where}: must is a list of non-empty lists of words")
        unless = req.get("unless", [])
        if not isinstance(unless, list) or not all(isinstance(w, str) and w.strip() for w in unless):
            problems.append(f"{where}: unless is a list of phrases")
        for t in req.get("targets") or []:
            if not isinstance(t, dict) or _TARGET_KEYS - set(t):
                problems.append(f"{where}: a target needs {sorted(_TARGET_KEYS)}")
            elif unknown := sorted(set(t) - _TARGET_KEYS - _TARGET_OPTIONAL):
                # ({of: a, b} in YAML is {of: a, b: null}: a comma in an unquoted value cuts it)
                problems.append(f"{where}: a target has unknown keys {unknown} (quote a value that holds a "
                                f"comma: of: \"{t.get('of', '')}, {unknown[0]}\")")
            elif not isinstance(t["value"], int | float):
                problems.append(f"{where}: target value must be a number")
    if not data.get("requirements"):
        problems.append("no requirements")
    return problems


@config.reread_on_change
def _load(path: Path) -> dict:
    data, _ = _read(path)
    problems = validate_directive(data)
    if problems:
        raise DirectiveError(f"{path}: " + "; ".join(problems))
    return data


def directive_info(name: str) -> dict:
    """Number, title, issuer and date of a catalogue, and its ``caveat`` (what a reader of its
    coverage should know, by language: ``{"en": …, "vi": …}``; empty when it states none)."""
    _, path = _read(name)
    data = _load(path)
    caveat = data.get("caveat") or {}
    return {**{k: data[k] for k in ("directive", "number", "title", "issuer", "date")},
            "caveat": dict(caveat) if isinstance(caveat, dict) else {"en": str(caveat)}}


def format_targets(targets) -> str:
    """``ít nhất 30% (điều kiện …); 100% (…)``."""
    parts = []
    for t in targets or []:
        value = int(t["value"]) if float(t["value"]).is_integer() else t["value"]
        head = f"{t.get('qualifier', '')} {value}{t['unit']}".strip()
        parts.append(f"{head} ({t['of']})" if t.get("of") else head)
    return "; ".join(parts)


def load_directive(name: str) -> pd.DataFrame:
    """The requirements of a catalogue, one row each (columns :data:`REQUIREMENT_COLUMNS`)."""
    _, path = _read(name)
    data = _load(path)
    rows = []
    for req in data["requirements"]:
        deadline = req.get("deadline")
        rows.append({
            "directive": data["directive"], "requirement_id": req["id"], "kind": req["kind"],
            "year": req.get("year"), "group": req["group"], "text": req["text"].strip(),
            "targets": format_targets(req.get("targets")),
            "deadline": deadline.isoformat() if deadline else "", "source": req["source"],
            "_targets": req.get("targets") or [],
            "_must": [[str(w) for w in group] for group in req.get("must") or []],
            "_unless": [str(w) for w in req.get("unless") or []],
        })
    return pd.DataFrame(rows)
