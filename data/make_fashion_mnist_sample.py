"""Make `data/fashion_mnist_sample.npz`: 2,500 real Fashion-MNIST images for offline docs, tests
and CI.

Source: Debian's `dataset-fashion-mnist` package (`sudo apt install dataset-fashion-mnist`), which
installs the original IDX files of Fashion-MNIST (Xiao, Rasul and Vollgraf 2017,
https://github.com/zalandoresearch/fashion-mnist, MIT licence) under
`/usr/share/datasets/fashion-mnist/`.

Fixed selection: for each class, the first 200 images (in file order) of the training file are
`train` and the first 50 of the test file are `test`: 2,000 train and 500 test images, balanced.

    sudo apt install dataset-fashion-mnist && python data/make_fashion_mnist_sample.py
"""
import gzip
from pathlib import Path

import numpy as np
from _samples import check_absent, write_sample

SRC = Path("/usr/share/datasets/fashion-mnist")
OUT = Path(__file__).resolve().parent / "fashion_mnist_sample.npz"


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(data, np.uint8, offset=4 + 4 * ndim).reshape(shape)


def main():
    check_absent(OUT)
    if not SRC.is_dir():
        raise SystemExit(f"no {SRC}: sudo apt install dataset-fashion-mnist")
    images, labels, is_train = [], [], []
    for prefix, per_class, train in (("train", 200, True), ("t10k", 50, False)):
        x = read_idx(SRC / f"{prefix}-images-idx3-ubyte.gz")
        y = read_idx(SRC / f"{prefix}-labels-idx1-ubyte.gz")
        keep = np.sort(np.concatenate([np.flatnonzero(y == c)[:per_class] for c in range(10)]))
        images.append(x[keep])
        labels.append(y[keep])
        is_train.append(np.full(len(keep), train))
    images, labels, is_train = map(np.concatenate, (images, labels, is_train))
    source = "Debian dataset-fashion-mnist: first 200 training and 50 test images per class"
    write_sample(OUT, images, labels, is_train, source)


if __name__ == "__main__":
    main()
