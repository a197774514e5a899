"""What the committed notebooks, results and benchmark files show a reader: no path of the machine that made them (absolute or
temporary folders) and, in the notebooks, no stderr output (warnings, kernel messages) and an id on every cell (without one,
papermill warns on every `permtutorial run`)."""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MACHINE_PATH = re.compile(r"(?<![\w.:/-])(/(tmp|work|root|home|usr|var|opt|proc|mnt|private|Users)/[^\s'\",)]*|[A-Z]:\\[^\s'\"]+)")
NOTEBOOKS = sorted((ROOT / "nbs").glob("*.ipynb"))
DATA_FILES = sorted([*(ROOT / "results").glob("**/*.json"), *(ROOT / "bench" / "results").glob("*.json"), ROOT / "README.md"])


def _output_texts(output):
    if output.get("output_type") == "stream": yield output.get("name"), "".join(output.get("text", ""))
    for kind, value in output.get("data", {}).items():
        if kind.startswith("text/"): yield kind, "".join(value) if isinstance(value, list) else value
    if output.get("output_type") == "error": yield "error", "\n".join(output.get("traceback", []))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_outputs(notebook):
    problems = []
    for i, cell in enumerate(json.loads(notebook.read_text())["cells"]):
        if "id" not in cell: problems.append(f"cell {i}: no cell id")
        for output in cell.get("outputs", []):
            for kind, text in _output_texts(output):
                if kind in ("stderr", "error"): problems.append(f"cell {i}: {kind} output {text[:120]!r}")
                problems += [f"cell {i}: machine path {m.group(0)!r} in {kind}" for m in MACHINE_PATH.finditer(text)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", DATA_FILES, ids=[str(p.relative_to(ROOT)) for p in DATA_FILES])
def test_files_hold_no_machine_paths(path):
    if path.name.startswith("notebook"): pytest.skip("executed run notebooks are not committed")
    found = [m.group(0) for m in MACHINE_PATH.finditer(path.read_text())]
    assert not found, f"{path.relative_to(ROOT)} holds machine paths: {found[:5]}"
