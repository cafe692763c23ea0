"""kehoach: compare how Vietnamese provinces turn central directives into local plans.

The flow, one module per stage, each function callable from a notebook::

    load      raw file -> Document                      load_corpus, load_document
    parse     Document -> task table                    extract_corpus, line_accounting
    agencies  lead/partners -> canonical agencies       add_agency_columns
    text      Vietnamese text -> tokens                 tokenize
    match     tasks x tasks -> matched pairs            match_tasks, match_summary, province_summary
    scorer    candidate pair -> probability of a match  used by match_tasks; match.fit_pair_model
    embed     tasks -> a sentence encoder's vectors     embed_tasks, read_embeddings (optional)
    review    matches -> sheet to label -> judged table review_sheet, load_judgements, apply_judgements
    coverage  directive x tasks -> covered/partial/…    coverage.coverage, coverage_matrix
    cite      Document -> cited documents               citation_table, citation_matrix
    export    tables/figures -> CSV, XLSX, MD, HTML     write_tables; report.build_report
"""

from .agencies import add_agency_columns, agency_load, unknown_agencies, who_leads_what
from .cite import citation_matrix, citation_table, extract_citations
from .coverage import coverage_matrix, coverage_summary, evaluate_coverage, gaps
from .deadlines import extract_targets, is_recurring, resolve_due
from .directives import list_directives, load_directive
from .embed import embed_tasks, read_embeddings, write_embeddings
from .export import label_columns, write_tables
from .load import Document, DocumentError, load_corpus, load_document, read_manifest
from .match import (
    attribute,
    evaluate_alignment,
    evaluate_matching,
    evaluation_table,
    match_summary,
    match_tasks,
    province_summary,
    similarity_matrix,
    unique_tasks,
)
from .parse import (
    TASK_COLUMNS,
    corpus_overview,
    extract_corpus,
    extract_tasks,
    line_accounting,
    unaccounted_lines,
)
from .review import apply_judgements, load_judgements, review_sheet
from .text import normalize_text, tokenize

__all__ = [
    "TASK_COLUMNS", "Document", "DocumentError", "add_agency_columns", "agency_load", "apply_judgements",
    "attribute",
    "citation_matrix", "citation_table", "corpus_overview", "coverage_matrix",
    "coverage_summary", "embed_tasks", "evaluate_alignment", "evaluate_coverage", "evaluate_matching",
    "evaluation_table", "extract_citations",
    "extract_corpus", "extract_targets", "extract_tasks", "gaps", "is_recurring", "label_columns",
    "line_accounting", "list_directives", "load_corpus", "load_directive", "load_document", "load_judgements",
    "match_summary", "match_tasks", "normalize_text", "province_summary", "read_embeddings", "read_manifest",
    "resolve_due", "review_sheet",
    "similarity_matrix", "tokenize", "unaccounted_lines", "unique_tasks", "unknown_agencies",
    "who_leads_what", "write_embeddings", "write_tables",
]
