"""No public function or method of the package takes more than 8 parameters (as `inspect.signature`
shows them, `*args`/`**kwargs` not counted): options beyond that travel as one configuration object
(a dataclass: its constructor is the configuration itself and is not counted)."""
import dataclasses, importlib, inspect, pkgutil
import pytest
import permtutorial

MAX_PARAMS = 8
MODULES = sorted(m.name for m in pkgutil.iter_modules(permtutorial.__path__) if not m.name.startswith('_'))


def _public_callables(mod):
    for name in getattr(mod, '__all__', []):
        obj = getattr(mod, name)
        if inspect.isclass(obj):
            if not dataclasses.is_dataclass(obj):
                yield f'{name}.__init__', obj.__init__
            for k, v in vars(obj).items():
                if inspect.isfunction(v) and not k.startswith('_'):
                    yield f'{name}.{k}', v
        elif callable(obj):
            yield name, obj


def _count(fn):
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return 0
    skip = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    return sum(p.name not in ('self', 'cls') and p.kind not in skip for p in sig.parameters.values())


@pytest.mark.parametrize('module', MODULES)
def test_at_most_8_parameters(module):
    mod = importlib.import_module(f'permtutorial.{module}')
    long = {name: n for name, fn in _public_callables(mod) if (n := _count(fn)) > MAX_PARAMS}
    assert not long, f'permtutorial.{module}: more than {MAX_PARAMS} parameters: {long}'
