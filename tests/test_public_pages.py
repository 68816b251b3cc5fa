"""The residents' pages: dates and sums written per language, every fact of each page type
in Lithuanian and English, never a non-public page named, the site's chrome (search box,
breadcrumbs, contacts, accessibility statement) and the error pages."""

import datetime
import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.defaults import server_error
from wagtail.models import Page

from pages.models import (
    FundingMeasurePage,
    MunicipalityHomePage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    ProviderIndexPage,
    ProviderPage,
)
from pages.templatetags.page_formats import euros, long_date, number, period_label
from tests.factories import home, imported, section

# Formatting filters ---------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "expected"), [
    ("lt", "2017 m. liepos 20 d."), ("en", "20 July 2017")])
def test_long_date_is_written_as_the_language_writes_it(language, expected):
    with translation.override(language):
        assert long_date(datetime.date(2017, 7, 20)) == expected


@pytest.mark.parametrize(("language", "expected"), [
    ("lt", "346 361,00 €"), ("en", "€346,361.00")])
def test_euros_are_grouped_and_signed_as_the_language_writes_them(language, expected):
    with translation.override(language):
        assert euros(Decimal("346361.00")) == expected


@pytest.mark.parametrize(("language", "value", "expected"), [
    ("lt", Decimal("1234567.5"), "1 234 567,50 €"), ("en", 5, "€5.00"), ("lt", 0, "0,00 €")])
def test_euros_always_show_cents(language, value, expected):
    with translation.override(language):
        assert euros(value) == expected


@pytest.mark.parametrize(("language", "value", "expected"), [
    ("lt", Decimal("12000.00"), "12 000"), ("en", Decimal("12000.00"), "12,000"),
    ("lt", Decimal("2.50"), "2,50"), ("en", Decimal("1234.25"), "1,234.25")])
def test_numbers_show_decimals_only_when_they_have_some(language, value, expected):
    with translation.override(language):
        assert number(value) == expected


@pytest.mark.parametrize("empty", [None, ""])
def test_nothing_formats_as_nothing(empty):
    assert (long_date(empty), euros(empty), number(empty), period_label(empty)) == ("",) * 4


def test_programming_period_is_written_with_a_dash():
    assert period_label("2021-2027") == "2021–2027"


# Content of the Alytus site ------------------------------------------------------------------

ADMINISTRATION = {
    "id": "prov-admin", "type": "provider", "site": "alytus",
    "title": "Alytaus miesto savivaldybės administracija",
    "provider_type": "savivaldybes-administracija", "municipality": "alytus",
    "legal_code": "188719973", "street_address": "Rotušės a. 4", "postal_code": "LT-62504",
    "city": "Alytus", "contact_phone": "+370 315 55 111", "contact_email": "info@alytus.example",
    "website": "https://www.alytus.example/", "service_types": ["savarankisko-gyvenimo-namai"],
    "target_groups": ["socialines-rizikos-asmenys"]}
ADMINISTRATION_EN = {"id": "prov-admin", "type": "provider", "locale": "en",
                     "title": "Alytus City Municipality Administration"}
HIDDEN_PROVIDER = {"id": "prov-hidden", "type": "provider", "site": "alytus",
                   "title": "Neskelbiama bendrija", "provider_type": "nvo", "live": False}
CENTRE = {"id": "prov-centre", "type": "provider", "site": "alytus",
          "title": "Alytaus socialinių paslaugų centras", "provider_type": "biudzetine-istaiga"}
CENTRE_EN = {"id": "prov-centre", "type": "provider", "locale": "en",
             "title": "Alytus Social Services Centre"}
MEASURE = {"id": "m-407", "type": "measure", "site": "nacionalinis",
           "title": "Socialinių paslaugų infrastruktūros plėtra", "code": "08.1.1-CPVA-R-407",
           "priority": "veiksmu-programa-2014-2020-08", "agency": "cpva", "fund": "erpf",
           "selection_method": "R", "eu_amount": "12000000.00"}
MEASURE_EN = {"id": "m-407", "type": "measure", "locale": "en",
              "title": "Development of social services infrastructure"}
