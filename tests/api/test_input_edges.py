"""Every input path is an input: no request to a public page, feed or the API answers 500,
the API answers every error as application/problem+json, and nothing an editor or an import
writes can run as script in a reader's browser or feed reader."""

import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import DataError, connection
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pages.models import (
    CollectionPage,
    FundingMeasurePage,
    MeasureIndexPage,
    MunicipalityHomePage,
    NewsIndexPage,
    NewsPage,
    Priority,
    ProjectIndexPage,
    ProjectPage,
    ProviderIndexPage,
    ProviderPage,
    TargetGroup,
    structure,
)
from search import facets, pipeline
from tests.api.conftest import get_json
from tests.factories import add_page, home, restrict, section

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SCRIPT = "</script><script>alert(1)</script>"
PROBLEM_JSON = "application/problem+json"
HUGE_ID = "9" * 20
SAVED_FILTERS = "target_group=senyvo-amziaus-asmenys&content_type=project"


def alytus_home(language: str = "lt") -> MunicipalityHomePage:
    return home("alytus", language)


@pytest.fixture
def collection(api) -> CollectionPage:
    page = CollectionPage(title="Projektai senjorams", slug="senjorams", filters=SAVED_FILTERS,
                          sort="newest", page_size=5)
    add_page(alytus_home(), page, publish=True)
    return page


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response.headers["Content-Type"] == PROBLEM_JSON
    problem = response.json()
    assert problem["status"] == status
    return problem


# Section index pages ----------------------------------------------------------------------

SECTIONS = [("alytus.localhost", "/projektai/", "/paieska/?content_type=project"),
            ("alytus.localhost", "/teikejai/", "/paieska/?content_type=provider"),
            ("alytus.localhost", "/naujienos/", "/paieska/?content_type=news"),
            ("alytus.localhost", "/en/projects/", "/en/search/?content_type=project"),
            ("alytus.localhost", "/en/news/", "/en/search/?content_type=news"),
            ("nacionalinis.localhost", "/priemones/", "/paieska/?content_type=measure"),
            ("nacionalinis.localhost", "/en/measures/", "/en/search/?content_type=measure")]


@pytest.mark.parametrize(("host", "path", "search"), SECTIONS)
def test_a_section_lists_its_public_children_and_links_to_its_search(api, host, path, search):
    response = Client(HTTP_HOST=host).get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{search}"' in html
    index = response.context["page"]
    children = list(index.get_children().live().public().order_by("-first_published_at"))
    assert children
    assert all(child.title in html for child in children[:structure.INDEX_PAGE_SIZE])


def hide_in_every_way(index) -> list[str]:
    """Children of `index` that are not public: a draft, an expired and a private page."""
    live = list(NewsPage.objects.child_of(index).live().order_by("pk")[:2])
    expired, private = live
    expired.expire_at = timezone.now() - timedelta(minutes=1)
    expired.save()
    restrict(private)
    draft = NewsPage(title="Juodraštinė naujiena", lead="Dar ne.", live=False)
    index.add_child(instance=draft)
    return [expired.title, private.title, draft.title]


def test_a_section_lists_no_draft_expired_or_private_child(api):
    index = NewsIndexPage.objects.child_of(alytus_home()).get()
    hidden = hide_in_every_way(index)
    html = api.get("/naujienos/").content.decode()
    assert "Iš viso: " in html
    assert not any(title in html for title in hidden)
    home = api.get("/").content.decode()
    assert 'href="/naujienos/"' in home


@pytest.mark.parametrize("raw", ["2", "²", "①", "-1", "0", "1e3", "abc", "%00", HUGE_ID,
                                 "9" * 5000, "2&page=3"])
def test_a_section_is_paged_and_reads_any_page_number(api, monkeypatch, raw):
    monkeypatch.setattr(structure, "INDEX_PAGE_SIZE", 3)
    response = api.get(f"/naujienos/?page={raw}")
    assert response.status_code == 200
    listing = response.context["listing"]
    expected = {"2": 2, "2&page=3": 3}.get(raw, 1)
    assert listing.number == expected
    assert len(listing.object_list) <= 3
    html = response.content.decode()
    if listing.has_next():
        assert f'href="?page={listing.number + 1}" rel="next"' in html


