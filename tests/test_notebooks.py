"""Every notebook in `nbs/` is a test: run it top to bottom with nbdev's notebook runner (as `nbdev-test` does).

Cells flagged with a `tst_flags` flag from `pyproject.toml` (`#| slow`, `#| cuda`) are skipped unless named in the
environment variable `PERMTUTORIAL_TEST_FLAGS` (e.g. `PERMTUTORIAL_TEST_FLAGS=slow pytest`)."""
import os
from pathlib import Path

import pytest
from nbdev.config import get_config
from nbdev.test import test_nb as run_notebook

NBS_PATH = Path(__file__).resolve().parents[1] / "nbs"
NOTEBOOKS = sorted(p for p in NBS_PATH.glob("*.ipynb") if not p.name.startswith("_"))


def test_notebooks_found():
    assert len(NOTEBOOKS) >= 7, f"expected the concept notebooks in {NBS_PATH}, found {[p.name for p in NOTEBOOKS]}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook(notebook):
    skip_flags = str(get_config(NBS_PATH).tst_flags).split()
    force_flags = os.environ.get("PERMTUTORIAL_TEST_FLAGS", "").split()
    ok, seconds = run_notebook(notebook, skip_flags=skip_flags, force_flags=force_flags)
    assert ok, f"{notebook.name} failed after {seconds:.1f}s (its traceback is printed above)"
