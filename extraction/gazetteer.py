"""Typed loader for the actor gazetteer (``extraction/gazetteer/*.yaml``).

The gazetteer is reviewed data: every entry is validated here, once, so a typo
(an unknown type, a bad ISO code, a dangling parent) fails loudly with the file
and entry named instead of silently producing a wrong actor id downstream.
Names are stored once as written; spelling variants that news text uses
interchangeably (Uzbek apostrophes, ё/е, quote styles) are generated here so
the data need not triple them. Text matching is the extractor's business.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from hdkg.errors import ExtractionError
from hdkg.models import ActorType

log = logging.getLogger(__name__)

Lang = Literal["ru", "en", "uz"]
LANGS: tuple[Lang, ...] = get_args(Lang)
ACTOR_TYPES: frozenset[str] = frozenset(get_args(ActorType))
COUNTRIES_FILE = "countries.yaml"
REGIONS_FILE = "regions.yaml"
#: Bodies that are not of one country; every other non-region actor type may
#: only omit its country when it is transnational (``Association``, ``Company``).
COUNTRYLESS_OK: frozenset[str] = frozenset({"InternationalOrganization", "Association", "Company"})

_ID_RE = re.compile(r"^[a-z0-9_]+$")
_ISO2_RE = re.compile(r"^[A-Z]{2}$")
_QID_RE = re.compile(r"^Q[0-9]+$")
#: Uzbek Latin writes o‘/g‘ and the tutuq belgisi with any of these in practice.
APOSTROPHES = ("‘", "’", "ʻ", "ʼ", "'", "`")
_APOS_RE = re.compile("[" + "".join(APOSTROPHES) + "]")
_QUOTE_PAIRS = (("«", "»"), ('"', '"'), ("“", "”"))
_QUOTE_RE = re.compile(r"[«“\"](.+?)[»”\"]")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Names(_Strict):
    """Surface names per language, the canonical (official) one first."""

    ru: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    uz: tuple[str, ...] = ()

    @field_validator("ru", "en", "uz")
    @classmethod
    def _clean(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        out = tuple(s.strip() for s in v)
        if any(not s for s in out):
            raise ValueError("empty name")
        if len(set(out)) != len(out):
            raise ValueError(f"duplicate name in {list(out)}")
        return out

    def get(self, lang: Lang) -> tuple[str, ...]:
        return tuple(getattr(self, lang))

    def all(self) -> tuple[str, ...]:
        return self.ru + self.en + self.uz


class GazCountry(_Strict):
    """A state: ISO code, names, adjectives (ru lemma forms) and capital city names."""

    code: str
    wikidata: str | None = None
    names: Names
    abbr: tuple[str, ...] = ()
    adjectives: Names = Field(default_factory=Names)
    capital: Names = Field(default_factory=Names)
    variants: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """Global actor id used when the state itself is a party."""
        return f"country_{self.code.lower()}"

    @property
    def type(self) -> ActorType:
        return "Country"

    @property
    def name(self) -> str:
        return self.names.en[0]


class GazActor(_Strict):
    """One organisation (or region) with a stable global id."""

    id: str
    type: ActorType
    country: str | None
    wikidata: str | None = None
    names: Names
    abbr: tuple[str, ...] = ()
    #: Bare forms that point to this actor only when the article's context
    #: country is ``country`` ("Минздрав", "Sog‘liqni saqlash vazirligi").
    context_names: tuple[str, ...] = ()
    parent: str | None = None
    #: Every name and abbreviation plus generated spelling variants, canonical first.
    variants: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """Canonical display name: the first English name."""
        return self.names.en[0]


class Gazetteer:
    """All validated entries with id and ISO-code look-ups."""

    def __init__(self, countries: list[GazCountry], regions: list[GazActor], actors: list[GazActor]) -> None:
        self.countries = countries
        self.regions = regions
        self.actors = actors
        self._by_id: dict[str, GazActor] = {a.id: a for a in [*regions, *actors]}
        self._by_code: dict[str, GazCountry] = {c.code: c for c in countries}
        self._by_form: dict[str, list[GazActor | GazCountry]] = {}
        self._by_context: dict[tuple[str, str], list[GazActor]] = {}
        for a in actors:
            for form in a.context_names:
                key = (form.casefold(), a.country or "")
                self._by_context.setdefault(key, []).append(a)
        entries: list[GazActor | GazCountry] = [*countries, *regions, *actors]
        for entry in entries:
            for form in entry.variants:
                bucket = self._by_form.setdefault(form.casefold(), [])
                if entry not in bucket:
                    bucket.append(entry)

    def by_id(self, actor_id: str) -> GazActor | None:
        return self._by_id.get(actor_id)

    def country(self, code: str) -> GazCountry | None:
        return self._by_code.get(code.upper())

    def lookup(self, form: str) -> list[GazActor | GazCountry]:
        """Entries whose name, abbreviation or variant equals ``form`` (case-insensitive, exact)."""
        return list(self._by_form.get(" ".join(form.split()).casefold(), []))

    def lookup_in_context(self, form: str, country: str) -> list[GazActor]:
        """Actors a bare form ("Минздрав", "Sog‘liqni saqlash vazirligi") means in an article about ``country``."""
        return list(self._by_context.get((" ".join(form.split()).casefold(), country.upper()), []))

    def __len__(self) -> int:
        return len(self.countries) + len(self.regions) + len(self.actors)


# ---------------------------------------------------------------- variants


def spelling_variants(name: str) -> list[str]:
    """The name plus the spellings news text uses for it interchangeably."""
    out = [name]
    if "ё" in name or "Ё" in name:
        out.append(name.replace("ё", "е").replace("Ё", "Е"))
    for base in list(out):
        if _APOS_RE.search(base):
            out.extend(_APOS_RE.sub(a, base) for a in APOSTROPHES)
    for base in list(out):
        if _QUOTE_RE.search(base):
            for left, right in _QUOTE_PAIRS:
                out.append(_QUOTE_RE.sub(_requote(left, right), base))
            out.append(" ".join(_QUOTE_RE.sub(_requote("", ""), base).split()))
    return list(dict.fromkeys(out))


def _requote(left: str, right: str) -> Callable[[re.Match[str]], str]:
    def sub(m: re.Match[str]) -> str:
        return f"{left}{m.group(1)}{right}"

    return sub


def _expand(forms: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for f in forms for v in spelling_variants(f)))


# ---------------------------------------------------------------- parsing


def _entry_label(raw: Any, index: int) -> str:
    if isinstance(raw, Mapping):
        for key in ("id", "code"):
            if isinstance(raw.get(key), str):
                return str(raw[key])
    return f"#{index}"


def _read_yaml(text: str, fname: str) -> list[Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ExtractionError(f"invalid YAML: {exc}", where=fname) from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise ExtractionError("a gazetteer file must be a list of entries", where=fname)
    return data


def _fail(fname: str, label: str, msg: str) -> ExtractionError:
    return ExtractionError(msg, where=f"{fname}:{label}")


def parse_countries(text: str, fname: str = COUNTRIES_FILE) -> list[GazCountry]:
    """Validate a countries file (codes, Q-ids, names in ru and en)."""
    out: list[GazCountry] = []
    seen: set[str] = set()
    for i, raw in enumerate(_read_yaml(text, fname)):
        label = _entry_label(raw, i)
        try:
            c = GazCountry.model_validate(raw)
        except ValidationError as exc:
            raise _fail(fname, label, _short(exc)) from exc
        if not _ISO2_RE.match(c.code):
            raise _fail(fname, label, f"bad ISO 3166-1 alpha-2 code {c.code!r}")
        if c.code in seen:
            raise _fail(fname, label, f"duplicate country code {c.code}")
        _check_common(fname, label, c.names, c.wikidata)
        seen.add(c.code)
        forms = [*c.names.all(), *c.abbr]
        out.append(c.model_copy(update={"variants": _expand(forms)}))
    return out


def parse_actors(text: str, fname: str, *, codes: set[str], region_file: bool = False) -> list[GazActor]:
    """Validate one actors (or regions) file against the known ISO codes."""
    out: list[GazActor] = []
    for i, raw in enumerate(_read_yaml(text, fname)):
        label = _entry_label(raw, i)
        if region_file and isinstance(raw, dict):
            raw = {"type": "Region", **raw}
        if isinstance(raw, dict) and raw.get("type") not in ACTOR_TYPES:
            raise _fail(fname, label, f"unknown actor type {raw.get('type')!r}")
        try:
            a = GazActor.model_validate(raw)
        except ValidationError as exc:
            raise _fail(fname, label, _short(exc)) from exc
        if not _ID_RE.match(a.id):
            raise _fail(fname, label, f"id {a.id!r} must match [a-z0-9_]+")
        if a.type == "Country":
            raise _fail(fname, label, "countries belong in countries.yaml")
        if (a.type == "Region") != region_file:
            raise _fail(fname, label, "regions belong in regions.yaml, only regions there")
        if a.type == "InternationalOrganization" and a.country is not None:
            raise _fail(fname, label, "an international organisation has country null")
        if a.country is None and a.type not in COUNTRYLESS_OK:
            raise _fail(fname, label, f"a {a.type} needs a country")
        if a.country is not None and a.country not in codes:
            raise _fail(fname, label, f"unknown country code {a.country!r}")
        _check_common(fname, label, a.names, a.wikidata)
        forms = [*a.names.all(), *a.abbr]
        out.append(
            a.model_copy(update={"variants": _expand(forms), "context_names": _expand(a.context_names)})
        )
    return out


def _check_common(fname: str, label: str, names: Names, wikidata: str | None) -> None:
    if not names.ru or not names.en:
        raise _fail(fname, label, "names need at least one ru and one en form")
    if wikidata is not None and not _QID_RE.match(wikidata):
        raise _fail(fname, label, f"wikidata {wikidata!r} must match ^Q[0-9]+$")


def _short(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'entry'}: {e['msg']}" for e in exc.errors())


def _check_graph(sources: list[tuple[str, GazActor]], countries: list[GazCountry]) -> None:
    """Cross-entry checks: unique ids and Q-ids, existing parents, no parent cycles."""
    by_id: dict[str, GazActor] = {}
    qids: dict[str, str] = {c.wikidata: c.code for c in countries if c.wikidata}
    for fname, a in sources:
        if a.id in by_id or a.id.startswith("country_"):
            raise _fail(fname, a.id, f"duplicate id {a.id}")
        by_id[a.id] = a
        if a.wikidata:
            if a.wikidata in qids:
                raise _fail(fname, a.id, f"wikidata {a.wikidata} already used by {qids[a.wikidata]}")
            qids[a.wikidata] = a.id
    for fname, a in sources:
        seen = {a.id}
        node = a
        while node.parent is not None:
            if node.parent not in by_id:
                raise _fail(fname, a.id, f"parent {node.parent!r} does not exist")
            if node.parent in seen:
                raise _fail(fname, a.id, f"parent cycle through {node.parent}")
            seen.add(node.parent)
            node = by_id[node.parent]


# ---------------------------------------------------------------- loading


def _files(root: Traversable | Path) -> Iterator[tuple[str, str]]:
    for item in sorted(root.iterdir(), key=lambda t: t.name):
        if item.is_file() and item.name.endswith((".yaml", ".yml")):
            yield item.name, item.read_text(encoding="utf-8")


def load_from(root: Traversable | Path) -> Gazetteer:
    """Load and validate every YAML file of a gazetteer directory (uncached)."""
    texts = dict(_files(root))
    if COUNTRIES_FILE not in texts:
        raise ExtractionError("missing countries file", where=f"{root}/{COUNTRIES_FILE}")
    countries = parse_countries(texts.pop(COUNTRIES_FILE))
    codes = {c.code for c in countries}
    sources: list[tuple[str, GazActor]] = []
    for fname, text in texts.items():
        for a in parse_actors(text, fname, codes=codes, region_file=fname == REGIONS_FILE):
            sources.append((fname, a))
    _check_graph(sources, countries)
    regions = [a for _, a in sources if a.type == "Region"]
    actors = [a for _, a in sources if a.type != "Region"]
    log.debug("gazetteer: %d countries, %d regions, %d actors", len(countries), len(regions), len(actors))
    return Gazetteer(countries, regions, actors)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, validated once per process."""
    return load_from(resources.files("hdkg.extraction") / "gazetteer")
