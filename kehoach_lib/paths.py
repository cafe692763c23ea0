"""Paths: output files that cannot escape the chosen output folder."""

from __future__ import annotations

from pathlib import Path


class UnsafePathError(ValueError):
    """An output name that would leave the output folder."""


def safe_output_path(out_dir: str | Path, name: str) -> Path:
    """``out_dir / name``, refusing absolute names, ``..`` and links out of ``out_dir``."""
    root = Path(out_dir).resolve()
    candidate = Path(name)
    if candidate.is_absolute() or ".." in candidate.parts:
        raise UnsafePathError(f"{name!r}: output names must stay inside {root}")
    path = (root / candidate).resolve()
    if root != path and root not in path.parents:
        raise UnsafePathError(f"{name!r}: resolves outside {root}")
    return path