HIDDEN_MEASURE = {"id": "m-hidden", "type": "measure", "site": "nacionalinis",
                  "title": "Neskelbiama priemonė", "code": "08.4.1-ESFA-V-416",
                  "priority": "veiksmu-programa-2014-2020-08"}  # unpublished once referred to
PROJECT = {
    "id": "p-home", "type": "project", "site": "alytus",
    "title": "Savarankiško gyvenimo namai Alytuje", "project_code": "08.1.1-CPVA-R-407-11-0005",
    "call_code": "08.1.1-CPVA-R-407-11", "measure": "m-407", "status": "completed",
    "lead_beneficiary": "prov-admin", "municipalities": ["alytus"],
    "target_groups": ["socialines-rizikos-asmenys"],
    "service_types": ["savarankisko-gyvenimo-namai"], "funds": ["erpf"],
    "budget_total": "407484.71", "eu_amount": "346361.00", "national_amount": "61123.71",
    "agreement_date": "2017-07-20", "start_date": "2017-07-20", "end_date": "2020-12-31",
    "capacity": 20, "street_address": "Ulonų g. 14B", "city": "Alytus",
    "contact_name": "Ona Onaitė", "contact_phone": "+370 600 00 001",
    "summary": "Namai dvidešimčiai žmonių.", "goal": "Įkurti namus.",
    "results": ["Įkurti savarankiško gyvenimo namai."],
    "partners": [{"provider": "prov-admin", "role": "partner"},
                 {"provider": "prov-hidden", "role": "service_provider"}]}
PROJECT_EN = {"id": "p-home", "type": "project", "locale": "en",
              "title": "Independent-living home in Alytus",
              "summary": "A home for twenty people.", "goal": "Open a home.",
              "results": ["An independent-living home opened."]}
PROJECT_OF_HIDDEN = {"id": "p-hidden-refs", "type": "project", "site": "alytus",
                     "title": "Projektas su neskelbiamais ryšiais", "status": "running",
                     "measure": "m-hidden", "lead_beneficiary": "prov-hidden"}
HIDDEN_PROJECT = {"id": "p-draft", "type": "project", "site": "alytus",
                  "title": "Neskelbiamas projektas", "status": "planned", "measure": "m-407",
                  "lead_beneficiary": "prov-admin", "live": False}
NEWS = {"id": "n-opened", "type": "news", "site": "alytus", "title": "Atidaryti namai",
        "date_published": "2020-12-31", "kind": "completion", "lead": "Namai atidaryti.",
        "about_projects": ["p-home", "p-draft"], "mentioned_providers": ["prov-hidden"]}
NEWS_EN = {"id": "n-opened", "type": "news", "locale": "en", "title": "The home opened",
           "lead": "The home is open."}
LINES = [ADMINISTRATION, ADMINISTRATION_EN, CENTRE, CENTRE_EN, HIDDEN_PROVIDER, MEASURE,
         MEASURE_EN, HIDDEN_MEASURE, PROJECT, PROJECT_EN, PROJECT_OF_HIDDEN, HIDDEN_PROJECT,
         NEWS, NEWS_EN]
HIDDEN_TITLES = (HIDDEN_PROVIDER["title"], HIDDEN_MEASURE["title"], HIDDEN_PROJECT["title"])


@pytest.fixture
def content(sites, run_import) -> None:
    result = run_import(LINES)
    assert not result.failed, result.stderr
    imported(FundingMeasurePage, HIDDEN_MEASURE["id"]).unpublish()


def html_of(page: Page, path_suffix: str = "", status: int = 200) -> str:
    """The page as a resident's browser gets it from its own site."""
    url = urlsplit(page.get_full_url())
    response = Client(HTTP_HOST=url.hostname).get(url.path + path_suffix)
    assert response.status_code == status
    return response.content.decode()


def assert_names_no_hidden_page(html: str) -> None:
    assert [title for title in HIDDEN_TITLES if title in html] == []


