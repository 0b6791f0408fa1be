"""hdkg: visual."""
