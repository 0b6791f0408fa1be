"""Sentence templates: one list per (language, link kind, status), plus filler sentences.

Slots are ``str.format`` fields whose format spec is a Russian case
(``{a:ablt}``): actor slots ``a``, ``b``, ``c``; ``sp`` a specialty label,
``ar`` an area label, ``city`` a capital, ``month`` a month, ``day``, ``n``
a number, ``person`` a name with role. English slots ignore the spec.
"""

from __future__ import annotations

LinkTemplates = dict[tuple[str, str], tuple[str, ...]]

RU: LinkTemplates = {
    ("agreement", "signed"): (
        "{a:nomn} и {b:nomn} подписали меморандум о сотрудничестве в области {sp:gent}.",
        "Между {a:ablt} и {b:ablt} подписано соглашение о сотрудничестве в сфере {ar:gent}.",
        "В {city:loct} представители {a:gent} и {b:gent} подписали дорожную карту по развитию {sp:gent}.",
        "По итогам переговоров {a:nomn}, {b:nomn} и {c:nomn} подписали трёхсторонний меморандум о {ar:loct}.",
    ),
    ("agreement", "planned"): (
        "{a:nomn} и {b:nomn} планируют подписать соглашение о сотрудничестве в области {sp:gent}.",
        "В ходе визита ожидается подписание меморандума между {a:ablt} и {b:ablt} о {ar:loct}.",
    ),
    ("agreement", "discussed"): (
        "Представители {a:gent} и {b:gent} обсудили проект соглашения о партнёрстве в сфере {sp:gent}.",
    ),
    ("visit", "held"): (
        "Делегация {a:gent} посетила {b:accs}, где ознакомилась с опытом в области {sp:gent}.",
        "Делегация {a:gent} прибыла с рабочим визитом в {city:accs} по приглашению {b:gent}.",
    ),
    ("visit", "planned"): ("В {month:loct} делегация {a:gent} посетит {b:accs}, сообщили в пресс-службе.",),
    ("visit", "discussed"): (
        "{a:nomn} и {b:nomn} обсудили возможность визита специалистов в области {sp:gent}.",
    ),
    ("meeting", "held"): (
        "Состоялась встреча руководства {a:gent} с делегацией {b:gent}, посвящённая {ar:datv}.",
        "В {city:loct} прошли переговоры между {a:ablt} и {b:ablt} по вопросам {sp:gent}.",
    ),
    ("meeting", "planned"): ("Встреча представителей {a:gent} и {b:gent} запланирована на {month:accs}.",),
    ("meeting", "discussed"): (
        "На встрече {a:nomn} и {b:nomn} обсудили перспективы сотрудничества в сфере {sp:gent}.",
    ),
    ("event", "held"): (
        "{a:nomn} и {b:nomn} провели в {city:loct} международный форум по вопросам {sp:gent}.",
        "В работе конгресса по {ar:datv} приняли участие представители {a:gent}, {b:gent} и {c:gent}.",
    ),
    ("event", "planned"): (
        "В {month:loct} в {city:loct} состоится конференция {a:gent} и {b:gent}, посвящённая {sp:datv}.",
    ),
    ("event", "discussed"): ("{a:nomn} и {b:nomn} обсудили проведение совместного форума по {sp:datv}.",),
    ("aid", "held"): (
        "Со стороны {a:gent} {b:datv} передано медицинское оборудование для отделений {sp:gent}.",
        "В рамках гуманитарной помощи от {a:gent} в адрес {b:gent} поставлены лекарственные препараты.",
    ),
    ("aid", "planned"): ("Планируется, что {a:nomn} выделит {b:datv} грант на развитие {sp:gent}.",),
    ("aid", "discussed"): ("{a:nomn} и {b:nomn} обсудили поставку оборудования для центров {sp:gent}.",),
    ("program", "held"): (
        "Специалисты {b:gent} прошли стажировку по программе {a:gent} в области {sp:gent}.",
        "{a:nomn} и {b:nomn} запустили совместную программу подготовки кадров по {sp:datv}.",
    ),
    ("program", "planned"): (
        "{a:nomn} и {b:nomn} намерены запустить совместный проект по {ar:datv} и {sp:datv}.",
    ),
    ("program", "discussed"): (
        "Стороны — {a:nomn} и {b:nomn} — обсудили возможность обучения врачей в области {sp:gent}.",
    ),
}

