"""Plots: report figures as matplotlib ``Figure`` objects (no pyplot state, no global rcParams).

Every figure is drawn with a font that has the Vietnamese glyphs (DejaVu Sans, shipped with
matplotlib) and saved deterministically (fixed SVG hash salt, no dates in metadata), so
re-running a report gives identical files.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import matplotlib
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from .paths import safe_output_path

#: A font with full Vietnamese coverage, bundled with matplotlib.
FONT_FAMILY = "DejaVu Sans"
DEFAULT_DPI = 150
STATUS_COLORS = {"covered": "#2e7d32", "partial": "#f9a825", "missing": "#c62828"}
_RC = {"font.family": FONT_FAMILY, "svg.hashsalt": "kehoach", "svg.fonttype": "path",
       "axes.titlesize": 11, "font.size": 9}
#: Characters of an 11-point title that fit in one inch of figure width.
TITLE_CHARS_PER_INCH = 11


@contextmanager
def figure_style():
    """The settings figures are drawn and saved with (applied only inside the block)."""
    with matplotlib.rc_context(_RC):
        yield


def _wrap(title: str, width_inches: float) -> str:
    """A title broken into lines that fit a figure ``width_inches`` wide."""
    import textwrap

    return "\n".join(textwrap.wrap(title, width=max(20, int(width_inches * TITLE_CHARS_PER_INCH))))


#: Smallest heatmap, in inches (width, height).
HEATMAP_MIN_SIZE = (4.5, 3.0)


def _new_figure(width: float, height: float) -> Figure:
    with figure_style():
        return Figure(figsize=(width, height), layout="constrained")


def _empty(title: str) -> Figure:
    """A figure that says there is nothing to show (an empty matrix), instead of empty axes."""
    with figure_style():
        fig = _new_figure(*HEATMAP_MIN_SIZE)
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, "nothing to show: the table is empty", ha="center", va="center", transform=ax.transAxes)
        if title:
            fig.suptitle(_wrap(title, HEATMAP_MIN_SIZE[0]), fontsize=_RC["axes.titlesize"])
    return fig


def heatmap(df: pd.DataFrame, *, title: str = "", cmap: str = "Blues", vmin: float = 0.0,
            vmax: float | None = None, annotate: bool = True, fmt: str = "{:.2f}") -> Figure:
    """A numeric matrix as a heatmap, labelled rows and columns, values written in cells."""
    if df.empty:
        return _empty(title)
    values = df.to_numpy(dtype=float)
    with figure_style():
        # never smaller than room for the title, the colour bar and rotated labels (a matrix of
        # one or two documents is tiny otherwise)
        width = max(HEATMAP_MIN_SIZE[0], 1.6 + 1.1 * df.shape[1])
        fig = _new_figure(width, max(HEATMAP_MIN_SIZE[1], 1.2 + 0.45 * df.shape[0]))
        ax = fig.add_subplot()
        im = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, vmin=vmin,
                       vmax=vmax if vmax is not None else np.nanmax(values) if values.size else 1)
        ax.set_xticks(range(df.shape[1]), [str(c) for c in df.columns], rotation=30, ha="right")
        ax.set_yticks(range(df.shape[0]), [str(i) for i in df.index])
        if annotate:
            for (i, j), v in np.ndenumerate(values):
                if not np.isnan(v):
                    ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=8,
                            color="white" if v > 0.6 * (vmax or np.nanmax(values)) else "black")
        if title:  # over the whole figure, wrapped to its width, so a long title is never cut
            fig.suptitle(_wrap(title, width), fontsize=_RC["axes.titlesize"])
        fig.colorbar(im, ax=ax, shrink=0.8)
    return fig


def status_heatmap(matrix: pd.DataFrame, *, title: str = "", labels: dict[str, str] | None = None) -> Figure:
    """A requirement × province matrix of covered / partial / missing, one colour each
    (:func:`kehoach_lib.coverage.coverage_matrix` makes it from the coverage table); ``labels``
    name the statuses in the legend (default: as they are)."""
    if matrix.empty:
        return _empty(title)
    if {"requirement_id", "status"} <= set(matrix.columns):
        raise ValueError("status_heatmap draws a requirement x province matrix: pass "
                         "coverage.coverage_matrix(cov), not the coverage table itself")
    order = list(STATUS_COLORS)
    codes = matrix.apply(lambda col: col.map({s: i for i, s in enumerate(order)})).to_numpy(dtype=float)
    with figure_style():
        fig = _new_figure(3.5 + 1.3 * matrix.shape[1], 1.0 + 0.3 * matrix.shape[0])
        ax = fig.add_subplot()
        ax.imshow(np.ma.masked_invalid(codes), cmap=ListedColormap(list(STATUS_COLORS.values())),
                  vmin=-0.5, vmax=len(order) - 0.5, aspect="auto")
        ax.set_xticks(range(matrix.shape[1]), [str(c) for c in matrix.columns])
        ax.set_yticks(range(matrix.shape[0]), [str(i) for i in matrix.index], fontsize=7)
        ax.set_title(title)
        handles = [matplotlib.patches.Patch(color=c, label=(labels or {}).get(s, s)) for s, c in STATUS_COLORS.items()]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return fig


#: Tick labels of a date axis in numbers only (matplotlib writes month names in English).
_NUMERIC_DATES = {
    "formats": ["%Y", "%m/%Y", "%d/%m", "%H:%M", "%H:%M", "%S.%f"],
    "zero_formats": ["", "%Y", "%m/%Y", "%d/%m", "%H:%M", "%H:%M"],
    "offset_formats": ["", "%Y", "%m/%Y", "%d/%m/%Y", "%d/%m/%Y", "%d/%m/%Y %H:%M"],
}


def deadline_timeline(tasks: pd.DataFrame, *, title: str = "Deadlines", labels: dict[str, str] | None = None) -> Figure:
    """Tasks' deadlines per document on a time axis; at the side, the recurring tasks and the
    others without a date (``labels`` give the words "recurring" and "without date" in another
    language). Months are written as numbers (``03/2025``), the same in every language."""
    words = {"recurring": "recurring", "without date": "without date", **(labels or {})}
    docs = list(dict.fromkeys(tasks["doc_id"]))
    with figure_style():
        fig = _new_figure(9, 1.2 + 0.6 * max(1, len(docs)))
        ax = fig.add_subplot()
        for y, doc in enumerate(docs):
            part = tasks[tasks.doc_id == doc]
            due = pd.to_datetime(part["due"].replace("", np.nan)).dropna()
            ax.scatter(due, np.full(len(due), y), s=18, alpha=0.6)
            recurring = part.recurring.fillna(False).astype(bool)
            ax.annotate(f"{int(recurring.sum())} {words['recurring']}, "
                        f"{int(((part.due == '') & ~recurring).sum())} {words['without date']}",
                        xy=(1.01, y), xycoords=("axes fraction", "data"), fontsize=7, va="center")
        ax.set_yticks(range(len(docs)), docs)
        ax.set_ylim(-0.5, len(docs) - 0.5)
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, **_NUMERIC_DATES))
        ax.set_title(title)
        ax.grid(axis="x", alpha=0.3)
    return fig


def bar_counts(counts: pd.DataFrame | pd.Series, *, title: str = "", stacked: bool = True,
               labels: dict[str, str] | None = None) -> Figure:
    """Horizontal bars of counts (a Series, or a DataFrame stacked by column); ``labels`` name
    the columns in the legend (colours stay those of the statuses)."""
    df = counts.to_frame() if isinstance(counts, pd.Series) else counts
    if df.empty:
        return _empty(title)
    with figure_style():
        fig = _new_figure(7, 1.0 + 0.45 * len(df))
        ax = fig.add_subplot()
        left = np.zeros(len(df))
        for col in df.columns:
            ax.barh([str(i) for i in df.index], df[col].to_numpy(), left=left if stacked else None,
                    label=(labels or {}).get(str(col), str(col)), color=STATUS_COLORS.get(str(col)))
            if stacked:
                left = left + df[col].to_numpy()
        if df.shape[1] > 1:  # beside the bars, never over them
            ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.invert_yaxis()
        ax.set_title(title)
    return fig


#: Formats :func:`save_figure` writes (matplotlib's, with metadata that keeps files identical).
SAVE_FORMATS = ("png", "svg", "pdf")


def save_figure(fig: Figure, out_dir: str | Path, name: str, *, formats=("png", "svg"),
                dpi: int = DEFAULT_DPI) -> list[Path]:
    """Write ``<out_dir>/figures/<name>.<fmt>`` for each of ``formats`` (``"png"``, ``"svg"``,
    ``"pdf"``; one string or several) deterministically; returns the paths."""
    formats = (formats,) if isinstance(formats, str) else tuple(formats)
    unknown = [f for f in formats if f not in SAVE_FORMATS]
    if unknown:
        raise ValueError(f"formats {unknown} not supported; choose from {SAVE_FORMATS}")
    out_dir = Path(out_dir)
    if out_dir.suffix.lower().lstrip(".") in SAVE_FORMATS:
        raise ValueError(f"{out_dir}: out_dir is the folder the figures go in (under figures/), not a file name; "
                         f"the file name is name={name!r} and its formats")
    (out_dir / "figures").mkdir(parents=True, exist_ok=True)
    paths = []
    with figure_style():
        for fmt in formats:
            path = safe_output_path(out_dir, f"figures/{name}.{fmt}")
            metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt, {"Software": None})
            fig.savefig(path, format=fmt, dpi=dpi, metadata=metadata)
            paths.append(path)
    return paths
