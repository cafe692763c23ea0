"""A synthetic national-scale corpus made from the seed tasks, reworded realistically.

Every province gets tasks drawn from the seed plans' tasks, each reworded by a seeded
random choice of: abbreviation ↔ expansion swaps (TTHC ↔ thủ tục hành chính, UBND ↔ Ủy ban
nhân dân), old/new tone-mark placement (hoá/hóa, uỷ/ủy), synonym swaps (tập huấn ↔ đào tạo,
công khai ↔ niêm yết), clause reordering, boilerplate added or dropped, and the province
name swapped, a place and a time phrase added. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from pathlib import Path


def _provinces() -> list[tuple[str, str]]:
    """(name, tỉnh | thành phố) of the 63 provinces before the 2025 mergers, from the package's
    editable list (Huế, the one name after them, left out)."""
    from kehoach_lib.config import DATA_DIR, data_rows

    return [(r["name"], r["kind"]) for r in data_rows(DATA_DIR / "province_names.csv") if r["name"] != "Huế"]


PROVINCES = [name for name, _ in _provinces()]
KINDS = dict(_provinces())
SWAPS = [("TTHC", "thủ tục hành chính"), ("UBND", "Ủy ban nhân dân"), ("DVCTT", "dịch vụ công trực tuyến"),
         ("PAKN", "phản ánh, kiến nghị"), ("CSDL", "cơ sở dữ liệu")]
TONES = [("hóa", "hoá"), ("ủy", "uỷ"), ("thủy", "thuỷ"), ("hòa", "hoà")]
SYNONYMS = [("tập huấn", "đào tạo, bồi dưỡng"), ("công khai", "niêm yết"), ("tuyên truyền", "truyền thông"),
            ("rà soát", "kiểm tra, rà soát"), ("nâng cấp", "hoàn thiện")]
BOILERPLATE = ["Tiếp tục ", "Tổ chức triển khai ", "Chủ động ", "Khẩn trương ", ""]
AGENCIES = ["Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Sở Tư pháp", "Sở Nội vụ",
            "Sở Tài chính", "Sở, ban, ngành tỉnh; UBND cấp huyện"]
PLACE = [" trên địa bàn tỉnh {province}", " tại tỉnh {province}", " của tỉnh {province}",
         " ở các cơ quan, đơn vị của tỉnh {province}"]
WHEN = [" trong năm 2025", " trong năm 2026", " giai đoạn 2025-2026", " trong Quý III năm 2025",
        " hằng năm", " theo kế hoạch của tỉnh"]
DEADLINES = ["Trong Quý II năm 2025", "Thường xuyên", "Trước ngày 30/6/2025", "Tháng 12/2025",
             "Trong năm 2025"]


def reword(text: str, rng: random.Random, province: str) -> str:
    for a, b in SWAPS:
        if rng.random() < 0.5:
            text = text.replace(a, b) if a in text else text.replace(b, a)
    for a, b in TONES:
        if rng.random() < 0.5:
            text = text.replace(a, b)
    for a, b in SYNONYMS:
        if rng.random() < 0.3:
            text = text.replace(a, b)
    clauses = [c.strip() for c in re.split(r"[;]", text) if c.strip()]
    if len(clauses) > 1 and rng.random() < 0.4:
        rng.shuffle(clauses)
    text = "; ".join(clauses)
    text = re.sub(r"^(Tiếp tục|Tổ chức|Chủ động|Khẩn trương)\s+", "", text)
    text = rng.choice(BOILERPLATE) + text[:1].lower() + text[1:] if text else text
    text = re.sub(r"(tỉnh )(Bắc Giang|Bắc Ninh|Bến Tre)", rf"\g<1>{province}", text)
    text = text.rstrip(" .;")
    if rng.random() < 0.6:
        text += rng.choice(PLACE).format(province=province)
    if rng.random() < 0.4:
        text += rng.choice(WHEN)
    return text[:1].upper() + text[1:] + "."


def seed_tasks() -> list[str]:
    from kehoach_lib import extract_corpus, load_corpus

    tasks = extract_corpus(load_corpus())
    return tasks[tasks.kind != "objective"].text.tolist()


def synthetic_tasks(provinces: int = 63, per_province: int = 300, seed: int = 0):
    """A task table (pandas) of ``provinces × per_province`` reworded seed tasks."""
    import pandas as pd

    rng = random.Random(seed)
    base = seed_tasks()
    rows = []
    for n, p in enumerate(PROVINCES[:provinces]):
        doc = f"synthetic_{n + 1:02d}"
        for k in range(per_province):
            text = reword(rng.choice(base), rng, p)
            rows.append({"task_id": f"{doc}:{k + 1}", "doc_id": doc, "province": p, "kind": "task",
                         "section": "", "text": text})
    return pd.DataFrame(rows)


def write_plans(folder: Path, *, plans: int = 300, tasks_per_plan: int = 60, seed: int = 0) -> Path:
    """A folder of synthetic plan files in the nested-prose layout (no manifest)."""
    rng = random.Random(seed)
    base = seed_tasks()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(plans):
        province = PROVINCES[n % len(PROVINCES)]
        issuer = f"ỦY BAN NHÂN DÂN {KINDS[province]} {province}".upper()
        lines = [issuer, f"Số: {100 + n}/KH-UBND | {province}, ngày 10 tháng 3 năm 2025",
                 "KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2025",
                 "Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ.", "I. NỘI DUNG"]
        for g in range(tasks_per_plan // 6):
            lines.append(f"{g + 1}. Nhóm nhiệm vụ {g + 1}")
            for i in range(6):
                lines.append(f"{'abcdeg'[i]}) {reword(rng.choice(base), rng, province)}")
                lines.append(f"- Cơ quan chủ trì: {rng.choice(AGENCIES)}.")
                lines.append(f"- Thời hạn hoàn thành: {rng.choice(DEADLINES)}.")
        (folder / f"ke-hoach-{n:03d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder
