"""Routing and rendering from the API alone: finding the page a site path shows, hits and
suggestions that name their path and API detail, and translations followed through the API."""

import json
from urllib.parse import urlsplit

import pytest
from django.test import Client

from pages.models import ProjectPage
from tests.api.conftest import get_json
from tests.factories import hide, home

pytestmark = pytest.mark.django_db


def translated_project() -> ProjectPage:
    return (ProjectPage.objects.live().descendant_of(home("alytus"))
            .filter(translation_key__in=ProjectPage.objects.live()
                    .filter(locale__language_code="en").values("translation_key"))
            .filter(locale__language_code="lt").order_by("pk").first())


def find(api: Client, path: str, status: int = 200) -> dict:
    return get_json(api, f"/api/v1/pages/find/?html_path={path}", status)


@pytest.mark.parametrize("language", ["lt", "en"])
def test_a_path_of_the_site_finds_its_page_and_detail(api, language):
    source = translated_project()
    page = source if language == "lt" else ProjectPage.objects.get(
        translation_key=source.translation_key, locale__language_code="en")
    path = urlsplit(page.full_url).path
    assert path.startswith("/en/") == (language == "en")
    found = find(api, path)
    assert (found["id"], found["type"], found["locale"]) == (page.pk, "project", language)
    detail = get_json(api, urlsplit(found["detail_url"]).path)
    assert detail["id"] == page.pk and detail["path"] == path
    assert find(api, path.rstrip("/") + "?utm=1")["id"] == page.pk


@pytest.mark.parametrize("path", ["/", "/projektai/", "/no-such-page/", "/en/no-such/",
                                  "/projektai/no-such-page/", "//", "/de/projektai/"])
def test_a_path_showing_no_public_page_of_the_api_is_not_found(api, path):
    problem = find(api, path, 404)
    assert problem["parameter"] == "html_path"


@pytest.mark.parametrize("state", ["unpublished", "restricted", "expired"])
def test_a_hidden_page_is_not_found_by_its_path(api, state):
    page = translated_project()
    path = urlsplit(page.full_url).path
    assert find(api, path)["id"] == page.pk
    hide(page, state)
    find(api, path, 404)


def test_a_page_of_another_site_is_not_found_through_this_site(api):
    page = ProjectPage.objects.live().descendant_of(home("alytus")).first()
    other = Client(HTTP_HOST="birstonas.localhost")
    response = other.get(f"/api/v1/pages/find/?html_path={urlsplit(page.full_url).path}")
    assert response.status_code == 404 or response.json()["id"] != page.pk


def test_a_detail_lists_its_public_translations_and_the_filter_finds_them(api):
    source = translated_project()
    detail = get_json(api, f"/api/v1/projects/{source.pk}/")
    [english] = detail["translations"]
    assert english["locale"] == "en" and english["path"].startswith("/en/")
    translated = get_json(api, urlsplit(english["detail_url"]).path)
    assert translated["locale"] == "en"
    assert [item["id"] for item in translated["translations"]] == [source.pk]
    listed = get_json(api, f"/api/v1/projects/?translation_of={source.pk}")["results"]
    assert [item["id"] for item in listed] == [english["id"]]
    hide(ProjectPage.objects.get(pk=english["id"]), "restricted")
    assert get_json(api, f"/api/v1/projects/{source.pk}/")["translations"] == []
    assert get_json(api, f"/api/v1/projects/?translation_of={source.pk}")["count"] == 0


def test_page_urls_follow_the_host_and_port_the_api_is_asked_on(api):
    """The site records name no port; asked through another port (a proxy, the demo), every
    URL of a page on this site names the port asked on, and other sites' pages keep theirs."""
    proxied = Client(HTTP_HOST="alytus.localhost:9999")
    site_url = "http://alytus.localhost:9999/"
    hits = get_json(proxied, "/api/v1/search/?page_size=50")["results"]
    urls = [hit["url"] for hit in hits]
    urls += [item["url"] for item in get_json(proxied, "/api/v1/search/suggest/?q=Aly")["results"]]
    project = get_json(proxied, "/api/v1/projects/?municipality=alytus")["results"][0]
    detail = get_json(proxied, f"/api/v1/projects/{project['id']}/")
    urls += [project["url"], detail["url"]]
    json_ld = get_json(proxied, f"/api/v1/projects/{project['id']}/jsonld/")
    urls += [json_ld["url"], json_ld["@id"]]
    projects = json.dumps([{"i": "portal_type", "v": ["project"],
                            "o": "plone.app.querystring.operation.selection.any"}])
    plone = get_json(proxied, f"/api/v1/@querystring-search?b_size=50&query={projects}")["items"]
    urls += [item["url"] for item in plone]
    ours = [url for url in urls if urlsplit(url).hostname == "alytus.localhost"]
    assert ours and all(url.startswith(site_url) for url in ours)
    others = [url for url in urls if urlsplit(url).hostname != "alytus.localhost"]
    assert all(urlsplit(url).port is None for url in others)
    sites = get_json(proxied, "/api/v1/municipalities/?lang=en")
    urls_of_sites = {term["slug"]: term["site"]["url"] for term in sites if term["site"]}
    assert urls_of_sites["alytus"] == site_url.rstrip("/")


def test_hits_and_suggestions_name_their_path_and_api_detail(api):
    for hit in get_json(api, "/api/v1/search/?page_size=20")["results"]:
        assert hit["path"] == urlsplit(hit["url"]).path
        detail = get_json(api, urlsplit(hit["detail_url"]).path)
        assert (detail["id"], detail["type"]) == (hit["id"], hit["type"])
    for item in get_json(api, "/api/v1/search/suggest/?q=Aly")["results"]:
        detail = get_json(api, urlsplit(item["detail_url"]).path)
        assert (detail["id"], detail["title"]) == (item["id"], item["title"])
