"""Report: the whole pipeline on a corpus, written as tables, figures and ``index.html``.

extract → agencies → match → coverage → citations → tables (CSV, XLSX, MD, HTML) and
figures (PNG, SVG) → ``index.html``. Each step is a library function the notebooks call too.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from . import agencies, cite, config, coverage, directives, export, match, parse, plots, review
from .load import usable_corpus
from .scorer import scorer_inputs


def build_tables(corpus_dir=None, *, directive: str = "nq66", judgements=None, model=None, embeddings=None,
                 cache_dir=None, progress: bool = False) -> tuple[dict[str, pd.DataFrame], dict]:
    """Every comparison table of a corpus, and a short summary. ``judgements`` (a filled-in
    review sheet's path, or :func:`~kehoach_lib.review.load_judgements`' table) are applied to
    the matches, so every table built on them follows the researcher's labels. ``model`` and
    ``embeddings`` (paths, or a :class:`~kehoach_lib.scorer.PairModel` and a table of
    :mod:`kehoach_lib.embed`) replace the shipped pair scorer, as in ``kehoach match``.

    Each file that cannot be read gives one warning naming it and the reason (and a row of the
    ``documents`` table); a folder with no readable document, or no task in any, is a
    :class:`~kehoach_lib.load.DocumentError`.
    """
    judged = _judgements(judgements)
    scorer = scorer_inputs(model, embeddings)
    docs, problems = usable_corpus(corpus_dir)
    # closed on the way out, also by an error, so a message never lands on the bar's line
    # a bar only on a terminal: in a log file its frames would land on one line
    with tqdm(total=6, desc="kehoach report", disable=not progress or not sys.stderr.isatty(), leave=False) as steps:

        def step(label: str) -> None:
            steps.set_postfix_str(label)
            steps.update(1)

        tasks = parse.require_tasks(parse.extract_corpus(docs, cache=True, cache_dir=cache_dir), docs, corpus_dir)
        # what kehoach extract says of each document, but the notes
        for doc, found in zip(docs, parse.corpus_document_warnings(docs, notes=False, cache=True, cache_dir=cache_dir),
                              strict=True):
            for message in found:
                warnings.warn(f"{doc.source}: {message}", stacklevel=2)
        tasks = agencies.add_agency_columns(tasks)
        step("extract")
        matches = match.cached_match_tasks(tasks, cache_dir=cache_dir, **scorer)
        if judged is not None:
            matches = review.apply_judgements(matches, tasks, judged, cache_dir=cache_dir, **scorer)
        step("match")
        types = {d.doc_id: d.doc_type for d in docs}
        unnamed = list(dict.fromkeys(tasks.doc_id[config.blank(tasks.province)]))
        if unnamed:  # one warning for coverage and the province summary, which would each give one
            warnings.warn(f"{len(unnamed)} document(s) name no province ({', '.join(unnamed[:3])}"
                          f"{', …' if len(unnamed) > 3 else ''}): coverage by province leaves them out and "
                          "the province summary counts each as a province of its own; give them one in "
                          "manifest.csv", config.NoProvinceWarning, stacklevel=2)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", config.NoProvinceWarning)
            cov = coverage.coverage(tasks, directive, doc_types=types, doc_dates={d.doc_id: d.date for d in docs})
            provinces = match.province_summary(tasks, matches)
        step("coverage")
        citations = cite.citation_table(docs)
        step("citations")
        accounting = pd.concat([parse.line_accounting(d) for d in docs], ignore_index=True)
        ingestion = parse.corpus_overview(docs)
        roles = accounting.pivot_table(index="doc_id", columns="role", values="line", aggfunc="count",
                                       fill_value=0)
        step("accounting")
        unreadable = problems.rename(columns={"reason": "warnings"}).assign(doc_id="", format="unreadable")
        documents = ingestion
        if len(problems):  # counts stay whole numbers, blank for the unreadable files
            counts = ingestion.select_dtypes("number").columns
            documents = pd.concat([ingestion, unreadable], ignore_index=True)
            documents[counts] = documents[counts].astype("Int64")
        tables = {
            "documents": documents,
            "line_roles": roles.loc[[d.doc_id for d in docs]],
            "tasks": tasks,
            "matches": matches,
            "match_summary": match.match_summary(tasks, matches),
            "match_shares": match.coverage_share_matrix(tasks, matches),
            "province_summary": provinces,
            "unique_tasks": match.unique_tasks(tasks, matches)[["task_id", "province", "kind", "text"]],
            "coverage": cov,
            "coverage_matrix": coverage.coverage_matrix(cov),
            "coverage_summary": coverage.coverage_summary(cov),
            "gaps": coverage.gaps(cov),
            "citations": citations,
            "citation_matrix": cite.citation_matrix(citations, min_citing=2),
            "agency_load": agencies.agency_load(tasks),
            "lead_differences": agencies.lead_differences(tasks, matches),
            "unknown_agencies": agencies.unknown_agencies(tasks),
        }
        step("tables")
    summary_cov = tables["coverage_summary"]
    info = directives.directive_info(directive)
    summary = {
        "documents": len(docs),
        "tasks": len(tasks),
        "matched pairs": len(matches),
        **({"judgements": review.judgement_text(review.judgement_summary(tasks, judged, matches))}
           if judged is not None else {}),
        "directive": f"{info['number']} ({info['date']})",  # the coverage lines are read by export.summary_value
        **{f"coverage in {row.Index}": f"{row.covered} covered, {row.partial} partial, {row.missing} missing"
           for row in summary_cov.itertuples()},
        **({"plans older than the directive": ", ".join(older)} if (older := _older_plans(cov)) else {}),
        "unaccounted source lines": int(ingestion.unaccounted.sum()),
        "files that could not be read": len(problems),
    }
    return tables, summary


def _older_plans(cov: pd.DataFrame) -> list[str]:
    """The provinces whose plans were issued before the directive (coverage's ``predates``)."""
    older = cov.dropna(subset=["province"]).groupby("province", sort=False).predates.first()
    return [str(p) for p, v in older.items() if pd.notna(v) and bool(v)]


def _judgements(judgements) -> pd.DataFrame | None:
    """A judgements table from a path (read before anything else, so a bad file stops the
    report before it writes anything) or as given."""
    if judgements is None or isinstance(judgements, pd.DataFrame):
        return judgements
    return review.load_judgements(judgements)


def build_figures(tables: dict[str, pd.DataFrame], out_dir, *, directive: str = "nq66",
                  lang: str = "en") -> dict[str, list[Path]]:
    """The report's figures, saved as PNG and SVG, with titles and legends in ``lang``."""

    def title(name: str) -> str:
        return figure_title(name, directive=directive, lang=lang)

    def words(*values: str) -> dict[str, str]:  # legend entries: covered -> "đã có"
        return {v: export.label(f"value:{v}", lang=lang) for v in values}

    kinds = pd.crosstab(tables["tasks"].doc_id, tables["tasks"].kind)
    figs = {
        "match_shares": plots.heatmap(tables["match_shares"], title=title("match_shares"), vmax=1),
        "coverage": plots.status_heatmap(tables["coverage_matrix"], title=title("coverage"),
                                         labels=words(*coverage.STATUSES)),
        "coverage_counts": plots.bar_counts(tables["coverage_summary"][list(coverage.STATUSES)],
                                            title=title("coverage_counts"), labels=words(*coverage.STATUSES)),
        "deadlines": plots.deadline_timeline(
            tables["tasks"], title=title("deadlines"),
            labels={w: export.label(f"figure:{w}", lang=lang) for w in ("recurring", "without date")}),
        "tasks_by_kind": plots.bar_counts(kinds, title=title("tasks_by_kind"), labels=words(*map(str, kinds.columns))),
    }
    if not tables["citation_matrix"].empty:
        figs["citations"] = plots.heatmap(tables["citation_matrix"].astype(float), fmt="{:.0f}",
                                          title=title("citations"), vmax=1)
    return {name: plots.save_figure(fig, out_dir, name) for name, fig in figs.items()}


def figure_title(name: str, *, directive: str = "nq66", lang: str = "en") -> str:
    """The title of the report's figure ``name`` in ``lang`` (``figure:`` rows of column_labels.csv)."""
    return export.label(f"figure:{name}", lang=lang).replace("{directive}", directive)


def build_report(corpus_dir=None, out_dir="reports", *, directive: str = "nq66", lang: str = "en",
                 judgements=None, model=None, embeddings=None, cache_dir=None, progress: bool = True) -> dict:
    """Run everything and write ``out_dir`` (tables, figures, index.html); return the summary.
    Options as in :func:`build_tables`."""
    out_dir = Path(out_dir)
    failed = None
    with warnings.catch_warnings(record=True) as caught:  # listed in index.html, and passed on
        warnings.simplefilter("always")
        try:
            tables, summary = build_tables(corpus_dir, directive=directive, judgements=_judgements(judgements),
                                           model=model, embeddings=embeddings, cache_dir=cache_dir,
                                           progress=progress)
            out_dir.mkdir(parents=True, exist_ok=True)
            written = export.write_tables(tables, out_dir, lang=lang)
            figures = build_figures(tables, out_dir, directive=directive, lang=lang)
        except Exception as exc:  # the warnings still reach the caller: they may say why
            failed = exc
    for w in caught:
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if failed is not None:
        raise failed
    if caveat := directives.directive_info(directive)["caveat"].get(lang):
        summary["coverage caveat"] = caveat
    messages = list(dict.fromkeys(str(w.message) for w in caught))
    index = export.write_index(
        out_dir, tables=written,
        figures=figures, summary=summary, lang=lang, warnings=messages,
        figure_titles={name: figure_title(name, directive=directive, lang=lang) for name in figures},
        previews={"coverage_summary": tables["coverage_summary"], "match_summary": tables["match_summary"]},
    )
    summary["index"] = str(index)
    return summary
