"""Benchmarks of hdkg (issue 9): a synthetic corpus generator and scripts that print measured figures.

Nothing here is a quality measure: the generated articles exist to load the
pipeline with realistic text volume and shape, not to score extraction.
"""
