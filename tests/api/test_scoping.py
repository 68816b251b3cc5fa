"""Site scoping: no unknown host, no draft, no private page and no other municipality's
unpublished content through any endpoint; previews only for editors, on the page's own site."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from wagtail.models import APIToken

from cms.scope import site_scope
from pages.models import CollectionPage, MunicipalityHomePage, ProjectPage
from search import pipeline
from tests.factories import draft_project, home, restrict

pytestmark = pytest.mark.django_db
SECRET = "Slaptasjuodrastis"
PUBLIC_URLS = ["/api/v1/search/?q={q}", "/api/v1/search/suggest/?q={q}", "/api/v1/projects/",
               "/api/v1/projects/?page_size=50&municipality=kalvarija", "/api/v1/openapi.json",
               "/api/v1/taxonomies/target_group/", "/feeds/news.rss", "/paieska/?q={q}",
               "/api/v1/collections/"]


def alytus_project() -> ProjectPage:
    return ProjectPage.objects.live().descendant_of(home("alytus")).first()


@pytest.fixture
def hidden(api):
    """A new draft, a draft edit of a live page, and a private page, in two municipalities."""
    published = alytus_project()
    published.title = f"{SECRET} pakeistas"
    published.save_revision()
    draft = draft_project(home("kalvarija"), f"{SECRET} naujas")
    private = ProjectPage.objects.live().exclude(pk=published.pk).descendant_of(
        home("alytus")).first()
    restrict(private)
    private.title = f"{SECRET} privatus"
    private.save_revision().publish()
    pipeline.drain()
    return {"published": published, "draft": draft, "private": private}


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_unknown_host_gets_nothing(demo, db, url):
    response = Client(HTTP_HOST="unknown.localhost").get(url.format(q="Alytaus"))
    assert response.status_code == 404
    assert b"Alytaus" not in response.content


@pytest.mark.parametrize("host", ["kalvarija.localhost", "bad host!"])
def test_a_host_refused_by_allowed_hosts_or_malformed_has_no_site(demo, db, settings, host):
    settings.ALLOWED_HOSTS = ["alytus.localhost"]
    home = MunicipalityHomePage.objects.get(slug="kalvarija")
    home.api_allowed_origins = "*"
    home.save()
    assert site_scope(RequestFactory(HTTP_HOST=host).get("/api/v1/projects/")) is None
    response = Client(HTTP_HOST=host).get("/api/v1/projects/",
                                          headers={"Origin": "https://www.kalvarija.lt"})
    assert response.status_code == 400 and "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("host", ["alytus.localhost", "kalvarija.localhost"])
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_no_draft_or_private_page_through_any_endpoint(hidden, host, url):
    response = Client(HTTP_HOST=host).get(url.format(q=SECRET))
    assert response.status_code == 200
    for page in hidden.values():  # the query itself may be echoed, no hidden title may
        assert page.title.encode() not in response.content


@pytest.mark.parametrize("name", ["draft", "private"])
def test_hidden_pages_have_no_detail(api, hidden, name):
    assert api.get(f"/api/v1/projects/{hidden[name].pk}/").status_code == 404


def test_detail_of_a_live_page_shows_the_published_not_the_draft_title(api, hidden):
    detail = api.get(f"/api/v1/projects/{hidden['published'].pk}/").json()
    assert SECRET not in detail["title"]


def token_for(user) -> dict:
    _token, plaintext = APIToken.create_token(user=user, name="preview")
    return {"Authorization": f"Bearer {plaintext}"}


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("redaktorius", "r@example.lt", "x")


def test_preview_needs_a_token_and_edit_permission(api, hidden, editor):
    page = hidden["published"]
    url = f"/api/v1/preview/{page.pk}/"
    assert api.get(url).status_code == 401
    assert api.get(url, headers={"Authorization": "Bearer wagtail_nonsense"}).status_code == 401
    nobody = get_user_model().objects.create_user("gyventojas", "g@example.lt", "x")
    assert api.get(url, headers=token_for(nobody)).status_code == 403
    response = api.get(url, headers=token_for(editor))
    assert response.status_code == 200
    assert response.json()["title"] == f"{SECRET} pakeistas" and response.json()["preview"]
    assert "no-store" in response.headers["Cache-Control"]


def test_preview_is_served_only_on_the_pages_own_site(hidden, editor):
    draft = hidden["draft"]  # on Kalvarija's site
    headers = token_for(editor)
    alytus = Client(HTTP_HOST="alytus.localhost").get(f"/api/v1/preview/{draft.pk}/",
                                                      headers=headers)
    kalvarija = Client(HTTP_HOST="kalvarija.localhost").get(f"/api/v1/preview/{draft.pk}/",
                                                            headers=headers)
    assert alytus.status_code == 404 and SECRET.encode() not in alytus.content
    assert kalvarija.status_code == 200 and kalvarija.json()["live"] is False


def test_a_collection_never_shows_a_draft(api, hidden):
    home = MunicipalityHomePage.objects.get(slug="alytus")
    collection = CollectionPage(title="Visi projektai", slug="visi", query_text=SECRET,
                                filters="content_type=project")
    home.add_child(instance=collection)
    response = api.get(f"/api/v1/collections/{collection.pk}/")
    assert response.status_code == 200 and response.json()["results"]["count"] == 0


def test_cors_is_allowed_per_municipality(api):
    home = MunicipalityHomePage.objects.get(slug="alytus")
    home.api_allowed_origins = "https://www.alytus.lt\nhttps://senjorams.alytus.lt"
    home.save()
    origin = {"Origin": "https://www.alytus.lt"}
    allowed = api.get("/api/v1/projects/", headers=origin)
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://www.alytus.lt"
    preflight = api.options("/api/v1/search/", headers={
        **origin, "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200 and "GET" in preflight["Access-Control-Allow-Methods"]
    assert preflight["Access-Control-Allow-Origin"] == "https://www.alytus.lt"
    search_as_json = api.options("/api/v1/@querystring-search", headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert "POST" in search_as_json["Access-Control-Allow-Methods"]
    assert "content-type" in search_as_json["Access-Control-Allow-Headers"]
    other = Client(HTTP_HOST="kalvarija.localhost").get("/api/v1/projects/", headers=origin)
    assert "Access-Control-Allow-Origin" not in other.headers
    stranger = {"Origin": "https://evil.example"}
    assert "Access-Control-Allow-Origin" not in api.get("/api/v1/projects/",
                                                        headers=stranger).headers
    assert "Access-Control-Allow-Origin" not in api.options("/api/v1/search/", headers={
        **stranger, "Access-Control-Request-Method": "GET"}).headers
    outside_the_api = api.get("/feeds/news.rss", headers=origin)
    assert outside_the_api.status_code == 200
    assert "Access-Control-Allow-Origin" not in outside_the_api.headers
