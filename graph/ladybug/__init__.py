"""The embedded LadybugDB store."""

from hdkg.graph.ladybug.store import LadybugStore

__all__ = ["LadybugStore"]
