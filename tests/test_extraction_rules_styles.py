"""Rule tables for news styles of Central Asian health cooperation: paragraph -> parties.

Each paragraph is written for these tests in a style the corpora rarely show (a minister
receiving an ambassador, an embassy handing over equipment, a forum with many delegations,
a training course, a regional delegation abroad ...). Expected values follow GUIDE.md, not
the extractor's output. Actors outside the gazetteer are named "Type:CC" (their id is a
hash), so a row checks their type and country as well.
"""

from __future__ import annotations

import pytest

from hdkg.models import Facts
from tests.extraction_support import P, run
from tests.extraction_support import pairs as support_pairs


def _names(f: Facts) -> dict[str, set[str]]:
    """Each actor id -> {its id, "Type:CC"} so a row can name new bodies by type and country."""
    return {a.id: {a.id, f"{a.type}:{a.country}"} for a in f.actors}


def pairs(f: Facts) -> set[frozenset[str]]:
    return support_pairs(f, _names(f))


# (phenomenon, text, pairs present, pairs absent, actors absent, specialties of the links or None)
STYLES = [
    (
        "a minister receiving an ambassador: the envoy is the partner, the host ministry the other side",
        "Министр здравоохранения и социальной защиты населения Таджикистана Джамолиддин Абдуллозода "
        "принял Чрезвычайного и Полномочного Посла Венгрии в Таджикистане Иштвана Ковача. В ходе "
        "встречи стороны обсудили перспективы сотрудничества в области кардиологии.",
        {P("moh_tj", "person_kovach")},
        set(),
        {"country_hu"},
        {"cardiology"},
    ),
    (
        "a national centre signs with a foreign clinic",
        "Национальный центр онкологии Кыргызстана и израильский медицинский центр «Шиба» подписали "
        "меморандум о сотрудничестве. Документ предусматривает стажировки кыргызских онкологов в Израиле.",
        {P("ncoh_kg", "sheba")},
        set(),
        set(),
        {"oncology"},
    ),
    (
        "a body right after 'на полях форума' is the clause's subject, not the forum's host; "
        "the delegations of a forum are not each other's partners",
        "В Ашхабаде завершил работу Международный медицинский форум, в котором приняли участие делегации "
        "из России, Турции, Ирана и Китая. На полях форума Министерство здравоохранения Туркменистана "
        "подписало меморандум о сотрудничестве с Министерством здравоохранения Беларуси в области онкологии.",
        {P("moh_tm", "moh_by")},
        {P("country_ru", "country_tr"), P("country_ir", "country_cn")},
        set(),
        None,
    ),
    (
        "an embassy hands over equipment; the ambassador stands with the embassy, not apart",
        "Посольство Японии в Кыргызстане передало Бишкекской городской детской клинической больнице "
        "медицинское оборудование для отделения неонатологии. Церемония передачи состоялась с участием "
        "посла Японии Хироси Мацумото.",
        {P("GovernmentBody:JP", "HealthcareProvider:KG")},
        {P("person_matsumoto", "HealthcareProvider:KG")},
        {"country_kg"},
        {"neonatology", "pediatrics"},  # GUIDE: "детская ..." is pediatrics
    ),
    (
        "a training course ('тренинг') by an international organisation with a ministry",
        "Всемирная организация здравоохранения совместно с Министерством здравоохранения Таджикистана "
        "провела в Душанбе тренинг для врачей первичного звена по ведению пациентов с сахарным диабетом.",
        {P("who", "moh_tj")},
        set(),
        {"region_dushanbe"},
        {"endocrinology", "primary_care"},
    ),
    (
        "a regional khokimiyat delegation abroad signs with a foreign hospital",
        "Делегация хокимията Самаркандской области посетила Республику Корея. В ходе визита подписано "
        "соглашение с больницей Северанс о направлении пациентов на лечение и обмене опытом в области "
        "нейрохирургии.",
        {P("GovernmentBody:UZ", "severance")},
        set(),
        set(),
        {"neurosurgery"},
    ),
    (
        "a telemedicine project of a ministry with a foreign company",
        "Министерство здравоохранения Узбекистана и немецкая компания Siemens Healthineers запустили "
        "совместный проект по развитию телемедицины в районных больницах.",
        {P("moh_uz", "siemens_healthineers")},
        set(),
        set(),
        None,
    ),
    (
        "a vaccine donation from a state, received by the ministry",
        "Китай безвозмездно передал Кыргызстану партию вакцин против гепатита В. Вакцины были переданы "
        "Министерству здравоохранения Кыргызской Республики.",
        {P("country_cn", "moh_kg")},
        set(),
        set(),
        {"infectious_diseases"},
    ),
    (
        "a university twinning",
        "Ташкентская медицинская академия и Казанский государственный медицинский университет подписали "
        "соглашение об академическом обмене студентами и преподавателями.",
        {P("tma", "kazan_smu")},
        set(),
        set(),
        None,
    ),
    (
        "a visit planned 'в ближайшее время': the city of arrival is a venue, the talks name the host",
        "В ближайшее время в Астану прибудет делегация Министерства здравоохранения Турции. Турецкие "
        "специалисты проведут переговоры с руководством Министерства здравоохранения Казахстана о "
        "сотрудничестве в сфере трансплантологии.",
        {P("moh_tr", "moh_kz")},
        set(),
        {"region_astana"},
        {"transplantology"},
    ),
    (
        "'партнеры из Германии' name Germany as a party",
        "Министерство здравоохранения Казахстана совместно с партнерами из Германии реализует программу "
        "подготовки специалистов в области реабилитации.",
        {P("moh_kz", "country_de")},
        set(),
        set(),
        {"rehabilitation"},
    ),
    (
        "groups placed by a participle clause ('клиник и вузов, расположенных в Душанбе') are parties",
        "Специалисты клиники Шарите обучат врачей клиник и вузов, расположенных в Душанбе, методам "
        "лапароскопической хирургии.",
        {P("charite", "HealthcareProvider:TJ"), P("charite", "AcademicInstitution:TJ")},
        set(),
        {"region_dushanbe"},
        {"surgery"},
    ),
    (
        "a headline word and a profile of one centre make no link",
        "Сотрудничество в сфере медицины\nНациональный научный центр хирургии имени Сызганова является "
        "ведущим учреждением страны в области кардиохирургии. Центр ежегодно проводит 5 тысяч операций.",
        set(),
        set(),
        set(),
        set(),
    ),
    (
        "a profile sentence after a link adds none of its own specialties",
        "Министерство здравоохранения Узбекистана и южнокорейский медицинский центр «Асан» подписали "
        "меморандум о сотрудничестве в области трансплантологии. Медицинский центр «Асан» является одной "
        "из крупнейших больниц Азии и специализируется на онкологии и кардиохирургии.",
        {P("moh_uz", "asan")},
        set(),
        set(),
        {"transplantology"},
    ),
    (
        "a provincial government 'Республики Корея' belongs to Korea, not to no country",
        "Хокимият Ферганской области и правительство провинции Кёнги Республики Корея договорились о "
        "сотрудничестве. Корейская сторона передаст областному медицинскому объединению две машины скорой "
        "помощи.",
        {P("GovernmentBody:UZ", "GovernmentBody:KR")},
        set(),
        {"GovernmentBody:None"},
        {"emergency_medicine"},
    ),
    (
        "an embassy 'Республики Корея' is Korea's, whatever the main country of the text",
        "Посольство Республики Корея передало Научному центру педиатрии Республики Казахстан аппараты "
        "искусственной вентиляции легких.",
        {P("GovernmentBody:KR", "ncpps_kz")},
        set(),
        {"GovernmentBody:KZ", "country_kr"},
        None,
    ),
    (
        "an eponym ('центр имени Алмазова') belongs to the name: the known centre, not a new body",
        "Министр здравоохранения Кыргызской Республики Алымкадыр Бейшеналиев принял делегацию "
        "Национального медицинского исследовательского центра имени Алмазова во главе с генеральным "
        "директором Евгением Шляхто.",
        {P("moh_kg", "almazov_center")},
        set(),
        {"HealthcareProvider:KG"},
        None,
    ),
    (
        "the owner of a programme after 'в рамках' runs it: a party, not a venue",
        "Двадцать врачей Ошской областной больницы прошли стажировку в клиниках Турции в рамках "
        "программы Турецкого агентства по сотрудничеству и координации (TIKA).",
        {P("HealthcareProvider:KG", "tika"), P("HealthcareProvider:KG", "HealthcareProvider:TR")},
        set(),
        set(),
        None,
    ),
    (
        "a verbless headline with a bare 'сотрудничество' makes no link the body does not tell",
        "Узбекистан и Япония: сотрудничество в медицине\nЯпонская компания «Олимпус» откроет в Ташкенте "
        "учебный центр эндоскопии.",
        set(),
        set(),
        set(),
        None,
    ),
    (
        "a minister meets an ambassador named without his embassy: the envoy is the partner",
        "Глава Минздрава Казахстана Ажар Гиният провела встречу с Послом Франции Дидье Канесса. Посол "
        "отметил готовность французских клиник принимать казахстанских врачей на стажировки.",
        {P("moh_kz", "person_kaness")},
        set(),
        set(),
        None,
    ),
    (
        "'клиники из Индии' are Indian bodies, not bodies of the article's country",
        "Две частные клиники из Индии при поддержке Министерства здравоохранения Узбекистана откроют свои "
        "филиалы в Ташкенте.",
        {P("HealthcareProvider:IN", "moh_uz")},
        set(),
        {"HealthcareProvider:UZ", "region_tashkent"},
        None,
    ),
    (
        "a bare 'министерства' after 'пресс-центр Минздрава' is that ministry, the title's body",
        "Как сообщил пресс-центр Минздрава Кыргызстана, руководитель министерства Эркин Чечейбаев провел "
        "встречу с ректором Казахского национального медицинского университета.",
        {P("moh_kg", "kaznmu")},
        set(),
        set(),
        None,
    ),
    (
        "a participle clause places groups with adjectives too ('клиник и медицинских вузов, ...')",
        "Узбекская делегация посетила ряд клиник и медицинских вузов, расположенных в Душанбе.",
        {P("country_uz", "HealthcareProvider:TJ"), P("country_uz", "AcademicInstitution:TJ")},
        set(),
        {"HealthcareProvider:UZ"},
        None,
    ),
]


@pytest.mark.parametrize(("what", "text", "present", "absent", "no_actor", "specs"), STYLES)
def test_styles(
    what: str,
    text: str,
    present: set[frozenset[str]],
    absent: set[frozenset[str]],
    no_actor: set[str],
    specs: set[str] | None,
) -> None:
    f = run(text)
    got = pairs(f)
    assert present <= got, (what, present - got, got)
    assert not absent & got, (what, absent & got)
    names = {n for ns in _names(f).values() for n in ns}
    assert not no_actor & names, (what, no_actor & names)
    if not present:
        assert not f.links, (what, f.links)
    if specs is not None:
        found = {s for link in f.links for s in link.specialties}
        assert found == specs, (what, found)
