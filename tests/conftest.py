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
