"""HTTP as a CDN in front of the API expects it: HEAD, compression, cache headers on errors,
validators that never answer a stale 304, and the authentication challenge."""

import gzip
import json
from urllib.parse import quote

import brotli
import pytest
import zstandard
from django.utils.http import http_date

from pages.models import FundingMeasurePage, ProjectPage
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db
PATHS = ["/api/v1/search/?page_size=50", "/api/v1/projects/", "/api/v1/taxonomies/",
         "/api/v1/municipalities/"]


@pytest.mark.parametrize("path", PATHS)
def test_head_answers_as_get_without_a_body(api, path):
    get, head = api.get(path), api.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"] and head["Content-Type"] == get["Content-Type"]
    assert api.head(path, headers={"If-None-Match": get["ETag"]}).status_code == 304


UNPACK = {"gzip": gzip.decompress, "br": brotli.decompress,
          "zstd": lambda packed: zstandard.ZstdDecompressor().decompressobj().decompress(packed)}


@pytest.mark.parametrize(("accepted", "encoding"), [
    ("gzip", "gzip"), ("br", "br"), ("gzip, deflate, br", "br"), ("br;q=0, gzip", "gzip"),
    ("gzip, deflate, br, zstd", "zstd")])
@pytest.mark.parametrize("path", PATHS)
def test_json_is_compressed_as_the_client_accepts(api, path, accepted, encoding):
    plain = api.get(path)
    packed = api.get(path, headers={"Accept-Encoding": accepted})
    assert packed["Content-Encoding"] == encoding and "Accept-Encoding" in packed["Vary"]
    assert json.loads(UNPACK[encoding](packed.content)) == plain.json()
    assert len(packed.content) < len(plain.content)
    assert packed["ETag"] in (plain["ETag"], f"W/{plain['ETag']}")


@pytest.mark.parametrize(("path", "status"), [("/api/v1/projects/999999/", 404),
                                              ("/api/v1/search/?page=0", 400),
                                              ("/api/v1/nothing-here/", 404)])
@pytest.mark.parametrize("host", ["alytus.localhost", "niekur.localhost"])
def test_problems_are_briefly_cacheable_and_vary_by_language(api, path, status, host):
    response = api.get(path, headers={"Host": host})
    status = 404 if host == "niekur.localhost" else status  # a host of no municipality's site
    assert response.status_code == status
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("path", [
    *PATHS, "/api/v1/search/?lang=en", "/api/v1/projects/?lang=en", "/api/v1/search/suggest/?q=so",
    "/api/v1/taxonomies/target_group/",
    "/api/v1/@querystring-search?lang=lt&query=" + quote(json.dumps([
        {"i": "portal_type", "o": "plone.app.querystring.operation.selection.any",
         "v": ["project"]}]))])
def test_vary_names_accept_language_exactly_where_the_body_follows_it(api, path):
    answers = {language: api.get(path, headers={"Accept-Language": language})
               for language in ("lt", "en")}
    varies = {"Accept-Language" in answer.get("Vary", "") for answer in answers.values()}
    assert len(varies) == 1 and {answer.status_code for answer in answers.values()} == {200}
    assert varies == {answers["lt"].content != answers["en"].content}


def test_preview_challenge_names_bearer_and_is_never_cached(api):
    project = ProjectPage.objects.live().first()
    response = api.get(f"/api/v1/preview/{project.pk}/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    wrong = api.get(f"/api/v1/preview/{project.pk}/", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "no-store" in wrong["Cache-Control"]


def test_a_detail_is_not_answered_304_after_a_page_it_names_changes(api):
    project = ProjectPage.objects.live().filter(measure__isnull=False).first()
    path = f"/api/v1/projects/{project.pk}/"
    first = api.get(path)
    assert "Last-Modified" not in first  # its body shows other pages' titles too
    measure = FundingMeasurePage.objects.get(pk=project.measure_id)
    measure.title = f"{measure.title} (pervadinta)"
    measure.save_revision().publish()
    again = api.get(path, headers={"If-Modified-Since": http_date()})
    assert again.status_code == 200
    assert again.json()["measure"]["title"] == measure.title


def test_a_list_is_not_answered_304_after_a_page_in_it_is_unpublished(api):
    path = "/api/v1/projects/?page_size=50"
    first = api.get(path)
    gone = ProjectPage.objects.get(pk=first.json()["results"][-1]["id"])
    gone.unpublish()
    again = api.get(path, headers={"If-Modified-Since": http_date()})
    assert again.status_code == 200
    assert gone.pk not in {item["id"] for item in again.json()["results"]}


def test_a_date_range_ending_before_it_starts_is_refused(api):
    problem = get_json(api, "/api/v1/news/?date_from=2024-05-01&date_to=2024-04-30", 400)
    assert problem["parameter"] == "date_to"
    assert get_json(api, "/api/v1/news/?date_from=2024-05-01&date_to=2024-05-01")
