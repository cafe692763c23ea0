"""A Lào Cai plan whose task table has no rules and vertically centred, wrapped cells (fpdf2 2.8).

    python make_lao_cai_centred.py lao_cai_centred.pdf centred
    python make_lao_cai_centred.py lao_cai_centred_top_text.pdf mixed-nopad-long

``centred``: every cell centred vertically, 1.5 mm padding. ``mixed``: the task's text at the top
of its cell, the rest centred. ``nopad``: no padding (as Word's default cell margins). ``top``:
every cell at the top. ``long``: group II's title wraps onto two lines across the columns.
``short``: the header's names on one line ("STT  Nội dung  Chủ trì  Phối hợp  Thời hạn"), and the
table opens with row 11 (a short task, long agencies), as "0":

    python make_lao_cai_centred.py lao_cai_centred_short_header.pdf centred-nopad-short
"""

import sys

from fpdf import FPDF
from fpdf.enums import TableBordersLayout, VAlign

FONTS = "/usr/share/fonts/truetype/dejavu/"
HEADER = ("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành")
SO_BAN_NGANH = "Các sở, ban, ngành tỉnh"
VP = "Văn phòng UBND tỉnh"
KHCN = "Sở Khoa học và Công nghệ"
LONG_GROUP = ("Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến "
              "toàn trình cho người dân, doanh nghiệp trên địa bàn tỉnh")
ROWS = [
    ("I", "Cắt giảm, đơn giản hóa thủ tục hành chính"),
    ("1", "Rà soát, thống kê toàn bộ thủ tục hành chính, điều kiện kinh doanh và chi phí tuân thủ thuộc "
          "phạm vi quản lý của ngành, lĩnh vực", SO_BAN_NGANH, VP, "Trước ngày 31/8/2025"),
    ("2", "Xây dựng phương án cắt giảm tối thiểu 30% thời gian giải quyết và 30% chi phí tuân thủ thủ tục "
          "hành chính", SO_BAN_NGANH, "Sở Tư pháp; Văn phòng UBND tỉnh", "Tháng 9/2025"),
    ("3", "Công bố danh mục thủ tục hành chính được cắt giảm", VP, "Các sở, ban, ngành", "Quý IV/2025"),
    ("4", "Kiểm soát chặt chẽ việc ban hành mới thủ tục hành chính trong các dự thảo văn bản quy phạm "
          "pháp luật của tỉnh, bảo đảm chỉ ban hành khi thật sự cần thiết, hợp lý, hợp pháp",
     "Sở Tư pháp", SO_BAN_NGANH, "Thường xuyên"),
    ("II", "Số hóa và dịch vụ công trực tuyến"),
    ("5", "Tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục hành "
          "chính đủ điều kiện", SO_BAN_NGANH, KHCN, "Năm 2025"),
    ("6", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Trung tâm Phục vụ hành chính công tỉnh",
     "Các sở, ban, ngành; UBND cấp xã", "Trước ngày 30/11/2025"),
    ("7", "Kết nối, chia sẻ dữ liệu giữa Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh với các "
          "cơ sở dữ liệu quốc gia, bảo đảm người dân, doanh nghiệp không phải cung cấp lại thông tin đã có",
     KHCN, "Công an tỉnh; Văn phòng UBND tỉnh", "Quý III/2025"),
    ("8", "Đánh giá mức độ hài lòng của tổ chức, cá nhân", "Sở Nội vụ", VP, "Hằng quý"),
    ("III", "Kiểm tra, báo cáo"),
    ("9", "Kiểm tra việc thực hiện cắt giảm thủ tục hành chính tại các cơ quan, đơn vị, địa phương", VP,
     "Sở Nội vụ; Sở Tư pháp", "Quý IV/2025"),
    ("10", "Tổng hợp, báo cáo kết quả thực hiện Nghị quyết số 66/NQ-CP gửi Văn phòng Chính phủ", VP,
     SO_BAN_NGANH, "Trước ngày 15/12/2025"),
    ("11", "Tuyên truyền", "Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình Lào Cai", "Năm 2025"),
]


def main(out: str, mode: str) -> None:
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.add_font("S", "", FONTS + "DejaVuSerif.ttf")
    pdf.add_font("S", "B", FONTS + "DejaVuSerif-Bold.ttf")
    pdf.add_page()

    def para(text, align="L"):
        pdf.multi_cell(0, 6, text, align=align, new_x="LMARGIN", new_y="NEXT")

    pdf.set_font("S", "B", 11)
    para("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "C")
    pdf.set_font("S", "", 11)
    para("Số: 412/KH-UBND          Lào Cai, ngày 18 tháng 7 năm 2025", "C")
    pdf.ln(3)
    pdf.set_font("S", "B", 12)
    para("KẾ HOẠCH", "C")
    para("Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ về cắt giảm, đơn giản hóa thủ tục "
         "hành chính liên quan đến hoạt động sản xuất, kinh doanh", "C")
    pdf.ln(2)
    pdf.set_font("S", "", 11)
    para("I. MỤC ĐÍCH, YÊU CẦU")
    para("Triển khai đầy đủ, kịp thời các nhiệm vụ được giao tại Nghị quyết số 66/NQ-CP; xác định rõ cơ "
         "quan chủ trì, thời hạn hoàn thành.")
    para("II. NHIỆM VỤ CỤ THỂ")
    pdf.set_font("S", "", 10)
    with pdf.table(col_widths=(12, 70, 32, 32, 29), borders_layout=TableBordersLayout.NONE,
                   v_align=VAlign.T if mode == "top" else VAlign.M, line_height=5,
                   padding=0 if "nopad" in mode else 1.5, first_row_as_headings=True, repeat_headings=1,
                   text_align=("CENTER", "JUSTIFY", "LEFT", "LEFT", "CENTER")) as table:
        row = table.row()
        for name in (("STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn") if "short" in mode else HEADER):
            row.cell(name)
        for cells in ([("0", *ROWS[-1][1:]), *ROWS] if "short" in mode else ROWS):
            row = table.row()
            if "long" in mode and cells[0] == "II":
                cells = ("II", LONG_GROUP)
            if len(cells) == 2:  # a group: its title across the columns
                row.cell(cells[0])
                row.cell(cells[1], colspan=4)
                continue
            for k, text in enumerate(cells):
                row.cell(text, v_align=VAlign.T) if "mixed" in mode and k == 1 else row.cell(text)
    pdf.set_font("S", "", 11)
    pdf.ln(3)
    para("III. TỔ CHỨC THỰC HIỆN")
    para("1. Các sở, ban, ngành, UBND cấp xã căn cứ nhiệm vụ được giao xây dựng kế hoạch của cơ quan, đơn "
         "vị mình, hoàn thành trước ngày 15/8/2025.")
    para("2. Văn phòng UBND tỉnh theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo UBND tỉnh.")
    pdf.output(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "centred")
