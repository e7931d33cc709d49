"""The public surface of consilience.reuse: exports and option validation."""

from __future__ import annotations

import dataclasses

import pytest

import consilience.reuse as reuse
from consilience.errors import UsageError
from consilience.reuse import ReuseOptions


def test_api_exports_exist() -> None:
    assert all(hasattr(reuse, name) for name in reuse.__all__)


@pytest.mark.parametrize("name", ["find_reuse", "mark_altered", "independent_voices", "group_stories", "ReuseOptions"])
def test_api_contract_names_exported(name: str) -> None:
    assert name in reuse.__all__


def test_api_options_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ReuseOptions().threshold = 0.9  # type: ignore[misc]


def test_api_options_keyword_only() -> None:
    with pytest.raises(TypeError):
        ReuseOptions(5)  # type: ignore[misc]


@pytest.mark.parametrize(
    "kwargs",
    [{"shingle_size": 0}, {"num_perm": 1}, {"threshold": 1.0}, {"threshold": 0.0}, {"align_threshold": 1.5},
     {"false_positive_weight": 0.0}, {"max_bucket": 1}, {"paraphrase_coverage": -0.1}],
)
def test_api_options_reject_impossible_values(kwargs: dict) -> None:
    with pytest.raises(UsageError, match=next(iter(kwargs))):
        ReuseOptions(**kwargs)


def test_api_library_never_imports_datasketch() -> None:
    import subprocess
    import sys

    code = ("import sys, consilience.reuse as r; from consilience.model import Document; "
            "r.find_reuse([Document(id='a', source='a', text='One two three four five six.')]); "
            "print('datasketch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
