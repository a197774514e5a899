"""README.md is generated from nbs/index.ipynb, the docs site's home page, so the two never drift apart.

    python tools/readme.py          # rewrite README.md from nbs/index.ipynb
    python tools/readme.py --check  # exit 1 if README.md is out of date (tests/test_readme.py does the same)

Markdown cells are copied; code cells become ```python blocks (without nbdev's `#|` directives) followed by their text
output; markdown outputs (the results tables) are copied as markdown; cells marked `#| hide` are left out and the code of
cells marked `#| echo: false` is not shown, as in the docs.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = "<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, then run `python tools/readme.py`. -->\n\n"


def _source(cell):
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def markdown(output) -> str:
    "The markdown an output displays (e.g. a results table from `show_results`), or ''."
    md = output.get("data", {}).get("text/markdown", "")
    return "".join(md) if isinstance(md, list) else md


def render(index=ROOT / "nbs" / "index.ipynb") -> str:
    "The README text for the notebook `index`."
    parts = []
    for cell in json.loads(Path(index).read_text())["cells"]:
        src = _source(cell)
        lines = src.splitlines()
        if any(l.strip() == "#| hide" for l in lines): continue
        if cell["cell_type"] == "markdown":
            parts.append(src.strip())
        elif cell["cell_type"] == "code":
            code = "\n".join(l for l in lines if not l.startswith("#|")).strip()
            if code and not any(l.replace(" ", "") == "#|echo:false" for l in lines): parts.append(f"```python\n{code}\n```")
            text = "".join("".join(o.get("text", "")) for o in cell.get("outputs", []) if o.get("output_type") == "stream")
            if text.strip(): parts.append(f"```\n{text.rstrip()}\n```")
            parts += [markdown(o).strip() for o in cell.get("outputs", []) if markdown(o)]
    return HEADER + "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    readme, text = ROOT / "README.md", render()
    if "--check" in sys.argv:
        ok = readme.exists() and readme.read_text() == text
        print("README.md is up to date" if ok else "README.md is out of date: run `python tools/readme.py`")
        sys.exit(0 if ok else 1)
    readme.write_text(text)
    print(f"wrote {readme}")
