"""README.md is generated from nbs/index.ipynb, the docs site's home page, so the two never drift apart.

    python tools/readme.py          # rewrite README.md (and its figures) from nbs/index.ipynb
    python tools/readme.py --check  # exit 1 if README.md or a figure is out of date (tests/test_readme.py does the same)

Markdown cells are copied; code cells become ```python blocks (without nbdev's `#|` directives) followed by their text
output; markdown outputs (the results tables) are copied as markdown; cells marked `#| hide` are left out and the code of
cells marked `#| echo: false` or `#| code-fold: true` is not shown (the docs hide or fold it). A PNG figure in an output is
written to nbs/images/index-<cell id>.png, which the README shows, with the cell's `#| fig-cap:` as its caption.
"""
import base64
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = "<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, then run `python tools/readme.py`. -->\n\n"
IMAGES = "nbs/images"


def _source(cell):
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def _option(lines, name):
    "The value of the cell option `#| name: value`, or None."
    for l in lines:
        key, _, value = l[2:].partition(":") if l.startswith("#|") else ("", "", "")
        if key.strip() == name: return value.strip().strip('"')
    return None


def markdown(output) -> str:
    "The markdown an output displays (e.g. a results table from `show_results`), or ''."
    md = output.get("data", {}).get("text/markdown", "")
    return "".join(md) if isinstance(md, list) else md


def figures(index=ROOT / "nbs" / "index.ipynb") -> dict:
    "`{path relative to the root: PNG bytes}` for every figure in the outputs of the notebook `index`."
    out = {}
    for cell in json.loads(Path(index).read_text())["cells"]:
        pngs = [o["data"]["image/png"] for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        for k, png in enumerate(pngs):
            name = f"index-{cell['id']}" + (f"-{k}" if k else "") + ".png"
            out[f"{IMAGES}/{name}"] = base64.b64decode("".join(png) if isinstance(png, list) else png)
    return out


def render(index=ROOT / "nbs" / "index.ipynb") -> str:
    "The README text for the notebook `index`."
    parts, paths = [], iter(figures(index))
    for cell in json.loads(Path(index).read_text())["cells"]:
        src = _source(cell)
        lines = src.splitlines()
        if any(l.strip() == "#| hide" for l in lines): continue
        if cell["cell_type"] == "markdown":
            parts.append(src.strip())
        elif cell["cell_type"] == "code":
            code = "\n".join(l for l in lines if not l.startswith("#|")).strip()
            shown = _option(lines, "echo") != "false" and _option(lines, "code-fold") != "true"
            if code and shown: parts.append(f"```python\n{code}\n```")
            text = "".join("".join(o.get("text", "")) for o in cell.get("outputs", []) if o.get("output_type") == "stream")
            if text.strip(): parts.append(f"```\n{text.rstrip()}\n```")
            caption = _option(lines, "fig-cap") or "figure"
            for o in cell.get("outputs", []):
                if "image/png" in o.get("data", {}): parts.append(f"![{caption}]({next(paths)})")
                elif markdown(o): parts.append(markdown(o).strip())
    return HEADER + "\n\n".join(parts) + "\n"


def stale() -> list:
    "What `python tools/readme.py` would rewrite: README.md and the figures that differ from the notebook."
    readme = ROOT / "README.md"
    out = [] if readme.exists() and readme.read_text() == render() else ["README.md"]
    return out + [p for p, png in figures().items() if not (ROOT / p).exists() or (ROOT / p).read_bytes() != png]


if __name__ == "__main__":
    if "--check" in sys.argv:
        old = stale()
        print("README.md is up to date" if not old else f"out of date: {', '.join(old)}: run `python tools/readme.py`")
        sys.exit(1 if old else 0)
    for p, png in figures().items():
        (ROOT / p).parent.mkdir(parents=True, exist_ok=True)
        (ROOT / p).write_bytes(png)
    (ROOT / "README.md").write_text(render())
    print(f"wrote {ROOT / 'README.md'}" + "".join(f" and {p}" for p in figures()))
