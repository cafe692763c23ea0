"""Agencies: who leads and who helps, under one name across spellings and the 2025 reorganisation.

``lead`` / ``partners`` fields are split into single agencies (names with commas such as
``Sở Văn hóa, Thể thao và Du lịch`` or the collective ``Sở, ban, ngành tỉnh`` stay whole), each
resolved through the editable alias table ``kehoach_lib/data/agency_aliases.csv`` to a canonical
name and a type (:data:`AGENCY_TYPES`). A parenthesised sub-unit
(``Văn phòng UBND tỉnh (Phòng KSTTHC)``) resolves to its parent; the unit is kept in
:attr:`Agency.unit`. By default agencies stay *as named*; with ``mapped_to_today=True`` the
succession table ``agency_successions.csv`` maps a body to the one that took over its role
in 2025 (Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ, district level → commune
level, …). :func:`province_today` gives the province after the mergers of 1/7/2025
(``provinces.csv``, which names all 63, before ``underthesea.convert_address``).
Written forms that match no alias are kept (``known=False``) and listed by
:func:`unknown_agencies`, so the table can be extended.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import config, metadata
from .text import normalize_tone_marks

ALIASES_FILE = config.DATA_DIR / "agency_aliases.csv"
SUCCESSIONS_FILE = config.DATA_DIR / "agency_successions.csv"
#: Titles of a body's head written before its name ("Giám đốc Sở Tài chính"): editable.
TITLES_FILE = config.DATA_DIR / "person_titles.txt"
PROVINCES_FILE = config.DATA_DIR / "provinces.csv"

#: Separator of the canonical lists in ``lead_agencies`` / ``partner_agencies``.
LIST_SEPARATOR = "; "
#: Separator between several patterns in one ``patterns`` cell of the alias table.
PATTERN_SEPARATOR = " || "
#: Task-table column per role in :func:`agency_mentions`.
ROLE_COLUMNS = {"lead": "lead", "partner": "partners", "implementer": "implementers"}
#: Roles counted by default: the ``lead`` and ``partners`` fields.
DEFAULT_ROLES = ("lead", "partner")
#: Task kinds that are led by someone (objectives are not).
LED_KINDS = ("task", "duty")
#: Default grouping column of :func:`who_leads_what`.
DEFAULT_GROUP_BY = "section"
#: Label of tasks with an empty group in :func:`who_leads_what`.
NO_GROUP = "(none)"
#: Label of tasks without a due date in :func:`agency_load`.
NO_DATE = "no date"

AGENCY_TYPES = ("department", "office", "committee_province", "committee_district",
                "committee_commune", "centre", "police", "media", "enterprise", "central",
                "collective", "other")
MENTION_COLUMNS = ["task_id", "doc_id", "province", "role", "position", "written", "canonical",
                   "type", "unit", "known"]

# --- splitting grammar ----------------------------------------------------------------------
#: Words that start an agency name (capitalised as in the documents).
_HEADS = ("Sở", "Văn phòng", "VP", "UBND", "Ủy ban", "Uỷ ban", "Chủ tịch", "Trung tâm", "Ban",
          "Công an", "Bộ phận", "Bộ", "Cơ quan", "Đơn vị", "Đài", "Báo", "Phòng", "Doanh nghiệp",
          "Cục", "Viện", "Chi nhánh", "Bảo hiểm", "Bưu điện", "Kho bạc", "Thanh tra", "Tổ chức",
          "Công chức", "Cán bộ", "Ngân hàng", "Công ty", "Điện lực", "VNPT", "Viettel", "Viễn thông", "Thuế tỉnh",
          # abbreviated: "Sở Tài chính, BHXH tỉnh", "Sở Nội vụ, TTPVHCC", "Công an thành phố, Thuế thành phố"
          "BHXH", "KBNN", "TTPVHCC", "Thuế thành phố", "Thuế cơ sở",
          # the mass organisations and the courts: "Sở Xây dựng, Hiệp hội Doanh nghiệp tỉnh"
          "Hiệp hội", "Hội", "Đoàn", "Tỉnh đoàn", "Liên minh", "Liên đoàn", "Mặt trận", "Tòa án", "Toà án")
#: How an agency's name starts ("Sở …", "Các sở …", "Văn phòng …", "UBND …").
AGENCY_START = re.compile(r"(?:[Cc]ác\s+(?i:" + "|".join(map(re.escape, _HEADS)) + r")|"
                          + "|".join(map(re.escape, _HEADS)) + r")\b")
#: Lower-case starts that still begin a new agency after a comma or "và".
_LOWER_HEADS = ("cơ quan", "đơn vị", "tổ chức", "cán bộ", "công chức", "doanh nghiệp", "ngân hàng")
_PLACEHOLDER = "\x01{}\x02"
_AHEAD = (r"(?=(?:[Cc]ác\s+)?\x01|[Cc]ác\s+(?i:" + "|".join(_HEADS) + r")\b|(?:"
          + "|".join(_HEADS + _LOWER_HEADS) + r")\b)")
_SPLIT = re.compile(
    r"\s*[;\n]\s*"                              # ; and line breaks always separate
    rf"|\s*,\s*{_AHEAD}"                        # , before a new agency
    rf"|(?<!HĐND)\s+và\s+{_AHEAD}"              # và before a new agency ("Văn phòng HĐND và UBND" is one)
    rf"|\.\s+{_AHEAD}"                          # a full stop between two agencies
    rf"|(?<![^\s;,.])[-–+•]\s*{_AHEAD}"         # bullets: "- Sở …", "; -Văn phòng …"
)
_TAGS = re.compile(r"<[^>]*>?")
_SPACE = re.compile(r"\s+")
_PAREN = re.compile(r"\(([^()]*)\)")
#: "Các cơ quan: Công an, Bảo hiểm xã hội, Quân sự" / "Các Sở: Tư pháp, Xây dựng" list bodies.
_LIST_INTRO = re.compile(r"(?i)(?:^|(?<=\s))(?:các\s+)?(?P<head>sở(?:\s*,\s*(?:ban|ngành))*|cơ quan|đơn vị|ngành)"
                         r"\s*:\s*(?=\S)")
_STARTS_WITH_HEAD = re.compile(r"(?i)^(?:các\s+)?(?:" + "|".join(_HEADS) + r")\b")
#: "UBND cấp huyện, cấp xã" names two bodies.
_LEVELS = re.compile(r"^(?P<stem>.*?\S)\s+cấp\s+(?P<first>tỉnh|huyện|xã)"
                     r"(?P<rest>(?:\s*(?:,|và)\s*cấp\s+(?:tỉnh|huyện|xã))+)$")
_LEVEL = re.compile(r"cấp\s+(tỉnh|huyện|xã)")
_EDGE_PUNCT = " \t;,.:-–+•"
_LEADING_AND = re.compile(r"^(?:và|hoặc)\s+", re.IGNORECASE)
_FILLERS = frozenset({"", "và", "các", "...", "…", "v.v", "v.v.", "vv"})

# --- keys -----------------------------------------------------------------------------------
_KEY_COMMITTEE = re.compile(r"ủy ban nhân dân")
#: OCR's "Sờ" for "Sở" at a name's start ("Sờ Tư pháp").
_KEY_OCR_SO = re.compile(r"^sờ\s")
_DASH_IN_NAME = re.compile(r"\s*[-–]\s*")
_KEY_DASH = re.compile(r"\s*[–]\s*|\s+-\s+|(?<=[^\W\d_])-(?=[^\W\d_]{2})")
_KEY_LEAD = re.compile(r"^(?:các|và|giao|của)\s+")
#: "TP"/"TP." for "thành phố" in a key.
_KEY_TOWN = re.compile(r"(?<!\w)tp\.?(?!\w)")
#: A town's unit right before a place's name ("thành phố Cà Mau", "thị xã …").
_TOWN_WORD = re.compile(r"(?:thành phố|thị xã|thị trấn|huyện|quận|xã|phường)$")  # (a key has no "tp")
_KEY_PROVINCE_SUFFIX = re.compile(r"\s+(?:thuộc tỉnh|tỉnh|trên địa bàn tỉnh|của tỉnh)$")
#: "... tỉnh Bắc Giang": the province named after the body, in up to 4 words ("tỉnh Bà Rịa Vũng Tàu";
#: tried when nothing else matched).
_KEY_PROVINCE_NAME = re.compile(r"\s+(?:thuộc |của |trên địa bàn )?tỉnh(?:\s+[^\s,;()]+){1,4}$"
                                # ... or after a city under the centre: "Sở Tư pháp thành phố Hà Nội"
                                r"|\s+thành phố\s+(?:hà nội|hồ chí minh|hải phòng|đà nẵng|cần thơ)$")

#: Type of a written form that matched no alias, from how its name starts (first match wins).
_TYPE_RULES = (
    (re.compile(r"^sở\b(?!,)"), "department"),
    (re.compile(r"^ubnd (?:các )?(?:xã|phường|thị trấn|cấp xã)\b"), "committee_commune"),
    # "UBND quận, huyện": the districts of a city under the centre (Cần Thơ, Hải Phòng, …)
    (re.compile(r"^ubnd (?:các )?(?:quận|huyện|thị xã|thành phố|cấp huyện)\b"), "committee_district"),
    (re.compile(r"^ubnd\b"), "committee_province"),
    (re.compile(r"^văn phòng chính phủ|^(?:bộ|cục|tổng cục)\b"), "central"),
    (re.compile(r"^(?:văn phòng|vp)\b"), "office"),
    (re.compile(r"^(?:trung tâm|bộ phận)\b"), "centre"),
    (re.compile(r"^công an\b"), "police"),
    (re.compile(r"^(?:báo|đài)\b|báo chí"), "media"),
    (re.compile(r"^(?:doanh nghiệp|công ty|bưu điện|ngân hàng)\b"), "enterprise"),
    (re.compile(r"^(?:cơ quan|đơn vị|tổ chức|sở,)|liên quan$|các cấp$"), "collective"),
)


@dataclass(frozen=True)
class Agency:
    """One agency mention: as written, canonical name, type, sub-unit, and whether known.

    ``unit`` is the text in parentheses (a sub-unit such as ``Phòng KSTTHC``, or a note);
    ``known`` is False when no alias or pattern of the alias table matched.
    """

    written: str
    canonical: str
    type: str
    unit: str = ""
    known: bool = True


# --- data files -----------------------------------------------------------------------------
def _split_cell(cell: str | None, sep: str = "|") -> list[str]:
    return [p.strip() for p in (cell or "").split(sep) if p.strip()]


# loaders are read again when their file changes (config.reread_on_change); callers pass the
# module's paths at call time, and the caches built on them are keyed by the files' stamps
@config.reread_on_change
def load_aliases(path: Path = ALIASES_FILE) -> dict[str, tuple[str, str]]:
    """Alias key → (canonical, type); the first row that names a key wins."""
    out: dict[str, tuple[str, str]] = {}
    for row in config.data_rows(path):
        for alias in [row["canonical"], *_split_cell(row["aliases"])]:
            out.setdefault(agency_key(alias), (row["canonical"], row["type"]))
    return out


@config.reread_on_change
def load_alias_patterns(path: Path = ALIASES_FILE) -> tuple[tuple[re.Pattern, str, str], ...]:
    """(pattern, canonical, type) in file order, for keys no alias matched."""
    return tuple((re.compile(p), row["canonical"], row["type"]) for row in config.data_rows(path)
                 for p in _split_cell(row.get("patterns"), PATTERN_SEPARATOR))


def _titles(path: Path) -> list[str]:
    """The titles of person_titles.txt, longest first (so "Phó Giám đốc" is tried before "Giám đốc")."""
    return sorted({t.strip() for t in config.data_lines(path)}, key=len, reverse=True)


@config.reread_on_change
def _title_pattern(path: Path = TITLES_FILE) -> re.Pattern | None:
    """A person's title before the body they head ("Giám đốc ", "Chủ tịch ", "Thủ trưởng ")."""
    titles = _titles(path)
    return (re.compile(r"^(?:" + "|".join(re.escape(t) for t in titles) + r")\s+(?=\S)", re.IGNORECASE)
            if titles else None)