@pytest.mark.parametrize("language", ["lt", "en"])
def test_an_editor_can_view_the_draft_of_a_section(api, language):
    user = get_user_model().objects.create_superuser("redaktorius", "r@example.lt", "x")
    client = Client(HTTP_HOST="alytus.localhost")
    client.force_login(user)
    page = NewsIndexPage.objects.child_of(alytus_home(language)).get()
    page.intro = "<p>Nauja įžanga</p>"
    page.save_revision()
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert "Nauja įžanga" in response.content.decode()


PAGE_TYPES = [(ProjectPage, ProjectIndexPage, {"status": "planned"}),
              (NewsPage, NewsIndexPage, {"lead": "Įvadas"}),
              (ProviderPage, ProviderIndexPage, {}),
              (FundingMeasurePage, MeasureIndexPage, {"code": "08.1.1-CPVA-R-999"}),
              (ProjectIndexPage, None, {}), (CollectionPage, None, {"filters": SAVED_FILTERS})]


@pytest.mark.parametrize(("model", "parent_model", "fields"), PAGE_TYPES)
def test_an_editor_can_preview_a_new_page_of_every_type(api, model, parent_model, fields):
    """As the admin's preview of a page being created: placed in the tree, never saved."""
    home_page = alytus_home() if model is not FundingMeasurePage else home("nacionalinis")
    parent = section(home_page, parent_model) if parent_model else home_page
    if model is FundingMeasurePage:  # the form refuses to preview a measure without one
        fields = {**fields, "priority": Priority.objects.first()}
    page = model(title=f"Naujas {SCRIPT}", slug="naujas", locale=parent.locale, **fields)
    page.depth = parent.depth + 1
    page.path = parent.get_last_child()._inc_path()
    request = RequestFactory().get("/", HTTP_HOST="alytus.localhost")
    request.user = get_user_model().objects.create_superuser("redaktorius", "r@example.lt", "x")
    response = page.make_preview_request(original_request=request)
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


# Whole numbers, ids and NUL ------------------------------------------------------------------

ODD_NUMBERS = ["²", "①", "٣", "１", " 2", "2 ", "+2", "-2", "2.0", "1_0", "0x2", "", "%00",
               HUGE_ID]


@pytest.mark.parametrize("raw", ODD_NUMBERS)
@pytest.mark.parametrize("parameter", ["page", "page_size"])
def test_search_page_refuses_odd_numbers_with_400(api, parameter, raw):
    response = api.get(f"/paieska/?{parameter}={raw}")
    assert response.status_code == (200 if raw == "" else 400)
    if raw:
        assert parameter in response.content.decode()


@pytest.mark.parametrize("raw", ODD_NUMBERS)
@pytest.mark.parametrize(("path", "parameter"), [
    ("/api/v1/search/", "page"), ("/api/v1/search/", "page_size"),
    ("/api/v1/projects/", "page"), ("/api/v1/news/", "page_size"),
    ("/api/v1/search/suggest/?q=Aly&", "limit")])
def test_api_refuses_odd_numbers_as_problems(api, path, parameter, raw):
    if raw:
        separator = "" if path.endswith("&") else "?"
        problem = assert_problem(api.get(f"{path}{separator}{parameter}={raw}"), 400)
        assert problem["parameter"] == parameter


@pytest.mark.parametrize(("path", "parameter"), [
    ("/api/v1/search/suggest/", "q"), ("/api/v1/@querystring-search", "query"),
    ("/api/v1/pages/find/", "html_path")])
def test_a_missing_parameter_is_named(api, path, parameter):
    problem = assert_problem(api.get(path), 400)
    assert problem["parameter"] == parameter
    assert f"„{parameter}“" in problem["detail"]


