"""Parse: :class:`~kehoach_lib.load.Document` -> tidy task table.

The parser reads a plan line by line and explains every non-blank line: a line is part of
a task's span, or it gets a role (header, preamble, heading, field, table header,
footnote, signature, recipients, metadata, boilerplate, …). Lines it cannot explain get
the role ``unaccounted`` and are listed by :func:`line_accounting`, so nothing is lost
silently.

Layouts handled (all seen in the bundled corpus):

* nested prose ``I.`` / ``1.`` / ``a)`` / ``(i)`` with field lines (``- Cơ quan chủ trì:``,
  ``- Cơ quan phối hợp:``, ``- Thời hạn hoàn thành:`` and ``+`` sub-lines) that apply to
  the items above them, including ``+ Nội dung (ii) và (iii): …`` assignments;
* tab-separated tables whose header repeats after each page break and whose cells
  continue on the next page (continuations are merged back into their row);
* tables flattened to one cell per line with ``|`` lines between cells;
* official letters (công văn) with numbered items, bold deadlines and footnotes;
* "Tổ chức thực hiện" parts, where an agency heading owns the duties under it.

Other provinces' habits are read too: ``1.1.`` nested under ``1.``; ``a.``, ``3/`` and ``4)``
before a capital; unnumbered paragraphs and ``- `` items under a heading of objectives,
tasks or duties (``III+2``); ``(Sở X chủ trì, phối hợp Y; thời hạn: …)`` after a task; a
``+ Hoàn thành trước …`` line as the deadline of the item above; ``TM. ỦY BAN NHÂN DÂN``
as a signature; a two-column header laid out with tabs; in hard-wrapped text (lines broken at
a fixed width, as scraped from PDFs), a paragraph's end where a line ends a sentence short of
the margin and the next starts with a capital (see :data:`WRAP_SHORT_SHARE`).

Seen in other provinces' plans since (walkthroughs 6 and 7): items numbered inline in one
paragraph (``Sở X chủ trì: (1) …; (2) …``); a plan pasted into an e-mail or a chat, its
pictographs read as marks (:func:`plain_markers`); sections named in capitals without a number
(``MỤC TIÊU``) and agencies alone in capitals over their items (``SỞ TƯ PHÁP``); headings
without numbers whose level says where they stand (Markdown ``##``, Word Heading styles, written
``## …`` by the readers); ``I/ 1/ a/``, ``Mục 1.``, ``Nhiệm vụ thứ mười:``; a bullet that groups
``+`` points (``- Năm 2025:``); a word hyphenated at a hard line end; a running header with its
page number; an appendix that lists procedures (role ``procedure``, no tasks).

Headings lost in scraping can be restored without touching the raw file, by a
``<file>.hints.yaml`` next to it (see :func:`kehoach_lib.load.read_hints`).
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import config
from .aligned import PAGE_NUMBER as _PAGE_NUMBER  # a page number left in scraped text
from .aligned import aligned_tables
from .deadlines import (
    extract_targets,
    is_recurring,
    own_deadline_text,
    recurrence_text,
    relative_deadline,
    resolve_due,
)
from .formats import roman
from .load import Document
from .metadata import NOT_TITLE
from .spaced import spaced_tables
from .stacked import HEADER_START as STACKED_HEADER
from .stacked import stacked_tables
from .text import normalize_tone_marks, remove_markup, replace_line_breaks

#: Columns of the task table, in order (the data contract shared by every stage).
TASK_COLUMNS = [
    "task_id", "doc_id", "province", "kind", "path", "part", "section", "text",
    "lead", "partners", "implementers", "deadline_text", "due", "recurring",
    "product", "notes", "targets", "line_start", "line_end",
]
#: Roles of the lines that belong to a task's span.
TASK_ROLES = {"task", "objective", "duty"}
_BARRIER_ROLES = {"signature", "recipients", "metadata", "header", "closing"}

#: Hard-wrapped text (lines broken at a fixed width, as text scraped from PDFs comes): a line
#: that ends a sentence (``.``, ``;``, ``:`` …) ends its paragraph when the next line starts
#: with a capital and the line is shorter than this share of the text's wrapping width, i.e.
#: it stops visibly before the margin. A line that fills the width is wrapped mid-paragraph,
#: even where it ends at a full stop ("… trước ngày 30/6/2025." / "Đồng thời, …"). In the
#: bundled Bến Tre plan the full lines are at least 0.88 of its width (proportional fonts make
#: them uneven), and most paragraphs' last lines are under 0.65; those near the margin stay
#: joined to the next paragraph, as before.
WRAP_SHORT_SHARE = 0.8
#: The fewest lines a wrapping width is measured from (see :func:`_wrap_widths`). With fewer,
#: the text shows no wrapping (a short plan with one paragraph a line reads as hard-wrapped,
#: its header and signature lines ending open), and a line that ends a sentence ends its
#: paragraph whenever the next line starts with a capital.
WRAP_MIN_SAMPLES = 3

# --- line patterns -----------------------------------------------------------------------
_WS = re.compile(r"\s+")
_TAGS = re.compile(r"<[^>]+>")
# 1. / 1.2. and a) as the bundled plans number; 3/ 4) and a. as other provinces do, these only
# before a capital (so "3/ 4 số thủ tục" or "a. điểm a" wrapped to a line's start are text)
_UPPER = "A-ZĐÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"  # capitals (NFC)
#: ``I. MỤC ĐÍCH``, also a part: ``Phần I``, ``PHẦN II. NHIỆM VỤ`` (its title often on the next
#: line; not "Phần I của Kế hoạch …", which is a sentence).
_ROMAN = re.compile(rf"^(?P<part>(?:Phần|PHẦN)\s+)?(?P<num>[IVX]{{1,5}})"
                    rf"(?(part)(?!\w)[.:]?(?=\s*$|\s*[{_UPPER}])|(?:\.|/(?=\s)))\s*(?P<rest>.*)$")
#: ... and "Nhiệm vụ 1: Rà soát …", a task numbered by name
_ARABIC = re.compile(rf"^(?P<named>(?:Nhiệm vụ|NHIỆM VỤ|Mục|MỤC)\s+)?(?P<num>\d{{1,2}}(?:\.\d{{1,2}})*)"
                     rf"(?(named)\s*[:.\-–]\s*|(?:\.\s+|[/)]\s+(?=[{_UPPER}])"
                     # "1.1 Rà soát …": a number of two levels or more needs no dot before a capital
                     rf"|(?:(?<=\.\d)|(?<=\.\d\d))\s+(?=[{_UPPER}])))(?P<rest>\S.*)$")
_LETTER = re.compile(rf"^(?P<num>[a-zđ])(?:\)\s*|/\s+|\.\s+(?=[{_UPPER}]))(?P<rest>\S.*)$")
_PAREN = re.compile(r"^\((?P<num>i{1,3}|iv|vi{0,3}|ix|x)\)\s*(?P<rest>\S.*)$")
#: ... also without brackets, as Word's lowerRoman numbering writes them: "i. …", "ii) …"
#: ("i." after "h." is a letter: :meth:`_Prose.feed`).
_LOWER_ROMAN = re.compile(rf"^(?P<num>i{{1,3}}|iv|vi{{0,3}}|ix|x)(?:\)\s*|\.\s+(?=[{_UPPER}]))(?P<rest>\S.*)$")
#: "Đơn vị" or "Cơ quan" alone as a field's name, when its value marks the lead in brackets.
#: A character of an agency list: not a sentence's end, but the full stop of "TP." ("UBND TP. Tây Ninh").
_TOWN_DOT = r"(?<=TP|Tp|TX|TT)\."
_LIST_CHAR = rf"(?:[^.;()]|{_TOWN_DOT})"
#: ... and an agency's role in brackets inside it ("Sở Tài chính (chủ trì), Sở Tư pháp").
_ROLE_IN_LIST = r"\((?i:(?:cơ quan )?(?:chủ trì|phối hợp))\)"
_MARKED_UNITS = rf"(?:Cơ quan|Đơn vị)(?=\s*:(?:[^.]|{_TOWN_DOT}){{0,200}}\((?i:(?:cơ quan )?chủ trì)\))"
_FIELD_NAMES = (r"(?P<name>Cơ quan chủ trì|Cơ quan thực hiện|Cơ quan phối hợp|Đơn vị chủ trì"
                r"|Đơn vị thực hiện|Đơn vị phối hợp|Thời hạn hoàn thành|Thời gian hoàn thành"
                r"|Thời gian thực hiện|Thời hạn|Tiến độ(?: thực hiện| hoàn thành)?"
                r"|Kết quả\s*/\s*sản phẩm|Sản phẩm(?:\s*/\s*kết quả)?"
                # "Kết quả đầu ra: Quyết định phê duyệt …", "Kết quả: …": the product
                r"|Kết quả(?: đầu ra| dự kiến)?(?=\s*:)"
                # "Đơn vị: Văn phòng UBND tỉnh (chủ trì); Sở Nội vụ (phối hợp)": only with a role marked
                rf"|{_MARKED_UNITS})")
#: A field line under an item: "- Cơ quan chủ trì: Sở Tư pháp", "+ Thời hạn hoàn thành: …".
_FIELD = re.compile(rf"^[-+]\s*{_FIELD_NAMES}(?P<qual>[^:]*):\s*(?P<value>.*)$", re.IGNORECASE)
#: The same without its bullet, as many plans write it ("Cơ quan chủ trì: Sở Tư pháp."): with a
#: capital, and nothing between the name and the colon but "thực hiện" or a bracket, so prose
#: that starts alike ("Thời hạn giải quyết hồ sơ: không quá 05 ngày", "Cơ quan chủ trì có
#: trách nhiệm: …", a wrapped "thời hạn: …") is not one.
_PLAIN_FIELD = re.compile(
    rf"^(?=[A-ZĐ])(?i:{_FIELD_NAMES})(?P<qual>(?i:\s+thực\s+hiện)?(?:\s*\([^()]{{0,30}}\))?)\s*:\s*(?P<value>.*)$")
#: The short names some plans use, with or without a bullet, only right before their colon
#: ("Chủ trì: Sở Tài chính; phối hợp: các sở, ngành; thời hạn: Quý III/2025"): a duty that
#: starts "Chủ trì, phối hợp với …" is not one.
_SHORT_FIELD = re.compile(
    r"^(?:[-+]\s*)?(?=[A-ZĐ])(?P<name>(?i:Chủ trì|Phối hợp|Thời gian|Hạn)|Thực hiện(?=\s*:\s*[A-ZĐ]))"
    r"(?P<qual>(?i:\s+thực\s+hiện)?)\s*:\s*(?P<value>.*)$")
#: A further field in the same line, after a semicolon or a full stop: "…; phối hợp: …; thời
#: hạn: …", "+ Nội dung (ii): Sở, ban, ngành. Cơ quan phối hợp: Văn phòng UBND tỉnh".
_MORE_FIELDS = re.compile(
    r"(?:[.;]|\s[–—])\s*(?P<name>(?:cơ quan |đơn vị )?(?:chủ trì|phối hợp|thực hiện)|(?:thời )?hạn(?: hoàn thành)?"
    r"|thời gian(?: hoàn thành| thực hiện)?|tiến độ|sản phẩm)\s*:\s*",
    re.IGNORECASE,
)
_SUBFIELD = re.compile(r"^\+\s*(?P<value>.*)$")
_SCOPE = re.compile(r"^\+?\s*Nội dung\s+(?P<items>(?:\([ivx]+\)[\s,và]*)+):\s*(?P<value>.*)$")
_ITEM_REF = re.compile(r"\(([ivx]+)\)")
_LABEL = re.compile(r"^(?:Nhiệm vụ,\s*giải pháp|Nội dung\s*(?:\([ivx]+\)[\s,và]*)+)\s*:\s*$")
#: Who leads and who helps, stated inside a task's wording: "… Cơ quan chủ trì: Văn phòng UBND
#: tỉnh.", "(cơ quan phối hợp: Sở Tư pháp; …)", and the short names after a sentence's or a
#: field's end: "… chi phí tuân thủ. Chủ trì: Sở Tư pháp; phối hợp: các sở, ngành; thời hạn: …".
_INLINE_FIELD = re.compile(
    r"(?P<name>(?:[Cc]ơ quan|[Đđ]ơn vị) (?:phối hợp|chủ trì|thực hiện)|(?<=[.;] )" + _MARKED_UNITS +
    r"|(?<=[.;(,–])\s*(?:[Cc]hủ trì|[Pp]hối hợp)|(?<=[.;(,–] )(?:[Cc]hủ trì|[Pp]hối hợp))\s*:\s*"
    # the value ends at the next field, also after a comma or a dash: "(Chủ trì: Sở Tư pháp,
    # phối hợp: Sở Nội vụ, …)", "… – Chủ trì: Sở Tài chính – Hạn: năm 2026"
    r"(?P<value>(?:(?!(?:,|\s[–—])\s*(?:(?:[Cc]ơ quan |[Đđ]ơn vị )?"
    r"(?:[Cc]hủ trì|[Pp]hối hợp|[Tt]hời hạn|[Tt]hời gian|[Hh]ạn)[^,.;:()]{0,20}:"
    # ... or at its deadline: "(chủ trì: Văn phòng UBND tỉnh, hoàn thành trong Quý III/2025)"
    r"|(?:hoàn thành|thực hiện|trước ngày|chậm nhất|trong (?:quý|tháng|năm|Quý))\b))"
    # an agency's role in brackets is part of the value: "Sở Tài chính (chủ trì), Sở Tư pháp"
    rf"(?:{_LIST_CHAR}|{_ROLE_IN_LIST}))+)"
)
#: A bold phrase that states a deadline (official letters put deadlines in bold).
_BOLD_DEADLINE = re.compile(r"\*\*([^*]*?(?:trước|chậm nhất|hạn|ngày \d)[^*]*?)\*\*", re.IGNORECASE)
_INLINE_DEADLINE = re.compile(
    r"(?<!\w)[Tt]hời (?:hạn|gian)(?: hoàn thành| thực hiện)?:\s*"
    # (up to the sentence's end, or to the next field: "(Thời hạn: 31/12/2025; Chủ trì: …)")
    r"(?P<value>(?:(?!;\s*(?i:chủ trì|phối hợp|cơ quan|đơn vị|sản phẩm)\b)[^.])+(?:\.\d[^.]*)*)")
#: Who and by when in brackets after the task: "(Sở Tư pháp chủ trì; thời hạn: tháng 6/2025)",
#: "(Văn phòng UBND tỉnh chủ trì, phối hợp Sở Nội vụ; hoàn thành trong Quý III năm 2025)".
_BRACKET_ASSIGNMENT = re.compile(
    r"\((?P<lead>[^();]+?)\s+(?:chủ trì|thực hiện)(?:,?\s*phối hợp(?:\s+với)?\s+(?P<partners>[^();]+))?"
    # ... or the partners after, as the subject of their own verb: "(X chủ trì, Y phối hợp; …)"
    r"(?:,\s*(?P<helpers>[^();]+?)\s+phối hợp)?"
    # ... and when, without a ";": "(Sở Nội vụ, Văn phòng UBND tỉnh thực hiện thường xuyên)"
    r"(?:,?\s+(?P<when>thường xuyên|(?:hằng|hàng) (?:năm|quý|tháng)|định kỳ[^();]*"
    r"|(?:hoàn thành\s+)?(?:trước|trong|chậm nhất)\s+(?!\d{1,3}\s+ngày(?:\s+làm\s+việc)?\s*\))"
    r"(?:ngày\s+|tháng\s+|[Qq]uý\s+|năm\s+)?"
    r"[\dIVX][^();]*))?"
    # ... or how long each case may take, which is no deadline: "(UBND cấp xã thực hiện trong 03 ngày làm việc)"
    r"(?:\s+trong\s+(?:vòng\s+)?\d{1,3}\s+ngày(?:\s+làm việc)?)?"
    r"\s*(?:;\s*(?P<rest>[^()]*))?\)"
)
#: A bracket at a task's end that names only its agencies and when: "(Sở Tài chính; trước 31/8/2025)",
#: "(Sở Nội vụ; tháng 10/2025)", "(các sở, ban, ngành; UBND các huyện, thành phố)".
#: ... also in square brackets, and before the clause that says by when: "… [Các sở: Công Thương,
#: Xây dựng chủ trì]; hoàn thành trước ngày 30/10/2025."
_BRACKET_AGENCIES = re.compile(r"[(\[](?P<inside>[^()\[\]]+)[)\]]\s*(?:[;,]\s*(?P<after>[^()\[\];]+?))?\s*[.;]?\s*$")
#: The role an agency of a bracket is given after its name: "(Công an tỉnh, BHXH tỉnh phối hợp)".
_BRACKET_ROLE = re.compile(r"\s+(?P<role>chủ trì|phối hợp|thực hiện)$")
#: A bracket that holds only a day, a month or a quarter, after what is to be done: its deadline
#: ("… nội bộ (tháng 6/2025); …"; not a year alone, which may say which year's figures).
_TIME_BRACKET = re.compile(r"(?<=\S)\s*\((?P<when>(?:trước\s+)?(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}"
                           r"|(?:trong\s+)?tháng\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*/\s*\d{4}"
                           r"|(?:trong\s+)?[Qq]uý\s+[IV]{1,3}\s*/\s*\d{4})\)", re.IGNORECASE)
#: Lines after a page-tail marker searched for another one (:func:`_is_page_tail`).
PAGE_TAIL_WINDOW = 6
#: Where a portal page's tail begins, after the plan's text: "Tin liên quan", "Các tin khác",
#: "Tác giả: …", "Chia sẻ: Facebook Zalo", "Từ khóa: …", "Nguồn: Văn phòng UBND tỉnh" (these
#: alone), or another "Nguồn: …" followed by one of them ("Nguồn: ngân sách tỉnh." inside a plan
#: is its text).
_PAGE_TAIL = re.compile(
    r"^(?:(?:Tác giả|Chia sẻ|Từ khóa|Từ khoá|Tags?)\s*:|(?:Tin|Bài viết|Văn bản) liên quan\s*:?$"
    # a news source ("Nguồn: Văn phòng UBND tỉnh"), not a source of funds ("Nguồn: ngân sách tỉnh")
    r"|Nguồn(?: tin)?\s*:\s*(?:Văn phòng|Sở|UBND|Ủy ban|Cổng|Báo|Đài|Trung tâm|Ban|Bộ|Cục|TTXVN|VTV|VOV)"
    r"|Tin cùng chuyên mục|Các tin (?:khác|đã đưa)|Tin khác\s*:?$|Bình luận\s*:?$|Ý kiến bạn đọc"
    # the page's footer: "Cổng Thông tin điện tử tỉnh … – Lượt xem: 1.204 | In bài viết | Chia sẻ"
    r"|[^.]{0,100}\bLượt (?:xem|truy cập)\s*:\s*[\d.,]+|(?:In bài viết|In trang|In văn bản)\b"
    # the attachment box under the article: "Tệp đính kèm" / "KH12.pdf", "Tải về"
    # (a file's size after it: "Tệp đính kèm: 245-KH-UBND.pdf (512 KB)")
    r"|(?:(?:Tệp|File|Tập tin|Tài liệu) )?đính kèm\s*:?(?:\s*[^\s:]+\.(?:pdf|docx?|xlsx?|zip|rar|signed\.pdf)"
    r"(?:\s*\(\s*[\d.,]+\s*[KMG]?B\s*\))?[,;]?)*$"
    r"|Tải về\s*:?$"
    # a news article's link to the plan: "Xem toàn văn Kế hoạch số 312/KH-UBND tại đây", and a
    # post's: "👉 Chi tiết văn bản anh chị xem tại: https://…", its hashtags
    r"|(?:Xem|Tải)\s+(?:toàn văn|chi tiết|nội dung|văn bản)\b[^.]{0,100}\btại đây\s*[.!]?$"
    r"|(?:[-+•]\s*)?(?:Xem\s+)?(?:[Cc]hi tiết|[Tt]oàn văn)\b[^:]{0,60}\bxem\s+tại\s*:?\s*https?://\S*\s*$"
    r"|#[^\W\d_]\w*(?:\s+#\w+)+\s*$"
    # a legal portal's tabs under the text: "Lược đồ", "Văn bản gốc", "Thuộc tính"
    r"|(?:Lược đồ|Văn bản gốc|Thuộc tính(?: văn bản)?|Liên quan hiệu lực)\s*$)",
    re.IGNORECASE)
_PAGE_TAIL_MAYBE = re.compile(r"^Nguồn(?: tin)?\s*:", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"^(?:Để sử dụng toàn bộ tiện ích|Ảnh minh họa|Xem chi tiết|Biên tập viên|\(Nguồn:"
    # a portal page's footer
    r"|Bản quyền (?:thuộc|©)|Copyright|[©®]|(?:Số )?[Ll]ượt (?:truy cập|xem)\s*:|Giấy phép (?:số|thiết lập)[^:]{0,40}:"
    r"|Chịu trách nhiệm (?:chính|nội dung)\s*:|Trưởng Ban biên tập\s*:|Cơ quan chủ quản\s*:)"
)
#: A line drawn with rule characters only: "________________" over a page's footnotes, "-----", "* * *".
_SEPARATOR = re.compile(r"^[_\-–—=*·.\s]{3,}$")
_FOOTNOTE = re.compile(r"^(?:\[\d+\]|[\u00b9\u00b2\u00b3\u2074-\u2079\u2070]+)\s*\S")
_SIGNATURE = re.compile(
    r"^[|*\s]*(?:(?:KT|TM|TL|TUQ|Q)\.)?\s*(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN)[|*\s]*$"
)
#: "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC": signing on behalf of (in capitals).
_SIGNING_FOR = re.compile(r"^[|*\s]*(?:KT|TM|TL|TUQ|Q)\.\s*\S")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:")
#: Two columns laid side by side with spaces (text converted from a PDF's layout).
_SIDE_BY_SIDE = re.compile(r"\s{5,}")
#: "(Đã ký)", "[Đã ký và đóng dấu]": a published copy's stand-in for the signature.
_SIGNED = re.compile(r"^[(\[]?\s*đã\s+ký(?:\s+và\s+đóng\s+dấu)?\s*[)\]]?\.?$", re.IGNORECASE)
#: What may follow a signed document: an appendix, a table, or the plan a decision issues
#: ("KẾ HOẠCH" / "(Ban hành kèm theo Quyết định số …)"); any other line there is the page around
#: it (a portal's attachments, related news, visitor counter, address).
_AFTER_SIGNATURE = re.compile(r"^(?:PHỤ LỤC|Phụ lục|KẾ HOẠCH|DANH MỤC|BIỂU|\(?\s*Ban hành kèm theo|\(?\s*Kèm theo)")
_META_START = re.compile(r"^- Số hiệu\s*:")
_RELATED = re.compile(r"^- \d+[A-ZĐ]")
_HEADER_LINE = re.compile(
    r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND TỈNH|CỘNG HÒA|CỘNG HOÀ|Số\s*:|V/v|Kính gửi|KẾ HOẠCH$|CÔNG VĂN$|"
    # ... and the rules under the issuer and the motto, as a copied header keeps them ("-------")
    r"QUYẾT ĐỊNH$|Độc lập|[-_=–—*]{3,}$)"
)
_DATELINE = re.compile(r"^[A-ZĐÂ-Ỹ][^\d,]{1,30},\s*ngày\b")
_PREAMBLE_START = re.compile(r"^(?:Căn cứ|Thực hiện|Ủy ban nhân dân|UBND tỉnh|Chủ tịch UBND)")
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục|BIỂU (?:TIẾN ĐỘ|PHÂN CÔNG)[A-ZĐÀ-Ỹ ]*)\s*(?P<num>[\dIVX]*)\s*"
                       # ... also with its title on the line: "Phụ lục: Danh mục nhiệm vụ", "PHỤ LỤC I. DANH MỤC …"
                       # (a title: a capital, no sentence's end, no "do …" who made it)
                       r"(?:[:.–-]\s*(?=[A-ZĐ])(?![^.;]*\bdo\s)[^.;]{1,120})?$")
_APPENDIX_NOTE = re.compile(r"^\(?\s*Ban hành kèm theo")
#: An amending plan's edit of the plan it amends that sets no work of its own (:meth:`_Prose._emit_leaf`).
_EDITS_ONLY = re.compile(
    r"^(?:(?:Bãi bỏ|Thay thế|Đính chính)\s+(?:cụm từ|từ|điểm|khoản|tiết|đoạn|Mục|mục|Phụ lục|phụ lục)\b"
    r"|(?:Các|Những)\s+nội dung khác\b[^.]*\bgiữ nguyên\b)")
#: ... and the words that introduce its new text: "Bổ sung điểm c khoản 2 Mục II như sau: “c) …".
_EDIT_LEAD_IN = re.compile(
    r"^(?:Sửa đổi|Bổ sung|Sửa đổi, bổ sung)\s+(?:điểm|khoản|tiết|đoạn|Mục|mục)\b[^:“\"]{0,80}như sau:\s*[“\"]\s*"
    r"(?:[a-zđ]\)|\d{1,2}\.)?\s*")
#: The part an edit's lead-in names, which gives its new text's kind: "Sửa đổi khoản 2 Mục I (Yêu
#: cầu) như sau" is an objective (a plan's Mục I is its "MỤC ĐÍCH, YÊU CẦU"), "… Mục IV (Tổ chức
#: thực hiện) …" a duty.
_AMENDED_OBJECTIVE = re.compile(r"\b(?:Mục|mục)\s+I\b(?![IVX])(?!\s*\((?![Mm]ục đích|[Yy]êu cầu|[Mm]ục tiêu))"
                                r"|\((?:[Mm]ục đích|[Yy]êu cầu|[Mm]ục tiêu)\b[^()]{0,20}\)")
_AMENDED_DUTY = re.compile(r"\((?:[Tt]ổ chức thực hiện|[Tt]rách nhiệm)\b[^()]{0,40}\)"
                           r"|\b(?:Mục|mục)\s+[IVX]+\s+(?:[Tt]ổ chức thực hiện|TỔ CHỨC THỰC HIỆN)\b"
                           r"|^(?:Sửa đổi|Bổ sung|Sửa đổi, bổ sung)\s+trách nhiệm của\b")


def _amended_kind(lead_in: str, kind: str) -> str:
    """The kind of an edit's new text, from the part its lead-in names (``kind`` when it names none)."""
    if re.search(r"\b[Pp]hụ lục\b", lead_in):
        return kind  # (an appendix's Mục I is not the plan's)
    if _AMENDED_DUTY.search(lead_in):
        return "duty"
    if _AMENDED_OBJECTIVE.search(lead_in):
        return "objective"
    return kind


#: A title that says its items are elsewhere: "Các nhiệm vụ cụ thể khác: chi tiết tại Phụ lục kèm theo
#: Kế hoạch này.", "Nhiệm vụ cụ thể …: (Chi tiết tại Bảng phân công nhiệm vụ dưới đây)".
_DETAIL_ELSEWHERE = re.compile(r"^(?:[Cc]ác\s+|[Nn]hững\s+)?(?:[Nn]hiệm vụ|[Nn]ội dung|[Cc]ông việc)\b[^:.]{0,120}"
                               r"[:.]\s*"
                               r"\(?\s*(?:[Cc]hi tiết|[Nn]ội dung chi tiết|[Cc]ụ thể)\s+(?:tại|theo|như)\s+"
                               r"(?:các\s+)?"
                               r"(?:Phụ lục|phụ lục|Bảng|bảng|Biểu|biểu)[^()]{0,80}\)?\s*\.?\s*$")
#: A note that says where the items are: "(Chi tiết tại Phụ lục kèm theo Kế hoạch này)".
_POINTER_NOTE = re.compile(r"^\((?:Chi tiết|Có)[^()]*(?:[Bb]ảng|[Pp]hụ lục|[Bb]iểu)")
#: A numbered item that only says where its items are assigned: "4. Các nhiệm vụ cụ thể của từng
#: cơ quan được phân công tại Phụ lục kèm theo Kế hoạch này." (not "4. Rà soát các TTHC tại Phụ lục").
_ASSIGNED_ELSEWHERE = re.compile(
    r"^(?:Các\s+|Những\s+)?(?:nhiệm vụ|nội dung|công việc)\b[^.;]*?\b(?:được\s+)?"
    r"(?:phân công|giao|nêu|quy định|thể hiện|ghi)\s+(?:cụ thể\s+|chi tiết\s+)?(?:tại|theo|trong)\s+(?:các\s+)?"
    # ... and nothing after the appendix but what it is attached to
    r"(?:Phụ lục|phụ lục|Biểu|biểu|bảng|Bảng)(?:\s+(?:số\s+)?[\dIVX]+)?"
    r"(?:\s+(?:kèm theo|đính kèm)[^.;]*)?\s*[.;:]?\s*$",
    re.IGNORECASE)
_NOTE = re.compile(r"^(?:Lưu ý\s*:|Ghi chú\s*:|\(Kèm theo"
                   r"|\((?:Chi tiết|Có)[^()]*(?:[Bb]ảng|[Pp]hụ lục|[Bb]iểu|kèm theo|đính kèm)[^()]*\)\.?\s*$)")
#: The plan's closing words: "Trên đây là Kế hoạch …", and the standing request to report
#: difficulties, written as a paragraph of its own ("Trong quá trình thực hiện, nếu có khó khăn,
#: vướng mắc, các cơ quan kịp thời báo cáo …"), which every plan ends with and which is not a
#: task (as a numbered item it stays one).
_CLOSING = re.compile(
    r"^(?:Trên đây là|Trân trọng(?:\s+cảm ơn[^.!]{0,30})?\s*[.!]?\s*$"
    # a decision's last articles: "Điều 3. Quyết định này có hiệu lực …", "… chịu trách nhiệm thi
    # hành Quyết định này./."
    r"|(?:Điều\s+\d{1,2}\.\s*)?(?:Quyết định|Chỉ thị|Kế hoạch) này có hiệu lực"
    r"|[^.]{0,400}?\bchịu trách nhiệm thi hành (?:Quyết định|Chỉ thị|Kế hoạch|Công văn) này"
    # a letter's last sentence: "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."
    # (not a task to inform the public: "… thông báo rộng rãi … để người dân, doanh nghiệp biết")
    r"|[^.]{0,300}?\bthông báo\b[^.]{0,200}?\bđể\s+(?!người dân|nhân dân|tổ chức, cá nhân|doanh nghiệp|cộng đồng)"
    r"[^.]{0,150}?\bbiết"
    r"(?:\s*[,;]?\s*(?:và\s+)?(?:phối hợp\s+|triển khai\s+)?thực hiện)?\s*(?:\./\.|\.|/\.)\s*$"
    r"|(?P<request>Trong quá trình (?:tổ chức |triển khai |thực hiện )*(?:thực hiện|triển khai)[^,.;]{0,40},\s*"
    r"(?:nếu|trường hợp)\s+(?:có\s+)?(?:phát sinh\s+)?(?:khó khăn|vướng mắc)(?![^.]*\bchủ trì\b)"
    # ... also as a message says it: "Anh chị có vướng mắc gì liên hệ trực tiếp em Hà …"
    r"|(?:[^\W\d_]+\s+){1,3}(?:nếu\s+)?có\s+(?:khó khăn|vướng mắc)(?:\s+gì)?,?\s+(?:xin\s+)?(?:liên hệ|phản ánh)\b"
    # ... and the closing exhortation, a whole sentence that asks for nothing but to carry it out:
    # "Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai thực hiện./."
    # (who is asked: agencies, "căn cứ chức năng, nhiệm vụ được giao"; not work: "… xây dựng kế hoạch")
    # (said by the committee or its chairman too: "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng …")
    r"|(?:(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố)(?:\s+[^\W\d_]+){0,3}?"
    r"\s+(?:yêu cầu|đề nghị)|Yêu cầu|Đề nghị)\s+"
    r"(?:(?!xây dựng|rà soát|báo cáo|cập nhật|công bố|bố trí|lập\b)[^.:]){0,200}?"
    r"\b(?:nghiêm túc|khẩn trương|quan tâm)"
    r"(?:(?:,?\s+(?:tổ chức|triển khai|phối hợp|chỉ đạo))*,?\s+thực hiện|(?:,?\s+(?:tổ chức|triển khai))+)"
    r"(?:\s+(?:Công văn|Kế hoạch|Quyết định|Chỉ thị|văn bản)\s+này)?"
    # "…, bảo đảm tiến độ, chất lượng các nhiệm vụ được giao."
    r"(?:,?\s+(?:bảo đảm|đảm bảo)\s+(?:đúng\s+)?(?:tiến độ|chất lượng|hiệu quả|thời gian|yêu cầu)"
    # (that asks for nothing more: not "…, bảo đảm tiến độ, gửi báo cáo … trước ngày 15/12/2025.")
    r"(?:(?!gửi|báo cáo|trước|hoàn thành|trình|nộp|\d)[^.;:]){0,80})?"
    # "…; trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo … xử lý./."
    r"(?:\s*[;,]\s*trong quá trình (?:tổ chức |triển khai )*thực hiện,?\s*nếu có (?:khó khăn|vướng mắc)[^.]*)?"
    # ... ending there: a line that goes on after "thực hiện" is a wrapped task
    r"\s*(?:\./\.|\.|/\.)\s*$))"
)
#: Headings whose unnumbered paragraphs and "- " items are objectives, tasks or duties (not
#: "I. CĂN CỨ", "II. KẾT QUẢ THỰC HIỆN NĂM 2024", where they are the plan's reasons).
_ITEM_SECTION = re.compile(
    r"NHIỆM VỤ|GIẢI PHÁP|NỘI DUNG|MỤC TIÊU|MỤC ĐÍCH|YÊU CẦU|TỔ CHỨC THỰC HIỆN|TRÁCH NHIỆM|PHÂN CÔNG",
    re.IGNORECASE)
