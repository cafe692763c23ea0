"""Agencies: who leads and who helps, under one name across spellings and the 2025 reorganisation.

``lead`` / ``partners`` fields are split into single agencies (keeping names with commas
such as ``Sở Văn hóa, Thể thao và Du lịch`` or ``Sở, ban, ngành tỉnh`` whole), each mapped
to a canonical name and type through the editable alias table
(``kehoach_lib/data/agency_aliases.csv``). With ``mapped_to_today=True`` the succession table
(``agency_successions.csv``) maps a body to the one that took over its role in 2025.
Written forms that match nothing are kept and reported by :func:`unknown_agencies`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from .text import normalize_tone_marks

ALIASES_FILE = config.DATA_DIR / "agency_aliases.csv"
SUCCESSIONS_FILE = config.DATA_DIR / "agency_successions.csv"
PROVINCES_FILE = config.DATA_DIR / "provinces.csv"
#: Written forms that name no particular body but a group (typed ``collective``).
_COLLECTIVE = re.compile(
    r"liên quan$|được giao|ngành dọc|trực thuộc|có tthc|trực tiếp giải quyết|đầu mối|một cửa một số"
    r"|^công chức|^cán bộ|thực hiện tthc|giải quyết tthc|^các cơ quan|^cơ quan, đơn vị|^đơn vị"
)
_TYPE_RULES = [
    (re.compile(r"^sở "), "department"),
    (re.compile(r"^ubnd (các )?(xã|phường|cấp xã)"), "committee_commune"),
    (re.compile(r"^ubnd (các )?(huyện|cấp huyện)"), "committee_district"),
    (re.compile(r"^(văn phòng|vp) "), "office"),
    (re.compile(r"^(trung tâm|bộ phận)"), "centre"),
    (re.compile(r"^công an"), "police"),
    (re.compile(r"^(báo|đài) "), "media"),
    (re.compile(r"^(bộ|cục|tổng cục) "), "central"),
]
_PAREN = re.compile(r"\(([^()]*)\)")
_HEAD = re.compile(
    r"^(?:các\s+)?(?:sở|văn phòng|vp|ubnd|ủy ban|trung tâm|ban|công an|bộ phận|cơ quan|đơn vị|đài|báo"
    r"|phòng|doanh nghiệp|cục|bộ|chi nhánh|viện|tổ chức|công chức|cán bộ)\b",
    re.IGNORECASE,
)
_SEP = re.compile(r"\s*;\s*|\s*,\s*(?=(?:các\s+)?(?:Sở|Văn phòng|VP|UBND|Trung tâm|Ban|Công an|Bộ phận"
                  r"|Cơ quan|cơ quan|Đài|Báo|Phòng|Doanh nghiệp|Cục|Viện|Chi nhánh)\b|(?:[Cc]ác\s+)?\x00)")
_AND = re.compile(r"\s+và\s+(?=(?:[Cc]ác\s+)?(?:[Ss]ở|[Vv]ăn phòng|VP|UBND|[Tt]rung tâm|Ban|Công an|[Bb]ộ phận"
                  r"|[Cc]ơ quan|[Đđ]ơn vị|Đài|Báo|[Dd]oanh nghiệp|[Tt]ổ chức)\b|(?:[Cc]ác\s+)?\x00)")
#: "Các cơ quan: Công an, Bảo hiểm xã hội, Quân sự" lists bodies after a colon.
_LIST_INTRO = re.compile(r"^(?:các\s+)?(?:cơ quan|sở|đơn vị)\s*:\s*(?=\S)", re.IGNORECASE)

AGENCY_TYPES = ("department", "office", "committee_province", "committee_district",
                "committee_commune", "centre", "police", "media", "enterprise", "central",
                "collective", "other")


@dataclass(frozen=True)
class Agency:
    """One agency mention: as written, canonical name, type, sub-unit, and whether known."""

    written: str
    canonical: str
    type: str
    unit: str = ""
    known: bool = True


def agency_key(text: str) -> str:
    """Comparison key of a written agency name."""
    text = normalize_tone_marks(text).lower()
    text = text.replace("ủy ban nhân dân", "ubnd").replace("&", " và ")
    text = re.sub(r"[.;:\s]+$", "", text.strip(" -–+.;,"))
    text = re.sub(r"^(các|giao)\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _data_rows(path: Path) -> list[dict]:
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=4)
def load_aliases(path: Path = ALIASES_FILE) -> dict[str, tuple[str, str]]:
    """Alias key -> (canonical, type)."""
    out: dict[str, tuple[str, str]] = {}
    for row in _data_rows(path):
        for alias in [row["canonical"], *row["aliases"].split("|")]:
            if alias.strip():
                out.setdefault(agency_key(alias), (row["canonical"], row["type"]))
    return out


@lru_cache(maxsize=4)
def load_successions(path: Path = SUCCESSIONS_FILE) -> dict[str, dict]:
    return {row["old"]: row for row in _data_rows(path)}


@lru_cache(maxsize=4)
def _protected_names(path: Path = ALIASES_FILE) -> tuple[str, ...]:
    """Known names that contain a separator (comma, "và"), longest first."""
    names = set()
    for row in _data_rows(path):
        for alias in [row["canonical"], *row["aliases"].split("|")]:
            if "," in alias or " và " in alias:
                names.add(alias.strip())
    return tuple(sorted(names, key=len, reverse=True))


def split_agencies(field: str) -> list[str]:
    """Single agencies of a ``lead``/``partners`` field, as written (bullets dropped)."""
    if not field or not field.strip():
        return []
    text = re.sub(r"<[^>]+>", " ", field)
    text = re.sub(r"(^|[;,.])\s*-\s*", r"\1 ; ", text)
    holders: dict[str, str] = {}
    # keep parenthesised sub-units and known names with commas whole
    for i, m in enumerate(_PAREN.finditer(text)):
        holders[f"\x00P{i}\x00"] = m.group(0)
    for key, value in holders.items():
        text = text.replace(value, key, 1)
    low = text.lower()
    for j, name in enumerate(_protected_names()):
        start = low.find(name.lower())
        while start >= 0:
            token = f"\x00N{j}_{start}\x00"
            holders[token] = text[start : start + len(name)]
            text = text[:start] + token + text[start + len(name):]
            low = text.lower()
            start = low.find(name.lower())
    parts = []
    for chunk in _SEP.split(text):
        if _LIST_INTRO.match(chunk.strip()) and "," in chunk:
            parts += [p for p in _LIST_INTRO.sub("", chunk.strip()).split(",")]
            continue
        parts += _AND.split(chunk)
    out = []
    for part in parts:
        for key, value in sorted(holders.items(), key=lambda kv: -len(kv[0])):
            part = part.replace(key, value)
        for key, value in holders.items():
            part = part.replace(key, value)
        part = part.strip(" ;,.-–\t")
        if part and part.lower() not in {"và", "các", "..."}:
            out.append(part)
    return out


def resolve_agency(written: str, *, mapped_to_today: bool = False) -> Agency:
    """Canonical name and type of one written agency."""
    unit = ""
    m = _PAREN.search(written)
    base = written
    if m:
        unit = m.group(1).strip()
        base = (written[: m.start()] + written[m.end():]).strip()
    key = agency_key(base)
    aliases = load_aliases()
    hit = aliases.get(key) or aliases.get(re.sub(r"\s+tỉnh$", "", key))
    if hit is None:
        key2 = re.sub(r"\s+(thuộc tỉnh|tỉnh|trên địa bàn tỉnh)$", "", key)
        hit = aliases.get(key2) or aliases.get(key2 + " tỉnh")
    if hit:
        canonical, kind = hit
        known = True
    elif _COLLECTIVE.search(key):
        canonical, kind, known = base.strip(), "collective", True
    else:
        kind = next((t for rx, t in _TYPE_RULES if rx.search(key)), "other")
        canonical, known = base.strip(), False
    if mapped_to_today:
        seen = set()
        while canonical in load_successions() and canonical not in seen:
            seen.add(canonical)
            canonical = load_successions()[canonical]["new"]
            kind = load_aliases().get(agency_key(canonical), (canonical, kind))[1]
    return Agency(written=written, canonical=canonical, type=kind, unit=unit, known=known)


def canonical_list(field: str, *, mapped_to_today: bool = False) -> str:
    """The canonical agencies of a field, ``; ``-separated, each once, in order."""
    names = [resolve_agency(a, mapped_to_today=mapped_to_today).canonical for a in split_agencies(field)]
    return "; ".join(dict.fromkeys(names))


@lru_cache(maxsize=64)
def province_today(province: str) -> str:
    """The province a place belongs to after the mergers of 1/7/2025."""
    if not province:
        return ""
    try:
        from underthesea import convert_address

        result = convert_address(province)
        new = getattr(getattr(result, "new", None), "province", "") or ""
        new = re.sub(r"^(Tỉnh|Thành phố)\s+", "", new).strip()
        if new:
            return new
    except Exception:  # noqa: BLE001 - fall back to the data file
        pass
    table = {row["old"]: row["new"] for row in _data_rows(PROVINCES_FILE)}
    return table.get(province, province)


def add_agency_columns(tasks: pd.DataFrame, *, mapped_to_today: bool = False) -> pd.DataFrame:
    """A new task table with ``lead_agencies``, ``partner_agencies`` and ``province_today``."""
    out = tasks.copy()
    out["lead_agencies"] = [canonical_list(f, mapped_to_today=mapped_to_today) for f in out["lead"]]
    out["partner_agencies"] = [canonical_list(f, mapped_to_today=mapped_to_today) for f in out["partners"]]
    out["province_today"] = [province_today(p) for p in out["province"]]
    order = list(tasks.columns)
    at = order.index("province") + 1 if "province" in order else len(order)
    order[at:at] = ["province_today"]
    at = order.index("partners") + 1 if "partners" in order else len(order)
    order[at:at] = ["lead_agencies", "partner_agencies"]
    return out[order]


def agency_mentions(tasks: pd.DataFrame, *, mapped_to_today: bool = False) -> pd.DataFrame:
    """Long form: one row per agency mention in ``lead`` and ``partners``."""
    rows = []
    for t in tasks.itertuples(index=False):
        for role, field in (("lead", t.lead), ("partner", t.partners)):
            for written in split_agencies(field):
                a = resolve_agency(written, mapped_to_today=mapped_to_today)
                rows.append({"task_id": t.task_id, "doc_id": t.doc_id, "province": t.province,
                             "role": role, "written": written, "canonical": a.canonical,
                             "type": a.type, "unit": a.unit, "known": a.known})
    return pd.DataFrame(rows, columns=["task_id", "doc_id", "province", "role", "written",
                                       "canonical", "type", "unit", "known"])


def unknown_agencies(tasks: pd.DataFrame) -> pd.DataFrame:
    """Written forms that matched no alias (nothing is dropped: extend the table with these)."""
    m = agency_mentions(tasks)
    m = m[~m["known"]]
    out = m.groupby("written", sort=True).agg(count=("task_id", "size"), type=("type", "first"),
                                              example_task=("task_id", "first")).reset_index()
    return out.sort_values(["count", "written"], ascending=[False, True]).reset_index(drop=True)


def who_leads_what(tasks: pd.DataFrame, *, by: str = "part", mapped_to_today: bool = False) -> pd.DataFrame:
    """Number of tasks each agency leads, per province and group (``part`` or ``section``)."""
    m = agency_mentions(tasks[tasks.kind != "objective"], mapped_to_today=mapped_to_today)
    m = m[m.role == "lead"].merge(tasks[["task_id", by]], on="task_id")
    table = pd.crosstab([m.province, m.canonical], m[by])
    return table


def agency_load(tasks: pd.DataFrame, *, mapped_to_today: bool = False) -> pd.DataFrame:
    """Per province and lead agency: tasks led, recurring ones, and deadlines per quarter."""
    m = agency_mentions(tasks[tasks.kind != "objective"], mapped_to_today=mapped_to_today)
    m = m[m.role == "lead"].merge(tasks[["task_id", "due", "recurring"]], on="task_id")
    due = pd.to_datetime(m["due"].replace("", np.nan))
    m["quarter"] = due.dt.year.astype("Int64").astype(str) + "Q" + due.dt.quarter.astype("Int64").astype(str)
    m.loc[due.isna(), "quarter"] = "no date"
    counts = pd.crosstab([m.province, m.canonical], m.quarter)
    counts.insert(0, "recurring", m.groupby(["province", "canonical"]).recurring.sum())
    counts.insert(0, "tasks_led", m.groupby(["province", "canonical"]).task_id.nunique())
    return counts.sort_values("tasks_led", ascending=False, kind="stable")


def lead_differences(tasks: pd.DataFrame, matches: pd.DataFrame, *,
                     mapped_to_today: bool = True) -> pd.DataFrame:
    """For matched task pairs: lead agencies in one province's task but not in its counterpart's."""
    lead = {t.task_id: set(canonical_list(t.lead, mapped_to_today=mapped_to_today).split("; ")) - {""}
            for t in tasks.itertuples(index=False)}
    rows = []
    for m in matches.itertuples(index=False):
        a, b = lead.get(m.task_id_a, set()), lead.get(m.task_id_b, set())
        if a != b:
            rows.append({"task_id_a": m.task_id_a, "task_id_b": m.task_id_b,
                         "province_a": m.province_a, "province_b": m.province_b,
                         "only_a": "; ".join(sorted(a - b)), "only_b": "; ".join(sorted(b - a)),
                         "both": "; ".join(sorted(a & b)), "score": m.score})
    return pd.DataFrame(rows, columns=["task_id_a", "task_id_b", "province_a", "province_b",
                                       "only_a", "only_b", "both", "score"])