@pytest.mark.parametrize("raw", ["²", "①", "-1", "abc", "%00", HUGE_ID])
def test_collection_page_reads_any_page_number(api, collection, raw):
    response = api.get(f"/senjorams/?page={raw}")
    assert response.status_code == 200
    assert response.context["query"].page == 1


@pytest.mark.parametrize("url", [f"/api/v1/{key}/{HUGE_ID}/" for key in
                                 ("projects", "measures", "providers", "news", "collections")]
                         + [f"/api/v1/projects/{HUGE_ID}/jsonld/"])
def test_ids_beyond_64_bits_are_404_problems(api, url):
    assert_problem(api.get(url), 404)


@pytest.mark.parametrize("suffix", ["rss", "atom"])
@pytest.mark.parametrize("page_id", [HUGE_ID, str(2**63), "0"])
def test_collection_feed_ids_beyond_64_bits_are_404(api, suffix, page_id):
    assert api.get(f"/feeds/collections/{page_id}.{suffix}").status_code == 404


def refuse_nul_as_postgresql(execute, sql, params, many, context):
    """What PostgreSQL does with a NUL in any text parameter (SQLite takes it)."""
    rows = params if many else [params]
    for row in rows or []:
        values = row.values() if isinstance(row, dict) else row or []
        if any(isinstance(value, str) and "\x00" in value for value in values):
            raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
    return execute(sql, params, many, context)


@pytest.fixture
def postgresql_nul(api):
    with connection.execute_wrapper(refuse_nul_as_postgresql):
        yield


NUL_API_URLS = [
    ("/api/v1/projects/?municipality=alytus%00", "municipality"),
    ("/api/v1/projects/?target_group=a%00b", "target_group"),
    ("/api/v1/providers/?service_type=%00", "service_type"),
    ("/api/v1/measures/?programme=x%00", "programme"),
    ("/api/v1/news/?municipality=%00", "municipality"),
    ("/api/v1/search/?q=%00", "q"),
    ("/api/v1/search/?measure=08.1.1%00", "measure"),
    ("/api/v1/search/?target_group=a%00b", "target_group"),
    ("/api/v1/search/suggest/?q=al%00", "q"),
    ("/api/v1/search/suggest/?q=al&municipality=%00", "municipality"),
    ("/api/v1/taxonomies/target_group/?lang=%00", "lang"),
    ("/api/v1/search/?%00=1", ""),
    ("/feeds/news.rss?x=%00", "x"),
]


@pytest.mark.parametrize(("url", "parameter"), NUL_API_URLS)
def test_nul_in_a_parameter_is_a_400_problem(postgresql_nul, api, url, parameter):
    problem = assert_problem(api.get(url), 400)
    assert problem.get("parameter", "") == parameter


@pytest.mark.parametrize("url", ["/paieska/?q=%00", "/paieska/?measure=08.1.1%00",
                                 "/paieska/?target_group=%00", "/en/search/?q=a%00"])
def test_nul_on_the_search_page_is_a_400(postgresql_nul, api, url):
    assert api.get(url).status_code == 400


@pytest.mark.parametrize("url", ["/naujienos/?page=%00", "/senjorams/?page=%00",
                                 "/api/v1/taxonomies/a%00/", "/api/v1/projects/%00/",
                                 "/projektai%00/"])
def test_nul_elsewhere_is_never_a_500(postgresql_nul, api, collection, url):
    response = api.get(url)
    assert response.status_code < 500
    if url.startswith("/api/"):
        assert response.headers["Content-Type"] == PROBLEM_JSON


# Unknown API paths and methods ---------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/nope/", "/api/v1/projects/1/extra/",
                                  "/api/v1/search/suggest/more/", "/api/v1/a%0Ab/"])
def test_unknown_api_paths_are_404_problems(api, path):
    assert_problem(api.get(path), 404)


def test_an_unknown_api_path_without_slash_ends_as_a_problem(api):
    response = api.get("/api/v1/nope", follow=True)
    assert_problem(response, 404)
    assert api.get("/api/v1/projects", follow=True).status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/v1/projects/", "/api/v1/search/",
                                  "/api/v1/taxonomies/"])
