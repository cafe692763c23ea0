"""A researcher's judgements: the review sheet, reading it back, and match tables that honour it."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from kehoach_lib.cli import main
from kehoach_lib.match import evaluate_alignment, evaluate_matching, label_task_ids, load_alignment, match_tasks
from kehoach_lib.review import (
    REVIEW_COLUMNS,
    JudgementError,
    apply_judgements,
    load_judgements,
    review_sheet,
    write_review_sheet,
)

KH58, BN, BT = "bacgiang_kh58_2025", "bacninh_kh383_2023", "bentre_kh_2024"


@pytest.fixture(scope="module")
def matches(tasks):
    return match_tasks(tasks)


@pytest.fixture(scope="module")
def sheet(tasks):
    return review_sheet(tasks)


def _write(path, rows, header="doc_a,line_a,doc_b,line_b,label,note"):
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _pair(table, task_a, task_b):
    keys = {frozenset(p) for p in zip(table.task_id_a, table.task_id_b, strict=True)}
    return frozenset((task_a, task_b)) in keys


def test_a_pair_is_matched_by_its_probability_as_written(tasks, sheet):
    # walkthrough 19c: a pair written 0.3000 was "matched" in the sheet and left out of the table
    for p, a, b in sheet.nlargest(6, "probability")[["probability", "task_id_a", "task_id_b"]].itertuples(index=False):
        table = match_tasks(tasks, probability=p)
        assert _pair(table, a, b) and table.probability.min() >= p
        resheet = review_sheet(tasks, probability=p, floor=min(0.1, p))
        assert len(table) == int(resheet.matched.sum())


def test_the_sheet_lists_every_default_match_and_the_near_misses(sheet, matches):
    assert list(sheet.columns) == REVIEW_COLUMNS
    listed = sheet[sheet.matched]
    assert len(listed) == len(matches)
    assert {frozenset(p) for p in zip(listed.task_id_a, listed.task_id_b, strict=True)} == \
        {frozenset(p) for p in zip(matches.task_id_a, matches.task_id_b, strict=True)}
    near = sheet[~sheet.matched]
    assert len(near) > 0 and near.probability.between(0.1, 0.3, inclusive="left").all()
    assert sheet.label.isna().all() and (sheet.note == "").all()
    assert (sheet.shared_terms != "").all()  # like every match, each listed pair shares a word


def test_the_sheet_names_each_side_by_document_and_first_line(sheet, tasks):
    first = dict(zip(tasks.task_id, tasks.line_start, strict=True))
    assert (sheet.line_a == sheet.task_id_a.map(first)).all()
    assert (sheet.line_b == sheet.task_id_b.map(first)).all()
    assert (sheet.doc_a == sheet.task_id_a.str.split(":").str[0]).all()
    # ordered by pair of documents, then side a's line, then probability (highest first)
    kh58_bn = sheet[(sheet.doc_a == KH58) & (sheet.doc_b == BN)]
    assert kh58_bn.line_a.is_monotonic_increasing
    first_task = kh58_bn[kh58_bn.line_a == kh58_bn.line_a.iloc[0]]
    assert first_task.probability.is_monotonic_decreasing


def test_priority_ranks_pairs_by_nearness_to_the_match_threshold(sheet):
    assert sorted(sheet.priority) == list(range(1, len(sheet) + 1))
    by_priority = sheet.sort_values("priority")
    assert (by_priority.probability - 0.3).abs().is_monotonic_increasing


def test_judging_by_priority_improves_the_table_sooner_than_in_sheet_order(sheet, matches, tasks):
    # the alignment plays the researcher: judge 200 pairs, once by priority, once as listed
    gold = label_task_ids(tasks, load_alignment()).dropna(subset=["task_a", "task_b"])
    truth = {frozenset(p) for p in zip(gold.task_a, gold.task_b, strict=True)}
    answers = sheet.assign(label=[int(frozenset(p) in truth)
                                  for p in zip(sheet.task_id_a, sheet.task_id_b, strict=True)])

    def f1_after(judged):
        out = apply_judgements(matches, tasks, judged[["doc_a", "line_a", "doc_b", "line_b", "label"]])
        return evaluate_alignment(tasks, matches=out).iloc[-1].f1

    before = evaluate_alignment(tasks, matches=matches).iloc[-1].f1
    listed, prioritised = f1_after(answers.head(200)), f1_after(answers.nsmallest(200, "priority"))
    assert before < listed < prioritised


def test_a_filled_in_sheet_round_trips(tmp_path, sheet, matches, tasks):
    filled = sheet.astype({"label": object})
    matched, unmatched = filled.index[filled.matched][0], filled.index[~filled.matched][0]
    filled.loc[matched, "label"] = "0"
    filled.loc[unmatched, ["label", "note"]] = ["yes", "cùng một cam kết"]
    path = tmp_path / "review.csv"
    filled.to_csv(path, index=False)
    judged = load_judgements(path)
    assert judged.label.tolist() == [0, 1]
    assert judged.note.tolist()[1] == "cùng một cam kết"
    before = matches.copy()
    out = apply_judgements(matches, tasks, judged)
    pd.testing.assert_frame_equal(matches, before)  # the input is not changed
    rejected, confirmed = filled.loc[matched], filled.loc[unmatched]
    assert not _pair(out, rejected.task_id_a, rejected.task_id_b)
    assert _pair(out, confirmed.task_id_a, confirmed.task_id_b)
    assert len(out) == len(matches)  # one out, one in
    row = out[(out.task_id_a == confirmed.task_id_a) & (out.task_id_b == confirmed.task_id_b)].iloc[0]
    assert row.judgement == "added" and row.probability == pytest.approx(confirmed.probability, abs=1e-4)
    assert (out.judgement == "").sum() == len(out) - 1
    # a re-made sheet carries the labels and notes over
    again = review_sheet(tasks, judgements=judged)
    assert again.label.notna().sum() == 2
    assert again.loc[again.note != "", "note"].tolist() == ["cùng một cam kết"]


def test_a_match_judged_1_is_confirmed_and_a_pair_judged_1_the_matcher_missed_is_added(sheet, matches, tasks):
    kept, missed = sheet[sheet.matched].iloc[0], sheet[~sheet.matched].iloc[0]
    judged = pd.DataFrame([{"doc_a": r.doc_a, "line_a": r.line_a, "doc_b": r.doc_b, "line_b": r.line_b,
                            "label": 1, "note": ""} for r in (kept, missed)])
    out = apply_judgements(matches, tasks, judged)
    assert len(out) == len(matches) + 1
    assert out.set_index(["task_id_a", "task_id_b"]).judgement.loc[
        [(kept.task_id_a, kept.task_id_b), (missed.task_id_a, missed.task_id_b)]].tolist() == ["confirmed", "added"]


def test_a_confirmed_pair_the_matcher_never_considered_is_added_with_its_cosine(tmp_path, tasks, matches):
    # kh58 I.1.a (the plan's opening objective) and Bến Tre's last task are no candidate pair of
    # the scorer at any probability; a researcher says they match: the pair is added, with its
    # cosine and no probability
    last = tasks[tasks.doc_id == BT].iloc[-1]
    path = _write(tmp_path / "j.csv", [f"{KH58},9,{BT},{last.line_start},1,"])
    out = apply_judgements(matches, tasks, load_judgements(path))
    row = out[out.judgement == "added"]
    assert len(row) == 1 and row.task_id_b.iloc[0] == last.task_id
    assert np.isnan(row.probability.iloc[0]) and 0 <= row.score.iloc[0] < 1
    # the sheet keeps the judged pair even though the scorer does not list it
    assert _pair(review_sheet(tasks, judgements=load_judgements(path)), row.task_id_a.iloc[0], last.task_id)


def test_labels_may_be_words_blank_means_not_judged(tmp_path):
    path = _write(tmp_path / "j.csv", [f"{KH58},9,{BN},18,Yes,", f"{KH58},9,{BN},22,không,", f"{KH58},9,{BN},23,,",
                                       f"{KH58},9,{BN},24, 1 ,"])
    assert load_judgements(path).label.tolist() == [1, 0, 1]


@pytest.mark.parametrize(
    "rows, message",
    [
        ([f"{KH58},9,{BN},18,maybe,"], "row 2: label must be 1 or 0"),
        ([f"{KH58},9,{BN},18,1,", f"{BN},18,{KH58},9,0,"], "rows 2, 3: the same pair is judged both 1 and 0"),
        ([f"{KH58},,{BN},18,1,"], "row 2: each side needs its document"),
        ([f"{KH58},9.7,{BN},18,1,"], "row 2: each side needs .* a whole line number"),
        ([f"{KH58},1e1,{BN},18,1,"], "row 2: each side needs .* a whole line number"),
        ([f"{KH58},inf,{BN},18,1,"], "row 2: each side needs .* a whole line number"),
        ([",9,x,18,1,"], "row 2: each side needs its document"),
    ],
)
def test_a_bad_judgement_is_one_message_naming_file_and_row(tmp_path, rows, message):
    path = _write(tmp_path / "j.csv", rows)
    with pytest.raises(JudgementError, match=message) as err:
        load_judgements(path)
    assert str(path) in str(err.value)


def test_bad_judgement_files(tmp_path):
    with pytest.raises(JudgementError, match="no such file"):
        load_judgements(tmp_path / "none.csv")
    with pytest.raises(JudgementError, match="is a folder"):
        load_judgements(tmp_path)
    with pytest.raises(JudgementError, match=r"row 1: columns \['label', 'note'\] appear more than once"):
        load_judgements(_write(tmp_path / "twice.csv", ["x,1,y,2,1,a,0,b"],
                               header="doc_a,line_a,doc_b,line_b,label,note,label,note"))
    (tmp_path / "bytes.csv").write_bytes(b"doc_a,line_a\n" + bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xff, 0xfe]) * 30)
    with pytest.raises(JudgementError, match=r"bytes.csv: unknown text encoding .*; save it as CSV UTF-8"):
        load_judgements(tmp_path / "bytes.csv")
    with pytest.raises(JudgementError, match="missing columns \\['label'\\]"):
        load_judgements(_write(tmp_path / "j.csv", ["x,1,y,2"], header="doc_a,line_a,doc_b,line_b"))
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(JudgementError, match="empty file"):
        load_judgements(tmp_path / "empty.csv")


def test_a_sheet_saved_as_windows_1258_csv_is_read_with_a_warning(tmp_path):
    # Excel's plain "CSV" on a Vietnamese Windows: Windows-1258, where "ở" is "ơ" + a combining hook
    path = tmp_path / "excel.csv"
    path.write_bytes(b"doc_a,line_a,doc_b,line_b,label,note\n"
                     + f"{KH58},9,{BN},18,1,".encode() + b"S\xf5\xd2 T\xfd ph\xe1p\n")
    with pytest.warns(UserWarning, match=r"excel.csv: not UTF-8; read as cp1258"):
        judged = load_judgements(path, notes=True)
    assert judged.note.tolist() == ["Sở Tư pháp"] and judged.label.tolist() == [1]
    # a UTF-8 sheet with one stray Windows byte (a pasted quote) keeps its UTF-8 notes
    path.write_bytes(f"doc_a,line_a,doc_b,line_b,label,note\n{KH58},9,{BN},18,1,".encode()
                     + "Sở Tư pháp".encode() + b"\x92s view\n")
    with pytest.warns(UserWarning, match=r"excel.csv: UTF-8 with a few bytes that are not UTF-8"):
        judged = load_judgements(path, notes=True)
    assert judged.note.tolist() == ["Sở Tư pháp’s view"]


def test_a_note_over_several_lines_survives_even_a_line_starting_with_hash(tmp_path, sheet):
    filled = sheet.head(3).astype({"label": object})
    filled.loc[1, ["label", "note"]] = ["1", "xem thêm mục\n#5 của kế hoạch"]
    path = write_review_sheet(filled, tmp_path / "review.csv")
    judged = load_judgements(path)
    assert judged.note.tolist() == ["xem thêm mục\n#5 của kế hoạch"] and judged.row.tolist() == [3]


def test_a_quote_left_open_is_an_error_not_a_loss(tmp_path):
    rows = [f"{KH58},9,{BN},18,1,ok", f'{KH58},9,{BN},22,0,"Cổng viết sai', f"{KH58},9,{BN},23,1,",
            f"{KH58},9,{BN},24,1,"]
    with pytest.raises(JudgementError, match="row 3: not valid CSV"):
        load_judgements(_write(tmp_path / "j.csv", rows))


def test_row_numbers_count_file_lines_with_comments_and_cells_spanning_lines(tmp_path):
    path = tmp_path / "j.csv"
    # a quote in a comment opens no cell
    path.write_text('# my judgements, "draft\ndoc_a,line_a,doc_b,line_b,label,note\n'
                    f'{KH58},9,{BN},18,1,"two\nlines"\n\n{KH58},9,{BN},22,x,\n', encoding="utf-8")
    with pytest.raises(JudgementError, match="row 6: label"):
        load_judgements(path)


def _caught(fn, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    return result, [str(w.message) for w in caught]


def test_a_judgement_that_names_no_pair_of_documents_is_reported_not_applied(tmp_path, tasks, matches):
    t1, t2 = tasks[tasks.doc_id == KH58].line_start.iloc[[1, 2]]
    path = _write(tmp_path / "j.csv", [f"{KH58},1,{BN},18,1,", f"{KH58},9,{BN},18,0,",
                                       f"{KH58},{t1},{KH58},{t2},1,", f"ke_hoach_58,{t1},{BN},18,1,"])
    out, messages = _caught(apply_judgements, matches, tasks, load_judgements(path))
    assert len(messages) == 1 and str(path) in messages[0]
    assert "row 2 name a line in no task" in messages[0]
    assert "row 4 name two tasks of the same document" in messages[0]
    # a sheet made on a copy of the plans without the manifest, whose doc_ids are the file names
    assert "row 5 name a document not in the corpus" in messages[0]
    assert len(out) == len(matches) - 1  # only the rejection applies
    assert (out.doc_id_a != out.doc_id_b).all()


def test_two_lines_of_one_task_judged_both_ways_is_an_error(tmp_path, tasks, matches):
    task = tasks[(tasks.doc_id == KH58) & (tasks.line_end > tasks.line_start)].iloc[0]
    rows = [f"{KH58},{task.line_start},{BN},18,0,", f"{KH58},{task.line_start + 1},{BN},18,1,"]
    with pytest.raises(JudgementError, match="rows 2, 3: the same pair is judged both 1 and 0"):
        apply_judgements(matches, tasks, load_judgements(_write(tmp_path / "j.csv", rows)))


def test_a_remade_sheet_keeps_notes_and_judgements_it_cannot_place(tmp_path, tasks):
    rows = [f"{KH58},9,{BN},18,,ask a colleague", f"{KH58},1,{BN},18,1,the plan was amended"]
    path = _write(tmp_path / "j.csv", rows)
    assert len(load_judgements(path)) == 1  # for matching, a note alone is no judgement
    sheet, messages = _caught(review_sheet, tasks, judgements=load_judgements(path, notes=True))
    assert len(messages) == 1 and "row 3 name a line in no task" in messages[0]
    assert sheet.loc[sheet.note == "ask a colleague", "label"].isna().all()
    kept = sheet[sheet.note == "the plan was amended"].iloc[0]
    assert (kept.doc_a, kept.line_a, kept.label, kept.matched) == (KH58, 1, 1, False)
    assert pd.isna(kept.task_id_a)


def test_judgements_without_notes_or_file_work_as_a_plain_table(tasks, matches):
    m = matches.iloc[0]
    line = dict(zip(tasks.task_id, tasks.line_start, strict=True))
    judged = pd.DataFrame([{"doc_a": m.doc_id_a, "line_a": line[m.task_id_a], "doc_b": m.doc_id_b,
                            "line_b": line[m.task_id_b], "label": 0}], index=[7])
    out = apply_judgements(matches, tasks, judged)
    assert len(out) == len(matches) - 1 and not _pair(out, m.task_id_a, m.task_id_b)
    assert review_sheet(tasks, judgements=judged).label.eq(0).sum() == 1


def test_judgements_naming_no_pair_of_documents_are_not_scored(tmp_path, tasks, matches):
    line = dict(zip(tasks.task_id, tasks.line_start, strict=True))
    m = matches.iloc[0]
    t1, t2 = tasks[tasks.doc_id == KH58].line_start.iloc[[1, 2]]
    rows = [f"{m.doc_id_a},{line[m.task_id_a]},{m.doc_id_b},{line[m.task_id_b]},1,",
            f"{KH58},{t1},{KH58},{t2},1,", f"{KH58},{t1},{KH58},{t1},1,"]
    scores = evaluate_matching(tasks, load_judgements(_write(tmp_path / "j.csv", rows)), matches=matches)
    assert (scores["precision"], scores["recall"]) == (1.0, 1.0)


def test_judgements_can_be_scored_like_the_labelled_pairs(tmp_path, tasks, matches):
    line = dict(zip(tasks.task_id, tasks.line_start, strict=True))
    m, n = matches.iloc[0], matches.iloc[1]
    rows = [f"{m.doc_id_a},{line[m.task_id_a]},{m.doc_id_b},{line[m.task_id_b]},1,",
            f"{n.doc_id_a},{line[n.task_id_a]},{n.doc_id_b},{line[n.task_id_b]},0,"]
    scores = evaluate_matching(tasks, load_judgements(_write(tmp_path / "j.csv", rows)), matches=matches)
    assert (scores["precision"], scores["recall"]) == (0.5, 1.0)


def test_review_and_match_commands(tmp_path, capsys):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert main(["review", "--out", str(tmp_path / "review.csv"), *cache]) == 0
    assert "pairs to review" in capsys.readouterr().out
    sheet = pd.read_csv(tmp_path / "review.csv", dtype=str, keep_default_na=False)
    sheet.loc[0, "label"] = "0"
    sheet.to_csv(tmp_path / "review.csv", index=False)
    assert main(["match", "--judgements", str(tmp_path / "review.csv"), "--out", str(tmp_path / "m.csv"),
                 *cache]) == 0
    assert "0 judged the same (0 confirmed, 0 added), 1 rejected" in capsys.readouterr().out
    out = pd.read_csv(tmp_path / "m.csv")
    assert not _pair(out, sheet.task_id_a[0], sheet.task_id_b[0]) and "judgement" in out.columns
    sheet.loc[1, "label"] = "perhaps"
    sheet.to_csv(tmp_path / "review.csv", index=False)
    assert main(["match", "--judgements", str(tmp_path / "review.csv"), "--out", str(tmp_path / "m.csv"),
                 *cache]) == 2
    assert "review.csv: row 3: label must be 1 or 0" in capsys.readouterr().err


def test_a_sheet_filled_in_excel_reads_back(tmp_path, sheet):
    from openpyxl import load_workbook

    path = write_review_sheet(sheet, tmp_path / "review.xlsx")
    book = load_workbook(path)
    ws = book["review"]
    assert [c.value for c in ws[1]] == list(sheet.columns)
    ws["A2"], ws["A4"], ws["B4"] = 0, "yes", "cùng một cam kết"  # Excel rows: the header is row 1
    book.save(path)
    judged = load_judgements(path)
    assert judged.label.tolist() == [0, 1] and judged.row.tolist() == [2, 4]
    assert (judged.line_a.tolist(), judged.line_b.tolist()) == (sheet.line_a[[0, 2]].tolist(),
                                                                 sheet.line_b[[0, 2]].tolist())
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(JudgementError, match="broken.xlsx: not a readable Excel workbook"):
        load_judgements(tmp_path / "broken.xlsx")


def test_a_csv_saved_with_semicolons_and_decimal_commas_reads_back(tmp_path, sheet):
    # spreadsheet programs in a Vietnamese locale (decimal comma) save CSV with ";"
    filled = sheet.astype({"label": object})
    filled.loc[1, "label"] = "1"
    filled.to_csv(tmp_path / "review.csv", sep=";", decimal=",", index=False, encoding="utf-8-sig")
    judged = load_judgements(tmp_path / "review.csv")
    assert judged[["line_a", "line_b", "label"]].values.tolist() == [[sheet.line_a[1], sheet.line_b[1], 1]]


def test_the_csv_sheet_has_a_byte_order_mark_for_excel(tmp_path, sheet):
    path = write_review_sheet(sheet.head(3), tmp_path / "review.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_output_that_cannot_be_written_is_one_message(tmp_path, capsys):
    (tmp_path / "taken.csv").mkdir()
    assert main(["review", "--out", str(tmp_path / "taken.csv"), "--cache-dir", str(tmp_path / "c")]) == 2
    assert "taken.csv" in capsys.readouterr().err


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_any_line_ending_and_unusual_characters_in_notes(tmp_path, newline):
    rows = [f"{KH58},9,{BN},18,1,một\u2028hai", f"{KH58},9,{BN},22,x,"]
    path = tmp_path / "j.csv"
    path.write_bytes(newline.join(["doc_a,line_a,doc_b,line_b,label,note", *rows]).encode("utf-8"))
    with pytest.raises(JudgementError, match="row 3: label"):
        load_judgements(path)
    path.write_bytes(newline.join(["doc_a,line_a,doc_b,line_b,label,note", rows[0]]).encode("utf-8"))
    assert load_judgements(path).note.tolist() == ["một\u2028hai"]


def test_an_empty_task_table_gives_an_empty_sheet_and_leaves_judgements_unapplied(tmp_path):
    from kehoach_lib.parse import extract_corpus

    none = extract_corpus([])
    assert review_sheet(none).empty and list(review_sheet(none).columns) == REVIEW_COLUMNS
    path = _write(tmp_path / "j.csv", [f"{KH58},153,{BN},199,1,"])
    with pytest.warns(UserWarning, match="row 2 name a document not in the corpus"):
        out = apply_judgements(match_tasks(none), none, load_judgements(path))
    assert out.empty and {"task_id_a", "task_id_b", "judgement"} <= set(out.columns)
