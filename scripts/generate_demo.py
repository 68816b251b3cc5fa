"""Generate the demo content for `manage.py import_content` (docs/import-format.md).

Writes two JSON Lines files:

* ``pages/fixtures/demo.jsonl`` – the five seed pages S0–S4 of domain-notes (b), retold in
  our own words with every fact kept, plus generated but plausible providers, measures,
  projects and news on ten sites, with English translations of part of them;
* ``docs/import-example.jsonl`` – the lines of seed S0 only (provider, measure, project and
  its English translation), the small example the import docs point at.

Standard library only and deterministic (``random.Random(2026)``)::

    python scripts/generate_demo.py

The generated organisations use real place names, but their legal codes, addresses, phone
numbers, people and e-mail addresses are invented (e-mail and web addresses use the reserved
``.example`` domain). A self-check at the end validates every line against the vocabularies
of ``pages/vocabularies.py``, the code formats of ``pages/codes.py`` and the import rules.
"""

import importlib.util
import json
import math
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEMO_PATH = ROOT / "pages" / "fixtures" / "demo.jsonl"
EXAMPLE_PATH = ROOT / "docs" / "import-example.jsonl"

SEED = 2026
# Statuses and news dates are generated as seen on this day.
REFERENCE_DATE = date(2026, 1, 15)
GENERATED_PROJECTS = 122
NEWS_PER_SITE = 6

Line = dict[str, Any]
Pair = tuple[str, str]  # (Lithuanian, English)
CENT = Decimal("0.01")


# --------------------------------------------------------------------------------------------
# Project modules, loaded by path so that this script needs neither Django nor sys.path tricks
# --------------------------------------------------------------------------------------------

def load_module(relative_path: str, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / relative_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_codes() -> ModuleType:
    """pages/codes.py; without Django installed, stub the one name it imports."""
    try:
        import django.core.exceptions  # noqa: F401
    except ImportError:
        for name in ("django", "django.core"):
            sys.modules.setdefault(name, ModuleType(name))
        exceptions = ModuleType("django.core.exceptions")
        exceptions.ValidationError = ValueError  # type: ignore[attr-defined]
        sys.modules["django.core.exceptions"] = exceptions
    return load_module("pages/codes.py", "demo_codes")


VOCAB = load_module("pages/vocabularies.py", "demo_vocabularies")
CODES = load_codes()

SERVICE_LABELS: dict[str, Pair] = {s[0]: (s[1], s[2]) for s in VOCAB.SERVICE_TYPES}
GROUP_LABELS: dict[str, Pair] = {
    t[0]: (t[1], t[2]) for t in [*VOCAB.TARGET_GROUPS, *VOCAB.NARROWER_TARGET_GROUPS]
}
ALL_MUNICIPALITIES = [m[0] for county in VOCAB.COUNTIES for m in county[3]]


# --------------------------------------------------------------------------------------------
# Language helpers
# --------------------------------------------------------------------------------------------

LT_MONTHS = ("sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos",
             "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def lt_date(day: date) -> str:
    return f"{day.year} m. {LT_MONTHS[day.month - 1]} {day.day} d."


def en_date(day: date) -> str:
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def lt_money(amount: Decimal) -> str:
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",") + " Eur"


def en_money(amount: Decimal) -> str:
    return f"EUR {amount:,.2f}"


def lt_join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " ir " + items[-1]


def en_join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def lt_count(number: int, forms: tuple[str, str, str]) -> str:
    """Number with the noun form Lithuanian grammar asks for: 1 asmuo, 2 asmenys, 10 asmenų."""
    singular, plural, genitive = forms
    if number % 10 == 1 and number % 100 != 11:
        return f"{number} {singular}"
    if 2 <= number % 10 <= 9 and not 11 <= number % 100 <= 19:
        return f"{number} {plural}"
    return f"{number} {genitive}"


def en_count(number: int, forms: tuple[str, str]) -> str:
    return f"{number} {forms[0] if number == 1 else forms[1]}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def slugify(text: str, limit: int = 150) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{upper_first(text)}</p>" for text in texts if text)


def bullet_list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# Shorter names for running text, where the catalogue's own would read as a list in a list.
SERVICE_IN_TEXT: dict[str, Pair] = {
    "tarpininkavimas": ("tarpininkavimas", "mediation"),
    "socialiniu-igudziu-ugdymas": ("socialinių įgūdžių ugdymas", "social skills training"),
    "asmens-higiena": ("asmens higienos paslaugos", "personal hygiene services"),
}


def services_text(slugs: list[str], lang: int) -> str:
    labels = [lower_first(SERVICE_IN_TEXT.get(s, SERVICE_LABELS[s])[lang]) for s in slugs]
    return lt_join(labels) if lang == 0 else en_join(labels)


def fill(pair: Pair, values: dict[str, str]) -> Pair:
    return pair[0].format(**values), pair[1].format(**values)


# --------------------------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Site:
    slug: str
    city: str          # Alytus
    gen: str           # Alytaus
    loc: str           # Alytuje
    where: str         # Alytaus mieste
    muni_gen: str      # Alytaus miesto savivaldybės
    org: str           # prefix of institution names: Alytaus miesto
    city_en: str
    where_en: str
    postal: str
    lat: float
    lon: float
    streets: tuple[str, ...]
    neighbours: tuple[str, ...]

    @property
    def is_national(self) -> bool:
        return self.slug == "nacionalinis"

    def words(self) -> dict[str, str]:
        return {"city": self.city_en, "city_gen": self.gen, "city_loc": self.loc,
                "where": self.where, "where_en": self.where_en, "muni_gen": self.muni_gen}


SITES = [
    Site("alytus", "Alytus", "Alytaus", "Alytuje", "Alytaus mieste",
         "Alytaus miesto savivaldybės", "Alytaus miesto", "Alytus", "in Alytus", "62",
         54.3963, 24.0459, ("Pulko g.", "Naujoji g.", "Jotvingių g.", "Vilniaus g."),
         ("alytaus-rajonas",)),
    Site("kalvarija", "Kalvarija", "Kalvarijos", "Kalvarijoje", "Kalvarijos savivaldybėje",
         "Kalvarijos savivaldybės", "Kalvarijos", "Kalvarija", "in Kalvarija", "69",
         54.4147, 23.2249, ("Bažnyčios g.", "Sodų g.", "Vytauto g."), ("marijampole",)),
    Site("elektrenai", "Elektrėnai", "Elektrėnų", "Elektrėnuose", "Elektrėnų savivaldybėje",
         "Elektrėnų savivaldybės", "Elektrėnų", "Elektrėnai", "in Elektrėnai", "26",
         54.7858, 24.6613, ("Draugystės g.", "Rungos g.", "Trakų g."), ("trakai", "kaisiadorys")),
    Site("marijampole", "Marijampolė", "Marijampolės", "Marijampolėje",
         "Marijampolės savivaldybėje", "Marijampolės savivaldybės", "Marijampolės",
         "Marijampolė", "in Marijampolė", "68", 54.5593, 23.3541,
         ("Kauno g.", "Gedimino g.", "Sodo g.", "Vytauto g."), ("kazlu-ruda", "vilkaviskis")),
    Site("vilnius", "Vilnius", "Vilniaus", "Vilniuje", "Vilniaus mieste",
         "Vilniaus miesto savivaldybės", "Vilniaus miesto", "Vilnius", "in Vilnius", "08",
         54.6872, 25.2797, ("Antakalnio g.", "Žirmūnų g.", "Šeškinės g.", "Viršuliškių g."),
         ("vilniaus-rajonas",)),
    Site("kaunas", "Kaunas", "Kauno", "Kaune", "Kauno mieste", "Kauno miesto savivaldybės",
         "Kauno miesto", "Kaunas", "in Kaunas", "44", 54.8985, 23.9036,
         ("Savanorių pr.", "Taikos pr.", "Vaidoto g.", "Kovo 11-osios g."), ("kauno-rajonas",)),
    Site("siauliai", "Šiauliai", "Šiaulių", "Šiauliuose", "Šiaulių mieste",
         "Šiaulių miesto savivaldybės", "Šiaulių miesto", "Šiauliai", "in Šiauliai", "76",
         55.9349, 23.3137, ("Tilžės g.", "Dainų g.", "Vilniaus g.", "Aušros al."),
         ("siauliu-rajonas",)),
    Site("panevezys", "Panevėžys", "Panevėžio", "Panevėžyje", "Panevėžio mieste",
         "Panevėžio miesto savivaldybės", "Panevėžio miesto", "Panevėžys", "in Panevėžys", "35",
         55.7348, 24.3575, ("Respublikos g.", "Smėlynės g.", "Klaipėdos g.", "Ramygalos g."),
         ("panevezio-rajonas",)),
    Site("utena", "Utena", "Utenos", "Utenoje", "Utenos rajone", "Utenos rajono savivaldybės",
         "Utenos rajono", "Utena", "in Utena District", "28", 55.4975, 25.5990,
         ("Aušros g.", "Basanavičiaus g.", "Taikos g."), ("moletai", "anyksciai")),
]
NATIONAL = Site("nacionalinis", "Lietuva", "Lietuvos", "Lietuvoje", "visoje Lietuvoje",
                "Lietuvos", "", "Lithuania", "across Lithuania", "", 54.9, 23.9, (), ())
SITE_BY_SLUG = {site.slug: site for site in [*SITES, NATIONAL]}


# --------------------------------------------------------------------------------------------
# Measures
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MeasureSpec:
    code: str
    priority: str
    agency: str | None
    fund: str
    selection: str
    name: Pair
    summary: Pair
    objective: Pair | None = None
    calls: tuple[str, ...] = ()   # 2014–2020: call numbers; 2021–2027: call codes
    eu_amount: str | None = None
    total_amount: str | None = None
    seed: bool = False

    @property
    def id(self) -> str:
        return "measure-" + slugify(self.code)

    @property
    def period(self) -> str:
        period = CODES.MEASURE_CODE.period_of(self.code)
        assert period is not None, self.code
        return period

    def call_codes(self) -> list[str]:
        if self.period == "2014-2020":
            return [f"{self.code}-{number}" for number in self.calls]
        return list(self.calls)

    def mention(self, lang: int) -> str:
        """'priemonę Nr. X „Name“' (LT, accusative) or 'measure X “Name”' (EN)."""
        generic = self.name[0].startswith("Pažangos priemonė")
        if lang == 0:
            kind = "priemonę" if self.period == "2014-2020" else "pažangos priemonę"
            return f"{kind} Nr. {self.code}" + ("" if generic else f" „{self.name[0]}“")
        kind = "measure" if self.period == "2014-2020" else "progress measure"
        return f"{kind} {self.code}" + ("" if generic else f" “{self.name[1]}”")


P14 = "veiksmu-programa-2014-2020-"
P21 = "investiciju-programa-2021-2027-"

SEED_MEASURES = [
    MeasureSpec(
        "08.1.1-CPVA-R-407", P14 + "08", "cpva", "erpf", "R",
        ("Socialinių paslaugų infrastruktūros plėtra",
         "Development of social services infrastructure"),
        ("Priemonė, iš kurios Europos regioninės plėtros fondo lėšomis kuriama ir atnaujinama "
         "socialinių paslaugų infrastruktūra, pavyzdžiui, savarankiško gyvenimo namai.",
         "A measure that uses European Regional Development Fund money to build and renovate "
         "social service facilities, such as independent-living homes."),
        calls=("11",), seed=True),
    MeasureSpec(
        "08.4.1-ESFA-V-416", P14 + "08", "esfa", "esf", "V",
        ("Kompleksinės paslaugos šeimai", "Integrated services for families"),
        ("Priemonė, finansuojanti kompleksiškai teikiamą pagalbą šeimoms: pozityvios tėvystės "
         "mokymus, psichosocialinę ir krizių įveikimo pagalbą, vaikų priežiūrą ir mediaciją.",
         "A measure funding integrated support for families: positive parenting courses, "
         "psychosocial and crisis support, childcare and mediation."),
        calls=("01", "02"), seed=True),
    MeasureSpec(
        "08.3.2-ESFA-K-415", P14 + "08", "esfa", "esf", "K",
        ("54+", "54+"),
        ("Priemonė vyresnių nei 54 metų žmonių socialinei įtraukčiai: aktyvus senėjimas, "
         "savanorystė ir didesnės galimybės darbo rinkoje.",
         "A measure for the social inclusion of people over 54: active ageing, volunteering "
         "and better chances on the labour market."),
        calls=("01",), seed=True),
    MeasureSpec(
        "08.4.1-ESFA-V-405", P14 + "08", "esfa", "esf", "V",
        ("Institucinės globos pertvarka", "Transition from institutional care"),
        ("Priemonė, skirta pereiti nuo didelių globos įstaigų prie bendruomenėje teikiamų "
         "paslaugų žmonėms su negalia ir likusiems be tėvų globos vaikams.",
         "A measure for moving from large care institutions to community-based services for "
         "people with disabilities and children without parental care."),
        calls=("03",), eu_amount="21983760.00", total_amount="28077812.00", seed=True),
    MeasureSpec(
        "08.6.1-ESFA-T-927", P14 + "08", "esfa", "esf", "T",
        ("Spartesnis vietos plėtros strategijų įgyvendinimas",
         "Faster implementation of local development strategies"),
        ("Priemonė, iš kurios finansuojami miestų vietos veiklos grupių vietos plėtros "
         "strategijose (VPS) numatyti socialinės įtraukties projektai.",
         "A measure funding social inclusion projects set out in the local development "
         "strategies (VPS) of urban local action groups."),
        calls=("01", "02"), seed=True),
    MeasureSpec(
        "09-003-02-02-01", P21 + "4", None, "esf-plus", "V",
        ("Pažangos priemonė Nr. 09-003-02-02-01", "Progress measure 09-003-02-02-01"),
        ("2021–2027 m. ES fondų investicijų programos pažangos priemonė; pagal jos 5-ąją "
         "veiklą finansuojamas perėjimo nuo institucinės globos prie bendruomeninių paslaugų "
         "projektas Nr. 07-018-P-0001.",
         "A progress measure of the EU Funds Investment Programme 2021–2027; its activity 5 "
         "funds project 07-018-P-0001 on the move from institutional care to community-based "
         "services."),
        calls=("07-018-P",), seed=True),
]


def generated_measure(code: str, priority: str, agency: str, fund: str, selection: str,
                      name: Pair, objective: Pair, calls: tuple[str, ...]) -> MeasureSpec:
    summary = (f"Priemone siekiama: {lower_first(objective[0])}",
               f"The measure aims {lower_first(objective[1])}")
    return MeasureSpec(code, priority, agency, fund, selection, name, summary, objective, calls)


