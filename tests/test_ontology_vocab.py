"""The ontology files: well-formed, complete, and equal to every hand-written list in the code."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import SH

from hdkg import models
from hdkg.ontology import vocab
from hdkg.ontology.export import build_context
from hdkg.ontology.validate import validate
from tests.shared import EVAL, require

ROOT = Path(__file__).resolve().parents[1]
GUIDE = EVAL / "GUIDE.md"
LEXICON = ROOT / "extraction" / "lexicon"
HDKG = vocab.HDKG
# The MedicalSpecialty members listed by schema.org; a typo in a mapping would invent a term.
SCHEMA_SPECIALTIES = {
    "Anesthesia",
    "Cardiovascular",
    "CommunityHealth",
    "Dentistry",
    "Dermatology",
    "DietNutrition",
    "Emergency",
    "Endocrine",
    "Gastroenterologic",
    "Genetic",
    "Geriatric",
    "Gynecologic",
    "Hematologic",
    "Infectious",
    "LaboratoryScience",
    "Midwifery",
    "Musculoskeletal",
    "Neurologic",
    "Nursing",
    "Obstetric",
    "Oncologic",
    "Optometric",
    "Otolaryngologic",
    "Pathology",
    "Pediatric",
    "PharmacySpecialty",
    "Physiotherapy",
    "PlasticSurgery",
    "Podiatric",
    "PrimaryCare",
    "Psychiatric",
    "PublicHealth",
    "Pulmonary",
    "Radiography",
    "Renal",
    "RespiratoryTherapy",
    "Rheumatologic",
    "SpeechPathology",
    "Surgical",
    "Toxicologic",
    "Urologic",
}


def guide_ids(heading: str) -> list[str]:
    """The ids of the table under ``## <heading>`` in the annotation guide."""
    text = require(GUIDE).read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([a-z_]+) \|", section, flags=re.MULTILINE)
    return [r for r in rows if r != "id"]


def ours(node: object) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(vocab.BASE)


def test_every_file_parses_and_merges() -> None:
    graph = vocab.ontology_graph()
    assert {"hdkg.ttl", "specialties.ttl", "areas.ttl", "kinds.ttl", "shapes.ttl"} <= set(vocab.ttl_files())
    assert len(graph) > 2000
    assert (URIRef("https://w3id.org/hdkg/ontology"), RDF.type, OWL.Ontology) in graph


def test_every_property_has_domain_range_and_ru_en_labels() -> None:
    graph = vocab.ontology_graph()
    props = [
        p
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for p in graph.subjects(RDF.type, kind)
        if ours(p)
    ]
    assert len(props) >= 20
    for prop in props:
        assert graph.value(prop, RDFS.domain) is not None, prop
        assert graph.value(prop, RDFS.range) is not None, prop
        langs = {lbl.language for lbl in graph.objects(prop, RDFS.label) if isinstance(lbl, Literal)}
        assert {"ru", "en"} <= langs, prop


def test_every_class_has_labels_and_a_shape() -> None:
    graph = vocab.ontology_graph()
    targeted = set(graph.objects(None, SH.targetClass))
    for cls in (c for c in graph.subjects(RDF.type, OWL.Class) if ours(c)):
        langs = {lbl.language for lbl in graph.objects(cls, RDFS.label) if isinstance(lbl, Literal)}
        assert {"ru", "en", "uz"} <= langs, cls
        assert cls in targeted, f"no SHACL shape targets {cls}"


@pytest.mark.parametrize(("heading", "reader"), [("Specialty vocabulary", vocab.specialties),
                                                 ("Area vocabulary", vocab.areas)])  # fmt: skip
def test_schemes_hold_exactly_the_guide_ids(heading: str, reader: Any) -> None:
    ids = guide_ids(heading)
    assert len(ids) == (36 if heading.startswith("Specialty") else 14)
    assert sorted(c.id for c in reader()) == sorted(ids)


def test_every_concept_has_three_preflabels_and_a_lexicon() -> None:
    concepts = vocab.specialties() + vocab.areas() + vocab.link_kinds() + vocab.statuses()
    for c in concepts:
        assert set(c.pref) == {"ru", "en", "uz"}, c.id
        assert all(v.strip() for v in c.pref.values()), c.id
    for c in vocab.specialties() + vocab.areas():
        assert {"ru", "en", "uz"} <= set(c.alt), c.id
        assert len(c.alt["ru"]) >= 3 and len(c.alt["en"]) >= 3, c.id
        for lang, pref in c.pref.items():  # SKOS: a pref label is not also an alt label
            assert pref not in c.alt.get(lang, ()), (c.id, pref)


