"""The ``kehoach`` command line: every sub-command calls the same library functions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import config

#: Pairs of documents printed by `kehoach match` (the CSV has them all).
SUMMARY_ROWS = 20


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", type=Path, default=None,
                   help="corpus folder (manifest.csv optional); default: the bundled corpus")
    p.add_argument("--cache-dir", type=Path, default=None,
                   help="cache folder for tokenised text and parsed documents (default: the user cache folder)")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _documents(args: argparse.Namespace, **kwargs):
    """The readable documents of ``--corpus`` and the unreadable files (each printed as one
    ``warning: file: reason`` line); a corpus with no readable document is an error."""
    from .load import usable_corpus

    return _warning_lines(usable_corpus, args.corpus, **kwargs)


def _cmd_extract(args: argparse.Namespace) -> int:
    from .agencies import add_agency_columns
    from .parse import INFORMATION_NOTES, corpus_document_warnings, extract_corpus, require_tasks, unaccounted_lines

    docs, problems = _documents(args, max_bytes=args.max_bytes)
    warned = 0
    for doc, found in zip(docs, corpus_document_warnings(docs, cache=True, cache_dir=args.cache_dir), strict=True):
        for warning in found:
            note = warning.startswith(INFORMATION_NOTES)  # --strict: a guess or a clean read is no fault
            warned += not note
            print(f"{'note' if note else 'warning'}: {doc.source}: {warning}", file=sys.stderr)
    tasks = extract_corpus(docs, cache=True, cache_dir=args.cache_dir)
    tasks = add_agency_columns(require_tasks(tasks, docs, args.corpus), mapped_to_today=args.today)
    out = _write(tasks, args.out)
    print(f"{_plural(len(tasks), 'task')} from {_plural(len(docs), 'document')} -> {out}"
          + (f" ({_plural(len(problems), 'file')} could not be read)" if len(problems) else ""))
    if args.accounting:
        for doc in docs:
            lines = unaccounted_lines(doc)
            print(f"{doc.doc_id}: {len(lines)} unaccounted lines")
            for row in lines.itertuples():
                print(f"  {row.line}: {row.text[:100]}")
    if args.strict and (len(problems) or warned):
        print(f"strict: {_plural(len(problems), 'unreadable file')}, {_plural(warned, 'warning')}",
              file=sys.stderr)
        return 1
    return 0


def _tasks(args: argparse.Namespace):
    """The documents of ``--corpus`` and their tasks; no task at all is an error."""
    from .parse import corpus_document_warnings, extract_corpus, require_tasks

    docs, _ = _documents(args)
    tasks = require_tasks(extract_corpus(docs, cache=True, cache_dir=args.cache_dir), docs, args.corpus)
    # what kehoach extract says of each document, but the notes
    for doc, found in zip(docs, corpus_document_warnings(docs, notes=False, cache=True, cache_dir=args.cache_dir),
                          strict=True):
        for warning in found:
            print(f"warning: {doc.source}: {warning}", file=sys.stderr)
    return docs, tasks


#: What ``--out`` of extract, match and coverage can write.
TABLE_SUFFIXES = (".csv", ".xlsx")


def _table_path(text: str) -> Path:
    """An argparse type: an output table's path, ``.csv`` or ``.xlsx`` (checked before any work)."""
    path = Path(text)
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise argparse.ArgumentTypeError(f"{text}: writes {' or '.join(TABLE_SUFFIXES)}, not "
                                         f"{path.suffix or 'a name without a suffix'}")
    return path


def _write(df, out: str | Path) -> Path:
    """CSV in UTF-8 with a byte-order mark, as the report's tables (spreadsheet programs then
    read the Vietnamese; pandas and Python's csv with ``utf-8-sig`` read it either way), or a
    workbook of one sheet when ``out`` ends in ``.xlsx``."""
    from .export import DISPLAY_MAX_ROWS, write_csv, write_xlsx

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".xlsx":
        if len(df) <= DISPLAY_MAX_ROWS:
            return write_xlsx({out.stem: df}, out)
        out = out.with_suffix(".csv")
        print(f"warning: {len(df):,} rows, more than a workbook sheet holds well ({DISPLAY_MAX_ROWS:,}): "
              f"written as CSV to {out}", file=sys.stderr)
    return write_csv(df, out)


