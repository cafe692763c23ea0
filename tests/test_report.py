"""The main job end to end on the bundled corpus, through the command line."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from kehoach_lib.cli import main


def test_kehoach_report_writes_every_output(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "Report written to" in out and "tasks: " in out
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for name in ("tasks", "matches", "coverage", "citations", "agency_load"):
        for ext in ("csv", "md", "html"):
            assert (tmp_path / "tables" / f"{name}.{ext}").exists()
        assert f"tables/{name}.csv" in index
    for fig in ("match_shares", "coverage", "deadlines"):
        assert (tmp_path / "figures" / f"{fig}.png").exists() and (tmp_path / "figures" / f"{fig}.svg").exists()
        assert f"figures/{fig}.png" in index
    wb = load_workbook(tmp_path / "tables.xlsx", read_only=True)
    assert {"tasks", "matches", "coverage", "citations"} <= set(wb.sheetnames)
    rows = list(wb["coverage_summary"].iter_rows(values_only=True))
    assert rows[0][0] == "Province" and {r[0] for r in rows[1:]} == {"Bắc Giang", "Bắc Ninh", "Bến Tre"}
    # what a reader of the coverage must know (walkthrough 19c): Bắc Giang 58 is where the
    # requirements' wording comes from, and the 2023 and 2024 plans predate NQ 66
    assert "<td><b>Plans older than the directive</b></td><td>Bắc Ninh, Bến Tre</td>" in index
    assert "About the coverage" in index and "covers them by construction" in index


def test_extract_match_coverage_commands(tmp_path):
    assert main(["extract", "--out", str(tmp_path / "t.csv")]) == 0
    tasks = pd.read_csv(tmp_path / "t.csv", keep_default_na=False)
    assert {"task_id", "lead_agencies", "province_today", "due", "line_start"} <= set(tasks.columns)
    assert main(["match", "--out", str(tmp_path / "m.csv")]) == 0
    assert (tmp_path / "m.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the Vietnamese
    m = pd.read_csv(tmp_path / "m.csv")
    assert list(m.columns[:8]) == ["task_id_a", "task_id_b", "doc_id_a", "doc_id_b", "province_a",
                                   "province_b", "score", "shared_terms"]
    assert main(["coverage", "--directive", "nq66", "--out", str(tmp_path / "c.csv")]) == 0
    c = pd.read_csv(tmp_path / "c.csv")
    assert {"requirement_id", "requirement_text", "province", "status", "doc_id", "task_id", "score",
            "evidence"} <= set(c.columns)


def test_bad_input_is_one_clear_message_not_a_traceback(tmp_path, capsys):
    assert main(["attribute", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt: no such file" in capsys.readouterr().err
    assert main(["attribute", str(tmp_path)]) == 2
    assert f"error: {tmp_path}: a folder, not a file" in capsys.readouterr().err
    assert main(["extract", "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path / "t.csv")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_attribute_command_names_the_plan(capsys):
    from kehoach_lib.config import CORPUS_DIR

    assert main(["attribute", str(CORPUS_DIR / "raw" / "tin-bai_ke-hoach-thuc-hien-nq66_2025.txt")]) == 0
    assert "most likely: bacgiang_kh58_2025 (Bắc Giang)" in capsys.readouterr().out


def test_evaluate_command_prints_default_and_baseline_on_both_label_sets(capsys):
    assert main(["evaluate"]) == 0
    out = capsys.readouterr().out
    assert "labelled pairs" in out and "alignment" in out
    assert "default settings" in out and "plain syllable TF-IDF" in out
    assert "cross-validated by document pair" in out


def test_the_report_follows_a_researchers_judgements(tmp_path, capsys):
    (tmp_path / "j.csv").write_text(
        "doc_a,line_a,doc_b,line_b,label,note\n"
        "bacgiang_kh58_2025,153,bacninh_kh383_2023,199,1,training the same staff\n"
        "bacgiang_kh58_2025,118,bacninh_kh383_2023,24,1,better online services after a review\n"
        "bacgiang_kh58_2025,172,bacninh_kh383_2023,198,0,opinions on decentralising are not decentralising\n"
        "bacgiang_kh58_2025,1,bacninh_kh383_2023,198,0,a line in no task\n", encoding="utf-8")
    out_dir = tmp_path / "report"
    assert main(["report", "--out", str(out_dir), "--quiet", "--judgements", str(tmp_path / "j.csv")]) == 0
    captured = capsys.readouterr()
    # the matcher had found the training pair (confirmed), not the online-services one (added)
    assert "judgements: 2 judged the same (1 confirmed, 1 added), 1 rejected, 1 not applied" in captured.out
    assert "j.csv: row 5 name a line in no task" in captured.err
    m = pd.read_csv(out_dir / "tables" / "matches.csv", keep_default_na=False)  # headers labelled
    pairs = set(zip(m["Task A"], m["Task B"], strict=True))
    judged = dict(zip(zip(m["Task A"], m["Task B"], strict=True), m["Researcher's judgement"], strict=True))
    assert judged[("bacgiang_kh58_2025:III.3.b.(v)", "bacninh_kh383_2023:PL01.IX.5")] == "confirmed"
    assert judged[("bacgiang_kh58_2025:III.3.a.(i)", "bacninh_kh383_2023:I.3")] == "added"
    assert (m["Researcher's judgement"] == "added").sum() == 1
    assert ("bacgiang_kh58_2025:V.2.b", "bacninh_kh383_2023:PL01.IX.4") not in pairs


def _corpora(tmp_path):
    """Folders a researcher might point the commands at by mistake, with the reason each gives."""
    empty = tmp_path / "empty"
    empty.mkdir()
    unreadable = tmp_path / "unreadable"
    unreadable.mkdir()
    (unreadable / "blank.txt").write_bytes(b"")
    (unreadable / "scan.pdf").write_bytes(b"%PDF-1.4 not really")
    memo = tmp_path / "memo"
    memo.mkdir()
    (memo / "memo.txt").write_text("Kính gửi các sở.\nĐề nghị các đơn vị quan tâm.", encoding="utf-8")
    (memo / "sub").mkdir()
    (memo / "sub" / "blank.txt").write_bytes(b"")  # left out, and named, before the error
    return [(empty, "no documents in the folder"),
            (unreadable, "no readable documents (blank.txt: the file is empty; scan.pdf: "),
            (memo, "no tasks found in its 1 document")]


@pytest.mark.parametrize("command", ["extract", "match", "review", "coverage", "report", "attribute"])
def test_a_corpus_with_nothing_to_work_on_is_one_message(tmp_path, capsys, command):
    from kehoach_lib.config import CORPUS_DIR

    for corpus, reason in _corpora(tmp_path):
        out = tmp_path / "out" / corpus.name
        argv = {"report": ["report", "--quiet", "--out", str(out)],
                "attribute": ["attribute", str(CORPUS_DIR / "raw" / "tin-bai_ke-hoach-thuc-hien-nq66_2025.txt")]
                }.get(command, [command, "--out", str(out / "x.csv")])
        assert main([*argv, "--corpus", str(corpus)]) == 2
        err = capsys.readouterr().err
        assert err.count("error: ") == 1 and f"error: {corpus}: {reason}" in err, err
        if corpus.name == "memo":
            assert f"warning: {corpus / 'sub' / 'blank.txt'}: the file is empty" in err, err
        assert not out.exists()  # nothing written


def test_review_floor_must_lie_between_zero_and_the_match_probability(tmp_path, capsys):
    assert main(["review", "--floor", "0.5", "--out", str(tmp_path / "r.csv")]) == 2
    assert "error: --floor (0.5) must not exceed --probability (0.3)" in capsys.readouterr().err
    assert not (tmp_path / "r.csv").exists()
    with pytest.raises(SystemExit) as exit_:
        main(["review", "--floor", "-1", "--out", str(tmp_path / "r.csv")])
    assert exit_.value.code == 2 and "-1 is not between 0 and 1" in capsys.readouterr().err


def test_the_report_names_each_unreadable_file_and_runs_the_rest(tmp_path, capsys):
    import shutil

    from kehoach_lib.config import CORPUS_DIR

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("bac-giang_cv-ubnd-nc_2023-08.txt", "ben-tre_kh-kiem-soat-tthc_2024.txt",
                 "ben-tre_kh-kiem-soat-tthc_2024.hints.yaml"):
        shutil.copy(CORPUS_DIR / "raw" / name, corpus / name)
    (corpus / "blank.txt").write_bytes(b"")
    assert main(["report", "--corpus", str(corpus), "--out", str(tmp_path / "rep"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {corpus / 'blank.txt'}: the file is empty" in err
    docs = pd.read_csv(tmp_path / "rep" / "tables" / "documents.csv", dtype=str, keep_default_na=False)
    assert len(docs) == 3 and docs["Tasks"].str.fullmatch(r"\d*").all()  # whole numbers, blank if unread


def test_a_bad_judgements_file_stops_the_report_before_it_writes(tmp_path, capsys):
    (tmp_path / "j.csv").write_text("doc_a,line_a,doc_b,line_b,label\n"
                                    "bacgiang_kh58_2025,153,bacninh_kh383_2023,199,2\n", encoding="utf-8")
    out_dir = tmp_path / "report"
    assert main(["report", "--out", str(out_dir), "--quiet", "--judgements", str(tmp_path / "j.csv")]) == 2
    assert "j.csv: row 2" in capsys.readouterr().err
    assert not out_dir.exists()


def test_matching_a_single_document_says_why_there_is_nothing_to_compare(tmp_path, capsys):
    import shutil

    from kehoach_lib.config import CORPUS_DIR

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS_DIR / "raw" / "bac-giang_cv-ubnd-nc_2023-08.txt", corpus)
    assert main(["match", "--corpus", str(corpus), "--out", str(tmp_path / "m.csv")]) == 0
    out = capsys.readouterr().out
    assert "0 matched pairs among 10 tasks" in out and "matching needs tasks in at least two documents" in out


def test_attribute_says_when_no_plan_is_likely_or_there_is_nothing_to_rank_against(docs, tmp_path, capsys):
    from kehoach_lib.config import CORPUS_DIR

    english = tmp_path / "english.txt"
    english.write_text("The province will cut procedures for businesses in 2025.", encoding="utf-8")
    assert main(["attribute", str(english)]) == 0
    assert "no likely plan: the best score, 0.0" in capsys.readouterr().out
    one = tmp_path / "one"
    one.mkdir()
    (one / "kh58.txt").write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    news = str(CORPUS_DIR / "raw" / "tin-bai_ke-hoach-thuc-hien-nq66_2025.txt")
    assert main(["attribute", news, "--corpus", str(one)]) == 0
    assert "the only document with tasks in the corpus" in capsys.readouterr().out
    (one / "copy.txt").write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    assert main(["attribute", news, "--corpus", str(one)]) == 0
    assert "most likely: copy (Bắc Giang), score 0.4" in (out := capsys.readouterr().out) and "tied with kh58" in out
    (one / "third.txt").write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    assert main(["attribute", news, "--corpus", str(one)]) == 0
    assert "tied with kh58, third" in capsys.readouterr().out


def test_match_options_that_do_not_apply_to_the_policy_are_named(tmp_path, capsys):
    cache = ["--cache-dir", str(tmp_path / "c")]
    assert main(["match", "--threshold", "0.5", "--out", str(tmp_path / "m.csv"), *cache]) == 0
    assert "warning: --threshold does not apply to policy scored" in capsys.readouterr().err
    assert main(["match", "--policy", "best", "--probability", "0.9", "--out", str(tmp_path / "m.csv"), *cache]) == 0
    assert "warning: --probability does not apply to policy best" in capsys.readouterr().err
    assert main(["match", "--policy", "mutual", "--threshold", "0.9", "--out", str(tmp_path / "m.csv"), *cache]) == 0
    assert capsys.readouterr().err == ""  # mutual reads the threshold: 0.9 leaves no pair
    assert len(pd.read_csv(tmp_path / "m.csv", encoding="utf-8-sig")) == 0


def test_a_plan_without_a_province_is_one_warning_in_the_report(docs, tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kh58.txt").write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    (corpus / "noname.txt").write_text(docs["bacninh_kh383_2023"].text.replace("Bắc Ninh", ""), encoding="utf-8")
    assert main(["report", "--quiet", "--corpus", str(corpus), "--out", str(tmp_path / "r"),
                 "--cache-dir", str(tmp_path / "c")]) == 0
    warned = [ln for ln in capsys.readouterr().err.splitlines() if "province" in ln]
    assert warned == ["warning: 1 document(s) name no province (noname): coverage by province leaves them out "
                      "and the province summary counts each as a province of its own; give them one in "
                      "manifest.csv"]
    provinces = pd.read_csv(tmp_path / "r" / "tables" / "province_summary.csv", encoding="utf-8-sig")
    assert provinces[["Province A", "Province B"]].values.tolist() == [["Bắc Giang", "(noname)"]]


def test_every_command_passes_on_what_extract_says_of_each_document(docs, tmp_path, capsys):
    corpus, cache = tmp_path / "corpus", ["--cache-dir", str(tmp_path / "c")]
    corpus.mkdir()
    (corpus / "kh58.txt").write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    (corpus / "cv.txt").write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    # no manifest: the metadata read from the headers is a note, not a fault, even with --strict
    assert main(["extract", "--corpus", str(corpus), "--out", str(tmp_path / "t.csv"), "--strict", *cache]) == 0
    assert "metadata guessed from the header" in capsys.readouterr().err
    (corpus / "memo.txt").write_text("Kính gửi các sở.\nĐề nghị các đơn vị quan tâm.", encoding="utf-8")
    (corpus / "english.txt").write_text("1. The province will cut procedures for businesses in 2025.\n" * 5,
                                        encoding="utf-8")
    assert main(["match", "--corpus", str(corpus), "--out", str(tmp_path / "m.csv"), *cache]) == 0
    err = capsys.readouterr().err
    assert f"warning: {corpus / 'memo.txt'}: no recognisable tasks" in err and "metadata guessed" not in err
    assert main(["report", "--quiet", "--corpus", str(corpus), "--out", str(tmp_path / "r"), *cache]) == 0
    err = capsys.readouterr().err
    index = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "<h2>Warnings</h2>" in index and f"{corpus / 'memo.txt'}: no recognisable tasks" in index
    assert err.count("memo.txt: no recognisable tasks") == 1  # said once, also on the command line
    listed = pd.read_csv(tmp_path / "r" / "tables" / "documents.csv", encoding="utf-8-sig",
                         keep_default_na=False).set_index("Document")
    assert listed.loc["english", "Warnings"].startswith("does not look Vietnamese")


def test_out_writes_csv_or_a_workbook_and_refuses_other_formats_before_any_work(tmp_path, capsys):
    cache = ["--cache-dir", str(tmp_path / "c")]
    assert main(["match", "--out", str(tmp_path / "m.xlsx"), *cache]) == 0
    sheet = pd.read_excel(tmp_path / "m.xlsx")
    assert len(sheet) > 100 and list(sheet.columns[:3]) == ["task_id_a", "task_id_b", "doc_id_a"]
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main(["extract", "--out", str(tmp_path / "t.parquet"), *cache])
    assert stop.value.code == 2 and "writes .csv or .xlsx, not .parquet" in capsys.readouterr().err
    assert not (tmp_path / "t.parquet").exists()


def test_coverage_by_document_is_summed_up_by_document(tmp_path, capsys):
    assert main(["coverage", "--by", "document", "--out", str(tmp_path / "c.csv"),
                 "--cache-dir", str(tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert "31 requirements of nq66 x 4 documents" in out
    # each plan of Bắc Giang on a line of its own, with 31 requirements, not the two added up
    assert any(ln.split()[:4] == ["bacgiang_kh58_2025", "31", "0", "0"] for ln in out.splitlines())
    assert any(ln.split()[:4] == ["bacgiang_cv_2023", "0", "3", "28"] for ln in out.splitlines())


def test_a_file_given_as_the_corpus_says_it_is_a_file(tmp_path, capsys):
    from kehoach_lib.config import CORPUS_DIR

    plan = CORPUS_DIR / "raw" / "bac-giang_cv-ubnd-nc_2023-08.txt"
    assert main(["extract", "--corpus", str(plan), "--out", str(tmp_path / "t.csv")]) == 2
    assert f"error: {plan}: a file, not a folder" in capsys.readouterr().err
