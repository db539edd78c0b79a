"""core.suppression: small counts hidden, and no hidden cell worked out from a total."""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from core.suppression import PRIMARY, SECONDARY, Hidden, grid_sums, suppress

T = 5


def table(rows: list[list[int]]) -> tuple[dict[Hashable, int], list]:  # type: ignore[type-arg]
    """Cells keyed (r, c) with a total column and a total row added."""
    cells: dict[Hashable, int] = {}
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            cells[(r, c)] = v
        cells[(r, "T")] = sum(row)
    columns = [*range(len(rows[0])), "T"]
    for c in columns:
        cells[("T", c)] = sum(cells[(r, c)] for r in range(len(rows)))
    return cells, grid_sums([*range(len(rows)), "T"], columns, total_row="T", total_column="T")


def reader_range(
    cell: Hashable, total: Hashable, parts: Sequence[Hashable], cells: dict, hidden: Hidden
) -> tuple[float, float]:  # type: ignore[type-arg]
    """What a reader with the table and a pencil can say of a hidden ``cell`` from the one sum
    total = Σ parts: shown cells are exact, "färre än 5" is 1..4, "dold" is 5 or more."""

    def bounds(k: Hashable) -> tuple[float, float]:
        kind = hidden.kind(k)
        if kind is None:
            return cells[k], cells[k]
        return (1, T - 1) if kind == PRIMARY else (T, math.inf)

    others = [p for p in parts if p != cell]
    lo_parts = sum(bounds(p)[0] for p in others)
    hi_parts = sum(bounds(p)[1] for p in others)
    own_lo, own_hi = bounds(cell)
    if cell == total:
        return max(own_lo, lo_parts), min(own_hi, hi_parts)
    t_lo, t_hi = bounds(total)
    return max(own_lo, t_lo - hi_parts), min(own_hi, t_hi - lo_parts)


small_tables = st.integers(1, 4).flatmap(
    lambda cols: st.lists(
        st.lists(st.one_of(st.integers(0, 6), st.integers(0, 40)), min_size=cols, max_size=cols),
        min_size=1,
        max_size=5,
    )
)


@settings(max_examples=400, deadline=None)
@given(small_tables)
def test_no_hidden_cell_can_be_worked_out_from_its_row_or_column(rows: list[list[int]]) -> None:
    cells, sums = table(rows)
    hidden = suppress(cells, sums, limit=T)
    for key, value in cells.items():
        # Every count of 1–4 is hidden as "färre än 5"; a zero is never hidden.
        assert (hidden.kind(key) == PRIMARY) == (0 < value < T)
        if value == 0:
            assert key not in hidden
    for total, parts in sums:
        members = [total, *parts]
        if all(k in hidden for k in members):
            continue  # nothing left to hide (four ones under a total of four)
        for k in members:
            if k in hidden:
                lo, hi = reader_range(k, total, parts, cells, hidden)
                assert lo < hi, (k, rows, dict(hidden.cells))


def test_a_single_small_cell_in_a_row_takes_the_next_smallest_with_it() -> None:
    # 3 and 12 under a total of 15: the 3 would be 15 − 12, so 12 is hidden too; then each
    # column holds one hidden cell over a shown total: 30 and 8 go as well.
    cells, sums = table([[3, 12], [30, 8]])
    hidden = suppress(cells, sums, limit=T)
    assert hidden.kind((0, 0)) == PRIMARY
    assert hidden.kind((0, 1)) == SECONDARY
    assert hidden.kind((1, 1)) == SECONDARY
    assert hidden.kind((1, 0)) == SECONDARY
    assert (0, "T") not in hidden and ("T", "T") not in hidden


def test_two_small_cells_protect_each_other() -> None:
    # 2 and 3 under a total of 5: either could be 1..4, nothing more to hide in that row.
    hidden = suppress({"t": 5, "a": 2, "b": 3, "c": 0}, [("t", ["a", "b", "c"])], limit=T)
    assert dict(hidden.cells) == {"a": PRIMARY, "b": PRIMARY}


def test_small_cells_pinned_by_their_total_take_another_cell() -> None:
    # 4 and 4 with 10 under 18: both must be 4 ("fewer than 5" twice and 8 to go).
    hidden = suppress({"t": 18, "a": 4, "b": 4, "c": 10}, [("t", ["a", "b", "c"])], limit=T)
    assert hidden.kind("c") == SECONDARY


def test_no_sums_means_primary_only_and_zero_is_shown() -> None:
    hidden = suppress({"a": 0, "b": 1, "c": 4, "d": 5}, limit=T)
    assert dict(hidden.cells) == {"b": PRIMARY, "c": PRIMARY}
