"""The Colab-like check (`tools/colab_check.py`): every notebook, copied alone into a working folder outside the repository,
runs top to bottom in a fresh virtual environment with nothing but its own set-up cell, every cell included (the `#| cuda`
cells too, which on this CPU-only machine must say what they skip). It installs torch into a new environment and runs every
notebook again (about 25 minutes on a 2-core CPU), so it runs where PERMTUTORIAL_COLAB_CHECK=1 is set, as in CI (`.ci/run`)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(os.environ.get("PERMTUTORIAL_COLAB_CHECK") != "1",
                    reason="the Colab-like check takes about 25 minutes; set PERMTUTORIAL_COLAB_CHECK=1 to run it (CI does)")
def test_every_notebook_runs_as_in_colab():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "colab_check.py")], capture_output=True, text=True, timeout=3600)
    print(r.stdout[-5000:])
    assert r.returncode == 0, r.stdout[-5000:] + r.stderr[-3000:]
