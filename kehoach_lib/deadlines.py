"""Deadlines, recurrence and quantitative targets, read from Vietnamese text.

Small pure functions used by the parser:

- :func:`resolve_due` turns a deadline as written (``Quý III/2024 (trước ngày 15/7/2024)``)
  into the ISO date a researcher compares: an explicit day beats the period that contains
  it; several dates for successive steps or years give the latest; a month, quarter or
  year resolves to its last day (``Năm 2025``, ``12/2025``, ``6 tháng đầu năm 2025``; the
  start of a year, ``Đầu năm 2026``, to its first quarter's; a week of a month, ``tuần đầu
  tháng 7``, to day 7, 14, …); a missing year comes from the document.
- :func:`own_deadline_text` finds a deadline a task states in its own wording
  (``hoàn thành trước ngày 30/4/2025``), ignoring dates of cited documents.
- :func:`is_recurring` flags ongoing work (``Thường xuyên``, ``hằng tháng``, ``định kỳ``).
- :func:`extract_targets` lists quantities such as ``100%``, ``ít nhất 30%`` or ``không quá 5
  ngày làm việc``.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from functools import lru_cache

from .text import remove_markup

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_FULL_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")
#: A full date with dashes or dots for slashes: "15-7-2025", "30.9.2025" (see :func:`_slashed`).
_OTHER_SEPARATORS = re.compile(r"(?<![\d/])(?<!\d[.-])(\d{1,2})([-.])(\d{1,2})\2(\d{4})(?!\d|[/-]\d|\.\d)")
#: A date as OCR may read it, letters for digits: "3O/9/2025", "l5/6/2025" (see :func:`_slashed`).
_OCR_DATE = re.compile(r"(?<![\w/])(?=[\dOol]?\d)[\dOol]{1,2}/[\dOol]{1,2}/[\dOol]{4}(?![\w/])")
_OCR_DIGITS = str.maketrans("Ool", "001")
#: A quarter as OCR may read it, "l" for "I": "quý IlI/2025".
_OCR_QUARTER = re.compile(r"(?i:quý)\s+(?=[IVXivxl]*l)[IVXivxl]{1,4}(?=\s*(?:/|năm))")
_LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_LONG_DAY_MONTH = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\s*(?:năm|/)\s*\d)(?!\d)")
_DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
#: A month or a span of months (``Tháng 10-12/2025``: the last one counts), with or without its year.
#: ("T8/2025" is August 2025, as messages and progress charts write it.)
_MONTH = re.compile(r"(?:tháng\s+(?:\d{1,2}\s*[-–]\s*)?|\bt(?=\d{1,2}\s*/\s*\d{4}))"
                    r"(\d{1,2})(?:\s*(?:/|năm)\s*(\d{4}))?(?![\d/])")
_Q = r"(?:iv|i{1,3}|[1-4])"
#: A quarter, a span or list of quarters (``Quý I-II``, ``Quý I, II/2025``, ``Quý I và II năm
#: 2025``: the last one counts), with or without its year.
_QUARTER = re.compile(
    rf"(?:quý\s+|\bq(?=[1-4]\s*/\s*\d{{4}}))({_Q}(?:\s*(?:-|–|,|và)\s*{_Q})*)"
    rf"(?:\s*(?:/|năm)\s*(\d{{4}})(?:\s*[-–]\s*(\d{{4}}))?)?(?![\w/])"
)  # ("Q3/2025" is the third quarter of 2025)
_QUARTER_TOKEN = re.compile(_Q)
#: The first or second half of a year (``6 tháng đầu năm 2025`` ends on 30/6).
_HALF = re.compile(r"(?:(?<!\d)(?:6|06|sáu)\s+tháng|nửa)\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?(?![\d/])")
_YEAR = re.compile(r"(?:trong|cả|hết|cuối)\s+năm\s+(\d{4})")
#: The start or the middle of a year, as a deadline: "Đầu năm 2026" ends with its first quarter,
#: "giữa năm 2025" on 30/6 (not "6 tháng đầu năm", a half-year: :data:`_HALF`).
_EARLY_OR_MID_YEAR = re.compile(r"(?<!tháng\s)(?<!nửa\s)\b(đầu|giữa)\s+năm\s+(\d{4})")
#: A week of a month: "tuần đầu tháng 7/2025" ends on 7/7, "tuần thứ hai của tháng 8" on 14/8,
#: "tuần cuối tháng 9" on its last day.
_WEEK = re.compile(r"tuần\s+(đầu(?:\s+tiên)?|thứ\s+(?:nhất|hai|ba|tư|[1-4])|cuối(?:\s+cùng)?)\s+(?:của\s+)?"
                   r"tháng\s+(\d{1,2})(?:\s*(?:/|năm)\s*(\d{4}))?(?![\d/])")
_WEEK_NUMBER = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: A period of work up to a year ("hàng năm đến năm 2030"): its end, when nothing else is said
#: (a deadline maintained afterwards, "Quý II/2025 (duy trì đến năm 2030)", is Quý II's).
_UNTIL_YEAR = re.compile(r"\bđến\s+(?:hết\s+)?năm\s+(\d{4})")
#: A deadline (or one ``;``-separated part of it) that is nothing but years or months of a
#: year: ``Năm 2025``, ``2025``, ``12/2025``, ``Năm 2025-2026``, ``Giai đoạn 2025 - 2026``.
#: Only a whole part counts, so a year inside wording (``kế hoạch năm 2025``) never does.
_PERIOD = r"(?:(?:tháng\s+)?\d{1,2}\s*/\s*)?(?:19|20)\d{2}"
_BARE_PERIODS = re.compile(
    r"(?:thời\s+(?:hạn|gian)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?\s*:\s*)?"
    r"(?P<cues>(?:(?:hoàn\s+thành|thực\s+hiện|xong|trong|cả|hết|cuối|đến|chậm\s+nhất|vào|giai\s+đoạn|từ|trước)\s+)*)"
    rf"(?:năm\s+)?{_PERIOD}(?:\s*(?:-|–|—|,|đến|và)\s*(?:năm\s+)?{_PERIOD})*"
)
_PERIOD_VALUE = re.compile(r"(?<![\d/])(?:(\d{1,2})\s*/\s*)?((?:19|20)\d{2})(?![\d/])")
#: Where a deadline is cut into parts: ``;``, line breaks, a spaced dash (``Tháng 2 – Tháng 4``).
_PARTS = re.compile(r"[;\n]|\s[-–—]\s")
#: Dates that open a period (``Thực hiện từ 01/6/2023``, ``Từ đầu năm 2025``) are starts, not deadlines.
_START = re.compile(r"\b(?:từ|bắt đầu)\s+(?:(?:ngày\s+|tháng\s+|quý\s+)?(?:\d|[ivx]+\b)|(?:đầu|giữa)\s+năm\b)")
#: A date right after a document number is the cited document's date, not a deadline.
_CITED = re.compile(r"\d+/[\w.Đđ-]+\s+(?:ngày\s+)?$")
#: Half-yearly and yearly reporting with no year: "6 tháng (trước ngày 15/6) và năm", "6 tháng, năm".
_HALF_AND_YEAR = (r"(?<![\d/])0?6\s+tháng(?:\s*\([^()]{0,40}\))?\s*(?:,|và)\s*(?:cả\s+)?năm\b"
                  r"(?!\s*(?:\d|20))")
#: The years after a first one, in a recurrence: "(và) các năm tiếp theo", "duy trì các năm tiếp theo", "các năm sau".
_NEXT_YEARS = r"(?:duy\s+trì\s+)?(?:trong\s+)?(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau)\b"
_RECURRING = re.compile(
    r"thường\s+xuyên|liên\s+tục|định\s+kỳ|(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm)"
    r"|tháng\s+cuối\s+(?:mỗi\s+)?quý(?!\s+(?:iv|i{1,3}|[1-4])\b)|cuối\s+mỗi\s+(?:tháng|quý|năm)"
    # a frequency: "6 tháng/lần", "01 lần/năm", "mỗi quý một lần"
    r"|(?<![\d/])\d{1,2}\s+(?:ngày|tuần|tháng|quý|năm)\s*/\s*lần\b|(?<![\d/])\d{1,2}\s+lần\s*/\s*(?:tuần|tháng|quý|năm)\b"
    r"|mỗi\s+(?:tuần|tháng|quý|năm)\s+(?:một|1|01|hai|2|02)\s+lần"
    # ... of visits, meetings, rounds: "tối thiểu 02 lượt/năm", "01 đợt/quý", and work each year:
    # "mỗi năm kiểm tra tối thiểu 20% số xã" (at a clause's start, not "100% … mỗi năm được …")
    r"|(?<![\d/])\d{1,2}\s+(?:lượt|đợt|cuộc|buổi|hội\s+nghị)\s*/\s*(?:tuần|tháng|quý|năm)\b"
    r"|(?:^|[.;:]\s*|(?<=\d\.\s))mỗi\s+(?:tuần|tháng|quý|năm)\s*,?\s+(?!\d)"
    r"|(?<![\d/])\d{1,2}\s+(?:tháng|quý|năm)\s+(?:một|1|01)\s+lần"
    # ... and a year with the ones after it: "năm 2025 và các năm tiếp theo"
    # (any time before it: "2025 và duy trì các năm tiếp theo", "Tháng 6/2025 và các năm sau")
    # (not after a span of years, the object of the work: "kế hoạch giai đoạn 2026-2030 và các năm tiếp theo")
    rf"|(?<![-–\d])(?<![-–]\s)\d{{4}}\s*,?\s+và\s+{_NEXT_YEARS}"
    # half-yearly and yearly work with no year: "báo cáo kết quả 6 tháng (trước ngày 15/6) và
    # năm", "công bố kết quả 6 tháng và cả năm", "quý, 6 tháng, năm" (not "6 tháng đầu năm 2026")
    rf"|{_HALF_AND_YEAR}"
    # a list of periods ("quý I, II, III và năm") describes periodic work; quarters of one
    # stated year ("Quý I, II/2025") are a span ending with the last
    r"|quý\s+(?:i{1,3}|iv|[1-4])\s*,\s*(?:i{1,3}|iv|[1-4])\b"
    r"(?!(?:\s*(?:,|và)\s*(?:i{1,3}|iv|[1-4])\b)*\s*(?:/|năm|-)\s*\d{4})"
)
#: A quarter of a stated year, or a span of them: "Quý III/2025", "quý II-III năm 2025".
_QUARTERS_OF_YEAR = r"quý\s+[ivx\d]+(?:\s*(?:[-–,]|và)\s*(?:quý\s+)?[ivx\d]+)*\s*(?:/|năm)\s*\d{4}"
#: ... and a span from one such quarter to another: "Quý IV/2025 – Quý I/2026".
_QUARTER_SPAN = rf"{_QUARTERS_OF_YEAR}(?:\s*(?:[-–]|đến)\s*{_QUARTERS_OF_YEAR})?"
#: Cue words that introduce a task's own deadline inside its text.
_OWN_DEADLINE = re.compile(
    r"(?:(?:hoàn\s+thành|xong|chậm\s+nhất(?:\s+xong)?|thời\s+hạn[^:]*:)\s*)?"
    r"(?:trước|chậm\s+nhất|trong|đến(?:\s+hết)?|(?<!gia )\bhạn)\s+(?:ngày\s+)?"
    # (a second date after the first: "trước ngày 30/6/2025 (báo cáo sơ bộ) và 30/9/2025 (báo cáo
    # chính thức)", the latest counts)
    r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}(?:\s*\([^()]{0,40}\))?(?:\s*(?:và|,)\s*(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})*"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
    rf"|tháng\s+\d{{1,2}}\s*(?:/|năm)\s*\d{{4}}|{_QUARTER_SPAN})"
    # a day of the plan's year after "trước" or "chậm nhất" ("báo cáo trước 31/10"; not after
    # "trong": "trong 3/4 số thủ tục" is a share)
    r"|(?:trước|chậm\s+nhất|đến(?=\s+ngày))\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?![\d/])"
    # ... also in words ("trình phê duyệt trước ngày 30 tháng 6")
    r"|(?:trước|chậm\s+nhất)\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?![\d/]|\s*(?:năm|/)\s*\d)"
    # ... or a month of it after a word of completion ("hoàn thành trong tháng 6")
    r"|(?:hoàn\s+thành|xong)\s+trong\s+tháng\s+\d{1,2}(?![\d/]|\s*năm)"
    # ... or a quarter of it closing the sentence ("Hoàn thành rà soát … trong quý III.")
    r"|\btrong\s+quý\s+(?:iv|i{1,3}|[1-4])(?=\s*[.;)]?\s*$)"
    # ... or a half of a year ("hoàn thành trong 6 tháng cuối năm 2025")
    r"|(?:(?:hoàn\s+thành|xong)\s+)?trong\s+(?:6|06|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm\s+\d{4}"
    # after "thời hạn:", a quarter or month needs no other cue: "(thời hạn: Quý III/2025)"
    rf"|thời\s+hạn(?:\s+hoàn\s+thành)?\s*:\s*(?:tháng\s+\d{{1,2}}\s*/\s*\d{{4}}|{_QUARTER_SPAN})"
    # ... and after "thời gian thực hiện" a quarter: "…, thời gian thực hiện Quý II-III/2025"
    rf"|thời\s+gian\s+(?:hoàn\s+thành|thực\s+hiện)\s*:?\s*(?:trong\s+)?{_QUARTER_SPAN}"
    # ... and after "hoàn thành" alone: "hoàn thành Quý I/2026", "hoàn thành tháng 9/2025"
    rf"|hoàn\s+thành\s+(?:{_QUARTER_SPAN}|tháng\s+\d{{1,2}}\s*(?:/|năm)\s*\d{{4}})"
    # ... and a clause after ";" that is only a time: "…; Sở X chủ trì; Quý III/2025.", "…; tháng 10-11/2025."
    rf"|(?<=;)\s*(?:{_QUARTER_SPAN}|tháng\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s*(?:/|năm)\s*\d{{4}}"
    r"|(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})(?=\s*[.;)]?\s*$)"
    # ... and months of a year after "vào" or "trong": "vào tháng 9 và tháng 12/2025"
    r"|(?:vào|trong)\s+tháng\s+\d{1,2}(?:\s*(?:,|và)\s*(?:tháng\s+)?\d{1,2})+\s*(?:/|năm)\s*\d{4}",
    re.IGNORECASE,
)
_DEADLINE_LABEL = re.compile(r"^(?:thời\s+(?:hạn|gian)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?\s*:?|hạn\s*:)\s*",
                             re.IGNORECASE)
#: A year alone is a task's own deadline only after a word of completion: "hoàn thành trong
#: năm 2025" (not "triển khai trong năm 2025 các nhiệm vụ", which says when the work happens),
#: or as the span of periodic work: "định kỳ hằng quý trong năm 2026" runs to the end of 2026.
_OWN_YEAR = re.compile(
    r"(?:(?:hoàn\s+thành|xong|chậm\s+nhất(?:\s+xong)?)\s*(?:trong|hết|cuối)"
    r"|(?:thời\s+)?\bhạn(?:\s+hoàn\s+thành)?\s*:\s*(?:trong|hết|cuối)?"
    r"|thời\s+gian\s+(?:hoàn\s+thành|thực\s+hiện)\s*:?\s*(?:trong|hết|cuối)?"
    r"|(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm)(?:\s*,\s*(?:tháng|quý|năm))*\s*,?\s*"
    r"(?:trong|đến|đến\s+hết|cả)"
    r")\s+năm\s+\d{4}(?:\s*[-–]\s*\d{4})?"
    # ... and the clause that closes a task with its years: "…; thực hiện trong năm 2025-2026."
    r"|(?<=[;,])\s*(?:thực\s+hiện|triển\s+khai)\s+trong\s+năm\s+\d{4}(?:\s*[-–]\s*\d{4})?(?=\s*(?:[.;)]|$))"
    # ... and a clause that is only that, without "trong": "…; hoàn thành năm 2026." (not "đánh
    # giá kết quả hoàn thành năm 2024 của …", the year of what was done)
    r"|(?:(?<=[;,])\s*|^)(?:hoàn\s+thành|xong)\s+năm\s+\d{4}(?=\s*(?:[.;)]|$))"
    # ... and a clause after ";" or "," that is only a year: "…; Sở X chủ trì; năm 2025 và các năm
    # tiếp theo.", "… tại các xã, phường, năm 2026."
    r"|(?<=[;,])\s*năm\s+\d{4}(?:\s*[-–]\s*\d{4})?(?:\s+và\s+các\s+năm\s+tiếp\s+theo)?(?=\s*(?:[.;)]|$))"
    # ... and the time left to the plan's end: "từ nay đến hết năm 2025"
    r"|từ\s+nay\s+đến\s+(?:hết\s+)?năm\s+\d{4}"
    # ... and the year that closes a sentence or clause: "… đạt tối thiểu 80% trong năm 2025."
    # (also before its baseline, "… trong năm 2025 so với năm 2024."; not "trong năm 2025 các
    # nhiệm vụ …", when the work happens)
    # ("… vào cuối năm 2025.", "… đưa vào vận hành vào năm 2026.")
    r"|\b(?:trong|đến\s+hết|(?:vào\s+)?cuối|vào)\s+(?:năm|giai\s+đoạn)\s+(?:năm\s+)?\d{4}(?:\s*[-–]\s*(?:năm\s+)?\d{4})?"
    r"(?=\s*(?:so\s+với\s+(?:cùng\s+kỳ\s+)?năm\s+\d{4}\s*)?(?:[.;)]|$))"
    # ... and the year a target opens with: "Đến hết năm 2025, 100% …", "Phấn đấu đến năm 2026 …",
    # also its clause after ";": "…; phấn đấu đến hết năm 2026 hoàn thành 100% chỉ tiêu", and after
    # its heading's label: "Mục tiêu chung: Đến hết năm 2026, tỉnh thuộc nhóm 10 tỉnh dẫn đầu …"
    r"|(?:^|(?<=:)\s*)(?:phấn\s+đấu\s+)?đến\s+(?:hết\s+)?năm\s+\d{4}"
    r"|(?<=;)\s*phấn\s+đấu\s+đến\s+(?:hết\s+)?năm\s+\d{4}"
    # ... and a year that labels what follows: "Năm 2025: …; năm 2026: …", "Năm 2025, cắt giảm …"
    # (not what was done: "Năm 2025, toàn tỉnh đã số hóa 85% hồ sơ")
    # (also a table's year columns, as the task's text joins them: "… — Năm 2025: ≥ 60% — Năm 2026: ≥ 80%")
    r"|(?:^|(?<=[;.—])\s*)(?:trong\s+)?năm\s+\d{4}(?=\s*[:,])(?![:,][^.;:]{0,60}\bđã\b)"
    # ... and a year at the latest, wherever it stands: "Chậm nhất năm 2026, 100% TTHC …"
    r"|\bchậm\s+nhất\s+(?:là\s+)?(?:vào\s+|hết\s+|cuối\s+)?năm\s+\d{4}",
    re.IGNORECASE,
)
#: A period that closes a target's sentence without "trong": "100% hồ sơ … được số hóa giai đoạn
#: 2025 - 2026." (not a plan's title, "Xây dựng Kế hoạch CCHC giai đoạn 2026 - 2030.", no target)
_TARGET_PERIOD = re.compile(r"\d\s*%[^.;:]*?\s(?P<period>giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4})(?=\s*(?:[.;)]|$))",
                            re.IGNORECASE)
_PERIOD = re.compile(r"giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}", re.IGNORECASE)
#: A deadline counted from the plan's own date: "trong 10 ngày kể từ ngày Kế hoạch này được ban
#: hành", "chậm nhất 15 ngày làm việc kể từ ngày ký".
_RELATIVE = re.compile(
    # (a deadline as written may start with the count: "Thời hạn: 30 ngày kể từ ngày ban hành Kế hoạch.")
    r"(?:trong\s+(?:vòng\s+|thời\s+hạn\s+)?|chậm\s+nhất\s+(?:sau\s+)?|sau\s+|^\s*)(?P<n>\d{1,3})\s+ngày"
    r"(?P<working>\s+làm\s+việc)?\s*,?\s*(?:kể\s+)?từ\s+(?:ngày\s+)?"
    # ("ban hành Kế hoạch" is the plan's own; "ban hành quyết định" without "này" another document's)
    r"(?:(?:ký|ban\s+hành)(?:\s+(?:kế\s+hoạch(?:\s+này)?|(?:văn\s+bản|quyết\s+định|công\s+văn)\s+này))?"
    r"|(?:kế\s+hoạch|văn\s+bản|quyết\s+định|công\s+văn)\s+(?:này\s+)?(?:được\s+)?(?:ký\s+)?(?:ban\s+hành|ký))"
    # ... and nothing after it: "kể từ ngày ký Quyết định công bố" counts from another document's date
    r"(?=\s*(?:[.,;)]|$))",
    re.IGNORECASE,
)
#: A target that is a count or a time limit, not a share: "không quá 05 ngày làm việc", "xuống còn
#: 60 ngày", "tối thiểu 02 lượt/năm", "ít nhất 01 đầu mối" (the number as written, with its unit).
_COUNT_TARGET = re.compile(
    r"(?:(?:(?:xuống\s+)?còn\s+)?(?P<q>không\s+quá|tối\s+đa|tối\s+thiểu|ít\s+nhất)|(?P<down>xuống\s+còn))\s+"
    r"(?P<n>\d{1,4}(?:[.,]\d+)?)\s+(?P<unit>ngày\s+làm\s+việc|ngày|giờ(?:\s+làm\s+việc)?|phút|tháng"
    r"|(?:lượt|lần|đợt|cuộc|buổi|hội\s+nghị)(?:\s*/\s*(?:tuần|tháng|quý|năm))?|đầu\s+mối|thủ\s+tục|hồ\s+sơ)\b",
    re.IGNORECASE)
_TARGET = re.compile(
    r"(?:(ít\s+nhất|tối\s+thiểu|tối\s+đa|trên|dưới|đạt|không\s+quá|giảm|cắt\s+giảm)\s+|(?P<sign>[≥≤>]=?|<=?)\s*)?(?:từ\s+)?"
    # ("từ 20% trở lên", "95% trở lên": at least)
    r"(\d+(?:[.,]\d+)?)\s*%(?P<more>\s+trở\s+lên)?",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def _slashed(text: str) -> str:
    """Dates written with dashes or dots ("15-7-2025", "30.9.2025") written with slashes, and the
    letters OCR reads for digits in a date ("3O/9/2025", "l5/6/2025", "quý IlI/2025") as the
    digits, as the rules read them (the text keeps its length, so a match's span is the same in
    both)."""
    if "/" in text:  # (the letters OCR reads for digits stand next to a slash)
        text = _OCR_DATE.sub(lambda m: m.group(0).translate(_OCR_DIGITS), text)
    if "uý" in text or "UÝ" in text:
        text = _OCR_QUARTER.sub(lambda m: m.group(0).replace("l", "i" if m.group(0).islower() else "I"), text)
    return _OTHER_SEPARATORS.sub(r"\1/\3/\4", text)


def _fold(text: str) -> str:
    return _slashed(unicodedata.normalize("NFC", remove_markup(text)).lower())


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_number(token: str) -> int:
    return int(token) if token.isdigit() else _ROMAN[token]


def _safe_date(year: int, month: int, day: int, *, clamp: bool = False) -> date | None:
    """The date, or ``None`` when there is none; with ``clamp`` a day past its month's end
    (the typo "31/6/2025", "29/2/2025") is the month's last day."""
    try:
        return date(year, month, day)
    except ValueError:
        if clamp and 1 <= month <= 12 and 28 < day <= 31:
            return _last_day(year, month)
        return None


