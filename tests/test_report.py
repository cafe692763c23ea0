"""The main job end to end on the bundled corpus, through the command line."""

from __future__ import annotations

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


def test_extract_match_coverage_commands(tmp_path):
    import pandas as pd

    assert main(["extract", "--out", str(tmp_path / "t.csv")]) == 0
    tasks = pd.read_csv(tmp_path / "t.csv", keep_default_na=False)
    assert {"task_id", "lead_agencies", "province_today", "due", "line_start"} <= set(tasks.columns)
    assert main(["match", "--out", str(tmp_path / "m.csv")]) == 0
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
