"""DeepPermNet training throughput: the package's batched Siamese model (all B*l items through the shared branch in one
call) against the same model run as a Python loop over the l branches, in one run, same weights and data.

Training sequences per second (forward + Sinkhorn layer + loss + backward + Adam step), l = 8, small CNN branch on
28x28 images, batch 32 sequences; 'ratio' = batched / loop. The CPU table is measured twice, each in a fresh process:
with glibc's default allocator settings, and with MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_ raised so that large
freed buffers stay in the process (by default glibc hands them back to the OS and every step pays page faults to get
them again, which penalises the batched model's larger buffers). A CUDA section (float32 vs bf16 autocast, AlexNet
branch at 227x227) runs when a GPU is present.

    python bench/deeppermnet.py [--l 8] [--batch 32] [--steps 20]
"""
import argparse
import os
import subprocess
import sys
import time

import torch

from permtutorial.deeppermnet import DeepPermNet, SmallCNN, TorchvisionBranch, soft_permutation, permutation_loss, target_matrix, scramble_sequences


class LoopDeepPermNet(torch.nn.Module):
    "The same network with the l branches applied one after another (what a literal reading of Fig. 2 does)."
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        f = torch.cat([self.model.branch(x[:, i]) for i in range(x.shape[1])], 1)
        return self.model.head(f).view(x.shape[0], self.model.l, self.model.l)


def throughput(model, x, target, steps, amp=False):
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    dev = x.device
    sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)

    def step():
        with torch.autocast(dev.type, dtype=torch.bfloat16, enabled=amp):
            loss = permutation_loss(soft_permutation(model(x)), target)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()

    for _ in range(3): step()
    sync(); t = time.perf_counter()
    for _ in range(steps): step()
    sync()
    return steps * x.shape[0] / (time.perf_counter() - t)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--l", type=int, default=8)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child is None:                                  # the parent: one child per allocator setting, then CUDA
        big = str(2**31)
        for label, env in (("glibc defaults", {}), ("MALLOC_MMAP_THRESHOLD_ and MALLOC_TRIM_THRESHOLD_ = 2^31", {"MALLOC_MMAP_THRESHOLD_": big, "MALLOC_TRIM_THRESHOLD_": big})):
            out = subprocess.run([sys.executable, __file__, "--l", str(a.l), "--batch", str(a.batch), "--steps", str(a.steps), "--child", label],
                                 env={**os.environ, **env}, capture_output=True, text=True, check=True)
            print(out.stdout, end="")
        cuda_section(a)
        return
    torch.manual_seed(0)
    x, perm = scramble_sequences(torch.rand(a.batch, a.l, 1, 28, 28))
    target = target_matrix(perm)
    model = DeepPermNet(SmallCNN(1, fc6_dim=128), l=a.l, fc7_dim=1024)
    loop = LoopDeepPermNet(model)
    with torch.no_grad(): torch.testing.assert_close(model.eval()(x), loop.eval()(x))   # same function
    model.train()
    print(f"\n### CPU ({torch.get_num_threads()} threads, {a.child}), l = {a.l}, batch {a.batch} sequences, small CNN branch, 28x28: training sequences/s\n")
    print("| model | sequences/s |\n|---|---|")
    b, l_ = throughput(model, x, target, a.steps), throughput(loop, x, target, a.steps)
    print(f"| batched (permtutorial) | {b:.0f} |\n| loop over branches | {l_:.0f} |\n\nratio batched / loop: {b / l_:.2f}x")


def cuda_section(a):
    if torch.cuda.is_available():
        x, perm = scramble_sequences(torch.rand(a.batch, a.l, 3, 227, 227, device="cuda"))
        target = target_matrix(perm).cuda()
        print(f"\n### CUDA ({torch.cuda.get_device_name()}), l = {a.l}, batch {a.batch}, AlexNet branch, 227x227: training sequences/s\n")
        print("| precision | batched | loop |\n|---|---|---|")
        for amp in (False, True):
            m = DeepPermNet(TorchvisionBranch("alexnet", fc6_dim=512), l=a.l).cuda().to(memory_format=torch.channels_last)
            print(f"| {'bf16 autocast' if amp else 'float32'} | {throughput(m, x, target, a.steps, amp):.0f} | {throughput(LoopDeepPermNet(m), x, target, a.steps, amp):.0f} |")


if __name__ == "__main__":
    main()