@config.reread_on_change
def _title_split(path: Path = TITLES_FILE) -> re.Pattern | None:
    """Where a list of heads of bodies is cut: at "," or "và" before the next head's title
    ("Giám đốc Sở Tài chính, Giám đốc Sở Nội vụ", "… và Thủ trưởng các ban, ngành tỉnh")."""
    titles = _titles(path)
    if not titles:
        return None
    heads = "|".join(map(re.escape, _HEADS))
    title = "(?:" + "|".join(map(re.escape, titles)) + ")"
    body = r"(?:(?:[Cc]ác\s+)?\x01|[Cc]ác\s+(?i:" + heads + r")\b|(?:" + heads + r")\b)"
    return re.compile(rf"\s*,\s*(?={title}\s+{body})|\s+và\s+(?={title}\s+)")


@config.reread_on_change
def load_successions(path: Path = SUCCESSIONS_FILE) -> dict[str, dict]:
    """Old canonical name → its succession row (``new``, ``effective``, ``basis``, ``source``)."""
    return {row["old"]: row for row in config.data_rows(path)}


def succession_table(path: Path = SUCCESSIONS_FILE) -> pd.DataFrame:
    """The succession table as a DataFrame (old, new, effective, basis, source)."""
    return pd.DataFrame(config.data_rows(path))


