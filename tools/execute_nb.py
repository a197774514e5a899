"""Execute notebooks in place (outputs saved for the docs), skipping cells flagged with one of nbdev's `tst_flags`
(`#| slow`, `#| cuda`) as `nbdev-test` does, unless the flag is named with --flags. Runs in the notebook's folder.

    python tools/execute_nb.py nbs/20_deeppermnet.ipynb [more.ipynb ...] [--flags slow]
"""
import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def skip_flags(force=()):
    import tomllib
    flags = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["nbdev"].get("tst_flags", "").split()
    return {f for f in flags if f not in force}


class SkippingClient(NotebookClient):
    "A notebook client that leaves cells flagged `#| <flag>` unexecuted (their outputs cleared)."
    def __init__(self, nb, flags, **kw):
        super().__init__(nb, **kw)
        self.flags = flags

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        first = cell.source.split("\n", 1)[0] if cell.cell_type == "code" else ""
        m = re.match(r"#\|\s*(\w+)\s*$", first)
        if m and m.group(1) in self.flags:
            cell.outputs, cell.execution_count = [], None
            return cell
        return await super().async_execute_cell(cell, cell_index, execution_count, store_history)


WARM_UP = """
import torch
from permtutorial.sinkhorn import log_sinkhorn
from permtutorial.matching import matching_indices
for dtype in (torch.float32, torch.float64):
    for n in (9, 30):                                   # the batch-last loop and the matrix-by-matrix loop
        x = torch.randn(4, n, n, dtype=dtype, requires_grad=True)
        log_sinkhorn(x).sum().backward()
        matching_indices(x.detach())
"""


def warm_up():
    "Compile the package's kernels into numba's cache first, so that saved outputs show no first-call compile notice."
    subprocess.run([sys.executable, "-c", WARM_UP], check=True, capture_output=True)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--flags", nargs="*", default=[], help="flagged cells to run anyway")
    ap.add_argument("--timeout", type=int, default=1800)
    a = ap.parse_args(argv)
    flags = skip_flags(a.flags)
    warm_up()
    os.environ["PERMTUTORIAL_QUIET_COMPILE"] = "1"       # saved outputs must not depend on the state of numba's cache (the kernels inherit it)
    for p in map(Path, a.notebooks):
        nb = nbformat.read(p, as_version=4)
        SkippingClient(nb, flags, timeout=a.timeout, kernel_name="python3", extra_arguments=["--IPKernelApp.log_level=ERROR"], resources={"metadata": {"path": str(p.parent.resolve())}}).execute()
        nbformat.write(nb, p)
        print(f"executed {p} (skipped cells flagged {sorted(flags)})")


if __name__ == "__main__":
    main()
