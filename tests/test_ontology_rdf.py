"""Facts -> RDF: the triples, their conformance to the shapes, and stable IRIs."""

from __future__ import annotations

import datetime as dt

import rdflib
from rdflib import RDF, SKOS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, PROV, Namespace

from hdkg.models import Actor, Article, Evidence, Facts, Link
from hdkg.ontology import iri
from hdkg.ontology.rdf import facts_to_graph, is_memorandum
from hdkg.ontology.validate import results, validate

HDKG = iri.HDKG
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")


def _ev(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def sample_facts() -> list[Facts]:
    """Three articles: persons acting for bodies, a trilateral agreement, aid, several evidence sentences."""
    t1 = (
        "Министр здравоохранения Узбекистана Амрилло Иноятов и министр Михаил Мурашко подписали соглашение. "
        "Документ предусматривает обучение онкологов. Также стороны договорились о телемедицине."
    )
    moh_uz = Actor(id="moh_uz", name="Министерство здравоохранения Узбекистана", type="GovernmentBody",
                   country="UZ", aliases=["Минздрав Узбекистана", "Ministry of Health"], mentions=[(0, 10)])  # fmt: skip
    moh_ru = Actor(id="moh_ru", name="Минздрав России", type="GovernmentBody", country="RU")
    inoyatov = Actor(id="p-inoyatov", name="Амрилло Иноятов", type="Person", country="UZ", acts_for="moh_uz")
    murashko = Actor(id="p-murashko", name="Михаил Мурашко", type="Person", country="RU", acts_for="moh_ru")
    a1 = Article(id="art-1", source="seeds/a1.txt", url="https://news.example/a1", title="Соглашение",
                 date=dt.date(2024, 3, 1), lang="ru", text=t1)  # fmt: skip
    l1 = Link(id="l1", kind="agreement", status="signed", date=dt.date(2024, 3, 1),
              sides=[["moh_uz", "p-inoyatov"], ["moh_ru", "p-murashko"]], specialties=["oncology"],
              areas=["training", "digital_health"],
              evidence=[_ev(t1, s) for s in ("Министр здравоохранения Узбекистана Амрилло Иноятов и министр "
                                             "Михаил Мурашко подписали соглашение.",
                                             "Документ предусматривает обучение онкологов.")])  # fmt: skip
    t2 = "Uzbekistan, Russia and WHO plan a trilateral memorandum on paediatrics."
    who = Actor(id="who", name="World Health Organization", type="InternationalOrganization",
                aliases=["WHO", "ВОЗ"], wikidata="Q7817")  # fmt: skip
    a2 = Article(id="art-2", source="https://news.example/a2", title="", lang="en", text=t2)
    l2 = Link(id="l2", kind="agreement", status="planned", sides=[["moh_uz"], ["moh_ru"], ["who"]],
              specialties=["pediatrics"], evidence=[_ev(t2, t2)])  # fmt: skip
    t3 = "Koreya Sogʻliqni saqlash vazirligi akademiyaga tibbiy jihozlar topshirdi."
    kr = Actor(id="kr_moh", name="Koreya Sogʻliqni saqlash vazirligi", type="GovernmentBody", country="KR")
    tma = Actor(id="tma", name="Toshkent tibbiyot akademiyasi", type="AcademicInstitution", country="UZ")
    a3 = Article(id="art-3", source="uz/a3.txt", lang="uz", text=t3, date=dt.date(2023, 5, 2))
    l3 = Link(id="l3", kind="aid", status="held", sides=[["kr_moh"], ["tma"]], areas=["equipment"],
              evidence=[_ev(t3, t3)])  # fmt: skip
    return [
        Facts(article=a1, actors=[moh_uz, moh_ru, inoyatov, murashko], links=[l1], extractor="hdkg 0.1.0"),
        Facts(article=a2, actors=[moh_uz, moh_ru, who], links=[l2], extractor="hdkg 0.1.0"),
        Facts(article=a3, actors=[kr, tma], links=[l3], extractor="hdkg 0.1.0"),
    ]


def _graph() -> Graph:
    return facts_to_graph(sample_facts())


def test_sample_conforms_to_the_shapes() -> None:
    graph = _graph()
    validate(graph)
    assert [r for r in results(graph) if r.severity == "Violation"] == []


def test_the_graph_fixture_conforms_too() -> None:
    from tests.graph_fixture import articles

    for facts in articles():  # one at a time: that fixture reuses link ids across articles
        validate(facts_to_graph(facts))


def test_parties_sides_and_shortcut() -> None:
    g = _graph()
    link = iri.link_iri("l2")
    sides = {
        str(g.value(p, HDKG.participant)).rsplit("/", 1)[-1]: int(g.value(p, HDKG.side))  # type: ignore[arg-type]
        for p in g.objects(link, HDKG.hasParticipation)
    }
    assert sides == {"moh_uz": 0, "moh_ru": 1, "who": 2}
    assert set(g.objects(link, HDKG.hasParty)) == {iri.actor_iri(a) for a in ("moh_uz", "moh_ru", "who")}
    assert (link, RDF.type, HDKG.Memorandum) in g  # "memorandum" in the evidence
    assert (iri.link_iri("l1"), RDF.type, HDKG.Agreement) in g
    assert (iri.link_iri("l3"), RDF.type, HDKG.Aid) in g
    assert (link, HDKG.status, iri.status_iri("planned")) in g


def test_persons_act_for_bodies_with_a_membership() -> None:
    g = _graph()
    person, body = iri.actor_iri("p-inoyatov"), iri.actor_iri("moh_uz")
    assert (person, HDKG.actsFor, body) in g
    assert (person, RDF.type, FOAF.Person) in g
    membership = iri.membership_iri("p-inoyatov", "moh_uz")
    assert (membership, ORG.member, person) in g and (membership, ORG.organization, body) in g


def test_evidence_offsets_and_provenance() -> None:
    g = _graph()
    facts = sample_facts()[0]
    link = iri.link_iri("l1")
    article = iri.article_iri("art-1")
    evidence = sorted(g.objects(link, HDKG.evidence))
    assert len(evidence) == 2
    for node in evidence:
        start, end = int(g.value(node, HDKG.start)), int(g.value(node, HDKG.end))  # type: ignore[arg-type]
        assert facts.article.text[start:end] == str(g.value(node, HDKG.text))
        assert (node, PROV.wasDerivedFrom, article) in g
    activity = g.value(link, PROV.wasGeneratedBy)
    assert (activity, PROV.used, article) in g
    agent = g.value(activity, PROV.wasAssociatedWith)
    assert str(g.value(agent, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == "hdkg 0.1.0"


def test_article_is_a_news_article_with_metadata() -> None:
    g = _graph()
    art = iri.article_iri("art-1")
    assert (art, RDF.type, SCHEMA.NewsArticle) in g
    assert (art, SCHEMA.datePublished, Literal(dt.date(2024, 3, 1))) in g
    assert (art, SCHEMA.inLanguage, Literal("ru")) in g
    assert (art, SCHEMA.url, Literal("https://news.example/a1", datatype=rdflib.XSD.anyURI)) in g
    assert len(str(g.value(art, HDKG.contentHash))) == 64


def test_actor_labels_are_tagged_when_the_script_fits() -> None:
    g = _graph()
    moh = iri.actor_iri("moh_uz")
    assert Literal("Минздрав Узбекистана", lang="ru") in set(g.objects(moh, SKOS.altLabel))
    assert Literal("Ministry of Health") in set(g.objects(moh, SKOS.altLabel))  # Latin in a ru article
    kr = iri.actor_iri("kr_moh")
    assert Literal("Koreya Sogʻliqni saqlash vazirligi", lang="uz") in set(g.objects(kr, SKOS.prefLabel))
    assert (iri.actor_iri("who"), HDKG.wikidata, Literal("Q7817")) in g
    assert (iri.actor_iri("who"), HDKG.basedIn, None) not in g
    assert (moh, HDKG.basedIn, iri.country_iri("UZ")) in g


def test_concepts_are_copied_from_the_ontology() -> None:
    g = _graph()
    onc = iri.specialty_iri("oncology")
    assert (onc, RDF.type, HDKG.Specialty) in g
    assert Literal("онкология", lang="ru") in set(g.objects(onc, SKOS.prefLabel))


def test_iris_are_stable_across_re_extraction() -> None:
    first, second = _graph(), _graph()
    assert set(first) == set(second)  # same IRIs, not only isomorphic
    reread = [Facts.model_validate_json(f.model_dump_json()) for f in sample_facts()]
    assert set(facts_to_graph(reread)) == set(first)
    assert str(iri.actor_iri("moh_uz")) == "https://w3id.org/hdkg/id/actor/moh_uz"
    assert str(iri.link_iri("l 1/ü")) == "https://w3id.org/hdkg/id/link/l%201%2F%C3%BC"
    assert iri.actor_iri("https://w3id.org/hdkg/id/actor/x") == URIRef("https://w3id.org/hdkg/id/actor/x")
    assert str(iri.country_iri("uz")).endswith("/country/UZ")


def test_merging_articles_merges_nodes() -> None:
    facts = sample_facts()
    merged = facts_to_graph(facts)
    separate = Graph()
    for f in facts:
        separate += facts_to_graph(f)
    assert isomorphic(merged, separate)
    moh = iri.actor_iri("moh_uz")
    assert len(set(merged.objects(moh, DCTERMS.identifier))) == 1


def test_memorandum_detection_reads_the_ontology_labels() -> None:
    assert is_memorandum(["обмен подписанным меморандумом о взаимопонимании"])
    assert is_memorandum(["The MoU was signed."])
    assert is_memorandum(["Hujjat memorandumi imzolandi"])
    assert not is_memorandum(["The amount of the grant", "соглашение о сотрудничестве"])
