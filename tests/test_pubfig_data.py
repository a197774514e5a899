"""The real PubFig file of Parikh and Grauman's relative-attribute release, where a user has it: it loads with the fields the
experiment needs, it is the file the committed results were computed from (same SHA-1), and a short run of the experiment on
it puts a DeepPermNet head ahead of chance. Skipped, with the reason, when the file is absent (it is not part of the
repository): put it at data/relative_attributes/pubfig/data.mat, or name its folder in PERMTUTORIAL_RELATIVE_ATTRIBUTES."""
import json
import os
from pathlib import Path

import pytest

from permtutorial.pubfig import DEEPPERMNET_PUBFIG, PubfigConfig, feature_run, file_sha1
from permtutorial.relative_attributes import load_relative_attributes

REPO = Path(__file__).resolve().parents[1]
ROOT = Path(os.environ.get("PERMTUTORIAL_RELATIVE_ATTRIBUTES", REPO / "data" / "relative_attributes"))
PATH = ROOT / "pubfig" / "data.mat"
pytestmark = pytest.mark.skipif(not PATH.is_file(), reason=f"no PubFig data.mat at {PATH}: download the relative-attribute release "
                                "(https://faculty.cc.gatech.edu/~parikh/relative.html) and put pubfig/data.mat there")


def test_pubfig_file_loads():
    d = load_relative_attributes("pubfig", ROOT)
    assert (len(d), d.feat.shape[1], len(d.attribute_names), len(d.class_names)) == (772, 542, 11, 8)
    assert int(d.is_train.sum()) == 241 and d.strengths.shape == (772, 11)


def test_committed_results_are_of_this_file():
    committed = sorted((REPO / DEEPPERMNET_PUBFIG.results).glob("*/metrics.json"))
    assert committed, "no committed deeppermnet-pubfig results"
    assert {json.loads(f.read_text())["data"]["sha1"] for f in committed} == {file_sha1(PATH)}


def test_short_run_orders_better_than_chance():
    d = load_relative_attributes("pubfig", ROOT)
    cfg = PubfigConfig(attributes="Male", lengths="4", heads="equivariant", baselines="RankSVM", seeds="0",
                       steps=100, eval_every=50, n_test=200, n_val=100)
    rows, _ = feature_run(d, cfg, log=lambda *a: None)
    acc = {r["model"]: r["pairwise_accuracy"] for r in rows}
    assert acc["equivariant"] > 0.7 and acc["RankSVM"] > 0.7, acc