def _week_end(week: str, month: int, year: int) -> date | None:
    """The last day of a week of a month: the first week ends on the 7th, the k-th on day 7k."""
    if not 1 <= month <= 12:
        return None
    last = _last_day(year, month)
    if week.startswith("cuối"):
        return last
    k = 1 if week.startswith("đầu") else _WEEK_NUMBER[week.split()[-1]]
    return min(last, date(year, month, 7 * k))


def explicit_dates(text: str, *, year: int | None = None) -> list[date]:
    """Every explicit calendar day in ``text`` (start dates excluded)."""
    folded = _fold(text)
    found: list[date] = []
    spans: list[tuple[int, int]] = []
    for rx in (_FULL_DATE, _LONG_DATE):
        for m in rx.finditer(folded):
            spans.append(m.span())
            if _is_start(folded, m.start()) or _CITED.search(folded[max(0, m.start() - 40) : m.start()]):
                continue
            d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)), clamp=True)
            if d:
                found.append(d)
    for m in _WEEK.finditer(folded):
        y = int(m.group(3)) if m.group(3) else year
        if y and not _is_start(folded, m.start()) and (d := _week_end(m.group(1), int(m.group(2)), y)):
            found.append(d)
    if year is not None:
        masked = _mask(folded, spans)
        for m in _LONG_DAY_MONTH.finditer(masked):  # "trước ngày 30 tháng 6": of the plan's year
            if not _is_start(masked, m.start()) and (d := _safe_date(year, int(m.group(2)), int(m.group(1)))):
                found.append(d)
        for m in _DAY_MONTH.finditer(masked):
            if _is_start(masked, m.start()):
                continue
            d = _safe_date(year, int(m.group(2)), int(m.group(1)))
            if d:
                found.append(d)
    return found


