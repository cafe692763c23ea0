"""Figures render Vietnamese without missing glyphs and save deterministically."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from kehoach_lib.plots import bar_counts, deadline_timeline, heatmap, save_figure, status_heatmap

LABELS = ["Sở Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh Bắc Giang", "đơn giản hóa thủ tục"]


def test_vietnamese_labels_render_without_missing_glyphs(tmp_path):
    df = pd.DataFrame([[0.1, 0.5, 0.9]] * 3, index=LABELS, columns=["Bắc Giang", "Bắc Ninh", "Bến Tre"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paths = save_figure(heatmap(df, title="Tỷ lệ nhiệm vụ có tương ứng"), tmp_path, "h")
    glyph = [w for w in caught if "glyph" in str(w.message).lower()]
    assert glyph == []
    assert {p.suffix for p in paths} == {".png", ".svg"}
    assert all(p.stat().st_size > 2000 for p in paths)


def test_svg_is_identical_across_saves(tmp_path):
    df = pd.DataFrame({"covered": [3, 1], "partial": [0, 2]}, index=["Bắc Giang", "Bến Tre"])
    a = save_figure(bar_counts(df, title="Mức độ"), tmp_path / "a", "f", formats=("svg",))[0]
    b = save_figure(bar_counts(df, title="Mức độ"), tmp_path / "b", "f", formats=("svg",))[0]
    assert a.read_bytes() == b.read_bytes()


def test_status_heatmap_and_timeline(tmp_path, tasks):
    m = pd.DataFrame({"Bắc Giang": ["covered", "partial"], "Bến Tre": ["missing", "covered"]},
                     index=["nq66.a", "nq66.b"])
    assert save_figure(status_heatmap(m, title="Độ bao phủ"), tmp_path, "s", formats=("png",))[0].exists()
    fig = deadline_timeline(tasks)
    assert len(fig.axes[0].get_yticklabels()) == tasks.doc_id.nunique()


def test_the_timeline_counts_recurring_tasks_apart_from_those_without_a_date():
    # walkthrough 19c: "2 recurring, 26 without date" for 27 tasks counted the recurring twice
    tasks = pd.DataFrame({"doc_id": ["kh"] * 4, "due": ["2025-06-30", "", "", ""],
                          "recurring": [False, True, True, False]})
    fig = deadline_timeline(tasks, labels={"recurring": "thường xuyên", "without date": "không có thời hạn"})
    assert [t.get_text() for t in fig.axes[0].texts] == ["2 thường xuyên, 1 không có thời hạn"]
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert ticks and not any(c.isalpha() for t in ticks for c in t)  # numbers only, no "Jun"


def test_a_one_document_heatmap_has_room_for_its_title_and_labels(tmp_path):
    # the match-share matrix of a corpus of one document: tiny unless the figure has a minimum size
    name = "bac_giang_cv_ubnd_nc_2023_08"
    df = pd.DataFrame([[float("nan")]], index=[name], columns=[name])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        save_figure(heatmap(df, title="Share of each plan's tasks with a counterpart", vmax=1), tmp_path, "one",
                    formats=("png",))
    assert [str(w.message) for w in caught if "layout" in str(w.message)] == []


def test_an_empty_matrix_is_a_figure_that_says_so_without_warnings(tmp_path):
    # e.g. the coverage of a corpus whose plans name no province: no requirement x province cell
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name, fig in [("status", status_heatmap(pd.DataFrame(), title="NQ 66 coverage")),
                          ("shares", heatmap(pd.DataFrame(index=["a"]), title="Shares")),
                          ("counts", bar_counts(pd.DataFrame(columns=["covered"]), title="Counts"))]:
            saved = save_figure(fig, tmp_path, name, formats=("svg",))
            assert "nothing to show" in saved[0].read_text(encoding="utf-8")
    assert [str(w.message) for w in caught] == []


def test_save_figure_takes_one_format_or_several_and_says_what_it_cannot_do(tmp_path):
    fig = bar_counts(pd.Series({"a": 1, "b": 2}), title="t")
    assert [p.name for p in save_figure(fig, tmp_path, "x", formats="png")] == ["x.png"]
    first = save_figure(fig, tmp_path, "x", formats="pdf")[0].read_bytes()
    assert save_figure(fig, tmp_path, "x", formats=("pdf",))[0].read_bytes() == first  # the same bytes
    with pytest.raises(ValueError, match=r"formats \['jpg'\] not supported"):
        save_figure(fig, tmp_path, "x", formats=("jpg",))
    with pytest.raises(ValueError, match="out_dir is the folder the figures go in"):
        save_figure(fig, tmp_path / "timeline.png", "x")
    assert not (tmp_path / "timeline.png").exists()


def test_status_heatmap_points_to_the_matrix_when_given_the_coverage_table():
    cov = pd.DataFrame({"requirement_id": ["r1"], "province": ["A"], "status": ["covered"]})
    with pytest.raises(ValueError, match=r"coverage.coverage_matrix\(cov\)"):
        status_heatmap(cov)


def test_legends_can_name_the_statuses_in_another_language():
    from kehoach_lib.plots import bar_counts, status_heatmap

    words = {"covered": "đã có", "partial": "một phần", "missing": "chưa có"}
    matrix = pd.DataFrame({"Tỉnh A": ["covered", "missing"]}, index=["r1", "r2"])
    fig = status_heatmap(matrix, labels=words)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == list(words.values())
    fig = bar_counts(pd.DataFrame({"covered": [1], "partial": [2], "missing": [0]}, index=["Tỉnh A"]), labels=words)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == list(words.values())
