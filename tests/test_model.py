"""Records built with the faster initialiser behave as the frozen dataclasses they are."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from consilience.extract.numbers import NumberMention
from consilience.extract.times import TimeMention
from consilience.model import Quantity, Rank, TimeValue, quick_init


def test_quick_init_keeps_defaults_equality_hashing_and_immutability():
    q = Quantity("money", "USD", 1.2e9, 1.1e9, 1.3e9)
    same = Quantity(kind="money", unit="USD", point=1.2e9, low=1.1e9, high=1.3e9, hedge="exact")
    assert q == same and hash(q) == hash(same) and q.hedge == "exact"
    assert q != Quantity("money", "EUR", 1.2e9, 1.1e9, 1.3e9)
    assert dataclasses.replace(q, hedge="over") == Quantity("money", "USD", 1.2e9, 1.1e9, 1.3e9, "over")
    assert repr(q) == "Quantity(kind='money', unit='USD', point=1200000000.0, low=1100000000.0, high=1300000000.0, hedge='exact')"
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.point = 0.0
    with pytest.raises(TypeError, match="missing"):
        Quantity("money", "USD")
    with pytest.raises(TypeError, match="unexpected keyword"):
        Quantity("money", "USD", 1.0, 1.0, 1.0, currency="USD")


@pytest.mark.parametrize("cls", [Quantity, Rank, TimeValue, TimeMention, NumberMention])
def test_every_field_is_set_in_order(cls):
    values = {}
    for i, f in enumerate(dataclasses.fields(cls)):
        values[f.name] = f"v{i}"
    record = cls(*values.values())
    assert dataclasses.asdict(record) == values
    assert cls(**values) == record


def test_quick_init_refuses_what_it_cannot_build():
    @dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list = field(default_factory=list)

    @dataclass(frozen=True, slots=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError("negative")

    @dataclass(frozen=True, slots=True)
    class Derived:
        n: int
        twice: int = field(init=False, default=0)

    for cls in (WithFactory, Checked, Derived):
        with pytest.raises(TypeError, match="plain fields only"):
            quick_init(cls)
