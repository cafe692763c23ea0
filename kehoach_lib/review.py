"""A researcher's judgements of matches: a review sheet to fill in, and match tables that honour it.

The matcher finds about half of the pairs that say the same thing in different words (see
``kehoach evaluate``), so a researcher who publishes from the match table checks it first:

1. :func:`review_sheet` lists every pair the pair scorer considers (probability at least
   :data:`REVIEW_FLOOR`), matched or not, with both texts and the terms they share;
2. the researcher writes ``1`` (the same commitment) or ``0`` (not) in its ``label`` column, or
   leaves it blank, and may add a ``note``; rows can be added by hand for pairs the sheet lacks;
3. :func:`load_judgements` reads the sheet back and :func:`apply_judgements` gives the match
   table with every pair judged 1 in it and every pair judged 0 out (column ``judgement``:
   ``confirmed`` or ``added``).

Sides are written as (document, the task's first source line), like the evaluation files in
``tests/data``, so judgements survive re-runs and changes of task ids, and a judgements file
can also be scored with :func:`kehoach_lib.match.evaluate_matching`. ``kehoach review`` and
``kehoach match --judgements FILE`` do the same from the command line.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .match import DEFAULT_PROBABILITY, label_task_ids, pair_rows

#: Lowest pair-scorer probability listed in a review sheet. On the bundled corpus the sheet then
#: lists 767 pairs holding 256 of the alignment's 385 pairs (the default table: 312 pairs, 184
#: aligned); of the candidates between 0.05 and 0.1, 8% are aligned, between 0.1 and 0.2, 12%.
#: Judging by ``priority`` with the alignment's answers: the first 200 pairs raise its
#: F1 from 0.53 to 0.63 (0.59 for the first 200 in sheet order), 400 to 0.70 (0.67), all 767 to 0.80.
REVIEW_FLOOR = 0.1
#: Columns a judgements file must have (the review sheet has more, for reading).
JUDGEMENT_COLUMNS = ["doc_a", "line_a", "doc_b", "line_b", "label"]
REVIEW_COLUMNS = ["label", "note", "priority", "matched", "probability", "score", "text_a", "text_b", "shared_terms",
                  "doc_a", "line_a", "doc_b", "line_b", "task_id_a", "task_id_b"]
#: How a label may be written (case-insensitive); a blank label means "not judged yet".
LABEL_WORDS = {"1": 1, "0": 0, "yes": 1, "no": 0, "y": 1, "n": 0, "true": 1, "false": 0,
               "có": 1, "không": 0, "1.0": 1, "0.0": 0}
JUDGEMENT = "judgement"
#: Files read and written as workbooks; the sheet a workbook's judgements are read from.
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
REVIEW_SHEET = "review"


class JudgementError(ValueError):
    """A judgements file that cannot be used; the message names the file, the rows and why."""


def review_sheet(tasks: pd.DataFrame, *, floor: float = REVIEW_FLOOR, probability: float = DEFAULT_PROBABILITY,
                 judgements: pd.DataFrame | None = None, model=None, embeddings: pd.DataFrame | None = None,
                 cache_dir=None) -> pd.DataFrame:
    """Pairs to review (columns :data:`REVIEW_COLUMNS`): every candidate pair with a pair-scorer
    probability of at least ``floor``; ``matched`` says whether the default table (probability
    ``probability``) has it. Ordered by pair of documents, then side a's line, then probability
    (highest first). ``priority`` ranks the pairs by how near their probability lies to
    ``probability`` (1 = nearest: the pairs whose judgement most likely changes the table), for a
    researcher who cannot judge them all; see :data:`REVIEW_FLOOR`.

    With ``judgements`` (from :func:`load_judgements`, with ``notes=True`` to keep notes on rows
    not labelled yet) their labels and notes are filled in, so a sheet can be continued after a
    re-run without losing anything: judged pairs the scorer does not list become rows too, and
    judgements that no longer name two tasks of different documents are kept at the end, with
    their sides as written and no task ids (and one warning). ``model`` and ``embeddings``: the
    pair scorer, as in :func:`kehoach_lib.match.match_tasks`.
    """
    if floor > probability:
        raise ValueError(f"floor ({floor}) must not exceed probability ({probability})")
    tasks = tasks.reset_index(drop=True)
    judged, lost = _resolve(tasks, judgements)
    _warn_lost(judgements, lost)
    # the scorer's pairs at the floor, and the judged pairs it does not list
    cand = pair_rows(tasks, judged.task_a.tolist(), judged.task_b.tolist(), probability=floor, model=model,
                     embeddings=embeddings, cache_dir=cache_dir)
    line = dict(zip(tasks.task_id, tasks.line_start, strict=True))
    order = {d: i for i, d in enumerate(dict.fromkeys(tasks.doc_id))}
    sheet = cand.assign(
        matched=(cand.probability.to_numpy() >= probability) & (cand.shared_terms != "").to_numpy(),
        doc_a=cand.doc_id_a, line_a=cand.task_id_a.map(line), doc_b=cand.doc_id_b, line_b=cand.task_id_b.map(line),
        label=pd.array([pd.NA] * len(cand), dtype="Int64"), note="",
    )
    if len(judged):
        by_key = judged.set_index("key")
        keys = pd.Series(_keys(sheet), index=sheet.index)
        hit = keys.isin(by_key.index)
        sheet.loc[hit, "label"] = by_key.label.reindex(keys[hit]).to_numpy()
        sheet.loc[hit, "note"] = by_key.note.reindex(keys[hit]).fillna("").to_numpy()
    sheet = sheet.assign(_da=sheet.doc_a.map(order), _db=sheet.doc_b.map(order), _p=-sheet.probability.fillna(-1))
    sheet = sheet.sort_values(["_da", "_db", "line_a", "_p", "line_b"], kind="stable")
    sheet["priority"] = _priority(sheet.probability, probability)
    sheet = sheet[REVIEW_COLUMNS]
    if len(lost):
        kept = lost[["doc_a", "line_a", "doc_b", "line_b", "label", "note"]].assign(matched=False)
        sheet = pd.concat([sheet, kept.astype({"label": "Int64"})], ignore_index=True)[REVIEW_COLUMNS]
    return sheet.reset_index(drop=True)


def _priority(prob: pd.Series, probability: float) -> pd.Series:
    """1, 2, ... by distance of ``prob`` from the match threshold (ties in sheet order); no
    priority for a pair without a probability (judged pairs the scorer does not consider)."""
    distance = (prob - probability).abs()
    return distance.rank(method="first", na_option="keep").astype("Int64")


def load_judgements(path: str | Path, *, notes: bool = False) -> pd.DataFrame:
    """The judged rows of a judgements file: a filled-in review sheet, or any table with the
    columns :data:`JUDGEMENT_COLUMNS`, as CSV (comma, semicolon or tab; UTF-8, or an encoding
    the corpus's files may have, with a warning) or as a workbook (:data:`EXCEL_SUFFIXES`;
    sheet ``review`` or the first).

    Columns ``doc_a, line_a, doc_b, line_b, label`` (0/1), ``note`` and ``row`` (the file line
    or sheet row). Rows with a blank label are left out, except, with ``notes=True``, those
    with a note (label ``<NA>``: for continuing a sheet). A label that is not one of
    :data:`LABEL_WORDS`, a missing or repeated column, a side without its document or line,
    or one pair judged both ways raises :class:`JudgementError` naming the file and its rows.
    """
    path = Path(path)
    raw = _read_table(path)
    missing = [c for c in JUDGEMENT_COLUMNS if c not in raw.columns]
    if missing:
        raise JudgementError(f"{path}: missing columns {missing} (needed: {JUDGEMENT_COLUMNS})")
    if "note" not in raw:
        raw["note"] = ""
    text = raw.label.str.strip().str.lower()
    keep = (text != "") | (notes & (raw.note.str.strip() != ""))
    raw = raw[keep].assign(label=text[keep].map(LABEL_WORDS).astype("Int64"))
    bad = raw[raw.label.isna() & (text[keep] != "")]
    if len(bad):
        raise JudgementError(f"{path}: {_rows(bad)}: label must be 1 or 0 (or yes/no), or blank")
    number = raw[["line_a", "line_b"]].apply(lambda col: col.str.fullmatch(_LINE_NUMBER))
    bad = raw[~number.all(axis=1) | raw.doc_a.str.strip().eq("") | raw.doc_b.str.strip().eq("")]
    if len(bad):
        raise JudgementError(f"{path}: {_rows(bad)}: each side needs its document (doc_a, doc_b) and a "
                             "whole line number (line_a, line_b)")
    out = pd.DataFrame({"doc_a": raw.doc_a.str.strip(), "line_a": raw.line_a.astype(float).astype(int),
                        "doc_b": raw.doc_b.str.strip(), "line_b": raw.line_b.astype(float).astype(int),
                        "label": raw.label, "note": raw.note, "row": raw.row})
    side_a = list(zip(out.doc_a, out.line_a, strict=True))
    side_b = list(zip(out.doc_b, out.line_b, strict=True))
    out = _one_label_each(out, [frozenset((x, y)) for x, y in zip(side_a, side_b, strict=True)], str(path))
    out.attrs["source"] = str(path)
    return out


def apply_judgements(matches: pd.DataFrame, tasks: pd.DataFrame, judgements: pd.DataFrame, *,
                     model=None, embeddings: pd.DataFrame | None = None, cache_dir=None) -> pd.DataFrame:
    """A new match table: ``matches`` without the pairs judged 0, with every pair judged 1
    (added with its cosine, shared terms and, where the scorer considers it, probability, when
    the matcher had not found it), and a ``judgement`` column: ``confirmed`` (found by the
    matcher and judged 1), ``added`` (judged 1, not found by the matcher), or ``""`` for pairs
    nobody judged. A judgement that does not name two tasks of different documents (a
    line in no task: the document changed since) is not applied, with one warning naming the
    file and its rows. Two lines of one task judged both ways raise :class:`JudgementError`.
    Added pairs are scored by ``model`` with ``embeddings`` (as ``matches`` were; default: the
    shipped scorer)."""
    tasks = tasks.reset_index(drop=True)
    judged, lost = _resolve(tasks, judgements)
    _warn_lost(judgements, lost)
    judged = judged[judged.label.notna()]
    rejected = set(judged.key[judged.label == 0])
    confirmed = judged[judged.label == 1]
    out = matches[np.array([k not in rejected for k in _keys(matches)], dtype=bool)]
    found = set(_keys(out))
    add = confirmed[~confirmed.key.isin(found)]
    if len(add):
        rows = pair_rows(tasks, add.task_a.tolist(), add.task_b.tolist(), model=model, embeddings=embeddings,
                         cache_dir=cache_dir)
        if len(out) and out.probability.isna().all():  # a cosine policy's table: no probabilities
            rows = rows.assign(probability=np.nan)
        out = pd.concat([out, rows], ignore_index=True)
    yes = set(confirmed.key)
    out = out.assign(**{JUDGEMENT: [("confirmed" if k in found else "added") if k in yes else ""
                                    for k in _keys(out)]})
    index = {t: i for i, t in enumerate(tasks.task_id)}
    out = out.assign(_a=out.task_id_a.map(index), _b=out.task_id_b.map(index))
    out = out.sort_values(["_a", "_b"], kind="stable").drop(columns=["_a", "_b"])
    return out.reset_index(drop=True)


def judgement_summary(tasks: pd.DataFrame, judgements: pd.DataFrame, matches: pd.DataFrame | None = None) -> dict:
    """How many judgements apply to ``tasks`` and how many do not: ``same`` (judged 1) and
    ``rejected`` (judged 0); with ``matches`` that :func:`apply_judgements` gave, the ``same``
    split into ``confirmed`` (the matcher had found them) and ``added`` (it had not)."""
    judged, lost = _resolve(tasks.reset_index(drop=True), judgements)
    out = {"same": int((judged.label == 1).sum()), "rejected": int((judged.label == 0).sum()),
           "not applied": len(lost)}
    if matches is not None:
        marks = matches[JUDGEMENT].value_counts() if JUDGEMENT in matches else pd.Series(dtype=int)
        out |= {"confirmed": int(marks.get("confirmed", 0)), "added": int(marks.get("added", 0))}
    return out


def judgement_text(counts: dict) -> str:
    """:func:`judgement_summary` in words: "3 judged the same (1 confirmed, 2 added), 2 rejected"."""
    split = f" ({counts['confirmed']} confirmed, {counts['added']} added)" if "confirmed" in counts else ""
    return (f"{counts['same']} judged the same{split}, {counts['rejected']} rejected"
            + (f", {counts['not applied']} not applied" if counts["not applied"] else ""))


# --- helpers --------------------------------------------------------------------------------
_LINE_NUMBER = r"\s*\d+(?:\.0+)?\s*"


def _keys(table: pd.DataFrame) -> list[frozenset]:
    return [frozenset(p) for p in zip(table.task_id_a, table.task_id_b, strict=True)]


def _one_label_each(table: pd.DataFrame, keys: list[frozenset], source: str) -> pd.DataFrame:
    """``table`` with one row per key (the first; its note, or the first non-empty one), or
    :class:`JudgementError` when the rows of a key carry both labels."""
    table = table.assign(_key=keys)
    both = table.groupby("_key", sort=False).label.transform("nunique") > 1
    if both.any():
        raise JudgementError(f"{source}: {_rows(table[both])}: the same pair is judged both 1 and 0"
                             + (" (lines of the same tasks)" if "task_a" in table else ""))
    # a labelled row wins over a note-only row of the same pair; the first note that says something
    table = table.assign(_unlabelled=table.label.isna(), _blank=table.note.fillna("").str.strip().eq(""))
    note = table.sort_values(["_blank"], kind="stable").groupby("_key", sort=False).note.first()
    first = table.sort_values(["_unlabelled"], kind="stable").drop_duplicates("_key").sort_index()
    first = first.assign(note=first._key.map(note).fillna(""))
    return first.drop(columns=["_key", "_unlabelled", "_blank"]).reset_index(drop=True)


def _resolve(tasks: pd.DataFrame, judgements: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(judgements with task ids ``task_a``, ``task_b`` and ``key``, one row per pair of tasks;
    those that do not name two tasks of different documents, with a ``reason``)."""
    if judgements is None or not len(judgements):
        empty = pd.DataFrame(columns=[*JUDGEMENT_COLUMNS, "note", "row", "task_a", "task_b", "key", "reason"])
        return empty, empty
    judgements = judgements.reset_index(drop=True)  # "first" is the first row, whatever the index
    if "note" not in judgements:
        judgements = judgements.assign(note="")
    ids = label_task_ids(tasks, judgements)
    doc = dict(zip(tasks.task_id, tasks.doc_id, strict=True))
    known = set(tasks.doc_id)
    reason = np.select(
        [~ids.doc_a.isin(known) | ~ids.doc_b.isin(known), ids.task_a.isna() | ids.task_b.isna(),
         ids.task_a == ids.task_b, ids.task_a.map(doc) == ids.task_b.map(doc)],
        ["a document not in the corpus (its doc_id comes from manifest.csv, or from the file name)",
         "a line in no task of the corpus", "the same task twice", "two tasks of the same document"],
        default="")
    lost = ids[reason != ""].assign(reason=reason[reason != ""])
    ids = ids[reason == ""]
    keys = [frozenset(p) for p in zip(ids.task_a, ids.task_b, strict=True)]
    ids = _one_label_each(ids, keys, judgements.attrs.get("source", "judgements"))
    return ids.assign(key=[frozenset(p) for p in zip(ids.task_a, ids.task_b, strict=True)]), lost


