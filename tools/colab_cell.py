"""The Colab set-up cell, written once: every notebook that teaches code starts its code with exactly this cell (hidden in the
docs). In Colab (or with PERMTUTORIAL_REPO set, as `tools/colab_check.py` does) it clones the repository, installs it with the
notebooks' extras and moves into `nbs/`, as in a clone; elsewhere it does nothing. `tools/check_docs.py` fails when a
notebook's copy differs.

    python tools/colab_cell.py           # write this cell into every notebook that has one (after editing it here)
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES_WITHOUT_CODE = {"index.ipynb", "90_references.ipynb"}
CELL = "#| hide\n# Colab (or PERMTUTORIAL_REPO set, as the offline Colab check does), unless already in a clone's nbs/: get the repository (notebooks, data, weights, results),\n# install it with the extras the notebooks use, and work in its nbs/ folder, as in a clone\nimport os, subprocess, sys\nif ('google.colab' in sys.modules or os.environ.get('PERMTUTORIAL_REPO')) and not os.path.isfile('../pyproject.toml'):   # not inside a clone already\n    if not os.path.isdir('permtutorial/nbs'):\n        repo = os.environ.get('PERMTUTORIAL_REPO', 'https://github.com/permtutorial/permtutorial')\n        subprocess.run(['git', 'clone', '-q', '--depth', '1', repo, 'permtutorial'], check=True)\n    subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', '-e', 'permtutorial[dev]'], check=True)\n    sys.path.insert(0, os.path.abspath('permtutorial'))      # the editable install is seen by new processes only\n    os.chdir('permtutorial/nbs')"


def first_code_cell(cells):
    return next((c for c in cells if c["cell_type"] == "code"), None)


def write_all():
    for p in sorted((ROOT / "nbs").glob("*.ipynb")):
        if p.name in PAGES_WITHOUT_CODE: continue
        nb = json.loads(p.read_text())
        c = first_code_cell(nb["cells"])
        if c is not None and "google.colab" in "".join(c["source"]) and "".join(c["source"]) != CELL:
            c["source"] = CELL.splitlines(True)
            p.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
            print(f"updated {p.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(write_all())
