"""Exports: CSV with BOM, a formatted XLSX workbook, Markdown, HTML, safe output paths."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from kehoach_lib.export import label_columns, sheet_name, write_index, write_tables, write_xlsx
from kehoach_lib.paths import UnsafePathError, safe_output_path


@pytest.fixture()
def tables():
    return {
        "tasks": pd.DataFrame({"task_id": ["bg:III.1", "bn:PL01.V.4"],
                               "lead": ["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh <b>"],
                               "due": ["2025-06-30", ""]}),
        "coverage_summary": pd.DataFrame({"covered": [3], "partial": [1]},
                                         index=pd.Index(["Bắc Giang"], name="province")),
    }


def test_all_formats_are_written(tmp_path, tables):
    written = write_tables(tables, tmp_path)
    for name in tables:
        assert set(written[name]) == {"csv", "xlsx", "md", "html"}
        assert all(p.exists() and p.stat().st_size > 0 for p in written[name].values())


def test_csv_has_a_bom_and_reads_back(tmp_path, tables):
    path = write_tables(tables, tmp_path, formats=("csv",))["tasks"]["csv"]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)
    assert back["Lead (as written)"].tolist() == tables["tasks"]["lead"].tolist()


def test_xlsx_workbook_is_formatted(tmp_path, tables):
    path = write_tables(tables, tmp_path, formats=("xlsx",))["tasks"]["xlsx"]
    wb = load_workbook(path)
    assert wb.sheetnames == ["tasks", "coverage_summary"]
    ws = wb["tasks"]
    assert [c.value for c in ws[1]] == ["Task id", "Lead (as written)", "Due"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold
    assert ws["B2"].value == "Sở Khoa học và Công nghệ"
    assert ws.column_dimensions["B"].width >= len("Sở Khoa học và Công nghệ")
    assert wb["coverage_summary"]["A2"].value == "Bắc Giang"  # the index is a column


def test_vietnamese_headers(tables):
    headers = list(label_columns(tables["tasks"], lang="vi").columns)
    assert headers == ["Mã nhiệm vụ", "Cơ quan chủ trì (nguyên văn)", "Hạn"]
    with pytest.raises(ValueError):
        label_columns(tables["tasks"], lang="fr")


@pytest.mark.parametrize("columns, lang, headers", [
    (["task_id", "text"], "en", ["Task id", "Task text"]),
    (["doc_type", "type", "extra"], "en", ["Type (doc_type)", "Type (type)", "extra"]),
    (["kind", "type"], "vi", ["Loại (kind)", "Loại (type)"]),
    (["no date", "2025Q2"], "vi", ["Không có thời hạn", "2025Q2"]),
])
def test_headers_stay_unique(columns, lang, headers):
    assert list(label_columns(pd.DataFrame(columns=columns), lang=lang).columns) == headers


def test_report_tables_have_unique_headers_in_both_languages():
    from kehoach_lib.report import build_tables

    tables, _ = build_tables()
    for lang in ("en", "vi"):
        for name, df in tables.items():
            headers = list(label_columns(df.reset_index() if df.index.name else df, lang=lang).columns)
            assert len(headers) == len(set(headers)), (lang, name)


def test_html_escapes_and_declares_utf8(tmp_path, tables):
    html = write_tables(tables, tmp_path, formats=("html",))["tasks"]["html"].read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html and "&lt;b&gt;" in html and "Sở Khoa học" in html


def test_index_links_every_table_and_figure(tmp_path, tables):
    written = write_tables(tables, tmp_path)
    (tmp_path / "figures").mkdir()
    fig = tmp_path / "figures" / "x.png"
    fig.write_bytes(b"\x89PNG")
    index = write_index(tmp_path, title="t", tables=written, figures={"x": [fig]}, summary={"tasks": 2})
    text = index.read_text(encoding="utf-8")
    assert "figures/x.png" in text and "tables/tasks.csv" in text and "tables.xlsx" in text


def test_index_speaks_the_language_asked_for(tmp_path, tables):
    written = write_tables(tables, tmp_path, formats=("csv",))
    summary = {"tasks": 2, "coverage in Bắc Giang": "31 covered"}
    vi = write_index(tmp_path, tables=written, figures={}, summary=summary, lang="vi",
                     warnings=["a.txt: the file is empty"]).read_text(encoding="utf-8")
    assert "<h1>kehoach — so sánh kế hoạch của các tỉnh</h1>" in vi and "<h2>Tóm tắt</h2>" in vi
    assert "<b>Số nhiệm vụ</b>" in vi and "<b>Mức bao quát tại Bắc Giang</b>" in vi
    assert "<h2>Cảnh báo</h2>" in vi and "<li>a.txt: the file is empty</li>" in vi
    en = write_index(tmp_path, tables=written, figures={}, summary=summary).read_text(encoding="utf-8")
    assert "<h2>Summary</h2>" in en and "<b>Coverage in Bắc Giang</b>" in en and "Warnings" not in en


@pytest.mark.parametrize("name", ["../evil.csv", "/etc/passwd", "tables/../../x"])
def test_output_paths_cannot_escape(tmp_path, name):
    with pytest.raises(UnsafePathError):
        safe_output_path(tmp_path, name)


def test_sheet_names_are_excel_safe():
    taken = {"coverage"}
    assert sheet_name("coverage", taken) == "coverage_2"
    assert len(sheet_name("x" * 40, set())) == 31
    assert sheet_name("a/b:c", set()) == "a_b_c"


def test_workbook_bytes_are_the_same_run_after_run(tmp_path, tables):
    first = write_tables(tables, tmp_path / "a", formats=("xlsx",))["tasks"]["xlsx"].read_bytes()
    second = write_tables(tables, tmp_path / "b", formats=("xlsx",))["tasks"]["xlsx"].read_bytes()
    assert first == second
    assert load_workbook(tmp_path / "a" / "tables.xlsx").properties.created.year == 2000


def test_a_long_table_is_whole_in_csv_and_says_where_the_other_forms_stop(tmp_path):
    long = pd.DataFrame({"task_id_a": [f"a:{i}" for i in range(5)], "score": [0.5] * 5})
    with pytest.warns(UserWarning, match="matches: 5 rows; its XLSX sheet, Markdown and HTML hold the first 3"):
        paths = write_tables({"matches": long, "short": long.head(2)}, tmp_path, max_rows=3)["matches"]
    assert len(pd.read_csv(paths["csv"], encoding="utf-8-sig")) == 5
    note = "The first 3 of 5 rows; matches.csv has them all."
    md = paths["md"].read_text(encoding="utf-8")
    assert f"> {note}" in md and "a:2" in md and "a:3" not in md
    page = paths["html"].read_text(encoding="utf-8")
    assert note in page and "a:2" in page and "a:3" not in page
    sheet = load_workbook(paths["xlsx"])["matches"]
    assert [c.value for c in sheet["A"]] == ["Task A", "a:0", "a:1", "a:2", note]
    assert "first" not in (tmp_path / "tables" / "short.md").read_text(encoding="utf-8")


def test_long_tables_keep_a_csv_even_when_not_asked_for_one(tmp_path):
    long = pd.DataFrame({"task_id_a": [f"a:{i}" for i in range(5)]})
    with pytest.warns(UserWarning):
        paths = write_tables({"matches": long}, tmp_path, formats="md", max_rows=3)["matches"]
    assert set(paths) == {"md", "csv"} and len(pd.read_csv(paths["csv"], encoding="utf-8-sig")) == 5
    for bad in (-1, 2.5, None, True):
        with pytest.raises(ValueError, match="max_rows must be a whole number"):
            write_tables({"matches": long}, tmp_path, max_rows=bad)


def test_a_control_character_in_a_cell_does_not_stop_the_workbook(tmp_path):
    from openpyxl import load_workbook

    df = pd.DataFrame({"text": ["Rà soát\x01 thủ tục", "Số hóa"], "n": [1, 2]})
    path = write_xlsx({"tasks": df}, tmp_path / "t.xlsx")
    ws = load_workbook(path)["tasks"]
    assert [c.value for c in ws["A"]] == ["text", "Rà soát thủ tục", "Số hóa"]
    assert df.text[0] == "Rà soát\x01 thủ tục"  # the table itself is untouched


def test_table_names_become_safe_file_names_and_wrong_inputs_say_what_is_wanted(tmp_path):
    written = write_tables({"Nghệ An/tasks": pd.DataFrame({"a": [1]})}, tmp_path, formats="csv")
    assert written["Nghệ An_tasks"]["csv"] == tmp_path / "tables" / "Nghệ An_tasks.csv"
    both = write_tables({"Nghệ An/tasks": pd.DataFrame({"a": [1]}), "Nghệ An_tasks": pd.DataFrame({"a": [2]})},
                        tmp_path / "two", formats="csv")
    assert list(both) == ["Nghệ An_tasks", "Nghệ An_tasks_2"]  # made alike, both kept
    with pytest.raises(TypeError, match="a dict of name -> DataFrame"):
        write_tables([pd.DataFrame()], tmp_path)
    with pytest.raises(ValueError, match=r"formats \['parquet'\] not supported"):
        write_tables({"t": pd.DataFrame()}, tmp_path, formats="parquet")


def test_a_vietnamese_table_reads_its_categories_in_vietnamese_and_leaves_text_alone():
    from kehoach_lib.export import label_values, summary_value, table_title

    df = pd.DataFrame({"kind": ["objective", "task", "duty"], "status": ["covered", "partial", "missing"],
                       "text": ["task", "Rà soát", "covered"], "n": [1, 2, 3]})
    vi = label_values(df, lang="vi")
    assert vi.kind.tolist() == ["mục tiêu", "nhiệm vụ", "trách nhiệm"]
    assert vi.status.tolist() == ["đã có", "một phần", "chưa có"]
    assert vi.text.tolist() == ["task", "Rà soát", "covered"]  # free text: not every cell is a category
    assert label_values(df, lang="en").equals(df)
    assert summary_value("3 covered, 4 partial, 24 missing", lang="vi") == "3 đã có, 4 một phần, 24 chưa có"
    assert (table_title("coverage_matrix", lang="vi"), table_title("coverage_matrix")) == (
        "Mức bao quát theo yêu cầu và tỉnh", "coverage_matrix")


def test_written_vietnamese_tables_carry_vietnamese_values(tmp_path):
    written = write_tables({"tasks": pd.DataFrame({"kind": ["duty"], "text": ["Rà soát"]})}, tmp_path, lang="vi")
    csv = written["tasks"]["csv"].read_text(encoding="utf-8-sig")
    assert "trách nhiệm" in csv and "duty" not in csv
    assert "<title>Nhiệm vụ</title>" in written["tasks"]["html"].read_text(encoding="utf-8")


def test_lists_of_values_and_columns_named_by_a_value_read_in_vietnamese():
    from kehoach_lib.export import label_values

    df = pd.DataFrame({"layout": ["prose, field-lines", "prose, tab-table"], "blank": [1, 2]})
    vi = label_columns(label_values(df, lang="vi"), lang="vi")
    assert vi.iloc[:, 0].tolist() == ["văn bản, dòng thông tin", "văn bản, bảng"]
    assert list(vi.columns) == ["Bố cục", "dòng trống"]
