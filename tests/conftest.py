from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def seeds() -> Path:
    # CI has ../shared beside the clone; a missing folder is a failure, never a skip.
    assert SEEDS.is_dir(), f"{SEEDS} is missing: the seed tests read the real pages there"
    return SEEDS


@pytest.fixture(scope="session")
def script():
    """Load a script of the repository (tools/…, tests/eval_….py) as a module, by its path from the root."""
    import importlib.util
    import sys

    def load(relative: str):
        path = ROOT / relative
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = sys.modules[path.stem] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load
