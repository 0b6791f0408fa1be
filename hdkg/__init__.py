"""hdkg: a knowledge graph of health-diplomacy actors built from news articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hdkg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