def test_wrong_methods_are_405_problems(api, method, path):
    response = getattr(api, method)(path)
    problem = assert_problem(response, 405)
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS" == api.options(path)["Allow"]
    assert method.upper() in problem["detail"]


def test_an_unknown_host_under_the_api_is_still_a_problem(demo, db):
    assert_problem(Client(HTTP_HOST="unknown.localhost").get("/api/v1/nope/"), 404)


# A collection whose saved filter names a term renamed since ----------------------------------

def test_a_collection_survives_a_renamed_term(api, collection):
    term = TargetGroup.objects.get(slug="senyvo-amziaus-asmenys")
    term.slug = "senjorai"
    term.save()
    facets._term_labels.clear()
    expected = get_json(api, "/api/v1/search/?content_type=project&sort=newest&page_size=5")
    page = api.get("/senjorams/")
    assert page.status_code == 200
    assert [hit["title"] for hit in page.context["results"]] == \
        [hit["title"] for hit in expected["results"]]
    assert 'href="/paieska/?content_type=project&amp;sort=newest"' in page.content.decode()
    for suffix in ("rss", "atom"):
        assert api.get(f"/feeds/collections/{collection.pk}.{suffix}").status_code == 200
    detail = get_json(api, f"/api/v1/collections/{collection.pk}/")
    assert detail["query"]["filters"] == {"content_type": ["project"]}
    assert detail["results"]["count"] == expected["count"]
    get_json(api, f"/api/v1/collections/{collection.pk}/jsonld/")


def test_a_collection_with_a_removed_sort_or_a_zero_size_still_shows(api, collection):
    CollectionPage.objects.filter(pk=collection.pk).update(sort="cheapest", page_size=0,
                                                           filters="colour=red&page=2")
    assert api.get("/senjorams/").status_code == 200
    assert api.get(f"/feeds/collections/{collection.pk}.rss").status_code == 200
    get_json(api, f"/api/v1/collections/{collection.pk}/")


# Script injection ---------------------------------------------------------------------------

def alytus_news() -> NewsPage:
    return NewsPage.objects.live().descendant_of(alytus_home()).order_by("pk").first()


