"""Offline check of the docs site: everything up to Quarto, which cannot be installed on this project's machines.

1. Every notebook in nbs/ has a title and a description (its front matter), an "Open in Colab" badge pointing at itself
   on the default branch in a cell of its own (nbdev drops the first cell), and a first code cell, hidden in the docs,
   that sets the notebook up in Colab only.
2. nbs/sidebar.yml names only notebooks that exist, and names every notebook.
3. `nbdev-proc-nbs` succeeds. A stand-in `quarto` that fails fast is put on PATH, because without one nbdev tries to
   download and install Quarto. In its processed notebooks (what Quarto gets) every page keeps its Colab badge, shows the
   code of the definitions it teaches (KEY_CODE), ends its lesson with a summary and a "Next:" link, and no rendered
   signature names `__main__` (a class defined in the notebook, annotated without quotes).
4. Each notebook becomes self-contained HTML (nbconvert, figures embedded as data URIs, MathJax from the local copy in
   the jupyter-server-mathjax package). Headless Chromium, with every host lookup blocked, loads each page, and its DOM
   must have no error output, every equation typeset by MathJax with no raw `$` math left, and every figure present.

    python tools/check_docs.py [--out DIR]      # exit 1 and a list of problems if any check fails
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from colab_cell import CELL as COLAB_CELL, PAGES_WITHOUT_CODE   # noqa: E402
NBS = ROOT / "nbs"
REPO = "permtutorial/permtutorial"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND", "--allow-file-access-from-files", "--virtual-time-budget=30000"]


# pages that teach no code (PAGES_WITHOUT_CODE, from colab_cell.py): no Colab badge, set-up cell or summary needed

# definitions whose code each page must show (nbdev hides `#| export` cells; `#| exports` shows them)
KEY_CODE = {
    "01_gumbel.ipynb": ["def gumbel_softmax"],
    "02_sinkhorn.ipynb": ["def log_sinkhorn_loop", "def _exp_domain_iterates", "def _exp_domain_vjp", "def log_sinkhorn"],
    "03_matching.ipynb": ["def matching_indices", "def apply_perm"],
    "04_gumbel_sinkhorn.ipynb": ["def gumbel_sinkhorn"],
    "04a_relaxations.ipynb": ["class Relaxation", "class NeuralSort", "def soft_sort", "def soft_rank"],
    "05_metrics.ipynb": ["def kendall_tau"],
    "05a_sinkhorn_kernels.ipynb": ["def _last_forward", "def _matrix_forward", "def compiled_forward", "def _last_vjp", "def compiled_vjp"],
    "05b_sinkhorn_implicit.ipynb": ["def _implicit_vjp", "class ImplicitLogSinkhorn"],
    "06_train.ipynb": ["class Learner", "class CheckpointCB", "def fit"],
    "07_experiment.ipynb": ["class RunFolder", "def table_markdown"],
    "10_data.ipynb": ["def cut_pieces", "def make_puzzles"],
    "11_sinkhorn_cnn.ipynb": ["class SinkhornCNN", "class JigsawTraining"],
    "12_sorting.ipynb": ["class SortingNet", "class SortingTraining"],
    "13_sorting_benchmark.ipynb": ["def multi_digit_numbers", "def train_sorter", "def transposed_ceiling", "def train_validated"],
    "20_deeppermnet.ipynb": ["class DeepPermNet", "class PaperHead", "class EquivariantHead", "class RelaxedHead"],
    "21_relative_attributes.ipynb": ["def morphometry"],
    "23_pubfig.ipynb": ["def select_and_train", "def feature_run"],
    "21a_jigsaw_puzzles.ipynb": ["def extract_patches", "def jigsaw_puzzles", "def jigsaw_batches"],
    "22_jigsaw_pretrain.ipynb": ["def pretrain_jigsaw", "def linear_probe"],
    "40_runs.ipynb": ["def run_experiment"],
}


def check_processed(nb_path):
    "What Quarto gets for one notebook: badge, shown code of the key definitions, a summary and a next link."
    proc = ROOT / "_proc" / nb_path.name
    if not proc.exists(): return []                         # reported by check_proc_nbs
    cells = json.loads(proc.read_text())["cells"]
    md = [_src(c) for c in cells if c["cell_type"] == "markdown"]
    code = "\n".join(_src(c) for c in cells if c["cell_type"] == "code")
    problems = []
    if nb_path.name not in PAGES_WITHOUT_CODE:
        if not any("colab.research.google.com/github/" in m for m in md): problems.append("the processed page lost its Colab badge")
        if not any(re.search(r"^Next:.*\]\(", m, re.M) for m in md): problems.append('no "Next:" link in the processed page')
        if not any(re.match(r"#+ Summary", m) for m in md): problems.append("no Summary section in the processed page")
    problems += [f"the processed page does not show the code of `{d}`" for d in KEY_CODE.get(nb_path.name, []) if d not in code]
    shown = "\n".join(str(o.get("data", {})) for c in cells for o in c.get("outputs", []))    # show_doc's rendered signatures
    problems += [f"a signature shows the notebook's module: {m}" for m in sorted(set(re.findall(r"[\w.]*__main__\.\w+", shown)))]
    return [f"{nb_path.name}: {p}" for p in problems]


def notebooks():
    return sorted(p for p in NBS.glob("*.ipynb") if not p.name.startswith("_"))


def _src(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def check_notebook_front(nb_path):
    "Front matter, badge and Colab cell of one notebook."
    cells = json.loads(nb_path.read_text())["cells"]
    problems, first = [], _src(cells[0]) if cells else ""
    if cells[0]["cell_type"] != "markdown" or not re.match(r"# \S", first) or not re.search(r"^> \S", first, re.M):
        problems.append("first cell must be markdown with '# Title' and '> description'")
    if nb_path.name not in PAGES_WITHOUT_CODE:
        badge = f"https://colab.research.google.com/github/{REPO}/blob/main/nbs/{nb_path.name}"
        if not any(badge in _src(c) for c in cells if c["cell_type"] == "markdown"):
            problems.append(f"no Open-in-Colab badge pointing at {badge}")
        if badge in first: problems.append("the badge must not be in the first cell: nbdev turns that cell into front matter and drops it")
        code = [c for c in cells if c["cell_type"] == "code"]
        if not code or _src(code[0]) != COLAB_CELL:
            problems.append("first code cell must be the Colab set-up cell of tools/colab_cell.py (run `python tools/colab_cell.py`)")
    return [f"{nb_path.name}: {p}" for p in problems]


def check_sidebar():
    import yaml
    entries, stack = [], [yaml.safe_load((NBS / "sidebar.yml").read_text())["website"]["sidebar"]["contents"]]
    while stack:
        for e in stack.pop():
            if isinstance(e, dict): stack.append(e.get("contents", []))
            else: entries.append(e)
    problems = [f"sidebar.yml: {e} does not exist" for e in entries if not (NBS / e).exists()]
    problems += [f"sidebar.yml: {p.name} is missing from the sidebar" for p in notebooks() if p.name not in entries]
    return problems


def check_proc_nbs():
    with tempfile.TemporaryDirectory() as stand_in:
        q = Path(stand_in) / "quarto"
        q.write_text("#!/bin/sh\necho 'quarto stand-in: Quarto is not installed on this machine' >&2\nexit 1\n")
        q.chmod(0o755)
        env = dict(os.environ, PATH=f"{stand_in}{os.pathsep}{os.environ['PATH']}")
        r = subprocess.run(["nbdev-proc-nbs", "--file-re", r"\.(?:ipynb|qmd|html)$"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=600)
    if r.returncode != 0: return [f"nbdev-proc-nbs failed ({r.returncode}): {r.stderr.strip()[-2000:]}"]
    missing = [p.name for p in notebooks() if not (ROOT / "_proc" / p.name).exists()]
    return [f"nbdev-proc-nbs did not produce _proc/{m}" for m in missing]


def mathjax_url():
    import jupyter_server_mathjax
    js = Path(jupyter_server_mathjax.__file__).parent / "static" / "MathJax.js"
    return js.as_uri() + "?config=TeX-AMS-MML_HTMLorMML-full"


def expected_counts(nb):
    "Equations in markdown cells and PNG figures in outputs of a notebook."
    md = "\n".join(_src(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    md = re.sub(r"```.*?```", "", md, flags=re.S)
    md = re.sub(r"`[^`\n]*`", "", md)
    display = len(re.findall(r"\$\$.+?\$\$", md, flags=re.S))
    inline = len(re.findall(r"(?<![\$\\])\$(?!\$)[^$\n]+?(?<![\\])\$(?!\$)", re.sub(r"\$\$.+?\$\$", "", md, flags=re.S)))
    figures = sum("image/png" in o.get("data", {}) for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []))
    errors = sum(o.get("output_type") == "error" for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", []))
    return display + inline, figures, errors


def check_html(nb_path, out_dir, chromium):
    import nbformat
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter
    nb = json.loads(nb_path.read_text())
    n_math, n_figs, n_errors = expected_counts(nb)
    problems = [f"{nb_path.name}: {n_errors} error output(s) in the notebook"] if n_errors else []
    exporter = HTMLExporter(template_name="lab")
    exporter.mathjax_url = mathjax_url()
    html, _ = exporter.from_notebook_node(nbformat.reads(json.dumps(nb), as_version=4))
    page = out_dir / (nb_path.stem + ".html")
    page.write_text(html)
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                           capture_output=True, text=True, timeout=180)
    if r.returncode != 0 or "<body" not in r.stdout:
        return problems + [f"{nb_path.name}: Chromium could not load the page ({r.returncode}): {r.stderr.strip()[-500:]}"]
    soup = BeautifulSoup(r.stdout, "html.parser")
    typeset = soup.select('script[type^="math/tex"]')
    if len(typeset) < n_math:
        problems.append(f"{nb_path.name}: {len(typeset)} equations typeset, expected {n_math}")
    if soup.select('[class*="merror"], .MathJax_Error'):
        problems.append(f"{nb_path.name}: MathJax reported {len(soup.select('[class*=merror], .MathJax_Error'))} TeX error(s)")
    for tag in soup(["script", "style", "pre", "code"]): tag.decompose()
    text = soup.get_text(" ")
    if "$$" in text or re.search(r"\$[^$\s][^$\n]*\$", text):
        problems.append(f"{nb_path.name}: raw $ math left in the page: {re.search(r'.{0,40}[$].{0,40}', text).group(0)!r}")
    imgs = [i for i in BeautifulSoup(r.stdout, "html.parser").find_all("img") if i.get("src", "").startswith("data:image/png")]
    if len(imgs) != n_figs:
        problems.append(f"{nb_path.name}: {len(imgs)} figures in the page, {n_figs} in the notebook")
    if "Traceback (most recent call last)" in text:
        problems.append(f"{nb_path.name}: a traceback is shown in the page")
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", help="keep the HTML pages in this folder (default: a temporary folder)")
    a = ap.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None: raise SystemExit("no Chromium found: apt-get install chromium")
    problems = [p for nb in notebooks() for p in check_notebook_front(nb)] + check_sidebar() + check_proc_nbs()
    problems += [p for nb in notebooks() for p in check_processed(nb)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(a.out or tmp); out.mkdir(parents=True, exist_ok=True)
        for nb in notebooks():
            found = check_html(nb, out, chromium)
            print(f"{nb.name}: {'ok' if not found else 'PROBLEMS'}")
            problems += found
    print("\n".join(problems) if problems else f"docs check passed: {len(notebooks())} notebooks")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