def _warn_lost(judgements: pd.DataFrame | None, lost: pd.DataFrame) -> None:
    if not len(lost):
        return
    source = judgements.attrs.get("source", "judgements")
    parts = [f"{_rows(group)} name {why}" for why, group in lost.groupby("reason", sort=True)]
    warnings.warn(f"{source}: {'; '.join(parts)}; those judgements are not applied (each side must be a "
                  "line of a task, and the two tasks must be in different documents)", stacklevel=3)


def write_review_sheet(sheet: pd.DataFrame, path: str | Path) -> Path:
    """Write a review sheet for a spreadsheet program: ``.xlsx`` as a workbook (sheet
    ``review``), anything else as CSV with a byte-order mark (so Excel reads the Vietnamese)."""
    from .export import write_csv, write_xlsx

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        return write_xlsx({REVIEW_SHEET: sheet}, path)
    return write_csv(sheet, path)


def _read_table(path: Path) -> pd.DataFrame:
    """Every cell as text, with ``row``: the file line (CSV) or sheet row (workbook) where the
    record starts; blank records (and a CSV file's comment lines) are skipped."""
    if not path.exists():
        raise JudgementError(f"{path}: no such file")
    if path.is_dir():
        raise JudgementError(f"{path}: is a folder, not a judgements file")
    records = _excel_records(path) if path.suffix.lower() in EXCEL_SUFFIXES else _csv_records(path)
    header, rows = None, []
    for line, cells in records:
        cells = ["" if c is None else str(c) for c in cells]
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = [c.strip() for c in cells]
            repeated = sorted({c for c in header if c and header.count(c) > 1})
            if repeated:
                raise JudgementError(f"{path}: {_rows(pd.DataFrame({'row': [line]}))}: columns {repeated} "
                                     "appear more than once")
            continue
        rows.append([*cells[: len(header)], *[""] * (len(header) - len(cells)), line])
    if header is None:
        raise JudgementError(f"{path}: empty file (no header row)")
    return pd.DataFrame(rows, columns=[*header, "row"])


def _csv_records(path: Path):
    """(line, cells) of a CSV file, read as :func:`kehoach_lib.csvfiles.csv_records` reads it."""
    from .csvfiles import CsvProblem, csv_records

    try:  # warnings name the caller of load_judgements: _read_table, load_judgements, then it
        yield from csv_records(path, stacklevel=5)
    except CsvProblem as exc:
        raise JudgementError(f"{path}: {exc}") from None


def _excel_records(path: Path):
    """(row, cells) of a workbook's sheet ``review`` (or its first sheet)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise JudgementError(f"{path}: not a readable Excel workbook ({exc})") from None
    try:
        ws = book[REVIEW_SHEET] if REVIEW_SHEET in book.sheetnames else book.worksheets[0]
        for number, cells in enumerate(ws.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(c) for c in cells]
    finally:
        book.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows(frame: pd.DataFrame) -> str:
    """``row 7`` or ``rows 7, 9`` (file lines; the first ten, then how many more)."""
    rows = frame["row"].tolist() if "row" in frame else list(frame.index + 1)
    shown = ", ".join(str(r) for r in rows[:10])
    more = f" and {len(rows) - 10} more" if len(rows) > 10 else ""
    return ("row " if len(rows) == 1 else "rows ") + shown + more