def period_ends(text: str, *, year: int | None = None) -> list[date]:
    """Last days of the months, quarters and years named in ``text``."""
    return [end for _, end in _period_spans(text, year=year)]


def _period_spans(text: str, *, year: int | None = None) -> list[tuple[date, date]]:
    """(first day, last day) of the months, quarters, half-years and years named in ``text``."""
    folded = _mask(_fold(text), [m.span() for m in _FULL_DATE.finditer(_fold(text))])
    spans: list[tuple[date, date]] = []
    for m in _MONTH.finditer(folded):
        y = int(m.group(2)) if m.group(2) else year
        month = int(m.group(1))
        if y and 1 <= month <= 12 and not _is_start(folded, m.start()):
            spans.append((date(y, month, 1), _last_day(y, month)))
    for m in _QUARTER.finditer(folded):  # "Quý IV/2025-2026": the later year's quarter
        y = int(m.group(3) or m.group(2)) if m.group(2) else year
        if y and not _is_start(folded, m.start()):
            q = max(_quarter_number(t) for t in _QUARTER_TOKEN.findall(m.group(1)))
            spans.append((date(y, 3 * q - 2, 1), _last_day(y, 3 * q)))
    for m in _HALF.finditer(folded):
        y = int(m.group(2)) if m.group(2) else year
        if y:
            spans.append((date(y, 1 if m.group(1) == "đầu" else 7, 1), _last_day(y, 6 if m.group(1) == "đầu" else 12)))
    for m in _YEAR.finditer(folded):
        spans.append((date(int(m.group(1)), 1, 1), date(int(m.group(1)), 12, 31)))
    for m in _EARLY_OR_MID_YEAR.finditer(folded):
        if _is_start(folded, m.start()):
            continue  # "Từ đầu năm 2025"
        y = int(m.group(2))
        spans.append((date(y, 1, 1), date(y, 3, 31)) if m.group(1) == "đầu" else (date(y, 6, 1), date(y, 6, 30)))
    spans.extend((date(end.year, 1, 1) if end.month == 12 and whole_year else date(end.year, end.month, 1), end)
                 for end, whole_year in _bare_periods(text))
    return spans


