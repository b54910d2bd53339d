"""Median, quartiles (inclusive method), IQR, min-max and changes, computed by hand."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfaudit.core.stats import Direction, Spread, delta, spread


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # n = 1: every statistic is the figure itself
        ([7.0], Spread(1, 7.0, 7.0, 7.0, 7.0, 7.0)),
        # n = 3 (sorted 10, 20, 40): Q1 at position 0.5 -> 10 + (20 - 10) / 2 = 15,
        # Q3 at position 1.5 -> 20 + (40 - 20) / 2 = 30
        ([10.0, 40.0, 20.0], Spread(3, 20.0, 15.0, 30.0, 10.0, 40.0)),
        # n = 4 (even): median (2 + 3) / 2; Q1 at 0.75 -> 1.75; Q3 at 2.25 -> 3.25
        ([4.0, 1.0, 3.0, 2.0], Spread(4, 2.5, 1.75, 3.25, 1.0, 4.0)),
        # n = 5 with a tie (25, 50, 75, 75, 100): Q1 at position 1, Q3 at position 3
        ([50.0, 75.0, 25.0, 100.0, 75.0], Spread(5, 75.0, 50.0, 75.0, 25.0, 100.0)),
        # n = 6: median (25 + 50) / 2; Q1 at 1.25 between 25 and 25; Q3 at 3.75 -> 50 + 0.75 x 25
        ([0.0, 25.0, 25.0, 50.0, 75.0, 100.0], Spread(6, 37.5, 25.0, 68.75, 0.0, 100.0)),
        # everyone alike
        ([50.0] * 4, Spread(4, 50.0, 50.0, 50.0, 50.0, 50.0)),
    ],
)
def test_spread_by_hand(values: list[float], expected: Spread) -> None:
    assert spread(values) == expected


def test_iqr_and_range() -> None:
    found = spread([0.0, 25.0, 25.0, 50.0, 75.0, 100.0])
    assert found is not None
    assert (found.iqr, found.range) == (43.75, 100.0)


def test_no_figures_no_spread() -> None:
    assert spread([]) is None


figures = st.lists(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), min_size=2, max_size=40
)


@given(figures)
def test_the_method_is_pythons_inclusive_method_to_the_bit(values: list[float]) -> None:
    found = spread(values)
    assert found is not None
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    assert (found.q1, found.median, found.q3) == (q1, q2, q3)
    assert found.median == statistics.median(values)
    assert found.minimum <= found.q1 <= found.median <= found.q3 <= found.maximum


def test_a_change_has_a_size_and_a_direction() -> None:
    up = delta(50.0, 83.33)
    down = delta(83.33, 50.0)
    assert up is not None and down is not None
    assert (up.change, up.size, up.direction) == (33.33, 33.33, Direction.UP)
    assert (down.change, down.size, down.direction) == (-33.33, 33.33, Direction.DOWN)


def test_no_change_and_float_noise_are_the_same() -> None:
    for earlier, later in ((66.67, 66.67), (0.1 + 0.2, 0.3), (0.3, 0.1 + 0.2)):
        same = delta(earlier, later)
        assert same is not None
        assert (same.change, same.direction) == (0.0, Direction.SAME)
        assert str(same.change) == "0.0"  # never -0.0


def test_a_missing_figure_has_no_change() -> None:
    assert delta(None, 50.0) is None
    assert delta(50.0, None) is None
    assert delta(None, None) is None