#: An item that only announces what follows ("… các nhiệm vụ sau:", "… theo bảng phân công sau:").
_INTRODUCES = re.compile(r"(?:\bsau|\bdưới đây|\bbảng[^.;]*):\s*$")
_POINTER = re.compile(r"\b(?:theo|tại|ở)\s+(?:các\s+)?(?:Phụ lục|phụ lục|(?:Biểu|biểu)(?!\s+mẫu))")
#: Longest sentence that is only a pointer to an appendix ("Các nhiệm vụ cụ thể, cơ quan chủ trì,
#: cơ quan phối hợp, thời gian hoàn thành và sản phẩm được phân công tại Phụ lục kèm theo …").
POINTER_CHARS = 200
_TERMINAL = re.compile(r"[.;:!?…]\s*/?\.?\s*$")
#: A table row's number: "1", "1.2.", or a group's "I", "II" or "A", "B" (groups letter A to H).
_NUM_CELL = re.compile(r"^(?:[IVX]{1,5}|[A-H]|\d{1,2}(?:\.\d{1,2}){0,3})\.?$")
_GROUP_NUM = re.compile(r"[IVX]{1,5}|[A-H]")
_NUM_TEXT_CELL = re.compile(r"^(?P<num>[IVX]{1,5}|[A-H](?=[.)]))[.)]?\s+(?P<rest>\S.*)$")
_HEADER_CELL = STACKED_HEADER  # "STT", "TT", "Số TT", also wrapped in its narrow column ("T T")
#: The first header cell of a table without a number column, its rows' statements in the first:
#: "Chỉ tiêu | Năm 2025 | Năm 2026" (a plan's targets), "Nội dung nhiệm vụ | Chủ trì | …".
_HEADER_TEXT_CELL = re.compile(r"^(?:chỉ tiêu|nội dung(?: nhiệm vụ| công việc)?|nhiệm vụ|tên nhiệm vụ|mục tiêu)$",
                               re.IGNORECASE)
_COLUMN_NUMBERS = re.compile(r"^\(\d+\)$")
_REPORTED = re.compile(
    # what was done, not what is to be: "I. KẾT QUẢ TRIỂN KHAI THỰC HIỆN", "Tình hình thực hiện năm 2024"
    r"^(?:(?:Phần|PHẦN)\s+)?(?:[IVX]{1,5}|\d{1,2})?[./]?\s*(?:KẾT QUẢ|TÌNH HÌNH|Kết quả thực hiện"
    r"|Kết quả triển khai|Tình hình thực hiện|Tình hình triển khai"
    # ... and a report's shortcomings and its requests to those above ("II. TỒN TẠI, HẠN
    # CHẾ", "IV. ĐỀ XUẤT, KIẾN NGHỊ"): what went wrong and what is asked, not tasks set
    r"|(?:TỒN TẠI|Tồn tại)(?:,|\s+(?:VÀ|và))?\s*(?:HẠN CHẾ|hạn chế)"
    r"|(?:HẠN CHẾ|Hạn chế),?\s*(?:TỒN TẠI|tồn tại)"
    r"|(?:KHÓ KHĂN|Khó khăn)(?:,|\s+(?:VÀ|và))?\s*(?:VƯỚNG MẮC|vướng mắc))"
    # ... a report's requests, as a part of its own only: "IV. ĐỀ XUẤT, KIẾN NGHỊ" (not "2. Đề xuất,
    # kiến nghị phương án đơn giản hóa TTHC", a group of tasks)
    r"|^[IVX]{1,5}[./]\s*(?:(?:ĐỀ XUẤT|Đề xuất)(?:,|\s+(?:VÀ|và))?\s*(?:KIẾN NGHỊ|kiến nghị)"
    r"|KIẾN NGHỊ(?:,?\s*ĐỀ XUẤT)?)\s*:?\s*$")
#: Words of a title over work to do ("III. KẾT QUẢ ĐẦU RA VÀ PHÂN CÔNG THỰC HIỆN"): its tables are tasks.
_WORK_TITLE = re.compile(r"PHÂN CÔNG|ĐẦU RA|phân công|đầu ra")
_SECTION_KIND = [
    (re.compile(r"KINH PHÍ", re.IGNORECASE), "prose"),
    (_REPORTED, "prose"),
    (re.compile(r"MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|QUAN ĐIỂM", re.IGNORECASE), "objective"),
    # "TỔ CHỨC THỰC HIỆN", "… KẾ HOẠCH NÀY", "… VÀ CHẾ ĐỘ THÔNG TIN, BÁO CÁO"
    (re.compile(r"TỔ CHỨC THỰC HIỆN(?:\s+KẾ HOẠCH(?:\s+NÀY)?)?\s*:?$|TRÁCH NHIỆM", re.IGNORECASE), "duty"),
]
_DUTY_AND = re.compile(r"TỔ CHỨC THỰC HIỆN(?:\s+KẾ HOẠCH(?:\s+NÀY)?)?\s+VÀ\s+[^:]*:?$")
_AGENCY_HEAD = (
    # ("Sờ Tư pháp": OCR's "Sở" before a name)
    r"(?:[Cc]ác\s+)?(?:Sở|sở|Sờ(?=\s+[A-ZĐ])|Văn phòng|văn phòng|VP|UBND|Ủy ban|Uỷ ban|Trung tâm|Công an"
    # "Ban", "Báo", "Phòng" open verbs too: "Ban hành quy chế", "Báo cáo kết quả", "Phòng, chống"
    r"|Ban(?!\s+hành)|Báo(?!\s+cáo)|Phòng(?!,?\s+(?:chống|ngừa))"
    r"|Bộ phận|Cơ quan|cơ quan|Đài|Thủ trưởng|Người đứng đầu"
    # a duty addressed to a person's title: "1. Giám đốc Sở Tài chính:", "6. Chủ tịch UBND các xã, phường:"
    r"|Giám đốc(?=\s+(?:các\s+)?(?:Sở|sở|Trung tâm|Ban|Kho bạc|Bưu điện|Công an))"
    r"|Chủ tịch(?=\s+(?:UBND|ubnd|Ủy ban|ủy ban|Uỷ ban))|Chánh(?=\s+(?:Văn phòng|Thanh tra))"
    # "Thanh tra tỉnh", not the verb ("Thanh tra, kiểm tra việc …"); "Kho bạc Nhà nước khu vực XIX"
    r"|Thanh tra(?=\s+(?:tỉnh|thành phố|Sở|sở|Chính phủ|[A-ZĐ]))|Kho bạc|Bưu điện|Cục|Chi cục"
    r"|Ngân hàng Nhà nước|Hiệp hội|Bảo hiểm xã hội"
    # the utilities and the tax office a plan gives work to ("Công ty Điện lực tỉnh", "VNPT tỉnh", "Thuế tỉnh")
    r"|Công ty Điện lực|Điện lực|VNPT|Viettel|Viễn thông(?=\s+(?:tỉnh|[A-ZĐ]))|Thuế tỉnh|Thuế thành phố|BHXH|KBNN"
    # abbreviated ("BQL các KCN tỉnh", "TTPVHCC tỉnh"), and a commune's officials ("Công chức Văn phòng - Thống kê")
    r"|BQL\b|TTPVHCC|TT\.?\s?PVHCC|Công chức\b|công chức\b"
    # the mass organisations: "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh" (not "Hội nghị …")
    r"|Tỉnh [đĐ]oàn|Đoàn Thanh niên|Liên đoàn Lao động|Mặt trận Tổ quốc|Liên minh Hợp tác xã"
    r"|Hội (?:Liên hiệp|Nông dân|Cựu chiến binh|Doanh nhân|Doanh nghiệp|Luật gia))"
)
LEAD_VERBS_FILE = config.DATA_DIR / "lead_verbs.txt"
#: Names of a table's columns that say something about a task, not what it is (``notes``).
NOTE_COLUMNS_FILE = config.DATA_DIR / "note_columns.txt"
#: Words before an agency named in a task's wording (``Giao Sở Tư pháp …``).
_SUBJECT_PREFIX = r"(?:(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân)\s+(?:tỉnh|thành phố)\s+giao|Giao|Đề nghị|Yêu cầu)\s+"


@dataclass(frozen=True)
class _LeadPatterns:
    subject: re.Pattern  # an agency that starts the text, up to a lead verb
    mid_subject: re.Pattern  # ", các sở … <verb>" inside the text
    partners: re.Pattern  # "phối hợp với X <verb>"


@config.reread_on_change
def _lead_verbs(path: str | Path = LEAD_VERBS_FILE) -> tuple[str, ...]:
    """The words of the editable ``lead_verbs.txt``, longest first."""
    return tuple(sorted({" ".join(ln.split()) for ln in config.data_lines(path)}, key=len, reverse=True))


@config.reread_on_change
def _note_column(path: str | Path = NOTE_COLUMNS_FILE) -> re.Pattern:
    """A column name that starts with a name of the editable ``note_columns.txt``."""
    names = sorted({normalize_tone_marks(" ".join(ln.split())) for ln in config.data_lines(path)},
                   key=len, reverse=True)
    return re.compile("^(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r")\b",
                      re.IGNORECASE)


@config.reread_on_change
def _lead_patterns(path: str | Path = LEAD_VERBS_FILE) -> _LeadPatterns:
    """The lead and partner patterns, built from the editable ``lead_verbs.txt``."""
    verbs = _lead_verbs(path)
    # (a verb after "các" or "những" is a noun: "Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã
    # hội tăng cường giám sát …")
    verb = "(?<!các)(?<!những)\\s+(?:" + "|".join(r"\s+".join(map(re.escape, v.split())) for v in verbs) + ")"
    return _LeadPatterns(
        # the agency ends at its verb, or at a colon ("Sở Tài chính: Tham mưu UBND tỉnh …"); after
        # "Đối với" only at a colon ("Đối với Sở Tư pháp: rà soát …"; "Đối với các cơ quan thực
        # hiện TTHC, …" says for whom)
        # (the agencies alone before that colon, not a sentence: "Đối với UBND cấp xã, việc …:")
        subject=re.compile(rf"^(?:{_SUBJECT_PREFIX}|(?P<for>Đối với\s+)(?=[^:]{{1,80}}:)(?![^:]*\bviệc\b))?"
                           # (a bracket after the name is read whole: "Công an tỉnh (Cơ quan Thường trực Tổ
                           # công tác triển khai Đề án 06) hướng dẫn …")
                           rf"(?P<agency>{_AGENCY_HEAD}\b(?:\([^():]*\)|[^:(])*?)"
                           # (not a stem's colon: "… treo băng rôn với nội dung:", "… như sau:")
                           r"(?(for)\s*:\s*(?=\S)|(?:(?<!nội dung)(?<!như sau)(?<!sau đây)\s*:\s*(?=\S)"
                           rf"|{verb}\b))"),
        mid_subject=re.compile(
            rf",\s+(?P<agency>(?:các\s+(?:sở|cơ quan|đơn vị)|Sở|Văn phòng|UBND|Ủy ban|Trung tâm|Ban|Công an)"
            rf"\b[^.;]*?){verb}\b"),
        # the partners end at the verb of what they do; past a ";" only on to another agency
        # (also without "với" before an agency: "chủ trì, phối hợp Sở KH&CN rà soát …"); the
        # object of a "cơ chế / quy chế phối hợp với X" names no partner
        partners=re.compile(rf"(?<![Cc]hế\s)[Pp]hối hợp(?:\s+chặt chẽ)?(?:\s+với|(?=\s+{_AGENCY_HEAD}\b))\s+"
                            rf"(?P<agency>(?:[^;]|;(?=\s*{_AGENCY_HEAD}\b))+?)"
                            # ... or at a ";" before when, or at the text's end: "chủ trì, phối hợp
                            # Công an tỉnh; thời gian: năm 2025"
                            rf"(?:{verb}\b|(?=\s*;\s*(?i:thời|hạn|hoàn thành|trước|trong|quý|tháng|năm|\d))"
                            r"|(?=\s+(?:khi|nếu|để)\b)|(?=\s*\.?\s*$))"),
    )


#: A lead cell that also names partners: "Các sở, ban, ngành tỉnh chủ trì, phối hợp UBND cấp huyện".
_LEAD_WITH_PARTNERS = re.compile(r"^(?P<lead>.+?)\s+chủ trì,?\s+phối hợp(?:\s+với)?\s+(?P<partners>.+)$")
_AGENCY_HEADING = re.compile(rf"^{_AGENCY_HEAD}\b")
#: A lead cell that names its fields: "Chủ trì: Văn phòng UBND tỉnh Phối hợp: Các sở, ban, ngành",
#: or its partners after it as the subject of their verb: "Sở X chủ trì; các đơn vị liên quan phối hợp".
_LEAD_CELL_FIELDS = re.compile(r"^(?:Chủ trì\s*:\s*(?P<lead>.+?)[\s;.,]*Phối hợp\s*:\s*(?P<partners>.+)"
                               r"|(?P<lead2>.+?)\s+chủ trì\s*[;,]\s*(?P<partners2>.+?)\s+phối hợp\.?)$", re.IGNORECASE)
#: What a task says after a dash at its end: its agencies and when ("— Sở Tư pháp; hằng năm,
#: trước 15/12", "— Văn phòng UBND tỉnh (chủ trì), Sở Nội vụ; hạn quý II/2025").
_DASH_AGENCIES = re.compile(rf"\s[—–]\s+(?P<tail>{_AGENCY_HEAD}\b[^—–]*)$")
#: A sentence that only says who does the item above, and maybe by when: "Sở Nội vụ chủ trì, phối
#: hợp với Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ thực hiện." (after the item's "- "
#: points), "Giao Trung tâm Phục vụ hành chính công tỉnh chủ trì, phối hợp với các sở, ban, ngành
#: triển khai, hoàn thành trước ngày 31/5/2025." (under an item that names no agency): its lead,
#: partners and deadline, not a task of its own.
_ASSIGNMENT_LINE = re.compile(
    rf"^(?:Giao\s+)?(?P<lead>{_AGENCY_HEAD}\b[^.;:()]*?)\s+chủ trì"
    r"(?:,?\s*phối hợp(?:\s+với)?\s+(?P<partners>[^.;:()]+?))?"
    r"\s+(?:tổ chức\s+)?(?:(?:triển khai|thực hiện)(?:,?\s+(?:thực hiện|hoàn thành))?|triển khai\s+thực hiện)"
    r"(?:,?\s+(?P<when>(?:hoàn thành\s+)?(?:trước|chậm nhất|trong|đến|vào)\b[^.;:()]{0,40}?\d{4}))?\s*\.$"
)
#: Words of an action, which an assignment sentence's partners never contain ("… phối hợp với
#: các sở, ngành rà soát, đề xuất …" is a duty, not an assignment).
_ACTION_WORDS = re.compile(r"\b(?:rà soát|đề xuất|xây dựng|tham mưu|triển khai|tổng hợp|báo cáo|hướng dẫn|"
                           r"kiểm tra|theo dõi|đôn đốc|cập nhật|công khai|số hóa|tuyên truyền|bố trí|thẩm định)\b",
                           re.IGNORECASE)
_RESPONSIBLE = re.compile(r"\s*(?:có trách nhiệm|chịu trách nhiệm)?\s*:?\s*$", re.IGNORECASE)
#: A list bullet: ``- X`` at the start or after ``;`` ``,`` ``.``, or ``-X`` glued to a name.
_BULLET = re.compile(r"(?:^|(?<=[;,.]))\s*-\s*(?=\S)|\s-(?=[A-ZĐ])")
_FOOTNOTE_REF = re.compile(r"\[\d+\]")
_LEADING_BULLET = re.compile(r"^[-–+•]\s*")
_ITEM_BULLET = re.compile(r"^[-–•]\s+[^\W\d_]")  # "- 2025 của …" is a wrapped "2021 - 2025"
#: A line that only says when: "+ Hoàn thành trước 31/10/2025.", "- Trước ngày 30/6/2025."
_DEADLINE_LINE = re.compile(
    r"^[-–•+]?\s*(?:(?:Hoàn thành|Thời hạn(?: hoàn thành)?\s*:?)\s*)?(?:trước|chậm nhất|trong|đến|vào)\b"
    r"[^;.]{0,40}\d{4}\s*[.;]?\s*$", re.IGNORECASE
)


def _only_bracket_assignment(text: str) -> bool:
    """A line that is only a bracket saying who does the item above and by when
    (:data:`_BRACKET_ASSIGNMENT`): "(Văn phòng UBND tỉnh chủ trì; Sở Nội vụ phối hợp)"."""
    line = remove_markup(text).strip().rstrip(".;")
    return (line.startswith("(") and line.endswith(")") and line.count("(") == 1
            and bool(_BRACKET_ASSIGNMENT.match(line)))


# --- small text helpers ------------------------------------------------------------------
def clean_cell(text: str) -> str:
    """Markup stripped, whitespace collapsed (cell and line text)."""
    return _WS.sub(" ", _TAGS.sub(" ", _FOOTNOTE_REF.sub("", remove_markup(replace_line_breaks(text))))).strip()


def clean_agencies(text: str) -> str:
    """An agency list as written, with bullets and markup removed, ``; ``-separated."""
    text = clean_cell(text)
    if not text:
        return ""
    parts = [p.strip(" ;,.:") for p in _BULLET.split(text)]  # "Thanh tra tỉnh: chủ trì, …" -> "Thanh tra tỉnh"
    parts = [p for p in parts if p]
    joined = "; ".join(parts) if len(parts) > 1 else (parts[0] if parts else "")
    joined = re.sub(r"\s*;\s*", "; ", joined)
    return joined.strip(" ;,.:")


#: First words after a body's name that still belong to it ("Sở Tư pháp tỉnh", "UBND các xã trên
#: địa bàn", "Bộ phận Một cửa các cấp", "Công an cấp xã", "Văn phòng UBND tỉnh và các sở").
_NAME_GOES_ON = frozenset("các cấp tỉnh thành huyện xã phường quận thị trên thuộc trực của có liên và "
                          "tại được đóng khu ngành cùng trung cửa".split())


def _agency_from_text(written: str) -> str:
    """The agencies a task's wording names before its verb (``written``, up to the first word of
    ``lead_verbs.txt``), ending where a known body's name ends when a verb the list lacks ran on
    into it: "Sở Tài chính cân đối" -> "Sở Tài chính", "Viễn thông tỉnh, Bưu điện tỉnh khắc phục
    tình trạng …" -> "Viễn thông tỉnh, Bưu điện tỉnh", cut after the longest name of the alias
    table it starts with (a name the table holds, or one it does not know, stays whole)."""
    from .agencies import is_alias, split_agencies  # agencies reads text tables; parse is read first

    names = clean_agencies(written)
    words = names.split()
    if len(words) < 3 or is_alias((split_agencies(names) or [names])[-1]):
        return names
    for k in range(len(words) - 1, 1, -1):
        if not words[k][:1].islower() or words[k].rstrip(",;.:") in _NAME_GOES_ON:
            continue
        prefix = " ".join(words[:k]).strip(" ;,")
        if (last := (split_agencies(prefix) or [""])[-1]) and is_alias(last):
            return prefix
    return names


#: An agency's role marked in brackets after its name: "Văn phòng UBND tỉnh (chủ trì)",
#: "Sở Nội vụ (phối hợp)", "Sở Tài chính (cơ quan chủ trì)".
_ROLE_MARK = re.compile(r"\s*\((?:cơ quan |đơn vị )?(?P<role>chủ trì|phối hợp)\)", re.IGNORECASE)


def marked_roles(value: str) -> tuple[str, str] | None:
    """Lead and partners of an agency list that marks each role in brackets:
    ``"Văn phòng UBND tỉnh (chủ trì); Sở Nội vụ (phối hợp)"`` -> ``("Văn phòng UBND tỉnh", "Sở Nội vụ")``;
    agencies after the lead without a mark help (``"Sở Tài chính (chủ trì), Sở Tư pháp"``).
    ``None`` when no role is marked."""
    marks = list(_ROLE_MARK.finditer(value))
    if not marks:
        return None
    lead, partners, pos = [], [], 0
    for m in marks:
        segment = value[pos:m.start()]
        if m.group("role").lower() == "chủ trì":
            lead.append(segment)
        elif not lead and pos == 0 and ";" in segment:
            # "Sở Tư pháp; các sở, ngành (phối hợp)": the agency before the helpers leads
            head, _, rest = segment.rpartition(";")
            lead.append(head)
            partners.append(rest)
        else:
            partners.append(segment)
        pos = m.end()
    rest = value[pos:]
    if rest.strip(" ;,."):
        (partners if lead else lead).append(rest)
    def agencies(parts):
        return "; ".join(a for a in (clean_agencies(re.sub(r"^[\s;,.]*(?:và\s+)?", "", p)) for p in parts) if a)
    return agencies(lead), agencies(partners)


#: A word hyphenated at the end of a hard-wrapped line, its rest opening the next ("Thươn-" / "g").
_HYPHENATED = re.compile(r"(?P<before>[^\W\d_]+)-\s*\n\s*(?P<after>[^\W\d_A-ZĐ][^\W\d_]*)")


def _join(lines: list[str]) -> str:
    joined = "\n".join(lines)
    if "-\n" in joined or "- \n" in joined:  # (most joins have no hyphen at a line's end)
        joined = _HYPHENATED.sub(_unhyphenated, joined)
    return clean_cell(joined.replace("\n", " "))


def _has_vowel(piece: str) -> bool:
    return any(unicodedata.normalize("NFD", c)[0].lower() in "aeiouy" for c in piece)


def _unhyphenated(m: re.Match) -> str:
    """One syllable cut by the wrap ("Thươn-" / "g", "N-" / "hà": a piece without a vowel) is
    joined; two words with a hyphen between them ("kinh tế-" / "xã hội") keep it, as one line."""
    cut = not (_has_vowel(m.group("before")) and _has_vowel(m.group("after")))
    return m.group("before") + ("" if cut else "-") + m.group("after")


def _ends_open(text: str) -> bool:
    return not _TERMINAL.search(remove_markup(text).rstrip())


#: A line that goes on with the one above though it starts in capitals: an abbreviation that
#: names no agency, then a word that goes on its noun phrase ("… giảm chi phí tuân thủ" / "TTHC
#: cho người dân, …"; not "TTHC được niêm yết …", a sentence of its own).
_ABBREVIATION_GOES_ON = re.compile(r"^(?:TTHC|DVC|DVCTT|CSDL|QPPL|VBQPPL|PAKN|KSTTHC|CCHC|CNTT)\s+"
                                   r"(?:cho|của|và|trên|tại|đối với|thuộc|trong|liên quan|nội bộ|có|theo)\b")
#: A time's cue at a line's end, and a date opening the next: "… trước ngày" / "31/10/2025.".
_OPEN_DATE_CUE = re.compile(r"\b(?:trước|chậm nhất|đến|trong|hạn)(?:\s+ngày)?\s*$", re.IGNORECASE)
_DATE_START = re.compile(r"^(?:\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?|(?:tháng|quý|năm)\s+[\dIVX])", re.IGNORECASE)


def _date_goes_on(last: str, text: str) -> bool:
    """``text`` opens with the date the line above ends on the cue of ("… trước ngày" / "31/10/2025.")."""
    return bool(_OPEN_DATE_CUE.search(remove_markup(last)) and _DATE_START.match(remove_markup(text).strip()))


def _starts_lower(text: str) -> bool:
    first = remove_markup(text).lstrip(" \"“(")[:1]
    return bool(first) and first.islower()


# --- parse state -------------------------------------------------------------------------
@dataclass
class _Task:
    path: str
    kind: str
    part: str
    section: str
    text: str
    lines: set[int]
    lead: str = ""
    partners: str = ""
    implementers: str = ""
    deadline_text: str = ""
    product: str = ""
    notes: str = ""


@dataclass
class _Node:
    """A numbered item (or heading) of the prose tree."""

    ntype: str
    label: str
    title: list[tuple[int | None, str]]
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)
    paragraphs: list[list[tuple[int | None, str]]] = field(default_factory=list)
    after_label: list[bool] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    field_lines: set[int] = field(default_factory=set)
    #: a field block right after one of its unnumbered paragraphs: that paragraph's (by index)
    paragraph_fields: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    paragraph_field_lines: dict[int, set[int]] = field(default_factory=dict)
    is_appendix: bool = False
    num: str = ""  # the number as written (1.2 for 1.2.)
    #: paragraphs from this index on stand after a sub-heading in capitals (:func:`_caps_heading`):
    #: the item's title no longer says by when they are due
    subheaded_from: int | None = None

    @property
    def title_text(self) -> str:
        return _join([t for _, t in self.title])

    def path_parts(self) -> list[str]:
        node, parts = self, []
        while node is not None and node.ntype != "root":
            parts.append(node.label)
            node = node.parent
        return parts[::-1]

    def ancestors(self) -> list[_Node]:
        node, out = self.parent, []
        while node is not None and node.ntype != "root":
            out.append(node)
            node = node.parent
        return out


@dataclass
class _State:
    doc: Document
    roles: dict[int, str] = field(default_factory=dict)
    owner: dict[int, int] = field(default_factory=dict)
    tasks: list[_Task] = field(default_factory=list)
    #: Rows of space-laid tables that could not be split into their columns (:func:`_aligned_rows`).
    unsplit_rows: list[int] = field(default_factory=list)
    #: Headings a table's rows stand under (by ``id``): a heading, not a task of its own.
    table_parents: set[int] = field(default_factory=set)

    def role(self, line: int | None, role: str) -> None:
        if line is not None and line not in self.roles:
            self.roles[line] = role

    def add_task(self, task: _Task) -> None:
        self.tasks.append(task)
        index = len(self.tasks) - 1
        for ln in task.lines:
            self.roles[ln] = task.kind
            self.owner[ln] = index


_NTYPE_RX = [("roman", _ROMAN), ("paren", _PAREN), ("paren", _LOWER_ROMAN), ("letter", _LETTER), ("arabic", _ARABIC)]
#: Numbering types of sections (headings), not of tasks.
_PART_TYPES = ("roman", "part")


#: An article of a decision: "Điều 2. Tổ chức thực hiện".
_ARTICLE = re.compile(r"^(?:Điều|ĐIỀU)\s+(?P<num>\d{1,2})\s*[.:]\s*(?P<rest>\S.*)$")
#: "Nhiệm vụ thứ mười hai: …", a task numbered by name in words.
_ORDINAL = re.compile(r"^(?:Nhiệm vụ|NHIỆM VỤ|Mục|MỤC)\s+thứ\s+(?P<words>[^\W\d_]+(?:\s+[^\W\d_]+){0,2}?)"
                      r"\s*[:.\-–]\s*(?P<rest>\S.*)$", re.IGNORECASE)
_DIGIT_WORDS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6,
                "bảy": 7, "tám": 8, "chín": 9}


def ordinal_number(words: str) -> int | None:
    """The number an ordinal in words names: "nhất" 1, "tư" 4, "mười" 10, "mười hai" 12,
    "hai mươi mốt" 21; None for other words.

    >>> ordinal_number("mười một")
    11
    """
    parts = words.lower().split()
    if parts in (["nhất"], ["mười"]):
        return 1 if parts == ["nhất"] else 10
    if len(parts) == 1:
        return _DIGIT_WORDS.get(parts[0]) if parts[0] not in ("mốt", "lăm") else None
    if parts[0] == "mười" and len(parts) == 2 and parts[1] in _DIGIT_WORDS and parts[1] != "mốt":
        return 10 + _DIGIT_WORDS[parts[1]]
    if len(parts) in (2, 3) and parts[1] == "mươi" and parts[0] in _DIGIT_WORDS and parts[0] not in ("một", "mốt"):
        units = _DIGIT_WORDS.get(parts[2]) if len(parts) == 3 else 0
        return None if units is None else 10 * _DIGIT_WORDS[parts[0]] + units
    return None


def _numbering(text: str) -> tuple[str, str, str] | None:
    """(type, number, rest) of a numbered line; dotted numbers are types of their own by depth
    (``1.2.`` is ``arabic2``), so that ``1.1.`` nests under ``1.``."""
    if text[:1] in "NnMm" and (m := _ORDINAL.match(text)) and (n := ordinal_number(m.group("words"))):
        return "named", str(n), m.group("rest")
    if text[:1] in "ĐđĐ" and (m := _ARTICLE.match(text)) and _ITEM_SECTION.match(m.group("rest")):
        # "Điều 2. Tổ chức thực hiện" of a decision: a part whose items are its duties (not "Điều
        # 1. Ban hành kèm theo Quyết định này Kế hoạch …", nor "Điều 3. Quyết định này có hiệu lực")
        return "part", f"Đ{m.group('num')}", m.group("rest")
    for ntype, rx in _NTYPE_RX:
        m = rx.match(text)
        if m:
            num = m.group("num")
            if ntype == "roman" and m.group("part"):
                ntype = "part"  # "Phần II" holds its own I., II. sections
            elif ntype == "arabic" and m.group("named"):
                ntype = "named"  # "Nhiệm vụ 1:" holds its own 1., 2. items
            elif ntype == "arabic" and "." in num:
                ntype = f"arabic{num.count('.') + 1}"
            return ntype, num, m.group("rest")
    return None


def _arabic_depth(ntype: str) -> int:
    """1 for ``1.``, 2 for ``1.2.``, …; 0 for the other kinds of numbering."""
    return (int(ntype[6:] or 1)) if ntype.startswith("arabic") else 0


def _label_for(ntype: str, num: str) -> str:
    return f"({num})" if ntype == "paren" else num


# --- frame: header, boilerplate, footnotes, signatures, metadata -------------------------
#: A row of a Markdown (or plain-text) table written on one line: ``| 1 | Rà soát … | Sở Tư pháp |``.
_MD_ROW = re.compile(r"^\s*\|(?P<cells>.*\|.*)\|\s*$")
#: Its rule line under the header: ``|----|:---:|``.
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")


def _goes_on_after_signature(seq, idx: int) -> bool:
    """A line the document goes on with after a signature: an appendix or an attached plan
    (:data:`_AFTER_SIGNATURE`), a numbered heading, or a table (tabs, which one-line pipe rows
    have become in ``seq``, or pipe cells)."""
    raw = seq[idx][1]
    text = clean_cell(raw)
    return bool(_AFTER_SIGNATURE.match(text) or _ROMAN.match(text) or _ARABIC.match(text) or "\t" in raw
                or _is_pipe_table_start(seq, idx))


