"""Coverage: what each province's plans carry of a central directive, and what they miss.

Every requirement of a directive catalogue (:mod:`kehoach_lib.directives`) is compared with
every task of every plan, with the same TF-IDF representation as task matching (one
vectorizer fitted on tasks and requirements together, so scores share one IDF). Per
requirement and province (or document), the best-scoring task decides the status:

``covered``  score ≥ ``covered`` (default :data:`DEFAULT_COVERED`)
``partial``  score ≥ ``partial`` (default :data:`DEFAULT_PARTIAL`)
``missing``  otherwise

A province is covered through any of its documents, earlier or later; ``doc_id`` says
which. Targets and deadlines of the best task are set beside the central ones.

Two things qualify the deadline comparison (``days_late``, plan minus directive, in days):

- **Plans older than the directive.** With ``doc_dates`` (doc_id -> issue date) a row says
  whether its plan was issued before the directive (``predates``). Such a plan is still
  scored, since what an older plan already carries is worth seeing, but its deadlines were not
  set in answer to the directive, so ``days_late`` is left blank (NaN) for it.
- **Staged deadlines.** A plan may give one deadline per stage or year (``năm 2025 trước ngày
  30/6/2025 và năm 2026 trước ngày 30/6/2026``), while the task table's ``due`` keeps the
  latest. The stage compared is the one closest to the directive's deadline
  (:func:`plan_due`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from . import config
from . import text as _text
from .deadlines import own_deadline_text, resolve_due
from .directives import directive_info, list_directives, load_directive
from .match import TaskVectorizer
from .text import correct_spelling, expand_abbreviations, load_abbreviations, load_spelling, normalize_text

#: Best-task score from which a requirement counts as covered.
DEFAULT_COVERED = 0.30
#: Best-task score from which a requirement counts as partly covered.
DEFAULT_PARTIAL = 0.12
#: Document types that describe plans rather than being plans (left out of coverage).
EXCLUDED_DOC_TYPES = ("tin bài",)
#: Score from which an aim (an objective) that states a requirement of kind "task" with its target,
#: where no task or duty carries it, makes it partly covered: the plan sets the result, assigns the
#: work to no one (walkthrough 21b: Đồng Nai's "100% hồ sơ, kết quả giải quyết TTHC được số hoá" was
#: missing for NQ 66's digitisation task). Requirements without a target stay with the tasks: an aim
#: "giảm 30% chi phí tuân thủ" shares the words of "thống kê … chi phí tuân thủ", not its work.
AIM_ADDRESSES = 0.30
#: Task kinds that can carry a requirement of kind "task".
TASK_KINDS = ("task", "duty")
#: Number of evidence terms reported.
DEFAULT_EVIDENCE_TERMS = 6
JUDGEMENTS = config.PROJECT_DIR / "tests" / "data" / "coverage_judgements.csv"

COVERAGE_COLUMNS = [
    "directive", "requirement_id", "requirement_text", "group", "province", "doc_id", "status",
    "task_id", "score", "evidence", "central_target", "province_target", "target_compare",
    "central_due", "province_due", "days_late",
    # added later, so at the end: the plan was issued before the directive (True/False, <NA> unknown)
    "predates",
]
STATUSES = ("covered", "partial", "missing")
#: A percentage, with a decimal point or comma ("30.5%", "30,5%").
_PERCENT = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%")


def requirement_scores(
    tasks: pd.DataFrame, requirements: pd.DataFrame
) -> tuple[np.ndarray, TaskVectorizer, object, object]:
    """Cosine of every requirement (rows) with every task (columns), shared IDF."""
    vec = TaskVectorizer(section_weight=0.0)
    vec.fit(tasks["text"].tolist() + requirements["text"].tolist())
    xt = vec.transform(tasks["text"].tolist())
    xr = vec.transform(requirements["text"].tolist())
    return (xr @ xt.T).toarray(), vec, xr, xt


def _plain_texts(texts: pd.Series) -> pd.Series:
    """Lowercase NFC texts with misspellings corrected and abbreviations expanded (the tables the
    tokenizer reads), for ``must`` word checks; the tables read once, each distinct text once."""
    spelling, abbreviations = load_spelling(_text.SPELLING_FILE), load_abbreviations(_text.ABBREVIATIONS_FILE)
    plain = {t: " ".join(expand_abbreviations(correct_spelling(normalize_text(t), spelling), abbreviations)
                         .lower().split()) for t in dict.fromkeys(texts)}
    return texts.map(plain)


def eligible(tasks: pd.DataFrame, must: list[list[str]], *, plain: pd.Series | None = None,
             unless: list[str] | tuple[str, ...] = ()) -> np.ndarray:
    """Tasks that use a word of every ``must`` group (all tasks when there are none), not
    counting the words inside an ``unless`` phrase ("theo phân cấp ngân sách" uses no "phân cấp").

    ``plain`` is the tasks' texts as :func:`_plain_texts` reads them, when already at hand (reading
    them is most of the cost)."""
    plain = _plain_texts(tasks["text"]) if plain is None else plain
    if unless:
        phrases = _plain_texts(pd.Series(list(unless), dtype=object))
        plain = plain.str.replace("|".join(map(re.escape, phrases)), " ", regex=True)
    ok = np.ones(len(tasks), dtype=bool)
    for group in must:
        words = _plain_texts(pd.Series(group, dtype=object))
        if words.empty:  # a group with no word is met by no task
            return np.zeros(len(tasks), dtype=bool)
        ok &= plain.str.contains("|".join(map(re.escape, words)), regex=True).to_numpy(dtype=bool)
    return ok


def requirement_mask(tasks: pd.DataFrame, requirements: pd.DataFrame, *, work_only: bool = True,
                     headings: bool = True) -> np.ndarray:
    """Which task may carry which requirement (rows: requirements, columns: tasks): it uses a
    word of every ``must`` group, and for a requirement of kind ``task`` it is work to do (a
    task or duty, :data:`TASK_KINDS`), not an aim (with ``work_only``; an aim may still state
    the work's target: :func:`work_to_do` narrows that mask later). The words may stand in the
    task's heading too, with ``headings``: "thông tin rộng rãi về …" under "2.4. Về thông tin, tuyên
    truyền" is communication (walkthrough 21c; on the bundled judgements 0.930 agree with headings
    read, 0.904 without); the score is still the task's text's. Years are not read (:func:`of_year`)."""
    texts = tasks["text"].fillna("")
    plain = _plain_texts(texts + " | " + tasks["section"].fillna("") if headings and "section" in tasks else texts)
    worded = np.array([eligible(tasks, req["_must"], plain=plain, unless=req.get("_unless") or ())
                       for _, req in requirements.iterrows()], dtype=bool).reshape(len(requirements), len(tasks))
    return work_to_do(tasks, requirements, worded) if work_only else worded


def work_to_do(tasks: pd.DataFrame, requirements: pd.DataFrame, mask: np.ndarray) -> np.ndarray:
    """``mask`` (requirements × tasks) without the aims for requirements of kind ``task``."""
    doing = tasks["kind"].isin(TASK_KINDS).to_numpy()
    return mask & np.array([doing if kind == "task" else np.ones(len(tasks), dtype=bool)
                            for kind in requirements["kind"]], dtype=bool).reshape(mask.shape)


def requirement_profiles(tasks: pd.DataFrame, *, vectorizer: TaskVectorizer, x: sp.csr_matrix,
                         directives: Sequence[str] | None = None) -> sp.csr_matrix:
    """Each task's profile over the requirements of the directive catalogues (rows: tasks,
    unit length; a task that may carry no requirement has an empty row).

    A profile holds the task's cosine with every requirement it may carry
    (:func:`requirement_mask`), read with the matcher's fitted ``vectorizer`` and its vectors
    ``x`` of the task texts. Two tasks whose profiles point the same way answer the same
    requirements, which the pair scorer reads as evidence that they say the same thing even in
    different words (:data:`kehoach_lib.scorer.FEATURES`, ``directive``). ``directives``
    defaults to every catalogue (:func:`~kehoach_lib.directives.list_directives`).
    """
    names = list_directives() if directives is None else list(directives)
    reqs = pd.concat([load_directive(d) for d in names], ignore_index=True) if names else pd.DataFrame()
    if reqs.empty or len(tasks) == 0:
        return sp.csr_matrix((len(tasks), len(reqs)))
    scores = (vectorizer.transform(reqs["text"].tolist()) @ x.T).toarray()
    # (a task's own words only: the matcher compares what two tasks say, a shared heading is no
    # evidence that they answer the same requirement; with headings labelled pairs fell 0.706 -> 0.688)
    scores = np.where(requirement_mask(tasks.reset_index(drop=True), reqs, headings=False), scores, 0.0)
    return normalize(sp.csr_matrix(scores.T))


#: The years a heading names: "Mục tiêu năm 2025", "năm 2025 và 2026", "năm 2025 - 2026".
_HEADING_YEARS = re.compile(r"\bnăm\s+(20\d{2}(?:\s*(?:-|–|và|,)\s*(?:năm\s+)?20\d{2})*)", re.IGNORECASE)
#: A heading that names a period up to a year ("đến năm 2030", "giai đoạn 2021 - 2025") does not
#: tie its tasks to one year.
_HEADING_PERIOD = re.compile(r"\b(?:đến|giai đoạn)\s+(?:năm\s+)?20\d{2}", re.IGNORECASE)


#: A year that opens a sentence: "Năm 2026: …", "Trong năm 2025, …", "Đến hết năm 2025, …", or a day
#: of it: "Đến ngày 31/12/2025, …", also after "Phấn đấu" (walkthrough 21c; not "Đến năm 2030, …", a
#: period up to a year).
_YEAR_OPENING = (r"(?:[-+•]\s*)?(?:phấn đấu\s+)?(?:(?:(?:trong|đến hết|hết)\s+)?năm\s+"
                 r"|(?:đến|trước)\s+ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*)(20\d{2})\s*[:,]")
#: A task that opens with its year: "Năm 2026: cắt giảm 50% thời gian …" ...
_TEXT_YEAR = re.compile(rf"^\s*{_YEAR_OPENING}", re.IGNORECASE)
#: ... and every year it labels: "Năm 2025: …; năm 2026: …".
_TEXT_YEAR_LABEL = re.compile(rf"(?:^|[;.]\s*){_YEAR_OPENING}", re.IGNORECASE)


#: ... or closes with it: "…, hoàn thành trong năm 2025.", "… trong năm 2025." (walkthrough 21c).
_YEAR_CLOSING = re.compile(r"(?:hoàn thành|thực hiện xong|xong)?\s*trong\s+năm\s+(20\d{2})\s*[.;]?\s*$", re.IGNORECASE)


def _heading_years(section: str) -> set[str]:
    """The years a heading names (empty: none, or a period up to a year)."""
    if _HEADING_PERIOD.search(section or ""):
        return set()
    years: set[str] = set()
    for m in _HEADING_YEARS.finditer(section or ""):
        found = [int(y) for y in re.findall(r"20\d{2}", m.group(1))]
        if len(found) == 2 and re.search(r"20\d{2}\s*[-–]\s*(?:năm\s+)?20\d{2}", m.group(1)):
            found = list(range(found[0], found[1] + 1))
        years |= {str(y) for y in found}
    return years


def of_year(tasks: pd.DataFrame, year) -> np.ndarray:
    """Tasks that can carry a requirement of ``year``: all, but those whose heading names years
    and not this one ("Mục tiêu năm 2026" does not carry an objective for 2025; "năm 2025 và
    2026", "năm 2025 - 2026" and "đến năm 2030" carry both), or that open with another year
    ("Năm 2025: giảm 30% …" does not carry 2026's) or close with it ("…, hoàn thành trong năm
    2025."). Without a year, all."""
    if year is None or pd.isna(year) or str(year).strip() == "":
        return np.ones(len(tasks), dtype=bool)
    wanted = str(int(float(year)))
    named = tasks["section"].fillna("").map(_heading_years)
    # a task's own year label is closer than its heading's: "- Năm 2025: giảm 30% thời gian …"
    labelled = tasks["text"].fillna("").map(
        lambda t: set(_TEXT_YEAR_LABEL.findall(t)) if _TEXT_YEAR.match(t) else set(_YEAR_CLOSING.findall(t)))
    named = [own or heading for own, heading in zip(labelled, named, strict=True)]
    return np.array([not ys or wanted in ys for ys in named], dtype=bool)


def _status(score: float, covered: float, partial: float) -> str:
    if score >= covered:
        return "covered"
    return "partial" if score >= partial else "missing"


#: A year that labels the figures after it: "… — Năm 2025: ≥ 60% — Năm 2026: ≥ 80%" (a table's year
#: columns as the task's text joins them), "Năm 2025: …; năm 2026: …".
_YEAR_LABEL = re.compile(r"(?:^|(?<=[—;.])\s*|\s+[—–-]\s+)(?:trong\s+)?năm\s+(\d{4})\s*:", re.IGNORECASE)


def of_year_text(text: str, year) -> str:
    """``text`` without the figures labelled with other years than ``year``: for "Tỷ lệ hồ sơ
    trực tuyến — Năm 2025: ≥ 60% — Năm 2026: ≥ 80%" and 2026, "Tỷ lệ hồ sơ trực tuyến — Năm 2026:
    ≥ 80%"; the whole text when no label names ``year``."""
    if year is None or pd.isna(year) or str(year).strip() == "":
        return text
    labels = list(_YEAR_LABEL.finditer(text or ""))
    if not any(int(m.group(1)) == int(float(year)) for m in labels):
        return text
    parts = [text[: labels[0].start()]]
    for m, nxt in zip(labels, [*labels[1:], None], strict=True):
        if int(m.group(1)) == int(float(year)):
            parts.append(text[m.start(): nxt.start() if nxt else len(text)])
    return "".join(parts)


def compare_targets(central: list[dict], province_targets: str, *, text: str | None = None,
                    year=None) -> tuple[str, str]:
    """(province figure, same|stricter|weaker|absent) against the central target.

    With ``year`` (a requirement of one year), figures the text labels with other years
    (:func:`of_year_text`) are not read.

    With the task's ``text``, a percentage counts only for the central target whose object it
    is written about (:func:`target_figures`: "giảm 30% thời gian giải quyết và 30% chi phí tuân
    thủ" gives 30% for each, while "100% TTHC trực tuyến" in the same sentence is about neither),
    compared with the first central target the plan gives a figure for. Without ``text``,
    every percentage of ``province_targets`` is read against the first central target."""
    central_pct = [t for t in central if t.get("unit") == "%"]
    if not central_pct:
        return "", ""
    if text is not None and (narrowed := of_year_text(text, year)) != text:
        text, province_targets = narrowed, "; ".join(f"{v}%" for v in _PERCENT.findall(narrowed))
    if text is not None and any(t.get("of") for t in central_pct):
        figures = target_figures(text, [t.get("of", "") for t in central_pct])
        found = [(k, v) for k, values in enumerate(figures) for v in values]
        if not found:
            return "", "absent"
        first = found[0][0]
        values = [v for k, v in found if k == first]
        target = float(central_pct[first]["value"])
        shown = "; ".join(dict.fromkeys(f"{v:g}%" for _, v in found))
    else:
        values = [float(v.replace(",", ".")) for v in _PERCENT.findall(province_targets or "")]
        if not values:
            return "", "absent"
        target = float(central_pct[0]["value"])
        shown = "; ".join(dict.fromkeys(f"{v:g}%" for v in values))
    best = max(values)
    if best == target:
        return shown, "same"
    return shown, "stricter" if best > target else "weaker"


#: Words that say nothing of what a figure is about ("… TTHC được cắt giảm so với năm 2024").
_TARGET_FILLER = frozenset("được các và của đến so với trong năm thực hiện".split())
#: Share of a central target's object words a figure's following words must have to be about it.
TARGET_OBJECT_SHARE = 0.5


def _object_words(text: str) -> set[str]:
    text = text.replace("thủ tục hành chính", " ").replace("tthc", " ")
    return {w for w in re.findall(r"\w+", text) if w not in _TARGET_FILLER and not w.isdigit()}


#: Words that say "all of it", read as 100% of what follows: "… đối với toàn bộ TTHC đủ điều kiện".
_WHOLE = re.compile(r"\b(?:toàn bộ|tất cả)\b", re.IGNORECASE)


def target_figures(text: str, objects: list[str]) -> list[list[float]]:
    """For each central target's object (``of``), the percentages ``text`` writes about it.

    A figure is about an object when the words after it, up to the next figure or ``;``, hold
    at least :data:`TARGET_OBJECT_SHARE` of the object's words ("giảm 30% thời gian giải
    quyết"), or else its whole clause does, the words before it back to the previous figure or
    ``;`` too ("Cung cấp dịch vụ công trực tuyến … đối với 100% TTHC đủ điều kiện").
    Abbreviations are expanded; "thủ tục hành chính" and filler words are left out."""
    plain = _plain_texts(pd.Series([text, *objects], dtype=object)).tolist()
    body, wanted = _WHOLE.sub("100%", plain[0]), [_object_words(o) for o in plain[1:]]
    out: list[list[float]] = [[] for _ in objects]
    marks = list(_PERCENT.finditer(body))
    for i, m in enumerate(marks):
        after = body[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(body)].split(";")[0]
        # the words before it back to the previous figure or the clause's start (, or ;); back to
        # the ";" when nothing after it names what it is about ("TTHC nội bộ được rà soát, cắt
        # giảm, đơn giản hóa đạt 100%")
        span = body[marks[i - 1].end() if i else 0 : m.start()]
        near = _object_words(after)
        before = span.split(";")[-1] if len(near) <= 1 else re.split(r"[;,]", span)[-1]
        clause = _object_words(before + " " + after)
        # (an object the clause begins may run back over a comma: "chỉ phải cung cấp thông tin, giấy tờ
        # một lần … đối với 100% TTHC …", walkthrough 21d; not into another clause that shares none of
        # its words: "Cắt giảm thời gian giải quyết TTHC, 100% hồ sơ được số hóa")
        sentence = _object_words(span.split(";")[-1] + " " + after)
        for k, obj in enumerate(wanted):
            reach = max(len(obj & near), len(obj & clause), len(obj & sentence) if obj & clause else 0)
            if obj and reach >= TARGET_OBJECT_SHARE * len(obj):
                out[k].append(float(m.group(1).replace(",", ".")))
    return out


def _unstated(req, tasks: pd.DataFrame, rows) -> list[str]:
    """The objects of ``req``'s percentage targets that none of the tasks ``rows`` gives a figure for
    (only for a requirement of several targets with objects: one target is :func:`compare_targets`'s)."""
    central = [t for t in req["_targets"] if t.get("unit") == "%" and t.get("of")]
    if len(central) < 2:
        return []
    texts = [of_year_text(tasks.at[j, "text"], req["year"]) for j in rows]
    stated = [any(found) for found in zip(*(map(bool, target_figures(t, [c["of"] for c in central]))
                                            for t in texts), strict=True)] if texts else [False] * len(central)
    return [c["of"] for c, ok in zip(central, stated, strict=True) if not ok]


def _days(later: str, earlier: str) -> float:
    if not later or not earlier:
        return np.nan
    return float((date.fromisoformat(later) - date.fromisoformat(earlier)).days)


def date_bounds(value) -> tuple[date, date] | None:
    """First and last day a document date can stand for, or ``None`` when it is unknown.

    ``2023-02-17`` is that day, ``2023-08`` the month and ``2024`` the year (the forms of
    :attr:`kehoach_lib.load.Document.date`); any form :func:`kehoach_lib.load.iso_date` reads
    (``17/2/2023``, ``tháng 8/2023``) and ``datetime.date`` values are read too.
    """
    from .load import iso_date

    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value, value
    iso = iso_date(str(value))
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    first = date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    if len(parts) == 3:
        return first, first
    return first, (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()


def predates(doc_date, directive_date) -> bool | pd.api.typing.NAType:
    """Was a document issued before the directive? ``True``, ``False``, or ``pd.NA`` when a
    date is unknown or too coarse to tell (a plan of ``2025`` against a directive of
    26/3/2025). A document of the directive's own day does not predate it."""
    doc, central = date_bounds(doc_date), date_bounds(directive_date)
    if doc is None or central is None:
        return pd.NA
    if doc[1] < central[0]:
        return True
    if doc[0] >= central[0]:
        return False
    return pd.NA


def _all_predate(values) -> bool | pd.api.typing.NAType:
    """``True`` if every value is True, ``False`` if one is False, else ``pd.NA``."""
    values = list(values)
    if values and all(v is True for v in values):
        return True
    if any(v is False for v in values):
        return False
    return pd.NA


def _labelled_years(source: str) -> set[str]:
    """Years whose stage is labelled with them: a part (``;``, ``+`` or a line) that names one
    year alone ("Phương án năm 2025: Trước ngày 31/12/2025") and whose deadline falls in it; a
    part naming two ("năm 2025 và năm 2026: dự thảo trước …, hoàn thành trước …") labels none."""
    found = set()
    for part in re.split(r"[;+\n]", source or ""):
        years = set(re.findall(r"năm\s+(20\d{2})", part, flags=re.IGNORECASE))
        due = resolve_due(part)
        if len(years) == 1 and due is not None and str(due.year) in years:
            found |= years
    return found


def deadline_stages(text: str, deadline_text: str, due: str) -> list[str]:
    """The dates (ISO, ascending) of a staged deadline, or ``[due]`` (``[]`` without one).

    A stage is a deadline phrase introduced by a cue (``trước``, ``chậm nhất``, ``trong``,
    ``đến``, or a year after a word of completion, ``hoàn thành trong năm 2025``:
    :func:`kehoach_lib.deadlines.own_deadline_text`), read from the task's own wording
    first and then from its deadline as written, as the parser does; the stages must recur on
    the same day of successive years (``trước ngày 30/6/2025 và … trước ngày 30/6/2026``; each
    year's latest date is its stage, earlier ones are steps towards it), or be labelled each with
    its year (``năm 2025: trước ngày 31/12/2025; năm 2026: Quý I/2026``):
    dates that are steps towards one end (``dự thảo trước 30/6/2025, trình phê duyệt trước
    31/12/2025``) are ``[due]``, the end, so an early step never hides a late finish. A span without cues
    (``Tháng 2 – Tháng 5``, ``01/3 – 30/7``) is a period, not stages, so it is ``[due]``; so is
    any reading whose latest stage is not the task's ``due``, which keeps to the parser's
    reading.
    """
    due = due if isinstance(due, str) else ""
    if not due:
        return []
    for source, as_written in ((text, False), (deadline_text, True)):
        source = source if isinstance(source, str) else ""
        phrases = own_deadline_text(source).split("; ")
        if as_written:  # a deadline as written needs no cue, part by part ("…; Quý I/2026")
            phrases += re.split(r"[;\n]", source)
        found = {resolve_due(p) for p in phrases if p.strip()}
        found.discard(None)
        if found:
            stages = sorted(d.isoformat() for d in found)
            # stages are the same deadline year after year (30/6/2025, 30/6/2026); other dates
            # are steps towards one end (a draft, then the plan), and the end is what counts
            # (within a year, earlier dates are steps towards that year's: "gửi trước ngày
            # 10/6/2025 …, phê duyệt chậm nhất ngày 30/6/2025; phương án năm 2026 … trước ngày 30/6/2026")
            ends: dict[str, str] = {}
            for stage in stages:
                ends[stage[:4]] = max(ends.get(stage[:4], stage), stage)
            # ... or each year's stage is labelled with its year ("phương án năm 2025: trước ngày
            # 31/12/2025; phương án năm 2026: Quý I/2026")
            same_day = len({d[5:] for d in ends.values()}) == 1
            yearly = len(ends) > 1 and (same_day or set(ends) <= _labelled_years(source))
            return sorted(ends.values()) if stages[-1] == due and yearly else [due]
    return [due]


def plan_due(stages: list[str], central_due: str) -> str:
    """The plan's deadline to set beside the directive's: of its stages, the one closest to
    ``central_due`` (a tie goes to the later, so a delay is not hidden); the latest stage
    (the task's ``due``) when the directive states no deadline.

    Closest, because each stage answers the stage of the directive nearest in time: a plan
    approving its 2025 simplification plan by 30/6/2025 and its 2026 plan by 30/6/2026 meets
    a deadline of 30/6/2025 (0 days), and one that asks for it by 15/6/2025 is 15 days early.
    Taking the latest stage made the first plan a year late; taking the first stage on or
    after the directive's deadline would make the second one 350 days late.
    """
    if not stages:
        return ""
    if not central_due or len(stages) == 1:
        return stages[-1]
    central = date.fromisoformat(central_due)
    return min(stages, key=lambda s: (abs((date.fromisoformat(s) - central).days), -date.fromisoformat(s).toordinal()))


def coverage(tasks: pd.DataFrame, directive: str = "nq66", *, by: str = "province",
             covered: float = DEFAULT_COVERED, partial: float = DEFAULT_PARTIAL,
             doc_types: pd.Series | dict | None = None,
             doc_dates: pd.Series | dict | None = None,
             evidence_terms: int = DEFAULT_EVIDENCE_TERMS) -> pd.DataFrame:
    """Requirement × province (``by="province"``) or × document (``by="document"``).

    ``doc_types`` (doc_id -> type) lets news articles and the like be left out; tasks
    without a province are left out of the per-province view, with one warning naming their
    documents (``by="document"`` keeps them).

    ``doc_dates`` (doc_id -> issue date, ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, as
    ``Document.date``) fills ``predates``: ``True`` when the row's plan was issued before the
    directive's date, ``False`` when on or after it, ``<NA>`` when unknown (no ``doc_dates``, a
    document not in it, or a date too coarse to tell). A plan that predates the directive is
    scored as any other, but its ``days_late`` is blank (NaN): its deadlines were not set in
    answer to the directive; so is that of a plan with no date at all (without ``doc_dates``,
    every plan), which cannot be told apart. ``province_due`` stays the plan's date.

    A row names one plan, the ``doc_id`` of its best task, and ``predates`` and ``days_late``
    are that plan's. So in the per-province view, where a province may have several plans, a
    requirement carried best by an older plan has a blank ``days_late`` even when a newer plan
    of the province exists (its ``doc_id`` says which plan it is). A ``missing`` row names no
    plan: it predates the directive only if every plan of its province does (``False`` if one
    is of the directive's date or later, ``<NA>`` otherwise), and has no deadline to compare.

    ``province_due`` is the plan's deadline closest to the directive's among the stages the
    task states (:func:`deadline_stages`, :func:`plan_due`), so a staged deadline (``năm 2025
    trước ngày 30/6/2025 và năm 2026 trước ngày 30/6/2026``) is compared stage to stage; it is
    the task's ``due`` when there is one stage or no central deadline.
    """
    if by not in ("province", "document"):
        raise ValueError("by must be 'province' or 'document'")
    reqs = load_directive(directive)
    tasks = tasks.reset_index(drop=True)
    if doc_types is not None:
        types = dict(doc_types)
        tasks = tasks[~tasks.doc_id.map(types).isin(EXCLUDED_DOC_TYPES)].reset_index(drop=True)
    key = "province" if by == "province" else "doc_id"
    unnamed = config.blank(tasks[key])
    if unnamed.any():
        import warnings

        docs = [str(d) for d in dict.fromkeys(tasks.doc_id[unnamed])]
        advice = ("give them one in manifest.csv, or compare by document (kehoach coverage --by document)"
                  if by == "province" else "give them a doc_id in manifest.csv")
        warnings.warn(f"coverage by {by}: {len(docs)} document(s) with no {key} left out "
                      f"({', '.join(docs[:3])}{', …' if len(docs) > 3 else ''}); {advice}", config.NoProvinceWarning,
                      stacklevel=2)
    units = list(dict.fromkeys(tasks[key][~unnamed]))
    if not units:  # no task to compare (an empty corpus, or only news articles)
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    directive_date = directive_info(directive)["date"]
    dates = dict(doc_dates) if doc_dates is not None else {}
    doc_predates = {d: predates(dates.get(d), directive_date) for d in dict.fromkeys(tasks.doc_id)}
    undated = {d for d in doc_predates if date_bounds(dates.get(d)) is None}  # no date at all
    unit_predates = {unit: _all_predate(doc_predates[d] for d in dict.fromkeys(tasks.doc_id[tasks[key] == unit]))
                     for unit in units}
    scores, vec, xr, xt = requirement_scores(tasks, reqs)
    worded = requirement_mask(tasks, reqs, work_only=False)  # the tasks that use each one's words ...
    mask = work_to_do(tasks, reqs, worded)  # ... of which tasks and duties carry work, aims may state its target
    rows = []
    for r, req in reqs.iterrows():
        in_year = of_year(tasks, req["year"])
        masked = np.where(mask[r] & in_year, scores[r], 0.0)
        worded_in_year = worded[r] & in_year
        said = np.where(worded_in_year, scores[r], 0.0)
        for unit in units:
            cols = np.flatnonzero(tasks[key].to_numpy() == unit)
            best = cols[np.lexsort((cols, -masked[cols]))[0]]
            score = float(masked[best])
            status = _status(score, covered, partial)
            if status == "missing" and req["kind"] == "task" and req["_targets"]:
                # work the plan sets no task for but states as an aim with its target ("100% hồ sơ
                # … được số hóa" among its objectives): addressed, not assigned, so partial
                aim = cols[np.lexsort((cols, -said[cols]))[0]]
                if said[aim] >= AIM_ADDRESSES and compare_targets(
                        req["_targets"], tasks.at[aim, "targets"], text=tasks.at[aim, "text"],
                        year=req["year"])[1] != "absent":
                    best, score, status = aim, float(said[aim]), "partial"
            task = tasks.loc[best]
            found = status != "missing"
            province_target, compare = compare_targets(req["_targets"], task["targets"] if found else "",
                                                       text=task["text"] if found else None, year=req["year"])
            if status == "covered" and compare == "absent":
                # the work without its target: covered when another task of the plan that carries
                # the requirement states the target (an objective "100% hồ sơ được số hóa" beside
                # the task "Số hóa hồ sơ, kết quả …": it is then the row's task and evidence, the
                # score stays the best task's), else partial
                stated = next(((j, *t) for j in cols[np.lexsort((cols, -said[cols]))]
                               if j != best and said[j] >= partial and (t := compare_targets(
                                   req["_targets"], tasks.at[j, "targets"], text=tasks.at[j, "text"],
                                   year=req["year"]))[1] != "absent"),
                              None)
                if stated is None:
                    status = "partial"
                else:
                    best, province_target, compare = stated
                    task = tasks.loc[best]
            if status == "covered" and (unstated := _unstated(req, tasks, cols[worded_in_year[cols]])):
                # a requirement of two figures (time and cost) of which the plan states one, in any
                # task that uses its words: partial
                status = "partial"
                province_target = f"{province_target} (none for: {'; '.join(unstated)})"
            province_due = plan_due(deadline_stages(task["text"], task["deadline_text"], task["due"]),
                                    req["deadline"]) if found else ""
            old = doc_predates[task["doc_id"]] if found else unit_predates[unit]
            rows.append({
                "directive": req["directive"], "requirement_id": req["requirement_id"],
                "requirement_text": req["text"], "group": req["group"],
                "province": task["province"], "doc_id": task["doc_id"] if found else (
                    unit if by == "document" else ""),
                "status": status, "task_id": task["task_id"] if found else "",
                "score": round(score, 4),
                "evidence": vec.shared_terms(xr[r], xt[best], top=evidence_terms) if found else "",
                "central_target": req["targets"], "province_target": province_target,
                "target_compare": compare if found or not req["targets"] else "absent",
                "central_due": req["deadline"], "province_due": province_due,
                "days_late": (np.nan if old is True or (found and task["doc_id"] in undated)
                              else _days(province_due, req["deadline"])),
                "predates": old,
            })
    out = pd.DataFrame(rows, columns=COVERAGE_COLUMNS)
    out["predates"] = out["predates"].astype("boolean")
    out.attrs["by"] = by  # for coverage_summary
    return out


def coverage_matrix(cov: pd.DataFrame, *, value: str = "status") -> pd.DataFrame:
    """Wide view: requirement × province (or document) of ``status`` (or ``score``)."""
    column = "province" if cov["province"].nunique() >= cov["doc_id"].replace("", np.nan).nunique() \
        or (cov["doc_id"] == "").any() else "doc_id"
    wide = cov.pivot(index="requirement_id", columns=column, values=value)
    wide = wide.loc[list(dict.fromkeys(cov["requirement_id"])), list(dict.fromkeys(cov[column]))]
    wide.columns.name = column
    return wide


def coverage_summary(cov: pd.DataFrame, *, by: str | None = None) -> pd.DataFrame:
    """Counts of covered / partial / missing requirements per province (``by="province"``) or
    per document (``by="document"``, for :func:`coverage` ``by="document"``: a province's
    documents added together would count each requirement once per document). By default,
    per document when the table has more than one row of a requirement for a province."""
    if by is None:  # as coverage() made it; a table read back from CSV: by its rows
        by = cov.attrs.get("by") or (
            "document" if cov.duplicated(["requirement_id", "province"]).any()
            or (cov.province.isna() & cov.doc_id.notna()).any() else "province")
    if by not in ("province", "document"):
        raise ValueError("by must be 'province' or 'document'")
    key = "province" if by == "province" else "doc_id"
    counts = pd.crosstab(cov[key], cov["status"]).reindex(columns=list(STATUSES), fill_value=0)
    counts["share_covered"] = (counts["covered"] / counts.sum(axis=1)).round(3)
    return counts.loc[[k for k in dict.fromkeys(cov[key]) if pd.notna(k)]]


def gaps(cov: pd.DataFrame) -> pd.DataFrame:
    """The requirements a province's plans miss or only partly carry."""
    cols = ["province", "requirement_id", "group", "status", "requirement_text", "task_id", "score"]
    return cov[cov.status != "covered"][cols].reset_index(drop=True)


def evaluate_coverage(tasks: pd.DataFrame, judgements: pd.DataFrame | None = None, *,
                      doc_types=None, **params) -> dict:
    """Agreement of coverage statuses with judgements made by reading the plans."""
    judged = pd.read_csv(JUDGEMENTS, comment="#") if judgements is None else judgements
    out = {}
    frames = []
    for directive, part in judged.groupby("directive", sort=False):
        cov = coverage(tasks, directive, doc_types=doc_types, **params)
        merged = part.merge(cov, on=["directive", "requirement_id", "province"], suffixes=("_judged", ""))
        frames.append(merged)
    merged = pd.concat(frames, ignore_index=True)
    agree = merged["status"] == merged["status_judged"]
    out["accuracy"] = round(float(agree.mean()), 3)
    out["n"] = int(len(merged))
    # missing vs. present (covered or partial): the question "does the plan address it?"
    present = merged["status"] != "missing"
    judged_present = merged["status_judged"] != "missing"
    out["presence_accuracy"] = round(float((present == judged_present).mean()), 3)
    out["confusion"] = pd.crosstab(merged["status_judged"], merged["status"]).to_dict()
    return out


def load_judgements(path: str | Path = JUDGEMENTS) -> pd.DataFrame:
    """Coverage statuses judged by reading the bundled plans (requirement × province), for
    :func:`evaluate_coverage`."""
    return pd.read_csv(path, comment="#")
