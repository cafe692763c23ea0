"""Real-world input: formats, encodings, metadata from headers, clear errors, nothing lost.

Fixtures are built at test time from the seed texts (no binaries in the repository).
"""

from __future__ import annotations

import html
import unicodedata
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_lib import Document, DocumentError, extract_tasks, line_accounting, load_document
from kehoach_lib.cli import main
from kehoach_lib.encodings import EncodingProblem, decode, detect_legacy_font, fix_legacy
from kehoach_lib.load import read_corpus
from kehoach_lib.text import normalize_tone_marks

ROUND_TRIP = ["text", "lead", "due"]


# --- builders -----------------------------------------------------------------------------------
def _blocks(lines):
    """Runs of prose lines and of tab-separated table rows."""
    block, kind = [], None
    for line in lines:
        k = "table" if "\t" in line else "text"
        if k != kind and block:
            yield kind, block
            block = []
        kind = k
        block.append(line)
    if block:
        yield kind, block


def to_docx(lines, path):
    from docx import Document as Docx

    doc = Docx()
    for kind, block in _blocks(lines):
        if kind == "text":
            for line in block:
                doc.add_paragraph(line)
        else:
            rows = [line.split("\t") for line in block]
            width = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=width)
            for i, row in enumerate(rows):
                for j in range(width):
                    table.cell(i, j).text = row[j] if j < len(row) else ""
    doc.save(path)
    return path


def to_html(lines, path, *, encoding="utf-8"):
    parts = [f"<html><head><meta charset='{encoding}'><script>alert(1)</script></head><body>"]
    for kind, block in _blocks(lines):
        if kind == "text":
            parts += [f"<p>{html.escape(line)}</p>" for line in block]
        else:
            parts.append("<table>")
            for line in block:
                cells = "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t"))
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    path.write_bytes("\n".join(parts).encode(encoding))
    return path


def to_pdf(lines, path):
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Sans"}):
        with PdfPages(path) as pdf:
            for start in range(0, len(lines), 60):
                fig = Figure(figsize=(60, 12))
                for i, line in enumerate(lines[start : start + 60]):
                    fig.text(0.005, 1 - (i + 1) / 61, line, fontsize=6, va="baseline")
                pdf.savefig(fig)
    return path


def _tasks(doc):
    return extract_tasks(doc).set_index("task_id")[ROUND_TRIP]


# --- the same plan in every format --------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["docx", "html", "pdf", "md"])
def test_same_plan_same_tasks_in_every_format(docs, tmp_path, fmt):
    seed = docs["bacgiang_kh58_2025"]
    meta = {"doc_id": seed.doc_id, "province": seed.province, "date": seed.date, "doc_type": seed.doc_type}
    path = tmp_path / f"plan.{fmt}"
    if fmt == "docx":
        to_docx(list(seed.lines), path)
    elif fmt == "html":
        to_html(list(seed.lines), path)
    elif fmt == "pdf":
        to_pdf(list(seed.lines), path)
    else:
        path.write_text(seed.text, encoding="utf-8")
    doc = load_document(path, meta=meta)
    assert doc.format == fmt
    got, want = _tasks(doc), _tasks(seed)
    assert list(got.index) == list(want.index)
    assert got.equals(want)


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_tables_become_the_same_task_rows(docs, tmp_path, fmt):
    seed = docs["bacninh_kh383_2023"]
    meta = {"doc_id": seed.doc_id, "province": seed.province, "date": seed.date, "doc_type": seed.doc_type}
    write = to_docx if fmt == "docx" else to_html
    path = write(list(seed.lines), tmp_path / f"p.{fmt}")
    got = _tasks(load_document(path, meta=meta))
    want = _tasks(seed)
    rows = extract_tasks(seed)
    table_rows = [r.task_id for r in rows.itertuples() if "\t" in seed.lines[r.line_start - 1]]
    assert len(table_rows) > 60
    assert got.loc[table_rows].equals(want.loc[table_rows])


def test_html_scripts_are_dropped(tmp_path):
    doc = load_document(to_html(["I. NỘI DUNG", "1. Số hóa hồ sơ."], tmp_path / "x.html"))
    assert "alert" not in doc.text


# --- encodings ----------------------------------------------------------------------------------
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese used it: letters precomposed, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(p for p in parts if p in _TONES)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
        lambda t: to_cp1258(t),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16-le", "nfd", "cp1258"],
)
def test_encodings_load_to_the_same_nfc_text(docs, tmp_path, encode):
    text = docs["bacgiang_kh58_2025"].text
    path = tmp_path / "letter.txt"
    path.write_bytes(encode(text))
    doc = load_document(path, meta={"doc_id": "cv"})
    assert doc.text == unicodedata.normalize("NFC", text)


# TCVN3 (ABC) and VNI text of "Kế hoạch kiểm soát thủ tục hành chính", as it looks when the
# legacy-font bytes are read as Windows-1252.
TCVN3 = "KÕ ho¹ch kiÓm so¸t thñ tôc hµnh chÝnh, ®¬n gi¶n ho¸ thñ tôc hµnh chÝnh. " * 3
VNI = "Keá hoaïch kieåm soaùt thuû tuïc haønh chính, ñôn giaûn hoùa thuû tuïc haønh chính. " * 3


UNICODE = "Kế hoạch kiểm soát thủ tục hành chính, đơn giản hoá thủ tục hành chính. " * 3


@pytest.mark.parametrize("text, legacy", [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_legacy_font_encodings_are_converted_with_a_warning(tmp_path, text, legacy):
    assert detect_legacy_font(text) == legacy
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_document(path, meta={"doc_id": "old"})
    assert normalize_tone_marks(doc.text.strip()) == normalize_tone_marks(UNICODE.strip())
    assert doc.encoding == legacy
    assert any(legacy in w and "converted" in w for w in doc.warnings)


@pytest.mark.parametrize("text, legacy", [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_legacy_font_encodings_can_be_refused_instead(tmp_path, text, legacy):
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(DocumentError, match=f"old.txt.*{legacy}.*convert it to Unicode"):
        load_document(path, legacy="error")


def test_unicode_lines_of_a_mostly_legacy_document_are_left_alone():
    header = "Ủy ban nhân dân tỉnh"
    text, found = fix_legacy("\n".join([header, TCVN3, TCVN3]))
    lines = text.split("\n")
    assert found == "TCVN3" and lines[0] == header
    assert [normalize_tone_marks(ln) for ln in lines[1:]] == [normalize_tone_marks(UNICODE)] * 2


def test_unicode_vietnamese_is_not_mistaken_for_legacy(docs):
    for doc in docs.values():
        assert detect_legacy_font(doc.text) is None
        assert fix_legacy(doc.text) == (doc.text, None)
    with pytest.raises(EncodingProblem, match="TCVN3"):
        decode(TCVN3.encode("cp1252"), legacy="error")


# --- metadata guessed from the header -------------------------------------------------------------
def test_document_without_manifest_row_guesses_metadata(docs, tmp_path):
    path = tmp_path / "Kế hoạch 58.txt"
    path.write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    doc = load_document(path)
    assert doc.doc_id == "ke_hoach_58"
    assert (doc.province, doc.number, doc.doc_type, doc.date) == ("Bắc Giang", "58/KH-UBND", "kế hoạch", "2025-04-08")
    assert set(doc.guessed) == {"province", "number", "doc_type", "date", "title"}
    assert any("guessed" in w for w in doc.warnings)


def test_letter_with_blank_day_and_number(docs, tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    doc = load_document(path)
    assert (doc.doc_type, doc.date, doc.number) == ("công văn", "2023-08", "/UBND-NC")


# --- bad input: one clear message each; the rest of the folder is processed ------------------------
def _zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"0" * 5_000_000)
    return path


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("empty.txt", lambda p: p.write_bytes(b""), "the file is empty"),
        ("blank.txt", lambda p: p.write_bytes(b"  \n\n "), "the file is empty"),
        ("notes.xyz", lambda p: p.write_text("x"), "unsupported format .xyz"),
        ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really"), "corrupt .docx"),
        ("bomb.docx", _zip_bomb, "zip bomb"),
        ("scan.pdf", None, "no text layer"),
        ("big.txt", lambda p: p.write_text("Số: 1/KH\n" * 20000), "file too large"),
    ],
)
def test_bad_inputs_give_one_clear_message(tmp_path, name, make, reason):
    path = tmp_path / name
    if make is None:  # a PDF page with no text at all, like a scan without OCR
        from matplotlib.figure import Figure

        fig = Figure()
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1])
        ax.set_axis_off()  # a drawing, no text at all
        fig.savefig(path, format="pdf")
    else:
        make(path)
    with pytest.raises(DocumentError) as err:
        load_document(path, max_bytes=100_000)
    assert str(path) in str(err.value) and reason in str(err.value)