def _md_row_as_tabs(raw: str) -> str:
    """A one-line table row with its cells between pipes, as the tab-separated row it is; a
    rule line, as a blank line (its role is ``table_rule``); any other line as it is."""
    if _MD_RULE.match(raw):
        return ""
    m = _MD_ROW.match(raw)
    return "\t".join(c.strip() for c in m.group("cells").split("|")) if m else raw


#: A line of a space-aligned table that goes on the row above it (its text is in that row):
#: a tab, so the table goes on across it, and no text, so it is no row of its own.
_CONTINUED = "\t"
#: A line that may head a table laid out with spaces ("STT   Nhiệm vụ   Cơ quan chủ trì …").
_ALIGNED_HEADER_HINT = re.compile(r"^\s*(?:s[ốo]\s*tt|stt|tt|s[ốo])\.?(?:\s{2,}|\s*$)", re.IGNORECASE)


#: A header that may run its column names together: "STT Nội dung nhiệm vụ Cơ quan chủ trì …".
_SPACED_HEADER_HINT = re.compile(r"^\s*(?:STT|TT|Số TT) (?:Nội dung|Nhiệm vụ|Tên nhiệm vụ)", re.IGNORECASE)


def _known_agency(name: str) -> bool:
    """``name`` is an agency of the alias table (:mod:`kehoach_lib.agencies`)."""
    from .agencies import resolve_agency  # agencies reads text tables; parse is read first

    found = resolve_agency(name) if _AGENCY_HEADING.match(name) else None
    return found is not None and found.known


def _aligned_rows(doc: Document) -> tuple[dict[int, str], dict[int, int], list[int]]:
    """Tables laid out in columns of spaces (:mod:`kehoach_lib.aligned`): each row as a
    tab-separated line at its first line, the row's other lines (and a page number inside the
    table) with the first line they go on, and the rows that could not be split into the
    columns (1-based line numbers). Such a row keeps its number and its text whole in the text
    column, so the table goes on past it (:func:`document_warnings` names it)."""
    rows: dict[int, str] = {}
    continued: dict[int, int] = {}
    kept: list[int] = []
    if any(STACKED_HEADER.match(ln.strip()) for ln in doc.lines):  # cells one a line (:mod:`kehoach_lib.stacked`)
        for stacked in stacked_tables(list(doc.lines), agency=_AGENCY_HEADING, deadline=_reads_as_deadline):
            rows.update({i + 1: row for i, row in stacked.rows.items()})
            continued.update({i + 1: (first + 1 if first is not None else 0) for i, first in stacked.continued.items()})
    if any(_SPACED_HEADER_HINT.match(ln) for ln in doc.lines):  # columns run together (:mod:`kehoach_lib.spaced`)
        for spaced in spaced_tables(list(doc.lines), is_agency=_known_agency, deadline=_reads_as_deadline):
            rows.update({i + 1: row for i, row in spaced.rows.items() if i + 1 not in rows})
            kept += [i + 1 for i in spaced.kept]
    if not any(_ALIGNED_HEADER_HINT.match(ln) for ln in doc.lines):
        return rows, continued, kept
    for table in aligned_tables(list(doc.lines)):
        width = max((len(r.cells) for r in table.rows), default=2)
        for row in table.rows:
            rows[row.lines[0] + 1] = row.text
            continued.update({i + 1: row.lines[0] + 1 for i in row.lines[1:]})
        continued.update({i + 1: 0 for i in table.page_numbers})  # 0: a page number
        for i, _reason in table.kept:
            parts = re.split(r"\s{2,}", doc.lines[i].strip())
            if len(parts) > 1 and _NUM_CELL.match(parts[0]):
                rows[i + 1] = "\t".join([parts[0], " ".join(parts[1:])] + [""] * max(width - 2, 0))
                kept.append(i + 1)
    return rows, continued, kept


#: A cell that says when without a date: "Theo lộ trình", "Theo kế hoạch", "Khi có yêu cầu".
_WHEN_WITHOUT_DATE = re.compile(r"^(?:theo\s+(?:lộ trình|kế hoạch|tiến độ|quy định|yêu cầu)|khi có yêu cầu"
                                r"|ngay sau khi)\b", re.IGNORECASE)


def _reads_as_deadline(text: str) -> bool:
    """A table cell that says when: a date, month, quarter or year, periodic work, or when
    without a date (:data:`_WHEN_WITHOUT_DATE`)."""
    return (resolve_due(text, year=2000) is not None or is_recurring(text) or bool(_STARTS_ON.search(text))
            or (len(text) <= WHEN_CELL_CHARS and bool(_WHEN_WITHOUT_DATE.match(text.strip()))))


#: Longest cell that says when without a date ("Theo lộ trình của Chính phủ").
WHEN_CELL_CHARS = 60


def _with_hints(doc: Document, aligned: tuple | None = None) -> list[tuple[int | None, str]]:
    """Source lines, with headings restored from the document's hints inserted, and table rows
    written between pipes on one line, or laid out with spaces (``aligned``), read as
    tab-separated rows."""
    inserts: dict[int, list[str]] = {}
    for h in doc.hints.get("headings", []):
        inserts.setdefault(int(h["before_line"]), []).append(str(h["text"]))
    rows, continued = aligned[:2] if aligned else ({}, {})
    out: list[tuple[int | None, str]] = []
    for i, raw in enumerate(doc.lines, start=1):
        for text in inserts.get(i, []):
            out.append((None, text))
        if i in continued:
            out.append((i, _CONTINUED))
            continue
        out.extend(_split_glued_heading(i, _md_row_as_tabs(rows.get(i, raw if i in rows else plain_markers(raw)))))
    return out


#: How a heading in capitals ends when it goes on on the next line: a comma, a dash or a word
#: that needs what follows ("… VÀ TRÁCH NHIỆM CỦA CÁC" / "CƠ QUAN, ĐƠN VỊ").
_OPEN_CAPS_END = re.compile(r"(?:[,\-–]|\b(?:VÀ|CỦA|CÁC|CHO|VỚI|TẠI|VỀ|TRONG|ĐỐI VỚI|THEO|ĐẾN|LIÊN QUAN|NHỮNG))\s*$")
#: A heading without a number, with its level in "#" marks (from a Markdown file).
_HASH_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<rest>\S.*)$")
#: A section named in capitals without a number: "MỤC TIÊU", "NHIỆM VỤ CỤ THỂ (lưu ý hạn)".
_CAPS_SECTION = re.compile(rf"^(?:MỤC TIÊU|MỤC ĐÍCH|YÊU CẦU|NHIỆM VỤ|GIẢI PHÁP|TỔ CHỨC THỰC HIỆN)[{_UPPER}, ]*"
                           r"(?:\([^()]*\))?\s*:?$")


def _to_roman(n: int) -> str:
    return roman(n).upper()


#: A keycap digit, "1️⃣" (digit, variation selector, combining keycap): a number.
_KEYCAP = re.compile(r"^(?P<indent>\s*)(?:(?P<num>\d{1,2})\ufe0f?\u20e3|\U0001f51f)\s*")  # (🔟: ten)
#: Pictographs that say "when" in a plan pasted into a message ("⏰ Hạn: …", "📅 Quý III/2025").
TIME_MARKERS = frozenset("⏰⏱⏲⌛⏳📅📆🗓")
_NO_SYMBOL = re.compile(r"[\ufe0f\u200d\U0001f3fb-\U0001f3ff]")  # variation selector, joiner, skin tones


def _is_symbol(ch: str) -> bool:
    # (pictographs and dingbats, from the arrows on: not "©", "®", "°", "™", which are text)
    return (unicodedata.category(ch) == "So" and ord(ch) >= PICTOGRAPHS_FROM) or bool(_NO_SYMBOL.match(ch))


#: First code point of the symbols a message uses for marks (U+2190, the arrows).
PICTOGRAPHS_FROM = 0x2190


def plain_markers(line: str) -> str:
    """A line of a plan pasted into an e-mail or a chat, with its pictographs read as a plan's
    marks: a keycap digit is a number ("1️⃣ TTHC nội bộ" -> "1. TTHC nội bộ"), a pictograph
    before capitals is dropped ("🎯 MỤC TIÊU"), a clock opens a deadline ("⏰ Hằng tháng" ->
    "- Thời hạn: Hằng tháng"), and any other is a bullet ("👉 Rà soát …" -> "- Rà soát …").
    Other lines are returned as they are.

    >>> plain_markers("   🏢 Chủ trì: Sở Tư pháp")
    '   - Chủ trì: Sở Tư pháp'
    """
    if m := _KEYCAP.match(line):
        return f"{m.group('indent')}{m.group('num') or '10'}. {line[m.end():]}"
    body = line.lstrip()
    if not body or not _is_symbol(body[0]):
        return line
    indent, k = line[: len(line) - len(body)], 0
    while k < len(body) and (_is_symbol(body[k]) or body[k].isspace()):
        k += 1
    rest = body[k:]
    if not rest:
        return line
    if rest.split("(")[0].isupper():
        return indent + rest
    if body[0] in TIME_MARKERS and not _field_line("- " + rest):
        return f"{indent}- Thời hạn: {rest}"
    return f"{indent}- {rest}"


def _account_continued(state: _State, continued: dict[int, int]) -> None:
    """The lines of a space-aligned table's row after its first take the row's role and task
    (a page number inside the table is boilerplate)."""
    for ln, first in continued.items():
        if not first:
            state.roles[ln] = "boilerplate"
        elif first in state.owner:
            index = state.owner[first]
            state.tasks[index].lines.add(ln)
            state.roles[ln], state.owner[ln] = state.roles[first], index
        elif first in state.roles:
            state.roles[ln] = state.roles[first]


def _split_glued_heading(lineno: int, raw: str) -> list[tuple[int, str]]:
    """``I. Heading**1. Sub-heading**`` (two headings glued on one line) -> two lines."""
    m = re.search(r"\*\*(\d+\.\s+[^*]+)\*\*\s*$", raw)
    if m and m.start() > 0 and _ROMAN.match(raw.strip()):
        return [(lineno, raw[: m.start()]), (lineno, m.group(1))]
    return [(lineno, raw)]


#: Non-blank lines on either side of a page number searched for a running header or footer.
RUNNING_WINDOW = 2
#: Lines at the top of a document (and at its foot) where a running header may stand as well.
RUNNING_EDGE = 5
#: Fewest lines of a page: bare numbers counting up closer than this are a table's, not pages'.
PAGE_MIN_LINES = 8


def _page_furniture(seq: list[tuple[int | None, str]]) -> set[int]:
    """Indices of ``seq`` that are page furniture: page numbers (``- 2 -``, ``Trang 2/5``, ``2/5``)
    and a running header or footer, a line that stands next to a page number (within
    :data:`RUNNING_WINDOW` non-blank lines) at two page breaks or more, and nowhere else ("KẾ
    HOẠCH SỐ 140/KH-UBND", "UBND tỉnh Lào Cai – Kế hoạch số 95/KH-UBND"), and is not a numbered
    item, bullet, field or sentence (ending "." or ";")."""
    texts: dict[int, str] = {}

    def text(i: int) -> str:  # cleaned on demand: most lines are never looked at
        if i not in texts:
            raw = seq[i][1]
            texts[i] = clean_cell(raw) if "\t" not in raw else ""
        return texts[i]

    pages = [i for i, (_ln, raw) in enumerate(seq)
             if len(raw) < 40 and "\t" not in raw and (t := text(i)) and _PAGE_NUMBER.match(t)]
    # a bare "2" is left to the reading of its place (it may be a cell of a table laid out in lines)
    numbers = {p for p in pages if not text(p).isdigit()}
    # ... and is no anchor for a running header where bare numbers count up a few lines apart,
    # as a table's numbers do when its cells stand one a line ("1" / "Rà soát …" / "Sở Tư pháp" / "2")
    bare = [p for p in pages if text(p).isdigit()]
    counting = {p for a, b in zip(bare, bare[1:], strict=False)
                if b - a < PAGE_MIN_LINES and int(text(b)) == int(text(a)) + 1 for p in (a, b)}
    anchors = [p for p in pages if p not in counting]
    if len(anchors) < 2:
        return numbers | _numbered_running(seq, text)
    near: dict[str, set[int]] = {}
    for p in anchors:
        for step in (-1, 1):
            j, seen = p + step, 0
            while 0 <= j < len(seq) and seen < RUNNING_WINDOW and not _PAGE_NUMBER.match(text(j) or "-"):
                if text(j):
                    seen += 1
                    near.setdefault(text(j), set()).add(j)
                j += step
    # a running line stands at page breaks only, and at the top of the first page or the foot of
    # the last: every other time it occurs
    occurs: dict[str, set[int]] = {}
    candidates = {t for t, where in near.items() if len(where) >= 2}
    if candidates:
        for i in range(len(seq)):
            if len(seq[i][1]) <= 160 and (t := text(i)) in candidates:
                occurs.setdefault(t, set()).add(i)
    ends = set(range(RUNNING_EDGE)) | set(range(len(seq) - RUNNING_EDGE, len(seq)))
    numbers |= _numbered_running(seq, text)
    running = {j for t, where in near.items() if len(where) >= 2 and occurs.get(t, set()) - ends <= where
               and len(t) <= 120 and len(t.split()) >= 3
               and not (_numbering(t) or _field_line(t) or t[:1] in "-+•|" or t[-1:] in ".;")
               for j in where}
    return numbers | running


#: A running header or footer with the page's number on the same line, before or after it
#: ("CÔNG BÁO/Số 29 + 30/Ngày 30-5-2025 41", "42 CÔNG BÁO/Số 29 + 30/Ngày 30-5-2025").
_NUMBERED_RUNNING = re.compile(r"^(?:(?P<before>\d{1,3})\s+(?P<text>\S.*?\S)|(?P<text2>\S.*?\S)\s+(?P<after>\d{1,3}))$")


def _numbered_running(seq, text) -> set[int]:
    """Indices of lines that are one running line with a different page number each time, at
    least twice, in the order of the pages; not a numbered item, field or sentence."""
    found: dict[str, list[tuple[int, int]]] = {}
    for i, (_ln, raw) in enumerate(seq):
        edge = raw.strip()
        if not edge or not (edge[0].isdigit() or edge[-1].isdigit()) or len(edge) > 120:
            continue
        if m := _NUMBERED_RUNNING.match(text(i)):
            key = m.group("text") or m.group("text2")
            found.setdefault(key, []).append((i, int(m.group("before") or m.group("after"))))
    out: set[int] = set()
    for key, where in found.items():
        numbers = [n for _, n in where]
        if (len(where) >= 2 and numbers == sorted(set(numbers)) and len(key.split()) >= 3
                and not (_numbering(key) or _field_line(key) or key[-1:] in ".;:" or _reads_as_deadline(key))):
            out.update(i for i, _ in where)
    return out


#: A document's type on a line of its own, over its title.
_DOCUMENT_TYPES = {"KẾ HOẠCH", "QUYẾT ĐỊNH", "CÔNG VĂN", "CHỈ THỊ", "THÔNG BÁO", "CHƯƠNG TRÌNH"}
#: Lines from the end where an e-mail's signature delimiter "--" is looked for.
E_MAIL_SIGNATURE_LINES = 12


def _mark_frame(state: _State, seq: list[tuple[int | None, str]]) -> int:
    """Give frame roles to header/footer lines; return the index where the body starts."""
    doc = state.doc
    n = len(seq)
    furniture = _page_furniture(seq)
    # trailing metadata block of the portal ("- Số hiệu: ...") and related-documents list
    for idx, (_ln, text) in enumerate(seq):
        if _META_START.match(text.strip()):
            if idx > 0:
                state.role(seq[idx - 1][0], "metadata")
            for ln2, _ in seq[idx:]:
                state.role(ln2, "metadata")
            break
    for idx in range(n - 1, max(n - E_MAIL_SIGNATURE_LINES, 0) - 1, -1):
        if seq[idx][1].strip() in ("--", "-- "):  # an e-mail's signature follows its delimiter
            for ln2, raw2 in seq[idx:]:
                state.role(ln2, "signature" if raw2.strip() else "blank")
            break
    in_recipients, recipient_line = False, ""
    after_signature = False
    attached_header: set[int] = set()  # the header of a plan attached after the signature
    signed = False  # past a signature and the signer's name, before anything the document goes on with
    for idx, (ln, raw) in enumerate(seq):
        text = raw.strip()
        if ln is None:
            continue
        if not text:
            state.role(ln, "blank")
            continue
        if idx in furniture:  # a page break: what it interrupts (a list of recipients) goes on after it
            state.role(ln, "boilerplate")
            continue
        if idx in attached_header:
            state.role(ln, "header")
            continue
        if "\t" in raw and _is_attribute_row(raw):
            state.role(ln, "metadata")  # a legal database's attributes of the document ("Thuộc tính")
            continue
        # only read right after a signature (it looks 14 lines ahead)
        goes_on = (signed or after_signature) and _goes_on_after_signature(seq, idx)
        if goes_on:
            signed = after_signature = False
        if (goes_on or (in_recipients and text[:1] not in "-+")) and (block := _attached_header(seq, idx)):
            # after the signature, or a list of recipients with it beside: the attached plan's header
            attached_header, signed, after_signature, in_recipients = block, False, False, False
            state.role(ln, "header")
            continue
        if _BOILERPLATE.match(text):
            state.role(ln, "boilerplate")
        elif _PAGE_TAIL.match(text) or (_PAGE_TAIL_MAYBE.match(text) and _is_page_tail(seq, idx)):
            # a portal page's tail (author, source, share buttons, related news, links): the rest
            # is the page around the plan, as after a signature, until the plan goes on
            state.role(ln, "boilerplate")
            if (byline := _byline_before(seq, idx)) is not None:
                state.role(byline, "signature")  # the article's author, just above its tail
            signed = True
            continue
        elif _RELATED.match(text):
            state.role(ln, "metadata")
        elif _FOOTNOTE.match(text):
            state.role(ln, "footnote")
            # a footnote wrapped onto the next line, at the foot of the page: that line too
            nxt = idx + 1
            if (nxt < n and seq[nxt][0] is not None and not _TERMINAL.search(text)
                    and (_starts_lower(seq[nxt][1].strip()) or _FOOTNOTE_GOES_ON.match(seq[nxt][1].strip()))
                    and _at_page_foot(seq, nxt + 1, furniture)):
                state.role(seq[nxt][0], "footnote")
        elif _SIGNATURE.match(text) or (_SIGNING_FOR.match(text) and text.isupper()) or _SIGNED.match(text):
            state.role(ln, "signature")
            after_signature = True
            continue
        elif _RECIPIENTS.match(text) or (in_recipients and (text[:1] in "-+" or (
                _recipient_wrapped(recipient_line) and len(text) <= RECIPIENT_WRAP_CHARS
                and not _looks_like_name(text)))):
            # (a recipient wrapped onto the next line, "- UBND các huyện, thành phố Cà" / "Mau;", goes on)
            recipient_line = text
            state.role(ln, "recipients")
            in_recipients = True
            after_signature = after_signature or _signs_beside(text)
            # (a signature cell beside them that ends with the signer's name: the plan is signed)
            signed = signed or (after_signature and _ends_with_signer(_SIDE_BY_SIDE.split(text)[-1]))
            continue
        elif after_signature and _looks_like_name(text) and not goes_on:
            state.role(ln, "signature")
            signed = True
        elif signed:
            state.role(ln, "boilerplate")
            continue
        after_signature = False
        in_recipients = False
    if doc.doc_type.strip().lower() == "tin bài":
        for ln, _raw in seq:
            state.role(ln, "narrative")
        return n
    # document header: everything before the preamble or the first heading
    before = ""  # the header's line before (a title "NHIỆM VỤ TRỌNG TÂM …" follows "KẾ HOẠCH")
    for idx, (ln, raw) in enumerate(seq):
        text = clean_cell(raw)
        if not text or (ln is not None and ln in state.roles):
            continue
        titled, before = remove_markup(before).strip() in _DOCUMENT_TYPES, text
        # a header laid out in two columns with tabs (issuer | motto, number | place and date)
        # is still the header, not a table
        tab_header = _is_header_row(raw)
        if "\t" in raw and _is_attribute_row(raw):
            state.role(ln, "metadata")  # a legal database's attributes of the document, above it
            continue
        if (ln is None or _PREAMBLE_START.match(text) or _ROMAN.match(text) or _ARABIC.match(text)
                or (_CAPS_SECTION.match(text) and not titled) or ("\t" in raw and not tab_header)
                or _is_pipe_table_start(seq, idx)):
            return idx
        state.role(ln, "header")
    return n


#: A footnote's wrapped line that opens with a figure, no item's number: "10/02/2022 của Bộ Tư pháp."
_FOOTNOTE_GOES_ON = re.compile(r"\d+(?:/\d+)+\b|\d+(?![\d.)])\S*\s")


#: Longest line read as the rest of a recipient wrapped onto it ("Mau;", "thị xã, thành phố;").
RECIPIENT_WRAP_CHARS = 40
#: The last recipient, the office's own copy: "- Lưu: VT, KSTT" (the signer's name may follow it).
_ARCHIVE_COPY = re.compile(r"^[-+]\s*Lưu\b", re.IGNORECASE)


def _recipient_wrapped(line: str) -> bool:
    """A recipient's line that ends without its ";" or "." (its name goes on on the next line)."""
    left = _SIDE_BY_SIDE.split(line)[0].rstrip()
    return line[:1] in "-+" and not re.search(r"[;.,:]\s*$", left) and not _ARCHIVE_COPY.match(left)


def _at_page_foot(seq, idx: int, furniture: set[int]) -> bool:
    """``idx`` (past blank lines) is another footnote, page furniture or the text's end."""
    while idx < len(seq) and not seq[idx][1].strip():
        idx += 1
    return idx >= len(seq) or idx in furniture or bool(_FOOTNOTE.match(seq[idx][1].strip())) \
        or bool(_PAGE_NUMBER.match(seq[idx][1].strip()))


def _is_header_row(raw: str) -> bool:
    """A header laid out in two columns with tabs (issuer | motto, number | place and date)."""
    return "\t" in raw and all(_HEADER_LINE.match(c) or _DATELINE.match(c)
                               # (the issuer's second line: "TỈNH PHÚ THỌ", "THÀNH PHỐ HẢI PHÒNG")
                               or (c.isupper() and re.match(r"(?:TỈNH|THÀNH PHỐ)\s", c))
                               for c in (clean_cell(c) for c in raw.split("\t")) if c)


def _attached_header(seq, idx: int) -> set[int]:
    """Indices of the header of a plan attached after the signature, from ``idx``: its issuer
    and number lines, its type ("KẾ HOẠCH"), the title's lines after it and "(Ban hành kèm theo
    …)"; empty when ``idx`` does not start one."""
    block: set[int] = set()
    j, titled = idx, False
    while j < len(seq):
        raw = seq[j][1]
        text = clean_cell(raw)
        if not text:
            j += 1
            continue
        if (block or j == idx) and text in ("KẾ HOẠCH", "QUYẾT ĐỊNH", "CÔNG VĂN"):
            # (also without the issuer's lines: "KẾ HOẠCH" / its title / "(Ban hành kèm theo …)")
            block.add(j)
            titled = True
        elif titled:  # the title's lines, then "(Ban hành kèm theo …)"
            # (a title may open "Thực hiện …": the preamble's sentence ends on ";", "," or ":")
            if _numbering(text) or NOT_TITLE.match(text) or "\t" in raw or len(block) > 8:
                break
            block.add(j)
            if _APPENDIX_NOTE.match(text):
                break
        elif _is_header_row(raw) or _HEADER_LINE.match(text) or _DATELINE.match(text) or re.fullmatch(r"-{3,}", text):
            block.add(j)
        else:
            break
        j += 1
    dated = any(_is_header_row(seq[k][1]) or _DATELINE.match(clean_cell(seq[k][1])) for k in block)
    return block if dated or (titled and _HEADER_LINE.match(clean_cell(seq[idx][1]))) else set()


#: The attributes a legal database shows above a document: "Số hiệu: | 112/KH-UBND | Loại văn bản: | Kế hoạch".
_ATTRIBUTE = re.compile(r"^(?:Số hiệu|Số ký hiệu|Loại văn bản|Nơi ban hành|Cơ quan ban hành|Người ký|Ngày ban hành"
                        r"|Ngày (?:có )?hiệu lực|Ngày công báo|Số công báo|Tình trạng(?: hiệu lực)?|Lĩnh vực"
                        r"|Ngày hết hiệu lực)\s*:?$")


def _is_attribute_row(raw: str) -> bool:
    """A row of a legal database's attribute table: label cells (:data:`_ATTRIBUTE`), each
    followed by its value."""
    cells = [clean_cell(c) for c in raw.split("\t")]
    labels = cells[0::2]
    return len(cells) >= 2 and all(_ATTRIBUTE.match(c) for c in labels if c) and bool(_ATTRIBUTE.match(labels[0]))


def _signs_beside(text: str) -> bool:
    """A signature laid out beside the recipients ("Nơi nhận:            TM. ỦY BAN NHÂN DÂN",
    "- Văn phòng Chính phủ;      KT. CHỦ TỊCH")."""
    return any(_SIGNATURE.match(c) or (_SIGNING_FOR.match(c) and c.isupper())
               for c in _SIDE_BY_SIDE.split(text)[1:])


def _is_page_tail(seq, idx: int) -> bool:
    """Whether "Nguồn: …" at ``idx`` begins a page tail: another tail marker
    follows within :data:`PAGE_TAIL_WINDOW` lines with text, before any numbered item or field
    line (which say the plan goes on)."""
    with_text = (t for t in (clean_cell(raw) for _, raw in seq[idx + 1 :]) if t)  # read lazily
    for text in itertools.islice(with_text, PAGE_TAIL_WINDOW):
        if _PAGE_TAIL.match(text) or _PAGE_TAIL_MAYBE.match(text):
            return True
        if _numbering(text) or _field_line(text):
            return False
    return False


def _byline_before(seq, idx: int) -> int | None:
    """The line of an author's name alone ("Minh Anh", "Thu Hà - Văn Nam") right above a page
    tail at ``idx``, or ``None``."""
    before = next(((ln, clean_cell(raw)) for ln, raw in reversed(seq[max(0, idx - 3):idx]) if clean_cell(raw)),
                  None)
    if before is None or before[0] is None:
        return None
    name = remove_markup(before[1]).strip()
    if re.search(r"[\d/.:;,]", name):
        return None  # "Quý IV/2025." wrapped onto its own line is no author
    return before[0] if _looks_like_name(re.sub(r"\s+[-–]\s+", " ", name)) and not _AGENCY_HEADING.match(name) else None


def _ends_with_signer(cell: str) -> bool:
    """A signature cell that ends with the signer's name ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ
    CHỦ TỊCH Võ Ngọc Hiệp"): its last 2 to 4 words in title case, after words in capitals."""
    words = clean_cell(cell).split()
    name = list(itertools.takewhile(lambda w: w[:1].isupper() and w[1:].islower(), reversed(words)))
    return 2 <= len(name) <= 4 and len(words) > len(name) and words[-len(name) - 1].isupper()


def _looks_like_name(text: str) -> bool:
    words = clean_cell(text).split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and len(text) < 40


# --- regions ------------------------------------------------------------------------------
def _regions(state: _State, seq: list[tuple[int | None, str]], start: int):
    """Split the body into ('prose' | 'tsv' | 'pipe', [indices]) regions, in order."""
    regions: list[tuple[str, list[int]]] = []
    i, n = start, len(seq)
    while i < n:
        ln, raw = seq[i]
        if _is_pipe_table_start(seq, i):
            regions.append(("pipe", list(range(i, n))))
            break
        if "\t" in raw and state.roles.get(ln) not in _BARRIER_ROLES:
            # (not the recipients beside the signature, "Nơi nhận: … | TM. ỦY BAN NHÂN DÂN")
            j = i
            idx: list[int] = []
            while j < n:
                if "\t" in seq[j][1]:
                    idx.append(j)
                    j += 1
                elif (((not seq[j][1].strip() or _PAGE_NUMBER.match(seq[j][1].strip()))
                       and _next_nonblank_has_tab(seq, j + 1))
                      or (_wraps_a_cell(seq[j][1]) and "\t" in seq[j - 1][1]
                          and ((_next_nonblank_has_tab(seq, j + 1) and not _next_is_header(seq, j + 1))
                               or re.match(r"\(?[a-zđà-ỹ]", clean_cell(seq[j][1]))))):
                    # a blank line, or a page number between two pages of a table, inside it; or
                    # a row's cell wrapped onto a line without tabs (under the last row, when it
                    # starts in lower case: "(dự kiến 02 lớp, 200 học viên)")
                    idx.append(j)
                    j += 1
                else:
                    break
            regions.append(("tsv", idx))
            i = j
            continue
        if regions and regions[-1][0] == "prose":
            regions[-1][1].append(i)
        else:
            regions.append(("prose", [i]))
        i += 1
    return regions


def _wraps_a_cell(raw: str) -> bool:
    """A line without tabs inside a tab table that goes on with a row's cell ("gửi Văn phòng UBND
    tỉnh tổng hợp", "(dự kiến 02 lớp, 200 học viên)"): not a heading ("2. Về …", "II. …", a line
    in capitals) nor a number alone."""
    text = clean_cell(raw)
    return (bool(text) and not _numbering(remove_markup(text)) and not text.isupper()
            and not re.fullmatch(r"[\dIVXivx]+[.)]?", text))


def _next_is_header(seq, j: int) -> bool:
    """The next non-blank line opens a table's header ("STT | …")."""
    for k in range(j, min(j + 4, len(seq))):
        if text := seq[k][1].strip():
            return bool(_HEADER_CELL.match(clean_cell(text.split("\t")[0])))
    return False


def _next_nonblank_has_tab(seq, j: int) -> bool:
    for k in range(j, min(j + 4, len(seq))):
        text = seq[k][1].strip()
        if text and not _PAGE_NUMBER.match(text):
            return "\t" in seq[k][1]
    return False


def _is_pipe_table_start(seq, i: int) -> bool:
    window = [t.strip() for _, t in seq[i : i + 14]]
    return (
        len(window) > 3
        and window[0] != "|"
        and window[0] != ""
        and window[1] == "|"
        and sum(1 for t in window if t == "|") >= 5
    )


