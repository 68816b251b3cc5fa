"""Static checks of docker-compose.yml: Docker is not needed, the file is parsed with PyYAML.

App environment keys must be names the settings read (collected from config/settings/*.py by
AST: os.environ.get("NAME"...), os.environ["NAME"], env_bool("NAME"), env_list("NAME")),
plus the documented extras below.
"""

import ast
import importlib.metadata
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
SETTINGS_DIR = ROOT / "config" / "settings"

SERVICES = {"db", "redis", "elasticsearch", "web", "worker", "beat"}
APP_SERVICES = ("web", "worker", "beat")
BACKING_SERVICES = ("db", "redis", "elasticsearch")
# Read by Django/Celery themselves, not by config/settings.
EXTRA_APP_ENV = {"DJANGO_SETTINGS_MODULE"}
REQUIRED_APP_ENV = {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "SECRET_KEY",
                    "ALLOWED_HOSTS"}
PINNED_TAG = re.compile(r"^\d+\.\d+(\.\d+)?([-.][A-Za-z0-9.]+)?$")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def settings_env_names() -> set[str]:
    names = set()
    for path in SETTINGS_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            key = None
            if isinstance(node, ast.Call) and node.args:
                func = ast.unparse(node.func)
                if func in {"os.environ.get", "os.getenv", "env_bool", "env_list"}:
                    key = node.args[0]
            elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
                key = node.slice
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                names.add(key.value)
    return names


def environment(service: dict) -> dict:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return env


def host(url: str) -> str | None:
    """Hostname of a URL whose ${VAR...} parts are replaced by a placeholder first."""
    return urlsplit(re.sub(r"\$\{[^}]*\}", "x", url)).hostname


def image_tag(image: str) -> str | None:
    name = image.split("@", 1)[0]
    last = name.rsplit("/", 1)[-1]
    return last.split(":", 1)[1] if ":" in last else None


def test_settings_parser_finds_the_documented_names():
    assert {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "OPENSEARCH_URL", "SECRET_KEY",
            "ALLOWED_HOSTS", "DEBUG", "WAGTAILADMIN_BASE_URL"} <= settings_env_names()


def test_six_services(services):
    assert set(services) >= SERVICES, f"missing services: {SERVICES - set(services)}"


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_image_pinned(services, name):
    service = services[name]
    image = service.get("image")
    if name in APP_SERVICES:
        assert "build" in service, f"{name} must be built from the Dockerfile"
        if image is None:
            return
    assert image, f"{name} has no image"
    tag = image_tag(image)
    assert tag and tag != "latest", f"{name}: {image} is not pinned"
    assert PINNED_TAG.match(tag) or "@sha256:" in image, (
        f"{name}: {image} needs an explicit version tag (major.minor[.patch])")


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_healthcheck_and_restart(services, name):
    service = services[name]
    check = service.get("healthcheck") or {}
    assert not check.get("disable"), f"{name}: healthcheck disabled"
    test = check.get("test")
    assert test and test not in (["NONE"], "NONE"), f"{name} has no healthcheck"
    assert service.get("restart") in {"always", "unless-stopped", "on-failure"}, (
        f"{name} has no restart policy")


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_waits_for_healthy_backing_services(services, name):
    depends = services[name].get("depends_on")
    assert isinstance(depends, dict), f"{name}: depends_on must be a mapping with conditions"
    for backing in BACKING_SERVICES:
        assert backing in depends, f"{name} does not depend on {backing}"
        assert depends[backing].get("condition") == "service_healthy", (
            f"{name} does not wait for {backing} to be healthy")


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_environment_names_are_read_by_settings(services, name):
    env = environment(services[name])
    unknown = set(env) - settings_env_names() - EXTRA_APP_ENV
    assert not unknown, f"{name} sets variables no setting reads: {sorted(unknown)}"
    missing = REQUIRED_APP_ENV - set(env)
    assert not missing, f"{name} does not set {sorted(missing)}"
    assert env.get("DJANGO_SETTINGS_MODULE") == "config.settings.production"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_secret_key_has_no_default(services, name):
    value = str(environment(services[name]).get("SECRET_KEY"))
    assert re.fullmatch(r"\$\{SECRET_KEY:?\?[^}]*\}", value), (
        f"{name}: SECRET_KEY must be ${{SECRET_KEY:?...}} (required, no default), got {value!r}")


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_urls_point_at_the_compose_services(services, name):
    env = environment(services[name])
    assert host(env["ELASTICSEARCH_URL"]) == "elasticsearch"
    assert host(env["REDIS_URL"]) == "redis"
    assert host(env["DATABASE_URL"]) == "db"


def test_elasticsearch_major_matches_client(services):
    tag = image_tag(services["elasticsearch"]["image"])
    client = importlib.metadata.version("elasticsearch")
    assert tag and tag.split(".")[0] == client.split(".")[0], (
        f"elasticsearch image {tag} vs elasticsearch-py {client}")


def test_named_volumes_declared_and_mounted(compose, services):
    declared = set(compose.get("volumes") or {})
    assert {"postgres-data", "elasticsearch-data", "media"} <= declared
    mounts = {
        name: {str(v).split(":", 1)[0] if isinstance(v, str) else v.get("source")
               for v in service.get("volumes") or []}
        for name, service in services.items()
    }
    assert "postgres-data" in mounts["db"]
    assert "elasticsearch-data" in mounts["elasticsearch"]
    assert "media" in mounts["web"]
    used = set().union(*mounts.values())
    named = {m for m in used if m and not m.startswith((".", "/", "~"))}
    assert named <= declared, f"undeclared volumes: {named - declared}"
