"""Multilingual term table for name keys: stem -> concept tokens ("" drops the stem).

Stems are those of ``graph.text.stems`` (Russian Snowball stems, folded Latin
words with Uzbek apostrophes removed). Extend it when a real duplicate slips
through; the decisions file handles one-off cases.
"""

from __future__ import annotations

_CONCEPTS: dict[str, tuple[str, ...]] = {
    "ministry": ("министерств", "ministry", "vazirligi", "vazirlik", "vazirlig", "вазирлиг"),
    "health ministry": ("минздра", "минздрав", "moh"),
    "health": ("здравоохранен", "health", "healthcare", "sogliqni", "здоров"),
    "hospital": ("больниц", "госпитал", "hospital", "shifoxona", "shifoxonasi", "kasalxona", "kasalxonasi"),
    "clinic": ("клиник", "clinic", "klinika", "klinikasi"),
    "clinical": ("клиническ", "clinical", "klinik"),
    "university": ("университет", "university", "universiteti", "universitet"),
    "medical": ("медицинск", "medical", "tibbiyot", "tibbiy", "medicine"),
    "academy": ("академ", "academy", "akademiyasi", "akademiya"),
    "center": ("центр", "center", "centre", "markaz", "markazi"),
    "institute": ("институт", "institute", "instituti", "institut"),
    "national": ("национальн", "national", "milliy"),
    "research": ("научн", "исследовательск", "research", "ilmiy", "scientific"),
    "state": ("государствен", "state", "davlat"),
    "children": ("детск", "children", "childrens", "pediatric", "bolalar"),
    "oncology": ("онкологическ", "онколог", "oncology", "oncological", "onkologiya"),
    "cardiology": ("кардиологическ", "кардиолог", "cardiology", "kardiologiya"),
    "": (
        "of", "the", "and", "for", "on", "in", "at", "по", "и", "в", "при", "республик", "republic",
        "respublikasi", "respublika", "saqlash", "ning",
    ),
}  # fmt: skip

TERMS: dict[str, str] = {stem: concept for concept, stems in _CONCEPTS.items() for stem in stems}

_COUNTRIES: dict[str, tuple[str, ...]] = {
    "UZ": ("узбекиста", "узбекистан", "узбекск", "uzbekistan", "uzbek", "ozbekiston", "руз", "ruz"),
    "RU": ("росс", "российск", "рф", "федерац", "russia", "russian", "federation", "rossiya"),
    "KZ": ("казахста", "казахстан", "казахск", "kazakhstan", "qozogiston"),
    "KG": ("кыргызста", "киргиз", "кыргызск", "kyrgyzstan", "kyrgyz", "qirgiziston"),
    "TJ": ("таджикиста", "таджикск", "tajikistan", "tojikiston"),
    "TM": ("туркмениста", "туркменск", "turkmenistan", "turkmaniston"),
    "BY": ("беларус", "белорусск", "belarus"),
    "TR": ("турц", "турецк", "turkey", "turkiye", "turkiya"),
    "KR": ("коре", "корейск", "korea", "korean", "koreya"),
    "CN": ("кита", "китайск", "china", "chinese", "xitoy"),
    "IN": ("инд", "индийск", "india", "indian", "hindiston"),
    "DE": ("герман", "германск", "немецк", "germany", "german", "germaniya"),
    "US": ("сша", "американск", "usa", "united", "america", "american", "aqsh"),
    "JP": ("япон", "японск", "japan", "japanese", "yaponiya"),
}

COUNTRY_TOKENS: dict[str, frozenset[str]] = {code: frozenset(t) for code, t in _COUNTRIES.items()}
