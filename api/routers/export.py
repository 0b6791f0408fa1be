"""GET /export: the filtered graph as a file for Gephi, R, pandas or an RDF store."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from .. import exporters
from ..deps import SettingsDep, StoreDep
from ..rdf import rdf_export
from ..responses import problems
from .network import NetworkQueryDep, network_of

router = APIRouter(tags=["export"])


class ExportFormat(StrEnum):
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


MEDIA_TYPES = {
    ExportFormat.ttl: "text/turtle; charset=utf-8",
    ExportFormat.nt: "application/n-triples",
    ExportFormat.jsonld: "application/ld+json",
    ExportFormat.graphml: "application/graphml+xml",
    ExportFormat.gexf: "application/gexf+xml",
    ExportFormat.csv: "text/csv; charset=utf-8",
}
EXTENSIONS = {ExportFormat.jsonld: "jsonld"}
RDF_FORMATS: dict[ExportFormat, Literal["ttl", "nt", "jsonld"]] = {
    ExportFormat.ttl: "ttl",
    ExportFormat.nt: "nt",
    ExportFormat.jsonld: "jsonld",
}


def _content() -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "description": "The file, with Content-Disposition: attachment",
            "content": {
                mt.split(";")[0]: {"schema": {"type": "object" if fmt is ExportFormat.jsonld else "string"}}
                for fmt, mt in MEDIA_TYPES.items()
            },
        }
    }


@router.get(
    "/export",
    summary="Export the graph",
    description="The links matching the `/network` filters as RDF (ttl, nt sorted line by line, jsonld: "
    "the hdkg ontology's "
    "terms; every matching link, `depth` and `limit` do not apply), or the network as GraphML, GEXF "
    "(Gephi) or a CSV edge list (pandas, R), capped like `/network`.",
    response_class=Response,
    responses={**_content(), **problems()},
)
def export(
    store: StoreDep,
    settings: SettingsDep,
    nq: NetworkQueryDep,
    format: Annotated[ExportFormat, Query(description="File format")] = ExportFormat.ttl,
) -> Response:
    rdf = RDF_FORMATS.get(format)
    if rdf is not None:
        body = rdf_export(store, nq.filters, rdf)
    else:
        net = network_of(store, settings, nq)
        writer = {
            ExportFormat.graphml: exporters.to_graphml,
            ExportFormat.gexf: exporters.to_gexf,
            ExportFormat.csv: exporters.to_csv,
        }[format]
        body = writer(net)
    filename = f"hdkg.{EXTENSIONS.get(format, format.value)}"
    return Response(
        content=body,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
