"""hdkg: api."""