# --- prose ---------------------------------------------------------------------------------
class _Prose:
    """Builds the numbered tree of a prose region, then turns it into tasks."""

    def __init__(self, state: _State, root: _Node, wrapped: bool,
                 widths: tuple[float | None, float | None] = (None, None)):
        self.state = state
        self.root = root
        self.wrapped = wrapped
        self.widths = widths  # hard-wrapped text: (first line, other lines) widths, see _wrap_widths
        self.stack: list[_Node] = [root]
        self.pending: list[_Node] = []
        self.caps_sections = 0  # sections named in capitals without a number (_CAPS_SECTION)
        self.in_fields = False
        self.field_open = False  # the last field's value may go on in "+" lines (_field_goes_on)
        self.field_list = False  # ... as the last field's name, with no value, says it will
        self.points: set[int] = set()  # "+" lines followed by fields of their own (_points_with_fields)
        self.agency_lines: set[int] = set()  # agencies named alone over their items (_plain_agency_headings)
        # the last line was a field's name with no value after it (True), a value of such a
        # field ending in ";" or "," ("list": the next line goes on with it), or one part's
        # value ("part": "Nội dung (i): …", which another part's may follow)
        self.awaiting_value: bool | str = False
        self.field_paragraph: dict[str, list[str]] | None = None  # the fields of the paragraph above
        self.field_paragraph_lines: set[int] = set()  # ... and their lines
        self.field_continuations: dict[int, list[int]] = {}  # a field line -> the lines its value goes on to
        self.part_targets: list[_Node] = []
        self.scope: list[str] | None = None
        self.current_field: str | None = None
        self.para: list[tuple[int | None, str]] | None = None
        self.para_owner: _Node | None = None
        self.para_role: str | None = None
        self.para_runs_on = True  # a closing or note paragraph runs on in hard-wrapped text
        self.gap = False
        self.after_label = False
        self.seen_labels: dict[tuple[int, str], int] = {}
        self.listing: tuple[int, str] | None = None  # (id of the paragraph, its points' mark): see _lists_contents

    # -- building
    def feed(self, ln: int | None, raw: str) -> None:
        text = clean_cell(raw)
        if not text:
            self.gap = True
            return
        if ln is not None and ln in self.state.roles:
            if self.state.roles[ln] in _BARRIER_ROLES:
                self.para = None  # nothing continues across a signature or a recipients list
            return
        if _PAGE_NUMBER.match(text):
            self.state.role(ln, "boilerplate")
            return
        if (cut := _work_after_closing(text)) is not None:
            # "Chỉ thị này có hiệu lực kể từ ngày ký. Giao Sở Nội vụ theo dõi, … trước ngày
            # 15/12/2026./.": the closing words end with the first sentence; the work is read on
            raw = text = text[cut:]
        continues = self._continues(text) and ln not in self.agency_lines
        awaiting, self.awaiting_value = self.awaiting_value, False
        self.gap = False
        if continues:
            if _DEADLINE_LINE.match(text):  # the deadline joins its item's text, without its bullet
                raw = _LEADING_BULLET.sub("", raw.strip())
            self.para.append((ln, raw))
            if self.para_role:
                self.state.role(ln, self.para_role)
            return
        self.para_role = None
        if hm := _HASH_HEADING.match(text):
            if not _numbering(hm.group("rest")) and not _APPENDIX.match(hm.group("rest")):
                self._hash_heading(ln, len(hm.group("marks")), hm.group("rest"))
                return
            raw = text = hm.group("rest")
        num = _numbering(text)
        if num and num[0] == "paren" and num[1] in ("i", "v", "x") and not text.startswith("(") and any(
                n.ntype == "letter" and n.label == {"i": "h", "v": "u", "x": "v"}[num[1]] for n in self.stack):
            num = ("letter", num[1], num[2])  # "h) …" then "i) …": the next letter
        if _APPENDIX.match(text):
            self._appendix(ln, text)
        elif _APPENDIX_NOTE.match(text) or _NOTE.match(text) or _CLOSING.match(text):
            role = "note" if _NOTE.match(text) else (
                "closing" if _CLOSING.match(text) else "header")
            self.state.role(ln, role)
            if role == "note" and _POINTER_NOTE.match(text) and len(self.stack) > 1:
                # "2. Nhiệm vụ cụ thể" / "(Chi tiết tại Phụ lục kèm theo)": its items are there
                self.state.table_parents.add(id(self.stack[-1]))
            self.para, self.para_owner, self.para_role = [(ln, raw)], None, role
            # "Trên đây là …" runs on to its end; the standing request ends with its sentence
            self.para_runs_on = not ((m := _CLOSING.match(text)) and m.group("request"))
            self._close_fields()
        elif _LABEL.match(text):
            self.state.role(ln, "label")
            self.after_label = True
            refs = _ITEM_REF.findall(text)
            self.scope = [f"({r})" for r in refs] or None
            self.para = None
            self._close_fields()
        elif m := _field_line(text):
            self._field(ln, m.group("name") + m.group("qual"), m.group("value"))
        elif self.in_fields and (m := _SUBFIELD.match(text)) and (self.field_open or ln not in self.points):
            # "- Cơ quan phối hợp:" / "+ Sở Nội vụ;", "- Sản phẩm: Báo cáo …" / "+ Quyết định …":
            # the field goes on; not after a field that is whole with a point that has fields of
            # its own ("+ Thời hạn: chậm nhất …" / "+ Rút ngắn thời gian …" / "+ Chủ trì: …")
            self._subfield(ln, m.group("value"))
        elif awaiting and not num and (awaiting != "part" or _is_value_part(text)):
            # "Thời hạn hoàn thành:" with its value on the next line, or a list of values
            # ("- Sở Nội vụ;" / "- Văn phòng UBND tỉnh.", "Nội dung (i): …" / "Nội dung (ii): …")
            value = _LEADING_BULLET.sub("", text)
            self._subfield(ln, value.rstrip().rstrip(";,"))
            if value.rstrip().endswith((";", ",")):
                self.awaiting_value = "list"
            elif _is_value_part(value):
                self.awaiting_value = "part"
        elif num:
            self._node(ln, raw, *num)
        elif len(self.stack) > 1 and (_caps_agency(text) or ln in self.agency_lines):
            # "SỞ TƯ PHÁP" alone in capitals, without a number, over the items it leads (or as
            # a sentence writes it, bold in Word: "Văn phòng UBND tỉnh" over "- " items)
            # (the parent it will have: that of the agency heading it follows, else the innermost node)
            agencies = [i for i, n in enumerate(self.stack) if n.ntype == "agency"]
            parent = self.stack[agencies[-1] - 1] if agencies else self.stack[-1]
            k = 1 + sum(c.ntype == "agency" for c in parent.children)
            self._node(ln, raw, "agency", str(k), text)
        elif _CAPS_SECTION.match(text) and self.caps_sections == len(self.root.children):
            # "MỤC TIÊU" / "TỔ CHỨC THỰC HIỆN" alone in capitals, without a number (a plan pasted
            # into a message): a section, numbered I, II, … in the path as the plan would be
            self.caps_sections += 1
            self._node(ln, raw, "roman", _to_roman(self.caps_sections), text)
        elif ((m := _ASSIGNMENT_LINE.match(text)) and len(self.stack) > 1
              and (self.stack[-1].paragraphs or self._names_no_agency(self.stack[-1]))
              and not _ACTION_WORDS.search(m.group("partners") or "")):
            self._assignment(ln, m)
        elif self._caps_subheading(text):
            # "CÁC NHIỆM VỤ KHÁC" alone in capitals among a section's items: a sub-heading over
            # them, not an item's text (it had been the text of the item above, or a task)
            self._close_fields()
            self.state.role(ln, "heading")
            owner = self.stack[-1]
            if owner.subheaded_from is None:
                owner.subheaded_from = len(owner.paragraphs)
            self.para = None
        else:
            self._paragraph(ln, raw)

    def _caps_subheading(self, text: str) -> bool:
        """``text`` is a sub-heading in capitals among a section's items (:func:`_caps_heading`),
        not a slogan the line before announces ("… với các khẩu hiệu sau:")."""
        last = clean_cell(self.para[-1][1]) if self.para else ""
        return (len(self.stack) > 1 and _caps_heading(text) and not _ANNOUNCES_WORDS.search(last)
                and not any(n.is_appendix for n in self.stack))

    def _continues(self, text: str) -> bool:
        if self.para is None or not self.para:
            return False
        if (_numbering(text) or _field_line(text) or _LABEL.match(text) or _APPENDIX.match(text)
                or _APPENDIX_NOTE.match(text) or _NOTE.match(text) or _CLOSING.match(text)
                or (len(self.stack) > 1 and _caps_agency(text) and not self._open_caps_title())
                or _HASH_HEADING.match(text)):
            return False
        last_ln, last = self.para[-1]
        if last_ln is None:
            return False  # a restored heading is complete
        if self.para_owner is not None and self.para is self.para_owner.title:
            title = clean_cell(_join([t for _, t in self.para]))
            if len(self.para) == 1 and (num := _numbering(title)) and not num[2].strip():
                return True  # "Phần II" alone: its title is the next line
            if title.isupper() and not clean_cell(text).isupper() and not _starts_lower(text):
                return False  # a heading in capitals ends where the capitals do, also in hard-wrapped text
            if title.isupper() and clean_cell(text).isupper() and _OPEN_CAPS_END.search(remove_markup(title)):
                return True  # "… VÀ TRÁCH NHIỆM CỦA CÁC" / "CƠ QUAN, ĐƠN VỊ": it goes on in capitals
            if (len(self.para) == 1 and title.isupper() and _caps_heading(text)
                    and _CONTINUES_CAPS.match(clean_cell(text))
                    and not _CAPS_SECTION.match(clean_cell(text))):
                return True  # "1. TĂNG CƯỜNG CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" / "CỦA CÁC CẤP, CÁC NGÀNH"
        if _CAPS_SECTION.match(clean_cell(text)) and not self._open_caps_title():
            return False  # "NHIỆM VỤ CỤ THỂ" alone in capitals starts a section, also in hard-wrapped text
        if (len(self.stack) > 1 and _caps_heading(text) and _ANNOUNCES_WORDS.search(remove_markup(last))
                and not clean_cell(last).isupper()):
            return True  # "… treo băng rôn với nội dung:" / "CẢI CÁCH HÀNH CHÍNH LÀ ĐỘNG LỰC PHÁT TRIỂN"
        if (self._caps_subheading(text) and not self.para_role
                and not clean_cell(_join([t for _, t in self.para])).isupper()):
            return False  # a sub-heading in capitals after a paragraph in sentence case
        if _DEADLINE_LINE.match(text):
            return True  # "+ Hoàn thành trước 31/10/2025." says when the item above is due
        if _only_bracket_assignment(text):
            return True  # "(Văn phòng UBND tỉnh chủ trì; Sở Khoa học và Công nghệ phối hợp)": who does it
        if self._lists_contents(last, text):
            return True
        if _ITEM_BULLET.match(text) or (_LEADING_BULLET.match(text) and not _ends_open(last)):
            return False  # "- …" starts an item, also in hard-wrapped text ("- 100% …" after a sentence)
        if self.wrapped:
            # hard-wrapped text: a paragraph runs until the next structure, or until a line
            # that ends a sentence short of the margin, before a capital
            return not self._ends_wrapped_paragraph(last, text)
        if (last.rstrip().endswith(";") and _starts_lower(text) and not self.gap
                # (an item's sentence, not a short title over lowercase points: "1. Sở Tư pháp" / "rà soát …;")
                and self.para_owner is not None and self.para is self.para_owner.title
                and len(clean_cell(self.para[0][1])) > CONTINUED_TITLE_CHARS
                and not own_deadline_text(_join([t for _, t in self.para]))):
            return True  # "… các huyện cũ;" / "tổ chức bồi dưỡng …": the sentence goes on
        if not _ends_open(last):
            return False
        if self.gap:  # after a blank line only a lowercase start continues the sentence
            return _starts_lower(text)
        # (an abbreviation goes on with a paragraph, not a title: "2. Về kiểm soát" / "TTHC cần …")
        # ("15. Sở Nông nghiệp và" / "Môi trường chủ trì …": a name cut at its linking word goes on)
        return (_starts_lower(text) or len(clean_cell(last)) > 100 or _date_goes_on(clean_cell(last), text)
                or _CUT_AT_WORD.search(clean_cell(last)) is not None
                or (_ABBREVIATION_GOES_ON.match(clean_cell(text)) is not None
                    and (self.para_owner is None or self.para is not self.para_owner.title)))

    def _lists_contents(self, last: str, text: str) -> bool:
        """A point that names a thing, not a thing to do, under a paragraph that lists what
        its own action covers ("- Niêm yết công khai … các nội dung sau:" / "+ Danh mục TTHC …;"
        / "+ Số điện thoại đường dây nóng."): part of that paragraph's task. Points that start
        with an action ("+ Rà soát …") stay tasks of their own, and so do the points of a
        paragraph that gives an agency work ("- Sở Nội vụ thực hiện các nội dung sau:"; not "- UBND
        các xã, phường niêm yết công khai … các nội dung sau:", whose points are what it posts)."""
        mark = text.lstrip()[:1]
        if mark not in "+-•" or not _LEADING_BULLET.match(text.lstrip()) or self.para is None:
            return False
        listing = self.listing is not None and self.listing == (id(self.para), mark)
        if not listing and not remove_markup(last).rstrip().endswith(":"):
            return False  # (the cheap test first: a stem ends with its colon)
        point = clean_cell(_LEADING_BULLET.sub("", text.lstrip()))
        if (len(point) > CONTENTS_POINT_CHARS or _starts_with_action(point) or _AGENCY_HEADING.match(point)
                or own_deadline_text(point) or _reads_as_deadline(point) or "%" in point):
            return False  # (a point an agency leads, or with a deadline of its own, is a task)
        if listing:
            return bool(_LIST_POINT_END.search(last.rstrip()))
        stem = remove_markup(clean_cell(_LEADING_BULLET.sub("", _join([t for _, t in self.para]))))
        first = clean_cell(self.para[0][1]).lstrip()[:1]
        # (after the agency that does it: "- UBND các xã, phường niêm yết công khai … các nội dung sau:")
        if (lettered := _LETTER.match(stem)) is not None:
            stem = lettered.group("rest")  # "b) Văn phòng UBND tỉnh cập nhật, công khai …"
        sm = _lead_patterns(LEAD_VERBS_FILE).subject.match(stem)
        action = stem[sm.end("agency"):].lstrip(" ,:") if sm and not sm.group("for") else stem
        if (not _CONTENTS_STEM.search(stem) or not _CONTENTS_VERB.match(action) or _WORK_STEM.search(stem)
                or (action is stem and _AGENCY_HEADING.match(stem))
                or first == mark
                # (a heading's points are its tasks; a lettered point lists contents, whether its agency
                # does it or not: "b) Văn phòng UBND tỉnh … niêm yết công khai … các nội dung sau:",
                # "a) Niêm yết công khai … gồm các nội dung sau:")
                or (self.para_owner is not None and self.para is self.para_owner.title and action is stem
                    and lettered is None)):
            return False
        self.listing = (id(self.para), mark)
        return True

    def _open_caps_title(self) -> bool:
        """The paragraph so far is a heading in capitals that ends open ("III. TỔ CHỨC THỰC HIỆN
        VÀ TRÁCH NHIỆM CỦA CÁC" / "CƠ QUAN, ĐƠN VỊ"): its next line in capitals goes on with it."""
        if self.para_owner is None or self.para is not self.para_owner.title:
            return False
        title = remove_markup(clean_cell(_join([t for _, t in self.para])))
        return title.isupper() and bool(_OPEN_CAPS_END.search(title))

    def _ends_wrapped_paragraph(self, last: str, text: str) -> bool:
        """In hard-wrapped text, whether ``last`` (the paragraph's line so far) ends it before
        ``text``: it ends a sentence, ``text`` starts with a capital, and ``last`` stops
        visibly short of the wrapping width (:data:`WRAP_SHORT_SHARE`), measured for first
        lines and for the lines after them apart, as some scrapes indent a paragraph's first
        line. Closings, notes and appendix notes ("Trên đây là …") run on as before."""
        if self.para_role and not self.para_runs_on:
            return not _ends_open(last)  # the standing request ends with its sentence
        initial = remove_markup(text).lstrip()[:1]
        starts = initial.isupper() or initial.isdigit()  # "100% thủ tục …" starts a paragraph too
        if (starts and self.para_owner is not None and self.para is self.para_owner.title
                and len(self.para) == 1 and not self.para_role):
            # a numbered heading's title stops short of the margin without a full stop: "2. Thực
            # hiện TTHC không phụ thuộc vào địa giới hành chính" / "Văn phòng UBND tỉnh chủ trì …"
            first, _ = self.widths
            title, more = clean_cell(last), clean_cell(text)
            # … but a title in capitals goes on in capitals, and one ending on a comma goes on:
            # "IV. TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ THÔNG TIN," / "BÁO CÁO"
            goes_on = title.endswith(",") or (title.isupper() and more.isupper())
            if first is not None and len(title) < WRAP_SHORT_SHARE * first and not goes_on:
                return True
        if self.para_role or _ends_open(last) or not starts:
            return False
        first, body = self.widths
        width = first if len(self.para) == 1 else body
        return width is None or len(clean_cell(last)) < WRAP_SHORT_SHARE * width

    def _appendix(self, ln, text):
        num = _APPENDIX.match(text).group("num")
        node = _Node("appendix", f"PL{num}" if num else "PL", [(ln, text)], self.root,
                     is_appendix=True)
        self.root.children.append(node)
        self.stack = [self.root, node]
        self.state.role(ln, "heading")
        self.pending = []
        self.para, self.para_owner = None, None
        self._close_fields()

    def _node(self, ln, raw, ntype, num, rest):
        self._close_fields()
        types = [n.ntype for n in self.stack]
        depth = _arabic_depth(ntype)
        if ntype == "part":  # a part ("Phần III") is the top level: it closes every section
            self.stack = self.stack[:1]
        elif depth:  # 2. closes 1.3. and 1.; 1.3. closes 1.2.
            deeper = [i for i, t in enumerate(types) if _arabic_depth(t) >= depth]
            if deeper:
                self.stack = self.stack[: deeper[0]]
        elif ntype in types:
            pos = len(types) - 1 - types[::-1].index(ntype)
            self.stack = self.stack[:pos]
        parent = self.stack[-1]
        label = _label_for(ntype, num)
        if depth > 1 and parent.num and num.rsplit(".", 1)[0] == parent.num:
            label = num.rsplit(".", 1)[1]  # 1.2. under 1.: the path says 1.2 once
        self._open(_Node(ntype, label, [(ln, raw)], parent, num=num))

    def _open(self, node: _Node) -> None:
        """Put ``node`` under its parent (a label the parent's children already have is told
        apart: "IV(2)") and make it the one the next lines go under."""
        parent = node.parent
        key = (id(parent), node.label)
        self.seen_labels[key] = self.seen_labels.get(key, 0) + 1
        if self.seen_labels[key] > 1:
            node.label = f"{node.label}({self.seen_labels[key]})"
        parent.children.append(node)
        self.stack.append(node)
        # a field block after items with none of their own is theirs too ("a) … b) … - Cơ quan chủ
        # trì: …"), but only the new item's siblings': not the items of an earlier branch
        self.pending = [p for p in self.pending if p.parent is parent] + [node]
        self.para, self.para_owner = node.title, node
        self.after_label = False
        self.scope = None

    def _hash_heading(self, ln, level: int, title: str) -> None:
        """A heading without a number, of ``level`` (a Markdown file's "## Mục tiêu"): it closes
        the headings at its level or deeper and what stands under them, and is numbered in the
        path by its place among its siblings (I, II, … at the top, then 1, 2, …)."""
        self._close_fields()
        # (under a numbered section, "I. NHIỆM VỤ" then "## Cắt giảm TTHC nội bộ", it stays in it)
        keep = [i for i, n in enumerate(self.stack)
                if (n.ntype.startswith("hash") and int(n.ntype[4:]) < level) or n.ntype in _PART_TYPES]
        self.stack = self.stack[: keep[-1] + 1] if keep else self.stack[:1]
        parent = self.stack[-1]
        k = 1 + sum(c.ntype.startswith("hash") for c in parent.children)
        # (a numbered sibling may hold the label: "### 1. …" then "### Số hóa")
        self._open(_Node(f"hash{level}", _to_roman(k) if parent is self.root else str(k), [(ln, title)], parent,
                         num=str(k)))

    def _paragraph(self, ln, raw):
        self._close_fields()
        owner = self.stack[-1]
        para = [(ln, raw)]
        owner.paragraphs.append(para)
        owner.after_label.append(self.after_label)
        self.para, self.para_owner = para, owner

    def _field(self, ln, name, value):
        if not self.in_fields:
            self.in_fields = True
            targets = [p for p in self.pending if not p.children]
            if self.scope:
                targets = [p for p in targets if p.label in self.scope] or targets
            self.part_targets = targets  # the items a part of the block may name ("+ Nội dung (i): …")
            if not self.scope and len(targets) > 1:
                # a block shared by the items above it, but not by one that says itself who
                # leads it and by when ("4. Sở Tài chính chủ trì …; hoàn thành trong Quý III/2025."),
                # nor by a heading over "- " items of its own ("1. Kiện toàn tổ chức" / "- Rà soát …
                # (Chủ trì: …)" / "2. Công khai" / "- Niêm yết …" / "Chủ trì: …": the block is 2.'s)
                # (nor by an agency's heading over its points: "1. Sở Tư pháp:" / "- …" / "3. Sở Khoa
                # học và Công nghệ chủ trì …:" / "- …" / "Thời gian hoàn thành: …" is 3.'s)
                # (nor by one a sentence under it gave its lead: "Giao Sở Tư pháp chủ trì thực hiện.")
                targets = [p for p in targets[:-1] if not p.fields and not _assigns_itself(p.title_text) and not any(
                    _names_own_lead(_join([t for _, t in para])) for para in p.paragraphs)
                    and not (p.paragraphs and _agency_in_heading(p))] + targets[-1:]
            self.targets = targets
            self.field_paragraph = self._paragraph_fields(targets)
            if self.field_paragraph is not None:
                self.targets = []  # "Sở X theo dõi …" then "Thời hạn: …": the paragraph's, not its heading's
        parts = _field_parts(_field_key(name), value)
        self.current_field = parts[-1][0]
        self.state.role(ln, "field")
        lines = [ln, *self.field_continuations.get(ln, [])]
        for node in self.targets:
            for key, val in parts:
                val = _value_for(val, node.label)
                if val:
                    node.fields.setdefault(key, []).append(val)
            node.field_lines.update(lines)
        if self.field_paragraph is not None:
            self.field_paragraph_lines.update(lines)
            for key, val in parts:
                if val:
                    self.field_paragraph.setdefault(key, []).append(val)
        self.para = None
        self.awaiting_value = not parts[-1][1]
        self.field_list = not parts[-1][1]  # "- Thời hạn hoàn thành:" / "+ …: …" / "+ …: …"
        self.field_open = self.field_list or _field_goes_on(value)

    @staticmethod
    def _names_no_agency(node: _Node) -> bool:
        """``node``'s own wording gives the work to no agency (:func:`_names_own_lead`), nor do its fields."""
        return not (node.fields or _names_own_lead(node.title_text))

    def _assignment(self, ln, m: re.Match) -> None:
        """The item's lead, partners and deadline, from a sentence after its points (or under an
        item that names no agency) that says only that."""
        node = self.stack[-1]
        self._close_fields()
        node.fields.setdefault("lead", []).append(m.group("lead"))
        if m.group("partners"):
            node.fields.setdefault("partners", []).append(m.group("partners"))
        if m.group("when"):
            node.fields.setdefault("deadline", []).append(m.group("when"))
        node.field_lines.add(ln)
        self.state.role(ln, "field")
        self.para = None

    def _paragraph_fields(self, targets: list[_Node]) -> dict[str, list[str]] | None:
        """The fields of the unnumbered paragraph the block follows, when its heading is the
        only item the block could be for (a block shared by sibling items stays theirs)."""
        owner, para = self.para_owner, self.para
        if owner is None or para is None or para is owner.title or targets not in ([], [owner]):
            return None
        index = next((i for i, p in enumerate(owner.paragraphs) if p is para), None)
        if index is None:
            return None
        self.field_paragraph_lines = owner.paragraph_field_lines.setdefault(index, set())
        return owner.paragraph_fields.setdefault(index, {})

    def _subfield(self, ln, value):
        self.state.role(ln, "field")
        targets = self.targets
        m = _SCOPE.match("+ " + value)
        if m:
            refs = [f"({r})" for r in _ITEM_REF.findall(m.group("items"))]
            targets = [t for t in self.part_targets if t.label in refs] or self.targets
            value = m.group("value")
        parts = _field_parts(self.current_field, value)
        sinks = [t.fields for t in targets] + ([self.field_paragraph] if self.field_paragraph is not None else [])
        for fields in sinks:
            for key, val in parts:
                if val:
                    fields.setdefault(key, []).append(val)
        for node in targets:
            node.field_lines.add(ln)
        if self.field_paragraph is not None:
            self.field_paragraph_lines.add(ln)
        self.para = None
        self.field_open = self.field_list or _field_goes_on(value)

    def _close_fields(self):
        if self.in_fields:
            self.in_fields = False
            self.pending = []
            self.targets = []
            self.current_field = None
            self.scope = None
            self.field_paragraph = None
            self.field_paragraph_lines = set()

    # -- emitting
    def emit(self, prefix_kind: str = "task") -> None:
        if self.letter_body and self.root.paragraphs:  # a letter's requests in running paragraphs
            self._emit_paragraphs(self.root, self.root.paragraphs)
        for node in self.root.children:
            self._emit(node)

    def _emit(self, node: _Node) -> None:
        state = self.state
        kind = _kind_for(node)
        if node.children:
            title_rest = _strip_number(node.title_text)
            if node.ntype not in _PART_TYPES and not node.is_appendix and kind != "prose" and _is_sentence(title_rest):
                # "1. Rà soát …, hoàn thành trước 30/6/2025 (Sở Tư pháp chủ trì)." then 1.1., 1.2.:
                # the item says what to do itself, so it is a task as well as their heading
                part, section = _part_and_section(node)
                self._task_from(node, ".".join(node.path_parts()), kind, part, section, title_rest,
                                list(node.title), lead="", own_fields=False)
            state.role(node.title[0][0], "heading")
            for ln, _ in node.title[1:]:
                state.role(ln, "heading")
            lead_from_heading = _agency_heading(node, kind)
            partners_from_heading = _heading_partners(node) if lead_from_heading else ""
            if not lead_from_heading and not node.is_appendix:
                self._emit_paragraphs(node, node.paragraphs)
            for para in node.paragraphs:
                for ln, _ in para:
                    state.role(ln, "heading" if not lead_from_heading else "prose")
            for child in node.children:
                self._emit_child(child, lead_from_heading, partners_from_heading)
            return
        self._emit_leaf(node, "")

    def _emit_child(self, node: _Node, lead: str, partners: str = "") -> None:
        if node.children:
            self._emit(node)
            return
        self._emit_leaf(node, lead, partners)

    def _emit_leaf(self, node: _Node, inherited_lead: str, inherited_partners: str = "") -> None:
        state = self.state
        kind = _kind_for(node)
        part, section = _part_and_section(node)
        path = ".".join(node.path_parts())
        lines_title = [ln for ln, _ in node.title if ln is not None]
        # a heading without a number ("## Mục tiêu", "### Cắt giảm TTHC nội bộ") is a section of
        # unnumbered items, unless it names the agency that leads them ("### Sở Tài chính")
        section_like = node.ntype in _PART_TYPES or (node.ntype.startswith("hash") and not _agency_heading(node, kind))
        if kind == "prose" or node.is_appendix or section_like:
            if section_like and not node.is_appendix:
                self._emit_paragraphs(node, node.paragraphs)  # a section of unnumbered items
            for ln in lines_title + [ln for p in node.paragraphs for ln, _ in p]:
                state.role(ln, "prose" if kind == "prose" else "heading")
            return
        title = node.title_text
        title_rest = _numbering(title)[2] if _numbering(title) else title
        if _lists_procedures(node) and _PROCEDURE_NAMES.match(title_rest) and not own_deadline_text(title_rest):
            # "PHỤ LỤC" / "DANH MỤC TTHC ĐỀ XUẤT CẮT GIẢM" / "1. Thủ tục cấp Giấy chứng nhận …"
            for ln in lines_title:
                state.role(ln, "procedure")
            for para in node.paragraphs:
                for ln, raw in para:
                    state.role(ln, "heading" if clean_cell(raw).isupper() else "procedure")
            return
        if not node.paragraphs and not node.fields and _EDITS_ONLY.match(title_rest):
            # an amending plan's edit that sets no work: "5. Bãi bỏ điểm d khoản 1 Mục II.", "6. Thay
            # thế cụm từ “…” bằng cụm từ “…”", "3. Các nội dung khác … giữ nguyên hiệu lực thi hành."
            for ln in lines_title:
                state.role(ln, "note")
            return
        if not node.paragraphs and not node.fields and kind != "objective" and _reports_done(title_rest):
            # "1. Sở Tư pháp đã hoàn thành việc rà soát 120 TTHC trong 6 tháng đầu năm 2025.": what
            # was done, told in a letter before what it asks, is no task
            for ln in lines_title:
                state.role(ln, "prose")
            return
        paragraphs = list(zip(node.paragraphs, node.after_label, strict=False))
        # a title that stops without a full stop, or on a colon ("1. Mục đích:"), heads what follows
        heading_like = (_ends_open(title_rest) or remove_markup(title_rest).rstrip().endswith(":")) \
            and len(title_rest) < 200
        agency = _agency_heading(node, kind)
        heading_partners = _heading_partners(node) if agency else ""
        body: list[tuple[int | None, str]] = []
        extra: list[list[tuple[int | None, str]]] = []
        if agency and paragraphs:
            # an agency heading that owns unnumbered duties
            if len(paragraphs) == 1:
                body = paragraphs[0][0]
            else:
                extra = [p for p, _ in paragraphs]
        elif (heading_like and len(paragraphs) == 1 and not node.fields and kind != "objective"
              and _assignment_pieces(paragraphs[0][0])):
            # "1. Về rà soát TTHC" over one paragraph that gives work to one agency, then to
            # another: a task per assignment, as over two paragraphs
            extra = [paragraphs[0][0]]
        elif heading_like and paragraphs and (paragraphs[0][1] or len(paragraphs) == 1):
            body = paragraphs[0][0]
            extra = [p for p, _ in paragraphs[1:]]
        elif (len(paragraphs) == 1 and not node.fields and _fields_of(node, paragraphs[0][0])[0]
              and not _LEADING_BULLET.match(clean_cell(paragraphs[0][0][0][1]))
              and (not _names_own_lead(title_rest) or _GOES_ON.match(clean_cell(paragraphs[0][0][0][1])))):
            # "8. Rà soát … trình Chủ tịch UBND tỉnh phê duyệt." / "Trên cơ sở phương án được phê
            # duyệt, …" / "- Cơ quan chủ trì: …": one paragraph that goes on with the item, then
            # the item's fields (an item that says who does it, "b. Văn phòng UBND tỉnh tổng hợp
            # …", is whole: the paragraph after it is the next task, the fields its own)
            body = paragraphs[0][0]
        else:
            extra = [p for p, _ in paragraphs]
        if (not paragraphs and not agency and not node.fields and not _is_sentence(title_rest)
                and id(node) in state.table_parents):
            # "1. MỤC TIÊU" / "2. Nhiệm vụ cụ thể" and a table under it: the table holds its items
            for ln in lines_title:
                state.role(ln, "heading")
            return
        if (not paragraphs and not agency and not node.fields
                and (_INTRODUCES.search(title_rest) or _ASSIGNED_ELSEWHERE.match(title_rest)
                     or _DETAIL_ELSEWHERE.search(title_rest))
                and not _lead_patterns(LEAD_VERBS_FILE).subject.match(title_rest)):
            # "3. Các nhiệm vụ cụ thể khác theo bảng phân công sau:": the table after it holds them
            for ln in lines_title:
                state.role(ln, "heading")
            return
        if not body and extra and (agency or heading_like):
            state.role(lines_title[0] if lines_title else None, "heading")
            leads = [agency] * len(extra) if agency else _bullet_leads(extra)
            shared = {} if node.fields else self._block_after_bullets(node, extra)
            # "1. Rà soát TTHC (hoàn thành trước ngày 30/9/2025)": by when its points are due;
            # "1. Định kỳ hằng quý": how often
            heading_deadline = _title_when(title_rest) if kind != "objective" else ""
            k = 0
            for idx, (para, lead, group) in enumerate(zip(extra, leads, _group_titles(extra), strict=True)):
                if lead is None or group is None:  # "- Văn phòng UBND tỉnh:" heads the points after it
                    for ln, _ in para:
                        state.role(ln, "heading")
                    continue
                if node.subheaded_from is not None and idx >= node.subheaded_from:
                    # after "CÁC NHIỆM VỤ KHÁC": the item's title says no longer by when (an agency
                    # heading still says who)
                    heading_deadline = ""
                fields = _fields_or_shared(node, para, shared, lead, agency)
                lead = _point_lead(para, lead, group, agency)
                for text, lines in self._pieces(para, lead, group, kind, fields):
                    k += 1
                    # a point's agency bullet leads it, not a field block shared with the items after it
                    task = self._task_from(
                        node, f"{path}+{k}", kind, part, _strip_number(title_rest), text, lines, lead=lead,
                        own_fields=not (lead and lead != agency and len(self._siblings_sharing(node)) > 1),
                        paragraph_fields=fields,
                        partners=heading_partners if lead == agency else "")
                    if heading_deadline and not task.deadline_text and not own_deadline_text(task.text) \
                            and not is_recurring(task.text):
                        task.deadline_text = heading_deadline
            return
        if (body and not extra and not agency and not node.fields
                and len(intro := _join([t for _, t in body])) < 200 and _INTRODUCES.search(intro)):
            # "3. Dịch vụ công trực tuyến" + "Các nhiệm vụ cụ thể được phân công tại Bảng dưới đây:"
            for ln in lines_title + [ln for ln, _ in body if ln is not None]:
                state.role(ln, "heading")
            return
        if body:
            # (a heading's one "- " item goes on from it without its bullet: "Yêu cầu: Các cơ quan …")
            body_text = _LEADING_BULLET.sub("", _join([t for _, t in body]))
            text = (title_rest + (": " if _ends_open(title_rest) else " ") + body_text
                    if not agency else body_text)
        else:
            text = title_rest
        lines = list(node.title) + body
        lead = agency or inherited_lead
        if not lead and body and kind != "objective" and (
                sm := _lead_patterns(LEAD_VERBS_FILE).subject.match(body_text)):
            # "2. Thực hiện TTHC không phụ thuộc vào địa giới" + "Văn phòng UBND tỉnh chủ trì, …":
            # the title comes first in the task's text, so its body's subject is read here
            lead = _agency_from_text(sm.group("agency"))
        pieces = None
        if not body and not lead and not node.fields and kind != "objective" and node.title and lines_title:
            # "2. Giao Sở Tư pháp tổng hợp … trước ngày 15/7/2025. Văn phòng UBND tỉnh thẩm định …
            # trong tháng 8/2025.": an item that gives work to one agency, then to another, is a
            # task per assignment (N, N+1, …), as such a paragraph is
            (ln0, raw0), *rest = node.title
            pieces = _assignment_pieces([(ln0, _strip_number(clean_cell(raw0))), *rest])
            # (an item's later sentences often say who answers for it, who helps or what a body
            # is: split only when each assignment says by when, or each later one gives work to a
            # named body: "… trước ngày 15/10/2025. Công an tỉnh hướng dẫn các xã, phường …")
            if pieces and not (all(own_deadline_text(text) or is_recurring(text) for text, _ in pieces)
                               or all(_names_a_body(_assignee(text) or "") for text, _ in pieces[1:])):
                pieces = None
        if pieces:
            for k, (piece, piece_lines) in enumerate(pieces):
                own = {pl for pl, _ in piece_lines}  # (the title's lines, with the number on the first)
                task = self._task_from(node, f"{path}+{k}" if k else path, kind, part, section, piece,
                                       [(ln, raw) for ln, raw in node.title if ln in own], lead="")
            k = len(pieces) - 1
        else:
            task = self._task_from(node, path, kind, part, section, text, lines, lead=lead,
                                   paragraph_fields=_fields_of(node, body),
                                   partners=heading_partners if agency else inherited_partners)
            if (agency and body and kind != "objective" and not task.deadline_text
                    and not own_deadline_text(task.text) and not is_recurring(task.text)):
                # "2. Sở Tài chính chủ trì … (hoàn thành trước ngày 31/8/2025):" over one point: its deadline
                task.deadline_text = _title_when(title_rest)
            k = 0
        for para in extra:
            if _introduces_only(para):  # "Các nhiệm vụ về chia sẻ dữ liệu:" over a table: no task of its own
                for ln, _ in para:
                    state.role(ln, "label")
                continue
            k += 1
            para_text = _join([t for _, t in para])
            self._task_from(node, f"{path}+{k}", kind, part, section, para_text, para,
                            lead="", parent_task=task, paragraph_fields=_fields_of(node, para))

    def _emit_paragraphs(self, node: _Node, paragraphs) -> None:
        """Unnumbered paragraphs (or ``-`` items) of a heading, each a task ``<path>+k`` of the
        kind its own heading or an ancestor's names, unless that kind is prose: without this,
        ``III. TỔ CHỨC THỰC HIỆN`` followed by ``- Văn phòng UBND tỉnh theo dõi …`` lost them."""
        kind = _kind_for(node, itself=True)
        groups = _group_titles(paragraphs)  # ("- Năm 2025:" introduces its points: no item, their group)
        # (an agency bullet, "- Sở Tư pháp:", stays: it leads the points after it)
        keep = [_is_item(p) or g is None or bool(_bullet_agency(p)) for p, g in zip(paragraphs, groups, strict=True)]
        paragraphs = [p for p, k in zip(paragraphs, keep, strict=True) if k]
        groups = [g for g, k in zip(groups, keep, strict=True) if k]
        # (a heading without a number under one of items stands for a group of them)
        of_items = (node is self.root and self.letter_body) or _ITEM_SECTION.search(node.title_text) or (
            node.ntype.startswith("hash") and any(_ITEM_SECTION.search(a.title_text) for a in node.ancestors()))
        if kind == "prose" or not paragraphs or not of_items:
            return
        if node.children and kind == "task":
            return  # under a heading of numbered tasks, an unnumbered paragraph introduces them
        path = ".".join(node.path_parts())
        part = _strip_number((node.ancestors() or [node])[-1].title_text)
        shared = self._block_after_bullets(node, paragraphs)
        k = 0
        for para, lead, group in zip(paragraphs, _bullet_leads(paragraphs), groups, strict=True):
            if lead is None or group is None:  # "- Văn phòng UBND tỉnh:" heads the points after it
                for ln, _ in para:
                    self.state.role(ln, "heading")
                continue
            fields = _fields_or_shared(node, para, shared, lead)
            lead = _point_lead(para, lead, group)
            for text, lines in self._pieces(para, lead, group, kind, fields):
                k += 1
                self._task_from(node, f"{path}+{k}", kind, part, _strip_number(node.title_text),
                                text, lines, lead=lead, own_fields=False, paragraph_fields=fields)

    @staticmethod
    def _pieces(para, lead: str, group: str, kind: str, fields) -> list[tuple[str, list]]:
        """The tasks an unnumbered paragraph holds, as (text, lines): itself, or, in a paragraph
        of running text that names no lead and no fields, each assignment it makes
        (:func:`_assignment_pieces`)."""
        if not lead and not group and kind != "objective" and not fields[0]:
            if pieces := _assignment_pieces(para):
                return pieces
        return [(_in_group(group, para), para)]

    def _block_after_bullets(self, node: _Node, paragraphs) -> dict[str, list[str]]:
        """The field block that closes a heading's "- " items, written without a bullet
        ("1. Kiểm soát quy định TTHC" / "- Đánh giá tác động …" / "- Thẩm định …" / "Cơ quan thực
        hiện: Sở Tư pháp."): it is the heading's, for every item that names no lead of its own;
        else ``{}``."""
        if len(paragraphs) < 2 or len(node.paragraph_fields) != 1:
            return {}
        index = next(iter(node.paragraph_fields))
        if not node.paragraphs or index != len(node.paragraphs) - 1 or node.paragraphs[index] is not paragraphs[-1]:
            return {}
        first = min(node.paragraph_field_lines.get(index, set()), default=None)
        if first is None:
            return {}
        bullets = all(clean_cell(p[0][1])[:1] in "-+•" for p in paragraphs if p)
        if not bullets or clean_cell(self.state.doc.lines[first - 1])[:1] in "-+•":
            return {}
        return node.paragraph_fields[index]

    def _task_from(self, node, path, kind, part, section, text, lines, *, lead,
                   parent_task: _Task | None = None, own_fields: bool = True,
                   paragraph_fields: tuple[dict[str, list[str]], set[int]] = ({}, set()),
                   partners: str = "") -> _Task:
        """A task of ``text`` (and its inline items), read for its fields, lead, partners and
        deadline; ``lead`` and ``partners`` are what a heading over it names, for a task that
        names neither itself."""
        line_set = {ln for ln, _ in lines if ln is not None}
        text = _LEADING_BULLET.sub("", text)
        own_fields = own_fields and parent_task is None
        # the item's field block, and the one right after the paragraph the task is made of
        fields = {**(node.fields if own_fields else {}), **paragraph_fields[0]}
        line_set |= paragraph_fields[1]
        shared = own_fields and len(self._siblings_sharing(node)) > 1
        if own_fields and not shared:
            line_set |= node.field_lines
        if shared and "deadline" in fields and not paragraph_fields[0].get("deadline") and _states_timing(text):
            # a deadline shared by the items above it is not for one that says its own
            # ("a) …; thời gian thực hiện: Thường xuyên." … "d) …" + "Thời gian thực hiện: năm 2025-2026.")
            fields = {k: v for k, v in fields.items() if k != "deadline"}
        task = _Task(path=path, kind=kind, part=part, section=section, text=text,
                     lines=line_set)
        if (lead and kind != "objective" and not fields.get("lead") and (own := _assignee(text)) and own != lead
                and _names_a_body(own)):
            # "1. Sở Tư pháp chủ trì … các nhiệm vụ sau:" / "b) Văn phòng UBND tỉnh tổng hợp …": a
            # point that gives its work to another agency is that agency's (read from its text)
            lead, partners = "", ""
        task.lead = clean_agencies("; ".join(fields.get("lead", []))) or lead
        task.implementers = clean_agencies("; ".join(fields.get("implementers", [])))
        task.partners = clean_agencies("; ".join(fields.get("partners", [])))
        task.deadline_text = clean_cell("; ".join(v.strip().rstrip(".") for v in fields.get("deadline", [])))
        task.product = clean_cell("; ".join(fields.get("product", [])))
        if not task.lead and task.implementers:
            task.lead, task.implementers = task.implementers, ""
        partners_from_text = not (set(node.fields) - {"product"})
        if split := inline_items(task.text):
            # "Văn phòng UBND tỉnh: (1) tổng hợp …; (2) hướng dẫn …": the stem (and a sentence
            # after the last item, "… (3) …. Sở Tư pháp chủ trì, hoàn thành trước 30/9/2025.")
            # says who and when for every item; each item is a task, with its own dates
            stem, items, tail = split
            pre, stem = _sentence_before(stem)
            task.text = f"{stem} {tail}".strip()
            _fill_from_text(task, default_lead=self.default_lead if own_fields else "",
                            partners_from_text=partners_from_text)
            if kind != "objective":
                stem_lead, stem_partners = _stem_agencies(stem)
                said = _Task(path=path, kind=kind, part=part, section=section, text=tail, lines=set())
                _fill_from_text(said)  # the tail's subject: "Sở Tư pháp chủ trì, hoàn thành …"
                task.lead = task.lead or stem_lead or said.lead
                task.partners = task.partners or stem_partners or said.partners
            shared_when = task.deadline_text or own_deadline_text(task.text)
            spans = _inline_spans(lines, len(items))
            if pre:  # "Cắt giảm 30% thời gian …. Sở Nội vụ chủ trì: (1) …": the first sentence is a task too
                first = _Task(path=path, kind=kind, part=part, section=section, text=pre,
                              lines=set(spans[0]), lead=task.lead if kind != "objective" else "")
                self._finish(node, first, [(ln, raw) for ln, raw in lines if ln in spans[0]])
            for k, (item, item_lines) in enumerate(zip(items, spans, strict=True), start=1):
                own_lines = item_lines | (line_set - {ln for ln, _ in lines} if k == len(items) else set())
                sub = _Task(path=f"{path}.({k})", kind=kind, part=part, section=section, text=item,
                            lines=own_lines, lead=task.lead, implementers=task.implementers,
                            product=task.product)
                _fill_from_text(sub, partners_from_text=partners_from_text)
                sub.partners = sub.partners or task.partners or (partners if sub.lead == lead else "")
                if not sub.deadline_text and not own_deadline_text(item):
                    sub.deadline_text = shared_when
                self._finish(node, sub, [(ln, raw) for ln, raw in lines if ln in item_lines])
            return task
        _fill_from_text(task, default_lead=self.default_lead if own_fields else "",
                        partners_from_text=partners_from_text)
        if lead and task.lead == lead and not task.partners:
            task.partners = partners
        self._finish(node, task, lines)
        return task

    def _finish(self, node: _Node, task: _Task, lines) -> None:
        """A deadline in bold or in the heading's period, where the task states none; then the
        task is added."""
        if not task.deadline_text:
            bold = [clean_cell(m.group(1)) for _, raw in lines
                    for m in _BOLD_DEADLINE.finditer(raw)]
            task.deadline_text = "; ".join(b.rstrip(".,") for b in bold if b)
        if not task.deadline_text and not own_deadline_text(task.text):
            task.deadline_text = _period_heading(node, task)
        self.state.add_task(task)

    def _siblings_sharing(self, node: _Node) -> list[_Node]:
        if not node.field_lines:
            return []
        parent = node.parent
        return [c for c in (parent.children if parent else []) if c.field_lines & node.field_lines]

    default_lead = ""
    letter_body = False  # the preamble ended at a letter's "… đề nghị như sau:": its paragraphs are requests


#: Where a sentence or clause after the first starts with an agency: "…. Sở Tư pháp chủ trì, …",
#: "… đủ điều kiện; Sở Khoa học và Công nghệ chủ trì, hoàn thành trong Quý IV/2025."
_SENTENCE_START = re.compile(rf"[.;]\s+(?={_AGENCY_HEAD}\b)")
#: An assignment after a sentence or a topic: ". Giao Sở X chủ trì", ": giao Sở X, Sở Y chủ trì".
_ASSIGNED = re.compile(rf"(?:^|[.;:]\s+)[Gg]iao\s+(?={_AGENCY_HEAD}\b)")
#: A task's topic before a colon: "Về công bố danh mục TTHC nội bộ: …", "Lĩnh vực đất đai: …".
_TOPIC = re.compile(r"^(?:Về|Đối với|Lĩnh vực|Nhóm)\b[^:;.()]{2,100}:\s+")
#: ... at the start or after a colon (a group's title before it).
_TOPIC_IN = re.compile(r"(?:^|(?<=:)\s+)(?:Về|Đối với|Lĩnh vực|Nhóm)\b[^:;.()]{2,100}:\s+")
#: A short title before a colon that opens a task: "3.2. Số hóa hồ sơ, kết quả giải quyết TTHC: …".
_TITLE_COLON = re.compile(r"^[^:;.()]{3,100}:\s+")


def _after_title(text: str, subject: re.Pattern) -> re.Match | None:
    """The agencies that open a task after its title and colon ("Số hóa hồ sơ: Trung tâm Phục vụ
    hành chính công tỉnh, UBND các xã, phường thực hiện …": both, where the subject found inside
    the text would be the last one only), as a match of ``subject`` on the text after the colon."""
    if (tm := _TITLE_COLON.match(text)) is None or _AGENCY_HEADING.match(text):
        return None
    return subject.match(text[tm.end():])


def _helpers_clause(text: str, lead: str = "") -> re.Match | None:
    """The first :data:`_HELPERS_CLAUSE` whose helpers are names only: not a sentence that does
    something else and mentions "phối hợp" ("Văn phòng UBND tỉnh xây dựng quy chế phối hợp …",
    "Sở Tài chính bố trí kinh phí, phối hợp kiểm tra")."""
    subject = _lead_patterns(LEAD_VERBS_FILE).subject
    for m in _HELPERS_CLAUSE.finditer(text):
        who = m.group("who").rstrip(" ,")
        if (not subject.match(who + " ") and not re.search(r"\b(?:quy|cơ)\s+chế$", who, re.IGNORECASE)
                and lead not in re.split(r"\s*[;,]\s*", clean_agencies(who))):
            # ("…. Sở Nội vụ phối hợp với Sở Tài chính …": the lead again, not its helpers)
            return m
    return None


#: Helpers named after the lead, in a clause or a sentence of their own: "…; Sở Tài chính phối
#: hợp.", "… Các sở, ban, ngành có trách nhiệm phối hợp cung cấp dữ liệu."
_HELPERS_CLAUSE = re.compile(rf"(?:;|\.(?=\s))\s*(?![^;.()]*?\bchủ trì\b)(?P<who>{_AGENCY_HEAD}\b[^;.()]*?)\s+"
                             r"(?:(?:có|chịu)\s+trách\s+nhiệm\s+|chủ\s+động\s+|tích\s+cực\s+)*phối hợp\b")


def _field_value_on(text: str, field: re.Match) -> str:
    """An inline field's value, on past a ";" while what follows names another agency and no
    field ("Cơ quan chủ trì: Các sở, ban, ngành tỉnh; UBND các huyện; thời gian hoàn thành: …")."""
    value, end = field.group("value"), field.end("value")
    subject = _lead_patterns(LEAD_VERBS_FILE).subject
    while text.startswith(";", end):
        after = re.match(rf";\s*((?:{_LIST_CHAR}|{_ROLE_IN_LIST})+)", text[end:])
        part = after.group(1) if after else ""
        # "; Sở Nội vụ, UBND các huyện phối hợp thực hiện" is a clause of its own, but not
        # "X (chủ trì); Sở Nội vụ (phối hợp)", roles marked in brackets
        marked = _ROLE_MARK.search(value) and _ROLE_MARK.search(part)
        if (after is None or ":" in part or not _AGENCY_HEADING.match(part) or subject.match(part + " ")
                or (not marked and re.search(r"\b(?:phối hợp|chủ trì|thực hiện)\b", part))):
            break
        value, end = f"{value}; {after.group(1)}", end + after.end()
    return value


#: A start as a label's value: "thời hạn: thực hiện từ ngày 01/7/2025" (as written; no due date).
_STARTS_ON = re.compile(r"\b(?:từ|bắt đầu(?: từ)?)\s+(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}", re.IGNORECASE)


def _inline_deadline(text: str) -> str:
    """The deadline a task's wording gives after a label ("… Thời hạn: Quý III/2025", "(thời gian:
    Quý III năm 2025)"), or ``""``. After "thời gian" or a lower-case "thời hạn" the value must
    read as a deadline (a date, period or periodic work), not a processing time ("thời gian
    thực hiện: 7 ngày làm việc")."""
    for m in _INLINE_DEADLINE.finditer(text):
        value = clean_cell(m.group("value"))
        if m.group(0).startswith("Thời hạn"):
            pass  # the label of old: its value as written
        elif (resolve_due(value := value.split(";")[0].strip(), year=2000) is None and not is_recurring(value)
              and not _STARTS_ON.search(value)):
            continue
        else:  # "thời hạn: hoàn thành trước 30/9/2025; báo cáo kết quả trước 15/10/2025": both steps
            for more in (p.strip() for p in clean_cell(m.group("value")).split(";")[1:]):
                if ":" in more or resolve_due(more, year=2000) is None:
                    break
                value = f"{value}; {more}"
        while value.endswith(")") and value.count(")") > value.count("("):  # "(…; Thời hạn: 6/2025)"
            value = value[:-1].rstrip()
        return value
    return ""


#: Periodic work stated at the end of a task: "… theo Bộ chỉ số hằng năm."
_ENDS_PERIODIC = re.compile(r"(?:định\s+kỳ|thường\s+xuyên|(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm))\s*[.;]?\s*$",
                            re.IGNORECASE)


def _states_timing(text: str) -> bool:
    """Whether a task's own wording says when instead of a shared deadline: a deadline label
    ("thời gian thực hiện: Thường xuyên") or periodic work at its end ("… hằng năm."). A dated
    phrase does not ("hoàn thành trước ngày 30/4/2025" beside "Trước ngày 30/4/2025 và phương án
    năm 2026 trước ngày 30/6/2026": the shared one says more; the dated phrase still gives the due
    date), nor a word in passing ("Chỉ số chuyển đổi số hằng năm của tỉnh", "vận hành liên tục")."""
    return bool(_inline_deadline(text) or _ENDS_PERIODIC.search(text))


def _fields_of(node: _Node, para) -> tuple[dict[str, list[str]], set[int]]:
    """The field block right after ``para``, one of ``node``'s unnumbered paragraphs, and its
    lines (none: empty)."""
    index = next((i for i, p in enumerate(node.paragraphs) if p is para), None)
    if index is None or index not in node.paragraph_fields:
        return {}, set()
    return node.paragraph_fields[index], node.paragraph_field_lines.get(index, set())


def _title_when(title: str) -> str:
    """By when or how often an item's title says the points under it are done."""
    return own_deadline_text(title) or _title_recurrence(title)


def _title_recurrence(title: str) -> str:
    """How often a title says its points are done, when it ends on it or opens with it ("1. Định
    kỳ hằng quý", "Các nhiệm vụ thực hiện thường xuyên"); ``""`` for a recurrence in passing
    ("Nâng cao chất lượng chế độ báo cáo định kỳ về …")."""
    title = remove_markup(title).strip().rstrip(":").strip()
    if _ENDS_PERIODIC.search(title) or re.match(r"(?i)(?:định\s+kỳ|thường\s+xuyên|hằng|hàng)\b", title):
        return recurrence_text(title)
    return ""


def _fields_or_shared(node: _Node, para, shared: dict[str, list[str]], lead: str, heading_lead: str = ""):
    """:func:`_fields_of` ``para``, or else the heading's ``shared`` block
    (:meth:`_Prose._block_after_bullets`) when the item names no lead of its own (or only the
    agency its heading names, ``heading_lead``); not the block's deadline for an item that says
    its own ("…; thực hiện thường xuyên.", also the last one, right above the block)."""
    fields = _fields_of(node, para)
    text = _join([t for _, t in para])
    if (not shared or (fields[0] and fields[0] is not shared) or (lead and lead != heading_lead)
            or _names_own_lead(text)):
        return fields
    if _states_timing(text):
        return {k: v for k, v in shared.items() if k != "deadline"}, fields[1]
    return shared, fields[1]


#: Fewest words of each sentence :func:`_assignment_pieces` cuts a paragraph into.
ASSIGNMENT_MIN_WORDS = 6
#: A sentence that only says who leads the work before it: "Sở Tư pháp chủ trì, hoàn thành trước …".
_ONLY_ASSIGNS = re.compile(r"^\s*(?:chủ trì|phối hợp)\b(?:,?\s*phối hợp(?:\s+với)?\s+[^.]*?)?"
                           r"(?:[,;]?\s*(?:tổ chức\s+|triển khai\s+)?(?:thực hiện|hoàn thành)\b[^.]*)?\.?\s*$")


#: Shortest first line of an item whose sentence goes on after a ";" in lowercase.
CONTINUED_TITLE_CHARS = 40
#: A line in capitals that goes on with the title in capitals above it: it opens with a word
#: that joins it to what comes before ("CỦA CÁC CẤP, CÁC NGÀNH", "VÀ TRÁCH NHIỆM …", "TRÊN ĐỊA BÀN TỈNH").
#: (not VỀ, ĐỐI VỚI, TRONG, TẠI, THEO: sub-headings open with them, "VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH")
_CONTINUES_CAPS = re.compile(r"^(?:CỦA|VÀ|TRÊN|CHO|GIAI ĐOẠN|ĐẾN|GẮN VỚI|NHẰM|ĐỂ)\b")
#: A line that announces words quoted on the next (a slogan in capitals): "… treo băng rôn với nội dung:".
_ANNOUNCES_WORDS = re.compile(r"\b(?:nội dung|khẩu hiệu|thông điệp|chủ đề|dòng chữ)(?:\s+(?:như\s+)?sau)?\s*:\s*$",
                             re.IGNORECASE)
#: Shortest sub-heading in capitals without a number (:func:`_caps_heading`).
CAPS_HEADING_MIN_CHARS = 8
#: A paragraph's last sentence that only says when: "Thời gian hoàn thành trước ngày 31/10/2025."
_SHARED_TIME = re.compile(r"(?<=\.)\s+(?:Thời gian|Thời hạn)(?: hoàn thành| thực hiện)?\s*:?\s*[^.]{1,60}\.?\s*$")
#: Where a paragraph's next assignment may start: a sentence, or a clause after ";", that opens
#: with a capital ("…; Văn phòng UBND tỉnh tổng hợp, báo cáo …").
_ASSIGNMENT_CUT = re.compile(rf"[.;]\s+(?=[{_UPPER}])")


#: What helpers do, right after their names: "(có trách nhiệm | theo chức năng, nhiệm vụ được giao) phối hợp …".
_HELPS = re.compile(r"^\s*(?:(?:có|chịu)\s+trách\s+nhiệm\s+"
                    r"|(?:theo|căn\s+cứ)\s+chức\s+năng,?\s+nhiệm\s+vụ(?:\s+được\s+giao)?,?\s+"
                    r"|chủ\s+động\s+|tích\s+cực\s+|chặt\s+chẽ\s+)*phối\s+hợp\b")


#: Who answers for the work, after an agency's name: "Thủ trưởng các sở chịu trách nhiệm trước
#: Chủ tịch UBND tỉnh về kết quả …" (accountability, not another assignment).
_ANSWERS_FOR = re.compile(r"\s*(?:chịu|có)\s+trách\s+nhiệm\s+trước\b")


#: What was done, after an agency's name: "… đã ban hành" (not "đã được giao", "đã và đang").
_DID = re.compile(r"\s*đã(?!\s+(?:được|và)\b)")
#: ... or the aspect word "vừa" at a name's end ("Sở Nội vụ vừa ban hành"; not "nhỏ và vừa").
_DONE_AGENCY = re.compile(r"(?<!\bvà)\s+vừa$")
#: ... but not "vừa là …, vừa là …" (both).
_BOTH = re.compile(r"\s*là\b")


def _did(agency: str, rest: str) -> bool:
    """The agency's sentence says what it did (``rest`` follows its name ``agency``)."""
    return bool(_DID.match(rest) or (_DONE_AGENCY.search(agency) and not _BOTH.match(rest)))


#: Words that ask for more after what was done: "… đã ban hành …; đề nghị tiếp tục …".
_ASKS_MORE = re.compile(r"\b(?:tiếp tục|đề nghị|yêu cầu|khẩn trương|cần|phải|giao|chỉ đạo|sẽ)\b", re.IGNORECASE)


def _reports_done(text: str) -> bool:
    """An item's whole text only says what an agency did ("Sở Tư pháp đã hoàn thành việc rà soát
    …", one sentence, asking nothing more)."""
    text = remove_markup(text).strip()
    sm = _lead_patterns(LEAD_VERBS_FILE).subject.match(text)
    if not sm or sm.group("for") or not _did(sm.group("agency"), text[sm.end("agency"):]):
        return False
    return not _ASKS_MORE.search(text) and not re.search(r"[.;:]\s+\S", text.rstrip(". "))


#: A word that joins a sentence to the one before, before its subject: "Đồng thời, Sở Nội vụ …".
_CONNECTIVE = re.compile(r"^(?:Đồng thời|Bên cạnh đó|Ngoài ra|Sau đó|Tiếp theo|Trên cơ sở đó),\s+")


def _assignee(sentence: str) -> str | None:
    """The agency a sentence gives work to ("Giao Sở Tài chính chủ trì xây dựng …", "Văn phòng
    UBND tỉnh tổng hợp, thẩm định …"), or ``None``: not for one that only says who leads the
    work before it ("Sở Tư pháp chủ trì, hoàn thành trước 30/9/2025.") or who helps ("Sở Tư
    pháp, Sở Nội vụ phối hợp theo chức năng …")."""
    sentence = _CONNECTIVE.sub("", sentence, count=1)  # "Đồng thời, Sở Nội vụ tổ chức …"
    sm = _lead_patterns(LEAD_VERBS_FILE).subject.match(sentence)
    rest = sentence[sm.end("agency"):] if sm else ""
    if (not sm or sm.group("for") or _ONLY_ASSIGNS.match(rest) or _did(sm.group("agency"), rest)
            or re.match(r"\s*(?:đang|là)\b", rest) or _HELPS.match(rest) or _ANSWERS_FOR.match(rest)):
        # (helpers: "Các sở, ban, ngành có trách nhiệm phối hợp …"; what was done or is under way:
        # "… đã ban hành", "… đang hoàn thiện"; who answers for it: "… chịu trách nhiệm trước …";
        # what a body is: "Sở Nội vụ là cơ quan thường trực …")
        return None
    return _agency_from_text(sm.group("agency"))


def _partners_go_on(before: str) -> bool:
    """``before`` ends in a list of partners ("… phối hợp với các sở, ban, ngành"), which a ";"
    after it goes on with, as the partners' pattern reads it."""
    m = re.search(r"\bphối hợp(?:\s+với)?\s+(?P<rest>[^.;:]*)$", before)
    return bool(m and _AGENCY_HEADING.match(m.group("rest").strip())
                and not _lead_patterns(LEAD_VERBS_FILE).subject.match(m.group("rest").strip() + " "))


def _work_after_closing(text: str) -> int | None:
    """Where the work starts in a closing paragraph whose later sentence gives work to an agency
    ("Chỉ thị này có hiệu lực kể từ ngày ký. Giao Sở Nội vụ theo dõi, đôn đốc … trước ngày
    15/12/2026./.", "Trên đây là Kế hoạch … . Văn phòng UBND tỉnh theo dõi, tổng hợp …"), or
    ``None``: not a closing paragraph, or nothing but closing words ("… . Chánh Văn phòng UBND
    tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.")."""
    if not (m := _CLOSING.match(text)) or m.group("request"):
        return None
    for cut in _TAIL_SENTENCE.finditer(text):
        rest = text[cut.end():]
        if _CLOSING.match(rest):
            return None
        if _assignee(rest) is not None:
            return cut.end()
    return None


def _assignment_pieces(para) -> list[tuple[str, list]] | None:
    """A paragraph that gives work to one agency, then in its next sentence to another ("Giao
    các sở, ban, ngành rà soát … trước ngày 15/9/2025. Văn phòng UBND tỉnh tổng hợp, thẩm định
    … trong Quý IV/2025."), as a letter writes its assignments: each sentence's text and the
    paragraph's lines it stands on; ``None`` for a paragraph of one assignment."""
    text = _join([t for _, t in para])
    cuts = [m for m in _ASSIGNMENT_CUT.finditer(text) if not re.search(r"\b(?:TP|Tp|tp|TX|Q|P)$", text[:m.start()])]
    if not cuts or (first := _assignee(text)) is None:
        return None
    starts, agencies = [0], [first]
    for m in cuts:
        rest, before = text[m.end():], text[starts[-1]:m.start()]
        if text[m.start()] == ";" and _partners_go_on(before):
            continue  # "… chủ động, phối hợp với các sở, ban, ngành; UBND huyện, thành phố thực hiện …"
        if (sm := _lead_patterns(LEAD_VERBS_FILE).subject.match(text[starts[-1]:])) and (
                starts[-1] + sm.end("agency") > m.start()):
            continue  # the agencies doing it run on past the cut: "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND …"
        who = _assignee(rest)
        # (the same body again, when each of its works says by when: "… trước ngày 15/10/2025. Đồng
        # thời, Sở Nội vụ tổ chức tập huấn …, hoàn thành trong tháng 11/2025.")
        again = who == agencies[-1] and bool(own_deadline_text(before)) and bool(own_deadline_text(rest))
        if (who is not None and (who != agencies[-1] or again) and len(before.split()) >= ASSIGNMENT_MIN_WORDS
                and len(rest.split(".")[0].split()) >= ASSIGNMENT_MIN_WORDS):
            starts.append(m.end())
            agencies.append(who)
    if len(starts) < 2:
        return None
    # a closing sentence that only says when ("Thời gian hoàn thành trước ngày 31/10/2025.") is each one's
    shared = ""
    if (tail := _SHARED_TIME.search(text[starts[-1]:])) is not None and own_deadline_text(tail.group(0)):
        shared = tail.group(0).strip()
        text = text[: starts[-1] + tail.start()].rstrip()
    # the lines each sentence stands on, by where its text starts and ends among the lines' texts
    offsets, pos = [], 0
    for ln, raw in para:
        piece = clean_cell(raw)
        offsets.append((ln, raw, pos, pos + len(piece)))
        pos += len(piece) + 1
    pieces = []
    for k, start in enumerate(starts):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
        lines = [(ln, raw) for ln, raw, a, b in offsets if a <= end and b >= start] or [para[-1]]
        piece = text[start:end].strip().rstrip(";").rstrip()
        pieces.append((f"{piece} {shared}" if shared else piece, lines))
    return pieces


