"""Encodings: bytes -> NFC text, whatever encoding the source used, or a clear error.

UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL-byte pattern of ASCII-heavy text),
Windows-1258 (whose Vietnamese uses combining tone marks, so NFC matters) and decomposed
(NFD) Unicode all give the same NFC text; charset-normalizer is the last resort.

Text in the legacy Vietnamese font encodings (TCVN3/ABC, VNI) decodes without error but as
mojibake ("KÕ ho¹ch", "Keá hoaïch"). It is detected by its tell-tale characters and, by
default, converted with the table in ``data/legacy_fonts.csv`` (the caller records a
warning, see :func:`legacy_warning`); with ``legacy="error"`` it is refused with a message
saying what to do. It is never returned as mojibake without notice.

UTF-8 that was read as Windows-1252 (or Latin-1) and saved again as UTF-8 ("Cáº¯t giáº£m" for
"Cắt giảm") is detected by its tell-tale sequences and repaired (:func:`repair_double_utf8`),
also with a warning; when it cannot be repaired (characters were lost) it is refused.

Bytes that are not text at all (an image, an archive, a program, a PDF or .docx under a .txt
name: :func:`sniff_binary`; or a high share of control characters) are refused: every 8-bit
byte sequence "decodes", and random bytes even look like TCVN3.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile

from . import config

#: What to do with legacy-font text: ``"convert"`` (to Unicode, with a warning) or ``"error"``.
LEGACY_POLICY = "convert"
LEGACY_POLICIES = ("convert", "error")
LEGACY_TABLE = "legacy_fonts.csv"
#: Characters examined when deciding whether a text is legacy-font mojibake.
SAMPLE_CHARS = 20_000
#: Fewer letters than this: too little text to call it legacy.
MIN_LETTERS = 50
#: ... or than this when the bytes are 8-bit (not valid UTF-8), where legacy text is expected.
MIN_LETTERS_8BIT = 10
#: At least this many legacy signs (one stray symbol is not a legacy document) ...
MIN_SIGNS = 2
#: ... and they must be at least this share of the letters ...
MIN_LEGACY_SHARE = 0.02
#: ... and outnumber the Unicode-only Vietnamese letters this many times.
LEGACY_OVER_UNICODE = 4
#: Share of NUL bytes in one byte position that marks UTF-16 without a BOM.
UTF16_NUL_SHARE = 0.4
#: Name :func:`decode` gives UTF-8 text with a few stray bytes that are not UTF-8 (a quote
#: pasted from a Windows program), which it reads as Windows-1258 instead of giving up on the
#: file's UTF-8; "a few": at least this many valid non-ASCII characters per stray byte (in
#: Windows-1258 text, where letters are single bytes and combining marks are not UTF-8 continuation
#: bytes, valid UTF-8 sequences hardly ever occur).
MIXED_UTF8 = "utf-8 with stray Windows-1258 bytes"
MIXED_UTF8_RATIO = 2
#: Name :func:`decode` gives double-encoded UTF-8 it repaired (see :func:`repair_double_utf8`).
DOUBLE_UTF8 = "utf-8 read as Windows-1252 and saved again"
#: Double-encoded UTF-8: at least this many tell-tale sequences ("áº", "á»", "Ã ", "Æ°", "Ä‘" …)
#: that decode as UTF-8 ...
MIN_DOUBLE_SIGNS = 2
#: ... making up at least this share of the text's characters outside ASCII. In double-encoded
#: text every one is such a sequence; the bundled plans have none.
DOUBLE_UTF8_SHARE = 0.5
#: Text is refused when more than this share of its characters are control characters (C0 but
#: tab, line feed, vertical tab (Word's line break), form feed (a PDF's page break) and carriage
#: return; and DEL), and there are at least :data:`NOT_TEXT_MIN` of them. Random or compressed
#: bytes have 11%, programs more; text none.
NOT_TEXT_SHARE = 0.05
NOT_TEXT_MIN = 4
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
#: Well-known file signatures: (magic at offset 0, what the file is).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"), (b"%PDF-", "a PDF document? name it .pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel file (.doc, .xls)? save it as .docx"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"), (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program (ELF)"),
    (b"\xfe\xed\xfa", "a program (Mach-O)"), (b"\xcf\xfa\xed\xfe", "a program (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "a program (Mach-O or Java)"), (b"\x00asm", "a WebAssembly program"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"OggS\x00", "an Ogg audio or video file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
)
#: Signatures short enough for text to start with them: the pattern the whole header must match.
_MAGIC_PATTERNS = (
    (re.compile(rb"BZh[1-9]1AY&SY"), "bzip2-compressed data"),
    (re.compile(rb"ID3[\x02-\x04]\x00"), "an MP3 audio file"),
    (re.compile(rb"BM.{4}\x00\x00\x00\x00", re.S), "a BMP image"),
    (re.compile(rb"RIFF.{4}WEBP", re.S), "a WebP image"),
    (re.compile(rb"RIFF.{4}(WAVE|AVI )", re.S), "a WAV or AVI file"),
    (re.compile(rb"....ftyp", re.S), "an MP4 or QuickTime video, or a HEIC image"),
)
#: What a ZIP archive holding this member is.
_ZIP_KINDS = (("word/document.xml", "a Word .docx document? name it .docx"),
              ("xl/workbook.xml", "an Excel .xlsx workbook"),
              ("ppt/presentation.xml", "a PowerPoint .pptx presentation"),
              ("content.xml", "an OpenDocument file? save it as .docx"),
              ("META-INF/container.xml", "an EPUB book"))

#: Letters only Unicode Vietnamese has (â, ê, ô, à, á ... also exist in Windows-1252).
_VIETNAMESE = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
_STRAY = re.compile("[\udc80-\udcff]")
#: TCVN3 (ABC) read as a Windows code page: its toned vowels and đ, ơ, ư sit at bytes
#: 0xA9-0xB9, symbols that real text hardly uses.
#: Bytes 0x80-0x9F read as Latin-1 are control characters; in Windows-1252 (which legacy-font
#: documents typed in Word use for punctuation) they are “ ” – … • € and so on.
_C1_AS_CP1252 = {chr(b): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0)
                 if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_LETTER = re.compile(r"[^\W\d_]")
#: Double-encoded UTF-8: each byte of a UTF-8 sequence became the character Windows-1252 gives
#: it (the five bytes it leaves undefined, 0x81 0x8D 0x8F 0x90 0x9D, became U+0081 … as Windows
#: and Latin-1 read them). :data:`_TO_BYTE` undoes that, character by character.
_TO_BYTE = {chr(b): b for b in range(256)} | {v: ord(k) for k, v in _C1_AS_CP1252.items()}
_CONT = "[" + "".join(re.escape(c) for c, b in _TO_BYTE.items() if 0x80 <= b <= 0xBF) + "]"
_DOUBLE = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}")
#: ... and as repaired in a damaged line: a space where a program turned the byte 0xA0 (a
#: no-break space in Windows-1252) into one, in the sequences of Vietnamese that end in it: the
#: no-break space, à, Ơ, Ạ, Ờ ("hÃ nh" for "hành", "HOáº CH" for "HOẠCH").
_DOUBLE_LOOSE = re.compile(f"{_DOUBLE.pattern}|[ÂÃÆ] |á[º»] ")
#: What is left of a sequence that lost a byte (in a damaged line): U+FFFD, a sequence of three
#: or four bytes cut short, or a character that starts a sequence and is no Vietnamese letter
#: ("Ä" of "Ä\x90" for "Đ"; a lone "à" may be a letter typed afterwards).
_LOST = re.compile(f"\ufffd|[\u00e0-\u00ef]{_CONT}|[\u00f0-\u00f4]{_CONT}{{1,2}}|"
                   + "[" + "".join(chr(c) for c in range(0xC2, 0xF5)
                                   if chr(c).lower() not in "àáâãèéêìíòóôõùúý") + "]")
_TCVN3_SIGNS = re.compile(r"[©ª«¬®µ¶·¸¹]")
#: VNI read as Windows-1252: a vowel followed by a VNI tone byte, and "ñ" for "đ".
_VNI_SIGNS = re.compile(r"[aeiouyAEIOUY][øùûõïöØÙÛÕÏ]|[ñÑ][aeoiuôâêơưAEOIUÔ]")
_MARKS = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303",
          "dot": "\u0323", "circumflex": "\u0302", "breve": "\u0306"}
LEGACY_NAMES = {"TCVN3": "TCVN3 (ABC, .VnTime fonts)", "VNI": "VNI (VNI-Times fonts)"}


class EncodingProblem(ValueError):
    """Text that cannot be read as Unicode Vietnamese; the message says why and what to do."""


def legacy_tables() -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """``{encoding: (letters, marks)}`` from ``data/legacy_fonts.csv`` (read again when it changes).

    ``letters`` maps a legacy character to a Unicode letter; ``marks`` (VNI) maps one to the
    combining marks it adds to the vowel before it.
    """
    return _legacy_tables(config.DATA_DIR / LEGACY_TABLE)


@config.reread_on_change
def _legacy_tables(path) -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    tables: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
    for row in config.data_rows(path):
        letters, marks = tables.setdefault(row["encoding"], ({}, {}))
        if row["kind"] == "mark":
            marks[row["legacy"]] = "".join(_MARKS[m] for m in row["unicode"].split("+"))
        else:
            letters[row["legacy"]] = row["unicode"]
    return tables


def detect_legacy_font(text: str, *, min_letters: int = MIN_LETTERS) -> str | None:
    """``"TCVN3"`` or ``"VNI"`` when ``text`` looks like a legacy font encoding read as Unicode."""
    sample = text[:SAMPLE_CHARS]
    vni = len(_VNI_SIGNS.findall(sample))
    tcvn = len(_TCVN3_SIGNS.findall(sample))
    if not (vni or tcvn):
        return None
    letters = len(_LETTER.findall(sample))
    if letters < min_letters:
        return None
    unicode_letters = len(_VIETNAMESE.findall(sample))
    for name, signs in (("VNI", vni if vni >= tcvn else 0), ("TCVN3", tcvn)):
        if (signs >= MIN_SIGNS and signs > MIN_LEGACY_SHARE * letters
                and signs > LEGACY_OVER_UNICODE * unicode_letters):
            return name
    return None


def convert_legacy(text: str, encoding: str) -> str:
    """``text`` (legacy-font characters as read through Windows-1252) in Unicode, NFC.

    Lines that already contain Unicode-only Vietnamese letters are left alone, so a document
    mixing Unicode and legacy paragraphs keeps its Unicode ones intact.
    """
    letters, marks = legacy_tables()[encoding]
    out_lines = []
    for line in text.split("\n"):
        if _VIETNAMESE.search(line):
            out_lines.append(line)
            continue
        out: list[str] = []
        for ch in line:
            if ch in marks and out and unicodedata.normalize("NFD", out[-1])[:1].lower() in "aeiouyơư":
                out[-1] += marks[ch]
            else:
                out.append(letters.get(ch) or _C1_AS_CP1252.get(ch, ch))
        out_lines.append(unicodedata.normalize("NFC", "".join(out)))
    return "\n".join(out_lines)


def legacy_warning(encoding: str) -> str:
    """The warning recorded on a document converted from a legacy font encoding."""
    note = " (capitals typed in the .VnTimeH font come out in lower case)" if encoding == "TCVN3" else ""
    return (f"converted from the legacy {LEGACY_NAMES.get(encoding, encoding)} font encoding"
            f"{note}; check the text")


def encoding_warning(encoding: str, *, expected: tuple[str, ...] = ("utf-8", "utf-8-sig")) -> str | None:
    """What to tell a reader about text :func:`decode` read as ``encoding`` (None when it is
    one of the ``expected`` ones): the one wording for documents and CSV files alike."""
    if encoding in expected:
        return None
    if encoding in LEGACY_NAMES:
        return legacy_warning(encoding)
    if encoding == MIXED_UTF8:
        return "UTF-8 with a few bytes that are not UTF-8, read as Windows-1258: check the characters they became"
    if encoding == DOUBLE_UTF8:
        return ("repaired: UTF-8 that had been read as Windows-1252 and saved again "
                "(mojibake such as \"Cáº¯t giáº£m\" for \"Cắt giảm\"); check the text")
    return f"not UTF-8; read as {encoding}"


def _legacy_message(legacy: str, read_as: str) -> str:
    return (f"looks like the legacy {LEGACY_NAMES.get(legacy, legacy)} font encoding read as "
            f"{read_as} (mojibake); convert it to Unicode first (e.g. UniKey's converter) "
            "or load it with legacy='convert'")


def fix_legacy(text: str, *, read_as: str = "Unicode", legacy: str = LEGACY_POLICY,
               min_letters: int = MIN_LETTERS) -> tuple[str, str | None]:
    """(text, legacy encoding found or None): legacy-font text converted, or refused.

    Raises :class:`EncodingProblem` for legacy text when ``legacy="error"``.
    """
    if legacy not in LEGACY_POLICIES:
        raise ValueError(f"legacy must be one of {LEGACY_POLICIES}, not {legacy!r}")
    found = detect_legacy_font(text, min_letters=min_letters)
    if found is None:
        return text, None
    if legacy == "error":
        raise EncodingProblem(_legacy_message(found, read_as))
    return convert_legacy(text, found), found


def sniff_binary(data: bytes) -> str | None:
    """Why ``data`` is not a text file when it starts with a well-known file signature (an image,
    an archive, a program, a PDF, a .docx …): ``"binary data, not text (a PNG image?)"``; else None."""
    head = data[:64]
    kind = next((k for magic, k in _MAGIC if head.startswith(magic)), None)
    kind = kind or next((k for pattern, k in _MAGIC_PATTERNS if pattern.match(head)), None)
    if kind is None and head.startswith(b"MZ") and len(data) >= 64:  # a Windows program: MZ … PE
        offset = int.from_bytes(data[60:64], "little")
        kind = "a Windows program" if data[offset:offset + 4] == b"PE\x00\x00" else None
    if kind is None and head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())  # the directory only, nothing unpacked
        except (zipfile.BadZipFile, OSError, ValueError):
            names = set()
        kind = next((k for member, k in _ZIP_KINDS if member in names), "a ZIP archive")
    if kind is None and head.startswith(b"{\\rtf"):
        return "an RTF document, not plain text (save it as .docx or as plain text)"
    return f"binary data, not text ({kind}{'' if '?' in kind else '?'})" if kind else None


def _not_text(text: str) -> None:
    """Refuse ``text`` with a high share of control characters (see :data:`NOT_TEXT_SHARE`)."""
    controls = _CONTROL.subn("", text)[1]
    if controls >= NOT_TEXT_MIN and controls > NOT_TEXT_SHARE * len(text):
        raise EncodingProblem(f"not text: {controls / len(text):.0%} control characters (binary data?)")


def double_utf8_signs(text: str) -> tuple[int, int, int]:
    """(tell-tale sequences of double-encoded UTF-8 in ``text``, the characters they cover, the
    characters outside ASCII): in double-encoded text the sequences cover every character
    outside ASCII."""
    signs = covered = 0
    for m in _DOUBLE.finditer(text):
        try:
            _utf8(m.group())
        except UnicodeDecodeError:
            continue
        signs += 1
        covered += len(m.group())
    return signs, covered, len(text) - len(text.encode("ascii", "ignore"))


def detect_double_utf8(text: str) -> bool:
    """Whether ``text`` is UTF-8 read as Windows-1252 (or Latin-1) and saved again as UTF-8:
    :data:`MIN_DOUBLE_SIGNS` tell-tale sequences or more, making up at least
    :data:`DOUBLE_UTF8_SHARE` of the characters outside ASCII (in its first
    :data:`SAMPLE_CHARS` characters, as for legacy fonts)."""
    signs, covered, non_ascii = double_utf8_signs(text[:SAMPLE_CHARS])
    return signs >= MIN_DOUBLE_SIGNS and covered >= DOUBLE_UTF8_SHARE * non_ascii


def repair_double_utf8(text: str) -> str:
    """Double-encoded UTF-8 (see :func:`detect_double_utf8`) back to the text it was: each
    tell-tale sequence re-encoded to the bytes Windows-1252 (or Latin-1) read it from and decoded as
    UTF-8 (a space ending a sequence read as the no-break space it was); twice or three times for
    text that went through it more than once. Lines without such a sequence are left alone, and
    in a line with letters only Unicode has (typed into the damaged file afterwards) only whole
    sequences are repaired.

    Raises :class:`EncodingProblem` naming the line when a line cannot be repaired: a
    sequence broken because a byte was lost (a tool that dropped the bytes Windows-1252 leaves
    undefined, or replaced them with ``?``)."""
    for _ in range(3):
        if not detect_double_utf8(text):
            break
        lines = text.split("\n")
        for i, line in enumerate(lines):
            lines[i] = _repair_line(line, i + 1)
        text = "\n".join(lines)
    return text


def _utf8(sequence: str) -> str:
    """A tell-tale sequence decoded (UnicodeDecodeError when it is none)."""
    return bytes(0xA0 if c == " " else _TO_BYTE[c] for c in sequence).decode("utf-8")


def _repair_line(line: str, number: int) -> str:
    """``line`` with its tell-tale sequences decoded. It is damaged when it has such a sequence
    and no letter only Unicode has; a line with one was typed after the damage, and its own
    "á", "Ã" … are letters: there only the complete sequences are repaired."""
    damaged = _VIETNAMESE.search(line) is None
    if not (_DOUBLE_LOOSE if damaged else _DOUBLE).search(line):
        return line
    out, last, bad = "", 0, None
    for m in [*(_DOUBLE_LOOSE if damaged else _DOUBLE).finditer(line), None]:
        start = m.start() if m else len(line)
        if damaged and bad is None and (lost := _LOST.search(line, last, start)):
            bad = len(out) + lost.start() - last
        out += line[last:start]
        if m is None:
            break
        try:
            out += _utf8(m.group())
        except UnicodeDecodeError:
            bad = len(out) if damaged and bad is None else bad
            out += m.group()
        last = m.end()
    if bad is not None:
        sample = out[max(0, bad - 15):bad + 15].strip()
        raise EncodingProblem(
            f"looks like UTF-8 read as Windows-1252 and saved again (mojibake: \"Cáº¯t\" for \"Cắt\"), "
            f"but line {number} cannot be repaired ({sample!r}: a character was lost when it was saved); "
            "save the original file as UTF-8 again")
    return out


def _looks_utf16(data: bytes) -> str | None:
    if len(data) < 4:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > UTF16_NUL_SHARE * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > UTF16_NUL_SHARE * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, *, legacy: str = LEGACY_POLICY) -> tuple[str, str]:
    """(NFC text, encoding name) of a file's bytes; :class:`EncodingProblem` when unreadable.

    The name is a Python codec name, ``"TCVN3"`` / ``"VNI"`` when legacy-font text was
    converted (see :func:`fix_legacy`), :data:`DOUBLE_UTF8` when double-encoded UTF-8 was
    repaired (see :func:`repair_double_utf8`) or :data:`MIXED_UTF8`. Bytes that are not text
    (:func:`sniff_binary`, or too many control characters) are an :class:`EncodingProblem` too.
    """
    if binary := sniff_binary(data):
        raise EncodingProblem(binary)
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                      (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise EncodingProblem(f"starts with a {name} byte-order mark but is not valid {name} "
                                      f"(bad byte at position {exc.start})") from exc
            return _checked(text, name, legacy)
    utf16 = _looks_utf16(data)
    for name in ([utf16] if utf16 else []) + ["utf-8"]:
        try:
            return _checked(data.decode(name), name, legacy)
        except UnicodeDecodeError:
            continue
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return _checked(mixed, MIXED_UTF8, legacy)
    # 8-bit: legacy-font bytes decode as anything; seen byte for byte (Latin-1, which
    # agrees with Windows-1252 on the bytes these fonts use) they show their tell-tale signs
    # (and so do random bytes: binary data is refused first)
    latin1 = data.decode("latin-1")
    _not_text(latin1)
    text, found = fix_legacy(latin1, read_as="a Windows code page", legacy=legacy,
                             min_letters=MIN_LETTERS_8BIT)
    if found:
        return text, found
    text = data.decode("cp1258", errors="replace")
    if "\ufffd" not in text and _VIETNAMESE.search(unicodedata.normalize("NFC", text)):
        return _checked(text, "cp1258", legacy)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - a failed guess is reported below
        best = None
    if best is None:
        raise EncodingProblem("unknown text encoding (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI)")
    return _checked(str(best), best.encoding, legacy)


def _mostly_utf8(data: bytes) -> str | None:
    """The text of UTF-8 bytes with a few stray bytes that are not UTF-8, those read as
    Windows-1258; None when the bytes are not mostly UTF-8 (see :data:`MIXED_UTF8_RATIO`)."""
    loose = data.decode("utf-8", errors="surrogateescape")  # each stray byte -> U+DC80..U+DCFF
    stray = len(_STRAY.findall(loose))
    valid = sum(1 for ch in loose if ch > "\x7f") - stray
    if not stray or valid < MIXED_UTF8_RATIO * stray:
        return None
    return _STRAY.sub(lambda m: m.group().encode("utf-8", "surrogateescape").decode("cp1258", errors="replace"),
                      loose)


#: Readings in which double-encoded UTF-8 is looked for (it is valid UTF-8, or UTF-16 when a
#: program saved it so); 8-bit text is never double-encoded UTF-8.
_UNICODE_READINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32")


def _checked(text: str, name: str, legacy: str) -> tuple[str, str]:
    _not_text(text)
    if name in _UNICODE_READINGS and detect_double_utf8(text):
        return unicodedata.normalize("NFC", repair_double_utf8(text)), DOUBLE_UTF8
    text, found = fix_legacy(unicodedata.normalize("NFC", text), read_as=name, legacy=legacy)
    return text, found or name
