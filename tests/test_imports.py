"""The package's layers, tested. It reads core -> training and experiments -> data -> families -> command:

- core modules import only the core;
- training and experiment modules import the core and each other;
- data modules import the core and data, never training;
- a family imports the layers below it and its own modules, never another family or the command;
- nothing imports a module that imports it back (no cycles), counting imports inside functions too.

The families are the papers: Mena et al.'s Sinkhorn networks, the NeuralSort sorting benchmark, and DeepPermNet with
its experiments. They stay flat modules (`permtutorial.pubfig`, not `permtutorial.deeppermnet.pubfig`) so that each
page's module keeps the name its notebook and the docs give it; the grouping lives here, where it is checked."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "permtutorial"

LAYERS = {
    "core": {"checks", "files", "parallel", "gumbel", "sinkhorn", "sinkhorn_kernels", "sinkhorn_implicit",
             "matching", "gumbel_sinkhorn", "relaxations", "metrics"},
    "training": {"train", "experiment"},
    "data": {"data", "jigsaw_puzzles"},
    "family": {"sinkhorn_cnn", "sorting", "sorting_benchmark", "deeppermnet", "relative_attributes", "pubfig",
               "jigsaw_pretrain"},
    "command": {"runs"},
}
FAMILIES = {"mena": {"sinkhorn_cnn", "sorting"}, "neuralsort": {"sorting_benchmark"},
            "deeppermnet": {"deeppermnet", "relative_attributes", "pubfig", "jigsaw_pretrain"}}
MAY_IMPORT = {"core": {"core"}, "training": {"core", "training"}, "data": {"core", "data"},
              "family": {"core", "training", "data", "family"}, "command": set(LAYERS)}
NOT_MODULES = {"__init__", "_modidx"}


def modules():
    return sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in NOT_MODULES)


def layer_of(module):
    return next(layer for layer, members in LAYERS.items() if module in members)


def family_of(module):
    return next((f for f, members in FAMILIES.items() if module in members), None)


def imported(module):
    "The package modules that `module` imports, anywhere in its source (inside functions too)."
    names = set()
    for node in ast.walk(ast.parse((PACKAGE / f"{module}.py").read_text())):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level == 1 and base: names.add(base.split(".")[0])
            elif node.level == 1 or base == "permtutorial": names.update(a.name for a in node.names)
            elif base.startswith("permtutorial."): names.add(base.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("permtutorial."))
    return names & set(modules())


def test_every_module_has_a_layer():
    unplaced = [m for m in modules() if not any(m in members for members in LAYERS.values())]
    assert not unplaced, f"place these modules in a layer of tests/test_imports.py: {unplaced}"


def test_layers():
    wrong = []
    for m in modules():
        for dep in imported(m):
            if layer_of(dep) not in MAY_IMPORT[layer_of(m)]:
                wrong.append(f"{m} ({layer_of(m)}) imports {dep} ({layer_of(dep)})")
            elif layer_of(m) == layer_of(dep) == "family" and family_of(m) != family_of(dep):
                wrong.append(f"{m} (family {family_of(m)}) imports {dep} (family {family_of(dep)})")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_no_cycles():
    graph = {m: imported(m) - {m} for m in modules()}
    cycles, state = [], {}

    def visit(m, path):
        state[m] = "open"
        for dep in sorted(graph[m]):
            if state.get(dep) == "open": cycles.append(" -> ".join(path[path.index(dep):] + [dep]))
            elif dep not in state: visit(dep, path + [dep])
        state[m] = "done"

    for m in graph:
        if m not in state: visit(m, [m])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)