PROJECT_FACTS = {
    "lt": ("<dt>Kodas</dt><dd>08.1.1-CPVA-R-407-11-0005</dd>", "<dd>Įgyvendintas</dd>",
           "<dd>2017 m. liepos 20 d. – 2020 m. gruodžio 31 d.</dd>",
           "<dd class=\"amount\">407 484,71 €</dd>", "<dd class=\"amount\">346 361,00 €</dd>",
           "<dd class=\"amount\">61 123,71 €</dd>", "Europos regioninės plėtros fondas",
           "08.1.1-CPVA-R-407 Socialinių paslaugų infrastruktūros plėtra",
           "Alytaus miesto savivaldybės administracija", "Socialinės rizikos asmenys",
           "Ulonų g. 14B, Alytus", "Ona Onaitė", "Įkurti savarankiško gyvenimo namai.",
           "Bendrai finansuoja Europos Sąjunga", "<dt>Vykdytojas</dt>", "<h2>Partneriai</h2>",
           "<dd>2014–2020</dd>"),
    "en": ("<dt>Code</dt><dd>08.1.1-CPVA-R-407-11-0005</dd>", "<dd>Completed</dd>",
           "<dd>20 July 2017 – 31 December 2020</dd>", "<dd class=\"amount\">€407,484.71</dd>",
           "<dd class=\"amount\">€346,361.00</dd>", "<dd class=\"amount\">€61,123.71</dd>",
           "European Regional Development Fund",
           "08.1.1-CPVA-R-407 Development of social services infrastructure",
           "Alytus City Municipality Administration", "An independent-living home opened.",
           "Co-funded by the European Union", "<dt>Lead beneficiary</dt>", "<h2>Partners</h2>"),
}
# Labels of the interface that an English page must not show, and the reverse.
LITHUANIAN_UI = ("Paieška", "Kontaktai", "Prieinamumo deklaracija", "Kodas", "Būsena")
ENGLISH_UI = ("Search this site", "Contacts", "Accessibility statement", "Status")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["lt", "en"])
def test_project_page_shows_every_fact_in_its_language(content, language):
    html = html_of(imported(ProjectPage, "p-home", language))
    assert [fact for fact in PROJECT_FACTS[language] if fact not in html] == []
    assert '<svg class="eu-emblem__flag"' in html and html.count("<use ") == 12
    assert_names_no_hidden_page(html)
    foreign = ENGLISH_UI if language == "lt" else LITHUANIAN_UI
    assert [label for label in foreign if label in html] == []


@pytest.mark.django_db
def test_project_names_no_hidden_measure_or_lead_beneficiary(content):
    html = html_of(imported(ProjectPage, "p-hidden-refs"))
    assert_names_no_hidden_page(html)
    assert "<dt>Priemonė</dt>" not in html and "<dt>Vykdytojas</dt>" not in html
    assert "Europos Sąjunga" not in html  # no EU funds recorded: no emblem


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "facts"), [
    ("lt", ("Rotušės a. 4, LT-62504 Alytus", "+370 315 55 111", "mailto:info@alytus.example",
            "https://www.alytus.example/", "Savivaldybės administracija",
            "Savarankiško gyvenimo namai", "Socialinės rizikos asmenys",
            "Savarankiško gyvenimo namai Alytuje")),
    ("en", ("Rotušės a. 4, LT-62504 Alytus", "Independent-living home in Alytus",
            "Municipal administration", "Show on the map")),
])
def test_provider_page_shows_contacts_map_services_and_public_projects(content, language, facts):
    html = html_of(imported(ProviderPage, "prov-admin", language))
    assert [fact for fact in facts if fact not in html] == []
    assert "https://www.openstreetmap.org/search?query=Rotu%C5%A1%C4%97s+a.+4" in html
    assert_names_no_hidden_page(html)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "facts"), [
    ("lt", ("08.1.1-CPVA-R-407", "Socialinių paslaugų infrastruktūros plėtra",
            "<dt>Programa</dt>", "<dt>Prioritetas</dt>", "12 000 000,00 €",
            "Savarankiško gyvenimo namai Alytuje")),
    ("en", ("Development of social services infrastructure", "<dt>Programme</dt>",
            "<dt>Priority</dt>", "€12,000,000.00", "Independent-living home in Alytus")),
])
def test_measure_page_shows_programme_priority_and_public_projects(content, language, facts):
    measure = imported(FundingMeasurePage, "m-407", language)
    html = html_of(measure)
    assert [fact for fact in facts if fact not in html] == []
    assert str(measure.priority.programme.label(language)) in html
    assert_names_no_hidden_page(html)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "facts"), [
    ("lt", ("2020 m. gruodžio 31 d.", "Namai atidaryti.", "Savarankiško gyvenimo namai Alytuje",
            "Projekto pabaiga")),
    ("en", ("31 December 2020", "The home is open.", "Independent-living home in Alytus",
            "Project completion")),
])
def test_news_page_shows_date_lead_and_public_projects(content, language, facts):
    html = html_of(imported(NewsPage, "n-opened", language))
    assert [fact for fact in facts if fact not in html] == []
    assert_names_no_hidden_page(html)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "search"), [("lt", "/paieska/"), ("en", "/en/search/")])
