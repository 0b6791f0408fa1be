"""hdkg: graph."""