GENERATED_MEASURES = [
    generated_measure(
        "08.1.2-CPVA-R-408", P14 + "08", "cpva", "erpf", "R",
        ("Socialinio būsto fondo plėtra", "Expanding the social housing stock"),
        ("Padidinti socialinio būsto prieinamumą mažas pajamas gaunantiems gyventojams.",
         "to make social housing more available to low-income residents."), ("01", "02")),
    generated_measure(
        "08.1.1-CPVA-V-427", P14 + "08", "cpva", "erpf", "V",
        ("Bendruomeninių paslaugų infrastruktūros kūrimas",
         "Infrastructure for community-based services"),
        ("Sukurti infrastruktūrą bendruomeninėms paslaugoms, pakeičiančioms institucinę globą.",
         "to build infrastructure for community services that replace institutional care."),
        ("01",)),
    generated_measure(
        "08.1.3-CPVA-R-409", P14 + "08", "cpva", "erpf", "R",
        ("Dienos centrų infrastruktūros modernizavimas", "Modernising day centres"),
        ("Atnaujinti dienos centrus, kuriuose teikiama socialinė priežiūra ir globa.",
         "to renovate day centres that provide social attendance and care."), ("01", "02")),
    generated_measure(
        "08.4.2-ESFA-R-630", P14 + "08", "esfa", "esf", "R",
        ("Integrali pagalba į namus", "Integrated home care"),
        ("Sudaryti sąlygas senyvo amžiaus žmonėms ir asmenims su negalia gauti slaugos ir "
         "socialinės globos paslaugas namuose.",
         "to let older and disabled people receive nursing and social care at home."),
        ("01", "02")),
    generated_measure(
        "08.4.2-ESFA-K-631", P14 + "08", "esfa", "esf", "K",
        ("Socialinių paslaugų kokybės didinimas", "Improving the quality of social services"),
        ("Gerinti socialinių paslaugų kokybę ir stiprinti bendruomenių iniciatyvas.",
         "to improve the quality of social services and strengthen community initiatives."),
        ("01",)),
    generated_measure(
        "08.3.2-ESFA-K-413", P14 + "08", "esfa", "esf", "K",
        ("Asmenų su negalia socialinė integracija",
         "Social integration of people with disabilities"),
        ("Didinti asmenų su negalia ir jų šeimų socialinę įtrauktį ir užimtumą.",
         "to increase the social inclusion and employment of people with disabilities and "
         "their families."), ("01", "02")),
    generated_measure(
        "08.4.1-ESFA-VT-418", P14 + "08", "esfa", "esf", "VT",
        ("Globos šeimoje ir įvaikinimo paslaugų plėtra", "Foster care and adoption services"),
        ("Užtikrinti, kad likę be tėvų globos vaikai augtų šeimoje, ir stiprinti pagalbą "
         "globėjams.",
         "to ensure children without parental care grow up in families and to support foster "
         "carers."), ("01",)),
    generated_measure(
        "07.3.1-ESFA-V-404", P14 + "07", "esfa", "esf", "V",
        ("Jaunimo užimtumo skatinimas", "Promoting youth employment"),
        ("Padėti nesimokančiam ir nedirbančiam jaunimui grįžti į mokslą ar rasti darbą.",
         "to help young people not in education or employment return to learning or find work."),
        ("01", "02")),
    generated_measure(
        "09-003-02-01-01", P21 + "4", "cpva", "esf-plus", "V",
        ("Socialinių paslaugų šeimoms plėtra", "Developing social services for families"),
        ("Plėsti šeimoms skirtas kompleksines paslaugas ir krizių įveikimo pagalbą.",
         "to expand integrated services and crisis support for families."),
        ("07-012-P", "07-027-P")),
    generated_measure(
        "09-003-02-02-02", P21 + "4", "cpva", "esf-plus", "V",
        ("Globos ir įvaikinimo paslaugų stiprinimas", "Strengthening foster care and adoption"),
        ("Stiprinti globėjų, budinčių globotojų ir įtėvių paramos sistemą.",
         "to strengthen support for foster carers, emergency carers and adoptive parents."),
        ("07-019-P",)),
    generated_measure(
        "09-003-02-03-01", P21 + "4", "cpva", "esf-plus", "V",
        ("Integralios pagalbos į namus plėtra", "Expanding integrated home care"),
        ("Plėsti slaugos ir socialinės globos paslaugas asmens namuose.",
         "to expand nursing and social care in people's homes."), ("07-021-P", "07-031-P")),
    generated_measure(
        "09-003-03-01-01", P21 + "4", "cpva", "erpf", "R",
        ("Socialinių paslaugų infrastruktūros plėtra bendruomenėje",
         "Community social services infrastructure"),
        ("Kurti ir atnaujinti bendruomenėje teikiamų socialinių paslaugų infrastruktūrą.",
         "to build and renovate infrastructure for social services in the community."),
        ("07-015-P", "07-034-P")),
    generated_measure(
        "09-002-01-02-01", P21 + "4", "cpva", "erpf", "R",
        ("Socialinio būsto plėtra", "Expanding social housing"),
        ("Didinti socialinio būsto fondą savivaldybėse.",
         "to increase the social housing stock in municipalities."), ("07-016-P",)),
    generated_measure(
        "09-001-01-01-01", P21 + "4", "cpva", "esf-plus", "K",
        ("Jaunimo socialinė įtrauktis", "Social inclusion of young people"),
        ("Mažinti jaunimo socialinę atskirtį ir plėsti darbo su jaunimu formas.",
         "to reduce the social exclusion of young people and widen forms of youth work."),
        ("07-025-P",)),
    generated_measure(
        "09-004-01-01-01", P21 + "4", "cpva", "esf-plus", "K",
        ("Vyresnio amžiaus asmenų aktyvumo skatinimas", "Encouraging active older people"),
        ("Skatinti vyresnio amžiaus žmonių aktyvumą, savanorystę ir dalyvavimą darbo rinkoje.",
         "to encourage older people's activity, volunteering and participation in work."),
        ("07-029-P",)),
    generated_measure(
        "05-001-02-03-01", P21 + "5", "cpva", "erpf", "R",
        ("Integruotos teritorinės investicijos socialinei įtraukčiai",
         "Integrated territorial investment for social inclusion"),
        ("Finansuoti funkcinių zonų strategijose numatytus socialinės įtraukties projektus.",
         "to fund social inclusion projects set out in functional-zone strategies."),
        ("05-014-P",)),
]
MEASURES = {m.code: m for m in [*SEED_MEASURES, *GENERATED_MEASURES]}

FUND_GEN = {"erpf": "Europos regioninės plėtros fondo", "esf": "Europos socialinio fondo",
            "esf-plus": "Europos socialinio fondo+"}
FUND_EN = {"erpf": "the European Regional Development Fund",
           "esf": "the European Social Fund", "esf-plus": "the European Social Fund Plus"}


# --------------------------------------------------------------------------------------------
# Themes of generated projects
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Indicator:
    name: Pair
    unit: Pair
    low: int
    high: int


@dataclass(frozen=True)
class Outcome:
    """A sentence about the first indicator, with the noun forms for its number."""
    text: Pair                       # both with {count}
    forms_lt: tuple[str, str, str]
    forms_en: tuple[str, str]

    def render(self, number: int) -> Pair:
        return (self.text[0].format(count=lt_count(number, self.forms_lt)),
                self.text[1].format(count=en_count(number, self.forms_en)))


PEOPLE_LT = ("asmuo", "asmenys", "asmenų")
PEOPLE_EN = ("person", "people")


@dataclass(frozen=True)
class Theme:
    key: str
    target_groups: tuple[str, ...]
    services: tuple[str, ...]
    measures: tuple[str, ...]
    titles: tuple[Pair, ...]
    summaries: tuple[Pair, ...]
    needs: tuple[Pair, ...]
    goals: tuple[Pair, ...]
    results: tuple[Pair, ...]
    indicators: tuple[Indicator, ...]
    outcome: Outcome
    group: Pair                      # dative (LT) phrase: who the services are for
    tags: tuple[str, ...]
    capacity: tuple[int, int] | None = None
    national: bool = False

    def measures_of(self, period: str) -> list[MeasureSpec]:
        return [MEASURES[c] for c in self.measures if MEASURES[c].period == period]


THEMES = [
    Theme(
        "family",
        ("seimos-socialineje-rizikoje", "vaikai-socialineje-rizikoje", "krizines-seimos"),
        ("psichosocialine-pagalba", "kriziu-iveikimas", "vaiku-dienos-prieziura", "konsultavimas",
         "tarpininkavimas", "socialiniu-igudziu-ugdymas", "bendruomeniniai-seimos-namai"),
        ("08.4.1-ESFA-V-416", "09-003-02-01-01"),
        (("Kompleksinės paslaugos šeimai {where}", "Integrated services for families {where_en}"),
         ("Stipri šeima: pagalbos šeimoms tinklo plėtra {where}",
          "Strong Family: expanding the family support network {where_en}"),
         ("{city_gen} bendruomeniniai šeimos namai", "{city} community family homes"),
         ("Pozityvios tėvystės ir psichologinės pagalbos paslaugos {city_gen} šeimoms",
          "Positive parenting and psychological support for families in {city}")),
        (("Kompleksinė pagalba šeimoms {where}: psichologo konsultacijos, krizių įveikimas ir "
          "vaikų priežiūra.", "Integrated help for families {where_en}: psychological "
          "counselling, crisis support and childcare."),),
        (("{muni_gen} socialinių paslaugų teikėjai pastebi, kad vis daugiau šeimų pagalbos "
          "kreipiasi išgyvendamos skyrybas, netektį ar finansinius sunkumus.",
          "Social service providers {where_en} see more and more families asking for help "
          "during divorce, bereavement or financial hardship."),
         ("Iki šiol pagalba šeimoms {where} buvo išsklaidyta tarp kelių įstaigų, todėl "
          "dažnai nepasiekdavo tų, kuriems jos labiausiai reikia.",
          "Until now, help for families {where_en} was spread across several institutions, "
          "so it often missed those who needed it most.")),
        (("Sudaryti sąlygas šeimoms gauti kompleksišką pagalbą kuo arčiau namų ir stiprinti "
          "tėvystės įgūdžius.", "To give families integrated help close to home and to "
          "strengthen parenting skills."),
         ("Užtikrinti, kad krizėje atsidūrusios šeimos laiku gautų psichologinę ir socialinę "
          "pagalbą.", "To make sure families in crisis get psychological and social support "
          "in good time.")),
        (("Įkurti bendruomeniniai šeimos namai", "A community family home set up"),
         ("Suburta su šeimomis dirbančių specialistų komanda",
          "A team of specialists working with families formed"),
         ("Surengti pozityvios tėvystės mokymai", "Positive parenting courses held"),
         ("Išplėsta vaikų dienos socialinė priežiūra", "Children's day care extended")),
        (Indicator(("Šeimos, gavusios kompleksines paslaugas", "Families receiving integrated "
                    "services"), ("šeimos", "families"), 40, 400),
         Indicator(("Pozityvios tėvystės mokymų dalyviai", "Participants in positive parenting "
                    "courses"), ("asmenys", "people"), 20, 200)),
        Outcome(("Kompleksinę pagalbą gavo {count}.", "{count} received integrated support."),
                ("šeima", "šeimos", "šeimų"), ("family", "families")),
        ("šeimoms, auginančioms vaikus, ir krizę išgyvenantiems žmonėms",
         "families raising children and people going through a crisis"),
        ("šeimos", "vaikai")),
    Theme(
        "home-care",
        ("senyvo-amziaus-asmenys", "asmenys-su-negalia", "globejai-rupintojai"),
        ("pagalba-i-namus", "asmens-higiena", "maitinimas", "transportas", "laikinas-atokvepis",
         "dienos-socialine-globa"),
        ("08.4.2-ESFA-R-630", "09-003-02-03-01"),
        (("Integrali pagalba į namus {where}", "Integrated home care {where_en}"),
         ("Slaugos ir socialinės globos paslaugų namuose plėtra {where}",
          "Expanding nursing and social care at home {where_en}"),
         ("Mobili pagalbos į namus komanda {city_loc}", "A mobile home-care team in {city}"),
         ("Laikino atokvėpio paslaugos artimuosius slaugančioms {city_gen} šeimoms",
          "Respite care for families in {city} looking after a relative")),
        (("Pagalba į namus ir slaugos paslaugos vyresniems žmonėms ir asmenims su negalia "
          "{where}.", "Home help and nursing for older people and people with disabilities "
          "{where_en}."),),
        (("{muni_gen} gyventojai sparčiai sensta, o dalis vyresnių žmonių gyvena vieni ir be "
          "pagalbos nebegali tvarkytis buityje.", "The population {where_en} is ageing fast, "
          "and many older people live alone and can no longer manage everyday tasks unaided."),
         ("Artimieji, slaugantys sunkiai sergančius šeimos narius, dažnai negali suderinti "
          "slaugos ir darbo, o eilės į globos įstaigas ilgos.", "Relatives caring for "
          "seriously ill family members often cannot combine care with work, and waiting lists "
          "for care homes are long.")),
        (("Sudaryti sąlygas senyvo amžiaus žmonėms ir asmenims su negalia kuo ilgiau gyventi "
          "savo namuose.", "To let older and disabled people live in their own homes for as "
          "long as possible."),
         ("Teikti kompleksišką slaugos ir socialinės globos pagalbą namuose ir palengvinti "
          "artimųjų naštą.", "To provide combined nursing and social care at home and ease "
          "the burden on relatives.")),
        (("Suburtos mobilios slaugos ir socialinės globos komandos",
          "Mobile nursing and social care teams formed"),
         ("Įsigyti automobiliai specialistų kelionėms pas klientus",
          "Cars bought for specialists' home visits"),
         ("Apmokyti šeimos narius slaugantys artimieji", "Family carers trained"),
         ("Sutrumpėjo pagalbos į namus laukiančiųjų eilė", "Shorter waiting list for home help")),
        (Indicator(("Asmenys, gavę integralios pagalbos paslaugas",
                    "People receiving integrated home care"), ("asmenys", "people"), 30, 300),
         Indicator(("Įsigyti specialistų automobiliai", "Cars bought for specialists"),
                   ("vnt.", "units"), 1, 4)),
        Outcome(("Pagalbą namuose gavo {count}.", "{count} received care at home."),
                PEOPLE_LT, PEOPLE_EN),
        ("senyvo amžiaus žmonėms, suaugusiems asmenims su negalia ir juos prižiūrintiems "
         "artimiesiems", "older people, adults with disabilities and the relatives who look "
         "after them"),
        ("senjorai", "pagalba į namus")),
    Theme(
        "community-services",
        ("proto-ar-psichikos-negalia", "asmenys-su-negalia", "globejai-rupintojai"),
        ("grupinio-gyvenimo-namai", "apsaugotas-bustas", "dienos-socialine-globa",
         "socialines-dirbtuves", "idarbinimas-su-pagalba", "pagalba-priimant-sprendimus",
         "atvejo-vadyba"),
        ("08.4.1-ESFA-V-405", "08.1.1-CPVA-V-427", "08.3.2-ESFA-K-413", "09-003-02-02-01",
         "09-003-03-01-01"),
        (("Grupinio gyvenimo namai asmenims su negalia {city_loc}",
          "A group-living home for people with disabilities in {city}"),
         ("Socialinės dirbtuvės {city_loc}", "Social workshops in {city}"),
         ("Įdarbinimas su pagalba: darbo vietos žmonėms su negalia {where}",
          "Supported employment: jobs for people with disabilities {where_en}"),
         ("Bendruomeninės paslaugos asmenims su proto ir psichikos negalia {where}",
          "Community-based services for people with intellectual or psychosocial "
          "disabilities {where_en}"),
         ("Apsaugoto būsto paslaugų kūrimas {where}", "Setting up protected housing {where_en}")),
        (("Bendruomeninės paslaugos suaugusiems su proto ir psichikos negalia {where}: "
          "gyvenimas bendruomenėje, užimtumas ir darbas.", "Community-based services for "
          "adults with intellectual or psychosocial disabilities {where_en}: living in the "
          "community, day activities and work."),),
        (("Daug žmonių su proto ir psichikos negalia vis dar gyvena didelėse globos įstaigose, "
          "toli nuo artimųjų ir bendruomenės.", "Many people with intellectual or psychosocial "
          "disabilities still live in large care institutions, far from their families and "
          "communities."),
         ("Šeimos, auginančios suaugusius vaikus su negalia, ilgai laukia dienos užimtumo ir "
          "darbo galimybių.", "Families with adult children with disabilities wait a long "
          "time for day activities and work opportunities.")),
        (("Sukurti institucinei globai alternatyvias paslaugas, kad žmonės su negalia galėtų "
          "gyventi bendruomenėje.", "To create alternatives to institutional care so that "
          "people with disabilities can live in the community."),
         ("Padėti asmenims su negalia įgyti darbo įgūdžių ir rasti vietą atviroje darbo "
          "rinkoje.", "To help people with disabilities gain work skills and find a place in "
          "the open labour market.")),
        (("Įrengti grupinio gyvenimo namai", "A group-living home fitted out"),
         ("Įsteigtos socialinės dirbtuvės", "Social workshops opened"),
         ("Dalis dalyvių įsidarbino atviroje darbo rinkoje",
          "Some participants found jobs on the open labour market"),
         ("Parengti darbo asistentai ir atvejo vadybininkai",
          "Job coaches and case managers trained")),
        (Indicator(("Asmenys su negalia, gavę bendruomenines paslaugas",
                    "People with disabilities receiving community-based services"),
                   ("asmenys", "people"), 10, 120),
         Indicator(("Vietos grupinio gyvenimo namuose", "Places in group-living homes"),
                   ("vietos", "places"), 6, 20)),
        Outcome(("Bendruomenines paslaugas gavo {count} su negalia.",
                 "{count} with disabilities received community-based services."),
                PEOPLE_LT, PEOPLE_EN),
        ("suaugusiems asmenims su proto ir (ar) psichikos negalia bei jų artimiesiems",
         "adults with intellectual or psychosocial disabilities and their families"),
        ("negalia", "institucinės globos pertvarka"), capacity=(6, 20), national=True),
    Theme(
        "housing",
        ("socialines-rizikos-asmenys", "suauge-socialineje-rizikoje", "socialiai-pazeidziami"),
        ("savarankisko-gyvenimo-namai", "laikinas-apnakvindinimas", "socialiniu-igudziu-ugdymas",
         "maitinimas", "asmens-higiena", "konsultavimas"),
        ("08.1.1-CPVA-R-407", "08.1.2-CPVA-R-408", "09-002-01-02-01", "09-003-03-01-01"),
        (("Savarankiško gyvenimo namų įkūrimas {city_loc}",
          "Setting up an independent-living home in {city}"),
         ("Nakvynės namų modernizavimas {where}", "Modernising the night shelter {where_en}"),
         ("Socialinio būsto fondo plėtra {where}", "Expanding social housing {where_en}"),
         ("Krizių centro ir laikino apnakvindinimo paslaugų plėtra {where}",
          "Expanding the crisis centre and night shelter {where_en}")),
        (("Apgyvendinimas ir socialinių įgūdžių ugdymas socialinės rizikos asmenims {where}.",
          "Accommodation and social-skills support for people at social risk {where_en}."),),
        (("{where} trūksta vietų žmonėms, kurie dėl smurto, priklausomybių ar skolų neteko "
          "būsto.", "There are too few places {where_en} for people who have lost their homes "
          "through violence, addiction or debt."),
         ("Nakvynės namų pastatas {city_loc} nusidėvėjęs ir nebeatitinka higienos normų.",
          "The night shelter building in {city} is worn out and no longer meets hygiene "
          "standards.")),
        (("Suremontuoti patalpas ir įkurti vietas, kuriose socialinės rizikos asmenys mokytųsi "
          "savarankiškai tvarkytis.", "To renovate premises and create places where people at "
          "social risk can learn to manage on their own."),
         ("Pagerinti laikino apgyvendinimo sąlygas ir padėti gyventojams grįžti į darbo rinką.",
          "To improve temporary accommodation and help residents return to work.")),
        (("Atliktas pastato kapitalinis remontas", "Major renovation of the building completed"),
         ("Įrengti gyvenamieji kambariai su virtuvėle", "Rooms with kitchenettes fitted out"),
         ("Gyventojams padeda socialinis darbuotojas", "Residents supported by a social worker"),
         ("Įsigyti socialiniai būstai", "Social housing units acquired")),
        (Indicator(("Sukurtos apgyvendinimo vietos", "Accommodation places created"),
                   ("vietos", "places"), 8, 40),
         Indicator(("Modernizuoti socialinių paslaugų pastatai",
                    "Social service buildings modernised"), ("vnt.", "units"), 1, 2)),
        Outcome(("Atnaujintose patalpose gali gyventi {count}.",
                 "The renovated premises can house {count}."),
                ("žmogus", "žmonės", "žmonių"), PEOPLE_EN),
        ("socialinę riziką patiriantiems suaugusiems, iš įkalinimo įstaigų grįžusiems ir būstą "
         "praradusiems žmonėms", "adults at social risk, people released from prison and "
         "people who have lost their homes"),
        ("socialinė rizika", "būstas"), capacity=(8, 40)),
    Theme(
        "youth",
        ("jaunimas", "vaikai-socialineje-rizikoje"),
        ("sociokulturines", "konsultavimas", "socialiniu-igudziu-ugdymas", "informavimas",
         "tarpininkavimas"),
        ("07.3.1-ESFA-V-404", "09-001-01-01-01"),
        (("Atviras jaunimo centras {city_loc}", "An open youth centre in {city}"),
         ("Jaunimo užimtumo ir motyvacijos programa {where}",
          "Youth activity and motivation programme {where_en}"),
         ("Mobilus darbas su jaunimu {where}", "Mobile youth work {where_en}"),
         ("Kelias į darbą: pagalba nesimokančiam ir nedirbančiam jaunimui {where}",
          "Pathway to work: support for young people not in education or employment "
          "{where_en}")),
        (("Užimtumas, konsultacijos ir pagalba ieškant darbo mažiau galimybių turinčiam "
          "jaunimui {where}.", "Activities, counselling and job-search help for young people "
          "with fewer opportunities {where_en}."),),
        (("Dalis {city_gen} jaunuolių nesimoko ir nedirba, o laisvalaikį dažnai leidžia "
          "gatvėje.", "Some young people {where_en} are neither studying nor working, and "
          "often spend their free time on the street."),
         ("Jaunimo darbuotojų {where} trūksta, ypač atokesnėse seniūnijose.",
          "There are too few youth workers {where_en}, especially in remote wards.")),
        (("Padėti jauniems žmonėms atrasti savo stipriąsias puses, grįžti į mokslą ar rasti "
          "darbą.", "To help young people discover their strengths and return to education or "
          "find work."),
         ("Sukurti saugią erdvę jaunimui ir sumažinti rizikingo elgesio atvejų.",
          "To create a safe space for young people and reduce risky behaviour.")),
        (("Įrengtos atviros jaunimo erdvės", "Open youth spaces fitted out"),
         ("Jaunuoliai dalyvavo motyvacijos ir karjeros planavimo užsiėmimuose",
          "Young people took part in motivation and career-planning sessions"),
         ("Dalis dalyvių grįžo į mokyklą arba įsidarbino",
          "Some participants went back to school or found jobs")),
        (Indicator(("Jaunuoliai, dalyvavę veiklose", "Young people taking part"),
                   ("asmenys", "people"), 50, 500),
         Indicator(("Jaunuoliai, įsidarbinę ar grįžę mokytis",
                    "Young people in work or education afterwards"), ("asmenys", "people"),
                   10, 120)),
        Outcome(("Veiklose dalyvavo {count}.", "{count} took part in the activities."),
                ("jaunuolis", "jaunuoliai", "jaunuolių"), ("young person", "young people")),
        ("mažiau galimybių turintiems 14–29 metų jauniems žmonėms",
         "young people aged 14 to 29 with fewer opportunities"),
        ("jaunimas",)),
    Theme(
        "foster-care",
        ("be-tevu-globos-vaikai", "globejai", "vaikai-socialineje-rizikoje"),
        ("bendruomeniniai-seimos-namai", "konsultavimas", "laikinas-atokvepis",
         "psichosocialine-pagalba", "atvejo-vadyba"),
        ("08.4.1-ESFA-VT-418", "09-003-02-02-02"),
        (("Globėjų ir įtėvių paramos centras {city_loc}",
          "A support centre for foster and adoptive parents in {city}"),
         ("Šeimos namai vaikams be tėvų globos {where}",
          "Family homes for children without parental care {where_en}"),
         ("Budinčių globotojų tinklo plėtra {where}",
          "Expanding the network of emergency foster carers {where_en}")),
        (("Pagalba globėjams, budintiems globotojams ir įtėviams {where}.",
          "Support for foster carers, emergency carers and adoptive parents {where_en}."),),
        (("{where} vis dar trūksta globėjų, todėl dalis vaikų ilgai laukia šeimos.",
          "There are still too few foster carers {where_en}, so some children wait a long "
          "time for a family."),
         ("Globojančios šeimos sako, kad joms stinga specialistų konsultacijų ir galimybės "
          "trumpam pailsėti.", "Foster families say they lack specialist advice and the chance "
          "to take a short break.")),
        (("Pritraukti daugiau globėjų ir suteikti jiems nuolatinę specialistų pagalbą.",
          "To attract more foster carers and give them ongoing specialist support."),
         ("Užtikrinti, kad kiekvienas be tėvų globos likęs vaikas augtų šeimoje.",
          "To ensure that every child without parental care grows up in a family.")),
        (("Parengti nauji globėjai ir budintys globotojai",
          "New foster carers and emergency carers trained"),
         ("Globėjams teikiamos atvejo vadybos ir psichologo konsultacijos",
          "Foster carers receive case management and psychological counselling"),
         ("Įkurti bendruomeniniai vaikų globos namai", "Community children's homes opened")),
        (Indicator(("Vaikai, apgyvendinti šeimose", "Children placed in families"),
                   ("vaikai", "children"), 5, 80),
         Indicator(("Parengti globėjai", "Foster carers trained"), ("šeimos", "families"),
                   5, 60)),
        Outcome(("Šeimoje augti galimybę gavo {count}.",
                 "{count} found a home in a family."),
                ("vaikas", "vaikai", "vaikų"), ("child", "children")),
        ("likusiems be tėvų globos vaikams ir juos globojančioms šeimoms",
         "children without parental care and the families fostering them"),
        ("globa", "vaikai"), national=True),
    Theme(
        "active-ageing",
        ("vyresni-nei-54", "senyvo-amziaus-asmenys", "socialine-atskirtis"),
        ("sociokulturines", "informavimas", "konsultavimas", "socialiniu-igudziu-ugdymas"),
        ("08.3.2-ESFA-K-415", "09-004-01-01-01"),
        (("Aktyvus senėjimas {where}", "Active ageing {where_en}"),
         ("Savanorystė vyresniems: patirtis bendruomenei {where}",
          "Volunteering for older people: experience for the community {where_en}"),
         ("Senjorų akademija {city_loc}", "Seniors' academy in {city}"),
         ("Vyresnių nei 54 metų asmenų grįžimas į darbo rinką {where}",
          "Bringing people over 54 back into work {where_en}")),
        (("Aktyvaus senėjimo veiklos, savanorystė ir mokymai vyresniems nei 54 metų žmonėms "
          "{where}.", "Active-ageing activities, volunteering and training for people over 54 "
          "{where_en}."),),
        (("Vyresni nei 54 metų {city_gen} gyventojai dažniau nei kiti susiduria su vienatve ir "
          "diskriminacija darbo rinkoje.", "Residents {where_en} aged over 54 face loneliness "
          "and age discrimination at work more often than others."),
         ("Daug vyresnio amžiaus žmonių norėtų savanoriauti ar mokytis, bet nežino, kur "
          "kreiptis.", "Many older people would like to volunteer or learn, but do not know "
          "where to turn.")),
        (("Skatinti vyresnio amžiaus žmonių aktyvumą, savanorystę ir dalyvavimą bendruomenės "
          "gyvenime.", "To encourage older people to stay active, volunteer and take part in "
          "community life."),
         ("Padidinti vyresnių nei 54 metų asmenų galimybes dalyvauti darbo rinkoje.",
          "To improve job prospects for people over 54.")),
        (("Surengti bendrųjų gebėjimų mokymai", "General skills training held"),
         ("Vyresni žmonės savanoriavo bendruomenės organizacijose",
          "Older people volunteered in community organisations"),
         ("Surengta informacinė kampanija prieš amžiaus diskriminaciją",
          "An information campaign against age discrimination run")),
        (Indicator(("Vyresni nei 54 metų dalyviai", "Participants aged over 54"),
                   ("asmenys", "people"), 40, 400),
         Indicator(("Savanoriai", "Volunteers"), ("asmenys", "people"), 10, 80)),
        Outcome(("Veiklose dalyvavo {count}, vyresnių nei 54 metų.",
                 "{count} over 54 took part in the activities."),
                ("gyventojas", "gyventojai", "gyventojų"), ("resident", "residents")),
        ("dirbantiems ir nedirbantiems vyresniems nei 54 metų žmonėms",
         "people over 54, both in and out of work"),
        ("senjorai", "54+")),
    Theme(
        "inclusion",
        ("socialine-atskirtis", "kiti-asmenys", "socialiai-pazeidziami"),
        ("informavimas", "konsultavimas", "tarpininkavimas", "maitinimas", "sociokulturines"),
        ("08.6.1-ESFA-T-927", "08.4.2-ESFA-K-631", "05-001-02-03-01"),
        (("Bendruomenės pagalbos centras {city_loc}", "A community help centre in {city}"),
         ("Socialinių paslaugų informavimo platforma {where}",
          "An information platform on social services {where_en}"),
         ("Vietos bendruomenių iniciatyvos prieš atskirtį {where}",
          "Local community initiatives against exclusion {where_en}"),
         ("Socialinės atskirties mažinimas {where}", "Reducing social exclusion {where_en}")),
        (("Informavimas, konsultacijos ir tarpininkavimas socialinę atskirtį patiriantiems "
          "gyventojams {where}.", "Information, counselling and mediation for residents "
          "experiencing social exclusion {where_en}."),),
        (("Dalis socialinę atskirtį patiriančių {city_gen} gyventojų nežino, kokios paslaugos "
          "jiems priklauso ir kur kreiptis.", "Some residents {where_en} who experience social "
          "exclusion do not know which services they are entitled to or where to go."),
         ("Nevyriausybinės organizacijos {where} teikia daug naudingų paslaugų, tačiau apie "
          "jas žino nedaugelis.", "Non-governmental organisations {where_en} offer many useful "
          "services, but few people know about them.")),
        (("Teikti informavimo ir konsultavimo paslaugas ir padėti žmonėms gauti reikiamą "
          "pagalbą.", "To provide information and counselling and help people get the support "
          "they need."),
         ("Mažinti socialinę atskirtį stiprinant vietos bendruomenių veiklą.",
          "To reduce social exclusion by strengthening local community groups.")),
        (("Sukurta informacijos apie paslaugas platforma",
          "An information platform on services created"),
         ("Teikiamos individualios ir grupinės konsultacijos",
          "Individual and group counselling provided"),
         ("Sustiprėjo nevyriausybinių organizacijų bendradarbiavimas",
          "Stronger cooperation between NGOs")),
        (Indicator(("Asmenys, gavę informavimo ir konsultavimo paslaugas",
                    "People receiving information and counselling"), ("asmenys", "people"),
                   50, 600),),
        Outcome(("Informavimo ir konsultavimo paslaugas gavo {count}.",
                 "{count} received information and counselling."), PEOPLE_LT, PEOPLE_EN),
        ("socialinę atskirtį patiriantiems gyventojams",
         "residents experiencing social exclusion"),
        ("socialinė atskirtis", "bendruomenė")),
    Theme(
        "children-disability",
        ("vaikai-su-negalia", "globejai-rupintojai"),
        ("laikinas-atokvepis", "dienos-socialine-globa", "trumpalaike-globa", "transportas",
         "psichosocialine-pagalba"),
        ("08.3.2-ESFA-K-413", "08.1.3-CPVA-R-409", "09-003-02-01-01"),
        (("Dienos centras vaikams su negalia {city_loc}",
          "A day centre for children with disabilities in {city}"),
         ("Atokvėpio paslaugos šeimoms, auginančioms vaikus su negalia, {where}",
          "Respite care for families raising children with disabilities {where_en}"),
         ("Ankstyvoji pagalba vaikams su raidos sutrikimais {where}",
          "Early support for children with developmental disorders {where_en}")),
        (("Dienos globa, atokvėpis ir psichologinė pagalba šeimoms, auginančioms vaikus su "
          "negalia, {where}.", "Day care, respite and psychological support for families "
          "raising children with disabilities {where_en}."),),
        (("Tėvai, auginantys vaikus su sunkia negalia, {where} dažnai negali dirbti, nes "
          "trūksta dienos globos vietų.", "Parents of children with severe disabilities "
          "{where_en} often cannot work because there are too few day-care places."),
         ("Šeimoms, auginančioms vaikus su negalia, sunku pasiekti specialistus, ypač kaimo "
          "vietovėse.", "Families raising children with disabilities find it hard to reach "
          "specialists, especially in rural areas.")),
        (("Sudaryti sąlygas vaikams su negalia gauti dienos globą arti namų, o tėvams – "
          "suderinti šeimos ir darbo pareigas.", "To offer children with disabilities day "
          "care close to home and help parents balance family and work."),
         ("Suteikti šeimoms galimybę trumpam pailsėti ir gauti psichologinę pagalbą.",
          "To give families a short break and psychological support.")),
        (("Įrengtos dienos centro patalpos", "Day-centre premises fitted out"),
         ("Įsigytas pritaikytas automobilis vaikams vežti", "An adapted vehicle bought"),
         ("Tėvams teikiamos psichologo konsultacijos", "Parents receive psychological "
          "counselling")),
        (Indicator(("Vaikai su negalia, gavę paslaugas",
                    "Children with disabilities receiving services"), ("vaikai", "children"),
                   10, 80),
         Indicator(("Įkurtos dienos globos vietos", "Day-care places created"),
                   ("vietos", "places"), 8, 30)),
        Outcome(("Paslaugas gavo {count} su negalia.",
                 "{count} with disabilities received services."),
                ("vaikas", "vaikai", "vaikų"), ("child", "children")),
        ("vaikams su negalia ir juos auginančioms šeimoms",
         "children with disabilities and the families raising them"),
        ("negalia", "vaikai"), capacity=(8, 30)),
]
THEME_BY_KEY = {theme.key: theme for theme in THEMES}


# --------------------------------------------------------------------------------------------
# Providers
# --------------------------------------------------------------------------------------------

@dataclass
class Provider:
    id: str
    site: str
    name: str
    kind: str                        # provider_type
    municipality: str | None
    name_en: str = ""
    services: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    department: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    city: str = ""


SEED_PROVIDERS = [
    Provider("provider-nrd", "nacionalinis",
             "Neįgaliųjų reikalų departamentas prie Socialinės apsaugos ir darbo ministerijos",
             "valstybes-institucija", None,
             "Department for the Affairs of the Disabled under the Ministry of Social Security "
             "and Labour", ["socialines-dirbtuves"],
             ["proto-ar-psichikos-negalia", "asmenys-su-negalia"]),
    Provider("provider-antaa", "nacionalinis",
             "Asmens su negalia teisių apsaugos agentūra prie Socialinės apsaugos ir darbo "
             "ministerijos", "valstybes-institucija", None,
             "Agency for the Protection of the Rights of Persons with Disabilities under the "
             "Ministry of Social Security and Labour", ["atvejo-vadyba"],
             ["proto-ar-psichikos-negalia", "globejai-rupintojai"]),
    Provider("provider-alytus-admin", "alytus", "Alytaus miesto savivaldybės administracija",
             "savivaldybes-administracija", "alytus", "Alytus City Municipality Administration",
             ["savarankisko-gyvenimo-namai"],
             ["socialines-rizikos-asmenys"], department="Socialinės paramos skyrius",
             city="Alytus"),
    Provider("provider-kalvarija-admin", "kalvarija", "Kalvarijos savivaldybės administracija",
             "savivaldybes-administracija", "kalvarija", "Kalvarija Municipality Administration",
             ["atvejo-vadyba"],
             ["proto-ar-psichikos-negalia", "globejai-rupintojai"],
             department="Socialinių reikalų skyrius", phone="+370 633 87 850",
             street="Laisvės g. 2", city="Kalvarija"),
    Provider("provider-vievio-neigaliuju-draugija", "elektrenai", "Vievio neįgaliųjų draugija",
             "nvo", "elektrenai", "Vievis Society of the Disabled", ["socialines-dirbtuves"],
             ["proto-ar-psichikos-negalia"],
             city="Vievis"),
]

SEED_PROVIDER_TEXT: dict[str, Pair] = {
    "provider-nrd": (
        "Valstybės institucija, koordinavusi neįgaliųjų socialinės integracijos politiką ir "
        "institucinės globos pertvarkos projektus. Jos darbus tęsia Asmens su negalia teisių "
        "apsaugos agentūra.",
        "A state body that coordinated disability inclusion policy and the projects on the "
        "transition from institutional care. Its work is continued by the Agency for the "
        "Protection of the Rights of Persons with Disabilities."),
    "provider-antaa": (
        "Valstybės institucija, perėmusi Neįgaliųjų reikalų departamento funkcijas. Vadovauja "
        "2021–2027 m. projektui, kuriuo visoje Lietuvoje kuriamos bendruomeninės paslaugos "
        "asmenims su proto ir (ar) psichikos negalia.",
        "A state body that took over the functions of the Department for the Affairs of the "
        "Disabled. It leads the 2021–2027 project that sets up community-based services for "
        "people with intellectual or psychosocial disabilities across Lithuania."),
    "provider-alytus-admin": (
        "Savivaldybės administracija, įgyvendinanti socialinių paslaugų plėtros projektus "
        "Alytaus mieste.",
        "The municipal administration that carries out social service projects in Alytus."),
    "provider-kalvarija-admin": (
        "Savivaldybės administracija. Jos Socialinių reikalų skyrius organizuoja atvejo vadybą "
        "asmenims su intelekto ir (ar) psichikos negalia.",
        "The municipal administration. Its Social Affairs Division organises case management "
        "for people with intellectual or psychosocial disabilities."),
    "provider-vievio-neigaliuju-draugija": (
        "Nevyriausybinė organizacija Vievyje. Socialinėse dirbtuvėse darbingo amžiaus žmonės su "
        "proto ir psichikos negalia, padedami specialistų, atlieka tikras darbo užduotis ir "
        "mokosi dirbti.",
        "A non-governmental organisation in Vievis. In its social workshops, working-age people "
        "with intellectual and psychosocial disabilities do real work tasks with the help of "
        "specialists and learn to work."),
}

NGO_NAMES = (
    "Asociacija „Šeimų erdvė“", "Labdaros ir paramos fondas „Gerumo ratas“",
    "VšĮ „Atvira jaunimo erdvė“", "Asociacija „Šviesos namai“", "Bendrija „Tiltas į namus“",
    "Asociacija „Senjorų klubas“", "VšĮ „Pagalbos ranka“", "Asociacija „Drauge lengviau“",
    "VšĮ „Saulėta kasdienybė“", "Labdaros fondas „Šilta vakarienė“",
    "Asociacija „Globėjų ratas“", "VšĮ „Antras kvėpavimas“", "Asociacija „Mūsų kiemas“",
    "VšĮ „Žingsnis kartu“", "Bendruomenės centras „Ąžuolas“",
)
NATIONAL_NGOS = (("Asociacija „Bendruomeninių paslaugų tinklas“", "community-services"),
                 ("Lietuvos globėjų ir įtėvių sąjunga „Šeimos šviesa“", "foster-care"))
INSTITUTIONS = (  # (name suffix, English suffix, theme): budgetary institutions
    ("globos namai", "Care Home", "home-care"), ("nakvynės namai", "Night Shelter", "housing"),
    ("vaikų dienos centras", "Children's Day Centre", "children-disability"),
    ("šeimos centras", "Family Centre", "family"),
)
MUNICIPALITY_EN = {m[0]: m[2] for county in VOCAB.COUNTIES for m in county[3]}