def test_site_chrome_has_search_breadcrumbs_contacts_and_accessibility_link(content, language,
                                                                           search):
    project = imported(ProjectPage, "p-home", language)
    html = html_of(project)
    alytus = home("alytus", language)
    home_path = "/" if language == "lt" else "/en/"
    assert f'<a class="site-name" href="{home_path}">{alytus.title}</a>' in html
    assert f'action="{search}"' in html and 'name="q"' in html
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert alytus.title in crumbs and project.get_parent().title in crumbs
    assert "+370 315 55 111" in html.split('class="site-footer"')[1]
    statement = "prieinamumo-deklaracija/" if language == "lt" else "accessibility-statement/"
    assert statement in html
    assert '<meta name="description" content="' in html
    assert "pages/site.css" in html and "pages/favicon.svg" in html
    assert f'hreflang="{"en" if language == "lt" else "lt"}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["lt", "en"])
def test_home_page_has_a_search_box_latest_news_and_sections(content, language):
    alytus = home("alytus", language)
    html = html_of(alytus)
    news = imported(NewsPage, "n-opened", language)
    assert news.title in html
    for index_model in (ProjectIndexPage, ProviderIndexPage):
        assert section(alytus, index_model).title in html
    assert 'id="pagrindine-paieska"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["lt", "en"])
def test_national_home_lists_its_sections(content, language):
    html = html_of(home("nacionalinis", language))
    assert ("Finansavimo priemonės" if language == "lt" else "Funding measures") in html


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "search"), [
    ("lt", "/paieska/?content_type=provider"), ("en", "/en/search/?content_type=provider")])
def test_section_lists_public_children_a_page_at_a_time(content, language, search,
                                                        monkeypatch):
    monkeypatch.setattr("pages.models.structure.INDEX_PAGE_SIZE", 1)
    providers = section(home("alytus", language), ProviderIndexPage)
    first = html_of(providers)
    assert search in first and 'rel="next"' in first
    assert imported(ProviderPage, "prov-admin", language).title in first
    assert_names_no_hidden_page(first + html_of(providers, "?page=2"))


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "path", "heading"), [
    ("lt", "prieinamumo-deklaracija/", "Prieinamumo deklaracija"),
    ("en", "accessibility-statement/", "Accessibility statement")])
def test_accessibility_statement_names_the_site_and_its_contacts(content, language, path,
                                                                 heading):
    alytus = home("alytus", language)
    html = html_of(alytus, path)
    assert f"<h1>{heading}</h1>" in html and alytus.title in html
    assert "info@alytus.example" in html
    other = "accessibility-statement/" if language == "lt" else "prieinamumo-deklaracija/"
    other_home = home("alytus", "en" if language == "lt" else "lt")
    assert f'href="{urlsplit(other_home.get_full_url()).path}{other}"' in html
    html_of(alytus, other, status=404)


@pytest.mark.django_db
def test_accessibility_statement_written_by_staff_replaces_the_standard_one(content):
    alytus = home("alytus")
    alytus.accessibility_statement = "<p>Mūsų deklaracija.</p>"
    alytus.save_revision().publish()
    html = html_of(alytus, "prieinamumo-deklaracija/")
    assert "Mūsų deklaracija." in html and "klaviatūra" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "expected", "foreign"), [
    ("", ("Puslapis nerastas", "Alytaus miesto savivaldybė", 'lang="lt"'), "Page not found"),
    ("/en", ("Page not found", "Alytus City Municipality", 'lang="en"'), "Puslapis nerastas")])
