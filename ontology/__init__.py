"""hdkg: ontology."""
