"""Results tables are data: every `show_results(...)` output saved in a notebook (and so in the README, which copies
nbs/index.ipynb) must equal what `render_table` makes from the committed result files today."""
import ast, json
from pathlib import Path
import pytest
from permtutorial.experiment import experiments, find_repo, results_markdown

ROOT = Path(__file__).resolve().parents[1]


def _calls():
    "(notebook, cell index, call source, saved markdown) for every cell that calls show_results."
    for nb in sorted((ROOT / 'nbs').glob('*.ipynb')):
        for i, cell in enumerate(json.loads(nb.read_text())['cells']):
            src = ''.join(cell['source'])
            if cell['cell_type'] != 'code' or 'show_results(' not in src or 'def show_results' in src: continue
            call = next(n for n in ast.walk(ast.parse('\n'.join(l for l in src.splitlines() if not l.startswith('#|'))))
                        if isinstance(n, ast.Call) and getattr(n.func, 'id', None) == 'show_results')
            saved = [''.join(o['data']['text/markdown']) for o in cell.get('outputs', []) if 'text/markdown' in o.get('data', {})]
            yield nb.name, i, ast.get_source_segment(src.replace('#| echo: false\n', ''), call) or ast.unparse(call), saved


CALLS = list(_calls())


def test_every_experiment_with_results_is_shown():
    shown = {ast.literal_eval(ast.parse(c).body[0].value.args[0]) for _, _, c, _ in CALLS}
    declared = {e.name for e in experiments().values() if e.results}
    assert declared <= shown, f"experiments with committed results but no table in any notebook: {declared - shown}"


@pytest.mark.parametrize('nb,i,call,saved', CALLS, ids=[f'{n}:{i}' for n, i, _, _ in CALLS])
def test_saved_table_matches_result_files(nb, i, call, saved):
    fresh = eval(call.replace('show_results', 'results_markdown'), {'results_markdown': results_markdown, 'find_repo': find_repo})
    assert saved, f"{nb} cell {i}: no saved output; run `python tools/execute_nb.py nbs/{nb}`"
    assert saved[0] == fresh, f"{nb} cell {i}: the saved table differs from the result files; run `python tools/execute_nb.py nbs/{nb}`"


def test_readme_has_the_tables():
    readme = (ROOT / 'README.md').read_text()
    for name in ('mena-jigsaw', 'mena-sorting', 'deeppermnet-attributes'):
        assert results_markdown(name) in readme, f"README lacks the current {name} table: run tools/execute_nb.py nbs/index.ipynb and tools/readme.py"
