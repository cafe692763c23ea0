"""The notebooks are checked by nbval against their stored outputs: a drift fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_five_notebooks_are_committed_with_outputs():
    assert [p.stem for p in NOTEBOOKS] == ["01_corpus", "02_tasks", "03_matching", "04_coverage_nq66", "05_export"]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert "parameters" in code[0].metadata.get("tags", []), path.name
        assert sum(bool(c.outputs) for c in code) >= len(code) - 2, path.name


def test_a_changed_stored_output_makes_nbval_fail(tmp_path):
    nb = nbformat.read(ROOT / "notebooks" / "02_tasks.ipynb", as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.source.strip() == "tasks.shape")
    cell.outputs[0]["data"]["text/plain"] = "(1, 1)"
    path = tmp_path / "drifted.ipynb"
    nbformat.write(nb, path)
    run = subprocess.run([sys.executable, "-m", "pytest", "--nbval", str(path), "-p", "no:cacheprovider", "-q"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert run.returncode != 0
    assert "1 failed" in run.stdout
