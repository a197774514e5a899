"""What the scripts that make the committed image samples share: writing a sample, never over an
existing file."""
from pathlib import Path

import numpy as np


def check_absent(out: Path):
    "Stop before any work if `out` exists: a committed sample is never overwritten."
    if out.exists():
        raise SystemExit(f"{out} exists; delete it first to regenerate")


def write_sample(out: Path, images, labels, is_train, source: str, noun: str = "images"):
    "Save the sample to `out` with the text of its `source` and say what it holds."
    check_absent(out)
    np.savez_compressed(
        out, images=images, labels=labels, is_train=is_train, source=np.array(source)
    )
    print(f"wrote {out}: {len(labels)} {noun}, {is_train.sum()} train / {(~is_train).sum()} test")