def _field_goes_on(value: str) -> bool:
    """A field's value that "+" lines go on with: none yet, or a list that ends open."""
    value = remove_markup(value).strip()
    return not value or value.endswith((";", ",", ":")) or _is_value_part(value)


def _field_line(text: str) -> re.Match | None:
    """A field line, with its bullet (:data:`_FIELD`) or without (:data:`_PLAIN_FIELD`)."""
    return _FIELD.match(text) or _PLAIN_FIELD.match(text) or _SHORT_FIELD.match(text)


#: Where a value names the parts it is for: "Nội dung (i) trước ngày 30/4/2025; nội dung (ii) …".
_VALUE_PARTS = re.compile(r"(?:^|;\s*)nội dung\s+(?P<items>(?:\([ivx]+\)[\s,]*(?:và\s*)?)+):?\s*", re.IGNORECASE)


def _value_for(value: str, label: str) -> str:
    """The part of a field's value for the item labelled ``label`` (``(ii)``), when the value is
    split into parts by "Nội dung (i) …; nội dung (ii) …"; the whole value otherwise, and for an
    item no part names."""
    marks = list(_VALUE_PARTS.finditer(value))
    if not marks or marks[0].start() != 0:
        return value
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        if label in (f"({r})" for r in _ITEM_REF.findall(m.group("items"))):
            return value[m.end() : nxt.start() if nxt else len(value)].strip(" ;.")
    return value


#: A paragraph that goes on with the item above it: "Trên cơ sở phương án được phê duyệt, …".
_GOES_ON = re.compile(r"^(?:Trên cơ sở|Sau khi|Đồng thời|Theo đó|Trong đó|Căn cứ kết quả|Từ kết quả)\b")


#: A heading that gives its items' time: "1. Nhiệm vụ thực hiện trong Quý II/2025", "Nhiệm vụ
#: hoàn thành trong năm 2026", "5. Nhiệm vụ thực hiện thường xuyên".
_PERIOD_HEADING = re.compile(
    r"^(?:Các\s+)?nhiệm vụ\s+(?:cần\s+)?(?:thực hiện|hoàn thành|triển khai)\s+"
    r"(?P<when>(?:trong|trước|đến(?:\s+hết)?)\s+(?:quý\s+[IVX]+|tháng\s+\d{1,2}|năm)[^:;]{0,20}?\d{4}"
    r"|thường xuyên|hằng năm)"
    r"\s*:?\s*$", re.IGNORECASE)


def _period_heading(node: _Node, task: _Task) -> str:
    """The time a heading above the task gives all its items ("1. Nhiệm vụ thực hiện trong Quý
    II/2025"), for an item that states none of its own; else ``""``."""
    for anc in [node, *node.ancestors()]:
        title = _strip_number(anc.title_text)
        if title != task.text and (m := _PERIOD_HEADING.match(title)):
            return m.group("when")
    return ""


def _names_own_lead(title: str) -> bool:
    """An item's wording says who does it: its subject ("Văn phòng UBND tỉnh tổng hợp …"), a
    bracket ("(Sở X chủ trì; …)") or an inline field ("… Chủ trì: Sở X")."""
    text = _strip_number(title)
    return bool(_BRACKET_ASSIGNMENT.search(text) or _lead_patterns(LEAD_VERBS_FILE).subject.match(text)
                or any(not f.group("name").lower().endswith("phối hợp") for f in _INLINE_FIELD.finditer(text)))


def _assigns_itself(title: str) -> bool:
    """An item whose own text names who leads it ("Sở X chủ trì …", "(Sở X chủ trì; …)", "… Chủ
    trì: Sở X; …") and by when ("… hoàn thành trong Quý III/2025", "thời hạn: …"): it needs
    nothing from a block after it (one that states only its lead, or only its deadline, still
    takes the rest from the block)."""
    text = _strip_number(title)
    return _names_own_lead(text) and bool(own_deadline_text(text) or _inline_deadline(text))


def _is_value_part(text: str) -> bool:
    """A value line of a field that names the part it is for: "Nội dung (ii): Trong Quý III"."""
    return _SCOPE.match("+ " + _LEADING_BULLET.sub("", text)) is not None


def _field_parts(key: str, value: str) -> list[tuple[str, str]]:
    """``(key, value)`` of a field's value (``key``: the field's, see :func:`_field_key`) and of
    the fields it goes on to name after a semicolon or a full stop: ``X; phối hợp: Y; thời hạn:
    Z`` under ``lead`` -> lead X, partners Y, deadline Z."""
    parts, pos = [], 0
    for m in _MORE_FIELDS.finditer(value):
        parts.append((key, value[pos : m.start()]))
        key, pos = _field_key(m.group("name")), m.end()
    parts.append((key, value[pos:]))
    return [(k, v.strip().rstrip(";").strip()) for k, v in parts]


def _field_key(name: str) -> str:
    name = name.lower()
    if "phối hợp" in name:
        return "partners"
    if "chủ trì" in name:
        return "lead"
    if ("thực hiện" in name and ("cơ quan" in name or "đơn vị" in name)) or name in ("cơ quan", "đơn vị", "thực hiện"):
        return "implementers"
    if "sản phẩm" in name or name.startswith("kết quả"):  # also "Kết quả/sản phẩm", "Kết quả đầu ra"
        return "product"
    return "deadline"


#: Sections whose tables are objectives or duties, by how their title begins (a table under
#: "1. Các nhiệm vụ theo yêu cầu của Nghị quyết" is tasks).
_TABLE_SECTION_KIND = [(re.compile(r"^(?:MỤC TIÊU|MỤC ĐÍCH|YÊU CẦU)", re.IGNORECASE), "objective"),
                       (re.compile(r"^(?:TỔ CHỨC THỰC HIỆN|TRÁCH NHIỆM)", re.IGNORECASE), "duty")]


def _table_kind(node: _Node | None) -> str:
    """The kind of a table's rows: objectives under "II. MỤC TIÊU", duties under "IV. TỔ CHỨC
    THỰC HIỆN" (the section, or part, the table stands in), else tasks."""
    chain = [node, *node.ancestors()] if node is not None else []
    # the section: a part ("II. MỤC TIÊU"), or in a plan numbered without parts its top heading
    section = next((anc for anc in chain if anc.ntype in _PART_TYPES), chain[-1] if chain else None)
    if section is None:
        return "task"
    title = _strip_number(section.title_text)
    return next((kind for rx, kind in _TABLE_SECTION_KIND if rx.match(title)), "task")


def _kind_for(node: _Node, *, itself: bool = False) -> str:
    """The kind an ancestor's heading names (MỤC TIÊU: objective, …; also the node's own
    heading with ``itself``, for the paragraphs under it), else ``task``."""
    for anc in [node] + node.ancestors():
        if anc.is_appendix:
            break
        text = anc.title_text
        for rx, kind in _SECTION_KIND:
            if (itself or anc is not node) and rx.search(text):
                return kind
        if (itself or anc is not node) and text.isupper() and _DUTY_AND.search(text):
            return "duty"  # "IV. TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ THÔNG TIN, BÁO CÁO" (a title in capitals)
    return "task"


def _is_sentence(text: str) -> bool:
    """A heading that is a whole sentence (ends with a full stop or a semicolon), not a title."""
    return bool(re.search(r"[.;]\s*$", remove_markup(text))) and len(text) > 40


#: A paragraph whose action lists what it covers: "… các nội dung sau:", "… gồm:", "… như sau:".
_CONTENTS_STEM = re.compile(r"\b(?:(?:các |những )?(?:nội dung|thông tin)(?: chủ yếu| chính)?(?: như)? sau|gồm"
                            r"|bao gồm|như sau)\s*:$", re.IGNORECASE)
#: ... whose action makes contents known, teaches or checks them ("Niêm yết công khai … các nội dung
#: sau:", "Tổ chức tập huấn …, gồm:", "Kiểm tra việc … như sau:"); a stem of other work ("Tập trung
#: triển khai một số nội dung sau:") has points that are tasks, whatever their verbs.
_CONTENTS_VERB = re.compile(r"(?:niêm yết|công khai|công bố|đăng tải|cập nhật|cung cấp|thông tin|tuyên truyền|phổ biến"
                            r"|(?:tổ chức\s+)?(?:tập huấn|bồi dưỡng|đào tạo)|kiểm tra|rà soát)\b", re.IGNORECASE)
#: ... but not one whose points are work or targets: "… các nhiệm vụ như sau:", "… đạt các chỉ tiêu như sau:".
_WORK_STEM = re.compile(r"\b(?:nhiệm vụ|công việc|giải pháp|chỉ tiêu|mục tiêu|phân công|giao)\b",
                        re.IGNORECASE)
#: A listed point ends its line with ";" or ",", or (the last) with a full stop.
_LIST_POINT_END = re.compile(r"[;,]$")
#: Longest point that :meth:`_Prose._lists_contents` reads as a thing listed.
CONTENTS_POINT_CHARS = 160


def _starts_with_action(text: str) -> bool:
    """``text`` starts with a verb of the lead-verb list or another action word ("Rà soát …",
    "Tổ chức …", "Xây dựng …")."""
    head = " ".join(remove_markup(text).split()[:2]).lower()
    verbs = _lead_verbs(LEAD_VERBS_FILE)
    return (any(head == v or head.startswith(v + " ") for v in verbs)
            or bool(_ACTION_WORDS.match(head)) or bool(_TASK_VERB.match(head)))


#: More words that open a thing to do in a listed point.
_TASK_VERB = re.compile(r"(?:niêm yết|công khai|thực hiện|tổ chức|bảo đảm|đảm bảo|nâng|giảm|tăng|hoàn thành|ban hành"
                        r"|sửa đổi|bổ sung|bãi bỏ|thay thế|tiếp nhận|giải quyết|trả|thu|chi|lập|cấp|phát|sắp xếp)\b")


def _is_item(para) -> bool:
    """Whether an unnumbered paragraph under a heading states something to do or reach: not
    when it introduces the items after it (``… các nhiệm vụ sau:``), continues the heading in
    capitals, or points to an appendix (``Nội dung cụ thể theo các Phụ lục đính kèm.``)."""
    text = clean_cell(_join([t for _, t in para]))
    pointer = len(text) < POINTER_CHARS and _POINTER.search(text) and (len(text) < 120 or not own_deadline_text(text))
    return not (text.endswith(":") or text.isupper() or pointer)


def _introduces_only(para) -> bool:
    """A short paragraph that only announces what follows ("Các nhiệm vụ về chia sẻ dữ liệu:"),
    naming no one who does it ("Sở Tư pháp hướng dẫn … theo các nội dung sau:" is a task)."""
    text = remove_markup(clean_cell(_join([t for _, t in para])))
    return (text.endswith(":") and len(text) <= 100 and not _lead_patterns(LEAD_VERBS_FILE).subject.match(text)
            and not _INLINE_FIELD.search(text))


def _bullet_agency(para) -> str:
    """The agency of a one-line bullet that heads the points after it ("- Văn phòng UBND tỉnh:",
    "- **Sở Khoa học và Công nghệ**:", "- UBND các xã, phường có trách nhiệm:", "- Sở Tư pháp chủ
    trì, phối hợp với … thực hiện các nội dung sau:"), or ``""``."""
    if len(para) != 1:
        return ""
    text = remove_markup(_LEADING_BULLET.sub("", clean_cell(para[0][1]))).strip()
    name = _RESPONSIBLE.sub("", text[:-1]).strip() if text.endswith(":") else ""  # "… có trách nhiệm:"
    if not name or len(name) > 160 or not _AGENCY_HEADING.match(name):
        return ""
    # "- Sở Tư pháp chủ trì, phối hợp với các cơ quan thực hiện các nội dung sau:": its subject
    sm = _lead_patterns(LEAD_VERBS_FILE).subject.match(name + " ")
    return clean_agencies(sm.group("agency") if sm else name)


def _group_titles(paragraphs) -> list[str | None]:
    """Per unnumbered paragraph: None for a bullet that groups the "+" points after it ("- Năm
    2025:" / "+ cắt giảm ít nhất 30% …", "- Nhóm TTHC về đất đai:" / "+ Rà soát …"), the
    group's title for each of its points (their text goes on from it), else ``""``."""
    out: list[str | None] = []
    title = ""
    for k, para in enumerate(paragraphs):
        text = clean_cell(para[0][1]) if para else ""
        nxt = clean_cell(paragraphs[k + 1][0][1]) if k + 1 < len(paragraphs) and paragraphs[k + 1] else ""
        if (len(para) == 1 and (text[:1] == "-" or _YEAR_GROUP.match(text)) and text.endswith(":") and nxt[:1] == "+"
                and not _bullet_agency(para) and len(text) <= GROUP_TITLE_CHARS):
            title = remove_markup(_LEADING_BULLET.sub("", text)).strip()
            out.append(None)
            continue
        if text[:1] != "+":
            title = ""
        out.append(title)
    return out


#: A year alone on its line over the points it groups: "Năm 2025:" / "+ Rà soát …".
_YEAR_GROUP = re.compile(r"^(?:Năm|Giai đoạn)\s+20\d{2}(?:\s*[-–]\s*(?:năm\s+)?20\d{2})?\s*:$", re.IGNORECASE)
#: Longest bullet that groups the points after it (:func:`_group_titles`).
GROUP_TITLE_CHARS = 120


#: A lead that names a group of agencies, which a point naming one of them narrows: "Các sở, ngành …".
_COLLECTIVE = re.compile(r"^(?:[Cc]ác|[Nn]hững)\s+(?:sở|Sở|cơ quan|đơn vị|địa phương)\b")


def _own_subject(para) -> str:
    """The agency a point's own wording starts with ("- **Sở Nội vụ** rà soát …" -> "Sở Nội vụ"), or ""."""
    text = remove_markup(_LEADING_BULLET.sub("", clean_cell(_join([t for _, t in para]))))
    sm = _lead_patterns(LEAD_VERBS_FILE).subject.match(text)
    if not sm or sm.group("for"):
        return ""
    agency = _agency_from_text(sm.group("agency"))
    return agency if _names_a_body(agency) else ""  # (not "Người đứng đầu", "Cơ quan, đơn vị …")


def _names_a_body(agency: str) -> bool:
    """``agency`` is a body the alias table knows, not a collective ("Người đứng đầu", "Cơ quan,
    đơn vị")."""
    from .agencies import resolve_agency  # agencies reads text tables; parse is read first

    found = resolve_agency(agency)
    return found.known and found.type != "collective"


def _point_lead(para, lead: str, group: str, heading_lead: str = "") -> str:
    """A point's lead: the named body its own wording starts with (:func:`_own_subject`) when it
    stands under a group title and has no lead ("- Đối với TTHC nội bộ …:" / "+ Sở Nội vụ rà
    soát …"), or under a heading that leads it collectively ("c) Các sở, ngành được giao …:" /
    "- Sở Y tế kết nối …"); else ``lead``."""
    if (group and not lead) or (lead and lead == heading_lead and _COLLECTIVE.match(lead)):
        return _own_subject(para) or lead
    return lead


def _in_group(group: str, para) -> str:
    """A point's text, going on from its group's title when it has one (:func:`_group_titles`)."""
    text = _join([t for _, t in para])
    return f"{group} {_LEADING_BULLET.sub('', text)}" if group else text


def _bullet_leads(paragraphs) -> list[str | None]:
    """Per unnumbered paragraph: None for an agency bullet (:func:`_bullet_agency`), else the
    agency of the bullet heading it ("" for none). A bullet's points are those after it until
    the next agency bullet, a point that names its own lead, or (when its points are "+" under
    a "-") the next point at the bullet's own level."""
    leads: list[str | None] = []
    current, head_mark, point_mark = "", "", ""
    subject = _lead_patterns(LEAD_VERBS_FILE).subject
    for para in paragraphs:
        mark = clean_cell(para[0][1])[:1] if para else ""
        if name := _bullet_agency(para):
            current, head_mark, point_mark = name, mark, ""
            leads.append(None)
            continue
        if current:
            point_mark = point_mark or mark
            text = remove_markup(_LEADING_BULLET.sub("", _join([t for _, t in para])))
            if (mark == head_mark and point_mark != head_mark) or subject.match(text):
                current = ""
        leads.append(current)
    return leads


def _lists_procedures(node: _Node) -> bool:
    """``node`` stands in an appendix that lists procedures ("PHỤ LỤC" / "DANH MỤC TTHC …")."""
    appendix = next((a for a in node.ancestors() if a.is_appendix), None)
    if appendix is None:
        return False
    return any(re.search(r"DANH MỤC", raw, re.IGNORECASE)
               for _, raw in appendix.title + [line for p in appendix.paragraphs for line in p])


def _part_and_section(node: _Node) -> tuple[str, str]:
    ancestors = node.ancestors()
    section = ancestors[0].title_text if ancestors else ""
    part = ancestors[-1].title_text if ancestors else ""
    return _strip_number(part), _strip_number(section)


def _strip_number(text: str) -> str:
    num = _numbering(text)
    return (num[2] if num else text).strip().rstrip(":").strip()


def _agency_heading(node: _Node, kind: str = "duty") -> str:
    """The agency named by a duty heading (``2. Sở Tư pháp``, also in capitals: ``2. SỞ TƯ
    PHÁP``, kept as written; the agency columns give its canonical name), or ``""``.

    Under tasks (``kind`` "task") a heading may name a topic that begins like an agency
    ("2. Văn phòng điện tử", "1. Trung tâm Giám sát, điều hành đô thị thông minh"): there it
    names an agency only when it ends with a colon ("1. Sở Tài chính:") or :func:`_is_agency`
    says so. Objectives have none."""
    if kind not in ("task", "duty"):
        return ""
    agency = _agency_in_heading(node)
    if agency and (m := _lead_patterns(LEAD_VERBS_FILE).subject.match(agency)) and m.end("agency") < len(agency):
        if not node.paragraphs and not node.children:
            # "3. Sở Tài chính hướng dẫn thanh toán trực tuyến", without a full stop, or "1. Sở Tư
            # pháp chủ trì, phối hợp với … rà soát …:" with nothing under it: a sentence, a task
            return ""
        # "1. Sở Tư pháp chủ trì, phối hợp với các sở, ngành thực hiện các nhiệm vụ sau:": its subject
        return _heading_agencies(agency)[0] or agency
    if not agency or kind == "duty":
        return agency
    title = remove_markup(node.title_text).rstrip()
    if title.endswith(":") or re.search(r"có trách nhiệm", title, re.IGNORECASE):
        return agency
    return agency if _is_agency(agency) else ""


def _heading_partners(node: _Node) -> str:
    """The partners an agency heading (:func:`_agency_heading`) names for the items under it ("1.
    Sở Tư pháp chủ trì, phối hợp với các sở, ngành thực hiện các nhiệm vụ sau:"), or ``""``."""
    return _heading_agencies(_agency_in_heading(node))[1]


def _heading_agencies(text: str) -> tuple[str, str]:
    """(lead, partners) a heading's words say, as a task's own wording says them (a bracket that
    says by when is not a partner's: "… phối hợp với Sở Xây dựng (hoàn thành trước ngày 31/8/2025)")."""
    text = re.sub(r"\s*\((?P<inside>[^()]*)\)\s*$",
                  lambda m: "" if own_deadline_text(m.group("inside")) or is_recurring(m.group("inside"))
                  else m.group(0),
                  text)
    said = _Task(path="", kind="task", part="", section="", text=text, lines=set())
    _fill_from_text(said)
    return said.lead, said.partners


#: Heads that name an agency and never a topic ("Sở …", "Ban …", "Công an …", "UBND …").
_AGENCY_ONLY_HEAD = re.compile(r"^(?:[Cc]ác\s+)?(?:Sở|sở|Ban|Công an|Báo|Đài|UBND|Ủy ban|Uỷ ban)\b")


def _is_agency(name: str) -> bool:
    """A heading's name under tasks is an agency: it begins with a head that never names a topic,
    or one of its parts (split at ",", ";", " và ") is a known agency or a people's committee."""
    from .agencies import resolve_agency  # agencies reads text tables; parse is read first

    if _AGENCY_ONLY_HEAD.match(name) or _AGENCY_ONLY_HEAD.match(_sentence_case(name)):
        return True  # (also in capitals: "SỞ TÀI CHÍNH")
    for part in re.split(r"\s*[;,]\s*|\s+và\s+", name):
        found = resolve_agency(part.strip()) if part.strip() else None
        if found is not None and (found.known or found.type.startswith("committee")):
            return True
    return False


#: An issuer in a "do …" phrase: "HĐND", "UBND tỉnh", "Thủ tướng Chính phủ", "các bộ".
_ISSUER = re.compile(rf"^(?:{_AGENCY_HEAD}\b|HĐND|Hội đồng nhân dân|Quốc hội|Chính phủ|Thủ tướng|(?:các\s+)?[Bb]ộ\b)")


def _issuers_before(before: str) -> bool:
    """``before`` ends in "do X," or "bởi X, Y,", a list of issuers only, so the agency after it
    goes on with that list ("do HĐND, UBND tỉnh ban hành"), not a subject of its own ("do UBND
    tỉnh ban hành, Sở Tư pháp chủ trì …")."""
    m = re.search(r"\b(?:do|bởi)\s+([^.;:()]*)$", before)
    parts = [p.strip() for p in m.group(1).split(",")] if m else []
    return bool(parts) and all(p and len(p.split()) <= 8 and _ISSUER.match(p)
                               and not re.search(r"\b(?:ban hành|quản lý|giải quyết|thực hiện|chủ trì)\b", p)
                               for p in parts)


def _sentence_case(name: str) -> str:
    """A name in capitals as it is written in a sentence ("SỞ TƯ PHÁP" -> "Sở tư pháp"), for the
    agency patterns; any other name as it is."""
    return name[:1] + name[1:].lower() if name.isupper() else name


#: Letters of a word (for a heading in capitals: at least two words).
_WORDS = re.compile(r"[^\W\d_]+")


def _caps_heading(text: str) -> bool:
    """A line in capitals that no number opens, inside a plan's body ("CÁC NHIỆM VỤ KHÁC",
    "📌 TỔ CHỨC THỰC HIỆN CÁC NHIỆM VỤ"): a sub-heading (not a table's row, not a task's text)."""
    name = plain_markers(remove_markup(text)).strip()
    words = _WORDS.findall(name)
    # (not a point, "- TỔ CHỨC TẬP HUẤN …", nor a sentence, "CÁC CƠ QUAN GỬI BÁO CÁO … TRƯỚC NGÀY 15/9/2025.";
    # a time is a heading's too: "NHIỆM VỤ THỰC HIỆN TRONG QUÝ III/2025")
    return (len(words) >= 2 and len(name) >= CAPS_HEADING_MIN_CHARS and "\t" not in text
            and name.split("(")[0].isupper() and not _numbering(name)
            and not _LEADING_BULLET.match(remove_markup(text).strip()) and not name.endswith((".", ";", ",")))


def _caps_agency(text: str) -> str:
    """An agency named alone in capitals, as a heading over the items it leads ("SỞ TƯ PHÁP",
    "CÁC SỞ, BAN, NGÀNH; UBND CÁC HUYỆN, THÀNH PHỐ"), or ``""``."""
    name = remove_markup(text).strip().rstrip(":").strip()
    if not name or len(name) > 120 or not name.isupper() or name[-1:] in ".;," or _numbering(name):
        return ""
    return name if _AGENCY_HEADING.match(name) or _AGENCY_HEADING.match(_sentence_case(name)) else ""


def _agency_in_heading(node: _Node) -> str:
    # "6. Đề nghị Báo Quảng Ninh:", "7. Giao Sở Nội vụ:": the agency after the word that addresses it
    # (and "1. Đối với Sở Tài chính:", a heading; in a sentence "Đối với …" says for whom, not who)
    whole = node.title_text
    text = re.sub(rf"^{_SUBJECT_PREFIX}" + (r"|^Đối với\s+" if remove_markup(whole).rstrip().endswith(":") else ""),
                  "", _strip_number(whole))
    names_agency = bool(_AGENCY_HEADING.match(text) or _AGENCY_HEADING.match(_sentence_case(text)))
    if names_agency and len(text) < 120 and _ends_open(text + " "):
        return _RESPONSIBLE.sub("", text).strip()
    if names_agency and re.search(r"có trách nhiệm\s*:?\s*$", text, re.IGNORECASE):
        return _RESPONSIBLE.sub("", text).strip()
    return ""


#: An item numbered inline, "(1) ", after the start of a paragraph, a colon, a semicolon or a
#: full stop.
_INLINE_MARK = re.compile(r"\((?P<n>\d{1,2})\)\s+(?=\S)")
#: Fewest inline items that make a paragraph a list ("… nhằm: (1) …" alone is a citation's mark).
INLINE_MIN_ITEMS = 2


def _inline_marks(text: str) -> list[re.Match]:
    marks: list[re.Match] = []
    for m in _INLINE_MARK.finditer(text):
        i = m.start() - 1
        while i >= 0 and text[i] in " \t*":  # (spaces and bold marks before it)
            i -= 1
        if int(m.group("n")) == len(marks) + 1 and (i < 0 or text[i] in ":;."):
            marks.append(m)
    return marks


def inline_items(text: str) -> tuple[str, list[str], str] | None:
    """The stem, the items and the tail of a paragraph that numbers its items inline, ``(1) …;
    (2) …`` (from 1, in order, at least :data:`INLINE_MIN_ITEMS`, of :data:`INLINE_MIN_WORDS`
    words on average: "các lĩnh vực: (1) đất đai; (2) xây dựng" names the objects of one task),
    or None. The tail is a sentence after the last item that is said of them all.

    >>> inline_items("Sở Nội vụ chủ trì: (1) rà soát TTHC nội bộ; (2) đào tạo công chức cấp xã.")
    ('Sở Nội vụ chủ trì:', ['rà soát TTHC nội bộ', 'đào tạo công chức cấp xã.'], '')
    """
    marks = _inline_marks(text)
    if len(marks) < INLINE_MIN_ITEMS:
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.end():end].strip().rstrip(";").rstrip() for m, end in zip(marks, ends, strict=True)]
    tail = ""
    if (cut := _TAIL_SENTENCE.search(items[-1])) is not None:
        items[-1], tail = items[-1][: cut.start() + 1], items[-1][cut.end():]
    if not all(items) or sum(len(i.split()) for i in items) < INLINE_MIN_WORDS * len(items):
        return None
    return text[:marks[0].start()].strip(), items, tail


#: A sentence after the last inline item: ". Sở Tư pháp chủ trì, hoàn thành trước …".
_TAIL_SENTENCE = re.compile(rf"\.\s+(?=[{_UPPER}])")
#: Fewest words an inline item has on average to be a task ("(1) đất đai; (2) xây dựng" are not).
INLINE_MIN_WORDS = 3


def _sentence_before(stem: str) -> tuple[str, str]:
    """A stem's sentence before the one that introduces the items, and that one ("Cắt giảm 30%
    thời gian giải quyết. Sở Nội vụ chủ trì:" -> the two); ("", stem) when there is one."""
    cuts = list(_TAIL_SENTENCE.finditer(stem))
    if not cuts:
        return "", stem
    pre, intro = stem[: cuts[-1].start() + 1].strip(), stem[cuts[-1].end():].strip()
    return (pre, intro) if len(pre.split()) >= INLINE_MIN_WORDS else ("", stem)


#: What a stem says after the agency that leads its inline items ("… có trách nhiệm:").
_STEM_TAIL = re.compile(r"\s+(?:có trách nhiệm|chịu trách nhiệm|chủ trì(?:\s+thực hiện)?|thực hiện)\s*$",
                        re.IGNORECASE)


def _stem_agencies(stem: str) -> tuple[str, str]:
    """The lead and partners a stem names for its inline items: "Văn phòng UBND tỉnh:", "Sở X chủ
    trì, phối hợp với Y, Z:", "Về rà soát …: các sở, ban, ngành tỉnh chủ trì thực hiện:"."""
    clause = remove_markup(stem).rstrip(" :").rsplit(":", 1)[-1].strip()
    lead, partners = clause, ""
    if m := _LEAD_WITH_PARTNERS.match(clause):
        lead, partners = m.group("lead"), _STEM_TAIL.sub("", " " + m.group("partners")).strip()
    lead = _STEM_TAIL.sub("", lead).strip()
    if (len(lead) > 200 or not _AGENCY_HEADING.match(lead) or _ACTION_WORDS.search(lead)
            or _ACTION_WORDS.search(partners)):
        return "", ""
    return clean_agencies(lead), clean_agencies(partners)


def _inline_spans(lines: list[tuple[int | None, str]], count: int) -> list[set[int]]:
    """The lines each of ``count`` inline items stands on: from the line of its mark to the line
    of the next (the stem's lines go with the first item)."""
    numbered = [(ln, raw) for ln, raw in lines if ln is not None]
    starts, at = [], 0
    for k in range(1, count + 1):
        while at < len(numbered) - 1 and f"({k})" not in numbered[at][1]:
            at += 1
        starts.append(at)
    spans = []
    for k, first in enumerate(starts):
        last = starts[k + 1] if k + 1 < count else len(numbered) - 1
        if k + 1 < count and numbered[last][1].lstrip().startswith(f"({k + 2})"):
            last -= 1  # the next item starts its own line
        spans.append({ln for ln, _ in numbered[(0 if k == 0 else first):max(first, last) + 1]})
    return spans