@config.reread_on_change
def _protect_pattern(path: Path = ALIASES_FILE) -> re.Pattern | None:
    """Known names containing a separator ("," or " và " or " - "), longest first."""
    names = {alias for row in config.data_rows(path)
             for alias in [row["canonical"], *_split_cell(row["aliases"])]
             if "," in alias or " và " in alias or " - " in alias}
    if not names:
        return None
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize_tone_marks(n)) for n in ordered)
                      + r")(?!\w)", re.IGNORECASE)


@config.reread_on_change
def _dashed_places(path: Path = metadata.PROVINCE_NAMES_FILE) -> re.Pattern | None:
    """Province names written with a dash ("Bà Rịa - Vũng Tàu", "Thừa Thiên – Huế"), any dash:
    in a key their dash joins one name, where elsewhere a dash separates two agencies."""
    spellings = {spelling for row in config.data_rows(path)
                 for spelling in [row["name"], *(row.get("also") or "").split(";")]
                 if "-" in spelling or "–" in spelling}
    if not spellings:
        return None
    names = {normalize_tone_marks(s).lower() for s in spellings}
    parts = sorted({_DASH_IN_NAME.pattern.join(re.escape(w) for w in _DASH_IN_NAME.split(n)) for n in names},
                   key=lambda p: (-len(p), p))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


