"""The worked example of docs/ontology.md, built from hand-made Facts.

Seed article 003 (shared/corpus/seeds/003_45bedef0373f2d6f.txt): the Ministry
of Health of Uzbekistan and AP-HP exchange a signed memorandum of
understanding. The Facts below are what a careful reader records (the gold of
shared/eval/seeds.gold.jsonl); the article text is an excerpt of the seed, so
the evidence offsets point into the excerpt. Keeping the example as code
rather than as pasted Turtle lets a test regenerate the doc's triples.
"""

from __future__ import annotations

from hdkg.models import Actor, Article, Evidence, Facts, Link

SEED_FILE = "003_45bedef0373f2d6f.txt"
TITLE = "Минздрав Узбекистана наладил сотрудничество со всемирно известной медицинской ассоциацией"
SENTENCES = (
    "Сегодня в Министерстве здравоохранения Узбекистана состоялся обмен подписанным меморандумом о "
    "взаимопонимании с ассоциацией государственных медицинских учреждений «AP-HP» (Франция).",
    "На основе меморандума о взаимопонимании будет реализована практика обучения и повышения "
    "квалификации медицинских работников нашей страны во Франции.",
    "В документе также нашли отражение вопросы расширения взаимоотношений в ряде направлений, таких, как "
    "медицинское страхование, педиатрия, акушерство и гинекология, гематология, онкология, офтальмология.",
)
TEXT = f"{TITLE}\n\n" + "\n\n".join(SENTENCES) + "\n"


def _evidence(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


def seed_003_facts() -> Facts:
    """The facts of seed article 003, as the extractor should produce them."""
    article = Article(
        id="seed-003",
        source=f"shared/corpus/seeds/{SEED_FILE}",
        title=TITLE,
        lang="ru",
        text=TEXT,
        raw_chars=len(TEXT),
    )
    moh = Actor(
        id="moh_uz",
        name="Министерство здравоохранения Узбекистана",
        type="GovernmentBody",
        country="UZ",
        aliases=["Минздрав Узбекистана", "Министерство здравоохранения"],
        in_gazetteer=True,
    )
    aphp = Actor(
        id="aphp",
        name="AP-HP",
        type="HealthcareProvider",
        country="FR",
        aliases=["ассоциация государственных медицинских учреждений «AP-HP»"],
        in_gazetteer=True,
    )
    link = Link(
        id="seed-003.agreement.1",
        kind="agreement",
        status="signed",
        sides=[[moh.id], [aphp.id]],
        specialties=[
            "pediatrics",
            "obstetrics_gynecology",
            "hematology",
            "oncology",
            "ophthalmology",
            "emergency_medicine",
            "epidemiology",
            "pharmacy",
        ],
        areas=[
            "training",
            "staff_exchange",
            "equipment",
            "management",
            "insurance",
            "licensing",
            "education",
            "investment",
        ],
        evidence=[_evidence(s) for s in SENTENCES],
    )
    return Facts(article=article, actors=[moh, aphp], links=[link], extractor="hdkg-example 0.1.0")
