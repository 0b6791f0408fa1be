"""Hand-made Facts for the graph tests: ru/en/uz names, persons, a trilateral agreement, aid,
one fact reported by two articles and one article written in two versions."""

from __future__ import annotations

import datetime as dt
import random
import typing

from hdkg.models import Actor, ActorType, Article, Evidence, Facts, Link, LinkKind, LinkStatus


def _art(
    i: str, text: str, *, lang: str, publisher: str | None, date: str | None, title: str = ""
) -> Article:
    return Article(
        id=f"art-{i}", source=f"https://news.example/{i}", url=f"https://news.example/{i}",
        title=title or f"Article {i}", date=dt.date.fromisoformat(date) if date else None,
        lang=lang, publisher=publisher, text=text,
    )  # fmt: skip


def _ev(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(text=sentence, start=start, end=start + len(sentence))


UZ_MOH = Actor(id="uz-moh", name="Ministry of Health of Uzbekistan", type="GovernmentBody", country="UZ",
               in_gazetteer=True)  # fmt: skip
RU_MOH = Actor(id="ru-moh", name="Министерство здравоохранения Российской Федерации", type="GovernmentBody",
               country="RU", aliases=["Минздрав России"], in_gazetteer=True)  # fmt: skip
KR_MOH = Actor(id="kr-mohw", name="Ministry of Health and Welfare of Korea", type="GovernmentBody",
               country="KR", in_gazetteer=True)  # fmt: skip
WHO = Actor(id="who", name="World Health Organization", type="InternationalOrganization",
            aliases=["ВОЗ", "Всемирная организация здравоохранения"], wikidata="Q7817", in_gazetteer=True)  # fmt: skip
TMA = Actor(id="tma", name="Ташкентская медицинская академия", type="AcademicInstitution", country="UZ",
            aliases=["ТМА"])  # fmt: skip
ALMAZOV = Actor(id="almazov", name="НМИЦ имени Алмазова", type="HealthcareProvider", country="RU")
INOYATOV = Actor(id="p-inoyatov", name="Амрилло Иноятов", type="Person", country="UZ", acts_for="uz-moh")
MURASHKO = Actor(id="p-murashko", name="Михаил Мурашко", type="Person", country="RU", acts_for="ru-moh")


def _v1_text() -> str:
    return "Делегация ТМА посетит центр Алмазова в июне."


def articles() -> list[Facts]:
    """Seven writes (article 6 twice, second version last)."""
    t1 = ("Минздрав Узбекистана и Минздрав России подписали соглашение об онкологии. "
          "Иноятов встретился с Мурашко.")  # fmt: skip
    t2 = "Uzbekistan and Russia signed a health agreement on oncology in Tashkent."
    t3 = "Koreya Sog'liqni saqlash vazirligi Toshkent tibbiyot akademiyasiga yordam berdi."
    t4 = "Узбекистан, Россия и ВОЗ планируют трехстороннее соглашение по педиатрии."
    t5 = "Минздрав Узбекистана обсудил программу с центром Алмазова."
    t6b = "Делегация ТМА посетила центр Алмазова 2 июня. Иноятов возглавил делегацию."
    t7 = "WHO held an event with the Tashkent Medical Academy on cardiology."
    minzdrav = Actor(id="x-minzdrav-uz", name="Минздрав Узбекистана", type="GovernmentBody", country="UZ")
    tma_en = Actor(id="x-tma-en", name="Tashkent Medical Academy", type="AcademicInstitution", country="UZ")
    return [
        Facts(article=_art("1", t1, lang="ru", publisher="uza.uz", date="2024-03-01"),
              actors=[UZ_MOH, RU_MOH, INOYATOV, MURASHKO],
              links=[Link(id="l1", kind="agreement", status="signed", date=dt.date(2024, 3, 1),
                          sides=[["uz-moh"], ["ru-moh"]], specialties=["oncology"], areas=["research"],
                          evidence=[_ev(t1, t1.split(". ")[0] + ".")]),
                     Link(id="l2", kind="meeting", status="held", date=dt.date(2024, 3, 1),
                          sides=[["p-inoyatov", "uz-moh"], ["p-murashko"]],
                          evidence=[_ev(t1, "Иноятов встретился с Мурашко.")])]),
        Facts(article=_art("2", t2, lang="en", publisher="kun.uz", date="2024-03-02"),
              actors=[UZ_MOH, RU_MOH],
              links=[Link(id="l1", kind="agreement", status="signed", date=dt.date(2024, 3, 1),
                          sides=[["ru-moh"], ["uz-moh"]], specialties=["oncology", "pediatrics"],
                          evidence=[_ev(t2, t2)])]),
        Facts(article=_art("3", t3, lang="uz", publisher=None, date="2024-04-10"),
              actors=[KR_MOH, TMA],
              links=[Link(id="l1", kind="aid", status="held", sides=[["kr-mohw"], ["tma"]],
                          specialties=["cardiology"], areas=["equipment"], evidence=[_ev(t3, t3)])]),
        Facts(article=_art("4", t4, lang="ru", publisher="uza.uz", date="2024-12-20"),
              actors=[UZ_MOH, RU_MOH, WHO],
              links=[Link(id="l1", kind="agreement", status="planned", date=dt.date(2025, 1, 15),
                          sides=[["uz-moh"], ["ru-moh"], ["who"]], specialties=["pediatrics"],
                          areas=["education"], evidence=[_ev(t4, t4)])]),
        Facts(article=_art("5", t5, lang="ru", publisher="gazeta.uz", date="2023-11-20"),
              actors=[minzdrav, ALMAZOV],
              links=[Link(id="l1", kind="program", status="discussed", date=dt.date(2023, 11, 20),
                          sides=[["x-minzdrav-uz"], ["almazov"]], specialties=["oncology"],
                          evidence=[_ev(t5, t5)])]),
        Facts(article=_art("6", _v1_text(), lang="ru", publisher="uza.uz", date="2024-05-20"),
              actors=[TMA, ALMAZOV],
              links=[Link(id="l1", kind="visit", status="planned", date=dt.date(2024, 6, 1),
                          sides=[["tma"], ["almazov"]], evidence=[_ev(_v1_text(), _v1_text())])]),
        Facts(article=_art("7", t7, lang="en", publisher=None, date="2022-05-05"),
              actors=[WHO, tma_en],
              links=[Link(id="l1", kind="event", status="held", date=dt.date(2022, 5, 5),
                          sides=[["who", "x-tma-en"]], specialties=["cardiology"],
                          evidence=[_ev(t7, t7)])]),
        Facts(article=_art("6", t6b, lang="ru", publisher="uza.uz", date="2024-06-02"),
              actors=[TMA, ALMAZOV, INOYATOV, UZ_MOH],
              links=[Link(id="l1", kind="visit", status="held", date=dt.date(2024, 6, 2),
                          sides=[["tma", "p-inoyatov"], ["almazov"]], specialties=["cardiology"],
                          evidence=[_ev(t6b, t6b.split(". ")[0] + "."), _ev(t6b, "Иноятов возглавил делегацию.")])]),
    ]  # fmt: skip


def generated_articles(n: int = 80, seed: int = 7) -> list[Facts]:
    """``n`` articles of 1-2 links each over 28 actors (bodies, persons on their body's side, countries,
    organisations without a country), with repeated links (several sources), undated links, 2-3 sides
    and many ties in degree. Gazetteer ids, so resolution keeps every actor apart."""
    rnd = random.Random(seed)
    types: list[ActorType] = ["GovernmentBody", "HealthcareProvider", "AcademicInstitution", "Association",
                              "Company"]  # fmt: skip
    actors = [
        Actor(id=f"g{i:02d}", name=f"Body {i}", type=types[i % 5], country=["UZ", "RU", "KZ", "KR"][i % 4],
              in_gazetteer=True)
        for i in range(20)
    ]  # fmt: skip
    actors += [Actor(id=f"o{i}", name=f"Organisation {i}", type="InternationalOrganization", in_gazetteer=True)
               for i in range(3)]  # fmt: skip
    actors += [Actor(id=f"c-{c.lower()}", name=f"Country {c}", type="Country", country=c, in_gazetteer=True)
               for c in ("UZ", "RU")]  # fmt: skip
    actors += [Actor(id=f"p{i}", name=f"Person {i}", type="Person", country="UZ", acts_for=f"g{4 * i:02d}",
                     in_gazetteer=True) for i in range(3)]  # fmt: skip
    by_id = {a.id: a for a in actors}
    bodies = [a.id for a in actors if a.type != "Person"]
    kinds = list(typing.get_args(LinkKind))
    statuses = list(typing.get_args(LinkStatus))
    out: list[Facts] = []
    for i in range(n):
        links: list[Link] = []
        sentences: list[str] = []
        for j in range(1 + (i % 3 == 0)):
            picked = rnd.sample(bodies[: 6 + i % 19], 3 if rnd.random() < 0.2 else 2)
            sides = [[x] for x in picked]
            if rnd.random() < 0.3:  # a person: hidden beside a body on the same side, shown alone
                person, side = rnd.choice(["p0", "p1", "p2"]), rnd.randrange(len(sides))
                sides[side] = [person] if rnd.random() < 0.4 else [*sides[side], person]
            day = dt.date(2022, 1, 1) + dt.timedelta(days=rnd.randrange(0, 1200, 30))
            sentence = f"Sentence {i}.{j} about {' and '.join(picked)}."
            sentences.append(sentence)
            links.append(Link(id=f"l{j + 1}", kind=rnd.choice(kinds), status=rnd.choice(statuses),
                              date=None if rnd.random() < 0.1 else day, sides=sides,
                              specialties=rnd.sample(["oncology", "cardiology", "pediatrics"], rnd.randrange(3)),
                              areas=rnd.sample(["research", "education"], rnd.randrange(2))))  # fmt: skip
        text = " ".join(sentences)
        links = [
            link.model_copy(update={"evidence": [_ev(text, s)]})
            for link, s in zip(links, sentences, strict=True)
        ]
        used = sorted({x for link in links for side in link.sides for x in side})
        out.append(Facts(article=_art(f"g{i}", text, lang="en", publisher=None, date="2024-01-01"),
                         actors=[by_id[x] for x in used], links=links))  # fmt: skip
    # the same links again from other articles: links with several sources
    for k, facts in enumerate(out[: n // 5]):
        art = facts.article.model_copy(update={"id": f"art-g{k}-again", "url": f"{facts.article.url}?again"})
        out.append(facts.model_copy(update={"article": art}))
    return out
