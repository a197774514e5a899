"""Jigsaw pretraining throughput, one process against several (DistributedDataParallel under torchrun), in one run.

Each row runs the package's pretraining command (`python -m permtutorial.jigsaw_pretrain`, under `torchrun` for more than
one process) for the same epochs on the same images with the same global batch, and reads the puzzles/s it measured
(`images_per_second` in its metrics.json: training time only, not start-up). On the CPU: one process with all cores'
threads (the baseline), one process with one thread, and 2 gloo processes with one thread each; 'ratio' = row / baseline.
A CUDA section (one GPU against all of them, NCCL) runs when GPUs are present.

    python bench/jigsaw_pretrain.py [--n-images 4096] [--epochs 1] [--batch-size 64] [--out bench/results/jigsaw_pretrain.json]
"""
import json
import os
import subprocess
import sys
import tempfile

import torch

from common import bench_args, report
from permtutorial.experiment import Table


def measure(nproc, threads, a, device="cpu"):
    cmd = [sys.executable] + (["-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={nproc}"] if nproc > 1 else []) + ["-m", "permtutorial.jigsaw_pretrain"]
    with tempfile.TemporaryDirectory() as d:
        args = ["--out", f"{d}/run", "--n-images", str(a.n_images), "--epochs", str(a.epochs), "--batch-size", str(a.batch_size),
                "--num-workers", "1", "--device", device, "--data", a.data]
        r = subprocess.run(cmd + args, capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": str(threads)})
        if r.returncode: raise SystemExit(f"{' '.join(cmd + args)} failed:\n{r.stderr[-3000:]}")
        return json.loads(open(f"{d}/run/metrics.json").read())["images_per_second"]


def main():
    a = bench_args(__doc__, n_images=4096, epochs=1, batch_size=64, data="fashion-mnist")
    cores = os.cpu_count()
    base = measure(1, cores, a)
    rows = [{"setting": f"1 process × {cores} threads (baseline)", "puzzles/s": base, "ratio": 1.0}]
    for nproc, threads in ((1, 1), (2, max(1, cores // 2))):
        v = measure(nproc, threads, a)
        rows.append({"setting": f"{nproc} process{'es' if nproc > 1 else ''} × {threads} thread{'s' if threads > 1 else ''}" + (" (gloo)" if nproc > 1 else ""),
                     "puzzles/s": v, "ratio": v / base})
    report(a, Table(["setting"], ["puzzles/s", "ratio"], digits=2,
                    title=f"CPU ({cores} cores): jigsaw pretraining puzzles/s, 3×3 Fashion-MNIST puzzles, global batch {a.batch_size}, "
                          f"{a.n_images} images × {a.epochs} epoch(s), small CNN branch; ratio = setting / baseline"), rows)
    if torch.cuda.is_available():
        n = torch.cuda.device_count()
        one = measure(1, cores, a, "cuda")
        rows = [{"setting": "1 GPU", "puzzles/s": one, "ratio": 1.0}]
        if n > 1:
            v = measure(n, max(1, cores // n), a, "cuda")
            rows.append({"setting": f"{n} GPUs (NCCL)", "puzzles/s": v, "ratio": v / one})
        report(a, Table(["setting"], ["puzzles/s", "ratio"], digits=2,
                        title=f"CUDA ({torch.cuda.get_device_name()}): jigsaw pretraining puzzles/s, global batch {a.batch_size}"), rows, suffix="_cuda")


if __name__ == "__main__":
    main()
