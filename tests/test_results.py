"""Results are data: every results or benchmark table saved in a notebook (`show_results(...)`, `show_table(...)`), and so
in the README, which copies nbs/index.ipynb, must equal what the one renderer makes from the committed files today."""
import ast, json
from pathlib import Path
import pytest
from permtutorial.experiment import experiments, find_repo, results_markdown, table_file_markdown

ROOT = Path(__file__).resolve().parents[1]
RENDER = {'show_results': results_markdown, 'show_table': table_file_markdown}


def _calls():
    "(notebook, cell index, call source, saved markdown) for every cell that shows a table."
    for nb in sorted((ROOT / 'nbs').glob('*.ipynb')):
        for i, cell in enumerate(json.loads(nb.read_text())['cells']):
            src = '\n'.join(l for l in ''.join(cell['source']).splitlines() if not l.startswith('#|'))
            if cell['cell_type'] != 'code' or not any(f'{f}(' in src for f in RENDER) or 'def show_' in src: continue
            for call in (n for n in ast.walk(ast.parse(src)) if isinstance(n, ast.Call) and getattr(n.func, 'id', None) in RENDER):
                saved = [''.join(o['data']['text/markdown']) for o in cell.get('outputs', []) if 'text/markdown' in o.get('data', {})]
                yield nb.name, i, ast.unparse(call), saved


CALLS = list(_calls())


def _render(call):
    return eval(call, {**{k: f for k, f in RENDER.items()}, 'find_repo': find_repo})


def test_every_experiment_with_results_is_shown():
    shown = {ast.literal_eval(ast.parse(c).body[0].value.args[0]) for _, _, c, _ in CALLS if c.startswith('show_results')}
    declared = {e.name for e in experiments().values() if e.results}
    assert declared <= shown, f"experiments with committed results but no table in any notebook: {declared - shown}"


def test_every_benchmark_file_is_shown():
    shown = {Path(eval(ast.unparse(ast.parse(c).body[0].value.args[0]), {'find_repo': find_repo})).resolve()
             for _, _, c, _ in CALLS if c.startswith('show_table')}
    files = {p.resolve() for p in (ROOT / 'bench' / 'results').glob('*.json')}
    assert files <= shown, f"benchmark results not shown on any page: {sorted(map(str, files - shown))}"


@pytest.mark.parametrize('nb,i,call,saved', CALLS, ids=[f'{n}:{i}' for n, i, _, _ in CALLS])
def test_saved_table_matches_result_files(nb, i, call, saved):
    assert saved, f"{nb} cell {i}: no saved output; run `python tools/execute_nb.py nbs/{nb}`"
    assert saved[0] == _render(call), f"{nb} cell {i}: the saved table differs from the result files; run `python tools/execute_nb.py nbs/{nb}`"


def test_readme_has_the_tables():
    readme = (ROOT / 'README.md').read_text()
    for _, _, call, _ in (c for c in CALLS if c[0] == 'index.ipynb'):
        assert _render(call) in readme, f"README lacks the current table of {call}: run tools/execute_nb.py nbs/index.ipynb and tools/readme.py"
