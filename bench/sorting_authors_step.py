"""Seconds per training step of the sorting benchmark in NeuralSort's setup (their network at 32 channels, 100 sequences per step),
to size the long runs on the machine at hand: wall and process CPU time per step, for each n, method and precision asked.

    OMP_NUM_THREADS=1 python bench/sorting_authors_step.py --threads 1 --ns 3,5 --precisions fp32,bf16 --steps 5

bfloat16 autocast helps only where the CPU computes bfloat16 natively (`torch.ops.mkldnn._is_mkldnn_bf16_supported()`);
elsewhere it is emulated and several times slower than float32. Nothing is written: the numbers depend on the machine and its load.
"""
import argparse, os, time
import torch
from permtutorial.data import load_mnist
from permtutorial.relaxations import make_relaxation
from permtutorial.sorting_benchmark import ScoreCNN, SortTraining, authors_init_, train_sorter

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('--threads', type=int, default=1)
ap.add_argument('--ns', default='3,5')
ap.add_argument('--methods', default='neuralsort,gumbel-sinkhorn')
ap.add_argument('--precisions', default='fp32,bf16')
ap.add_argument('--steps', type=int, default=5, help='timed steps per configuration (after 1 warm-up step)')
a = ap.parse_args()
torch.set_num_threads(a.threads)
digits = load_mnist(train=True, verbose=False)
print(f"{torch.get_num_threads()} thread(s); native bfloat16: {torch.ops.mkldnn._is_mkldnn_bf16_supported()}")
for n in map(int, a.ns.split(',')):
    for method in a.methods.split(','):
        for precision in a.precisions.split(','):
            relax = make_relaxation(method, 5.0)
            model = authors_init_(ScoreCNN(out=relax.per_item(n), width=32))
            budget, kw = dict(batch_size=100, lr=1e-4), dict(precision=precision, progress=False)
            train_sorter(model, relax, digits, n, SortTraining(1, 1, **budget), **kw)           # warm-up
            cpu = time.process_time()
            h = train_sorter(model, relax, digits, n, SortTraining(1, a.steps, **budget), **kw)
            print(f"n = {n} {method:16s} {precision}: wall {h['seconds'] / a.steps:.2f} s/step, "
                  f"CPU {(time.process_time() - cpu) / a.steps:.2f} s/step (load average {os.getloadavg()[0]:.1f})", flush=True)