@pytest.mark.parametrize("path", ["/feeds/news.rss", "/feeds/news.atom"])
def test_an_expired_news_item_leaves_the_feed_when_it_expires(api, path):
    news = alytus_news()
    assert news.title in api.get(path).content.decode()
    NewsPage.objects.filter(pk=news.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    assert news.title not in api.get(path).content.decode()


def test_an_expired_collection_has_no_feed(api, collection):
    CollectionPage.objects.filter(pk=collection.pk).update(
        expire_at=timezone.now() - timedelta(seconds=1))
    assert api.get(f"/feeds/collections/{collection.pk}.rss").status_code == 404


def feed_descriptions(content: bytes) -> list[str]:
    root = ElementTree.fromstring(content)
    return [item.findtext("description") for item in root.iter("item")] or \
        [entry.findtext(f"{ATOM}summary") for entry in root.iter(f"{ATOM}entry")]


@pytest.mark.parametrize("path", ["/feeds/news.rss", "/feeds/news.atom"])
def test_a_feed_shows_a_lead_that_looks_like_markup_as_text(api, path):
    news = alytus_news()
    news.lead = f"Įvadas {SCRIPT} <img src=x onerror=alert(2)>"
    news.save_revision().publish()
    descriptions = feed_descriptions(api.get(path).content)
    # The reader receives HTML (type="html"): the lead's markup arrives escaped, as text.
    assert "Įvadas &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x " \
           "onerror=alert(2)&gt;" in descriptions
    assert not any("<script" in text or "<img" in text for text in descriptions)


@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_a_collection_feed_shows_a_summary_that_looks_like_markup_as_text(api, suffix):
    project = ProjectPage.objects.live().descendant_of(alytus_home()).order_by("pk").first()
    project.title = "Zuikių projektas"
    project.summary = "Santrauka <img src=x onerror=alert(2)>"
    project.save_revision().publish()
    pipeline.drain()
    page = CollectionPage(title="Zuikiai", slug="zuikiai", query_text="Zuikių projektas",
                          sort="relevance", page_size=5)
    add_page(alytus_home(), page, publish=True)
    descriptions = feed_descriptions(api.get(f"/feeds/collections/{page.pk}.{suffix}").content)
    assert "Santrauka &lt;img src=x onerror=alert(2)&gt;" in descriptions
    assert not any("<img" in text for text in descriptions)


def embedded_json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize("language", ["lt", "en"])
@pytest.mark.parametrize(("site", "model"), [("alytus", ProjectPage), ("alytus", ProviderPage),
                                             ("alytus", NewsPage),
                                             ("nacionalinis", FundingMeasurePage)])
def test_every_page_type_renders_with_its_json_ld(api, site, model, language):
    page = model.objects.live().descendant_of(home(site, language)).order_by("pk").first()
    response = Client(HTTP_HOST=f"{site}.localhost").get(page.url)
    assert response.status_code == 200
    assert [document["name"] for document in embedded_json_ld(response.content.decode())] \
        == [page.title]


def test_a_title_cannot_break_out_of_a_page_s_json_ld(api):
    project = ProjectPage.objects.live().descendant_of(alytus_home()).order_by("pk").first()
    project.title = f"Projektas {SCRIPT} & <b>"
    project.save_revision().publish()
    html = api.get(project.url).content.decode()
    assert "<script>alert(1)" not in html
    documents = embedded_json_ld(html)
    assert [document["name"] for document in documents] == [project.title]
    assert documents[0]["@type"] == get_json(api, f"/api/v1/projects/{project.pk}/"
                                                  "jsonld/")["@type"]


def test_a_title_cannot_break_out_of_a_collection_s_json_ld(api, collection):
    collection.title = f"Rinkinys {SCRIPT}"
    collection.save_revision().publish()
    html = api.get("/senjorams/").content.decode()
    assert "<script>alert(1)" not in html
    documents = embedded_json_ld(html)
    assert [document["name"] for document in documents] == [collection.title]
    assert documents[0]["@type"] == "CollectionPage"


# A quick fuzz of the public pages and feeds --------------------------------------------------

ODD_VALUES = ["²", "-1", HUGE_ID, "%00", "%FF", "a" * 600, "<script>'\"", "1e9",
              "20%D9%A2%D9%A0"]
PARAMETERS = ["page", "page_size", "q", "sort", "lang", "target_group", "municipality",
              "measure", "start_year", "content_type", "format", "x"]


def public_paths() -> list[str]:
    """One public page of each type on Alytus' site, in both languages, and its feeds."""
    pages = [model.objects.live().descendant_of(alytus_home(language)).order_by("pk").first()
             for model in (ProjectPage, ProviderPage, NewsPage) for language in ("lt", "en")]
    return ["/", "/naujienos/", "/en/projects/", "/senjorams/", "/paieska/", "/en/search/",
            "/feeds/news.rss", "/en/feeds/news.atom", *(page.url for page in pages if page)]


@pytest.mark.parametrize("parameter", PARAMETERS)
def test_no_public_page_or_feed_answers_500_to_an_odd_parameter(postgresql_nul, api,
                                                                collection, parameter):
    collection_feed = f"/feeds/collections/{collection.pk}.rss"
    for path in [*public_paths(), collection_feed]:
        for value in ODD_VALUES:
            response = api.get(f"{path}?{parameter}={value}&{parameter}={value}")
            assert response.status_code < 500, (path, parameter, value)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(PARAMETERS), st.text(max_size=30), max_size=4))
def test_no_search_answers_500_to_any_text(api, params):
    for path in ("/paieska/", "/api/v1/search/", "/naujienos/"):
        response = api.get(path, params)
        assert response.status_code < 500, (path, params)
        if path.startswith("/api/") and response.status_code >= 400:
            assert response.headers["Content-Type"] == PROBLEM_JSON
