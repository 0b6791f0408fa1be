"""The embedded LadybugDB store."""

from graph.ladybug.store import LadybugStore

__all__ = ["LadybugStore"]