def test_lexicon_covers_the_guide_examples() -> None:
    by_id = {c.id: c for c in vocab.specialties() + vocab.areas()}

    def labels(cid: str) -> set[str]:
        c = by_id[cid]
        return {x.lower() for x in (*c.pref.values(), *(a for alts in c.alt.values() for a in alts))}

    assert {"онкология", "онкологический", "рак", "onkologiya", "saraton", "cancer"} <= labels("oncology")
    assert "онкогематология" in labels("oncology") & labels("hematology")
    assert {"эко", "ivf"} <= labels("reproductive_medicine")
    assert {"пмсп", "phc"} <= labels("primary_care")
    assert {"повышение квалификации", "стажировка", "capacity building", "malaka oshirish"} <= labels(
        "training"
    )


def test_broader_and_mappings_point_to_real_terms() -> None:
    ids = {c.id for c in vocab.specialties()}
    by_id = {c.id: c for c in vocab.specialties()}
    assert set(by_id["pediatric_surgery"].broader) == {"pediatrics", "surgery"}
    assert set(by_id["cardiac_surgery"].broader) == {"surgery", "cardiology"}
    assert "oncology" in by_id["hematology"].related
    for c in vocab.specialties():
        assert set(c.broader) <= ids and set(c.related) <= ids, c.id
        for target in (*c.exact_match, *c.close_match):
            assert target.startswith("https://schema.org/"), target
            assert target.removeprefix("https://schema.org/") in SCHEMA_SPECIALTIES, target
    assert "https://schema.org/Oncologic" in by_id["oncology"].exact_match


def test_model_literals_equal_the_ontology() -> None:
    assert list(get_args(models.ActorType)) == vocab.actor_types()
    assert set(get_args(models.LinkKind)) == {c.id for c in vocab.link_kinds()}
    assert set(get_args(models.LinkStatus)) == {c.id for c in vocab.statuses()}
    classes = vocab.link_classes()
    assert classes["agreement"] == "Agreement" and set(classes) == set(get_args(models.LinkKind))
    graph = vocab.ontology_graph()
    for local in classes.values():
        assert (HDKG[local], RDFS.subClassOf, HDKG.Link) in graph


def _yaml(name: str) -> dict[str, Any]:
    path = LEXICON / name
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def test_extraction_lexicon_lists_equal_the_ontology() -> None:
    kinds = {c.id for c in vocab.link_kinds()}
    statuses = {c.id for c in vocab.statuses()}
    types = set(vocab.actor_types())
    triggers = _yaml("triggers.yaml")
    if triggers:
        assert set(triggers["kinds"]) == kinds
        assert set(triggers.get("statuses", {})) <= statuses
    for lang_heads in (v for k, v in _yaml("org_heads.yaml").items() if k in ("ru", "en", "uz")):
        assert set(lang_heads) <= types
    for actor in _yaml("bootstrap_gazetteer.yaml").get("actors", []):
        assert actor["type"] in types, actor
    boot = _yaml("bootstrap_vocab.yaml")
    if boot:
        assert set(boot["specialties"]) == {c.id for c in vocab.specialties()}
        assert set(boot["areas"]) == {c.id for c in vocab.areas()}


def test_concept_schemes_conform_to_their_shapes() -> None:
    validate(vocab.load_graph("specialties.ttl", "areas.ttl", "kinds.ttl", "hdkg.ttl"))


def test_jsonld_context_file_is_generated_from_the_ontology() -> None:
    shipped = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert shipped == build_context()
    terms = shipped["@context"]
    assert terms["side"] == {"@id": "hdkg:side", "@type": "xsd:nonNegativeInteger"}
    assert "kind" in terms and terms["kind"]["@id"] == "hdkg:kind"


def test_vocab_is_cached_and_apostrophes_fold() -> None:
    assert vocab.ontology_graph() is vocab.ontology_graph()
    assert vocab.fold_apostrophes("Sog‘liqni o'zbek taʼlim") == "Sogʻliqni oʻzbek taʻlim"
    assert SKOS.prefLabel in set(vocab.ontology_graph().predicates())
