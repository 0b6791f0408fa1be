"""hdkg: extraction."""