EN: LinkTemplates = {
    ("agreement", "signed"): (
        "{a} and {b} signed a memorandum of understanding on cooperation in {sp}.",
        "An agreement on {ar} was signed between {a} and {b} in {city}.",
        "{a}, {b} and {c} signed a trilateral roadmap on {sp}.",
    ),
    ("agreement", "planned"): ("{a} and {b} plan to sign an agreement on {sp} in {month}.",),
    ("agreement", "discussed"): ("{a} and {b} discussed a draft partnership agreement on {ar}.",),
    ("visit", "held"): (
        "A delegation of {a} visited {b} to study its experience in {sp}.",
        "A delegation from {a} arrived in {city} at the invitation of {b}.",
    ),
    ("visit", "planned"): ("A delegation of {a} will visit {b} in {month}, the press service said.",),
    ("visit", "discussed"): ("{a} and {b} discussed a possible visit of {sp} specialists.",),
    ("meeting", "held"): (
        "Officials of {a} met a delegation of {b} to talk about {ar}.",
        "Talks between {a} and {b} on {sp} took place in {city}.",
    ),
    ("meeting", "planned"): ("A meeting of {a} and {b} is scheduled for {month}.",),
    ("meeting", "discussed"): ("At the meeting, {a} and {b} discussed cooperation prospects in {sp}.",),
    ("event", "held"): (
        "{a} and {b} held an international forum on {sp} in {city}.",
        "Representatives of {a}, {b} and {c} took part in a congress on {ar}.",
    ),
    ("event", "planned"): ("A conference of {a} and {b} on {sp} will be held in {city} in {month}.",),
    ("event", "discussed"): ("{a} and {b} discussed holding a joint forum on {sp}.",),
    ("aid", "held"): (
        "{a} handed over medical equipment for {sp} departments to {b}.",
        "As humanitarian aid, {a} delivered medicines to {b}.",
    ),
    ("aid", "planned"): ("{a} will provide a grant to {b} for the development of {sp}.",),
    ("aid", "discussed"): ("{a} and {b} discussed the supply of equipment for {sp} centres.",),
    ("program", "held"): (
        "Specialists of {b} completed an internship under a programme of {a} in {sp}.",
        "{a} and {b} launched a joint training programme in {sp}.",
    ),
    ("program", "planned"): ("{a} and {b} intend to launch a joint project on {ar} and {sp}.",),
    ("program", "discussed"): ("{a} and {b} discussed training doctors in {sp}.",),
}

FILLER_RU: tuple[str, ...] = (
    "По словам организаторов, интерес к {sp:datv} в регионе в последние годы заметно вырос.",
    "«Мы видим большой потенциал для совместной работы», — отметил {person}.",
    "Ранее сообщалось, что в {n} году число обращений в клиники выросло на {n2} процентов.",
    "Участники также осмотрели новые корпуса и лаборатории.",
    "Как отметили в ведомстве, работа в этом направлении будет продолжена.",
    "На площадке {a:gent} также прошла пресс-конференция для журналистов.",
    "Эксперты подчёркивают, что спрос на услуги в сфере {ar:gent} остаётся высоким.",
    "В программу визита вошли встречи с врачами и осмотр оборудования.",
    "Гости побывали в нескольких частных клиниках и в диагностическом центре города.",
    "Отдельно обсуждались вопросы лицензирования и признания дипломов медицинских работников.",
    "По данным ведомства, за последние пять лет в регионе построено более {n2} новых поликлиник.",
    "{person} напомнил, что стороны сотрудничают уже несколько лет.",
    "Стороны договорились регулярно обмениваться опытом и проводить совместные вебинары.",
    "Кроме того, участники обсудили развитие телемедицины в отдалённых районах.",
    "Мероприятие собрало более {n2}0 специалистов из разных стран.",
    "Итоги работы планируется подвести в конце года.",
)
FILLER_EN: tuple[str, ...] = (
    "Organisers said interest in {sp} in the region has grown markedly in recent years.",
    '"We see great potential for joint work," said {person}.',
    "Earlier reports said clinic visits grew by {n2} percent in {n}.",
    "Participants also toured new wards and laboratories.",
    "The ministry said work in this area would continue.",
    "A press conference was also held at the premises of {a}.",
    "Experts note that demand for services in {ar} remains high.",
    "The guests visited several private clinics and a diagnostic centre in the city.",
    "Licensing and the recognition of medical diplomas were discussed separately.",
    "According to the ministry, more than {n2} new polyclinics have been built in the region in five years.",
    "{person} recalled that the sides have been working together for several years.",
    "The sides agreed to exchange experience regularly and to hold joint webinars.",
    "Participants also discussed telemedicine for remote districts.",
    "The event brought together more than {n2}0 specialists from different countries.",
    "Results are expected to be summed up at the end of the year.",
)

TITLE_RU = (
    "{a:nomn} и {b:nomn} развивают сотрудничество в сфере здравоохранения",
    "Медики {a:gent} и {b:gent} обсудили совместные проекты",
    "Новые договорённости в области {sp:gent}",
)
TITLE_EN = (
    "{a} and {b} step up health cooperation",
    "Health officials of {a} and {b} discuss joint projects",
    "New arrangements in {sp}",
)
