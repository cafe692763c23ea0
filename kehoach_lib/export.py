"""Export: comparison tables as CSV (UTF-8 with BOM), one formatted XLSX workbook, Markdown
and HTML, plus an ``index.html`` that links every table and shows every figure.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from . import config
from .paths import safe_output_path

LABELS_FILE = config.DATA_DIR / "column_labels.csv"
#: Table formats written by :func:`write_tables`.
DEFAULT_FORMATS = ("csv", "xlsx", "md", "html")
#: Widest XLSX column, in characters.
MAX_COLUMN_WIDTH = 60
#: Rows of a table written to its XLSX sheet, Markdown and HTML (the CSV always has them all,
#: and the other forms say so when they stop short). A sheet holds at most 1,048,575 rows, and
#: 36,355 rows of matches took 9.3 s as XLSX, 4.3 s as Markdown and 2.5 s as HTML (0.5 s as
#: CSV), so a national match table of 1.6 million rows would take minutes and then fail.
DISPLAY_MAX_ROWS = 100_000
WORKBOOK_NAME = "tables.xlsx"
#: Creation/modification time written into workbooks, so a re-run gives identical files.
FIXED_TIMESTAMP = "2000-01-01T00:00:00Z"
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
_FILE_BAD = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@config.reread_on_change
def _labels(path: Path = LABELS_FILE) -> dict[str, dict[str, str]]:
    return {r["column"]: {"en": r["en"], "vi": r["vi"]} for r in config.data_rows(path)}


def label(name: str, *, lang: str = "en") -> str:
    """The label of ``name`` in ``lang`` from ``column_labels.csv`` (``name`` when it has none)."""
    return _labels(LABELS_FILE).get(name, {}).get(lang, name)


def table_title(name: str, *, lang: str = "en") -> str:
    """A table's title in ``lang`` (its ``table:`` row; the name itself in English or without one)."""
    found = _labels(LABELS_FILE).get(f"table:{name}", {}).get(lang, "")
    return found or name


def _value_labels(lang: str) -> dict[str, str]:
    """Value -> its label in ``lang``, from the ``value:`` rows of ``column_labels.csv``."""
    return {k[len("value:"):]: v[lang] for k, v in _labels(LABELS_FILE).items() if k.startswith("value:")}