def test_a_mixed_folder_is_processed_and_problems_listed(docs, tmp_path, capsys):
    (tmp_path / "plan.txt").write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    to_docx(list(docs["bentre_kh_2024"].lines), tmp_path / "bentre.docx")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "memo.txt").write_text("Kính gửi các sở.\nĐề nghị các đơn vị quan tâm.", encoding="utf-8")
    found, problems = read_corpus(tmp_path)
    assert [d.doc_id for d in found] == ["bentre", "memo", "plan"]
    assert sorted(problems.source.map(lambda s: s.rsplit("/", 1)[-1])) == ["empty.txt", "photo.jpg"]
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "out" / "t.csv")]) == 0
    err = capsys.readouterr().err
    assert "empty.txt: the file is empty" in err and "photo.jpg: unsupported format" in err
    assert "memo.txt: no recognisable tasks" in err
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "t.csv"), "--strict"]) == 1


# --- the parser never crashes and never loses a line -----------------------------------------------
_PIECES = st.sampled_from(["I. NỘI DUNG", "1. Làm A.", "a) Việc b", "(i) Rà soát.", "- Cơ quan chủ trì: Sở Tư pháp.",
                           "+ Nội dung (i): Sở Nội vụ.", "- Thời hạn hoàn thành: Quý II năm 2025.",
                           "Số TT\tTên nhiệm vụ\tĐơn vị chủ trì", "1\tViệc\tSở A", "\tcòn tiếp\t", "|", "",
                           "Phụ lục 01", "KT. CHỦ TỊCH", "Nơi nhận:", "- Như trên;", "**Xong trước ngày 1/2/2025**",
                           "Nhiệm vụ, giải pháp:", "IV", "(1)", "1.1", "Trên đây là Kế hoạch"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=40),
       st.sampled_from(["kế hoạch", "công văn", ""]))
def test_parser_never_crashes_and_accounts_for_every_line(lines, doc_type):
    lines = [ln.replace("\r", " ").replace("\n", " ") for ln in lines]
    doc = Document(doc_id="h", lines=tuple(lines), doc_type=doc_type, date="2025")
    tasks = extract_tasks(doc)
    acc = line_accounting(doc)
    assert len(acc) == len(lines)
    assert acc.role.notna().all() and (acc.role != "").all()
    blank = acc.text.str.strip() == ""
    assert (acc.role[~blank] != "blank").all()
    assert tasks.task_id.is_unique
    for row in tasks.itertuples():
        assert 1 <= row.line_start <= row.line_end <= len(lines)


def test_short_legacy_text_and_its_word_punctuation_are_converted():
    # one line in TCVN3 typed in Word: Vietnamese letters in the font, quotes and dash in Windows-1252
    tcvn3 = "KÕ ho¹ch kinh tÕ \u2013 x· héi \u201cn¨m 2025\u201d"
    assert decode(tcvn3.encode("cp1252")) == ("Kế hoạch kinh tế – xã hội “năm 2025”", "TCVN3")


@pytest.mark.parametrize("text", ["Vào thuở ấy, kế hoạch năm 2025.", "Nhớ thuở ban đầu: Sở Tư pháp."])
def test_short_windows_1258_text_is_not_mistaken_for_legacy(text):
    assert decode(to_cp1258(text)) == (text, "cp1258")


def test_utf8_with_a_stray_windows_byte_keeps_its_utf8_and_is_reported(docs, tmp_path):
    # a quote pasted from a Windows program into a UTF-8 plan: that byte is read as Windows-1258,
    # the rest as UTF-8 (not the whole file as Windows-1258 mojibake)
    text = docs["bacgiang_cv_2023"].text
    path = tmp_path / "plan.txt"
    path.write_bytes(f"{text}\n".encode() + b"\x93" + "Trên đây".encode() + b"\x94" + " là kế hoạch.\n".encode())
    doc = load_document(path, meta={"doc_id": "cv"})
    clean = tmp_path / "clean.txt"
    clean.write_text(text + "\n“Trên đây” là kế hoạch.\n", encoding="utf-8")
    assert doc.lines == load_document(clean, meta={"doc_id": "cv"}).lines
    assert any("UTF-8 with a few bytes that are not UTF-8" in w for w in doc.warnings)
    # a file of Windows-1258 bytes is still read as Windows-1258 throughout
    assert decode(to_cp1258("Sở Tư pháp chủ trì.") * 3)[1] == "cp1258"


def test_a_whole_plan_in_tcvn3_is_still_read_as_tcvn3_not_as_utf8_with_stray_bytes(docs):
    from kehoach_lib.encodings import legacy_tables

    text = unicodedata.normalize("NFC", docs["bacgiang_kh58_2025"].text)
    to_legacy = {}
    for legacy, letter in legacy_tables()["TCVN3"][0].items():
        to_legacy.setdefault(unicodedata.normalize("NFC", letter), legacy)
    data = "".join(to_legacy.get(ch, ch) for ch in text).encode("cp1252", errors="replace")
    read, encoding = decode(data)
    assert encoding == "TCVN3"
    assert sum(a == b for a, b in zip(read, text, strict=False)) > 0.99 * len(text)


