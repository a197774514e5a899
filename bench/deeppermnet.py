"""DeepPermNet training throughput: the package's batched Siamese model (all B*l items through the shared branch in one
call) against the same model run as a Python loop over the l branches, in one run, same weights and data; and the
three heads (the paper's fc7 over the concatenation with the Sinkhorn layer, the naive sigmoid head, the
permutation-equivariant head) side by side on the same branch and data.

Training sequences per second (forward + Sinkhorn layer + loss + backward + Adam step), l = 8, small CNN branch on
28x28 images, batch 32 sequences; 'ratio' = batched / loop. The CPU table is measured twice, each in a fresh process:
with glibc's default allocator settings, and with MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_ raised so that large
freed buffers stay in the process (by default glibc hands them back to the OS and every step pays page faults to get
them again, which penalises the batched model's larger buffers). A CUDA section (float32 vs bf16 autocast, AlexNet
branch at 227x227) runs when a GPU is present.

    python bench/deeppermnet.py [--l 8] [--batch 32] [--steps 20] [--out bench/results/deeppermnet.json]
"""
import argparse
import json
import os
import subprocess
import sys
import time

import torch

from common import bench_args, report
from permtutorial.experiment import Table
from permtutorial.deeppermnet import DeepPermNet, HEADS, SmallCNN, TorchvisionBranch, scramble_sequences
from permtutorial.relaxations import target_matrix


class LoopDeepPermNet(torch.nn.Module):
    "The same network with the l branches applied one after another (what a literal reading of Fig. 2 does)."
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model.head(torch.stack([self.model.branch(x[:, i]) for i in range(x.shape[1])], 1))


def throughput(model, x, target, steps, amp=False):
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    dev, head = x.device, getattr(model, "model", model).head
    sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)

    def step():
        with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=amp):
            loss = head.loss(model(x), target)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()

    for _ in range(3): step()
    sync(); t = time.perf_counter()
    for _ in range(steps): step()
    sync()
    return steps * x.shape[0] / (time.perf_counter() - t)


def main():
    a = bench_args(__doc__, lambda ap: ap.add_argument("--child", choices=("loop", "heads"), help=argparse.SUPPRESS), l=8, batch=32, steps=20)
    if not a.child:                                      # the parent: one child per allocator setting, then CUDA
        big, rows = str(2**31), []
        child = lambda kind, env: json.loads(subprocess.run(
            [sys.executable, __file__, "--l", str(a.l), "--batch", str(a.batch), "--steps", str(a.steps), "--child", kind],
            env={**os.environ, **env}, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
        for label, env in (("glibc defaults", {}), ("MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ = 2^31", {"MALLOC_MMAP_THRESHOLD_": big, "MALLOC_TRIM_THRESHOLD_": big})):
            b, l_ = child("loop", env)
            rows.append({"allocator": label, "batched (permtutorial)": b, "loop over branches": l_, "ratio": b / l_})
        report(a, Table(["allocator"], ["batched (permtutorial)", "loop over branches", "ratio"], digits=2,
                        title=f"CPU ({torch.get_num_threads()} threads), l = {a.l}, batch {a.batch} sequences, small CNN branch, 28x28: "
                              f"training sequences/s; ratio = batched / loop"), rows)
        heads = child("heads", {})
        report(a, Table(["head"], ["sequences/s", "ratio"], digits=2,
                        title=f"CPU ({torch.get_num_threads()} threads), l = {a.l}, batch {a.batch} sequences, small CNN branch, 28x28, glibc defaults: "
                              f"training sequences/s of each head; ratio = to the paper's head"),
               [{"head": h, "sequences/s": v, "ratio": v / heads["sinkhorn"]} for h, v in heads.items()], suffix="_heads")
        cuda_section(a)
        return
    torch.manual_seed(0)
    x, perm = scramble_sequences(torch.rand(a.batch, a.l, 1, 28, 28))
    target = target_matrix(perm)
    if a.child == "heads":
        print(json.dumps({h: throughput(DeepPermNet(SmallCNN(1, fc6_dim=128), l=a.l, fc7_dim=1024 if h != "equivariant" else 256, head=h), x, target, a.steps)
                          for h in HEADS}))
        return
    model = DeepPermNet(SmallCNN(1, fc6_dim=128), l=a.l, fc7_dim=1024)
    loop = LoopDeepPermNet(model)
    with torch.no_grad(): torch.testing.assert_close(model.eval()(x), loop.eval()(x))   # same function
    model.train()
    print(json.dumps([throughput(model, x, target, a.steps), throughput(loop, x, target, a.steps)]))


def cuda_section(a):
    if torch.cuda.is_available():
        x, perm = scramble_sequences(torch.rand(a.batch, a.l, 3, 227, 227, device="cuda"))
        target = target_matrix(perm).cuda()
        rows = []
        for amp in (False, True):
            m = DeepPermNet(TorchvisionBranch("alexnet", fc6_dim=512), l=a.l).cuda().to(memory_format=torch.channels_last)
            b, l_ = throughput(m, x, target, a.steps, amp), throughput(LoopDeepPermNet(m), x, target, a.steps, amp)
            rows.append({"precision": "bf16 autocast" if amp else "float32", "batched": b, "loop": l_, "ratio": b / l_})
        report(a, Table(["precision"], ["batched", "loop", "ratio"], digits=2,
                        title=f"CUDA ({torch.cuda.get_device_name()}), l = {a.l}, batch {a.batch}, AlexNet branch, 227x227: training sequences/s"),
               rows, suffix="_cuda")


if __name__ == "__main__":
    main()
