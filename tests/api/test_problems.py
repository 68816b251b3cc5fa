"""Bad requests get HTTP 400 application/problem+json naming the parameter, never a 500."""

import pytest

pytestmark = pytest.mark.django_db

BAD_REQUESTS = [
    ("/api/v1/search/?colour=red", "colour"),
    ("/api/v1/search/?target_group=no-such-group", "target_group"),
    ("/api/v1/search/?municipality=atlantis", "municipality"),
    ("/api/v1/search/?measure=99.9.9-XX-V-999", "measure"),
    ("/api/v1/search/?start_year=20x0", "start_year"),
    ("/api/v1/search/?page=0", "page"),
    ("/api/v1/search/?page=abc", "page"),
    ("/api/v1/search/?page=9999", "page"),
    ("/api/v1/search/?page_size=51", "page_size"),
    ("/api/v1/search/?page_size=-1", "page_size"),
    ("/api/v1/search/?sort=cheapest", "sort"),
    ("/api/v1/search/?lang=de", "lang"),
    ("/api/v1/search/suggest/?q=a&limit=500", "limit"),
    ("/api/v1/search/suggest/?q=a&municipality=atlantis", "municipality"),
    ("/api/v1/projects/?date_from=2020-13-01", "date_from"),
    ("/api/v1/projects/?date_to=yesterday", "date_to"),
    ("/api/v1/news/?updated_since=2024-02-30T00:00", "updated_since"),
    ("/api/v1/news/?updated_since=9999-12-31T23:00:00-05:00", "updated_since"),
    ("/api/v1/projects/?target_group=no-such-group", "target_group"),
    ("/api/v1/projects/?status=vykdomas", "status"),
    ("/api/v1/projects/?page=500", "page"),
    ("/api/v1/providers/?page_size=1000", "page_size"),
    ("/api/v1/measures/?programme=nope", "programme"),
    ("/api/v1/news/?sort=random", "sort"),
    ("/api/v1/news/?ordering=title", "ordering"),
    ("/api/v1/news/?locale=lt", "locale"),
    ("/api/v1/projects/1/?format=xml", "format"),
    ("/api/v1/projects/1/?expand=all", "expand"),
    ("/api/v1/taxonomies/fund/?lang=fr", "lang"),
    ("/api/v1/municipalities/?with_site=maybe", "with_site"),
    ("/api/v1/taxonomies/?x=1", "x"),
]


@pytest.mark.parametrize(("url", "parameter"), BAD_REQUESTS)
def test_bad_request_is_a_problem_naming_the_parameter(api, url, parameter):
    response = api.get(url)
    assert response.status_code == 400, response.content
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] == "Bad Request"
    assert problem["parameter"] == parameter
    assert parameter in problem["detail"]


@pytest.mark.parametrize("url", ["/api/v1/projects/999999999/", "/api/v1/taxonomies/colours/",
                                 "/api/v1/news/0/"])
def test_missing_things_are_404_problems(api, url):
    response = api.get(url)
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"


def test_every_operation_takes_lang_and_answers_its_problems_in_it(api):
    """`lang` is one parameter of every operation: declared, and the language of its
    messages (here a parameter no operation declares)."""
    spec = api.get("/api/v1/openapi.json").json()
    operations = [(path, method, operation) for path, methods in spec["paths"].items()
                  for method, operation in methods.items()]
    for path, method, operation in operations:
        declared = {parameter["name"] for parameter in operation.get("parameters", [])}
        assert "lang" in declared, f"{method.upper()} {path}"
    for path, method, _operation in operations:
        if method != "get" or "preview" in path:
            continue
        address = path.replace("{page_id}", "1").replace("{key}", "fund")
        problem = api.get(f"{address}?lang=en&colour=red").json()
        assert problem["detail"].startswith(("Unknown parameter", "Invalid parameter")), address


def test_an_answer_failing_while_it_is_built_is_a_logged_500_without_its_internals(
        api, monkeypatch, caplog):
    from taggit.managers import _TaggableManager

    from pages.models import NewsPage

    def refused(manager) -> None:
        raise RuntimeError("db-7.internal:5432 refused the connection")

    news = NewsPage.objects.live().first()
    monkeypatch.setattr(_TaggableManager, "all", refused)  # read by a resolver of the detail
    response = api.get(f"/api/v1/news/{news.pk}/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert "internal" not in response.content.decode()
    assert response.json()["detail"] == "Atsakymo nepavyko sudaryti; klaida užregistruota."
    assert any(record.levelname == "ERROR" and "db-7.internal" in str(record.exc_info[1])
               for record in caplog.records if record.exc_info)