def _fill_from_text(task: _Task, *, default_lead: str = "", partners_from_text: bool = True) -> None:
    """Lead, partners and deadline stated inside a task's own wording."""
    text = task.text
    m = _inline_deadline(text)
    if m and not task.deadline_text:
        task.deadline_text = m
    inline_lead = False
    for f in _INLINE_FIELD.finditer(text):  # "… Cơ quan chủ trì: Văn phòng UBND tỉnh. Thời hạn: …"
        value = clean_agencies(_field_value_on(text, f))
        if f.group("name").lower().endswith("phối hợp"):
            task.partners = task.partners or value
        elif not inline_lead:
            if task.lead and task.lead != value:
                # the item's own statement wins over a field block shared with the items around
                # it, and that block's partners go with its lead
                task.partners = ""
            task.lead, inline_lead = value, True
    if inline_lead and not task.partners and (pm := _helpers_clause(text)):
        task.partners = clean_agencies(pm.group("who"))  # "(cơ quan chủ trì: X; Sở Nội vụ phối hợp; …)"
    if (b := _BRACKET_ASSIGNMENT.search(text)) and task.kind != "objective":
        # "(do Sở Nội vụ chủ trì)" assigns; "(theo Kế hoạch số 12 do Sở Nội vụ chủ trì)" describes
        # the plan it cites, and assigns nothing
        lead = re.sub(r"^(?:do|giao)\s+", "", b.group("lead").strip())
        if _AGENCY_HEADING.match(lead):
            # the item's own statement wins over a field block shared with the items around it
            task.lead = clean_agencies(lead)
            # "(Sở X chủ trì, phối hợp Văn phòng UBND tỉnh thực hiện)": the partners end before "thực hiện"
            task.partners = clean_agencies(re.sub(r"\s+thực hiện$", "", (b.group("partners") or b.group("helpers")
                                                                       or "").strip()))
            if b.group("when") and not task.deadline_text:
                task.deadline_text = b.group("when").strip()
            rest = clean_cell(b.group("rest") or "").rstrip(".")
            parts = [p.strip() for p in rest.split(";")] if rest else []
            for part in parts:
                # "(Sở Tài chính chủ trì; các sở, ngành phối hợp; thời hạn: …)"
                if not task.partners and (pm := re.match(r"^(?P<who>.+?)\s+phối hợp$", part)):
                    task.partners = clean_agencies(pm.group("who"))
                    continue
                # "(Sở Tư pháp chủ trì; UBND các xã, phường thực hiện; thời hạn: năm 2025)"
                if (not task.implementers and (im := re.match(r"^(?P<who>.+?)\s+thực hiện$", part))
                        and _AGENCY_HEADING.match(im.group("who"))):
                    task.implementers = clean_agencies(im.group("who"))
                    continue
                when = re.sub(r"^thời (?:hạn|gian)(?: hoàn thành| thực hiện)?\s*:\s*", "", part, flags=re.IGNORECASE)
                if when and (when != part or own_deadline_text(when) or is_recurring(when)
                             or (_reads_as_deadline(when) and not _STARTS_ON.search(when))):
                    task.deadline_text = when  # "thời hạn: Quý III/2025", "trước ngày …", "thường xuyên"
    if not task.lead and task.kind != "objective" and (dm := _DASH_AGENCIES.search(text)):
        # "… dự án — Sở Nông nghiệp và Môi trường (chủ trì), Sở Tài chính; hạn tháng 9/2025."
        lead, partners, when = [], [], []
        for part in (p.strip() for p in dm.group("tail").rstrip(" .").split(";")):
            if (cm := re.match(r"^(?P<lead>.+?)\s*\(chủ trì\)\s*,?\s*(?P<rest>.*)$", part)) is not None:
                lead.append(cm.group("lead"))
                partners += [cm.group("rest")] if cm.group("rest") else []
            elif _AGENCY_HEADING.match(part) and not _reads_as_deadline(part):
                (partners if lead and "(chủ trì)" in dm.group("tail") else lead).append(part)
            elif _reads_as_deadline(part):
                when.append(part)
        if lead:
            task.lead = clean_agencies("; ".join(lead))
            task.partners = task.partners or clean_agencies("; ".join(partners))
            if when and not task.deadline_text:
                task.deadline_text = "; ".join(when)
    if not task.deadline_text and task.kind != "objective" and (tb := _TIME_BRACKET.search(text)):
        # "Công khai thủ tục hành chính nội bộ (tháng 6/2025); Văn phòng UBND tỉnh chủ trì."
        task.deadline_text = tb.group("when")
    if (task.kind != "objective" and not (task.lead and task.partners) and (ba := _BRACKET_AGENCIES.search(text))
            and (not (after := ba.group("after")) or own_deadline_text(after) or _reads_as_deadline(after))):
        # "… thuộc phạm vi quản lý của tỉnh (Sở Tài chính; trước 31/8/2025).", "… [Các sở: Công
        # Thương, Y tế chủ trì]; hoàn thành …"; "… (Công an tỉnh, BHXH tỉnh phối hợp)": the helpers,
        # also of a point whose agency heading leads it
        parts = [p.strip() for p in ba.group("inside").split(";")]
        who = [p for p in parts if _AGENCY_HEADING.match(p) and not _reads_as_deadline(p)]
        when = [p for p in parts if p not in who and _reads_as_deadline(p)]
        roles = [(rm.group("role") if (rm := _BRACKET_ROLE.search(p)) else "", _BRACKET_ROLE.sub("", p)) for p in who]
        leads = [p for role, p in roles if role != "phối hợp"]
        if who and len(who) + len(when) == len(parts) and not (task.lead and leads):
            task.lead = task.lead or clean_agencies("; ".join(leads))
            if not task.partners:
                task.partners = clean_agencies("; ".join(p for role, p in roles if role == "phối hợp"))
            if when and not task.deadline_text:
                task.deadline_text = "; ".join(when)
    if not task.lead and task.kind != "objective":
        # "… thuộc phạm vi quản lý. Giao Văn phòng UBND tỉnh chủ trì, phối hợp với …", "Lĩnh vực
        # xây dựng: giao Sở Xây dựng chủ trì thực hiện": the agency up to its verb
        subject = _lead_patterns(LEAD_VERBS_FILE).subject
        for gm in _ASSIGNED.finditer(text):
            if sm := subject.match(text[gm.end():]):
                task.lead = _agency_from_text(sm.group("agency"))
                break
        else:  # "… (3) đầu tư. Sở Tư pháp chủ trì, hoàn thành trước 30/9/2025.": a sentence that assigns
            # (a sentence's start before a clause's: "…; Sở Tư pháp chủ trì việc …. Văn phòng UBND tỉnh chủ trì, …")
            for gm in sorted(_SENTENCE_START.finditer(text), key=lambda g: text[g.start()] == ";"):
                rest = text[gm.end():]
                if text[gm.start()] == ";" and _AGENCY_HEADING.match(re.split(r"[.:;]", text[:gm.start()])[-1].strip()):
                    continue  # "…: các sở, ban, ngành tỉnh; UBND các huyện chủ trì": one list of leads
                if (sm := subject.match(rest)) is None:
                    continue
                after = rest[sm.end("agency"):].lstrip()
                if (after.startswith("chủ trì") or re.match(r"thực hiện việc\b", after)
                        or (after.startswith("thực hiện") and len(after.split()) <= 6
                            and not re.search(r"[.;]\s*\S", after))):
                    # (or a last clause that only says who does it: "…; UBND các xã, phường thực hiện
                    # thường xuyên.", or does the work it names, however long: "…; Sở Nội vụ thực hiện
                    # việc tổng hợp, đánh giá kết quả … và báo cáo UBND tỉnh.")
                    task.lead = _agency_from_text(sm.group("agency"))
                    break
    if not task.lead and task.kind != "objective":
        patterns = _lead_patterns(LEAD_VERBS_FILE)
        sm = patterns.subject.match(text) or _after_title(text, patterns.subject) \
            or patterns.mid_subject.search(text[:160])
        if sm and sm.re is patterns.mid_subject and _issuers_before(text[:sm.start()]):
            # "… dự thảo văn bản do HĐND, UBND tỉnh ban hành": who issued it, not who does the task
            sm = None
        done = sm is not None and sm.re is patterns.subject and _did(sm.group("agency"), sm.string[sm.end("agency"):])
        if done and (then := next((who for g in _SENTENCE_START.finditer(text) if text[g.start()] == "."
                                   and (who := _assignee(text[g.end():]))), None)):
            # "Sở Nội vụ đã ban hành Kế hoạch …. Văn phòng UBND tỉnh hướng dẫn …": what was done,
            # then the work; the work's subject leads
            task.lead = then
        elif sm:
            task.lead = _agency_from_text(sm.group("agency"))
        elif topic_sm := next((m for tm in _TOPIC_IN.finditer(text)
                               if (m := patterns.subject.match(text[tm.end():]))), None):
            # "Về công bố danh mục TTHC nội bộ: Văn phòng UBND tỉnh …": the agency after the topic,
            # also a point's under its group's title ("Rà soát … công bố: Đối với TTHC cấp tỉnh:
            # các sở, ban, ngành chủ trì, …")
            task.lead = _agency_from_text(topic_sm.group("agency"))
        elif default_lead:
            task.lead = default_lead
    if not task.partners and partners_from_text and task.kind != "objective":
        pm = _lead_patterns(LEAD_VERBS_FILE).partners.search(text)
        hm = _helpers_clause(text, task.lead) if task.lead else None
        if hm and (pm is None or pm.start() >= hm.start("who")):
            # "Giao Sở Nội vụ chủ trì …; Sở Tài chính phối hợp.", "…. Sở Tư pháp, Văn phòng UBND
            # tỉnh có trách nhiệm phối hợp với Sở Tài chính …": the helpers, not whom they help
            task.partners = clean_agencies(hm.group("who"))
        elif pm:
            task.partners = _agency_from_text(pm.group("agency"))


# --- tab-separated tables ----------------------------------------------------------------
def _parse_tsv(state: _State, seq, indices: list[int], context: list[str], section: str,
               part: str, kind: str) -> None:
    colmap: dict[str, int] = {}
    rows: list[dict] = []
    after_header = False
    header_main: list[str] = []
    unnumbered = False  # a table without a number column: each row its own item
    table_lead = ""  # an agency named across the table, above its header: it leads the rows
    titled = False  # ... named on the row just read
    for i in indices:
        ln, raw = seq[i]
        if not raw.strip():
            state.role(ln, "blank")
            continue
        if "\t" not in raw:
            if rows and rows[-1]["num"] and not _PAGE_NUMBER.match(raw.strip()):
                # a row's cell wrapped onto a line of its own: the last cell's, when the row
                # stops short of the header's columns, else the text cell's
                prev, text = rows[-1], clean_cell(raw)
                at = (len(prev["cells"]) - 1 if len(prev["cells"]) < len(header_main)
                      else min(colmap.get("text", 1), len(prev["cells"]) - 1))
                prev["cells"] = [f"{c} {text}".strip() if k == at else c for k, c in enumerate(prev["cells"])]
                prev["lines"].append(ln)
            else:
                state.role(ln, "boilerplate")  # a page number between two pages of the table
            continue
        cells = [clean_cell(c) for c in raw.split("\t")]
        if _HEADER_CELL.match(cells[0] or ""):
            unnumbered = False  # a numbered table after it (the same region in a .docx)
        elif (_HEADER_TEXT_CELL.match(cells[0] or "") and sum(bool(c) for c in cells) >= 2
              and all(len(c) <= HEADER_CELL_CHARS for c in cells) and (not header_main or unnumbered)):
            # (a form's row, "Mục tiêu | Cắt giảm ít nhất 30% thời gian …", is no header)
            unnumbered, header_main = True, []
        if unnumbered:
            cells = ["", *cells]  # read as a table whose number column is empty
            if not header_main:
                header_main = cells
                colmap = _column_map(cells, [])
                state.role(ln, "table_header")
            elif _is_subheader(cells) or all(_COLUMN_NUMBERS.match(c) for c in cells if c):
                colmap = _column_map(header_main, cells) if _is_subheader(cells) else colmap
                state.role(ln, "table_header")
            elif sum(bool(c) for c in cells) == 1 and _numbering(cells[1]):
                state.role(ln, "heading")  # a group row: "I. CẮT GIẢM …" across the table
            elif any(cells):
                rows.append({"num": "", "cells": cells, "lines": [ln], "colmap": colmap})
            continue
        if cells and _HEADER_CELL.match(cells[0] or ""):
            header_main = cells
            colmap = _column_map(cells, [])
            state.role(ln, "table_header")
            after_header = True
            # a new table: its rows are led by the agency named right above it, if any
            table_lead, titled = (table_lead if titled else ""), False
            continue
        if after_header and not cells[0] and not cells[1:2] == [""] and _is_subheader(cells):
            colmap = _column_map(header_main, cells)
            state.role(ln, "table_header")
            continue
        if after_header and _is_subheader(cells):
            colmap = _column_map(header_main, cells)
            state.role(ln, "table_header")
            continue
        if header_main and sum(bool(c) for c in cells) >= 2 and all(_COLUMN_NUMBERS.match(c) for c in cells if c):
            state.role(ln, "table_header")  # the columns' numbers under the header: "(1)  (2)  (3) …"
            continue
        first = cells[0]
        m = _NUM_TEXT_CELL.match(first)
        if m and not _NUM_CELL.match(first):
            cells = [m.group("num"), m.group("rest")] + cells[1:]
            first = cells[0]
        if (not _NUM_CELL.match(first) and rows and rows[-1]["num"] and header_main
                and 1 < len(rows[-1]["cells"]) < len(header_main)
                and len(rows[-1]["cells"]) + len(cells) - 1 == len(header_main)):
            # "2 | Tập huấn nghiệp vụ kiểm soát" / "TTHC cho công chức | Văn phòng UBND tỉnh | …": a
            # line break inside a cell, the rest of the row after it (the two fill the header)
            prev = rows[-1]
            prev["cells"] = [*prev["cells"][:-1], f"{prev['cells'][-1]} {cells[0]}".strip(), *cells[1:]]
            prev["lines"].append(ln)
            after_header = False
            continue
        if _NUM_CELL.match(first):
            if after_header and rows:
                # the scrape sometimes glues the previous row's cell endings onto the first
                # row after a page break: "có TTHC ... các cấp. - Sở, ban, ngành; ..."
                cells = _return_spilled_fragments(rows[-1], cells, ln)
            rows.append({"num": first.rstrip("."), "cells": cells, "lines": [ln], "lead": table_lead, "colmap": colmap})
        elif not first and rows and (after_header or (rows[-1]["num"] and _cells_go_on(cells, rows[-1]["cells"]))):
            # (a row's cells wrapped onto a line of their own: "6 | Số hóa … còn | Trung tâm Phục vụ
            # hành chính | …" / " | hiệu lực tại … | công tỉnh | thành phố")
            prev = rows[-1]
            prev["cells"] = _merge_cells(prev["cells"], cells)
            prev["lines"].append(ln)
        elif (first[:1].islower() and rows and rows[-1]["num"] and len(cells) >= 2 and _cells_go_on(cells)
              and not re.fullmatch(r"[a-zđ][.)]?|[ivx]+[.)]?", first)
              and not re.search(r"[.;:]$", rows[-1]["cells"][1] if len(rows[-1]["cells"]) > 1 else ".")):
            # "10 | Tổ chức khảo sát … của người dân," / "doanh nghiệp đối với … | Sở Nội vụ | …": a line
            # break in the text cell, the rest of the row after it
            prev = rows[-1]
            prev["cells"] = _merge_cells(prev["cells"], ["", *cells])
            prev["lines"].append(ln)
        elif not first and rows:
            rows.append({"num": "", "cells": cells, "lines": [ln], "colmap": colmap})
        elif _TABLE_TOTAL.match(first):
            state.role(ln, "note")  # "Tổng cộng: 12 nhiệm vụ"
        elif sum(bool(c) for c in cells) == 1 and len(first) <= 100 and _is_agency(remove_markup(first)):
            # "Sở Khoa học và Công nghệ" across the table of its duties, above its header
            table_lead, titled = remove_markup(first).strip().rstrip(":"), True
            state.role(ln, "heading")
        elif sum(bool(c) for c in cells) == 1 and (numbered := _numbering(remove_markup(first))):
            # a group row across the table: "2. Cung cấp dịch vụ công trực tuyến"; over rows "2.1",
            # "2.2" it is their group, whose title they carry as their section
            num = numbered[1].rstrip(".)")
            if num.isdigit() and _next_row_number(seq, indices, i).startswith(num + "."):
                rows.append({"num": num, "cells": [num, numbered[2], *[""] * (len(cells) - 1)], "lines": [ln],
                             "lead": table_lead, "colmap": colmap})
            else:
                state.role(ln, "heading")
        else:
            state.role(ln, "unaccounted")
        after_header = False
    text_header = header_main[colmap.get("text", 1)] if colmap.get("text", 1) < len(header_main) else ""
    if header_main and _PROCEDURE_NAMES.match(text_header) and not any(_WORK_COLUMN.search(c) for c in header_main):
        # "STT | Tên thủ tục hành chính | Lĩnh vực | Cơ quan giải quyết | Thời gian hiện hành | …":
        # a list of the procedures a plan cuts, not its tasks (with a column for the work, "Phương
        # án cắt giảm", "Cơ quan thực hiện", "Thời hạn", each row is one)
        for row in rows:
            for ln in row["lines"]:
                state.role(ln, "procedure")
        return
    # each table of the region is read with its own header's columns (a header repeated after a
    # page break keeps the table one)
    start = 0
    for k in range(1, len(rows) + 1):
        if k == len(rows) or rows[k].get("colmap", colmap) != rows[start].get("colmap", colmap):
            _emit_table_rows(state, rows[start:k], rows[start].get("colmap", colmap), context, section, part, kind)
            start = k


#: The name of a column of procedures, or an item that names one: a table or an appendix's list
#: of the procedures a plan cuts ("Tên thủ tục hành chính", "1. Thủ tục cấp Giấy phép …"), whose
#: lines are ``procedure``, not tasks.
_WORK_COLUMN = re.compile(r"thời hạn|hoàn thành|tiến độ|chủ trì|thực hiện|lộ trình"
                          # a column that says what to do with it ("Nội dung đơn giản hóa", "Phương án
                          # cắt giảm"), not one of its figures ("Thời gian sau cắt giảm")
                          r"|^(?:nội dung|phương án|giải pháp|kiến nghị|đề xuất)", re.IGNORECASE)
_PROCEDURE_NAMES = re.compile(r"^(?:tên\s+(?:các\s+)?(?:thủ tục|tthc)|thủ tục\s+(?!hành chính\b))", re.IGNORECASE)

#: Longest cell of a header row of a table without numbers ("Năm 2025", "Cơ quan chủ trì").
HEADER_CELL_CHARS = 40
#: A table's last row that counts its rows: "Tổng cộng: 12 nhiệm vụ", "Tổng số", "Cộng".
_TABLE_TOTAL = re.compile(r"^(?:Tổng cộng|Tổng số|Cộng)\b", re.IGNORECASE)


def _is_subheader(cells: list[str]) -> bool:
    joined = " ".join(cells).lower()
    return not cells[0] and ("bắt đầu" in joined or "chủ trì" in joined) and len(joined) < 80


#: Prefix of the keys of :func:`_column_map` for a column it has no field for, whose cells are
#: written after the task's text as "— <column>: <cell>".
OTHER_COLUMN = "other:"
#: Prefix of a column about the task, whose cells are its ``notes`` (:data:`NOTE_COLUMNS_FILE`).
NOTE_COLUMN = "note:"
#: ... and for a column named by a period ("Quý II/2025", "Tháng 6", "Năm 2026"): a mark under
#: it (:data:`PERIOD_MARKS`) says the task is due then; a date written there is its deadline.
PERIOD_COLUMN = "period:"
PERIOD_MARKS = {"x", "X", "✓", "✔", "•", "+", "*", "v", "V"}
_PERIOD_COLUMN = re.compile(r"^(?:Quý|Tháng|Năm|Giai đoạn|\d{1,2}/\d{4}$|(?:19|20)\d{2}$)", re.IGNORECASE)
_TEXT_COLUMN = re.compile(r"nội dung|nhiệm vụ|công việc|tên thủ tục", re.IGNORECASE)


def _marks_when(value: str) -> bool:
    """A period column's cell that says when: a mark (:data:`PERIOD_MARKS`) or a deadline."""
    value = value.strip()
    return bool(value) and (value in PERIOD_MARKS or _reads_as_deadline(value))


def _column_map(main: list[str], sub: list[str]) -> dict[str, int]:
    """Which column holds what: the number first, the statement second (or where a later column
    names it, when the second names the lead: "STT | Cơ quan chủ trì | Nội dung nhiệm vụ | …"),
    the lead, partners, start, end, time and product by their names; a column named by a period
    ("Quý II/2025", "Năm 2026") marks when (an "x" under it); any other column is kept with the
    text (:data:`OTHER_COLUMN`)."""
    colmap: dict[str, int] = {"num": 0, "text": 1}
    width = max(len(main), len(sub))

    def written_at(idx: int) -> str:
        return sub[idx] if idx < len(sub) and sub[idx] else main[idx] if idx < len(main) else ""

    second = written_at(1).lower()
    named = next((idx for idx in range(2, width) if _TEXT_COLUMN.search(written_at(idx))), None)
    lead_first = named is not None and ("chủ trì" in second or "cơ quan" in second or "đơn vị" in second)
    # "STT | Thời gian hoàn thành | Nội dung nhiệm vụ | …": the second column says when
    time_first = named is not None and not lead_first and not _TEXT_COLUMN.search(second) and bool(
        re.search(r"thời gian|thời hạn|hoàn thành|tiến độ", second))
    if lead_first:
        colmap.update(text=named, lead=1)
    elif time_first:
        colmap.update(text=named)
    for idx in range(width):
        written = written_at(idx)
        label = written.lower()
        if not label or (idx < 2 and not (time_first and idx == 1)) or ((lead_first or time_first) and idx == named):
            continue
        if "chủ trì" in label:
            colmap.setdefault("lead", idx)
        elif "phối hợp" in label:
            colmap.setdefault("partners", idx)
        elif "bắt đầu" in label:
            colmap.setdefault("start", idx)
        elif "hoàn thành" in label and "sản phẩm" not in label:
            colmap.setdefault("end", idx)
        elif "thời gian" in label or "thời hạn" in label or "tiến độ" in label:
            colmap.setdefault("time", idx)
        elif "sản phẩm" in label:
            colmap.setdefault("product", idx)
        elif ("cơ quan" in label or "đơn vị" in label) and "đơn vị tính" not in label:
            colmap.setdefault("lead", idx)
        elif (month := re.fullmatch(r"T(\d{1,2})", written.strip())) and 1 <= int(month.group(1)) <= 12:
            colmap.setdefault(f"{PERIOD_COLUMN}Tháng {int(month.group(1))}", idx)  # "T5 | T6 | …": months
        elif _PERIOD_COLUMN.match(written) and resolve_due(written, year=2000) is not None:
            colmap.setdefault(f"{PERIOD_COLUMN}{written}", idx)
        elif _note_column().match(normalize_tone_marks(" ".join(written.split()))):
            colmap.setdefault(f"{NOTE_COLUMN}{written}", idx)  # "Ghi chú", "Kinh phí": about the task
        elif not _COLUMN_NUMBERS.match(written):
            # any other column ("Phương án cắt giảm", "Ghi chú") is kept with the task's text
            colmap.setdefault(f"{OTHER_COLUMN}{written}", idx)
    return colmap


_SPILL = re.compile(r"^(?P<frag>[a-zđà-ỹ][^;]*?(?:\.(?=\s)|;|$))\s*(?P<rest>.*)$")


def _next_row_number(seq, indices: list[int], i: int) -> str:
    """The number in the first cell of the next table line after ``seq[i]`` that has one, or ""."""
    for j in indices[indices.index(i) + 1 :][:6]:
        if (first := clean_cell(seq[j][1].split("\t")[0])) and _NUM_CELL.match(first):
            return first.rstrip(".")
    return ""


def _return_spilled_fragments(prev: dict, cells: list[str], ln: int | None) -> list[str]:
    """Move lowercase leading fragments of ``cells`` back to the row before the page break."""
    out = list(cells)
    moved = False
    for idx in range(2, len(cells)):
        m = _SPILL.match(cells[idx])
        if not m or not m.group("rest"):
            continue
        while len(prev["cells"]) <= idx:
            prev["cells"].append("")
        prev["cells"][idx] = f"{prev['cells'][idx]} {m.group('frag').rstrip(';')}".strip()
        out[idx] = m.group("rest")
        moved = True
    if moved and ln is not None:
        prev["lines"].append(ln)
    return out


def _cells_go_on(cells: list[str], above: list[str] | None = None) -> bool:
    """A table line whose cells each go on from the row above: the first of them starts in lower
    case ("hiệu lực tại …", "trên Hệ thống …"), as a wrapped cell's words do and a row of its own
    does not, with no item's mark ("a) Rà soát …", a sub-row), and (given the row ``above``) only
    in columns where that row has words."""
    written = [c.strip() for c in cells if c.strip()]
    if not written or not written[0][:1].islower() or _numbering(written[0]) or re.match(r"[a-zđ][.)]\s", written[0]):
        return False
    return above is None or all(k < len(above) and above[k].strip() for k, c in enumerate(cells) if c.strip())


def _merge_cells(prev: list[str], cont: list[str]) -> list[str]:
    width = max(len(prev), len(cont))
    out = []
    for i in range(width):
        a = prev[i] if i < len(prev) else ""
        b = cont[i] if i < len(cont) else ""
        out.append(f"{a} {b}".strip() if b else a)
    return out


def _emit_table_rows(state, rows, colmap, context, section, part, kind,
                     roman_seen: dict | None = None) -> None:
    """Turn parsed table rows into tasks (rows with children become headings)."""
    roman = ""
    roman_title = ""
    roman_seen = {} if roman_seen is None else roman_seen
    parents: dict[str, dict] = {}
    unnumbered = 0
    last_num = ""

    def cell(row, key):
        idx = colmap.get(key)
        cells = row["cells"]
        return cells[idx] if idx is not None and idx < len(cells) else ""

    nums = [r["num"] for r in rows]
    nested = bool(context) and any(nums) and all("." in n and n.split(".", 1)[0] == context[-1] for n in nums if n)
    for pos, row in enumerate(rows):
        num = row["num"]
        lines = [ln for ln in row["lines"] if ln is not None]
        # a group row: I, II, or a letter with no lead or deadline of its own (a row "A" that
        # assigns work is a task)
        if _GROUP_NUM.fullmatch(num) and (re.fullmatch(r"[IVX]{1,5}", num) or not any(
                cell(row, k) for k in ("lead", "partners", "start", "end", "time", "product"))):
            roman_seen[num] = roman_seen.get(num, 0) + 1
            roman = num if roman_seen[num] == 1 else f"{num}({roman_seen[num]})"
            roman_title = cell(row, "text")
            parents = {}
            unnumbered = 0
            last_num = ""
            for ln in lines:
                state.role(ln, "heading")
            continue
        # a period column holds a mark or a deadline ("x", "Trước 30/6/2026"), or else a target
        # ("Năm 2025 | Ít nhất 30%"), kept with the text as any other column is
        others = [f"{key.split(':', 1)[1]}: {cell(row, key)}" for key in colmap
                  if cell(row, key) and (key.startswith(OTHER_COLUMN)
                                         or (key.startswith(PERIOD_COLUMN) and not _marks_when(cell(row, key))))]
        text = " — ".join(t for t in [cell(row, "text"), *others] if t)
        notes = " — ".join(f"{key.split(':', 1)[1]}: {cell(row, key)}" for key in colmap
                           if key.startswith(NOTE_COLUMN) and cell(row, key))
        if num:
            unnumbered = 0
            last_num = num
            path_num = num
        else:
            unnumbered += 1
            path_num = f"{last_num}+{unnumbered}" if last_num else f"+{unnumbered}"
        # "5.1" in a table under item 5 is 5.1 once, not II.5.5.1 (when all its numbers start with 5)
        under = context[:-1] if nested and not roman else context
        path = ".".join([*under, *([roman] if roman else []), path_num]).replace(".+", "+")
        following = next((other for other in nums[pos + 1 :] if other), "")
        own = {k: cell(row, k) for k in ("lead", "partners", "start", "end", "time", "product")}
        marked = [key[len(PERIOD_COLUMN):] if cell(row, key).strip() in PERIOD_MARKS else cell(row, key)
                  for key in colmap if key.startswith(PERIOD_COLUMN) and _marks_when(cell(row, key))]
        own["time"] = own["time"] or "; ".join(marked)  # "x" under Quý III/2025 and Quý IV/2025
        next_unnumbered = pos + 1 < len(rows) and not rows[pos + 1]["num"]
        has_children = bool(num) and (following.startswith(num + ".")
                                      or (next_unnumbered and not any(own.values())))
        inherited = _inherit(parents, num if num else f"{last_num}.+")
        if has_children:
            parents[num] = {**own, "title": text}
            if not (own["lead"] and (own["end"] or own["time"])):
                for ln in lines:
                    state.role(ln, "heading")
                continue
            # a row that names its own lead and deadline is a task, and the heading of its sub-rows
        lead = own["lead"] or inherited.get("lead", "") or row.get("lead", "")
        partners = own["partners"] or inherited.get("partners", "")
        if m := _LEAD_WITH_PARTNERS.match(lead):
            lead = m.group("lead")
            partners = "; ".join(p for p in (m.group("partners"), partners) if p)
        elif m := _LEAD_CELL_FIELDS.match(lead):
            # "Chủ trì: X" / "Phối hợp: Y" in one cell, "X chủ trì; Y phối hợp"
            lead = (m.group("lead") or m.group("lead2")).strip().rstrip(";.,")
            partners = "; ".join(p for p in ((m.group("partners") or m.group("partners2")).strip().rstrip(";."),
                                             partners) if p)
        dl = [v for v in (own["start"], own["end"], own["time"]) if v]
        deadline_text = " – ".join(dl) if dl else " – ".join(
            v for v in (inherited.get("start"), inherited.get("end"), inherited.get("time")) if v)
        product = own["product"] or inherited.get("product", "")
        due_source = own["end"] or own["time"] or (
            own["start"] if own["start"] and not re.search(r"\btừ\b", own["start"]) else "")
        task = _Task(path=path, kind=kind, part=part or section,
                     section=inherited.get("title") or roman_title or section, text=text,
                     lines=set(lines),
                     lead=clean_agencies(lead), partners=clean_agencies(partners),
                     deadline_text=deadline_text, product=product, notes=notes)
        task._due_source = due_source or deadline_text  # type: ignore[attr-defined]
        state.add_task(task)


def _inherit(parents: dict[str, dict], num: str) -> dict:
    parts = num.split(".") if num else []
    for k in range(len(parts) - 1, 0, -1):
        key = ".".join(parts[:k])
        if key in parents:
            return {k2: v for k2, v in parents[key].items() if v}
    return {}


# --- flattened "|" tables -----------------------------------------------------------------
def _parse_pipe(state: _State, seq, indices: list[int], context: list[str], kind: str) -> None:
    cells: list[tuple[str, list[int]]] = []
    cur: list[str] = []
    cur_lines: list[int] = []
    for i in indices:
        ln, raw = seq[i]
        if raw.strip() == "|":
            state.role(ln, "table_rule")
            cells.append((_join(cur), cur_lines))
            cur, cur_lines = [], []
            continue
        if not raw.strip():
            state.role(ln, "blank")
            continue
        cur.append(raw)
        if ln is not None:
            cur_lines.append(ln)
    if cur:
        cells.append((_join(cur), cur_lines))
    # header: cells up to and including the "(n)" column-number row
    header: list[str] = []
    pos = 0
    while pos < len(cells) and (not _NUM_CELL.match(cells[pos][0]) or not header):
        header.append(cells[pos][0])
        for ln in cells[pos][1]:
            state.role(ln, "table_header")
        pos += 1
        if len(header) > 20:
            break
    names = [h for h in header if h and not _COLUMN_NUMBERS.match(h)]
    width = len(names) or 6
    colmap = _column_map(names, [])
    rows = []
    texts = [c[0] for c in cells]

    def starts_row(j: int) -> bool:
        if j >= len(cells):
            return True
        if _NUM_CELL.match(texts[j]):
            return True
        return (not texts[j] and j + 1 < len(cells) and texts[j + 1] != ""
                and not _NUM_CELL.match(texts[j + 1]))

    i = pos
    while i < len(cells):
        num = texts[i]
        if not (_NUM_CELL.match(num) or (not num and i + 1 < len(cells) and texts[i + 1])):
            for ln in cells[i][1]:
                state.role(ln, "unaccounted")
            i += 1
            continue
        data = texts[i + 2 : i + width]
        full_ok = (i + width <= len(cells) and starts_row(i + width)
                   and not any(_NUM_CELL.match(t) for t in data[:1]))
        if full_ok:
            span = width
        elif i + 2 <= len(cells) and (
            i + 2 >= len(cells) or _NUM_CELL.match(texts[i + 2])
            or (not texts[i + 2] and i + 3 < len(cells) and texts[i + 3]
                and not _NUM_CELL.match(texts[i + 3]))
        ):
            span = 2
        else:
            span = min(width, len(cells) - i)
        row_cells = texts[i : i + span]
        row_lines = [ln for c in cells[i : i + span] for ln in c[1]]
        rows.append({"num": num.rstrip("."), "cells": row_cells, "lines": row_lines})
        i += span
    _emit_table_rows(state, rows, colmap, context, "", "", kind)


#: The line that opens a letter's requests: "… Văn phòng UBND tỉnh đề nghị như sau:", "… Chủ tịch UBND tỉnh chỉ đạo:".
_LETTER_BODY_START = re.compile(r"\b(?:như sau|chỉ đạo|đề nghị|yêu cầu|giao nhiệm vụ)\s*:\s*$")


# --- driver ---------------------------------------------------------------------------------
def _parse(doc: Document) -> _State:
    """The parse of ``doc``, kept in memory until ``lead_verbs.txt`` changes."""
    return _parse_cached(doc, config.file_stamps(LEAD_VERBS_FILE))