def readable(df: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """A table as the report shows it: index as columns, categories and headers in ``lang``."""
    return label_columns(label_values(_flat(df), lang=lang), lang=lang)


def label_values(df: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """A copy whose categorical cells read in ``lang`` (``objective`` -> ``mục tiêu``, ``covered``
    -> ``đã có``), from the ``value:`` rows of ``column_labels.csv``: only columns whose every
    non-empty cell is such a value (a coverage matrix, ``kind``, ``status``), so free text is
    never touched. English: unchanged."""
    if lang == "en":
        return df.copy()
    labels = _value_labels(lang)

    def parts(cell: str) -> list[str]:  # "prose, field-lines": a list of values
        return cell.split(", ")

    def translate(cell):
        return ", ".join(labels.get(p, p) for p in parts(cell)) if isinstance(cell, str) and cell else cell

    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            cells = out[col].dropna().astype(str)
            cells = cells[cells != ""]
            if len(cells) and all(p in labels for cell in cells for p in parts(cell)):
                out[col] = out[col].map(translate)
    return out


def summary_value(value, *, lang: str = "en") -> str:
    """A value of the report's summary in ``lang`` ("3 covered, 4 partial, 24 missing")."""
    text = str(value)
    if lang == "en":
        return text
    labels = _value_labels(lang)
    return re.sub(r"\b(covered|partial|missing)\b", lambda m: labels.get(m.group(1), m.group(1)), text)


def _summary_label(key: str, lang: str) -> str:
    """A line of the report's summary in ``lang`` ("coverage in Bắc Giang": the province kept)."""
    for prefix in ("coverage in ",):
        if key.startswith(prefix):
            return f"{label('summary:' + prefix.strip(), lang=lang)} {key[len(prefix):]}"
    return label(f"summary:{key}", lang=lang)


def label_columns(df: pd.DataFrame, *, lang: str = "en") -> pd.DataFrame:
    """A copy with readable column headers in ``lang`` ("en" or "vi"); others unchanged.

    Headers stay unique: a label shared by several columns gets the column name in brackets.
    """
    if lang not in ("en", "vi"):
        raise ValueError("lang must be 'en' or 'vi'")
    labels = _labels(LABELS_FILE)
    out = df.copy()
    names = [str(c) for c in df.columns]
    # a column named by a value ("blank", "duty" of the line-roles table) reads as that value
    headers = [labels.get(c, labels.get(f"value:{c}", {})).get(lang, c) for c in names]
    shared = {h for h in headers if headers.count(h) > 1}
    out.columns = [f"{h} ({c})" if h in shared and h != c else h for h, c in zip(headers, names, strict=False)]
    if out.index.name in labels:
        out.index.name = labels[out.index.name][lang]
    return out


def _flat(df: pd.DataFrame) -> pd.DataFrame:
    """Index (if meaningful) as columns, so every format shows the same table."""
    if isinstance(df.index, pd.MultiIndex) or df.index.name is not None:
        return df.reset_index()
    return df


def sheet_name(name: str, taken: set[str]) -> str:
    """An Excel-safe, unique sheet name (≤ 31 characters)."""
    base = _SHEET_BAD.sub("_", name)[:31] or "sheet"
    out, k = base, 2
    while out.lower() in {t.lower() for t in taken}:
        suffix = f"_{k}"
        out, k = base[: 31 - len(suffix)] + suffix, k + 1
    return out


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """``df`` as CSV in UTF-8 with a byte-order mark (spreadsheet programs then read the Vietnamese)."""
    df.to_csv(path, index=False, encoding="utf-8-sig")
    return path


def write_markdown(df: pd.DataFrame, path: Path, *, title: str = "", note: str = "") -> Path:
    """``df`` as a Markdown table, under ``# title`` and a ``> note`` when given; blank for missing values."""
    body = df.to_markdown(index=False, missingval="") if len(df.columns) else ""
    path.write_text((f"# {title}\n\n" if title else "") + (f"> {note}\n\n" if note else "") + body + "\n",
                    encoding="utf-8")
    return path


def html_table(df: pd.DataFrame) -> str:
    """``df`` as an HTML ``<table>`` (text escaped, blank for missing values)."""
    return df.to_html(index=False, escape=True, na_rep="", border=0, classes="table")


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; font-size: 0.85em; }}
th, td {{ border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; text-align: left; }}
th {{ background: #eef2f7; position: sticky; top: 0; }}
img {{ max-width: 100%; border: 1px solid #ddd; margin: 0.5em 0 1.5em; }}
.summary td {{ border: none; }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def write_html(df: pd.DataFrame, path: Path, *, title: str = "", lang: str = "en", note: str = "") -> Path:
    """``df`` as a standalone UTF-8 HTML page with ``title`` and ``note``."""
    caption = f"<p><i>{html.escape(note)}</i></p>\n" if note else ""
    body = f"<h1>{html.escape(title)}</h1>\n{caption}{html_table(df)}"
    path.write_text(_PAGE.format(lang=lang, title=html.escape(title), body=body), encoding="utf-8")
    return path


def write_xlsx(tables: dict[str, pd.DataFrame], path: Path, *, notes: dict[str, str] | None = None) -> Path:
    """One workbook, a sheet per table: bold frozen header, autofilter, widths, wrapped text;
    a table's note (``notes``), if any, in the row below it."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    taken: set[str] = set()
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, df in tables.items():
            sheet = sheet_name(name, taken)
            taken.add(sheet)
            _cell_safe(df).to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            ws.freeze_panes = "A2"
            if df.shape[1]:
                ws.auto_filter.ref = ws.dimensions
            for cell in ws[1]:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="EEF2F7")
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            for idx, column in enumerate(df.columns, start=1):
                values = [str(column)] + [str(v) for v in df[column].head(500)]
                width = min(MAX_COLUMN_WIDTH, max(8, max(len(v) for v in values) + 2))
                ws.column_dimensions[get_column_letter(idx)].width = width
                if width >= MAX_COLUMN_WIDTH:
                    for row in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
                        row[0].alignment = Alignment(wrap_text=True, vertical="top")
            if (notes or {}).get(name):
                ws.cell(row=len(df) + 2, column=1, value=notes[name]).font = Font(italic=True)
    _make_reproducible(path)
    return path


def _cell_safe(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the control characters a workbook cell cannot hold removed from its text
    (a stray byte of a scraped page would otherwise stop the whole workbook)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    out = df.copy()
    for k in range(out.shape[1]):  # by position: column names may repeat or not be text
        column = out.iloc[:, k]
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            out.iloc[:, k] = column.map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v)
    return out


_XLSX_TIMES = re.compile(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _make_reproducible(path: Path) -> None:
    """Same tables, same bytes: fixed document times and zip member times in a workbook."""
    import zipfile

    with zipfile.ZipFile(path) as src:
        members = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = _XLSX_TIMES.sub(rf"\g<1>{FIXED_TIMESTAMP}\g<2>", data.decode("utf-8")).encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, data)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path, *, lang: str = "en",
                 formats=DEFAULT_FORMATS, max_rows: int = DISPLAY_MAX_ROWS) -> dict[str, dict[str, Path]]:
    """Every table in every format; returns ``{table: {format: path}}``. The CSV has every row;
    the XLSX sheet, Markdown and HTML the first ``max_rows`` (a whole number ≥ 0), saying so
    (and one warning). A table cut short also gets its CSV when ``formats`` lacks it."""
    import warnings

    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    if isinstance(max_rows, bool) or not isinstance(max_rows, int) or max_rows < 0:
        raise ValueError(f"max_rows must be a whole number of rows, 0 or more (not {max_rows!r})")
    if not isinstance(tables, dict):
        raise TypeError("tables must be a dict of name -> DataFrame, e.g. {'tasks': tasks}")
    unknown = sorted(set(formats) - set(DEFAULT_FORMATS))
    if unknown:
        raise ValueError(f"formats {unknown} not supported; choose from {DEFAULT_FORMATS}")
    # a name becomes a file name: "Nghệ An/tasks" -> "Nghệ An_tasks" (the sheet name is made safe too)
    safe: dict[str, pd.DataFrame] = {}
    for name, df in tables.items():
        base = _FILE_BAD.sub("_", str(name)).strip(" .") or "table"
        key, k = base, 2
        while key.lower() in {t.lower() for t in safe}:  # two names made alike keep both tables
            key, k = f"{base}_{k}", k + 1
        safe[key] = df
    tables = safe
    out_dir = Path(out_dir)
    (out_dir / "tables").mkdir(parents=True, exist_ok=True)
    written: dict[str, dict[str, Path]] = {}
    labelled = {name: readable(df, lang=lang) for name, df in tables.items()}
    shown, notes = {}, {}
    for name, df in labelled.items():
        shown[name] = df.head(max_rows)
        if len(df) > max_rows and set(formats) - {"csv"}:
            notes[name] = f"The first {max_rows:,} of {len(df):,} rows; {name}.csv has them all."
            warnings.warn(f"{name}: {len(df):,} rows; its XLSX sheet, Markdown and HTML hold the first "
                          f"{max_rows:,}, the CSV all of them", stacklevel=2)
    for name, df in labelled.items():
        paths = {}
        if "csv" in formats or name in notes:  # the only form with every row of a long table
            paths["csv"] = write_csv(df, safe_output_path(out_dir, f"tables/{name}.csv"))
        if "md" in formats:
            paths["md"] = write_markdown(shown[name], safe_output_path(out_dir, f"tables/{name}.md"),
                                         title=table_title(name, lang=lang), note=notes.get(name, ""))
        if "html" in formats:
            paths["html"] = write_html(shown[name], safe_output_path(out_dir, f"tables/{name}.html"),
                                       title=table_title(name, lang=lang), lang=lang, note=notes.get(name, ""))
        written[name] = paths
    if "xlsx" in formats:
        book = write_xlsx(shown, safe_output_path(out_dir, WORKBOOK_NAME), notes=notes)
        for paths in written.values():
            paths["xlsx"] = book
    return written


def write_index(out_dir: str | Path, *, title: str | None = None, tables: dict[str, dict[str, Path]],
                figures: dict[str, list[Path]], summary: dict | None = None,
                previews: dict[str, pd.DataFrame] | None = None, lang: str = "en",
                warnings: list[str] | None = None, figure_titles: dict[str, str] | None = None) -> Path:
    """``index.html``: summary, the ``warnings`` the run gave (files not read, documents to
    check), every figure shown, every table linked in every format."""
    out_dir = Path(out_dir).resolve()

    def rel(p: Path) -> str:
        return html.escape(Path(p).resolve().relative_to(out_dir).as_posix())

    title = title or label("index:title", lang=lang)
    parts = [f"<h1>{html.escape(title)}</h1>"]
    if summary:
        rows = "".join(f"<tr><td><b>{html.escape(_summary_label(str(k), lang))}</b></td>"
                       f"<td>{html.escape(summary_value(v, lang=lang))}</td></tr>" for k, v in summary.items())
        parts.append(f"<h2>{label('index:summary', lang=lang)}</h2><table class='summary'>{rows}</table>")
    if warnings:
        items = "".join(f"<li>{html.escape(m)}</li>" for m in warnings)
        parts.append(f"<h2>{label('warnings', lang=lang)}</h2><p>{label('index:warnings_note', lang=lang)}</p>"
                     f"<ul class='warnings'>{items}</ul>")
    parts.append(f"<h2>{label('index:figures', lang=lang)}</h2>")
    for name, paths in figures.items():
        png = next((p for p in paths if Path(p).suffix == ".png"), None)
        links = " · ".join(f"<a href='{rel(p)}'>{Path(p).suffix[1:].upper()}</a>" for p in paths)
        shown_title = (figure_titles or {}).get(name) or label(f"figure:{name}", lang=lang)
        parts.append(f"<h3>{html.escape(shown_title)}</h3>")
        if png:
            parts.append(f"<img src='{rel(png)}' alt='{html.escape(name)}'>")
        parts.append(f"<p>{links}</p>")
    parts.append(f"<h2>{label('index:tables', lang=lang)}</h2><ul>")
    for name, paths in tables.items():
        links = " · ".join(f"<a href='{rel(p)}'>{fmt.upper()}</a>" for fmt, p in paths.items())
        parts.append(f"<li><b>{html.escape(table_title(name, lang=lang))}</b>: {links}</li>")
    parts.append("</ul>")
    for name, df in (previews or {}).items():
        parts.append(f"<h3>{html.escape(table_title(name, lang=lang))}</h3>{html_table(readable(df, lang=lang))}")
    path = safe_output_path(out_dir, "index.html")
    path.write_text(_PAGE.format(lang=lang, title=html.escape(title), body="\n".join(parts)),
                    encoding="utf-8")
    return path