def bare_period_ends(text: str) -> list[date]:
    """Last days of the years and months of a deadline, or of a ``;``-separated part of
    it, that says nothing else: ``Năm 2025``, ``2025`` -> 31/12/2025; ``12/2025`` ->
    31/12/2025; ``Năm 2025-2026`` -> both years' ends. A part that only opens a period
    (``Từ năm 2025``) gives nothing; one that opens and closes it (``Từ 2024 đến 2025``) gives
    both ends; ``Trước 12/2025`` is December's end, as ``trước tháng 12/2025`` is, but
    ``Trước năm 2026`` gives nothing. Years in wording (``Triển khai kế hoạch năm 2025``) are
    not deadlines, so this reads deadlines as written (cells, ``Thời hạn:`` values), never a
    task's running text (:func:`own_deadline_text` is for that).
    """
    return [end for end, _ in _bare_periods(text)]


def _bare_periods(text: str) -> list[tuple[date, bool]]:
    """:func:`bare_period_ends`, each end with whether it is a whole year's."""
    ends: list[tuple[date, bool]] = []
    for part in _PARTS.split(_fold(text or "")):
        # a remark after the period ("2025 - 2030 (hằng năm)") is dropped, a bracketed period kept
        part = re.sub(r"^(.*?\S)\s*\([^()]*\)$", r"\1", " ".join(part.split())).strip(" .:()[]")
        m = _BARE_PERIODS.fullmatch(part)
        if not m:
            continue
        values = _PERIOD_VALUE.findall(part)
        cues = m.group("cues")
        if re.search(r"\btừ\b", cues) and len(values) < 2:
            continue  # a start, not a deadline
        if re.search(r"\btrước\b", cues) and any(not month for month, _ in values):
            continue  # "trước năm 2026" ends with 2025: too loose to read as 31/12 of either
        for month, y in values:
            if not month:
                ends.append((date(int(y), 12, 31), True))
            elif 1 <= int(month) <= 12:
                ends.append((_last_day(int(y), int(month)), False))
    return ends


