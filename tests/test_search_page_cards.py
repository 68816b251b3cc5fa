"""The residents' search page as rendered: result cards state labelled facts (the type in the
singular, status, period, fund, budget, start or publication date, municipality) in the page's
language, excerpts end at a word boundary with an ellipsis, the filters' button and the apply
button carry counts (Lithuanian plural forms), and a search that finds nothing says what was
searched, offers broader searches and whom to ask."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlencode

import pytest
from django.test import Client

from cms.search_view import trimmed
from pages.models import TargetGroup
from search import pipeline
from tests.api.conftest import DATABASE_ENGINE
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION

GOAL = ("Įkurti savarankiško gyvenimo namus suaugusiems asmenims su intelekto ir psichosocialine "
        "negalia, kad jie galėtų gyventi bendruomenėje, dirbti ir mokytis, o jų artimieji "
        "gautų pagalbą ir konsultacijas visus metus be pertraukų.")
PROJECT_LINE = {**PROJECT, "start_date": "2017-07-20", "goal": GOAL}
FACT = re.compile(r'<dt>(.*?)</dt> <dd>(?:<time datetime="([0-9-]+)">)?(.*?)(?:</time>)?</dd>')
CARD = re.compile(r'<article class="hit">(.*?)</article>', re.S)
SNIPPET = re.compile(r'<p class="snippet">(.*?)</p>', re.S)


@pytest.fixture
def indexed(sites, run_import, settings) -> None:
    for name, value in DATABASE_ENGINE.items():
        setattr(settings, name, value)
    result = run_import([PROVIDER, MEASURE, PROJECT_LINE, TRANSLATION])
    assert not result.failed, result.stderr
    pipeline.drain()


def page(path: str) -> str:
    response = Client(HTTP_HOST="alytus.localhost").get(path)
    assert response.status_code == 200
    return response.content.decode()


def cards(html: str) -> dict[str, list[tuple[str, str, str]]]:
    """Each card's facts (label, ISO date or "", text), by the card's title."""
    return {unescape(re.search(r"<h3><a [^>]*>(.*?)</a>", card).group(1)):
            [tuple(unescape(part) for part in fact) for fact in FACT.findall(card)]
            for card in CARD.findall(html)}


@pytest.mark.django_db
def test_lithuanian_project_card_states_labelled_facts(indexed):
    facts = cards(page("/paieska/?content_type=project"))[PROJECT["title"]]
    assert facts == [("Tipas", "", "Projektas"), ("Būsena", "", "Įgyvendintas"),
                     ("Programavimo laikotarpis", "", "2014–2020"),
                     ("Fondas", "", "Europos regioninės plėtros fondas"),
                     ("Biudžetas", "", facts[4][2]),
                     ("Pradžia", "2017-07-20", "2017 m. liepos 20 d."),
                     ("Savivaldybė", "", "Alytaus miesto savivaldybė")]
    assert "346 361,00" in facts[4][2]


@pytest.mark.django_db
def test_english_project_card_states_labelled_facts(indexed):
    facts = dict((label, text) for label, _, text in
                 cards(page("/en/search/?content_type=project"))[TRANSLATION["title"]])
    assert facts["Type"] == "Project" and facts["Status"] == "Completed"
    assert facts["Start"] == "20 July 2017" and "346,361.00" in facts["Budget"]
    assert facts["Fund"] == "European Regional Development Fund"
    assert facts["Municipality"] == "Alytus City Municipality"


@pytest.mark.django_db
def test_provider_card_names_its_type_in_the_singular_and_its_publication(indexed):
    facts = cards(page("/paieska/?content_type=provider"))[PROVIDER["title"]]
    assert facts[0] == ("Tipas", "", "Paslaugų teikėjas")
    label, machine, text = facts[1]
    assert label == "Paskelbta" and re.fullmatch(r"\d{4} m\. \w+ \d+ d\.", text)
    assert machine not in text  # the ISO date is for machines only


@pytest.mark.django_db
def test_an_excerpt_ends_at_a_word_boundary_with_an_ellipsis(indexed):
    html = page("/paieska/?content_type=project")
    snippet = unescape(SNIPPET.search(html).group(1))
    assert snippet.endswith("…") and len(snippet) < len(GOAL)
    shown = snippet.removesuffix("…").split()
    assert shown == GOAL.split()[:len(shown)]


def test_trimming_keeps_words_and_marks_whole():
    text = "Socialinės <mark>paslaugos</mark> senjorams &amp; jų šeimoms namuose"
    assert trimmed(text, 29) == "Socialinės <mark>paslaugos</mark>…"
    assert trimmed(text, 15) == "Socialinės…"
    assert trimmed(text, 200) == text
    assert trimmed("<mark>Viena</mark> dvi trys", 7) == "<mark>Viena</mark>…"
    assert trimmed("vidurio sakinys. Kitas sakinys", 20) == "…vidurio sakinys. …"


@pytest.mark.django_db
def test_filter_button_and_apply_button_count_in_lithuanian_plural_forms(indexed):
    html = page("/paieska/?content_type=project")
    assert '<span id="filtru-mygtukas">Filtrai (1)</span>' in html
    assert ">Rodyti 1 rezultatą</button>" in html
    html = page("/paieska/")
    assert '<span id="filtru-mygtukas">Filtrai (0)</span>' in html
    assert ">Rodyti 2 rezultatus</button>" in html
    assert ">Rodyti 0 rezultatų</button>" in page("/paieska/?q=nerandamas")
    assert ">Show 1 result</button>" in page("/en/search/?content_type=project")


@pytest.mark.django_db
def test_nothing_found_says_what_was_searched_and_offers_broader_searches(indexed):
    html = unescape(page("/paieska/?q=savarankiško+gyvenimo+zuikis"
                         "&content_type=project&status=planned"))
    assert ("Ieškant „savarankiško gyvenimo zuikis“ su filtrais Turinio tipas: Projektai; "
            "Būsena: Planuojamas nieko nerasta.") in html
    links = {text: parse_qsl(href.removeprefix("?")) for href, text in
             re.findall(r'<li><a data-enhance href="([^"]*)">(.*?)</a></li>', html)}
    assert links["Ieškoti be filtro Būsena: Planuojamas"] == [
        ("q", "savarankiško gyvenimo zuikis"), ("content_type", "project")]
    assert links["Ieškoti „savarankiško gyvenimo“"] == [
        ("q", "savarankiško gyvenimo"), ("content_type", "project"), ("status", "planned")]
    fewer = page("/paieska/?" + urlencode(links["Ieškoti „savarankiško gyvenimo“"][:2]))
    assert PROJECT["title"] in fewer


@pytest.mark.django_db
def test_nothing_found_points_to_the_municipality_for_help(indexed):
    html = unescape(page("/en/search/?q=zuikis"))
    assert "Nothing found for “zuikis”." in html and "Need help finding a service?" in html
    help_block = html[html.index("Need help finding a service?"):]
    assert re.search(r'<a href="[^"]+">Alytus City Municipality</a>', help_block)
    assert "Search without the filter" not in html  # nothing to leave out


@pytest.mark.django_db
def test_places_are_filters_on_the_national_site_and_fixed_on_a_municipalitys(indexed):
    national = Client(HTTP_HOST="nacionalinis.localhost").get("/paieska/").content.decode()
    for key, label in (("municipality", "Savivaldybė"), ("county", "Apskritis"),
                       ("region", "Regionas")):
        assert re.search(rf'id="facetas-{key}"[^>]*>\s*<summary>{label}</summary>', national)
    own = page("/paieska/")
    assert not re.search(r'id="facetas-(municipality|county|region)"', own)


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "language"), [("/paieska/", "lt"), ("/en/search/", "en")])
def test_a_target_group_filter_describes_a_hard_official_name(indexed, path, language):
    html = page(path)
    described = {group.slug: group.description(language)
                 for group in TargetGroup.objects.exclude(description_lt="")}
    hints = re.findall(r'<input type="checkbox" id="(f-target_group-[^"]+)" name="target_group" '
                       r'value="([^"]+)"[^>]* aria-describedby="([^"]+)">', html)
    assert hints, "the demo's target groups include one with an easy-read description"
    for option_id, value, described_by in hints:
        assert described_by == f"{option_id}-apie"
        assert f'<p class="hint" id="{described_by}">{described[value]}</p>' in unescape(html)