def _warning_lines(fn, *args, **kwargs):
    """``fn(*args, **kwargs)``, printing the warnings it gives as ``warning: …`` lines."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return fn(*args, **kwargs)
        finally:  # also when fn then fails: what it warned about may be why
            for w in caught:
                print(f"warning: {w.message}", file=sys.stderr)


def _judged(matches, tasks, path, cache_dir, **scorer):
    """``matches`` with the judgements in ``path`` applied (added pairs scored by ``scorer``:
    the model and embeddings the matches came from)."""
    from .review import apply_judgements, judgement_summary, judgement_text, load_judgements

    judged = _warning_lines(load_judgements, path)
    matches = _warning_lines(apply_judgements, matches, tasks, judged, cache_dir=cache_dir, **scorer)
    print(f"judgements from {path}: {judgement_text(judgement_summary(tasks, judged, matches))}")
    return matches


def _scorer(args: argparse.Namespace) -> dict:
    """The pair scorer of ``--model`` and ``--embeddings`` (``None``: the shipped one, no vectors)."""
    from .scorer import scorer_inputs

    return scorer_inputs(args.model, args.embeddings)


def _add_scorer(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", type=Path, default=None,
                   help="a pair model file (e.g. from kehoach evaluate --save-model) instead of the shipped one")
    p.add_argument("--embeddings", type=Path, default=None,
                   help="a CSV of task vectors from a sentence encoder (task_id, then one column per "
                   "dimension; see kehoach_lib/embed.py), read by a --model fitted with them")


def _cmd_match(args: argparse.Namespace) -> int:
    from .match import DEFAULT_PROBABILITY, DEFAULT_THRESHOLD, cached_match_tasks, match_summary
    from .scorer import ModelError

    scored = args.policy == "scored"
    for option, value, wanted in (("--threshold", args.threshold, not scored),
                                  ("--probability", args.probability, scored)):
        if value is not None and not wanted:
            print(f"warning: {option} does not apply to policy {args.policy} (--probability is for policy "
                  "scored, --threshold for the cosine policies); ignored", file=sys.stderr)
    # only what the policy reads (the library warns about the rest, as this command has)
    threshold = None if scored else DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    probability = (DEFAULT_PROBABILITY if args.probability is None else args.probability) if scored else None
    if (args.model or args.embeddings) and not scored:
        raise ModelError(f"--model and --embeddings feed the pair scorer: they need --policy scored, "
                         f"not {args.policy}")
    scorer = _scorer(args)
    _, tasks = _tasks(args)
    matches = cached_match_tasks(tasks, threshold=threshold, policy=args.policy, probability=probability,
                                 cache_dir=args.cache_dir, **scorer)
    if args.judgements:
        matches = _judged(matches, tasks, args.judgements, args.cache_dir, **scorer)
    out = _write(matches, args.out)
    print(f"{len(matches)} matched pairs among {len(tasks)} tasks -> {out}")
    summary = match_summary(tasks, matches)
    if summary.empty:
        print("no pair of documents to compare: matching needs tasks in at least two documents")
        return 0
    cols = ["doc_id_a", "doc_id_b", "matches", "share_a", "share_b"]
    if len(summary) > SUMMARY_ROWS:
        print(f"the {SUMMARY_ROWS} pairs of documents with most matches (of {len(summary)}):")
        summary = summary.sort_values("matches", ascending=False, kind="stable").head(SUMMARY_ROWS)
    print(summary[cols].to_string(index=False))
    return 0


def _cmd_review(args: argparse.Namespace) -> int:
    from .review import load_judgements, review_sheet, write_review_sheet

    if args.floor > args.probability:
        print(f"error: --floor ({args.floor}) must not exceed --probability ({args.probability}): "
              "the sheet lists the matches and the pairs just below them", file=sys.stderr)
        return 2
    scorer = _scorer(args)
    _, tasks = _tasks(args)
    judged = _warning_lines(load_judgements, args.judgements, notes=True) if args.judgements else None
    sheet = _warning_lines(review_sheet, tasks, floor=args.floor, probability=args.probability,
                           judgements=judged, cache_dir=args.cache_dir, **scorer)
    out = write_review_sheet(sheet, args.out)
    print(f"{len(sheet)} pairs to review ({int(sheet.matched.sum())} matched by default, "
          f"{int(sheet.label.notna().sum())} already judged) -> {out}")
    print("Write 1 (the same commitment) or 0 (not) in the label column (short of time: sort by "
          f"priority and start at 1), then run `kehoach match --judgements {out}`.")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .embed import read_embeddings
    from .match import evaluation_table

    embeddings = None if args.embeddings is None else read_embeddings(args.embeddings)
    if args.save_model and embeddings is None:
        print("error: --save-model writes a pair model that reads embeddings: give --embeddings too "
              "(--refit rewrites the shipped model)", file=sys.stderr)
        return 2
    _, tasks = _tasks(args)
    if args.refit:
        from .match import refit_pair_model

        path, cross = refit_pair_model(tasks)
        print(f"pair scorer refitted -> {path}; cross-validated by document pair:")
        print(cross.to_string(index=False))
        print()
    if args.save_model:
        from .match import refit_pair_model

        path, cross = refit_pair_model(tasks, path=args.save_model, embeddings=embeddings)
        print(f"pair scorer with embeddings -> {path} (use it with `kehoach match --model {path} "
              f"--embeddings {args.embeddings}`); cross-validated by document pair: "
              f"F1 {cross.iloc[-1].f1:.3f}")
        print()
    if args.judgements:
        from .match import evaluate_matching, match_tasks
        from .review import judgement_summary, load_judgements

        judged = _warning_lines(load_judgements, args.judgements)
        scores = evaluate_matching(tasks, judged, matches=match_tasks(tasks, cache_dir=args.cache_dir))
        counts = judgement_summary(tasks, judged)
        print(f"default matching on the {counts['same'] + counts['rejected']} judged pairs of "
              f"{args.judgements}: "
              f"precision {scores['precision']:.3f}, recall {scores['recall']:.3f}, F1 {scores['f1']:.3f}"
              + (f" ({counts['not applied']} judgements name no pair of tasks of two documents)"
                 if counts["not applied"] else ""))
        print()
    print(evaluation_table(tasks, embeddings=embeddings).to_string())
    return 0


def _cmd_attribute(args: argparse.Namespace) -> int:
    from .load import load_document
    from .match import ATTRIBUTE_MIN_SCORE, attribute

    _, tasks = _tasks(args)
    text = load_document(args.file, meta={"doc_id": "query"}).text
    ranking = attribute(text, tasks, cache_dir=args.cache_dir)
    print(ranking.to_string(index=False))
    best = ranking.iloc[0]
    if best.named:
        print(f"\nthe text names {best.province}: its plans are ranked first")
    if best.score < ATTRIBUTE_MIN_SCORE:
        print(f"\nno likely plan: the best score, {best.score:.3f} ({best.doc_id}), is below "
              f"{ATTRIBUTE_MIN_SCORE}; the text shares too little with any plan of the corpus")
        return 0
    if len(ranking) == 1:
        lead = "the only document with tasks in the corpus"
    elif best.margin == 0:
        lead = "tied with " + ", ".join(ranking.doc_id[1:][ranking.score[1:] == best.score])
    elif best.margin < 0:
        lead = f"{-best.margin:.3f} below {ranking.doc_id[1]}, a plan of another province"
    else:
        lead = f"lead over the next {best.margin:.3f}"
    print(f"\nmost likely: {best.doc_id} ({best.province or 'province not given'}), "
          f"score {best.score:.3f}, {lead}")
    return 0


def _cmd_coverage(args: argparse.Namespace) -> int:
    from .coverage import coverage, coverage_summary

    docs, tasks = _tasks(args)
    cov = _warning_lines(coverage, tasks, args.directive, by=args.by,
                         doc_types={d.doc_id: d.doc_type for d in docs}, doc_dates={d.doc_id: d.date for d in docs})
    out = _write(cov, args.out)
    unit = "doc_id" if args.by == "document" else "province"
    print(f"{cov.requirement_id.nunique()} requirements of {args.directive} x "
          f"{_plural(cov[unit].nunique(), args.by)} -> {out}")
    print(coverage_summary(cov, by=args.by).to_string())
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    summary = _warning_lines(build_report, args.corpus, args.out, directive=args.directive, lang=args.lang,
                             judgements=args.judgements, model=args.model, embeddings=args.embeddings,
                             cache_dir=args.cache_dir, progress=not args.quiet)
    index = summary.pop("index")
    for key, value in summary.items():
        print(f"{key:>28}: {value}")
    print(f"\nReport written to {index}")
    return 0


def _probability(text: str) -> float:
    """An argparse type: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The ``kehoach`` argument parser: one sub-command per stage, each calling the library."""
    parser = argparse.ArgumentParser(prog="kehoach", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract the task table")
    _add_common(p)
    p.add_argument("--out", type=_table_path, default="tasks.csv", help="tasks.csv (default) or a .xlsx workbook")
    p.add_argument("--accounting", action="store_true",
                   help="print, per document, the source lines not assigned to anything")
    p.add_argument("--strict", action="store_true",
                   help="exit non-zero when a document has problems or unaccounted lines")
    p.add_argument("--max-bytes", type=int, default=config.MAX_FILE_BYTES,
                   help="largest file read, in bytes (larger files are reported, not read)")
    p.add_argument("--today", action="store_true",
                   help="map agencies to the bodies that took over their roles in 2025")
    p.set_defaults(func=_cmd_extract)

    from .match import DEFAULT_MUTUAL_THRESHOLD, DEFAULT_POLICY, DEFAULT_PROBABILITY, DEFAULT_THRESHOLD, POLICIES

    p = sub.add_parser("match", help="match tasks across documents")
    _add_common(p)
    p.add_argument("--out", type=_table_path, default="matches.csv", help="matches.csv (default) or a .xlsx workbook")
    p.add_argument("--policy", choices=POLICIES, default=DEFAULT_POLICY,
                   help="which pairs count as matches (see kehoach_lib/match.py)")
    p.add_argument("--probability", type=_probability, default=None,
                   help=f"policy 'scored': the pair scorer's probability a pair must reach "
                   f"(default {DEFAULT_PROBABILITY})")
    p.add_argument("--threshold", type=_probability, default=None,
                   help=f"policies best/mutual/all/one_to_one: the cosine a pair must reach "
                   f"(default {DEFAULT_THRESHOLD}; policy best also keeps two tasks that are each "
                   f"other's best from {DEFAULT_MUTUAL_THRESHOLD})")
    p.add_argument("--judgements", type=Path, default=None,
                   help="a filled-in review sheet (kehoach review): pairs labelled 1 are kept or added, 0 removed")
    _add_scorer(p)
    p.set_defaults(func=_cmd_match)

    from .review import REVIEW_FLOOR

    p = sub.add_parser("review", help="a sheet of the pairs worth checking by hand, to label 1/0 and "
                       "pass back with --judgements")
    _add_common(p)
    p.add_argument("--out", default="review.csv", help="the sheet: .csv (UTF-8 with BOM) or .xlsx")
    p.add_argument("--floor", type=_probability, default=REVIEW_FLOOR,
                   help="lowest pair-scorer probability listed (at most --probability)")
    p.add_argument("--probability", type=_probability, default=DEFAULT_PROBABILITY,
                   help="the probability a pair needs to be matched by default (column 'matched')")
    p.add_argument("--judgements", type=Path, default=None,
                   help="an earlier sheet whose labels and notes are carried over")
    _add_scorer(p)
    p.set_defaults(func=_cmd_review)

    from .directives import list_directives

    p = sub.add_parser("coverage", help="what each province covers of a central directive")
    _add_common(p)
    p.add_argument("--directive", default="nq66", choices=list_directives())
    p.add_argument("--by", choices=("province", "document"), default="province")
    p.add_argument("--out", type=_table_path, default="coverage.csv", help="coverage.csv (default) or a .xlsx workbook")
    p.set_defaults(func=_cmd_coverage)

    p = sub.add_parser("report", help="the whole pipeline: tables, figures and index.html")
    _add_common(p)
    p.add_argument("--directive", default="nq66", choices=list_directives())
    p.add_argument("--lang", choices=("en", "vi"), default="en", help="language of table headers")
    p.add_argument("--out", default="reports")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--judgements", type=Path, default=None,
                   help="a filled-in review sheet (kehoach review) applied to the matches")
    _add_scorer(p)
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("evaluate", help="precision, recall and F1 of the default matching (also "
                       "cross-validated), the cosine policy and the plain baseline, on the labelled pairs "
                       "and the exhaustive alignment of the bundled corpus")
    p.add_argument("--cache-dir", type=Path, default=None, help="cache folder for tokenised text")
    p.add_argument("--refit", action="store_true",
                   help="refit the pair scorer on the alignment and rewrite kehoach_lib/data/pair_model.csv first")
    p.add_argument("--judgements", type=Path, default=None,
                   help="also score the default matching on a filled-in review sheet")
    p.add_argument("--embeddings", type=Path, default=None,
                   help="a CSV of task vectors (see kehoach_lib/embed.py): also score the pair scorer "
                   "that reads their cosine, cross-validated")
    p.add_argument("--save-model", type=Path, default=None,
                   help="with --embeddings: fit that scorer on the whole alignment and write it here "
                   "(for kehoach match --model)")
    p.set_defaults(func=_cmd_evaluate, corpus=None)

    p = sub.add_parser("attribute", help="which plan does a text (e.g. a news article) describe?")
    _add_common(p)
    p.add_argument("file", type=Path)
    p.set_defaults(func=_cmd_attribute)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``kehoach`` with ``argv`` (default: the command line); returns the exit status (0 done,
    1 ``--strict`` found problems, 2 an error, printed as one ``error:`` line)."""
    from .directives import DirectiveError
    from .embed import EmbeddingError
    from .load import DocumentError
    from .review import JudgementError
    from .scorer import ModelError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (DocumentError, DirectiveError, JudgementError, EmbeddingError, ModelError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the output piped into a reader that stopped early (e.g. `| head`)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 1
    except OSError as exc:  # e.g. an --out path that is a folder, or not writable
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