def resolve_due(deadline_text: str, *, year: int | None = None) -> date | None:
    """The ISO-comparable deadline of a deadline as written, or ``None``.

    An explicit day beats a period it falls in (``Quý II/2025, trước ngày 15/6/2025``: 15/6),
    but not a period that starts after it, a later step (``công bố trước ngày 30/4/2025, thực
    thi trong Quý III/2025``: 30/9); the latest wins. Periods are named months, quarters,
    half-years (``6 tháng đầu năm 2025``) and years, including a deadline that is only a year or
    month (``Năm 2025``, ``2025``, ``12/2025``, ``Năm 2025-2026``: :func:`bare_period_ends`). A
    period without a year takes ``year`` (the document's) unless the text describes recurring
    work.
    """
    if not deadline_text or not deadline_text.strip():
        return None
    # months of one stated year: "tháng 3, 6, 9/2025", "tháng 6 và 12 năm 2025" end with the last
    deadline_text = _MONTH_LIST.sub(lambda m: f"tháng {m.group('last')}/{m.group('year')}", deadline_text)
    if is_recurring(deadline_text):
        year = None
    explicit = explicit_dates(deadline_text, year=year)
    spans = _period_spans(deadline_text, year=year)
    if explicit:
        later = [end for start, end in spans if start > max(explicit)]
        return max([*explicit, *later])
    if not spans and (until := _UNTIL_YEAR.findall(_fold(deadline_text))):
        return date(max(int(y) for y in until), 12, 31)
    return max(end for _, end in spans) if spans else None


_MONTH_LIST = re.compile(r"tháng\s+\d{1,2}(?:\s*(?:,|và)\s*(?:tháng\s+)?\d{1,2})*\s*(?:,|và)\s*(?:tháng\s+)?"
                         r"(?P<last>\d{1,2})\s*(?:/|năm)\s*(?P<year>\d{4})", re.IGNORECASE)


#: A date that says which things, not by when: "… các văn bản được ban hành trước ngày 01/7/2025",
#: "hồ sơ đã tiếp nhận trước ngày …" (not "bảo đảm Quy chế được ban hành trước ngày 30/6/2025", a deadline).
_SCOPE_BEFORE = re.compile(r"(?:\b(?:các|những|toàn bộ)\s+[^,;.:()]{1,60}?\s+được|\bđã(?:\s+được)?)\s+"
                           r"(?:ban\s+hành|tiếp\s+nhận|cấp|phê\s+duyệt|công\s+bố)\s*$")


@lru_cache(maxsize=16384)
def own_deadline_text(text: str, *, years: bool = True, since: int | None = None) -> str:
    """Deadline phrases a task states in its own wording (``; ``-joined), or ``""``.

    Only dates introduced by a cue (``trước``, ``chậm nhất``, ``trong``, ``đến``) count, so
    the dates of cited documents (``Quyết định số 1015/QĐ-TTg ngày 30/8/2022``) do not; a year
    alone counts after a word of completion (``hoàn thành trong năm 2025``), unless ``years``
    is false, and only from the year ``since`` (the plan's): "… hạn chế được chỉ ra trong năm
    2024." in a plan of 2025 says when something happened.
    """
    text = remove_markup(text)
    probe = _slashed(text)  # "trước 15-7-2025" is read as "trước 15/7/2025", and given as written
    def current(m: re.Match) -> bool:  # a phrase whose years all lie before ``since`` is no deadline
        found = [int(v) for v in re.findall(r"(?<!\d)\d{4}(?!\d)", m.group(0))]
        return since is None or not found or max(found) >= since

    matches = [m for m in _OWN_DEADLINE.finditer(probe) if current(m)
               and not (m.group(0).startswith("trước") and _SCOPE_BEFORE.search(probe[:m.start()]))]
    if years:  # a year phrase overlapping a dated one is part of it
        spans = list(_OWN_YEAR.finditer(probe))
        spans += [p for t in _TARGET_PERIOD.finditer(probe) if (p := _PERIOD.match(probe, t.start("period")))
                  and not any(y.start() < p.end() and p.start() < y.end() for y in spans)]
        matches += [y for y in spans
                    if not any(m.start() < y.end() and y.start() < m.end() for m in matches) and current(y)
                    # a period that starts before it is a programme's span ("trong giai đoạn 2021 - 2030")
                    and not ("giai" in y.group(0) and since is not None
                             and min(int(v) for v in re.findall(r"\d{4}", y.group(0))) < since)]
    # "thời hạn: Quý III/2025" is the deadline "Quý III/2025"; the label is not part of it
    phrases = (_DEADLINE_LABEL.sub("", text[m.start():m.end()].strip())
               for m in sorted(matches, key=lambda m: m.start()))
    return "; ".join(dict.fromkeys(phrases))


