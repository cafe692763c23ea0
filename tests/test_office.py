"""Specification of reading word-processor files other than .docx (kehoach_lib.formats.office_lines):
a Word 97-2003 .doc, an OpenDocument .odt or an .rtf is converted to .docx by LibreOffice and read
as that .docx is, Word's automatic numbering and merged table cells included. A .docx or a web page
saved under the name .doc is read as what it is; other bytes, or no LibreOffice, are one clear
message. tests/data/office holds the Hà Nội walkthrough plan (Word automatic numbering, a table with
cells merged down and across) as .docx and as LibreOffice saved it in .doc and .odt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kehoach_lib import DocumentError, extract_tasks, formats, load_corpus, load_document
from kehoach_lib.load import read_corpus

OFFICE = Path(__file__).parent / "data" / "office"
COLUMNS = ["path", "kind", "text", "lead", "partners", "deadline_text", "due"]
needs_libreoffice = pytest.mark.skipif(formats.soffice_program() is None,
                                       reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def docx_tasks():
    return extract_tasks(load_document(OFFICE / "ha_noi.docx"))


@needs_libreoffice
@pytest.mark.parametrize("suffix", [".doc", ".odt"])
def test_a_doc_or_odt_gives_the_tasks_its_docx_gives(suffix, docx_tasks):
    doc = load_document(OFFICE / f"ha_noi{suffix}")
    assert (doc.province, doc.number, doc.date, doc.format) == ("Hà Nội", "118/KH-UBND", "2025-04-15", "office")
    assert doc.warnings == ("metadata guessed from the header: date, doc_type, number, province, title",)
    tasks = extract_tasks(doc)
    assert len(tasks) == 23  # 17 of them numbered only by Word's automatic numbering
    assert tasks[COLUMNS].values.tolist() == docx_tasks[COLUMNS].values.tolist()


@needs_libreoffice
def test_an_rtf_reads_like_its_docx(tmp_path, docx_tasks):
    subprocess.run([formats.soffice_program(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--headless", "--convert-to", "rtf", "--outdir", str(tmp_path), str(OFFICE / "ha_noi.docx")],
                   check=True, capture_output=True, timeout=180)
    tasks = extract_tasks(load_document(tmp_path / "ha_noi.rtf"))
    assert tasks[COLUMNS].values.tolist() == docx_tasks[COLUMNS].values.tolist()


def test_a_docx_or_a_web_page_named_doc_is_read_as_what_it_is(tmp_path, monkeypatch, docx_tasks):
    monkeypatch.setattr(formats, "soffice_program", lambda: None)  # no LibreOffice needed for these
    named = tmp_path / "ha_noi.doc"
    shutil.copy(OFFICE / "ha_noi.docx", named)
    assert extract_tasks(load_document(named))[COLUMNS].values.tolist() == docx_tasks[COLUMNS].values.tolist()
    page = tmp_path / "trang.doc"
    page.write_text("<!DOCTYPE html><html><body><p>KẾ HOẠCH</p><p>II. NHIỆM VỤ</p>"
                    "<p>1. Sở Tư pháp rà soát thủ tục hành chính, hoàn thành trong quý III/2025.</p></body></html>",
                    encoding="utf-8")
    doc = load_document(page)
    assert doc.lines == ("KẾ HOẠCH", "II. NHIỆM VỤ",
                         "1. Sở Tư pháp rà soát thủ tục hành chính, hoàn thành trong quý III/2025.")
    assert extract_tasks(doc)[["lead", "due"]].values.tolist() == [["Sở Tư pháp", "2025-09-30"]]


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("scan.doc", b"\x00\x01garbage" * 20, "not a Word 97-2003 document"),
    ("notes.doc", "KẾ HOẠCH\n1. Rà soát.".encode(), "not a Word 97-2003 document"),
    ("plan.odt", b"<office:document/>", "not an OpenDocument text"),
    ("plan.rtf", b"PK\x03\x04", "not an RTF document"),
])
def test_bytes_that_are_not_the_format_named_are_one_clear_message(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        load_document(path)
    assert str(path) in str(err.value) and reason in str(err.value)


def test_without_libreoffice_a_doc_says_how_to_read_it_and_the_folder_still_runs(tmp_path, monkeypatch):
    monkeypatch.delenv(formats.SOFFICE_ENV, raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert formats.soffice_program() is None
    shutil.copy(OFFICE / "ha_noi.doc", tmp_path / "ha_noi.doc")
    shutil.copy(OFFICE / "ha_noi.docx", tmp_path / "ha_noi_docx.docx")
    (tmp_path / "~$ha_noi.doc").write_bytes(b"\x0bWord lock file")  # Word's lock file: not a document
    docs, problems = read_corpus(tmp_path)
    assert [d.source for d in docs] == [str(tmp_path / "ha_noi_docx.docx")]
    assert problems.source.map(lambda f: Path(f).name).tolist() == ["ha_noi.doc"]
    reason = problems.reason.iloc[0]
    assert reason == ("a .doc file is read through LibreOffice, which was not found (no 'soffice' on the PATH, "
                      f"no {formats.SOFFICE_ENV}): install LibreOffice, or save the file as .docx")
    with pytest.warns(UserWarning, match="ha_noi.doc: a .doc file is read through LibreOffice"):
        assert len(load_corpus(tmp_path)) == 1


def test_a_conversion_that_fails_names_libreoffices_reason(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv(formats.SOFFICE_ENV, str(fake))
    with pytest.raises(DocumentError) as err:
        load_document(OFFICE / "ha_noi.doc")
    said = "LibreOffice could not convert it to .docx (exit 1: Error: source file could not be loaded)"
    assert said in str(err.value)


def _odt(path: Path, body: str) -> Path:
    """A minimal OpenDocument text whose body is ``body`` (ODF XML)."""
    import zipfile

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
                                  f'office:version="1.2"><office:body><office:text>{body}</office:text>'
                                  '</office:body></office:document-content>')
        z.writestr("META-INF/manifest.xml", manifest)
    return path


@needs_libreoffice
def test_a_document_that_links_a_picture_on_a_server_makes_no_request(tmp_path):
    """A linked picture would have LibreOffice fetch it (a web beacon, a request into the local
    network): the conversion's profile sends every request to a closed port."""
    import http.server
    import threading

    asked = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            asked.append(self.path)
            self.send_error(404)

        do_OPTIONS = do_HEAD = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/ping.png"
        path = _odt(tmp_path / "beacon.odt", '<text:p>KẾ HOẠCH</text:p><text:p>1. Rà soát thủ tục hành chính.'
                    '<draw:frame draw:name="i" svg:width="1cm" svg:height="1cm" text:anchor-type="as-char">'
                    f'<draw:image xlink:href="{url}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
                    '</draw:frame></text:p>')
        assert load_document(path).lines == ("KẾ HOẠCH", "1. Rà soát thủ tục hành chính.")
    finally:
        server.shutdown()
    assert asked == []


def test_a_conversion_that_runs_out_of_time_stops_all_it_started(tmp_path, monkeypatch):
    child = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {child}\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv(formats.SOFFICE_ENV, str(fake))
    with pytest.raises(formats.FormatProblem, match="took more than 1 s"):
        formats.office_to_docx(Path("x.doc"), b"\xd0\xcf\x11\xe0", timeout=1)
    import os
    import time

    pid = int(child.read_text())
    for _ in range(50):  # the sleep its wrapper started is stopped too
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"process {pid} started by the conversion is still running")