# --- keys and splitting ---------------------------------------------------------------------
def agency_key(text: str) -> str:
    """Comparison key of a written agency name (see the alias table's header)."""
    text = normalize_tone_marks(_SPACE.sub(" ", text)).lower()
    if (dashed := _dashed_places(metadata.PROVINCE_NAMES_FILE)) is not None:
        text = dashed.sub(lambda m: _DASH_IN_NAME.sub(" ", m.group()), text)
    text = _KEY_OCR_SO.sub("sở ", _KEY_COMMITTEE.sub("ubnd", text)).replace("&", " và ")
    text = _KEY_TOWN.sub("thành phố", text)  # "Công an TP", "VP UBND TP.": the city's word
    text = _KEY_DASH.sub(", ", _SPACE.sub(" ", text)).strip(_EDGE_PUNCT + " ")
    while _KEY_LEAD.match(text):
        text = _KEY_LEAD.sub("", text, count=1)
    return _SPACE.sub(" ", text).strip()


def _hide(text: str, spans: list[tuple[int, int]], holders: list[str]) -> str:
    """Replace non-overlapping spans (left to right) by placeholders, remembering the text."""
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(_PLACEHOLDER.format(len(holders)))
        holders.append(text[start:end])
        last = end
    out.append(text[last:])
    return "".join(out)


def _unhide(text: str, holders: list[str]) -> str:
    for i in range(len(holders) - 1, -1, -1):
        text = text.replace(_PLACEHOLDER.format(i), holders[i])
    return text


def _expand_lists(text: str) -> str:
    """``Các Sở: Tư pháp, Xây dựng`` → ``Sở Tư pháp; Sở Xây dựng`` (up to the next ``;``)."""
    segments = []
    for segment in text.split(";"):
        m = _LIST_INTRO.search(segment)
        if not m:
            segments.append(segment)
            continue
        before = segment[: m.start()].strip(_EDGE_PUNCT)
        prefix = "Sở " if m.group("head").lower().startswith("sở") else ""
        pieces = [i.strip(_EDGE_PUNCT) for i in segment[m.end():].split(",")]
        pieces = [i for i in pieces if i.strip(_EDGE_PUNCT) and i not in _FILLERS]
        items = [i if not prefix or _STARTS_WITH_HEAD.match(i) else prefix + i
                 for i in _join_known(pieces, prefix)]
        segments.append("; ".join(([before] if before else []) + items))
    return ";".join(segments)


def _join_known(pieces: list[str], prefix: str) -> list[str]:
    """Re-join comma-split pieces that form a known name ("Văn hóa", "Thể thao và Du lịch")."""
    protect = _protect_pattern(ALIASES_FILE)
    out, i = [], 0
    while i < len(pieces):
        j = len(pieces)
        while j > i + 1 and not (protect and protect.fullmatch(
                normalize_tone_marks(prefix + ", ".join(pieces[i:j])))):
            j -= 1
        out.append(", ".join(pieces[i:j]))
        i = j
    return out


def _expand_levels(part: str) -> list[str]:
    """``UBND cấp huyện, cấp xã`` → ``UBND cấp huyện``, ``UBND cấp xã``."""
    m = _LEVELS.match(part)
    if not m:
        return [part]
    levels = [m.group("first"), *_LEVEL.findall(m.group("rest"))]
    return [f"{m.group('stem')} cấp {level}" for level in levels]


def _clean_part(part: str) -> str:
    part = _SPACE.sub(" ", part).strip(_EDGE_PUNCT + " ")
    part = _LEADING_AND.sub("", part).strip(_EDGE_PUNCT + " ")
    return part


def split_agencies(field: str) -> list[str]:
    """Single agencies of a ``lead`` / ``partners`` field, as written (bullets and markup dropped).

    Separators are ``;``, line breaks, bullets, and ``,`` / ``và`` / ``.`` when a new agency
    name follows. Parenthesised parts and the alias table's names that contain a comma or
    "và" (``Sở Văn hóa, Thể thao và Du lịch``, ``UBND các huyện, thị xã, thành phố``) are never
    split; ``Các Sở: A, B`` becomes ``Sở A``, ``Sở B``; ``UBND cấp huyện, cấp xã`` two bodies.
    """
    if not isinstance(field, str) or not field.strip():
        return []
    return list(_split_agencies(field, config.file_stamps(ALIASES_FILE, metadata.PROVINCE_NAMES_FILE, TITLES_FILE)))