def relative_deadline(text: str, issued: str) -> tuple[str, date | None]:
    """A deadline counted from the plan's date ``issued`` (ISO ``YYYY-MM-DD``): the phrase and
    the day (``trong 10 ngày kể từ ngày Kế hoạch này được ban hành``: ``issued`` + 10 days;
    ``ngày làm việc`` skips Saturdays and Sundays, not holidays). ``("", None)`` without one,
    or without a full date to count from."""
    m = _RELATIVE.search(remove_markup(text or ""))
    try:
        start = date.fromisoformat(issued) if issued and len(issued) == 10 else None
    except ValueError:
        start = None
    if not m or start is None:
        return (m.group(0) if m else ""), None
    n, day = int(m.group("n")), start
    if not m.group("working"):
        return m.group(0), date.fromordinal(start.toordinal() + n)
    while n:
        day = date.fromordinal(day.toordinal() + 1)
        n -= day.weekday() < 5
    return m.group(0), day


#: "thường xuyên", "liên tục" among adjectives, as how something is done, not how often: "bảo đảm
#: sự phối hợp chặt chẽ, thường xuyên giữa …", "vận hành thông suốt, liên tục".
_MANNER = re.compile(r"(?:\bsự\s+\S+(?:\s+\S+)?\s+(?:chặt\s+chẽ|kịp\s+thời|hiệu\s+quả|đồng\s+bộ|sâu\s+sát)"
                     r"|thông\s+suốt)\s*,?\s*(?:và\s+)?(?:thường\s+xuyên|liên\s+tục)(?!\s*[.;)]|\s*$)")


