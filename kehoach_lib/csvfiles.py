"""CSV files as researchers save them: from a text editor, or from a spreadsheet program.

A spreadsheet program on a Vietnamese Windows saves "CSV" as Windows-1258, and in locales with
a decimal comma it separates cells with ``;``. :func:`csv_records` reads all of these (UTF-8
with or without BOM, UTF-16, Windows-1258; ``,``, ``;`` or a tab, the header's) and gives each
record with the file line it starts on, so that an error can name the line. The corpus
manifest and the review sheets are read this way.
"""

from __future__ import annotations

import csv
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

#: The cell separators tried, in order of preference when the header has as many of each.
DELIMITERS = (",", ";", "\t")
_LINE_ENDS = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")


class CsvProblem(ValueError):
    """A CSV file that cannot be read (the message does not name the file: the caller does)."""


def csv_records(path: str | Path, *, stacklevel: int = 2) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each record of a CSV file; cells may span lines. The delimiter is the
    header's (see :data:`DELIMITERS`). A line that starts a record with ``#`` is a comment (a
    ``#`` line inside a quoted cell is text). A text that is not UTF-8 is read with a warning
    naming the file (``stacklevel`` counts from the caller of this function); one that cannot be
    read is a :class:`CsvProblem`.

    ``stacklevel`` is ``warnings.warn``'s, counted from this generator: 2 is the frame that
    advances it, one more for each function between that frame and the one to blame."""
    from .encodings import DOUBLE_UTF8, EncodingProblem, decode, encoding_warning

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CsvProblem(f"cannot be read ({exc.strerror or exc})") from None
    try:
        text, encoding = decode(data)
    except EncodingProblem as exc:
        raise CsvProblem(f"{exc}; save it as CSV UTF-8") from None
    if note := encoding_warning(encoding):
        advice = "" if encoding == DOUBLE_UTF8 else " (saving it as CSV UTF-8 avoids the guess)"
        warnings.warn(f"{path}: {note}{advice}", stacklevel=stacklevel)
    # lines end at \n, \r\n or \r only (str.splitlines would also break at characters a cell
    # may hold, such as U+2028)
    lines = [ln for ln in _LINE_ENDS.split(text) if ln]
    first = next((ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), "")
    delimiter = max(DELIMITERS, key=first.count)
    state = {"line": 0, "start": None}

    def feed():
        # the reader pulls lines as it needs them: the first line of each pull starts a record
        for ln in lines:
            state["line"] += 1
            if state["start"] is None:
                if ln.lstrip().startswith("#"):
                    continue
                state["start"] = state["line"]
            yield ln

    reader = csv.reader(feed(), delimiter=delimiter, strict=True)
    while True:
        state["start"] = None
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            where = state["start"] or state["line"]
            raise CsvProblem(f"row {where}: not valid CSV ({exc}); is a quote left open?") from None
        yield state["start"], cells
