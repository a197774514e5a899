"""Offline Colab check: does every notebook run top to bottom on a fresh runtime, with nothing but its own set-up cell?

What Colab has and this check reproduces: a fresh Python with Jupyter and no permtutorial, a working folder that is not a
clone (`/content`), and internet. Here: a new virtual environment with only a kernel and a notebook runner in it, a
working folder outside the repository, and the set-up cell's clone URL pointed at this repository (the environment
variable PERMTUTORIAL_REPO, which the cell reads in place of the GitHub URL). Each notebook is copied alone into the
working folder and executed there; its first cell clones the repository, installs it with its extras, and moves into
`nbs/`. Every cell runs, as Colab's "Run all" does: the `#| cuda` cells too (on a machine without a GPU each must say what
it skips, not fail) and any `#| slow` cell (`--skip slow` leaves those out). Only committed files reach the clone.

    python tools/colab_check.py [--work DIR] [--keep] [--skip FLAG ...] [NOTEBOOK ...]    # e.g. 10_data; default: every notebook in nbs/
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNNER = r"""
import sys, nbformat
sys.path.insert(0, sys.argv[3])                       # this repository's tools/: the same skipping client as execute_nb.py
from execute_nb import SkippingClient
nb = nbformat.read(sys.argv[1], as_version=4)
SkippingClient(nb, set(sys.argv[4].split(",")) - {""}, timeout=1800, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
"""

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*")
    ap.add_argument("--work", help="folder for the virtual environment and the working folder (default: a new temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the folder afterwards")
    ap.add_argument("--skip", nargs="*", default=[], metavar="FLAG", help="leave out the cells flagged #| FLAG (default: run every cell)")
    a = ap.parse_args(argv)
    nbs = [Path(p) if p.endswith(".ipynb") else ROOT / "nbs" / f"{p}.ipynb" for p in a.notebooks] or sorted(p for p in (ROOT / "nbs").glob("*.ipynb") if p.name != "index.ipynb")
    base = Path(a.work or tempfile.mkdtemp(prefix="colab-check-"))
    venv, content = base / "venv", base / "content"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "ipykernel", "nbclient", "nbformat"], check=True,
                       stderr=subprocess.DEVNULL)
    shutil.rmtree(content, ignore_errors=True)           # a fresh runtime: no clone left from an earlier check
    env = {**os.environ, "PERMTUTORIAL_REPO": f"file://{ROOT}", "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"}
    env.pop("VIRTUAL_ENV", None); env.pop("PYTHONPATH", None)
    failed = []
    for nb in nbs:
        content.mkdir(parents=True, exist_ok=True)
        shutil.copy(nb, content / nb.name)
        t = time.time()
        r = subprocess.run([str(python), "-c", RUNNER, str(content / nb.name), str(content), str(ROOT / "tools"), ",".join(a.skip)], env=env, cwd=content,
                           capture_output=True, text=True)
        ok = r.returncode == 0
        print(f"{nb.name}: {'ok' if ok else 'FAILED'} ({time.time() - t:.0f} s)", flush=True)
        if not ok: failed.append(nb.name); print(r.stderr[-3000:])
    if not a.keep and not a.work: shutil.rmtree(base, ignore_errors=True)
    print(f"colab check: {len(nbs) - len(failed)} of {len(nbs)} notebooks ran" + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
