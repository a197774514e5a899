"""Every experiment's `RunConfig` is its notebook's papermill parameters: the same names, and the
defaults of the notebook build the configuration's defaults (comma text typed as tuples)."""
import ast, dataclasses
import pytest
from permtutorial.experiment import experiments
from permtutorial.runs import experiment_params

EXPERIMENTS = sorted(experiments())


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_config_is_the_notebook_parameters(name):
    exp = experiments()[name]
    assert exp.config is not None, f"experiment {name!r} declares no `config` (a RunConfig)"
    params = experiment_params(name)
    fields = [f.name for f in dataclasses.fields(exp.config)]
    assert fields == list(params), f"{name}: config fields {fields} != notebook parameters {list(params)}"
    defaults = {k: ast.literal_eval(v["default"]) for k, v in params.items()}
    assert exp.config.from_params(defaults) == exp.config(), f"{name}: the defaults differ"


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_run_defaults_are_fields(name):
    exp = experiments()[name]
    fields = {f.name for f in dataclasses.fields(exp.config)} if exp.config else set()
    assert set(exp.run_defaults) <= fields, sorted(set(exp.run_defaults) - fields)
