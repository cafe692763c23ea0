"""Editable data files: read once, read again when they change."""

from __future__ import annotations

import os

from kehoach_lib import config


def test_a_loader_reads_its_file_once_and_again_after_an_edit(tmp_path):
    reads = []

    @config.reread_on_change
    def load(path=tmp_path / "table.txt"):
        reads.append(path)
        return config.data_lines(path)

    path = tmp_path / "table.txt"
    path.write_text("# comment\na\n", encoding="utf-8")
    assert load() == ["a"] and load(path) == ["a"] and load(str(path)) == ["a"]
    assert len(reads) == 1
    path.write_text("# comment\nb\n", encoding="utf-8")  # the same size: only the time tells
    os.utime(path, ns=(1, path.stat().st_mtime_ns + 10**9))
    assert load() == ["b"]
    assert len(reads) == 2
    path.write_text("b\nc\n", encoding="utf-8")
    os.utime(path, ns=(1, 10**9))  # an older time, a new size
    assert load() == ["b", "c"]
    assert len(reads) == 3


def test_stamps_name_the_file_its_time_and_size(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("abc", encoding="utf-8")
    ((name, mtime, size),) = config.file_stamps(path)
    assert (name, size) == (str(path), 3) and mtime == path.stat().st_mtime_ns
