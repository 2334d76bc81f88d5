"""Pure transforms: Polars frames or plain data in, Polars frames or plain data out. No I/O."""
