"""Logging is configured once, at the entry points (CLI, API server)."""

from __future__ import annotations

import logging
import sys

_CONFIGURED = False
_CHATTY = ("pymorphy2", "natasha", "neo4j", "httpx")


def setup_logging(level: str = "INFO") -> None:
    """Send library logs to stderr so that stdout stays clean for JSON output."""
    global _CONFIGURED
    if _CONFIGURED:
        logging.getLogger().setLevel(level.upper())
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level.upper())
    for name in _CHATTY:  # their INFO lines say nothing a user of hdkg can act on
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    _CONFIGURED = True