@lru_cache(maxsize=128)
def _parse_cached(doc: Document, stamps: tuple) -> _State:
    state = _State(doc)
    aligned = _aligned_rows(doc)
    state.unsplit_rows = aligned[2]
    seq = _with_hints(doc, aligned)
    start = _mark_frame(state, seq)
    for ln, raw in seq[start:]:
        if _SEPARATOR.match(raw.strip()):
            state.role(ln, "boilerplate")  # "________________" over the footnotes, "* * *" (not the header's rule)
    if start >= len(seq):
        _account_continued(state, aligned[1])
        return state
    wrapped = _is_hard_wrapped(seq)
    root = _Node("root", "", [], None)
    prose = _Prose(state, root, wrapped, _wrap_widths(state, seq, start) if wrapped else (None, None))
    letter = doc.doc_type.strip().lower() == "công văn"
    prose.default_lead = _addressees(seq) if letter else ""
    # the preamble: lines before the first heading or numbered item
    i = start
    while i < len(seq):
        ln, raw = seq[i]
        text = clean_cell(raw)
        if text and (ln is None or _numbering(text) or _APPENDIX.match(text) or _CAPS_SECTION.match(text)
                     or _HASH_HEADING.match(text)
                     or "\t" in raw or _is_pipe_table_start(seq, i)):
            break
        if text:
            state.role(ln, "preamble")
        i += 1
        if (letter and _LETTER_BODY_START.search(text)
                # (the next three lines with text: "… có ý kiến như sau:" / "Đề nghị … sau:" / "a) …")
                and not any(_numbering(clean_cell(r)) for r in [r for _, r in seq[i:i + 12] if r.strip()][:3])):
            prose.letter_body = True  # a letter's "… đề nghị như sau:" over paragraphs without numbers: its body
            break
    numbered: dict[int, int] = {}  # the line of a number alone -> the line it numbers
    for kind, indices in _regions(state, seq, i):
        if kind == "prose":
            _ocr_ones(seq, indices)
            numbered |= _join_lone_numbers(state, seq, indices)
            _join_field_lines(state, seq, indices, prose)
            prose.points |= _points_with_fields(seq, indices)
            prose.agency_lines |= _plain_agency_headings(seq, indices)
            wrapped_closings = _wrapped_closings(seq, indices)
            for j in indices:
                if j in wrapped_closings:
                    state.role(seq[j][0], "closing")
                    prose._close_fields()
                    prose.para = None
                    continue
                prose.feed(*seq[j])
        else:
            prose._close_fields()
            prose.para = None
            ctx_node = prose.stack[-1] if len(prose.stack) > 1 else None
            context = ctx_node.path_parts() if ctx_node else []
            section = _strip_number(ctx_node.title_text) if ctx_node else ""
            part = _strip_number(prose.stack[1].title_text) if len(prose.stack) > 1 else ""
            if ctx_node is not None and any(_REPORTED.search(n.title_text) and not n.is_appendix
                                            and not _WORK_TITLE.search(n.title_text)
                                            for n in [ctx_node, *ctx_node.ancestors()]):
                # a report's table of results ("I. KẾT QUẢ THỰC HIỆN" / "STT | Chỉ tiêu | Kế hoạch |
                # Kết quả 9 tháng"): what was done, as the part's paragraphs are
                for j in indices:
                    state.role(seq[j][0], "prose")
            elif kind == "tsv":
                if ctx_node is not None:
                    state.table_parents.add(id(ctx_node))
                _parse_tsv(state, seq, indices, context, section, part, _table_kind(ctx_node))
            else:
                if not context:
                    context = ["PL"]
                _parse_pipe(state, seq, indices, context, "task")
    prose.emit()
    for ln, raw in seq:
        if ln is not None and ln not in state.roles:
            state.roles[ln] = "unaccounted" if raw.strip() else "blank"
        if ln is not None and state.roles.get(ln) == "blank" and _MD_RULE.match(doc.lines[ln - 1]):
            state.roles[ln] = "table_rule"
    _account_continued(state, aligned[1] | numbered)
    return state


_REQUEST_START = re.compile(r"(?:Yêu cầu|Đề nghị|Trong quá trình)\s")
#: Lines a standing request wrapped by the page's width may run on after its first two.
REQUEST_MORE_LINES = 4


def _wrapped_closings(seq, indices: list[int]) -> set[int]:
    """The lines of a closing wrapped over them: an exhortation ("Yêu cầu Thủ trưởng … nghiêm
    túc triển khai thực hiện" / "Kế hoạch này./.") or the standing request ("Trong quá trình
    thực hiện, nếu có vướng" / "mắc, các cơ quan … phản ánh …" to its full stop), each line
    alone no closing, together one."""
    out: set[int] = set()
    for j, k in zip(indices, indices[1:], strict=False):
        if k != j + 1 or not _REQUEST_START.match(first := clean_cell(seq[j][1])) or _CLOSING.match(first):
            continue
        second = clean_cell(seq[k][1])
        if not second or _numbering(second) or not (m := _CLOSING.match(f"{first} {second}")):
            continue
        out |= {j, k}
        last = second
        while m.group("request") and not last.endswith(".") and k + 1 < len(seq) and k - j <= REQUEST_MORE_LINES:
            last = clean_cell(seq[k + 1][1])
            if not last or not _starts_lower(last) or seq[k + 1][0] is None:
                break  # (a wrapped sentence goes on in lowercase: "mắc, các cơ quan …", "phòng UBND tỉnh …")
            k += 1
            out.add(k)
    return out


#: An item's number alone on its line, its text on the next ("3." / "Công bố, công khai …").
_LONE_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[IVX]{1,5}\.|(?:Nhiệm vụ|NHIỆM VỤ)\s+\d{1,2}\s*[:.])$")


#: OCR's "l." for "1." at a line's start ("l. Sờ Tư pháp chủ trì …"), before a capital.
_OCR_ONE = re.compile(rf"^(\s*)l([.)])(\s+[{_UPPER}])")


def _ocr_ones(seq, indices: list[int]) -> None:
    """A scan's "l." where "1." was written is "1." (in ``seq``) when "2." follows before the
    next "l." and no letter item "k." comes before it (a letter list that long has its "l.");
    before a title in capitals it is the roman "I."."""
    filled = [j for j in indices if seq[j][1].strip()]
    for pos, j in enumerate(filled):
        ln, raw = seq[j]
        if not (m := _OCR_ONE.match(raw)):
            continue
        if raw[m.end(2):].strip().isupper():  # "l. MỤC ĐÍCH, YÊU CẦU": a part's "I."
            seq[j] = (ln, _OCR_ONE.sub(r"\g<1>I\2\3", raw))
            continue
        before = [seq[k][1].lstrip() for k in filled[:pos]]
        if any(b.startswith(("k.", "k)")) for b in before[-40:]):
            continue
        after = (seq[k][1].lstrip() for k in filled[pos + 1:])
        for text in after:
            if _OCR_ONE.match(text):
                break
            if re.match(r"2[.)]\s", text):
                seq[j] = (ln, _OCR_ONE.sub(r"\g<1>1\2\3", raw))
                break


def _join_lone_numbers(state: _State, seq, indices: list[int]) -> dict[int, int]:
    """A number alone on its line joins the text of the next non-blank line (in ``seq``), which
    it numbers; returns {the number's line: that line}, so the number takes its role."""
    joined: dict[int, int] = {}
    for k, j in enumerate(indices):
        ln, raw = seq[j]
        if ln is None or ln in state.roles or not _LONE_NUMBER.match(raw.strip()):
            continue
        nxt = next((m for m in indices[k + 1:] if seq[m][1].strip() and seq[m][0] not in state.roles), None)
        if nxt is None or seq[nxt][0] is None:
            continue
        text = clean_cell(seq[nxt][1])
        if _numbering(text) or not text[:1].isupper() or _field_line(text):
            continue
        seq[nxt] = (seq[nxt][0], f"{raw.strip()} {seq[nxt][1].strip()}")
        seq[j] = (ln, "")
        joined[ln] = seq[nxt][0]
    return joined


#: Longest line that goes on with a field's list of agencies after its ";" or ",".
FIELD_LIST_LINE_CHARS = 80


def _points_with_fields(seq, indices: list[int]) -> set[int]:
    """Lines of "+" points followed by a "+" field line of their own: points, not a field's
    values (a Markdown list nested three deep, its levels flattened to "+")."""
    out: set[int] = set()
    filled = [j for j in indices if seq[j][1].strip()]
    for j, k in zip(filled, filled[1:], strict=False):
        ln, raw = seq[j]
        if (ln is not None and raw.lstrip()[:1] == "+" and seq[k][1].lstrip()[:1] == "+"
                and not _field_line(clean_cell(raw)) and _field_line(clean_cell(seq[k][1]))):
            out.add(ln)
    return out


def _plain_agency_headings(seq, indices: list[int]) -> set[int]:
    """Lines that name an agency and nothing else, written as a sentence writes it, without a
    number or a colon ("Văn phòng UBND tỉnh", bold in Word), right above a "- " or "+" item:
    headings over the items it leads."""
    out: set[int] = set()
    filled = [j for j in indices if seq[j][1].strip()]
    for i, (j, k) in enumerate(zip(filled, filled[1:], strict=False)):
        ln, raw = seq[j]
        if ln is None or len(raw) > 200 or not _LEADING_BULLET.match(seq[k][1].lstrip()):
            continue
        name = remove_markup(clean_cell(raw)).strip()
        if (len(name) > 100 or not name[-1:].isalnum() or name.isupper() or not _AGENCY_HEADING.match(name)
                or _numbering(name) or _lead_patterns(LEAD_VERBS_FILE).subject.match(name + " ")):
            continue
        # (the line above ends: not a hard-wrapped "… phối hợp với" / "Sở Thông tin và Truyền thông")
        above = remove_markup(clean_cell(seq[filled[i - 1]][1])).strip() if i else ""
        closed = not above or bool(_TERMINAL.search(above) or _numbering(above) or above.isupper()
                                   or _HASH_HEADING.match(above))
        if closed and _is_agency(name):
            out.add(ln)
    return out


#: Roles of the lines a page break puts inside a paragraph (footnotes, the page number).
_PAGE_FURNITURE = frozenset({"footnote", "boilerplate"})


def _join_field_lines(state: _State, seq, indices: list[int], prose: _Prose) -> None:
    """A field line and the lines that go on with its value become one line (in ``seq``; the
    others get the role ``field``, and :class:`_Prose` counts them as the field's): "Chủ trì:
    Văn phòng UBND tỉnh; phối hợp: các sở, ngành, UBND các địa" / "phương; thời hạn: Quý
    II/2025." A line goes on with a field when the field so far ends on its colon, or the line
    starts in lowercase, or, in hard-wrapped text, the field's last line ends open at the
    wrapping width."""
    width = prose.widths[1]
    k = 0
    while k < len(indices):
        j = indices[k]
        ln, raw = seq[j]
        k += 1
        if ln is None or ":" not in raw or ln in state.roles or not _field_line(clean_cell(raw)):
            continue  # (a field line has its colon: most lines are passed over without cleaning)
        merged, last, extra = clean_cell(raw), clean_cell(raw), []
        while k < len(indices):
            ln2, raw2 = seq[indices[k]]
            if (ln2 is not None and _ends_open(last)
                    and (state.roles.get(ln2) in _PAGE_FURNITURE or _PAGE_NUMBER.match(raw2.strip()))):
                k += 1  # a footnote or page number at a page's foot: the value goes on past it
                continue
            text = clean_cell(raw2)
            if (ln2 is None or ln2 in state.roles or not text or _numbering(text) or _field_line(text)
                    or _SUBFIELD.match(text) or _ITEM_BULLET.match(text) or _APPENDIX.match(text)
                    or _is_value_part(text)):
                break
            full = width is not None and prose.wrapped and _ends_open(last) and len(last) >= WRAP_SHORT_SHARE * width
            # "Đơn vị chủ trì: Các sở, ban, ngành tỉnh;" / "UBND các huyện, thành phố.": a list of agencies
            listing = (merged.endswith((";", ",")) and len(text) <= FIELD_LIST_LINE_CHARS
                       and _field_key(_field_line(merged).group("name")) in ("lead", "partners", "implementers")
                       and _AGENCY_HEADING.match(text) and not _ACTION_WORDS.search(text))
            # "Cơ quan phối hợp: …, Sở Khoa học và" / "Công nghệ, …": a name cut at its linking word
            cut_name = _CUT_AT_WORD.search(merged) is not None
            if not (merged.endswith(":") or _starts_lower(text) or full or listing or cut_name
                    or _date_goes_on(merged, text)):
                break
            merged, last = _join([merged, text]), text
            extra.append(ln2)
            k += 1
        if extra:
            seq[j] = (ln, merged)
            prose.field_continuations[ln] = extra
            for ln2 in extra:
                state.role(ln2, "field")


#: A line or a field's value that stops at a linking word, which a name or a sentence goes on after.
_CUT_AT_WORD = re.compile(r"\s(?:và|của|với|thuộc|các|(?-i:Văn phòng|Ủy ban|Uỷ ban))$", re.IGNORECASE)


def _is_hard_wrapped(seq) -> bool:
    lines = [clean_cell(t) for _, t in seq if clean_cell(t) and "\t" not in t and t.strip() != "|"]
    if len(lines) < 10:
        return False
    open_share = sum(1 for t in lines if _ends_open(t)) / len(lines)
    return open_share > 0.5


def _wrap_widths(state: _State, seq, start: int) -> tuple[float | None, float | None]:
    """The wrapping widths of hard-wrapped prose, as (a paragraph's first line, the lines
    after it): the median length of the lines that certainly wrap, as they end open and the
    next line goes on in lowercase. ``None`` for a kind with fewer than
    :data:`WRAP_MIN_SAMPLES` such lines (first lines then take the other lines' width, and
    these the first lines'). Frame lines, tables and restored headings are not measured."""
    items = [(ln, clean_cell(raw)) for kind, idx in _regions(state, seq, start) if kind == "prose"
             for ln, raw in (seq[j] for j in idx)]
    items = [(ln, text) for ln, text in items if text and (ln is None or ln not in state.roles)]
    first: list[int] = []
    body: list[int] = []
    for k, (ln, text) in enumerate(items[:-1]):
        if ln is None or not _ends_open(text) or not _starts_lower(items[k + 1][1]):
            continue
        prev = items[k - 1] if k else None
        opens = (prev is None or prev[0] is None or not _ends_open(prev[1]) or prev[1].isupper()
                 or bool(_numbering(text)))
        (first if opens else body).append(len(text))

    def median(lengths: list[int]) -> float | None:
        return float(statistics.median(lengths)) if len(lengths) >= WRAP_MIN_SAMPLES else None

    first_width, body_width = median(first), median(body)
    return (first_width or body_width, body_width or first_width)


def _addressees(seq) -> str:
    """The addressees of an official letter (``Kính gửi: - A; - B.``), as one agency list."""
    out: list[str] = []
    collecting = False
    for _, raw in seq[:40]:
        text = clean_cell(raw)
        if text.startswith("Kính gửi"):
            collecting = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                out.append(rest)
            continue
        if collecting:
            if text.startswith("-"):
                out.append(text)
            elif text:
                break
    agencies = clean_agencies(" ".join(out))
    # a letter to a ministry or the Government reports to it ("Kính gửi: Bộ Tài chính."): its
    # items are the province's own, not the addressee's
    return "" if agencies and all(_CENTRAL_BODY.match(a.strip(" -;.")) for a in re.split(r";", agencies)) else agencies


#: A central body a province reports to: "Bộ Tài chính", "Văn phòng Chính phủ", "Thủ tướng Chính phủ".
_CENTRAL_BODY = re.compile(r"^(?:các\s+)?(?:Bộ\b|Văn phòng Chính phủ|Chính phủ|Thủ tướng|Cục\b|Tổng cục\b"
                           r"|Ủy ban Quốc gia)", re.IGNORECASE)


#: A heading that says by when its items are due: "MỤC TIÊU CỤ THỂ ĐẾN HẾT NĂM 2025".
_HEADING_YEAR = re.compile(r"\b(?:ĐẾN|đến|Đến)\s+(?:HẾT\s+|hết\s+)?(?:NĂM|năm)\s+(?P<year>20\d{2})\b(?!\s*[-–])"
                           # ... or that is the year alone: "1. Năm 2025", "Mục tiêu năm 2026:"
                           # (also "1. Trong năm 2025")
                           r"|(?:^|\|)\s*(?:(?i:mục tiêu)(?:\s+(?i:cụ thể))?\s+)?(?:(?i:trong)\s+)?(?i:năm)\s+"
                           r"(?P<alone>20\d{2})"
                           r"\s*:?\s*(?:\||$)")


#: The year a target is measured against: "so với năm 2024", "so với cùng kỳ năm 2024".
_BASELINE_YEAR = re.compile(r"so\s+với\s+(?:cùng\s+kỳ\s+)?(?:năm\s+)?(?:19|20)\d{2}", re.IGNORECASE)


def _after_issue(due: date | None, written: str, doc: Document) -> date | None:
    """``due`` read from ``written``; a day without its year ("trước 15/01") before the plan's
    date is next year's, in the task's wording and in its deadline field alike."""
    if (due is not None and not re.search(r"\d{4}", written) and doc.date and len(doc.date) == 10
            and due.isoformat() < doc.date):
        return _safe_next_year(due)
    return due


def _task_row(doc: Document, task: _Task) -> dict:
    # a date the task's wording states wins over its deadline field; a year alone ("hoàn
    # thành trong năm 2025") only stands in for a field that gives none
    issued = doc.issued_year  # (deadlines before it are no task's)
    own = own_deadline_text(task.text, years=False, since=issued)
    due_source = getattr(task, "_due_source", "") or task.deadline_text
    # ... but days without a year in periodic work ("định kỳ 6 tháng (trước ngày 15/6) và năm
    # (trước ngày 15/12)") recur every year: no due date, as the deadline field's would not have
    clauses = re.split(r"[;,]", task.text)
    # the clauses that hold the days, each with the one before ("báo cáo hằng năm, trước 15/12")
    # (or work that opens with its recurrence: "Định kỳ 6 tháng, hằng năm, các cơ quan báo cáo … trước
    # ngày 10/6 và ngày 10/12")
    periodic_days = bool(own) and not re.search(r"\d{4}", own) and (is_recurring(clauses[0]) or all(
        is_recurring(clause) or (k > 0 and is_recurring(clauses[k - 1])) for k, clause in enumerate(clauses)
        if any(part in clause for part in own.split("; "))))
    due = _after_issue(resolve_due(own, year=doc.year), own, doc) if own and not periodic_days else None
    from_own = due is not None  # (then the deadline shown is the one the task states itself)
    if due is None:
        due = _after_issue(resolve_due(due_source, year=doc.year), due_source, doc)
    own_year = "" if own or due is not None or due_source.strip() else own_deadline_text(task.text, since=issued)
    if own_year and doc.year and all(int(y) < doc.year for y in re.findall(r"\d{4}", own_year)):
        own_year = ""  # a plan for 2026 recalling 2025 ("Năm 2025, tỉnh đạt 92,5 điểm …")
    if due is None and own_year:
        due = resolve_due(own_year, year=doc.year)
    if (due is None and task.kind == "objective" and not own_year and not due_source.strip()
            and not is_recurring(task.text)
            # (a baseline is no time of the task's: "… giảm 30% so với năm 2024")
            and not re.search(r"\b(?:19|20)\d{2}\b|\bngày\b", _BASELINE_YEAR.sub(" ", task.text))
            and not re.search(r"(?i)giai đoạn|định hướng|tầm nhìn", f"{task.section} {task.part}")
            and (hm := _HEADING_YEAR.search(f"{task.section} | {task.part}"))):
        # "II. MỤC TIÊU CỤ THỂ ĐẾN HẾT NĂM 2025": the heading says by when its items are due
        year = hm.group("year") or hm.group("alone")
        own_year, due = hm.group(0).strip(" |:"), resolve_due(f"năm {year}", year=doc.year)
    relative = ""
    if due is None:  # "trong 10 ngày kể từ ngày Kế hoạch này được ban hành": from the plan's date
        # (from the deadline as written when there is one, "Thường xuyên" included)
        relative, due = relative_deadline(due_source if due_source.strip() else task.text, doc.date)
    # (with no date, the words that say the work recurs: "…; thực hiện thường xuyên.")
    # (the deadline as written, unless the task's own wording gave another date: then its words)
    deadline_text = (own if from_own and resolve_due(task.deadline_text, year=doc.year) != due
                     else task.deadline_text or own or own_year or relative or recurrence_text(task.text))
    lead, partners, implementers = task.lead, task.partners, task.implementers
    if roles := marked_roles(lead or implementers):  # "Đơn vị thực hiện: X (chủ trì); Y (phối hợp)"
        lead, marked_partners = roles
        partners = "; ".join(dict.fromkeys(p for p in (marked_partners, _ROLE_MARK.sub("", partners).strip()) if p))
        implementers = implementers if task.lead else ""
    lines = sorted(task.lines)
    text, kind = task.text, task.kind
    if (kind == "task" and doc.doc_type.strip().lower() == "chỉ thị" and lead
            and not re.search(r"NHIỆM VỤ|GIẢI PHÁP|Nhiệm vụ|Giải pháp", task.part or "")):
        kind = "duty"  # a directive's items are what each agency or its head is told to do
    if edit := _EDIT_LEAD_IN.match(text):  # an amending plan's new text, without its lead-in
        text, kind = text[edit.end():].rstrip("”\""), _amended_kind(edit.group(0), kind)
    return {
        "task_id": f"{doc.doc_id}:{task.path}",
        "doc_id": doc.doc_id,
        "province": doc.province,
        "kind": kind,
        "path": task.path,
        "part": task.part,
        "section": task.section,
        "text": text,
        "lead": lead,
        "partners": partners,
        "implementers": implementers,
        "deadline_text": deadline_text,
        "due": due.isoformat() if due else "",
        "recurring": is_recurring(deadline_text) or is_recurring(task.deadline_text) or is_recurring(task.text),
        "product": task.product,
        "notes": task.notes,
        "targets": extract_targets(f"{task.text} {task.product}"),
        "line_start": lines[0] if lines else 0,
        "line_end": lines[-1] if lines else 0,
    }


def _safe_next_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def extract_tasks(doc: Document) -> pd.DataFrame:
    """Every task of one document as a tidy table (columns :data:`TASK_COLUMNS`)."""
    state = _parse(doc)
    rows = [_task_row(doc, t) for t in state.tasks]
    df = pd.DataFrame(rows, columns=TASK_COLUMNS)
    df = df.sort_values(["line_start", "line_end"], kind="stable").reset_index(drop=True)
    df["task_id"] = _unique(df["task_id"].tolist())
    df["path"] = [tid.split(":", 1)[1] for tid in df["task_id"]]
    return _typed(df)


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """The task table's dtypes, the same whether it has rows or not."""
    types = {c: "str" for c in TASK_COLUMNS}
    types.update({"recurring": "bool", "line_start": "int64", "line_end": "int64"})
    return df.astype(types)


def _unique(ids: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for tid in ids:
        if tid in seen:
            seen[tid] += 1
            out.append(f"{tid}~{seen[tid]}")
        else:
            seen[tid] = 1
            out.append(tid)
    return out


def extract_corpus(docs, *, cache: bool = False, cache_dir=None) -> pd.DataFrame:
    """Tasks of every document, in corpus order.

    With ``cache=True`` a document parsed before with the same text, metadata and parser code
    is read from the on-disk cache (:func:`kehoach_lib.cache.cached_extract`); the commands
    of the ``kehoach`` CLI do this.
    """
    docs = list(docs)
    if cache:
        from .cache import cached_extract

        tables = cached_extract(docs, extract=extract_tasks, cache_dir=cache_dir)
    else:
        tables = [extract_tasks(d) for d in docs]
    frames = [_typed(f) for f in tables if not f.empty]
    if not frames:
        return _typed(pd.DataFrame(columns=TASK_COLUMNS))
    return pd.concat(frames, ignore_index=True)


def require_tasks(tasks: pd.DataFrame, docs, corpus_dir=None) -> pd.DataFrame:
    """``tasks`` (from :func:`extract_corpus`), or a :class:`~kehoach_lib.load.DocumentError`
    naming the folder when none of its documents has a recognisable task (matching and
    coverage need tasks)."""
    if len(tasks):
        return tasks
    from . import config
    from .load import DocumentError

    n = len(list(docs))
    raise DocumentError(corpus_dir or config.CORPUS_DIR,
                        f"no tasks found in its {n} document{'s' if n != 1 else ''}")


def line_accounting(doc: Document) -> pd.DataFrame:
    """One row per source line: its role, and the task that owns it (if any)."""
    state = _parse(doc)
    ids = extract_tasks(doc)["task_id"].tolist() if state.tasks else []
    order = sorted(range(len(state.tasks)),
                   key=lambda k: (min(state.tasks[k].lines or {0}), max(state.tasks[k].lines or {0})))
    task_id_of = {k: ids[rank] for rank, k in enumerate(order)} if ids else {}
    rows = []
    for i, text in enumerate(doc.lines, start=1):
        role = state.roles.get(i, "blank" if not text.strip() else "unaccounted")
        owner = state.owner.get(i)
        rows.append({
            "doc_id": doc.doc_id,
            "line": i,
            "role": role,
            "task_id": task_id_of.get(owner, "") if owner is not None else "",
            "text": text,
        })
    return pd.DataFrame(rows, columns=["doc_id", "line", "role", "task_id", "text"])


def unaccounted_lines(doc: Document) -> pd.DataFrame:
    """Non-blank lines the parser could not explain (should be empty for a known layout)."""
    acc = line_accounting(doc)
    return acc[acc["role"] == "unaccounted"].reset_index(drop=True)


def document_layouts(doc: Document) -> list[str]:
    """The layouts found in a document, in order of appearance.

    ``prose`` (numbered items), ``field-lines`` (``- Cơ quan chủ trì:`` blocks),
    ``tab-table``, ``pipe-table``, ``letter`` (công văn), ``news`` (no tasks by design).
    """
    if doc.doc_type.strip().lower() == "tin bài":
        return ["news"]
    acc = line_accounting(doc)
    roles = set(acc.role)
    found = []
    if doc.doc_type.strip().lower() == "công văn":
        found.append("letter")
    elif roles & TASK_ROLES:
        found.append("prose")
    if "field" in roles:
        found.append("field-lines")
    if acc.text.str.contains("\t").any():
        found.append("tab-table")
    if "table_rule" in roles:
        found.append("pipe-table")
    return found


#: How a warning that is only for information starts (a document without a manifest row).
#: Notes that say how a document was read, not that something is wrong with what was read: the
#: metadata guessed from its header, and a clean read of a Vietnamese encoding other than UTF-8
#: ("not UTF-8; read as cp1258", "… as utf-16"); ``kehoach extract --strict`` does not fail on
#: them. (Repaired, converted or mixed text is a warning: its characters are worth a look.)
INFORMATION_NOTES = ("metadata guessed", "not UTF-8; read as ")


def document_warnings(doc: Document) -> list[str]:
    """Warnings about a document: those from loading, a plan with no recognisable tasks, tasks
    with no text, table rows not split, a table held whole in one task's text, and unaccounted
    lines."""
    out = list(doc.warnings)
    tasks = extract_tasks(doc)
    if tasks.empty and doc.doc_type.strip().lower() != "tin bài":
        out.append("no recognisable tasks")
    blank = tasks[tasks["text"].str.strip() == ""] if not tasks.empty else tasks
    if len(blank):  # a row whose cells were not read: its text is lost, so say which
        lines = ", ".join(str(n) for n in blank["line_start"].head(5))
        out.append(f"{len(blank)} task(s) with no text (lines {lines}{', …' if len(blank) > 5 else ''}): "
                   "check how the table or list there was read")
    if kept := _parse(doc).unsplit_rows:
        out.append(f"table row(s) laid out with spaces not split into their columns (lines "
                   f"{', '.join(map(str, kept[:5]))}{', …' if len(kept) > 5 else ''}): their text is kept whole, "
                   "their lead and deadline are not read")
    if not tasks.empty and (swallowed := tasks[tasks["text"].str.contains(_TABLE_IN_TEXT)]).shape[0]:
        # a table the parser could not split (cells one a line, columns run together) is one task
        where = ", ".join(f"{p} (lines {a}-{b})" for p, a, b in
                          swallowed[["path", "line_start", "line_end"]].head(3).itertuples(index=False))
        out.append(f"{len(swallowed)} task(s) hold a table's header and rows in their text ({where}): its rows "
                   "were not split into tasks; check how that table was read")
    if repeated := _repeated_in_appendix(tasks):
        out.append(f"{len(repeated)} row(s) of an appendix table repeat tasks of the plan, with the same lead and "
                   f"due date ({', '.join(repeated[:5])}{', …' if len(repeated) > 5 else ''}): both are kept; "
                   "count one of each before comparing plans by their number of tasks")
    unaccounted = int((line_accounting(doc).role == "unaccounted").sum())
    if unaccounted:
        out.append(f"{unaccounted} unaccounted lines")
    return out


#: Fewest appendix rows with the lead and due date of a task in the plan's body that make the
#: appendix a summary of its tasks (:func:`document_warnings`).
REPEATED_MIN_ROWS = 3


def _repeated_in_appendix(tasks: pd.DataFrame) -> list[str]:
    """Paths of appendix rows ("PL…") whose lead and due date are those of a task in the plan's
    body: a summary table repeating the tasks (a plan may list them twice)."""
    if tasks.empty:
        return []
    dated = tasks[(tasks["due"] != "") & (tasks["lead"].str.strip() != "")]
    appendix = dated["path"].str.startswith("PL")
    body = set(zip(dated.loc[~appendix, "lead"].str.casefold(), dated.loc[~appendix, "due"], strict=True))
    rows = dated[appendix]
    repeated = [p for p, lead, due in zip(rows["path"], rows["lead"].str.casefold(), rows["due"], strict=True)
                if (lead, due) in body]
    return repeated if len(repeated) >= REPEATED_MIN_ROWS else []


#: A table's header inside a task's text: "STT Nội dung nhiệm vụ Cơ quan chủ trì …".
_TABLE_IN_TEXT = re.compile(r"\b(?:STT|TT)\s+(?:Nội dung|Nhiệm vụ|Tên)[^.;]{0,80}?(?:chủ trì|thực hiện)\b")


def corpus_document_warnings(docs, *, notes: bool = True, cache: bool = False, cache_dir=None) -> list[list[str]]:
    """:func:`document_warnings` of each document; ``notes=False`` leaves out what is only for
    information (the metadata read from the header, see :data:`INFORMATION_NOTES`), as the
    commands after ``extract`` do. With ``cache=True`` they come from the on-disk cache
    (:func:`kehoach_lib.cache.cached_document_warnings`), as the commands read them, since
    finding unaccounted lines takes a parse that the cached task tables spare."""
    docs = list(docs)
    if cache:
        from .cache import cached_document_warnings

        found = cached_document_warnings(docs, warn=document_warnings, cache_dir=cache_dir)
    else:
        found = [document_warnings(d) for d in docs]
    return [[w for w in ws if notes or not w.startswith(INFORMATION_NOTES)] for ws in found]


def _language_warnings(doc: Document) -> list[str]:
    """The corpus check that concerns this document alone (does it look Vietnamese?)."""
    from .load import corpus_warnings

    prefix = f"{doc.source}: "
    return [w.removeprefix(prefix) for w in corpus_warnings([doc])]


def corpus_overview(docs) -> pd.DataFrame:
    """One row per document: metadata, format, size, layouts, tasks by kind, unaccounted lines."""
    rows = []
    for doc in docs:
        tasks = extract_tasks(doc)
        acc = line_accounting(doc)
        kinds = tasks.kind.value_counts()
        rows.append({
            "doc_id": doc.doc_id,
            "province": doc.province,
            "number": doc.number,
            "doc_type": doc.doc_type,
            "date": doc.date,
            "lines": int((acc.role != "blank").sum()),
            "chars": sum(len(line) for line in doc.lines),
            "layout": ", ".join(document_layouts(doc)),
            "tasks": len(tasks),
            "objectives": int(kinds.get("objective", 0)),
            "duties": int(kinds.get("duty", 0)),
            "with_due": int((tasks.due != "").sum()),
            "unaccounted": int((acc.role == "unaccounted").sum()),
            "format": doc.format,
            "encoding": doc.encoding,
            "warnings": "; ".join([*document_warnings(doc), *_language_warnings(doc)]),
        })
    return pd.DataFrame(rows)