@lru_cache(maxsize=8192)
def _split_agencies(field: str, stamps: tuple) -> tuple[str, ...]:
    text = _SPACE.sub(" ", _TAGS.sub(" ", html.unescape(field))).strip()
    text = _expand_lists(text)
    holders: list[str] = []
    text = _hide(text, [m.span() for m in _PAREN.finditer(text)], holders)
    protect = _protect_pattern(ALIASES_FILE)
    if protect is not None:
        probe = normalize_tone_marks(text)
        probe = probe if len(probe) == len(text) else text
        text = _hide(text, [m.span() for m in protect.finditer(probe)], holders)
    out = []
    titles = _title_split(TITLES_FILE)
    chunks = [c for chunk in _SPLIT.split(text) for c in (titles.split(chunk) if titles else [chunk])]
    for chunk in chunks:
        for piece in _unglued(_clean_part(_unhide(chunk, holders))):
            for part in _expand_levels(piece):
                part = _clean_part(part)
                if part.lower() not in _FILLERS:
                    out.append(part)
    return tuple(out)


#: Where a name may start inside another: after a space, at a capitalised head ("… Sở Tư pháp").
_INNER_START = re.compile(r"(?<=\s)(?=(?:Các\s+(?i:" + "|".join(map(re.escape, _HEADS)) + r")|"
                          + "|".join(map(re.escape, _HEADS)) + r")\b)")


#: Types of body that have units of their own, and how a unit's name starts: "Bộ phận Một cửa
#: UBND cấp xã", "Phòng Tư pháp UBND cấp huyện" are one body each, a unit and its parent.
_PARENT_TYPES = frozenset({"department", "office", "committee_province", "committee_district",
                           "committee_commune", "central"})
_UNIT_START = re.compile(r"^(?:Phòng|Bộ phận|Trung tâm|Chi cục|Chi nhánh|Ban|Đội|Văn phòng(?! UBND| HĐND))\b",
                         re.IGNORECASE)


#: A word that links the name before it to the next one, so the two are one name.
_LINKED = re.compile(r"\b(?:tại|của|thuộc|với|cho|và|có|ở|trong|theo|qua|trên)$", re.IGNORECASE)


def _unglued(part: str) -> list[str]:
    """Names that lost the line break between them ("Sở Nội vụ Sở Tư pháp", from a PDF's or a
    scraped table's cell of one agency a line) apart, when every piece is a name of the alias
    table and none reads as a unit of the next ("Bộ phận Một cửa UBND cấp xã"); any other text as
    it is ("Văn phòng UBND tỉnh", "Sở Nội vụ tỉnh Bắc Giang")."""
    starts = list(_INNER_START.finditer(part))
    if not starts or _known_names(part, aliases_only=True):
        return [part]
    for m in starts:
        head, rest = part[: m.start()].rstrip(), part[m.start():]
        if _LINKED.search(head) or not _known_names(head):
            continue  # "… giải quyết tại Bộ phận Một cửa cấp xã": a place the name goes on to
        tail = _unglued(rest)
        if all(map(_known_names, tail)) and not (_UNIT_START.match(head)
                                                 and resolve_agency(tail[0]).type in _PARENT_TYPES):
            return [head, *tail]
    return [part]


def _known_names(part: str, *, aliases_only: bool = False) -> bool:
    """``part`` is a name of the alias table, or names several at their levels ("UBND cấp
    huyện, cấp xã"); unless ``aliases_only``, a name one of the table's patterns knows counts too
    ("Các sở, ban, ngành cấp tỉnh")."""
    return all(is_alias(p) or (not aliases_only and resolve_agency(p).known) for p in _expand_levels(part))


# --- resolving ------------------------------------------------------------------------------
def _alias_hit(key: str) -> tuple[str, str] | None:
    """(canonical, type) of a key that is an alias of the table (or one with its province named)."""
    aliases = load_aliases(ALIASES_FILE)
    bare = _KEY_PROVINCE_SUFFIX.sub("", key)
    named = _KEY_PROVINCE_NAME.sub("", key)
    for candidate in (key, bare, bare + " tỉnh", named, named + " tỉnh"):
        if candidate in aliases:
            return aliases[candidate]
    return _place_alias(key, aliases)


def _place_alias(key: str, aliases: dict) -> tuple[str, str] | None:
    """(canonical, type) of a key that is an alias with its province's name bare after it ("sở tư
    pháp cà mau"), or ``None``."""
    if (place := _without_province_name(key)) is not None:
        for candidate in (place, place + " tỉnh"):
            if candidate in aliases:
                return aliases[candidate]
    return None