@lru_cache(maxsize=16384)
def is_recurring(text: str) -> bool:
    """True for ongoing or periodic work (``Thường xuyên``, ``hằng tháng``, ``định kỳ``; not
    "phối hợp chặt chẽ, thường xuyên giữa …", a manner, :data:`_MANNER`)."""
    return bool(_RECURRING.search(_MANNER.sub(" ", _fold(text or ""))))


#: A recurrence with the period words after it: "định kỳ hằng quý", "hằng tháng, quý, năm".
_RECURRENCE_PHRASE = re.compile(
    # the day of each period: "trước ngày 15 của tháng cuối quý", "trước ngày 20 hằng tháng"
    r"(?:trước\s+|chậm\s+nhất\s+|vào\s+)?ngày\s+\d{1,2}\s+(?:của\s+)?(?:tháng\s+cuối\s+(?:mỗi\s+)?quý|(?:hằng|hàng)\s+tháng)"
    rf"|(?:(?:năm\s+|tháng\s+\d{{1,2}}/|quý\s+[IVXivx\d]+/)\d{{4}}\s+)?(?:và\s+)?{_NEXT_YEARS}"
    r"|(?:định\s+kỳ\s+)?(?:(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm)(?:\s*,\s*(?:tháng|quý|năm))*"
    r"|\d{1,2}\s+tháng(?:\s*/\s*lần|\s+một\s+lần))"
    # "định kỳ 6 tháng", "định kỳ 6 tháng, năm", "định kỳ quý, năm": the periods after it
    r"|định\s+kỳ\s+(?:\d{1,2}\s+tháng|quý|tháng|năm)(?:\s*(?:,|và)\s*(?:\d{1,2}\s+tháng|quý|tháng|năm))*(?!\s*\d)"
    rf"|định\s+kỳ|thường\s+xuyên|liên\s+tục|{_HALF_AND_YEAR}"
    r"|mỗi\s+(?:tuần|tháng|quý|năm)(?:\s+(?:một|hai|\d{1,2})\s+lần)?\b", re.IGNORECASE)


def recurrence_text(text: str) -> str:
    """The words of ``text`` that say its work recurs ("…; thực hiện thường xuyên." -> "thường
    xuyên", "Định kỳ hằng quý, báo cáo …" -> "Định kỳ hằng quý"), as written; ``""`` when
    :func:`is_recurring` says it does not."""
    if not is_recurring(text):
        return ""
    # (a clause of its own at the end says it of the task: "… kế hoạch hằng năm …; thường xuyên.")
    for clause in reversed(remove_markup(text).split(";")):
        if is_recurring(clause):
            m = _RECURRENCE_PHRASE.search(clause) or _RECURRING.search(clause.lower())
            return clause[m.start():m.end()].strip() if m else ""
    return ""


def extract_targets(text: str) -> str:
    """Quantitative targets written in ``text``, ``; ``-joined in order of appearance."""
    found = []
    text = remove_markup(text or "")
    counts = [(m.start(), " ".join(f"{m.group('q') or m.group('down')} {m.group('n')} {m.group('unit')}".split()))
              for m in _COUNT_TARGET.finditer(text)]
    for m in _TARGET.finditer(text):
        while counts and counts[0][0] < m.start():
            found.append(counts.pop(0)[1])
        qualifier = (m.group(1) or "").strip()
        qualifier = re.sub(r"\s+", " ", qualifier)
        if qualifier.lower() in {"giảm", "cắt giảm"}:
            qualifier = ""
        if m.group("more") or (m.group("sign") or "").startswith(("≥", ">=")):
            qualifier = "ít nhất"  # ("95% trở lên", "≥ 60%")
        elif (m.group("sign") or "").startswith(("≤", "<=")):
            qualifier = "tối đa"
        elif m.group("sign") in (">", "<"):
            qualifier = "trên" if m.group("sign") == ">" else "dưới"
        value = m.group(3).replace(",", ".")
        found.append(f"{qualifier} {value}%".strip())
    found += [c for _, c in counts]
    return "; ".join(dict.fromkeys(found))


def _is_start(text: str, pos: int) -> bool:
    # (the match may be the month or quarter itself: "Từ tháng 7 năm 2025, thực hiện thường xuyên")
    return bool(_START.search(text[max(0, pos - 12) : pos + 10]))


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
