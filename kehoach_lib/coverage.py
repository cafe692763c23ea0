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
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from . import text as _text
from .directives import load_directive
from .match import TaskVectorizer
from .text import correct_spelling, expand_abbreviations, load_abbreviations, load_spelling, normalize_text

#: Best-task score from which a requirement counts as covered.
DEFAULT_COVERED = 0.30
#: Best-task score from which a requirement counts as partly covered.
DEFAULT_PARTIAL = 0.12
#: Document types that describe plans rather than being plans (left out of coverage).
EXCLUDED_DOC_TYPES = ("tin bài",)
#: Task kinds that can carry a requirement of kind "task".
TASK_KINDS = ("task", "duty")
#: Number of evidence terms reported.
DEFAULT_EVIDENCE_TERMS = 6
JUDGEMENTS = config.PROJECT_DIR / "tests" / "data" / "coverage_judgements.csv"

COVERAGE_COLUMNS = [
    "directive", "requirement_id", "requirement_text", "group", "province", "doc_id", "status",
    "task_id", "score", "evidence", "central_target", "province_target", "target_compare",
    "central_due", "province_due", "days_late",
]
STATUSES = ("covered", "partial", "missing")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def requirement_scores(
    tasks: pd.DataFrame, requirements: pd.DataFrame
) -> tuple[np.ndarray, TaskVectorizer, object, object]:
    """Cosine of every requirement (rows) with every task (columns), shared IDF."""
    vec = TaskVectorizer(section_weight=0.0)
    vec.fit(tasks["text"].tolist() + requirements["text"].tolist())
    xt = vec.transform(tasks["text"].tolist())
    xr = vec.transform(requirements["text"].tolist())
    return (xr @ xt.T).toarray(), vec, xr, xt


def _plain(text: str) -> str:
    """Lowercase NFC text with misspellings corrected and abbreviations expanded (the tables the
    tokenizer reads), for ``must`` word checks."""
    text = correct_spelling(normalize_text(text), load_spelling(_text.SPELLING_FILE))
    return " ".join(expand_abbreviations(text, load_abbreviations(_text.ABBREVIATIONS_FILE)).lower().split())


def eligible(tasks: pd.DataFrame, must: list[list[str]]) -> np.ndarray:
    """Tasks that use a word of every ``must`` group (all tasks when there are none)."""
    plain = tasks["text"].map(_plain)
    ok = np.ones(len(tasks), dtype=bool)
    for group in must:
        words = [_plain(w) for w in group]
        ok &= plain.map(lambda t, ws=words: any(w in t for w in ws)).to_numpy()
    return ok


def _status(score: float, covered: float, partial: float) -> str:
    if score >= covered:
        return "covered"
    return "partial" if score >= partial else "missing"


def compare_targets(central: list[dict], province_targets: str) -> tuple[str, str]:
    """(province figure, same|stricter|weaker|absent) against the first central target."""
    values = [float(v) for v in _PERCENT.findall(province_targets or "")]
    central_pct = [float(t["value"]) for t in central if t.get("unit") == "%"]
    if not central_pct:
        return "", ""
    if not values:
        return "", "absent"
    best = max(values)
    shown = "; ".join(dict.fromkeys(f"{v:g}%" for v in values))
    if best == central_pct[0]:
        return shown, "same"
    return shown, "stricter" if best > central_pct[0] else "weaker"


def _days(later: str, earlier: str) -> float:
    if not later or not earlier:
        return np.nan
    return float((date.fromisoformat(later) - date.fromisoformat(earlier)).days)


def coverage(tasks: pd.DataFrame, directive: str = "nq66", *, by: str = "province",
             covered: float = DEFAULT_COVERED, partial: float = DEFAULT_PARTIAL,
             doc_types: pd.Series | dict | None = None,
             evidence_terms: int = DEFAULT_EVIDENCE_TERMS) -> pd.DataFrame:
    """Requirement × province (``by="province"``) or × document (``by="document"``).

    ``doc_types`` (doc_id -> type) lets news articles and the like be left out; tasks
    without a province are left out of the per-province view, with one warning naming their
    documents (``by="document"`` keeps them).
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
    scores, vec, xr, xt = requirement_scores(tasks, reqs)
    rows = []
    for r, req in reqs.iterrows():
        ok = eligible(tasks, req["_must"])
        if req["kind"] == "task":  # work to do is carried by tasks and duties, not by aims
            ok &= tasks["kind"].isin(TASK_KINDS).to_numpy()
        masked = np.where(ok, scores[r], 0.0)
        for unit in units:
            cols = np.flatnonzero(tasks[key].to_numpy() == unit)
            best = cols[np.lexsort((cols, -masked[cols]))[0]]
            score = float(masked[best])
            status = _status(score, covered, partial)
            task = tasks.loc[best]
            found = status != "missing"
            province_target, compare = compare_targets(req["_targets"], task["targets"] if found else "")
            province_due = task["due"] if found else ""
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
                "days_late": _days(province_due, req["deadline"]),
            })
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)


def coverage_matrix(cov: pd.DataFrame, *, value: str = "status") -> pd.DataFrame:
    """Wide view: requirement × province (or document) of ``status`` (or ``score``)."""
    column = "province" if cov["province"].nunique() >= cov["doc_id"].replace("", np.nan).nunique() \
        or (cov["doc_id"] == "").any() else "doc_id"
    wide = cov.pivot(index="requirement_id", columns=column, values=value)
    wide = wide.loc[list(dict.fromkeys(cov["requirement_id"])), list(dict.fromkeys(cov[column]))]
    wide.columns.name = column
    return wide


def coverage_summary(cov: pd.DataFrame) -> pd.DataFrame:
    """Counts of covered / partial / missing requirements per province."""
    counts = pd.crosstab(cov["province"], cov["status"]).reindex(columns=list(STATUSES), fill_value=0)
    counts["share_covered"] = (counts["covered"] / counts.sum(axis=1)).round(3)
    return counts.loc[list(dict.fromkeys(cov["province"]))]


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
    return pd.read_csv(path, comment="#")