class Identifiers:
    """Unique synthetic numbers: legal codes and phone numbers."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make: Any) -> str:
        value = make()
        while value in self.used:
            value = make()
        self.used.add(value)
        return value

    def legal_code(self, kind: str) -> str:
        prefix = {"savivaldybes-administracija": "188", "biudzetine-istaiga": "19",
                  "nvo": "30"}.get(kind, "29")
        return self._unique(lambda: prefix + "".join(
            str(self.rng.randint(0, 9)) for _ in range(9 - len(prefix))))

    def phone(self) -> str:
        return self._unique(lambda: f"+370 6{self.rng.randint(10, 99)} "
                                    f"{self.rng.randint(10, 99)} {self.rng.randint(100, 999)}")


class ProviderFactory:
    def __init__(self, rng: random.Random, ids: Identifiers) -> None:
        self.rng = rng
        self.ids = ids
        self.ngo_names = list(NGO_NAMES)
        rng.shuffle(self.ngo_names)

    def address(self, site: Site) -> tuple[str, str, str]:
        street = f"{self.rng.choice(site.streets)} {self.rng.randint(1, 60)}"
        return street, site.city, f"LT-{site.postal}{self.rng.randint(100, 999)}"

    def make(self, site: Site, key: str, names: Pair, kind: str, theme: Theme) -> Provider:
        services = self.rng.sample(theme.services, k=min(3, len(theme.services)))
        groups = list(theme.target_groups[:2])
        provider = Provider(f"provider-{site.slug}-{key}", site.slug, names[0], kind, site.slug,
                            names[1], services, groups, phone=self.ids.phone())
        provider.street, provider.city, _ = self.address(site)
        provider.email = f"{key}@{site.slug}.example"
        if kind == "savivaldybes-administracija":
            provider.department = self.rng.choice(
                ("Socialinės paramos skyrius", "Socialinių paslaugų skyrius",
                 "Socialinės paramos ir sveikatos skyrius"))
        return provider

    def for_site(self, site: Site, has_admin: bool) -> list[Provider]:
        themes = list(THEMES)
        self.rng.shuffle(themes)
        made = []
        if not has_admin:
            made.append(self.make(site, "admin", (f"{site.muni_gen} administracija",
                                                  f"{MUNICIPALITY_EN[site.slug]} Administration"),
                                  "savivaldybes-administracija", themes[0]))
        made.append(self.make(site, "spc", (f"{site.org} socialinių paslaugų centras",
                                            f"{site.city_en} Social Services Centre"),
                              "biudzetine-istaiga", THEME_BY_KEY["home-care"]))
        if site.slug in ("vilnius", "kaunas", "siauliai", "panevezys", "utena", "marijampole"):
            suffix, suffix_en, theme_key = self.rng.choice(INSTITUTIONS)
            made.append(self.make(site, slugify(suffix), (f"{site.org} {suffix}",
                                                          f"{site.city_en} {suffix_en}"),
                                  "biudzetine-istaiga", THEME_BY_KEY[theme_key]))
        for number in range(1, self.rng.randint(1, 2) + 1):
            name = self.ngo_names.pop()
            made.append(self.make(site, f"nvo-{number}", (name, name), "nvo", themes[number]))
        return made

    def national(self) -> list[Provider]:
        made = []
        for number, (name, theme_key) in enumerate(NATIONAL_NGOS, start=1):
            provider = self.make(SITE_BY_SLUG["vilnius"], f"nvo-{number}", (name, name), "nvo",
                                 THEME_BY_KEY[theme_key])
            provider.id, provider.site = f"provider-nacionalinis-nvo-{number}", "nacionalinis"
            provider.email = f"info{number}@nacionalinis.example"
            made.append(provider)
        return made


DEPARTMENT_EN = {"Socialinės paramos skyrius": "Social Support Division",
                 "Socialinių paslaugų skyrius": "Social Services Division",
                 "Socialinės paramos ir sveikatos skyrius": "Social Support and Health Division",
                 "Socialinių reikalų skyrius": "Social Affairs Division"}

PROVIDER_KIND = {
    "savivaldybes-administracija": ("savivaldybės administracija", "the municipal administration"),
    "biudzetine-istaiga": ("savivaldybės biudžetinė įstaiga", "a municipal budgetary institution"),
    "nvo": ("nevyriausybinė organizacija", "a non-governmental organisation"),
    "valstybes-institucija": ("valstybės institucija", "a state institution"),
}


def provider_description(provider: Provider) -> Pair:
    if provider.id in SEED_PROVIDER_TEXT:
        lt, en = SEED_PROVIDER_TEXT[provider.id]
        return paragraphs(lt), paragraphs(en)
    site = SITE_BY_SLUG[provider.site]
    kind = PROVIDER_KIND[provider.kind]
    groups = [GROUP_LABELS[g] for g in provider.groups]
    return (paragraphs(
        f"{provider.name} – {kind[0]}, teikianti socialines paslaugas {site.muni_gen} "
        "gyventojams.",
        f"Pagrindinės paslaugos: {services_text(provider.services, 0)}.",
        f"Daugiausia dirba su šiomis grupėmis: {'; '.join(lower_first(g[0]) for g in groups)}."),
        paragraphs(
        f"{provider.name_en} is {kind[1]} providing social services {site.where_en}.",
        f"Main services: {services_text(provider.services, 1)}.",
        f"It works mainly with: {'; '.join(lower_first(g[1]) for g in groups)}."))


def provider_lines(provider: Provider, ids: Identifiers | None,
                   predecessor: str | None = None) -> tuple[Line, Line | None]:
    """The provider and, where it has an English name, its translation."""
    line = provider_line(provider, ids, predecessor)
    if provider.name_en == provider.name:
        return line, None
    en: Line = {"title": provider.name_en, "slug": slugify(provider.name_en),
                "description": provider_description(provider)[1]}
    if provider.department:
        en["department"] = DEPARTMENT_EN[provider.department]
    return line, en


def provider_line(provider: Provider, ids: Identifiers | None,
                  predecessor: str | None = None) -> Line:
    line: Line = {"id": provider.id, "type": "provider", "site": provider.site,
                  "title": provider.name, "slug": slugify(provider.name),
                  "provider_type": provider.kind}
    if ids is not None:
        line["legal_code"] = ids.legal_code(provider.kind)
    optional = {"municipality": provider.municipality, "department": provider.department,
                "website": f"https://{slugify(provider.name)}.example/" if ids else None,
                "description": provider_description(provider)[0],
                "service_types": provider.services, "target_groups": provider.groups,
                "predecessor": predecessor, "street_address": provider.street,
                "city": provider.city, "contact_phone": provider.phone,
                "contact_email": provider.email}
    line.update({key: value for key, value in optional.items() if value})
    return line


# --------------------------------------------------------------------------------------------
# Measures as lines
# --------------------------------------------------------------------------------------------

def measure_amounts(spec: MeasureSpec, rng: random.Random) -> tuple[str | None, str | None]:
    if spec.seed:
        return spec.eu_amount, spec.total_amount
    total = Decimal(rng.randint(40, 600) * 100_000)
    return str((total * Decimal("0.85")).quantize(CENT)), str(total.quantize(CENT))


def measure_activities(spec: MeasureSpec) -> tuple[str, str] | None:
    theme = next((t for t in THEMES if spec.code in t.measures), None)
    if theme is None or spec.seed:
        return None
    labels = [SERVICE_LABELS[s] for s in theme.services[:4]]
    return (bullet_list([lower_first(lt) for lt, _ in labels]),
            bullet_list([lower_first(en) for _, en in labels]))


def applicants(spec: MeasureSpec) -> Pair:
    if spec.selection in ("K", "T"):
        return ("Nevyriausybinės organizacijos, savivaldybių administracijos ir joms pavaldžios "
                "biudžetinės įstaigos.", "Non-governmental organisations, municipal "
                "administrations and their budgetary institutions.")
    return ("Savivaldybių administracijos, joms pavaldžios biudžetinės įstaigos ir valstybės "
            "institucijos.", "Municipal administrations, their budgetary institutions and "
            "state agencies.")


def measure_lines(spec: MeasureSpec, rng: random.Random) -> tuple[Line, Line]:
    eu_amount, total_amount = measure_amounts(spec, rng)
    lt: Line = {"id": spec.id, "type": "measure", "site": "nacionalinis", "title": spec.name[0],
                "slug": slugify(spec.code), "code": spec.code, "priority": spec.priority,
                "fund": spec.fund, "selection_method": spec.selection, "summary": spec.summary[0]}
    en: Line = {"title": spec.name[1], "slug": slugify(spec.code), "summary": spec.summary[1]}
    if spec.agency:
        lt["agency"] = spec.agency
    if spec.objective:
        lt["specific_objective"], en["specific_objective"] = spec.objective
    if not spec.seed:
        lt["financing_form"], en["financing_form"] = ("Negrąžinamoji subsidija",
                                                      "Non-repayable grant")
        lt["eligible_applicants"], en["eligible_applicants"] = applicants(spec)
    activities = measure_activities(spec)
    if activities:
        lt["funded_activities"], en["funded_activities"] = activities
    if eu_amount:
        lt["eu_amount"], lt["total_amount"] = eu_amount, total_amount
    return lt, en


# --------------------------------------------------------------------------------------------
# Seed pages S0–S4 (domain-notes (b)), retold
# --------------------------------------------------------------------------------------------

def seed_s0() -> tuple[Line, Line]:
    lt: Line = {
        "id": "project-s0", "type": "project", "site": "alytus",
        "title": "Socialinių paslaugų plėtra Alytaus mieste",
        "slug": "socialiniu-paslaugu-pletra-alytaus-mieste",
        "project_code": "08.1.1-CPVA-R-407-11-0005", "call_code": "08.1.1-CPVA-R-407-11",
        "measure": "measure-08-1-1-cpva-r-407", "status": "completed",
        "lead_beneficiary": "provider-alytus-admin", "municipalities": ["alytus"],
        "target_groups": ["socialines-rizikos-asmenys", "suauge-socialineje-rizikoje",
                          "socialiai-pazeidziami"],
        "service_types": ["savarankisko-gyvenimo-namai"], "funds": ["erpf"],
        "eu_amount": "346361.00", "agreement_date": "2017-07-20", "capacity": 20,
        "street_address": "Ulonų g. 14B", "city": "Alytus",
        "summary": "Po kapitalinio pastato Ulonų g. 14B remonto Alytuje įkurti savarankiško "
                   "gyvenimo namai, kuriuose gali gyventi 20 socialinės rizikos žmonių.",
        "goal": "Kapitališkai suremontavus patalpas Ulonų g. 14B, sukurti Alytuje savarankiško "
                "gyvenimo namus socialinės rizikos žmonėms ir jų šeimų nariams.",
        "body": paragraphs(
            "Alytuje daugėja socialinės paramos gavėjų, todėl auga ir socialinių paslaugų "
            "poreikis. Turima miesto socialinių paslaugų infrastruktūra jo nebepatenkina – "
            "trūksta ir vietų, ir kokybės.",
            "2017 m. liepos 20 d. Alytaus miesto savivaldybės administracija ir Centrinė "
            "projektų valdymo agentūra pasirašė finansavimo sutartį Nr. "
            "08.1.1-CPVA-R-407-11-0005. Lėšos skirtos pagal 2014–2020 m. Europos Sąjungos "
            "fondų investicijų veiksmų programos 8 prioriteto „Socialinės įtraukties didinimas "
            "ir kova su skurdu“ priemonę Nr. 08.1.1-CPVA-R-407 „Socialinių paslaugų "
            "infrastruktūros plėtra“.",
            "Atnaujintame pastate įrengti savarankiško gyvenimo namai 20 gyventojų. Čia "
            "apgyvendinami socialinės rizikos asmenys, kuriems nebereikia nuolatinės ir "
            "intensyvios priežiūros: savo kambariuose jie patys tvarko buitį ir asmeninius "
            "reikalus, o socialinis darbuotojas padeda tiek, kiek kiekvienam reikia pagal jo "
            "savarankiškumą ir gebėjimus.",
            "Namai skirti socialinės rizikos asmenims ir jų šeimų nariams, socialiai "
            "pažeidžiamiems žmonėms, grįžusiems iš laisvės atėmimo vietų ar socialinės "
            "psichologinės reabilitacijos įstaigų, taip pat alytiškiams, kurie dėl smurto, "
            "kitokios prievartos ar kitų priežasčių neteko būsto arba laikinai iš jo išėjo.",
            "Gyvendami savarankiškai ir mokydamiesi buities bei socialinių įgūdžių, gyventojai "
            "tampa savarankiškesni, lengviau įsitraukia į visuomenės gyvenimą ir darbo rinką, "
            "gerėja jų gyvenimo kokybė.",
            "Projektui skirta 346 361,00 Eur Europos regioninės plėtros fondo lėšų."),
        "results": ["Kapitališkai suremontuotas pastatas Ulonų g. 14B, Alytuje",
                    "Įkurti savarankiško gyvenimo namai 20 gyventojų",
                    "Gyventojams teikiama socialinio darbuotojo pagalba ugdant savarankiškumą ir "
                    "buities įgūdžius"],
        "indicators": [{"name": "Vietos savarankiško gyvenimo namuose", "unit": "vietos",
                        "target": "20", "achieved": None}],
    }
    en: Line = {
        "title": "Development of social services in Alytus city",
        "slug": "development-of-social-services-in-alytus-city",
        "summary": "After a major renovation of the building at Ulonų g. 14B, Alytus has an "
                   "independent-living home for 20 people at social risk.",
        "goal": "To renovate the premises at Ulonų g. 14B and open an independent-living home "
                "in Alytus for people at social risk and their family members.",
        "body": paragraphs(
            "More and more people in Alytus depend on social support, so the demand for social "
            "services keeps growing. The city's existing facilities can no longer meet it, "
            "either in the number of places or in quality.",
            "On 20 July 2017 Alytus City Municipality Administration and the Central Project "
            "Management Agency signed funding agreement No 08.1.1-CPVA-R-407-11-0005. The money "
            "comes from measure 08.1.1-CPVA-R-407 “Development of social services "
            "infrastructure” under priority 8, “Promoting social inclusion and combating "
            "poverty”, of the Operational Programme for EU Funds Investments 2014–2020.",
            "The renovated building now houses an independent-living home for 20 residents. It "
            "is meant for people at social risk who no longer need constant, intensive care: "
            "they look after their rooms and personal affairs themselves, and a social worker "
            "helps each of them as much as their independence and abilities require.",
            "The home is for people at social risk and their families, socially vulnerable "
            "people, people returning from prison or from social and psychological "
            "rehabilitation centres, and Alytus residents who have lost or had to leave their "
            "homes because of violence, other abuse or other reasons.",
            "Living on their own and learning household and social skills, residents become "
            "more independent, find it easier to rejoin society and the labour market, and "
            "enjoy a better quality of life.",
            "The project received EUR 346,361.00 from the European Regional Development Fund."),
        "results": ["Major renovation of the building at Ulonų g. 14B, Alytus",
                    "An independent-living home for 20 residents opened",
                    "Residents supported by a social worker to build independence and household "
                    "skills"],
        "indicators": [{"name": "Places in the independent-living home", "unit": "places",
                        "target": "20", "achieved": None}],
    }
    return lt, en


S1_FAMILY_SERVICES = ["psichosocialine-pagalba", "kriziu-iveikimas", "vaiku-dienos-prieziura",
                      "tarpininkavimas", "transportas", "sociokulturines",
                      "socialiniu-igudziu-ugdymas", "bendruomeniniai-seimos-namai"]


def seed_s1_family() -> tuple[Line, Line]:
    # Planned; the Alytus project's own code is unverified, so no project_code. The municipality
    # presented it under a state-planning (V) measure, hence the administration as lead.
    lt: Line = {
        "id": "project-s1-seimai", "type": "project", "site": "alytus",
        "title": "Kompleksinės paslaugos šeimai Alytaus mieste",
        "slug": "kompleksines-paslaugos-seimai-alytaus-mieste",
        "measure": "measure-08-4-1-esfa-v-416", "status": "planned",
        "lead_beneficiary": "provider-alytus-admin", "municipalities": ["alytus"],
        "target_groups": ["seimos-socialineje-rizikoje", "krizines-seimos", "kiti-asmenys"],
        "service_types": S1_FAMILY_SERVICES, "funds": ["esf"],
        "summary": "Planuojamas projektas, kad Alytaus šeimos ir pavieniai gyventojai visą "
                   "reikalingą pagalbą galėtų gauti vienoje vietoje, arti namų.",
        "goal": "Užtikrinti, kad alytiškiai – šeimos ir pavieniai asmenys – arti namų gautų "
                "kompleksišką pagalbą: nuo tėvystės mokymų ir psichologo konsultacijų iki "
                "vaikų priežiūros ir pavėžėjimo.",
        "body": paragraphs(
            "Projektą Alytaus miesto savivaldybė pristatė kaip vieną iš planuojamų pagal "
            "2014–2020 m. ES fondų investicijų veiksmų programos priemonę „Kompleksinės "
            "paslaugos šeimai“.",
            "Numatyta kompleksiškai teikti pozityvios tėvystės mokymus, psichosocialinę ir "
            "krizių įveikimo pagalbą, vaikų priežiūrą, mediaciją, sociokultūrines paslaugas, "
            "socialinių įgūdžių ugdymą ir palaikymą bei pavėžėjimą. Kad paslaugos atitiktų "
            "poreikius, apklausiamos miesto šeimos.",
            "Projekto sutarties numeris kol kas nepaskelbtas."),
        "results": ["Įkurti bendruomeniniai šeimos namai",
                    "Stiprinama socialinės atskirties prevencija",
                    "Suburtos ir dirba specialistų komandos",
                    "Šeimoms lengviau suderinti šeimos ir darbo pareigas",
                    "Paslaugų teikėjai dalijasi informacija ir bendradarbiauja",
                    "Alytuje išplėtotos kompleksinės paslaugos šeimai"],
    }
    en: Line = {
        "title": "Integrated services for families in Alytus",
        "slug": "integrated-services-for-families-in-alytus",
        "summary": "A planned project to let families and individuals in Alytus get all the "
                   "help they need in one place, close to home.",
        "goal": "To make sure Alytus families and individuals can get integrated help close to "
                "home, from parenting courses and psychological counselling to childcare and "
                "transport.",
        "body": paragraphs(
            "Alytus City Municipality presented the project as one it plans to carry out under "
            "the “Integrated services for families” measure of the Operational Programme for "
            "EU Funds Investments 2014–2020.",
            "The plan is to offer, as one package, positive parenting courses, psychosocial and "
            "crisis support, childcare, mediation, socio-cultural services, social skills "
            "training and transport. Families in the city are being surveyed so that the "
            "services match their needs.",
            "The project's agreement number has not been published yet."),
        "results": ["Community family homes set up", "Stronger prevention of social exclusion",
                    "Teams of specialists formed and at work",
                    "Families find it easier to balance family and work",
                    "Service providers share information and work together",
                    "Integrated family services developed in Alytus"],
    }
    return lt, en


def seed_s1_54plus() -> tuple[Line, Line]:
    # Planned; competition (K) measure and no applicant named in the source: no lead given.
    lt: Line = {
        "id": "project-s1-54plius", "type": "project", "site": "alytus",
        "title": "Projektas „54+“ Alytaus mieste", "slug": "projektas-54-alytaus-mieste",
        "measure": "measure-08-3-2-esfa-k-415", "status": "planned",
        "municipalities": ["alytus"], "target_groups": ["vyresni-nei-54"],
        "service_types": ["sociokulturines", "informavimas"], "funds": ["esf"],
        "summary": "Planuojamas projektas vyresniems nei 54 metų alytiškiams: aktyvus "
                   "senėjimas, savanorystė ir mažesnė socialinė atskirtis.",
        "goal": "Padėti vyresniems nei 54 metų žmonėms, dirbantiems ir nedirbantiems, aktyviai "
                "dalyvauti sprendžiant socialinius ir pilietinius klausimus, stiprinti jų "
                "padėtį darbo rinkoje ir mažinti socialinę atskirtį.",
        "body": paragraphs(
            "Projektą Alytaus miesto savivaldybė pristatė kartu su projektu „Kompleksinės "
            "paslaugos šeimai“. Jis planuojamas pagal 2014–2020 m. ES fondų investicijų "
            "veiksmų programos priemonę „54+“.",
            "Vyresni alytiškiai bus kviečiami į aktyvaus senėjimo veiklas, savanoriauti "
            "savanorius priimančiose organizacijose ir mokytis bendrųjų gebėjimų."),
        "results": ["Tikslinės grupės žmonės dalyvauja aktyvaus senėjimo veiklose",
                    "Plėtojama savanorystė savanorius priimančiose organizacijose",
                    "Surengti bendrųjų gebėjimų mokymai",
                    "Paskatintas institucijų ir organizacijų bendradarbiavimas",
                    "Surengtos informacinės kampanijos prieš vyresnio amžiaus žmonių "
                    "diskriminaciją"],
    }
    en: Line = {
        "title": "The “54+” project in Alytus", "slug": "the-54-project-in-alytus",
        "summary": "A planned project for Alytus residents over 54: active ageing, volunteering "
                   "and less social exclusion.",
        "goal": "To help people over 54, in work or not, take an active part in social and "
                "civic life, improve their position on the labour market and reduce social "
                "exclusion.",
        "body": paragraphs(
            "Alytus City Municipality presented this project together with “Integrated services "
            "for families”. It is planned under the “54+” measure of the Operational Programme "
            "for EU Funds Investments 2014–2020.",
            "Older residents will be invited to active-ageing activities, to volunteer with "
            "host organisations and to take general skills training."),
        "results": ["People in the target group take part in active-ageing activities",
                    "Volunteering developed in host organisations",
                    "General skills training held",
                    "Cooperation between institutions and organisations encouraged",
                    "Information campaigns against age discrimination run"],
    }
    return lt, en


def seed_s1_news() -> tuple[Line, Line]:
    people_lt = [("Valė Gibienė", "Alytaus miesto savivaldybės mero pavaduotoja"),
                 ("Silvija Peštenienė",
                  "Alytaus miesto savivaldybės administracijos direktoriaus pavaduotoja"),
                 ("Rima Mockevičienė", "Socialinės paramos skyriaus vedėjo pavaduotoja")]
    positions_en = ["Deputy Mayor of Alytus City Municipality",
                    "Deputy Director of Alytus City Municipality Administration",
                    "Deputy Head of the Social Support Division"]
    lt: Line = {
        "id": "news-s1", "type": "news", "site": "alytus",
        "title": "Alytuje pristatyti planuojami projektai šeimoms ir vyresniems nei 54 metų "
                 "gyventojams", "slug": "alytuje-pristatyti-planuojami-projektai-seimoms-ir-54",
        "kind": "event", "municipality": "alytus",
        "about_projects": ["project-s1-seimai", "project-s1-54plius"],
        "about_measures": ["measure-08-4-1-esfa-v-416", "measure-08-3-2-esfa-k-415"],
        "mentioned_providers": ["provider-alytus-admin"],
        "people": [{"name": n, "position": p} for n, p in people_lt],
        "tags": ["šeimos", "54+", "socialinė atskirtis"],
        "image_credit": "Alytaus miesto savivaldybė",
        "lead": "Alytaus miesto savivaldybė pristatė du projektus, kuriuos ketina įgyvendinti "
                "pagal 2014–2020 m. ES fondų investicijų veiksmų programos priemones "
                "„Kompleksinės paslaugos šeimai“ ir „54+“. Abiem siekiama, kad mieste mažėtų "
                "socialinė atskirtis.",
        "body": paragraphs(
            "Pristatyme dalyvavo mero pavaduotoja Valė Gibienė, administracijos direktoriaus "
            "pavaduotoja Silvija Peštenienė, Socialinės paramos ir Vaiko teisių apsaugos "
            "skyrių darbuotojai, savivaldybės įstaigų ir nevyriausybinių organizacijų atstovai.",
            "Apie abiejų projektų tikslus, uždavinius ir laukiamus rezultatus papasakojo "
            "Socialinės paramos skyriaus vedėjo pavaduotoja Rima Mockevičienė.")
        + "<h3>Kompleksinės paslaugos šeimai</h3>" + paragraphs(
            "Šeimos ir pavieniai asmenys galės arti namų gauti visą reikalingą pagalbą iš "
            "karto: pozityvios tėvystės mokymus, psichosocialinę ir krizių įveikimo pagalbą, "
            "vaikų priežiūrą, mediaciją, sociokultūrines paslaugas, socialinių įgūdžių ugdymą "
            "ir pavėžėjimą. Kokių paslaugų labiausiai reikia, savivaldybė aiškinasi apklausdama "
            "miesto šeimas.",
            "Tikimasi, kad mieste atsiras bendruomeniniai šeimos namai, bus stiprinama "
            "socialinės atskirties prevencija, susiburs specialistų komandos, šeimoms bus "
            "lengviau derinti šeimos ir darbo pareigas, o paslaugų teikėjai glaudžiau "
            "bendradarbiaus ir dalysis informacija.")
        + "<h3>„54+“</h3>" + paragraphs(
            "Antrasis projektas skirtas vyresniems nei 54 metų alytiškiams – ir dirbantiems, "
            "ir nedirbantiems. Jie bus skatinami aktyviau dalyvauti sprendžiant socialinius ir "
            "pilietinius klausimus, stiprinti savo padėtį darbo rinkoje ir neatsidurti "
            "atskirtyje.",
            "Numatytos aktyvaus senėjimo veiklos, savanorystė priimančiose organizacijose, "
            "bendrųjų gebėjimų mokymai, glaudesnis institucijų bendradarbiavimas ir "
            "informacinės kampanijos prieš vyresnio amžiaus žmonių diskriminaciją.",
            "Renginyje taip pat pristatyta Alytaus miesto vietos plėtros strategija ir jos "
            "priemonės, skirtos socialinėms paslaugoms plėtoti, neformaliajam ugdymui ir "
            "verslumui skatinti."),
    }
    en: Line = {
        "title": "Alytus presents planned projects for families and residents over 54",
        "slug": "alytus-presents-planned-projects-for-families-and-residents-over-54",
        "people": [{"name": n, "position": p}
                   for (n, _), p in zip(people_lt, positions_en, strict=True)],
        "lead": "Alytus City Municipality has presented two projects it intends to carry out "
                "under the “Integrated services for families” and “54+” measures of the "
                "Operational Programme for EU Funds Investments 2014–2020. Both aim to reduce "
                "social exclusion in the city.",
        "body": paragraphs(
            "The presentation was attended by Deputy Mayor Valė Gibienė, Deputy Director of "
            "the Administration Silvija Peštenienė, staff of the Social Support and Child "
            "Rights Protection divisions, and representatives of municipal institutions and "
            "non-governmental organisations.",
            "Rima Mockevičienė, Deputy Head of the Social Support Division, outlined the aims, "
            "tasks and expected results of both projects.")
        + "<h3>Integrated services for families</h3>" + paragraphs(
            "Families and individuals will be able to get all the help they need close to home "
            "and in one package: positive parenting courses, psychosocial and crisis support, "
            "childcare, mediation, socio-cultural services, social skills training and "
            "transport. The municipality is surveying local families to find out which "
            "services are needed most.",
            "The expected results include community family homes, stronger prevention of "
            "social exclusion, teams of specialists, an easier balance between family and work, "
            "and closer cooperation and information sharing among service providers.")
        + "<h3>“54+”</h3>" + paragraphs(
            "The second project is for Alytus residents over 54, whether in work or not. It "
            "will encourage them to take a more active part in social and civic life, improve "
            "their position on the labour market and avoid exclusion.",
            "It plans active-ageing activities, volunteering with host organisations, general "
            "skills training, closer cooperation between institutions and information campaigns "
            "against age discrimination.",
            "The event also presented the Alytus city local development strategy and its "
            "measures for developing social services, non-formal education and "
            "entrepreneurship."),
    }
    return lt, en


S2_TITLE = ("Perėjimas nuo institucinės globos prie bendruomeninių paslaugų Sostinės regione, "
            "Vidurio ir vakarų Lietuvos regione")
S2_TITLE_EN = ("Transition from institutional care to community-based services in the Capital "
               "region and the Central and Western Lithuania region")
S2_LINK = "https://pertvarka.lt/projektai/bendruomeniniu-paslaugu-projektas-2024-2029-m/"
S2_ACTIVITY = "Intelekto ir (ar) psichikos negalią turinčių asmenų atvejo vadyba"


def seed_s2() -> tuple[Line, Line]:
    lt: Line = {
        "id": "project-s2", "type": "project", "site": "nacionalinis", "title": S2_TITLE,
        "slug": slugify(S2_TITLE), "project_code": "07-018-P-0001", "call_code": "07-018-P",
        "measure": "measure-09-003-02-02-01", "status": "running",
        "lead_beneficiary": "provider-antaa",
        "partners": [{"provider": "provider-kalvarija-admin", "role": "partner",
                      "activity": S2_ACTIVITY}],
        "municipalities": ["kalvarija"], "covers_all_lithuania": True,
        "target_groups": ["proto-ar-psichikos-negalia", "globejai-rupintojai"],
        "service_types": ["atvejo-vadyba"], "funds": ["esf-plus"],
        "budget_total": "40133151.29", "start_date": "2024-04-01", "end_date": "2029-12-31",
        "contact_department": "Socialinių reikalų skyrius", "contact_phone": "+370 633 87 850",
        "street_address": "Laisvės g. 2", "city": "Kalvarija",
        "links": [{"title": "Projektas svetainėje pertvarka.lt", "url": S2_LINK,
                   "kind": "other"}],
        "summary": "Visos Lietuvos projektas, kuriuo 2024–2029 m. kuriamos naujos "
                   "bendruomeninės paslaugos suaugusiems žmonėms su proto ir (ar) psichikos "
                   "negalia ir jų artimiesiems.",
        "goal": "Suaugusiems asmenims su proto ir (ar) psichikos negalia bei jų šeimoms "
                "(globėjams, rūpintojams) teikti naujų formų bendruomenines paslaugas, kad "
                "kiekvienas bendruomenėje gautų jo poreikius atitinkančią individualią pagalbą.",
        "body": paragraphs(
            "Projektui vadovauja Asmens su negalia teisių apsaugos agentūra prie Socialinės "
            "apsaugos ir darbo ministerijos, o jį įgyvendina kartu su savivaldybėmis ir kitais "
            "partneriais. Veiklos prasidėjo 2024 m. balandį ir truks iki 2029 m. pabaigos.",
            "Projektas finansuojamas 2021–2027 m. Europos Sąjungos fondų investicijų "
            "programos lėšomis; jam skirta 40 133 151,29 Eur visai Lietuvai.",
            "Kalvarijos savivaldybės administracija projekte organizuoja atvejo vadybą "
            "žmonėms su intelekto ir (ar) psichikos negalia. Atvejo vadyba siekiama:")
        + bullet_list([
            "padėti žmonėms su negalia gyventi savarankiškai ir dalyvauti bendruomenės "
            "gyvenime;",
            "plėtoti bendruomenėje paslaugas, kurios leistų išvengti apgyvendinimo "
            "stacionariose globos įstaigose;",
            "palengvinti psichologinę, emocinę ir fizinę naštą artimiesiems, kurie globoja ar "
            "prižiūri negalią turintį žmogų;",
            "koordinuoti socialines, sveikatos priežiūros, teisines, švietimo ir kitas "
            "paslaugas teikiančių valstybės ir savivaldybių įstaigų bei organizacijų darbą ir "
            "skatinti jų bendradarbiavimą."])
        + paragraphs("Dėl atvejo vadybininko paslaugų Kalvarijos gyventojai kviečiami kreiptis "
                     "į Socialinių reikalų skyrių (Laisvės g. 2, Kalvarija), tel. "
                     "+370 633 87 850."),
    }
    en: Line = {
        "title": S2_TITLE_EN, "slug": slugify(S2_TITLE_EN),
        "contact_department": "Social Affairs Division",
        "summary": "A nationwide project that, in 2024–2029, sets up new community-based "
                   "services for adults with intellectual or psychosocial disabilities and "
                   "their families.",
        "goal": "To provide new forms of community-based services to adults with intellectual "
                "or psychosocial disabilities and their families (carers and guardians), so that "
                "each person gets individual help that fits their needs in the community.",
        "body": paragraphs(
            "The project is led by the Agency for the Protection of the Rights of Persons with "
            "Disabilities under the Ministry of Social Security and Labour, together with "
            "municipalities and other partners. Work began in April 2024 and runs until the "
            "end of 2029.",
            "It is funded by the EU Funds Investment Programme 2021–2027, with "
            "EUR 40,133,151.29 for the whole of Lithuania.",
            "In the project, Kalvarija Municipality Administration provides case management "
            "for people with intellectual or psychosocial disabilities. Case management aims "
            "to:")
        + bullet_list([
            "help people with disabilities live independently and take part in community life;",
            "develop community services that prevent placement in residential care "
            "institutions;",
            "ease the psychological, emotional and physical burden on relatives who care for "
            "a person with a disability;",
            "coordinate the work of state and municipal bodies providing social, health, legal, "
            "educational and other services, and encourage them to cooperate."])
        + paragraphs("Kalvarija residents who need a case manager can contact the Social "
                     "Affairs Division (Laisvės g. 2, Kalvarija), tel. +370 633 87 850."),
    }
    return lt, en


def seed_s2_news() -> tuple[Line, Line]:
    lt: Line = {
        "id": "news-s2-kalvarija", "type": "news", "site": "kalvarija",
        "title": "Kalvarijoje pradedama atvejo vadyba žmonėms su proto ir psichikos negalia",
        "slug": "kalvarijoje-pradedama-atvejo-vadyba", "date_published": "2024-05-16",
        "kind": "launch", "municipality": "kalvarija", "about_projects": ["project-s2"],
        "about_measures": ["measure-09-003-02-02-01"],
        "mentioned_providers": ["provider-kalvarija-admin", "provider-antaa"],
        "tags": ["negalia", "atvejo vadyba", "institucinės globos pertvarka"],
        "lead": "Nuo 2024 m. balandžio Kalvarijos savivaldybės administracija kartu su Asmens "
                "su negalia teisių apsaugos agentūra ir kitais partneriais įgyvendina projektą "
                f"„{S2_TITLE}“ (Nr. 07-018-P-0001).",
        "body": paragraphs(
            "Projektu siekiama, kad suaugę žmonės su proto ir (ar) psichikos negalia ir juos "
            "globojantys ar prižiūrintys artimieji gautų naujų formų paslaugas bendruomenėje – "
            "individualias ir atitinkančias jų poreikius.",
            "Kalvarijos savivaldybėje projekto veikla – atvejo vadyba. Atvejo vadybininkas "
            "padės žmogui su negalia gyventi savarankiškiau ir dalyvauti bendruomenės "
            "gyvenime, ieškos alternatyvų stacionariai globai, padės artimiesiems lengviau "
            "pakelti slaugos naštą ir suderins įvairių įstaigų teikiamą pagalbą.",
            "Norintieji gauti atvejo vadybininko paslaugas kviečiami kreiptis į savivaldybės "
            "administracijos Socialinių reikalų skyrių, Laisvės g. 2, Kalvarija, tel. "
            "+370 633 87 850.",
            "Projektas truks 2024–2029 m. ir finansuojamas 2021–2027 m. Europos Sąjungos fondų "
            f"investicijų programos lėšomis. Daugiau informacijos – <a href=\"{S2_LINK}\">"
            "pertvarka.lt</a>."),
    }
    en: Line = {
        "title": "Kalvarija starts case management for people with intellectual or "
                 "psychosocial disabilities", "slug": "kalvarija-starts-case-management",
        "lead": "Since April 2024, Kalvarija Municipality Administration, together with the "
                "Agency for the Protection of the Rights of Persons with Disabilities and other "
                f"partners, has been carrying out the project “{S2_TITLE_EN}” (No "
                "07-018-P-0001).",
        "body": paragraphs(
            "The project aims to give adults with intellectual or psychosocial disabilities, "
            "and the relatives who care for them, new forms of individual, needs-based "
            "services in the community.",
            "In Kalvarija Municipality the project's activity is case management. A case "
            "manager will help people with disabilities live more independently and take part "
            "in community life, look for alternatives to residential care, ease the burden on "
            "carers and coordinate help from different institutions.",
            "Anyone who needs a case manager can contact the Social Affairs Division of the "
            "municipal administration at Laisvės g. 2, Kalvarija, tel. +370 633 87 850.",
            "The project runs from 2024 to 2029 and is funded by the EU Funds Investment "
            f"Programme 2021–2027. More at <a href=\"{S2_LINK}\">pertvarka.lt</a>."),
    }
    return lt, en


S3_TITLE = "Nuo globos link galimybių: bendruomeninių paslaugų plėtra"


def seed_s3() -> tuple[Line, Line]:
    lt: Line = {
        "id": "project-s3", "type": "project", "site": "nacionalinis", "title": S3_TITLE,
        "slug": slugify(S3_TITLE), "project_code": "08.4.1-ESFA-V-405-03-0001",
        "call_code": "08.4.1-ESFA-V-405-03", "measure": "measure-08-4-1-esfa-v-405",
        "status": "completed", "lead_beneficiary": "provider-nrd",
        "partners": [{"provider": "provider-vievio-neigaliuju-draugija",
                      "role": "service_provider",
                      "activity": "Socialinės dirbtuvės darbingo amžiaus žmonėms su proto ir "
                                  "psichikos negalia"}],
        "municipalities": ["elektrenai"],
        "target_groups": ["proto-ar-psichikos-negalia"],
        "service_types": ["socialines-dirbtuves"], "funds": ["esf"],
        "start_date": "2020-05-01", "end_date": "2023-04-30", "city": "Vievis",
        "summary": "Antrasis institucinės globos pertvarkos etapas: bendruomeninės paslaugos "
                   "darbingo amžiaus žmonėms su psichikos ar proto negalia, tarp jų – "
                   "socialinės dirbtuvės Vievyje.",
        "goal": "Plėtoti bendruomenines paslaugas darbingo amžiaus asmenims, turintiems "
                "psichikos ar proto negalią.",
        "body": paragraphs(
            "Tai antrasis institucinės globos pertvarkos projekto etapas. Jį nuo 2020 m. "
            "gegužės 1 d. iki 2023 m. balandžio 30 d. įgyvendino Neįgaliųjų reikalų "
            "departamentas prie Socialinės apsaugos ir darbo ministerijos, lėšos skirtos iš "
            "Europos socialinio fondo.",
            "Bendruomeninės paslaugos – tai institucinei globai alternatyvi, žmogaus "
            "gyvenamojoje aplinkoje teikiama socialinė, sveikatos priežiūros ir kitokia "
            "pagalba. Ji leidžia žmogui gyventi bendruomenėje, gauti jo poreikius atitinkančią "
            "specializuotą pagalbą, tapti savarankiškesniam ir visapusiškai dalyvauti "
            "visuomenės gyvenime.",
            "Projektas leido Lietuvoje sukurti ar pritaikyti naujas paslaugas ir jas "
            "išbandyti: įvertinti, kaip jos veikia, surinkti paslaugų gavėjų atsiliepimus ir "
            "nuspręsti, ką tobulinti. Pasiteisinusias paslaugas siekiama tęsti kartu su "
            "savivaldybėmis, o jas išbandę žmonės gali dalytis patirtimi su kitais. Be to, "
            "pagalbos reikalingi žmonės paslaugas gavo jau projekto metu.",
            "Vievio neįgaliųjų draugija projekte teikė socialinių dirbtuvių paslaugą darbingo "
            "amžiaus žmonėms su proto ir psichikos negalia. Dirbtuvėse, padedami specialistų, "
            "jie atlieka tikras darbo užduotis, įgyja darbo įgūdžių ir taip didina savo "
            "galimybes įsidarbinti atviroje darbo rinkoje."),
        "results": ["Išbandytos naujos bendruomeninės paslaugos",
                    "Vievyje veikia socialinės dirbtuvės darbingo amžiaus žmonėms su proto ir "
                    "psichikos negalia"],
    }
    en: Line = {
        "title": "From care to opportunities: developing community-based services",
        "slug": "from-care-to-opportunities-developing-community-based-services",
        "summary": "The second stage of the transition from institutional care: community "
                   "services for working-age people with psychosocial or intellectual "
                   "disabilities, including social workshops in Vievis.",
        "goal": "To develop community-based services for working-age people with psychosocial "
                "or intellectual disabilities.",
        "body": paragraphs(
            "This was the second stage of the project on the transition from institutional "
            "care. The Department for the Affairs of the Disabled under the Ministry of Social "
            "Security and Labour carried it out from 1 May 2020 to 30 April 2023 with money "
            "from the European Social Fund.",
            "Community-based services are social, health and other support provided where a "
            "person lives, as an alternative to institutional care. They let people live in "
            "the community, receive specialised help that fits their needs, become more "
            "independent and take a full part in society.",
            "The project made it possible to create or adapt new services in Lithuania and "
            "test them: to see how they work, gather feedback from the people using them and "
            "decide what to improve. Services that prove their worth are meant to continue "
            "with the municipalities, and people who have used them can share their "
            "experience with others. People in need also received services during the project "
            "itself.",
            "Vievis Society of the Disabled provided social workshops for working-age people "
            "with intellectual and psychosocial disabilities. In the workshops, with help from "
            "specialists, they do real work tasks and gain work skills, improving their chances "
            "of finding a job on the open labour market."),
        "results": ["New community-based services tested",
                    "Social workshops for working-age people with intellectual and "
                    "psychosocial disabilities running in Vievis"],
    }
    return lt, en


S4_TITLE = ("Socialinę atskirtį patiriančių asmenų informavimas apie Marijampolės mieste "
            "teikiamas socialines ir kitas reikalingas paslaugas")
S4_TITLE_EN = ("Informing people experiencing social exclusion about social and other services "
               "available in Marijampolė")


def seed_s4() -> tuple[Line, Line]:
    # Status: the source announces the project as starting, so we mark it "running".
    lt: Line = {
        "id": "project-s4", "type": "project", "site": "marijampole", "title": S4_TITLE,
        "slug": slugify(S4_TITLE), "measure": "measure-08-6-1-esfa-t-927", "status": "running",
        "municipalities": ["marijampole"], "target_groups": ["socialine-atskirtis"],
        "service_types": ["informavimas", "konsultavimas", "tarpininkavimas"], "funds": ["esf"],
        "city": "Marijampolė",
        "summary": "Marijampolės miesto vietos plėtros strategijos projektas: informacija, "
                   "konsultacijos ir tarpininkavimas socialinę atskirtį patiriantiems "
                   "gyventojams.",
        "goal": "Teikti kokybiškas informavimo ir konsultavimo paslaugas apie įvairių "
                "organizacijų siūlomas socialines ir kitas paslaugas socialinę atskirtį "
                "patiriantiems gyventojams ir tarpininkauti, kad jie šias paslaugas gautų.",
        "body": paragraphs(
            "Daugelis socialinę atskirtį patiriančių Marijampolės gyventojų nežino, kokios "
            "socialinės paslaugos ir užimtumo galimybės jiems prieinamos, kaip jomis "
            "pasinaudoti ir kur gauti patikimos informacijos.",
            "Marijampolės miesto vietos veiklos grupės teritorijos analizė ir statistikos "
            "duomenys rodo, kad paslaugų mieste yra, tačiau apie jas žinoma per mažai: trūksta "
            "žinių, pavyzdžiui, apie neįgaliųjų švietimo galimybes, praktinius užsiėmimus, "
            "socialines paslaugas ir socialiai pažeidžiamų grupių užimtumą.",
            "Projektas vykdomas įgyvendinant Marijampolės miesto vietos plėtros strategiją "
            "(VPS). Kartu su VPS įgyvendinančiomis ir kitomis socialines paslaugas teikiančiomis "
            "organizacijomis bus kuriama informacijos sklaidos platforma, pritaikyta ir "
            "neįgaliesiems, ir senjorams. Joje bus skelbiama apie mieste teikiamas socialines "
            "paslaugas ir atskirtį mažinančias veiklas.",
            "Tiems, kam platformoje pateiktos informacijos nepakaks, bus teikiamos individualios "
            "ar grupinės konsultacijos ir tarpininkavimas gaunant paslaugas, atsižvelgiant į "
            "asmens ar šeimos poreikius.",
            "Projektas finansuojamas pagal priemonę Nr. 08.6.1-ESFA-T-927 „Spartesnis vietos "
            "plėtros strategijų įgyvendinimas“, iš Europos Sąjungos struktūrinių fondų lėšų."),
        "results": ["Sukurta informacijos apie mieste teikiamas paslaugas platforma",
                    "Teikiamos individualios ir grupinės konsultacijos",
                    "Tarpininkaujama gaunant socialines paslaugas"],
    }
    en: Line = {
        "title": S4_TITLE_EN, "slug": slugify(S4_TITLE_EN),
        "summary": "A project of the Marijampolė city local development strategy: information, "
                   "counselling and mediation for residents experiencing social exclusion.",
        "goal": "To give residents experiencing social exclusion good information and advice "
                "about the social and other services offered by various organisations, and to "
                "help them obtain those services.",
        "body": paragraphs(
            "Many Marijampolė residents who experience social exclusion do not know which "
            "social services and activities are available to them, how to use them or where to "
            "find reliable information.",
            "The territorial analysis of the Marijampolė city local action group and "
            "statistical data show that services exist in the city but are too little known: "
            "for example, about education opportunities for disabled people, practical "
            "activities, social services and activities for socially vulnerable groups.",
            "The project is part of the Marijampolė city local development strategy (VPS). "
            "Together with the organisations implementing the strategy and other regular "
            "providers of social services, it will build an information platform accessible "
            "to disabled and older people, listing the social services and activities against "
            "exclusion available in the city.",
            "Those who need more than the platform offers will receive individual or group "
            "counselling and help in obtaining services, depending on the needs of the person "
            "or family.",
            "The project is co-funded by EU structural funds under measure 08.6.1-ESFA-T-927 "
            "“Faster implementation of local development strategies”."),
        "results": ["An information platform on services in the city created",
                    "Individual and group counselling provided",
                    "Help given in obtaining social services"],
    }
    return lt, en


# --------------------------------------------------------------------------------------------
# Generated projects
# --------------------------------------------------------------------------------------------

@dataclass
class Project:
    id: str
    site: Site
    theme: Theme
    measure: MeasureSpec
    title: Pair
    status: str
    lead: Provider | None
    partners: list[tuple[Provider, str, str]]
    services: list[str]
    groups: list[str]
    municipalities: list[str]
    budget: Decimal
    eu_amount: Decimal
    agreement: date | None
    start: date | None
    end: date | None
    indicator_values: list[tuple[int, int | None]]
    capacity: int | None = None
    code: str = ""
    call: str = ""
    translated: bool = False


class TitleBook:
    """Keeps titles (LT and EN) unique per site and page type, so slugs do not clash."""

    def __init__(self) -> None:
        self.used: set[tuple[str, str, str]] = set()

    def take(self, site: str, kind: str, pair: Pair) -> bool:
        keys = {(site, kind, slugify(pair[0])), (site, kind + "-en", slugify(pair[1]))}
        if keys & self.used:
            return False
        self.used |= keys
        return True

    def choose(self, site: str, kind: str, candidates: list[Pair]) -> Pair:
        for pair in candidates:
            if self.take(site, kind, pair):
                return pair
        for stage_lt, stage_en in (("II etapas", "phase II"), ("III etapas", "phase III"),
                                   ("IV etapas", "phase IV")):
            for lt, en in candidates:
                pair = (f"{lt} ({stage_lt})", f"{en} ({stage_en})")
                if self.take(site, kind, pair):
                    return pair
        raise RuntimeError(f"no free title on {site}")


# Services counted in places (capacity).
PLACE_SERVICES = {"grupinio-gyvenimo-namai", "savarankisko-gyvenimo-namai", "apsaugotas-bustas",
                  "laikinas-apnakvindinimas", "dienos-socialine-globa", "trumpalaike-globa"}
# Words of a project title and the service it names.
TITLE_SERVICES = (
    ("dirbtuvės", "socialines-dirbtuves"), ("grupinio gyvenimo", "grupinio-gyvenimo-namai"),
    ("įdarbinimas", "idarbinimas-su-pagalba"), ("apsaugoto būsto", "apsaugotas-bustas"),
    ("savarankiško gyvenimo", "savarankisko-gyvenimo-namai"),
    ("nakvynės", "laikinas-apnakvindinimas"), ("apnakvindinimo", "laikinas-apnakvindinimas"),
    ("atokvėpio", "laikinas-atokvepis"), ("dienos centras", "dienos-socialine-globa"),
    ("šeimos namai", "bendruomeniniai-seimos-namai"), ("į namus", "pagalba-i-namus"),
    ("informavimo", "informavimas"), ("atviras jaunimo", "sociokulturines"),
    ("psichologinės", "psichosocialine-pagalba"), ("krizių", "kriziu-iveikimas"),
)


def log_uniform(rng: random.Random, low: float, high: float) -> Decimal:
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    return Decimal(value).quantize(Decimal("10"), rounding=ROUND_HALF_UP)


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


class ProjectFactory:
    def __init__(self, rng: random.Random, providers: dict[str, list[Provider]],
                 titles: TitleBook) -> None:
        self.rng = rng
        self.providers = providers
        self.titles = titles
        self.serials: Counter[str] = Counter({"07-018-P": 1, "08.1.1-CPVA-R-407-11": 5,
                                              "08.4.1-ESFA-V-405-03": 1})

    def pick_period(self) -> str:
        return "2014-2020" if self.rng.random() < 0.55 else "2021-2027"

    def pick_lead(self, site: Site, theme: Theme, measure: MeasureSpec) -> Provider:
        """An administration, or an institution or NGO whose services fit the theme."""
        pool = self.providers[site.slug]
        fitting = [p for p in pool if set(p.services) & set(theme.services)]
        if site.is_national:
            state = pool[0] if measure.period == "2014-2020" else pool[1]  # NRD, then ANTAA
            ngos = [p for p in fitting if p.kind == "nvo"]
            wants_ngo = measure.selection in ("K", "T") or theme.key != "community-services"
            return self.rng.choice(ngos) if wants_ngo and ngos else state
        admins = [p for p in pool if p.kind == "savivaldybes-administracija"]
        ngos = [p for p in fitting if p.kind == "nvo"]
        if measure.selection in ("K", "T") and ngos and self.rng.random() < 0.7:
            return self.rng.choice(ngos)
        return self.rng.choice(admins + [p for p in fitting if p.kind == "biudzetine-istaiga"])

    def pick_partners(self, site: Site, lead: Provider,
                      services: list[str]) -> list[tuple[Provider, str, str]]:
        if site.is_national:
            pool = [p for slug, ps in self.providers.items() if slug != "nacionalinis"
                    for p in ps if p.kind == "savivaldybes-administracija"]
        else:
            pool = [p for p in self.providers[site.slug] if p.id != lead.id and (
                p.kind == "savivaldybes-administracija" or set(p.services) & set(services))]
        chosen = self.rng.sample(pool, k=min(len(pool), self.rng.choice((0, 1, 1, 2))))
        partners = []
        for provider in chosen:
            role = "service_provider" if provider.kind == "nvo" else "partner"
            partners.append((provider, role, SERVICE_LABELS[self.rng.choice(services)][0]))
        return partners

    def pick_services(self, theme: Theme, title: str) -> list[str]:
        """Two to four of the theme's services, always with the one the title names."""
        named = [slug for word, slug in TITLE_SERVICES if word in title.lower()]
        rest = [s for s in theme.services if s not in named]
        count = self.rng.randint(max(0, 2 - len(named)), 4 - len(named))
        return named + self.rng.sample(rest, k=count)

    def pick_dates(self, period: str) -> tuple[date, date, date]:
        if period == "2014-2020":
            agreement = random_day(self.rng, date(2015, 6, 1), date(2020, 12, 31))
            latest_end = date(2023, 8, 31)
        else:
            agreement = random_day(self.rng, date(2023, 3, 1), date(2027, 3, 31))
            latest_end = date(2029, 12, 31)
        start = date(agreement.year + agreement.month // 12, agreement.month % 12 + 1, 1)
        months = self.rng.randint(18, 42)
        end = month_end(date(start.year + (start.month - 1 + months) // 12,
                             (start.month - 1 + months) % 12 + 1, 1))
        return agreement, start, min(end, latest_end)

    @staticmethod
    def status_of(start: date | None, end: date | None) -> str:
        if start is None or end is None or start > REFERENCE_DATE:
            return "planned"
        return "completed" if end < REFERENCE_DATE else "running"

    def budget(self, site: Site, measure: MeasureSpec) -> tuple[Decimal, Decimal]:
        low, high = (150_000, 5_000_000) if measure.fund == "erpf" else (20_000, 1_500_000)
        if site.is_national:
            low, high = 500_000, 5_000_000
        total = log_uniform(self.rng, low, high)
        rate = Decimal(self.rng.choice(("0.85", "0.85", "0.80", "0.70", "0.75")))
        return total, (total * rate).quantize(CENT)

    def assign_code(self, project: Project) -> None:
        project.call = self.rng.choice(project.measure.call_codes())
        self.serials[project.call] += 1
        project.code = f"{project.call}-{self.serials[project.call]:04d}"

    def indicators(self, theme: Theme, status: str) -> list[tuple[int, int | None]]:
        values = []
        for indicator in theme.indicators:
            target = self.rng.randint(indicator.low, indicator.high)
            achieved = {"completed": round(target * self.rng.uniform(0.95, 1.2)),
                        "running": round(target * self.rng.uniform(0.2, 0.8))}.get(status)
            values.append((target, achieved))
        return values

    def municipalities(self, site: Site) -> list[str]:
        if site.is_national:
            return sorted(self.rng.sample(ALL_MUNICIPALITIES, k=self.rng.randint(2, 6)))
        extra = [m for m in site.neighbours if self.rng.random() < 0.2]
        return [site.slug, *extra]

    def make(self, number: int, site: Site, theme: Theme) -> Project:
        rng = self.rng
        period = self.pick_period()
        measure = rng.choice(theme.measures_of(period))
        candidates = [fill(t, site.words()) for t in rng.sample(theme.titles, len(theme.titles))]
        title = self.titles.choose(site.slug, "project", candidates)
        services = self.pick_services(theme, title[0])
        others = theme.target_groups[1:]
        groups = [theme.target_groups[0],
                  *rng.sample(others, k=rng.randint(0, min(2, len(others))))]
        lead = self.pick_lead(site, theme, measure)
        agreement, start, end = self.pick_dates(period)
        unsigned = rng.random() < 0.08 and period == "2021-2027"
        status = "planned" if unsigned else self.status_of(start, end)
        total, eu_amount = self.budget(site, measure)
        lodging = set(services) & PLACE_SERVICES
        capacity_range = theme.capacity if lodging else None
        project = Project(
            f"project-{site.slug}-{number:03d}", site, theme, measure,
            title, status, lead,
            self.pick_partners(site, lead, services), services, groups,
            self.municipalities(site), total, eu_amount,
            None if unsigned else agreement, None if unsigned else start,
            None if unsigned else end, self.indicators(theme, status),
            rng.randint(*capacity_range) if capacity_range else None)
        if not unsigned:
            self.assign_code(project)
        project.translated = rng.random() < 0.3
        return project


def services_sentence(theme: Theme, services: list[str], status: str) -> Pair:
    """Who gets which services, in the tense the status asks for."""
    plural = len(services) > 1
    verb_lt = {"planned": "bus teikiamos", "running": "teikiamos",
               "completed": "buvo teikiamos"}[status]
    verb_en = {"planned": "will be", "running": "are" if plural else "is",
               "completed": "were" if plural else "was"}[status]
    return (f"Projekto metu {theme.group[0]} {verb_lt} šios paslaugos: "
            f"{services_text(services, 0)}.",
            f"{upper_first(services_text(services, 1))} {verb_en} provided to "
            f"{theme.group[1]}.")


def project_texts(project: Project, rng: random.Random,
                  status: str | None = None) -> dict[str, Pair]:
    words = project.site.words()
    theme = project.theme
    return {"summary": fill(rng.choice(theme.summaries), words),
            "goal": rng.choice(theme.goals), "need": fill(rng.choice(theme.needs), words),
            "services": services_sentence(theme, project.services, status or project.status)}


def implementer_text(project: Project) -> Pair:
    if project.lead is None:
        return "", ""
    lt = f"Projektą įgyvendina {project.lead.name}."
    en = f"The project is run by {project.lead.name_en}."
    if project.partners:
        lt += f" Partneriai: {lt_join([p.name for p, _, _ in project.partners])}."
        en += f" Partners: {en_join([p.name_en for p, _, _ in project.partners])}."
    return lt, en


def money_text(project: Project) -> Pair:
    fund = project.measure.fund
    return (f"Bendra projekto vertė – {lt_money(project.budget)}, iš jų "
            f"{lt_money(project.eu_amount)} sudaro {FUND_GEN[fund]} lėšos.",
            f"The project is worth {en_money(project.budget)} in total, of which "
            f"{en_money(project.eu_amount)} comes from {FUND_EN[fund]}.")


def measure_text(project: Project) -> Pair:
    measure = project.measure
    if measure.period == "2014-2020":
        return (f"Projektas finansuojamas pagal 2014–2020 m. Europos Sąjungos fondų investicijų "
                f"veiksmų programos {measure.mention(0)}.",
                f"It is funded under {measure.mention(1)} of the Operational Programme for EU "
                f"Funds Investments 2014–2020.")
    return (f"Projektas finansuojamas pagal 2021–2027 m. Europos Sąjungos fondų investicijų "
            f"programos {measure.mention(0)}.",
            f"It is funded under {measure.mention(1)} of the EU Funds Investment Programme "
            f"2021–2027.")


def dates_text(project: Project) -> Pair:
    if project.start is None or project.end is None:
        return ("Projektas dar rengiamas, finansavimo sutartis nepasirašyta.",
                "The project is still being prepared; no funding agreement has been signed.")
    return (f"Įgyvendinimo laikotarpis – nuo {lt_date(project.start)} iki "
            f"{lt_date(project.end)}",  # the date ends with "d."
            f"It runs from {en_date(project.start)} to {en_date(project.end)}.")


def project_body(project: Project, texts: dict[str, Pair]) -> Pair:
    parts = [texts["need"], implementer_text(project), texts["services"]]
    if project.capacity:
        parts.append((f"Vietų skaičius – {project.capacity}.",
                      f"Capacity: {project.capacity} places."))
    parts += [money_text(project), measure_text(project), dates_text(project)]
    return (paragraphs(*(lt for lt, _ in parts)), paragraphs(*(en for _, en in parts)))


def project_lines(project: Project, rng: random.Random) -> tuple[Line, Line]:
    texts = project_texts(project, rng)
    body = project_body(project, texts)
    results = rng.sample(project.theme.results, k=min(3, len(project.theme.results)))
    lt: Line = {"id": project.id, "type": "project", "site": project.site.slug,
                "title": project.title[0], "slug": slugify(project.title[0])}
    if project.code:
        lt["project_code"], lt["call_code"] = project.code, project.call
    lt.update({
        "measure": project.measure.id, "status": project.status,
        "municipalities": project.municipalities,
        "target_groups": project.groups, "service_types": project.services,
        "funds": [project.measure.fund], "budget_total": str(project.budget.quantize(CENT)),
        "eu_amount": str(project.eu_amount),
        "national_amount": str((project.budget - project.eu_amount).quantize(CENT)),
    })
    if project.lead:
        lt["lead_beneficiary"] = project.lead.id
        lt.update(contact_fields(project.lead))
    if project.partners:
        lt["partners"] = [{"provider": p.id, "role": role, "activity": activity}
                          for p, role, activity in project.partners]
    if project.site.is_national:
        lt["covers_all_lithuania"] = rng.random() < 0.6
    for key, day in (("agreement_date", project.agreement), ("start_date", project.start),
                     ("end_date", project.end)):
        if day:
            lt[key] = day.isoformat()
    if project.capacity:
        lt["capacity"] = project.capacity
    lt.update(location_fields(project, rng))
    lt["summary"], lt["goal"], lt["body"] = (texts["summary"][0], texts["goal"][0], body[0])
    lt["results"] = [lt_text for lt_text, _ in results]
    lt["indicators"] = [
        {"name": ind.name[0], "unit": ind.unit[0], "target": str(target),
         "achieved": None if achieved is None else str(achieved)}
        for ind, (target, achieved) in zip(project.theme.indicators, project.indicator_values,
                                           strict=True)]
    en: Line = {"title": project.title[1], "slug": slugify(project.title[1]),
                "summary": texts["summary"][1], "goal": texts["goal"][1], "body": body[1],
                "results": [en_text for _, en_text in results],
                "indicators": [{**row, "name": ind.name[1], "unit": ind.unit[1]} for ind, row
                               in zip(project.theme.indicators, lt["indicators"], strict=True)]}
    if "contact_department" in lt:
        en["contact_department"] = DEPARTMENT_EN[lt["contact_department"]]
    return lt, en


def contact_fields(provider: Provider) -> Line:
    fields = {"contact_department": provider.department, "contact_phone": provider.phone,
              "contact_email": provider.email}
    return {key: value for key, value in fields.items() if value}


def location_fields(project: Project, rng: random.Random) -> Line:
    site = project.site
    if site.is_national:
        return {}
    street = project.lead.street if project.lead and project.lead.street else \
        f"{rng.choice(site.streets)} {rng.randint(1, 60)}"
    return {"street_address": street, "city": site.city,
            "postal_code": f"LT-{site.postal}{rng.randint(100, 999)}",
            "latitude": round(site.lat + rng.uniform(-0.02, 0.02), 6),
            "longitude": round(site.lon + rng.uniform(-0.03, 0.03), 6)}


# --------------------------------------------------------------------------------------------
# Generated news
# --------------------------------------------------------------------------------------------

FIRST_NAMES = (("Aistė", "f"), ("Rasa", "f"), ("Jurgita", "f"), ("Lina", "f"), ("Inga", "f"),
               ("Giedrė", "f"), ("Rūta", "f"), ("Vilma", "f"), ("Eglė", "f"), ("Tomas", "m"),
               ("Mindaugas", "m"), ("Darius", "m"), ("Andrius", "m"), ("Paulius", "m"),
               ("Marius", "m"))
SURNAMES = (("Kazlauskas", "Kazlauskienė"), ("Petrauskas", "Petrauskienė"),
            ("Jankauskas", "Jankauskienė"), ("Stankevičius", "Stankevičienė"),
            ("Vasiliauskas", "Vasiliauskienė"), ("Žukauskas", "Žukauskienė"),
            ("Butkus", "Butkienė"), ("Paulauskas", "Paulauskienė"), ("Urbonas", "Urbonienė"),
            ("Navickas", "Navickienė"))
POSITIONS = ((("projekto vadovas", "projekto vadovė"), "project manager"),
             (("socialinis darbuotojas", "socialinė darbuotoja"), "social worker"),
             (("atvejo vadybininkas", "atvejo vadybininkė"), "case manager"),
             (("psichologas", "psichologė"), "psychologist"))
QUOTES = (("Svarbiausia, kad žmonės pagalbą gauna arti namų ir laiku",
           "What matters most is that people get help close to home and on time"),
          ("Matome, kaip keičiasi žmonės, kai jais patikima",
           "We can see how people change when someone believes in them"),
          ("Be partnerių pagalbos tiek nuveikti nebūtume galėję",
           "We could not have done this much without our partners"))

NEWS_HEADLINES: dict[str, tuple[Pair, ...]] = {
    "launch": (("Pradedamas įgyvendinti projektas „{t}“", "Project “{te}” gets under way"),
               ("Prasideda projektas „{t}“", "Project “{te}” begins")),
    "completion": (("Baigtas projektas „{t}“", "Project “{te}” completed"),
                   ("Įgyvendintas projektas „{t}“: apžvelgiami rezultatai",
                    "Project “{te}” completed: a look at the results")),
    "event": (("Aptarta, kaip sekasi projektui „{t}“", "How is project “{te}” doing?"),
              ("Projekto „{t}“ partneriai susitiko aptarti tolesnių darbų",
               "Partners of project “{te}” meet to plan next steps"),
              ("Atvirų durų diena projekte „{t}“", "Open day at project “{te}”")),
    "announcement": (("Kviečiame naudotis projekto „{t}“ paslaugomis",
                      "Use the services of project “{te}”"),
                     ("Informacija gyventojams apie projektą „{t}“",
                      "Information for residents about project “{te}”")),
}


def news_kind(status: str, rng: random.Random) -> str:
    options = {"completed": ("completion", "launch", "event"),
               "running": ("launch", "event", "announcement"),
               "planned": ("announcement",)}[status]
    return rng.choice(options)


def news_date(project: Project, kind: str, rng: random.Random) -> date:
    start, end = project.start, project.end
    if start is None or end is None or start > REFERENCE_DATE:
        day = REFERENCE_DATE - timedelta(days=rng.randint(5, 200))
    elif kind == "launch":
        day = start + timedelta(days=rng.randint(3, 40))
    elif kind == "completion":
        day = end + timedelta(days=rng.randint(5, 60))
    else:
        day = random_day(rng, start, min(end, REFERENCE_DATE))
    return min(day, REFERENCE_DATE)


def news_person(rng: random.Random) -> tuple[dict[str, str], dict[str, str]]:
    first, gender = rng.choice(FIRST_NAMES)
    male, female = rng.choice(SURNAMES)
    (position_m, position_f), position_en = rng.choice(POSITIONS)
    name = f"{first} {female if gender == 'f' else male}"
    position = position_f if gender == "f" else position_m
    return {"name": name, "position": position}, {"name": name, "position": position_en}


def news_lead(project: Project, kind: str, day: date) -> Pair:
    lead = project.lead or Provider("", "", "Projekto vykdytojai", "", None, "The project team")
    title_lt, title_en = project.title
    group = project.theme.group
    if kind == "launch":
        return (f"{lead.name} pradeda projektą „{title_lt}“, skirtą {group[0]}.",
                f"{lead.name_en} is starting the project “{title_en}” for {group[1]}.")
    if kind == "completion":
        return (f"Baigėsi projektas „{title_lt}“, kurį įgyvendino {lead.name}.",
                f"The project “{title_en}”, run by {lead.name_en}, has come to an end.")
    if kind == "event":
        return (f"{lt_date(day)} projekto „{title_lt}“ dalyviai, specialistai ir partneriai "
                "susitiko aptarti, kas jau nuveikta.",
                f"On {en_date(day)} participants, specialists and partners of the project "
                f"“{title_en}” met to discuss progress.")
    state = ("rengiamas", "being prepared") if project.status == "planned" else \
        ("vykdomas", "under way")
    return (f"{project.site.where[:1].upper() + project.site.where[1:]} {state[0]} projektas "
            f"„{title_lt}“. Jo paslaugos skirtos {group[0]}.",
            f"The project “{title_en}” is {state[1]} {project.site.where_en}. Its services "
            f"are for {group[1]}.")


def news_body(project: Project, kind: str, texts: dict[str, Pair],
              person: tuple[dict[str, str], dict[str, str]] | None,
              rng: random.Random) -> Pair:
    parts: list[Pair] = [texts["need"], texts["services"]]
    if kind == "completion" and project.indicator_values[0][1] is not None:
        parts.append(project.theme.outcome.render(project.indicator_values[0][1]))
    if kind == "launch":
        parts.append(money_text(project))
    if kind == "event":
        parts.append(("Dalyviai dalijosi patirtimi ir pasiūlymais, kaip paslaugas padaryti dar "
                      "prieinamesnes.", "Participants shared their experience and ideas on "
                      "making the services easier to reach."))
    if person:
        quote = rng.choice(QUOTES)
        parts.append((f"„{quote[0]}“, – sako {person[0]['position']} {person[0]['name']}.",
                      f"“{quote[1]},” says {person[1]['position']} {person[1]['name']}."))
    if kind == "announcement" and project.lead and project.lead.phone:
        parts.append((f"Daugiau informacijos – tel. {project.lead.phone}.",
                      f"For more information call {project.lead.phone}."))
    return paragraphs(*(lt for lt, _ in parts)), paragraphs(*(en for _, en in parts))


def news_lines(number: int, project: Project, titles: TitleBook,
               rng: random.Random) -> tuple[Line, Line]:
    kind = news_kind(project.status, rng)
    day = news_date(project, kind, rng)
    values = {"t": project.title[0], "te": project.title[1]}
    headline = titles.choose(project.site.slug, "news",
                             [fill(h, values) for h in NEWS_HEADLINES[kind]])
    person = news_person(rng) if rng.random() < 0.35 else None
    status_then = {"launch": "planned", "completion": "completed"}.get(
        kind, "planned" if project.status == "planned" else "running")
    body = news_body(project, kind, project_texts(project, rng, status_then), person, rng)
    lead = news_lead(project, kind, day)
    lt: Line = {"id": f"news-{project.site.slug}-{number:03d}", "type": "news",
                "site": project.site.slug, "title": headline[0], "slug": slugify(headline[0]),
                "date_published": day.isoformat(), "kind": kind,
                "about_projects": [project.id], "about_measures": [project.measure.id],
                "tags": list(project.theme.tags), "lead": lead[0], "body": body[0]}
    if not project.site.is_national:
        lt["municipality"] = project.site.slug
    if project.lead:
        lt["mentioned_providers"] = [project.lead.id]
    en: Line = {"title": headline[1], "slug": slugify(headline[1]), "lead": lead[1],
                "body": body[1]}
    if person:
        lt["people"], en["people"] = [person[0]], [person[1]]
    return lt, en


# --------------------------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------------------------

class Output:
    def __init__(self) -> None:
        self.lines: list[Line] = []

    def add(self, lt: Line, en: Line | None = None) -> None:
        self.lines.append(lt)
        if en is not None:
            self.lines.append({"id": lt["id"], "type": lt["type"], "locale": "en", **en})


def build_providers(out: Output, rng: random.Random,
                    ids: Identifiers) -> dict[str, list[Provider]]:
    factory = ProviderFactory(rng, ids)
    seeds = {p.id: p for p in SEED_PROVIDERS}
    out.add(*provider_lines(seeds["provider-nrd"], None))
    out.add(*provider_lines(seeds["provider-antaa"], None, predecessor="provider-nrd"))
    national = [seeds["provider-nrd"], seeds["provider-antaa"], *factory.national()]
    by_site: dict[str, list[Provider]] = {"nacionalinis": national}
    for provider in national[2:]:
        out.add(*provider_lines(provider, ids))
    for site in SITES:
        own = [p for p in SEED_PROVIDERS if p.site == site.slug]
        for provider in own:
            out.add(*provider_lines(provider, None))
        has_admin = any(p.kind == "savivaldybes-administracija" for p in own)
        made = factory.for_site(site, has_admin)
        for provider in made:
            out.add(*provider_lines(provider, ids))
        by_site[site.slug] = own + made
    return by_site


def build_projects(rng: random.Random, providers: dict[str, list[Provider]],
                   titles: TitleBook) -> list[Project]:
    factory = ProjectFactory(rng, providers, titles)
    sites = [*SITES, NATIONAL]
    national_themes = [t for t in THEMES if t.national]
    projects = []
    for number in range(GENERATED_PROJECTS):
        site = sites[number % len(sites)]
        theme = rng.choice(national_themes if site.is_national else THEMES)
        projects.append(factory.make(number // len(sites) + 1, site, theme))
    return projects


def reserve_seed_titles(titles: TitleBook, seed_lines: list[tuple[Line, Line]]) -> None:
    for lt, en in seed_lines:
        kind = "project" if lt["type"] == "project" else "news"
        assert titles.take(lt["site"], kind, (lt["title"], en["title"]))


def build_news(out: Output, rng: random.Random, projects: list[Project],
               titles: TitleBook) -> None:
    for site in [*SITES, NATIONAL]:
        own = [p for p in projects if p.site is site]
        for number, project in enumerate(rng.sample(own, k=min(NEWS_PER_SITE, len(own))), 1):
            lt, en = news_lines(number, project, titles, rng)
            translate = project.translated and rng.random() < 0.6
            out.add(lt, en if translate else None)


def generate() -> tuple[list[Line], list[Line]]:
    rng = random.Random(SEED)
    ids = Identifiers(rng)
    titles = TitleBook()
    out = Output()
    providers = build_providers(out, rng, ids)
    for spec in MEASURES.values():
        lt, en = measure_lines(spec, rng)
        out.add(lt, en)
    seeds = [seed_s0(), seed_s1_family(), seed_s1_54plus(), seed_s2(), seed_s3(), seed_s4()]
    seed_news = [seed_s1_news(), seed_s2_news()]
    reserve_seed_titles(titles, seeds + seed_news)
    for lt, en in seeds:
        out.add(lt, en)
    projects = build_projects(rng, providers, titles)
    for project in projects:
        lt, en = project_lines(project, rng)
        out.add(lt, en if project.translated else None)
    for lt, en in seed_news:
        out.add(lt, en)
    build_news(out, rng, projects, titles)
    example_ids = {"provider-alytus-admin", "measure-08-1-1-cpva-r-407", "project-s0"}
    example = [line for line in out.lines if line["id"] in example_ids
               and (line.get("locale") != "en" or line["type"] == "project")]
    return out.lines, example


# --------------------------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------------------------

COMMON_KEYS = {"id", "type", "locale", "site", "title", "slug", "live"}
TRANSLATABLE = {
    "project": {"summary", "goal", "body", "results", "indicators", "contact_department"},
    "measure": {"specific_objective", "financing_form", "eligible_applicants", "summary",
                "funded_activities"},
    "provider": {"department", "description"},
    "news": {"lead", "body", "people"},
}
CHOICES = {
    "status": {"planned", "running", "completed"},
    "provider_type": {"savivaldybes-administracija", "biudzetine-istaiga", "nvo",
                      "valstybes-institucija", "imone"},
    "kind": {"event", "launch", "completion", "announcement"},
    "selection_method": {"V", "R", "K", "T", "VT"},
}
SLUG_LISTS = {
    "municipalities": set(ALL_MUNICIPALITIES), "municipality": set(ALL_MUNICIPALITIES),
    "target_groups": set(GROUP_LABELS), "service_types": set(SERVICE_LABELS),
    "funds": {f[0] for f in VOCAB.FUNDS}, "fund": {f[0] for f in VOCAB.FUNDS},
    "agency": {a[0] for a in VOCAB.AGENCIES},
    "priority": {f"{p[0]}-{n[0]}" for p in VOCAB.PROGRAMMES for n in p[4]},
}
REFERENCES = {"measure": "measure", "lead_beneficiary": "provider", "predecessor": "provider",
              "about_projects": "project", "about_measures": "measure",
              "mentioned_providers": "provider"}
SITE_SLUGS = {site.slug for site in [*SITES, NATIONAL]}


def check_slugs(line: Line) -> None:
    for key, allowed in SLUG_LISTS.items():
        if key in line:
            values = line[key] if isinstance(line[key], list) else [line[key]]
            unknown = set(values) - allowed
            assert not unknown, f"{line['id']}: unknown {key} {unknown}"


def check_references(line: Line, seen: dict[str, str]) -> None:
    for key, kind in REFERENCES.items():
        if key in line:
            values = line[key] if isinstance(line[key], list) else [line[key]]
            for value in values:
                assert seen.get(value) == kind, f"{line['id']}: {key} {value} not defined"
    for partner in line.get("partners", []):
        assert seen.get(partner["provider"]) == "provider", f"{line['id']}: partner"
        assert partner["role"] in {"partner", "service_provider"}


def check_codes(line: Line, measures: dict[str, str]) -> None:
    if "code" in line:
        assert CODES.MEASURE_CODE.period_of(line["code"]), line["code"]
        period = CODES.MEASURE_CODE.period_of(line["code"])
        assert line["priority"].startswith(
            "veiksmu-programa-2014-2020" if period == "2014-2020"
            else "investiciju-programa-2021-2027"), line["id"]
    code, call = line.get("project_code"), line.get("call_code")
    if code:
        period = CODES.PROJECT_CODE.period_of(code)
        assert period, code
        assert call and code.startswith(call + "-"), code
        measure_code = measures[line["measure"]]
        assert CODES.MEASURE_CODE.period_of(measure_code) == period, code
        if period == "2014-2020":
            assert code.startswith(measure_code + "-"), code
    if call:
        assert CODES.CALL_CODE.period_of(call), call


def check_values(line: Line) -> None:
    for key, allowed in CHOICES.items():
        if key in line:
            assert line[key] in allowed, f"{line['id']}: {key}={line[key]}"
    if "legal_code" in line:
        assert re.fullmatch(r"\d{9}", line["legal_code"]), line["id"]
    days = {k: date.fromisoformat(line[k]) for k in
            ("agreement_date", "start_date", "end_date", "date_published") if k in line}
    if "start_date" in days and "end_date" in days:
        assert days["start_date"] <= days["end_date"], line["id"]
    if "budget_total" in line and "eu_amount" in line:
        total, eu = Decimal(line["budget_total"]), Decimal(line["eu_amount"])
        assert 0 <= eu <= total, line["id"]
        if "national_amount" in line:
            assert eu + Decimal(line["national_amount"]) == total, line["id"]
        if not line["id"].endswith(("-s0", "-s2", "-s3")) and line["type"] == "project":
            assert 20_000 <= total <= 5_000_000, line["id"]


def check_translation(line: Line, lt_lines: dict[str, Line]) -> None:
    source = lt_lines.get(line["id"])
    assert source is not None and source["type"] == line["type"], f"{line['id']}: en first"
    extra = set(line) - COMMON_KEYS - TRANSLATABLE[line["type"]]
    assert not extra, f"{line['id']}: untranslatable keys {extra} on en line"
    # The importer publishes a translation only if it translates every text the source has,
    # and an en list of records replaces the whole list: records stay complete.
    missing = {key for key in TRANSLATABLE[line["type"]] if source.get(key)} - set(line)
    assert not missing, f"{line['id']}: en line lacks {missing}"
    for key in ("indicators", "people", "results"):
        if key in line:
            assert len(line[key]) == len(source[key]), f"{line['id']}: {key} length"
            for mine, theirs in zip(line[key], source[key], strict=True):
                assert not isinstance(mine, dict) or set(mine) == set(theirs), line["id"]


def self_check(lines: list[Line]) -> None:
    seen: dict[str, str] = {}
    lt_lines: dict[str, Line] = {}
    measures: dict[str, str] = {}
    keys: set[tuple[str, str]] = set()
    slugs: set[tuple[str, str, str, str]] = set()
    for line in lines:
        assert json.loads(json.dumps(line, ensure_ascii=False)) == line
        locale = line.get("locale", "lt")
        assert (line["id"], locale) not in keys, f"duplicate {line['id']} {locale}"
        keys.add((line["id"], locale))
        assert line["type"] in TRANSLATABLE and line["title"]
        if locale == "en":
            check_translation(line, lt_lines)
            site = lt_lines[line["id"]]["site"]
        else:
            assert line["site"] in SITE_SLUGS, line["id"]
            site = line["site"]
            check_slugs(line)
            check_references(line, seen)
            check_codes(line, measures)
            check_values(line)
            seen[line["id"]], lt_lines[line["id"]] = line["type"], line
            if line["type"] == "measure":
                measures[line["id"]] = line["code"]
        slug_key = (site, line["type"], locale, line.get("slug") or slugify(line["title"]))
        assert slug_key not in slugs, f"duplicate slug {slug_key}"
        slugs.add(slug_key)


def check_volume(lines: list[Line]) -> None:
    """At least 230 generated (non-seed) Lithuanian pages."""
    generated = [line for line in lines if line.get("locale", "lt") == "lt"
                 and not re.search(r"-s\d|^provider-(nrd|antaa|alytus-admin|kalvarija-admin|"
                                   r"vievio)", line["id"])
                 and line["id"] not in {s.id for s in SEED_MEASURES}]
    assert len(generated) >= 230, len(generated)


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------

def write_jsonl(path: Path, lines: list[Line]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def summary(lines: list[Line]) -> str:
    by_type = Counter((line["type"], line.get("locale", "lt")) for line in lines)
    site_of = {line["id"]: line["site"] for line in lines if "site" in line}
    by_site = Counter((site_of[line["id"]], line["type"]) for line in lines
                      if line.get("locale", "lt") == "lt")
    rows = [f"{kind:9} {locale}: {count}" for (kind, locale), count in sorted(by_type.items())]
    rows += [f"{site:12} {kind:9} {count}" for (site, kind), count in sorted(by_site.items())]
    return "\n".join(rows)


def main() -> None:
    lines, example = generate()
    self_check(lines)
    check_volume(lines)
    self_check(example)  # the example must import on its own
    write_jsonl(DEMO_PATH, lines)
    write_jsonl(EXAMPLE_PATH, example)
    print(f"{len(lines)} lines -> {DEMO_PATH.relative_to(ROOT)}; "
          f"{len(example)} lines -> {EXAMPLE_PATH.relative_to(ROOT)}")
    print(summary(lines))


if __name__ == "__main__":
    main()
