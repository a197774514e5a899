"""What every benchmark script shares: its table is printed and, with --out, saved as data (rows plus the Table that lays
them out) through `permtutorial.experiment`, so the README renders it from the file with the same function as every
results table."""
import argparse
import os
import platform
import sys
import time

import torch

from permtutorial.experiment import find_repo, save_table, table_markdown


def bench_args(doc, extra=None, **defaults):
    """A benchmark's command line: one option per keyword of `defaults` (`n_images=4096` becomes `--n-images`, typed as its
    default; a list default takes several values), `extra(ap)` for any other, and --out/--overwrite. Returns the parsed options."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, d in defaults.items():
        ap.add_argument("--" + name.replace("_", "-"), type=type(d[0] if isinstance(d, list) else d), default=d, **({"nargs": "+"} if isinstance(d, list) else {}))
    if extra: extra(ap)
    add_output_args(ap)
    return ap.parse_args()


def add_output_args(ap):
    ap.add_argument("--out", help="also save the table as JSON here (e.g. bench/results/NAME.json; refused if it exists)")
    ap.add_argument("--overwrite", action="store_true", help="replace an existing --out file")


def report(args, table, rows, suffix=""):
    "Print `rows` as `table`; with --out, save them (a CUDA table goes next to it, with `suffix` in its name)."
    print("\n" + table_markdown(rows, table) + "\n", flush=True)
    if args.out:
        path = args.out.replace(".json", f"{suffix}.json")
        save_table(path, table, rows, overwrite=args.overwrite, command=" ".join(["python", *sys.argv]), cwd=os.path.relpath(os.getcwd(), find_repo()),
                   machine=f"{platform.machine()}, {torch.get_num_threads()} threads, torch {torch.__version__}",
                   date=time.strftime("%Y-%m-%d"))
        print(f"saved {path}")
