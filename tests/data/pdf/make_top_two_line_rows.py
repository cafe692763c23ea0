"""A borderless task table with its cells at the top, no padding, and rows of two lines each
(fpdf2 2.8): evenly spaced lines fit a reading with cells centred vertically as well.

    python make_top_two_line_rows.py top_two_line_rows.pdf
"""

import sys

from fpdf import FPDF
from fpdf.enums import TableBordersLayout, VAlign

FONTS = "/usr/share/fonts/truetype/dejavu/"
ROWS = [("1", "Rà soát, thống kê toàn bộ thủ tục hành chính thuộc phạm vi quản lý của ngành", "Sở Tư pháp",
         "Văn phòng UBND", "Quý III/2025"),
        ("2", "Kiện toàn Bộ phận Một cửa các cấp bảo đảm đủ điều kiện hoạt động theo quy định", "Sở Nội vụ",
         "UBND cấp xã", "Năm 2025")]


def main(out: str) -> None:
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.add_font("S", "", FONTS + "DejaVuSerif.ttf")
    pdf.add_font("S", "B", FONTS + "DejaVuSerif-Bold.ttf")
    pdf.add_page()
    pdf.set_font("S", "", 11)
    pdf.multi_cell(0, 6, "II. NHIỆM VỤ CỤ THỂ", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("S", "", 10)
    with pdf.table(col_widths=(12, 70, 32, 32, 29), borders_layout=TableBordersLayout.NONE, v_align=VAlign.T,
                   line_height=5, padding=0, first_row_as_headings=True) as table:
        row = table.row()
        for name in ("STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"):
            row.cell(name)
        for cells in ROWS:
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.set_font("S", "", 11)
    pdf.ln(3)
    pdf.multi_cell(0, 6, "III. TỔ CHỨC THỰC HIỆN", new_x="LMARGIN", new_y="NEXT")
    pdf.output(out)


if __name__ == "__main__":
    main(sys.argv[1])
