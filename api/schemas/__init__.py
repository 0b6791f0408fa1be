"""Public response models of the API, separate from the pipeline's models.

The pipeline's models may grow fields for internal reasons; these models are
the published contract, so every one forbids unknown fields and a drift
between a query's columns and the API shows up as a failing test.
"""
