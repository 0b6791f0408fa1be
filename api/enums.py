"""Query-parameter enums built from the ontology at import time.

The ontology (``ontology.vocab``) is the only source of vocabularies, kinds
and statuses; building the enums from it means OpenAPI lists exactly the
values the graph can hold, and a vocabulary change reaches the API without
an edit here (tests compare both).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

import hdkg.ontology.vocab as vocab


def _ids(items: Iterable[Any]) -> list[str]:
    """Concept ids, whether the vocabulary hands out concepts or plain strings."""
    return [item if isinstance(item, str) else str(item.id) for item in items]


Specialty = StrEnum("Specialty", {i: i for i in _ids(vocab.specialties())})  # type: ignore[misc]
Area = StrEnum("Area", {i: i for i in _ids(vocab.areas())})  # type: ignore[misc]
Kind = StrEnum("Kind", {i: i for i in _ids(vocab.link_kinds())})  # type: ignore[misc]
Status = StrEnum("Status", {i: i for i in _ids(vocab.statuses())})  # type: ignore[misc]
ActorType = StrEnum("ActorType", {i: i for i in _ids(vocab.actor_types())})  # type: ignore[misc]


class Level(StrEnum):
    """Aggregate cooperation by actor or by the actors' countries."""

    actor = "actor"
    country = "country"