def _without_province_name(key: str) -> str | None:
    """A key without the province's name written after it bare, without "tỉnh" ("sở tư pháp cà
    mau", "ubnd các huyện, thành phố cà mau": the districts and the province's city): the body's
    key; None when no province is named so, or the name is that of a town the key names ("công an
    thành phố cà mau", "ubnd thành phố huế": a city's bodies, not the province's)."""
    words = key.split(" ")
    names = metadata.load_province_names(metadata.PROVINCE_NAMES_FILE)
    for n in range(min(4, len(words) - 1), 0, -1):
        if " ".join(words[-n:]) in names:
            rest = " ".join(words[:-n]).rstrip(", ")
            if _TOWN_WORD.search(rest) and "," not in rest:
                return None
            return rest
    return None


def is_alias(written: str) -> bool:
    """``written`` is one of the alias table's names as it stands, or with a province's name after
    it, with or without "tỉnh" (a pattern that matches its start is not enough: "UBND các xã, phường niêm yết" is no
    alias, nor "Bưu điện tỉnh khắc phục tình trạng")."""
    key = agency_key(_SPACE.sub(" ", _PAREN.sub(" ", written)).strip(_EDGE_PUNCT + " "))
    aliases = load_aliases(ALIASES_FILE)
    bare = _KEY_PROVINCE_SUFFIX.sub("", key)
    if key in aliases or bare in aliases or bare + " tỉnh" in aliases:
        return True
    named = _KEY_PROVINCE_NAME.search(key)
    if named and _alias_hit(key) is not None and metadata.canonical_province(
            re.sub(r"^\s*(?:thuộc |của |trên địa bàn )?", "", named.group(0))):
        return True
    # ... or the province's name bare: "Sở Tư pháp Quảng Ngãi", "Báo và Phát thanh, Truyền hình Quảng Ngãi"
    return _place_alias(key, aliases) is not None


def _lookup(key: str) -> tuple[str, str] | None:
    """(canonical, type) of a key from the alias table: aliases first, then patterns."""
    if (hit := _alias_hit(key)) is not None:
        return hit
    for pattern, canonical, kind in load_alias_patterns(ALIASES_FILE):
        if pattern.search(key):
            return canonical, kind
    return None


def _guess_type(key: str) -> str:
    return next((kind for rx, kind in _TYPE_RULES if rx.search(key)), "other")


def successor(canonical: str) -> str:
    """The body that holds an agency's role today (itself when it was not reorganised)."""
    table, seen = load_successions(SUCCESSIONS_FILE), set()
    while canonical in table and canonical not in seen:
        seen.add(canonical)
        canonical = table[canonical]["new"]
    return canonical


def resolve_agency(written: str, *, mapped_to_today: bool = False) -> Agency:
    """Canonical name, type and sub-unit of one written agency.

    ``mapped_to_today=True`` replaces a body reorganised in 2025 by its successor.
    A form that matches nothing keeps its written name, gets a type guessed from its first
    words, and ``known=False``.
    """
    return _resolve_agency(written, mapped_to_today,
                           config.file_stamps(ALIASES_FILE, SUCCESSIONS_FILE, TITLES_FILE))


@lru_cache(maxsize=4096)
def _resolve_agency(written: str, mapped_to_today: bool, stamps: tuple) -> Agency:
    units = [u.strip() for u in _PAREN.findall(written) if u.strip()]
    base = _SPACE.sub(" ", _PAREN.sub(" ", written)).strip(_EDGE_PUNCT + " ")
    key = agency_key(base)
    hit = _lookup(key)
    if hit is None and (title := _title_pattern(TITLES_FILE)) is not None and title.match(base):
        # "Giám đốc Sở Tài chính", "Chủ tịch UBND các xã, phường": the body its head is addressed for
        bare = title.sub("", base, count=1)
        if (found := _lookup(agency_key(bare))) is not None or _guess_type(agency_key(bare)) != "other":
            base, key, hit = bare, agency_key(bare), found
    if hit:
        canonical, kind = hit
    else:
        canonical, kind = _clean_part(base), _guess_type(key)
    if mapped_to_today:
        new = successor(canonical)
        if new != canonical:
            canonical, kind = new, (_lookup(agency_key(new)) or (new, kind))[1]
    return Agency(written=written, canonical=canonical, type=kind, unit="; ".join(units),
                  known=hit is not None)


def canonical_list(field: str, *, mapped_to_today: bool = False) -> str:
    """The canonical agencies of a field, ``; ``-separated, each once, in order of mention."""
    names = [resolve_agency(a, mapped_to_today=mapped_to_today).canonical
             for a in split_agencies(field)]
    return LIST_SEPARATOR.join(dict.fromkeys(names))