def test_not_found_page_is_in_the_sites_language_with_its_chrome(content, prefix, expected,
                                                               foreign):
    response = Client(HTTP_HOST="alytus.localhost").get(f"{prefix}/nera-tokio/")
    html = response.content.decode()
    assert response.status_code == 404
    assert [text for text in expected if text not in html] == [] and foreign not in html


@pytest.mark.django_db
def test_not_found_page_of_an_unknown_host_has_no_sites_chrome(content):
    response = Client(HTTP_HOST="localhost").get("/nera-tokio/")
    assert response.status_code == 404 and "Puslapis nerastas" in response.content.decode()


def test_server_error_page_renders_without_the_database_or_static_files(settings):
    """No database access is allowed here, and static files may be what failed: the page
    renders from the language alone."""
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}}
    settings.STATIC_ROOT = "/nonexistent"  # no manifest: any {% static %} would raise
    with translation.override("en"):
        response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html and 'lang="en"' in html


def test_server_error_page_is_lithuanian_by_default():
    html = server_error(RequestFactory().get("/")).content.decode()
    assert '<html lang="lt">' in html and "Atsiprašome" in html


@pytest.mark.parametrize(("language", "home_path", "statement"), [
    ("lt", "/", "/prieinamumo-deklaracija/"), ("en", "/en/", "/en/accessibility-statement/")])
def test_server_error_page_has_the_sites_header_and_a_way_home(language, home_path, statement):
    with translation.override(language):
        html = server_error(RequestFactory().get("/")).content.decode()
    assert '<header class="bar">' in html and "<footer>" in html
    assert html.count(f'href="{home_path}"') == 2 and f'href="{statement}"' in html


LINK = re.compile(r'<a href="((?:http://[a-z]+\.localhost)?/[^"]*)"([^>]*)>')  # the sites' links


UNTRANSLATED = [(FundingMeasurePage, "m-407"), (ProviderPage, "prov-admin")]


@pytest.mark.django_db
def test_an_english_page_marks_each_link_to_a_lithuanian_page(content):
    """A related page not translated yet is linked in Lithuanian, and says so (WCAG 3.1.2)."""
    for model, page_id in UNTRANSLATED:
        imported(model, page_id, "en").unpublish()
    html = html_of(imported(ProjectPage, "p-home", "en"))
    links = [(urlsplit(href).path, href, attributes) for href, attributes in LINK.findall(html)]
    lithuanian = [(href, attributes) for path, href, attributes in links
                  if not path.startswith(("/en/", "/static/", "/feeds/"))]
    assert {urlsplit(imported(model, page_id).full_url).path
            for model, page_id in UNTRANSLATED} <= {
        urlsplit(href).path for href, _attributes in lithuanian}
    assert all('lang="lt"' in attributes for _href, attributes in lithuanian), lithuanian
    assert not any('lang="lt"' in attributes for path, _href, attributes in links
                   if path.startswith("/en/"))


DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)">')


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["lt", "en"])
def test_every_public_template_describes_its_page_in_its_language(content, language):
    alytus, national = home("alytus", language), home("nacionalinis", language)
    search = "/paieska/" if language == "lt" else "/en/search/"
    pages = {"home": html_of(alytus), "national home": html_of(national),
             "section": html_of(section(alytus, ProviderIndexPage)),
             "search": Client(HTTP_HOST="alytus.localhost").get(search).content.decode(),
             "not found": html_of(alytus, "nera-tokio/", status=404),
             "project": html_of(imported(ProjectPage, "p-home", language))}
    described = {name: DESCRIPTION.findall(html) for name, html in pages.items()}
    assert all(len(found) == 1 for found in described.values()), described
    texts = {name: found[0] for name, found in described.items()}
    found = [text for name, text in texts.items() if name != "not found"]
    assert len(set(found)) == len(found), texts  # each page its own
    offer = "projects, funding measures" if language == "en" else "projektai, finansavimo"
    assert offer in texts["home"] and alytus.title in texts["home"]


@pytest.mark.django_db
def test_sections_listed_on_the_home_page_are_public_only(content):
    alytus = home("alytus")
    providers = section(alytus, ProviderIndexPage)
    providers.unpublish()
    assert providers.title not in html_of(MunicipalityHomePage.objects.get(pk=alytus.pk))
