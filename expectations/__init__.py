"""Great Expectations suites for the warehouse: one per table and view, with severities."""
