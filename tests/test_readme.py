"README.md is generated from nbs/index.ipynb (tools/readme.py); this test fails when they drift apart."
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_matches_index():
    spec = importlib.util.spec_from_file_location("readme", ROOT / "tools" / "readme.py")
    readme = importlib.util.module_from_spec(spec); spec.loader.exec_module(readme)
    assert (ROOT / "README.md").read_text() == readme.render(), "README.md is out of date: run `python tools/readme.py`"
