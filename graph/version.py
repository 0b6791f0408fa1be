"""The graph version: one tiny node whose token changes on every committed write.

API processes cache read answers by this token (see ``api/cache.py``), so it lives in the
database, not in a process: several API processes over one Neo4j store, or an API process
and a CLI ingest over one LadybugDB directory, agree on it. The token is random rather than a
counter because ``clear`` deletes every node: a counter would restart at 1 and could repeat a
version some cache still holds; a fresh 64-bit token cannot (in practice). Reading it is one
primary-key lookup.
"""

from __future__ import annotations

import secrets

#: the version reported for a graph that was never written through a versioned store
UNVERSIONED = "0"

LADYBUG_SCHEMA = "CREATE NODE TABLE IF NOT EXISTS GraphVersion(id STRING, token STRING, PRIMARY KEY(id))"
NEO4J_SCHEMA = "CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE"

#: both dialects: run inside the write's own transaction, so the bump commits with the write or not at all
BUMP = "MERGE (v:GraphVersion {id: 'graph'}) SET v.token = $token"
READ = "MATCH (v:GraphVersion {id: 'graph'}) RETURN v.token AS token"


def new_token() -> str:
    return secrets.token_hex(8)


def token_of(rows: list[dict[str, object]]) -> str:
    return str(rows[0]["token"]) if rows and rows[0].get("token") else UNVERSIONED
