"""Drop volatile execution timestamps from the notebooks after `make notebooks` re-runs them,
so a re-run that changes nothing leaves git clean."""

import sys

import nbformat

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
