"""Shared fixtures: where the example story and the shared acceptance material live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = REPO / "examples" / "story"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout (acceptance material is not distributed)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent")
    return seeds


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def seeds_dossier(seeds_dir: Path):
    from consilience.pipeline import reconcile

    return reconcile([str(seeds_dir)])


@pytest.fixture(scope="session")
def seeds_report(seeds_dossier) -> dict:
    from consilience.render import dossier_to_dict

    return dossier_to_dict(seeds_dossier)


@pytest.fixture(scope="session")
def example_report() -> dict:
    from consilience.pipeline import reconcile
    from consilience.render import dossier_to_dict

    return dossier_to_dict(reconcile([str(EXAMPLE)]))


@pytest.fixture(scope="session")
def seed_documents(seeds_dir: Path) -> list:
    """The seeds as the pipeline prepares them for extraction: read, cleaned, segmented and dated."""
    from consilience.pipeline import STAGES, State

    state = State(inputs=(str(seeds_dir),))
    for name, stage in STAGES:
        if name == "extract":
            break
        state = stage(state)
    return [d for d in state.documents if not d.skipped]