# --- provinces ------------------------------------------------------------------------------
_PROVINCE_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE)


@config.reread_on_change
def _province_table(path: Path = PROVINCES_FILE) -> dict[str, str]:
    """Name key of ``old`` (tone marks, case and dashes made alike) → ``new``; first row wins."""
    out: dict[str, str] = {}
    for row in config.data_rows(path):
        if (key := metadata.name_key(row["old"])) and row["new"].strip():
            out.setdefault(key, row["new"].strip())
    return out


def province_today(province: str) -> str:
    """The province a place belongs to after the mergers of 1/7/2025 (``""`` stays ``""``).

    ``provinces.csv`` first (names compared without case, tone-mark style or dashes, and the
    spellings of ``province_names.csv`` read as their province: ``Thừa Thiên - Huế``,
    ``Bắc Cạn``, ``TP.HCM``), so an edit of the table always wins; for a place the table does not
    name (a district, an address) ``underthesea.convert_address``; else the name itself.
    """
    raw = (province or "").strip()
    name = _PROVINCE_PREFIX.sub("", raw)
    if not name:
        return ""
    return _province_today(raw, name, config.file_stamps(PROVINCES_FILE, metadata.PROVINCE_NAMES_FILE))


def _province_from_table(raw: str, name: str) -> str | None:
    table = _province_table(PROVINCES_FILE)
    spellings = metadata.load_province_names(metadata.PROVINCE_NAMES_FILE)
    for written in dict.fromkeys((raw, name)):  # "TP HCM" is a spelling as a whole
        key = metadata.name_key(written)
        for candidate in (key, metadata.name_key(spellings.get(key, ""))):
            if candidate and candidate in table:
                return table[candidate]
    return None


@lru_cache(maxsize=256)
def _province_today(raw: str, name: str, stamps: tuple) -> str:
    if (new := _province_from_table(raw, name)) is not None:
        return new
    try:
        from underthesea import convert_address
    except ImportError:
        convert_address = None
    if convert_address is not None:
        new = getattr(getattr(convert_address(name), "new", None), "province", "") or ""
        new = _PROVINCE_PREFIX.sub("", new.strip())
        if new:
            return new
    return name


# --- the task table -------------------------------------------------------------------------
def _text(value) -> str:
    return value if isinstance(value, str) else ""


def add_agency_columns(tasks: pd.DataFrame, *, mapped_to_today: bool = False) -> pd.DataFrame:
    """A new task table with ``lead_agencies``, ``partner_agencies`` (canonical, ``; ``-separated)
    after ``partners`` and ``province_today`` after ``province``; the written columns stay."""
    out = tasks.copy()
    out["lead_agencies"] = [canonical_list(_text(f), mapped_to_today=mapped_to_today)
                            for f in out["lead"]]
    out["partner_agencies"] = [canonical_list(_text(f), mapped_to_today=mapped_to_today)
                               for f in out["partners"]]
    out["province_today"] = [province_today(_text(p)) for p in out["province"]]
    order = [c for c in tasks.columns if c not in ("lead_agencies", "partner_agencies", "province_today")]
    at = order.index("province") + 1 if "province" in order else len(order)
    order[at:at] = ["province_today"]
    at = order.index("partners") + 1 if "partners" in order else len(order)
    order[at:at] = ["lead_agencies", "partner_agencies"]
    return out[order]