def test_a_byte_order_mark_on_invalid_bytes_is_a_clear_encoding_problem():
    with pytest.raises(EncodingProblem, match="byte-order mark but is not valid utf-8-sig"):
        decode(b"\xef\xbb\xbfK\xe1\xba\xbf ho\xff")


# --- warnings about the corpus as a whole --------------------------------------------------------
def test_the_bundled_corpus_needs_no_warning(corpus):
    from kehoach_lib.load import corpus_warnings

    assert corpus_warnings(corpus) == []


def test_copies_and_text_that_is_not_vietnamese_are_named(docs, tmp_path, capsys):
    plan = docs["bacgiang_cv_2023"].text
    (tmp_path / "a.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "b.txt").write_text(plan.replace("\n", "\n\n"), encoding="utf-8")  # only spacing differs
    (tmp_path / "c.txt").write_text(docs["bentre_kh_2024"].text, encoding="utf-8")
    english = ("PLAN to cut administrative procedures in 2025\nI. OBJECTIVES\n1. Cut 30% of the time "
               "spent on business procedures.\nII. TASKS\n1. Review every procedure and propose cuts; "
               "lead: Department of Justice; deadline: June 2025.\n2. Publish the list of procedures online.\n")
    (tmp_path / "english.txt").write_text(english * 2, encoding="utf-8")
    assert main(["match", "--corpus", str(tmp_path), "--out", str(tmp_path / "m.csv")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {tmp_path / 'a.txt'}, {tmp_path / 'b.txt'}: the same text in 2 files" in err
    assert f"warning: {tmp_path / 'english.txt'}: does not look Vietnamese (0% of its letters" in err
    assert "c.txt" not in err  # the other plan is fine


@pytest.mark.parametrize("manifest, reason", [
    ("doc_id,file,province\nx,plan.txt,\n", "needs the column(s) source_file (it has: doc_id, file, province)"),
    ("doc_id,source_file\nx,\n", "line 2: no source_file"),
    ('doc_id,source_file\nx,"plan.txt\n', "row 2: not valid CSV"),
    ("doc_id,source_file,doc_id\nx,plan.txt,y\n", "line 1: the column(s) doc_id appear twice"),
    ("doc_id,source_file\nx,plan.txt,Bắc Giang\n", "line 2: 3 cells, but the header names 2 columns"),
    ("doc_id,source_file\nx,plan.txt\n\n\n,,\ny,plan.txt\n", "line 6: source_file 'plan.txt' is also on line 2"),
    ("doc_id,source_file\nx,../../etc/hostname\n", "line 2: source_file '../../etc/hostname' is not a file inside"),
])
def test_a_manifest_that_cannot_be_used_is_one_message(docs, tmp_path, capsys, manifest, reason):
    (tmp_path / "plan.txt").write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    path = tmp_path / "manifest.csv"
    path.write_bytes(manifest if isinstance(manifest, bytes) else manifest.encode("utf-8"))
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "t.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: ") and reason in err and err.count("\n") == 1
    assert not (tmp_path / "t.csv").exists()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1258", "utf-16"])
def test_a_manifest_saved_by_a_spreadsheet_program_is_read(docs, tmp_path, capsys, encoding):
    # semicolons (a locale with a decimal comma), and Windows-1258 (which spells Vietnamese
    # with combining tone marks) as a Vietnamese Windows saves "CSV"
    (tmp_path / "plan.txt").write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    text = "# our corpus\ndoc_id;province;source_file;title\ncv;Bắc Giang;plan.txt;Công văn 2023\n"
    data = to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    (tmp_path / "manifest.csv").write_bytes(data)
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "t.csv")]) == 0
    tasks = pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig")
    assert set(tasks.doc_id) == {"cv"} and set(tasks.province) == {"Bắc Giang"}
    err = capsys.readouterr().err
    assert ("not UTF-8; read as" in err) == (encoding != "utf-8-sig")


def test_a_manifest_may_have_blank_rows_and_spaces_around_file_names(docs, tmp_path):
    (tmp_path / "plan.txt").write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id,province,source_file\ncv,Bắc Giang, plan.txt \n,,\n\n",
                                           encoding="utf-8")
    found, problems = read_corpus(tmp_path)
    assert [(d.doc_id, d.province) for d in found] == [("cv", "Bắc Giang")] and problems.empty
