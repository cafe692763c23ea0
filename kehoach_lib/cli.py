"""The ``kehoach`` command line: every sub-command calls the same library functions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import config


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", type=Path, default=None,
                   help="corpus folder (manifest.csv optional); default: the bundled corpus")
    p.add_argument("--cache-dir", type=Path, default=None,
                   help="cache folder for tokenised text (default: the user cache folder)")


def _cmd_extract(args: argparse.Namespace) -> int:
    from .load import load_corpus
    from .parse import extract_corpus, unaccounted_lines

    docs = load_corpus(args.corpus)
    tasks = extract_corpus(docs)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tasks.to_csv(out, index=False, encoding="utf-8")
    print(f"{len(tasks)} tasks from {len(docs)} documents -> {out}")
    missing = 0
    for doc in docs:
        lines = unaccounted_lines(doc)
        missing += len(lines)
        if args.accounting:
            print(f"{doc.doc_id}: {len(lines)} unaccounted lines")
            for row in lines.itertuples():
                print(f"  {row.line}: {row.text[:100]}")
    if args.strict and missing:
        print(f"strict: {missing} unaccounted lines", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kehoach", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract the task table")
    _add_common(p)
    p.add_argument("--out", default="tasks.csv")
    p.add_argument("--accounting", action="store_true",
                   help="print, per document, the source lines not assigned to anything")
    p.add_argument("--strict", action="store_true",
                   help="exit non-zero when a document has problems or unaccounted lines")
    p.set_defaults(func=_cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
