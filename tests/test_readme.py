"README.md is generated from nbs/index.ipynb (tools/readme.py); this test fails when they, or the figures it shows, drift apart."
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_tool():
    spec = importlib.util.spec_from_file_location("readme", ROOT / "tools" / "readme.py")
    readme = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(readme)
    return readme


def test_readme_matches_index():
    readme = _readme_tool()
    assert (ROOT / "README.md").read_text() == readme.render(), "README.md is out of date: run `python tools/readme.py`"


def test_readme_figures_match_index():
    readme = _readme_tool()
    figures = readme.figures()
    assert figures, "the home page (nbs/index.ipynb) shows no figure"
    stale = [p for p, png in figures.items() if not (ROOT / p).exists() or (ROOT / p).read_bytes() != png]
    assert not stale, f"figures out of date: {stale}: run `python tools/readme.py`"
