"""Clients generated from /api/v1/openapi.json as front-end teams generate them: a Python client
(openapi-python-client), installed and driven through a resident's scenario with no raw HTTP,
and TypeScript types (openapi-typescript) that a small program must type-check under
`tsc --strict`. The Python client raises on any status the document does not declare."""

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ROOT / "tests" / "clients"
BIN = Path(sys.executable).parent
HOST = "alytus.localhost"
PACKAGE = "esparama_api_client"
# Every test here reads the demo slice (module-scoped): ordered with the database tests, before
# any transactional test empties the database.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi_file(demo, django_db_blocker, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("openapi") / "openapi.json"
    with django_db_blocker.unblock():
        response = Client(HTTP_HOST=HOST).get("/api/v1/openapi.json")
    assert response.status_code == 200
    path.write_bytes(response.content)
    return path


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command, finding the virtualenv's tools (the generator formats with ruff)."""
    path = os.pathsep.join([str(BIN), os.environ.get("PATH", "")])
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PATH": path})


@pytest.fixture(scope="module")
def generated(openapi_file, tmp_path_factory) -> Iterator[ModuleType]:
    """The Python client, generated and installed into a directory of its own."""
    work = tmp_path_factory.mktemp("python-client")
    generation = run(BIN / "openapi-python-client", "generate", "--path", openapi_file,
                     "--output-path", work / "client", "--meta", "setup")
    assert generation.returncode == 0, generation.stdout + generation.stderr
    printed = generation.stdout + generation.stderr  # a dropped model is warned of on stderr
    assert "Warning" not in printed, printed
    installed = work / "site"
    install = run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                  "--no-build-isolation", "--target", installed, work / "client")
    assert install.returncode == 0, install.stderr
    sys.path.insert(0, str(installed))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(installed))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def operation(package: ModuleType, tag: str, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.api.{tag}.{name}")


@pytest.fixture
def client(generated, api):
    """The generated client talking to this project's WSGI application in-process, inside the
    test's database transaction (whose connection, as Django's test client does, no request
    may close)."""
    transport = httpx.WSGITransport(app=WSGIHandler())
    request_finished.disconnect(close_old_connections)
    request_started.disconnect(close_old_connections)
    try:
        yield generated.Client(base_url=f"http://{HOST}", raise_on_unexpected_status=True,
                               httpx_args={"transport": transport})
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_generated_python_client_models_are_shared_not_copied(generated):
    models = Path(generated.__file__).parent / "models"
    names = {path.stem for path in models.glob("*.py")}
    assert {"language", "content_type", "project_status", "sort", "highlight_field"} <= names
    assert not [name for name in names if name.endswith("_type_0") and "problem" not in name]
    assert not [name for name in names if name.endswith(("_lang", "_format", "_params"))]


def test_resident_scenario_through_the_generated_python_client(generated, client):
    search = operation(generated, "search", "search")
    models = importlib.import_module(f"{PACKAGE}.models")

    everything = search.sync(client=client, page_size=1)
    assert everything.count > 0
    group = next(value.value for value in everything.facets.target_group if value.count)
    assert [info.key for info in everything.facet_info][:3] == [
        models.FacetKey.TARGET_GROUP, models.FacetKey.MUNICIPALITY, models.FacetKey.COUNTY]
    county = next(value.parent for value in everything.facets.municipality
                  if value.value == "alytus")
    in_county = search.sync(client=client, county=[county], page_size=1)
    assert 0 < in_county.count < everything.count
    narrowed = search.sync(client=client, target_group=[group], municipality=["alytus"],
                           page_size=5)
    assert 0 < narrowed.count <= everything.count

    seen, page = [], 1
    while True:
        answer = search.sync(client=client, target_group=[group], municipality=["alytus"],
                             page_size=5, page=page)
        seen += [(hit.type_, hit.id) for hit in answer.results]
        if page * 5 >= answer.count:
            break
        page += 1
    assert len(seen) == len(set(seen)) == narrowed.count

    beyond = search.sync_detailed(client=client, target_group=[group], municipality=["alytus"],
                                  page_size=5, page=page + 1)
    assert beyond.status_code == 400 and beyond.parsed.parameter == "page"

    detail_operations = {models.ContentType.PROJECT: ("projects", "get_projects"),
                         models.ContentType.PROVIDER: ("providers", "get_providers"),
                         models.ContentType.NEWS: ("news", "get_news"),
                         models.ContentType.MEASURE: ("measures", "get_measures")}
    hit = answer.results[0]
    found = operation(generated, "pages", "find_page").sync(client=client, html_path=hit.path)
    assert (found.type_, found.id) == (hit.type_, hit.id)
    get_detail = operation(generated, *detail_operations[found.type_])
    detail = get_detail.sync(client=client, page_id=found.id)
    assert detail.id == hit.id and detail.path == hit.path

    english = search.sync(client=client, lang=models.Language.EN, page_size=1)
    assert {value.label for value in english.facets.content_type} & {"Project", "News"}
    get_project = operation(generated, "projects", "get_projects")
    lithuanian = operation(generated, "projects", "list_projects").sync(
        client=client, page_size=50, language=[models.Language.LT]).results
    translated = next(detail for detail in (get_project.sync(client=client, page_id=project.id)
                                            for project in lithuanian) if detail.translations)
    [translation] = translated.translations
    assert translation.locale == models.Language.EN
    followed = get_project.sync(client=client, page_id=translation.id)
    assert followed.locale == "en" and [item.id for item in followed.translations] == [
        translated.id]


def test_generated_python_client_reads_json_ld_304_and_unknown_hosts(generated, client):
    projects = operation(generated, "projects", "list_projects").sync(client=client, page_size=1)
    project_id = projects.results[0].id
    json_ld = operation(generated, "projects", "get_projects_jsonld").sync(client=client,
                                                                          page_id=project_id)
    assert "Project" in json_ld.type_ and json_ld.name == projects.results[0].title

    get_project = operation(generated, "projects", "get_projects")
    first = get_project.sync_detailed(client=client, page_id=project_id)
    again = get_project.sync_detailed(
        client=client.with_headers({"If-None-Match": first.headers["ETag"]}), page_id=project_id)
    assert again.status_code == 304 and again.parsed is None

    stranger = client.with_headers({"Host": "nowhere.localhost"})
    unknown = get_project.sync_detailed(client=stranger, page_id=project_id)
    assert unknown.status_code == 404 and unknown.parsed.parameter == "Host"


def type_check(openapi_file: Path, program: str, work: Path) -> subprocess.CompletedProcess:
    tools = CLIENTS / "node_modules" / ".bin"
    if not (tools / "tsc").exists():
        pytest.fail("TypeScript is missing: `make test` installs it "
                    "(scripts/install-node-tools.sh).")
    types = run(tools / "openapi-typescript", openapi_file, "--output", work / "api.d.ts")
    assert types.returncode == 0, types.stderr
    (work / program).write_text((CLIENTS / program).read_text(encoding="utf-8"))
    return run(tools / "tsc", "--strict", "--noEmit", "--target", "es2022", "--module", "es2022",
               "--moduleResolution", "bundler", work / program, cwd=work)


def test_typescript_program_type_checks_against_generated_types(openapi_file, tmp_path):
    checked = type_check(openapi_file, "scenario.ts", tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_typescript_refuses_a_facet_the_api_does_not_declare(openapi_file, tmp_path):
    checked = type_check(openapi_file, "undeclared_facet.ts", tmp_path)
    assert checked.returncode != 0
    assert "'colour' does not exist" in checked.stdout