def agency_mentions(tasks: pd.DataFrame, *, mapped_to_today: bool = False,
                    roles: tuple[str, ...] = DEFAULT_ROLES) -> pd.DataFrame:
    """Long form: one row per agency mention (task order, then role, then position in the field).

    ``roles`` among ``lead``, ``partner``, ``implementer`` (the ``implementers`` column, where
    the parser keeps "Cơ quan thực hiện"); a role whose column is missing is skipped.
    """
    rows = []
    present = [r for r in roles if ROLE_COLUMNS[r] in tasks.columns]
    for t in tasks.to_dict("records"):
        for role in present:
            for pos, written in enumerate(split_agencies(_text(t[ROLE_COLUMNS[role]]))):
                a = resolve_agency(written, mapped_to_today=mapped_to_today)
                rows.append({"task_id": t["task_id"], "doc_id": t["doc_id"],
                             "province": t["province"], "role": role, "position": pos,
                             "written": written, "canonical": a.canonical, "type": a.type,
                             "unit": a.unit, "known": a.known})
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def unknown_agencies(tasks: pd.DataFrame, *, roles: tuple[str, ...] = DEFAULT_ROLES) -> pd.DataFrame:
    """Written forms that matched no alias, with their count, guessed type and a first task.

    Nothing is dropped: each such mention is still in :func:`agency_mentions` under its written
    name. Extend ``agency_aliases.csv`` with these.
    """
    m = agency_mentions(tasks, roles=roles)
    m = m[~m["known"].astype(bool)]
    out = (m.groupby("written", sort=True)
           .agg(count=("task_id", "size"), type=("type", "first"), example_task=("task_id", "first"))
           .reset_index())
    return out.sort_values(["count", "written"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _led_mentions(tasks: pd.DataFrame, mapped_to_today: bool) -> pd.DataFrame:
    led = tasks[tasks["kind"].isin(LED_KINDS)]
    m = agency_mentions(led, mapped_to_today=mapped_to_today, roles=("lead",))
    return m.drop_duplicates(["task_id", "canonical"])


def who_leads_what(tasks: pd.DataFrame, *, by: str = DEFAULT_GROUP_BY,
                   mapped_to_today: bool = False) -> pd.DataFrame:
    """Agency × task group, per province: the number of tasks each agency leads in each group.

    ``by`` is a task-table column (``section``, ``part``, or one added by the caller, e.g. a
    directive task group); rows are (province, canonical agency), empty groups are
    :data:`NO_GROUP`. Objectives are left out.
    """
    m = _led_mentions(tasks, mapped_to_today)
    groups = tasks.set_index("task_id")[by].fillna("").astype(str).replace("", NO_GROUP)
    m = m.assign(group=m["task_id"].map(groups))
    table = pd.crosstab([m["province"], m["canonical"]], m["group"])
    table.columns.name = by
    return table


def _quarter(due: pd.Series) -> pd.Series:
    dates = pd.to_datetime(due.where(due.astype(bool), None), errors="coerce")
    labels = dates.dt.year.astype("Int64").astype(str) + "Q" + dates.dt.quarter.astype("Int64").astype(str)
    return labels.where(dates.notna(), NO_DATE)


def agency_load(tasks: pd.DataFrame, *, mapped_to_today: bool = False) -> pd.DataFrame:
    """Per province and lead agency: tasks led, how many recur, and deadlines per quarter.

    Columns ``tasks_led``, ``recurring``, then one column per quarter of ``due`` (``2025Q2``,
    chronological) and :data:`NO_DATE`. Sorted by tasks led (most first), then province, agency.
    """
    m = _led_mentions(tasks, mapped_to_today)
    info = tasks.set_index("task_id")
    m = m.assign(quarter=_quarter(m["task_id"].map(info["due"]).fillna("").astype(str)),
                 recurring=m["task_id"].map(info["recurring"]).fillna(False).astype(bool))
    keys = [m["province"], m["canonical"]]
    counts = pd.crosstab(keys, m["quarter"])
    quarters = sorted(c for c in counts.columns if c != NO_DATE) + [c for c in counts.columns if c == NO_DATE]
    counts = counts[quarters]
    counts.columns.name = None
    counts.insert(0, "recurring", m.groupby(["province", "canonical"])["recurring"].sum().astype(int))
    counts.insert(0, "tasks_led", m.groupby(["province", "canonical"])["task_id"].nunique())
    order = counts.reset_index().sort_values(["tasks_led", "province", "canonical"],
                                             ascending=[False, True, True], kind="stable")
    return counts.loc[pd.MultiIndex.from_frame(order[["province", "canonical"]])]


def lead_differences(tasks: pd.DataFrame, matches: pd.DataFrame, *,
                     mapped_to_today: bool = True) -> pd.DataFrame:
    """For matched task pairs: the lead agencies of one task that do not lead its counterpart.

    By default both sides are mapped to today's bodies, so a 2023 "Sở Thông tin và Truyền
    thông" and a 2025 "Sở Khoa học và Công nghệ" count as the same lead. Pairs where either
    task names no lead, or both name the same leads, are left out.
    """
    lead = {t: set(filter(None, canonical_list(_text(f), mapped_to_today=mapped_to_today)
                          .split(LIST_SEPARATOR)))
            for t, f in zip(tasks["task_id"], tasks["lead"], strict=False)}
    rows = []
    for m in matches.to_dict("records"):
        a, b = lead.get(m["task_id_a"], set()), lead.get(m["task_id_b"], set())
        if a and b and a != b:
            rows.append({"task_id_a": m["task_id_a"], "task_id_b": m["task_id_b"],
                         "doc_id_a": m.get("doc_id_a", ""), "doc_id_b": m.get("doc_id_b", ""),
                         "province_a": m.get("province_a", ""), "province_b": m.get("province_b", ""),
                         "only_a": LIST_SEPARATOR.join(sorted(a - b)),
                         "only_b": LIST_SEPARATOR.join(sorted(b - a)),
                         "both": LIST_SEPARATOR.join(sorted(a & b)), "score": m.get("score")})
    return pd.DataFrame(rows, columns=["task_id_a", "task_id_b", "doc_id_a", "doc_id_b", "province_a",
                                       "province_b", "only_a", "only_b", "both", "score"])
