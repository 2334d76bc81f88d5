"""Building Polars columns from Python data quickly."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl
import pyarrow as pa


def string_list_column(name: str, values: Sequence[Sequence[str]]) -> pl.Series:
    """A `List(String)` column from Python lists of strings.

    Built from one flat Arrow string array and its offsets: ~20× faster than letting Polars convert
    the nested lists one by one, which dominated the cost of building the cleaned-articles frame."""
    offsets = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, values), dtype=np.int64, count=len(values)), out=offsets[1:])
    flat = pa.array([item for items in values for item in items], type=pa.large_string())
    lists = pa.LargeListArray.from_arrays(pa.array(offsets, type=pa.int64()), flat)
    return pl.Series(name, pl.from_arrow(lists)).cast(pl.List(pl.String))
