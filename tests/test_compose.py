"""Static checks of docker-compose.yml and the Dockerfile: Docker is not needed, the compose file
is parsed with PyYAML. The proxy's nginx configuration (written by the Dockerfile) is also run
with a local nginx when one is installed (Debian's nginx-core).

App environment keys must be names the settings read (collected from config/settings/*.py by
AST: os.environ.get("NAME"...), os.environ["NAME"], env_bool("NAME"), env_list("NAME")),
plus the documented extras below.
"""

import ast
import importlib.metadata
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
CLUSTER = ROOT / "docker-compose.cluster.yml"  # over COMPOSE: the engine as a cluster
DOCKERFILE = ROOT / "Dockerfile"
SETTINGS_DIR = ROOT / "config" / "settings"

SERVICES = {"db", "redis", "elasticsearch", "web", "worker", "beat", "proxy"}
APP_SERVICES = ("web", "worker", "beat")
BUILT_SERVICES = {"web": "app", "worker": "app", "beat": "app", "proxy": "proxy"}
BACKING_SERVICES = ("db", "redis", "elasticsearch")
# Each secret of the stack: compose must refuse to start without it, and never hold its value.
SECRETS = {"SECRET_KEY", "POSTGRES_PASSWORD", "REDIS_PASSWORD", "ELASTIC_PASSWORD"}
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|_KEY$|AUTH")
REQUIRED = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*):\?[^}]+\}")
REFERENCE = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?P<rest>[^}]*)\}")
# Read by Django/Celery themselves, not by config/settings.
EXTRA_APP_ENV = {"DJANGO_SETTINGS_MODULE"}
REQUIRED_APP_ENV = {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "SECRET_KEY",
                    "ALLOWED_HOSTS"}
PINNED_TAG = re.compile(r"^\d+\.\d+(\.\d+)?([-.][A-Za-z0-9.-]+)?$")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


@pytest.fixture(scope="module")
def nginx_conf() -> str:
    """The proxy's nginx configuration, as the Dockerfile writes it (a heredoc)."""
    found = re.search(r"^COPY <<'EOF' /etc/nginx/conf\.d/default\.conf\n(.*?)^EOF$",
                      DOCKERFILE.read_text(), re.S | re.M)
    assert found, "the Dockerfile no longer writes the proxy's nginx configuration"
    return found.group(1)


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


def strings(value) -> Iterator[str]:
    """Every string in a parsed compose value (keys of mappings included)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif value is not None:
        yield str(value)


def url_password(url: str) -> str | None:
    """The password part of a URL's userinfo, ${...} references kept whole."""
    found = re.match(r"^[a-z0-9+]+://(?P<userinfo>[^@/]*)@", url)
    if not found or ":" not in found["userinfo"]:
        return None
    return found["userinfo"].split(":", 1)[1]


def nginx_locations(conf: str) -> dict[str, str]:
    """`location PATH { BODY }` blocks of a configuration without nested braces."""
    return {path: body.strip() for path, body in
            re.findall(r"location\s+(?:=\s*)?(\S+)\s*\{([^}]*)\}", conf)}


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
    if name in BUILT_SERVICES:
        build = service.get("build")
        assert isinstance(build, dict), f"{name} must be built from the Dockerfile"
        assert build.get("target") == BUILT_SERVICES[name], (
            f"{name} must be built from the Dockerfile's {BUILT_SERVICES[name]} target")
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


def test_the_worker_scales_and_the_beat_is_documented_as_one(services):
    """`docker compose up --scale worker=N`: copies of a service need no fixed name, host
    name or published port; the file says how, and that beat stays one."""
    for copies in ("container_name", "hostname", "ports"):
        assert copies not in services["worker"], copies
    text = COMPOSE.read_text()
    assert "docker compose up -d --scale worker=N" in text
    assert re.search(r"#.*never scale beat.*\n  beat:", text)


@pytest.mark.parametrize("name", APP_SERVICES)
def test_the_app_on_the_cluster_names_every_node_and_builds_replicas(name):
    """On the cluster the app asks every node, as the nodes require it to sign in, so that
    search and writes go on while any one node is down; each shard has a copy elsewhere."""
    from search.conf import engine_nodes
    from search.settings_checks import engine_url_errors

    services = yaml.safe_load(CLUSTER.read_text())["services"]
    nodes = {service: environment(services[service]) for service in services
             if "node.name" in environment(services[service])}
    assert len(nodes) == 3, "a cluster survives a node's loss with three manager-eligible nodes"
    env = environment(services[name])
    urls = engine_nodes(env["ELASTICSEARCH_URL"])
    assert sorted(host(url) for url in urls) == sorted(nodes)
    assert {url_password(url) for url in urls} == {node["ELASTIC_PASSWORD"]
                                                   for node in nodes.values()}
    assert engine_url_errors("ELASTICSEARCH_URL",
                             re.sub(r"\$\{[^}]*\}", "x", env["ELASTICSEARCH_URL"])) == []
    assert int(env["SEARCH_INDEX_REPLICAS"]) >= 1


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


@pytest.mark.parametrize("path", [COMPOSE, CLUSTER], ids=lambda path: path.name)
def test_every_secret_is_required_wherever_it_is_used(path):
    text = path.read_text()
    if path == COMPOSE:
        used = {found["name"] for found in REFERENCE.finditer(text)}
        assert used >= SECRETS, f"not taken from the environment: {sorted(SECRETS - used)}"
    for found in REFERENCE.finditer(text):
        if found["name"] in SECRETS or SECRET_NAME.search(found["name"]):
            assert REQUIRED.fullmatch(found.group(0)), (
                f"{found.group(0)}: a secret must be ${{NAME:?message}} (required, no default), "
                "so that compose refuses to start without it")


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_no_secret_is_written_in_the_file(services, name):
    service = services[name]
    for key, value in environment(service).items():
        if SECRET_NAME.search(key):
            assert REQUIRED.fullmatch(str(value)), f"{name}: {key} is not ${{{key}:?...}}"
    for text in strings(service):
        password = url_password(text)
        assert password is None or REQUIRED.fullmatch(password), (
            f"{name}: a URL carries a literal password: {text}")
        literal = re.search(r"--requirepass\s+(?![\"']?\$)\S+|\s-a\s+(?![\"']?\$)\S+"
                            r"|\s-u\s+[^\s:]+:(?!\$)\S+", text)
        assert not literal, f"{name}: a literal password on a command line: {literal.group(0)}"


def test_each_client_uses_the_password_its_server_requires(services):
    app, db = environment(services["web"]), environment(services["db"])
    redis, elasticsearch = environment(services["redis"]), environment(services["elasticsearch"])
    assert url_password(app["DATABASE_URL"]) == db["POSTGRES_PASSWORD"]
    assert url_password(app["REDIS_URL"]) == redis["REDIS_PASSWORD"]
    assert url_password(app["ELASTICSEARCH_URL"]) == elasticsearch["ELASTIC_PASSWORD"]
    assert urlsplit(re.sub(r"\$\{[^}]*\}", "x", app["ELASTICSEARCH_URL"])).username == "elastic"


def test_redis_requires_its_password(services):
    redis = services["redis"]
    command = " ".join(redis["command"])
    assert '--requirepass "$$REDIS_PASSWORD"' in command
    assert "docker-entrypoint.sh redis-server" in command, "the server would run as root"
    assert "REDISCLI_AUTH" in " ".join(redis["healthcheck"]["test"]), (
        "the healthcheck must authenticate, without -a on the command line")


def test_elasticsearch_security_is_on(services):
    elasticsearch = services["elasticsearch"]
    env = environment(elasticsearch)
    assert str(env.get("xpack.security.enabled")).lower() == "true"
    assert "ELASTIC_PASSWORD" in env
    assert "$$ELASTIC_PASSWORD" in " ".join(elasticsearch["healthcheck"]["test"]), (
        "with security on, an unauthenticated healthcheck never passes")


def test_only_the_proxy_publishes_a_port(services):
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}, f"published ports: {sorted(published)}"
    for name in BACKING_SERVICES:
        assert services[name]["networks"] == ["backend"], f"{name} must stay internal"


def test_web_healthcheck_passes_the_https_redirect(services):
    test = " ".join(services["web"]["healthcheck"]["test"])
    assert "'X-Forwarded-Proto': 'https'" in test, (
        "production redirects plain HTTP: the healthcheck must say it came through TLS")


def test_proxy_serves_static_and_renditions_but_no_document(services, nginx_conf):
    locations = nginx_locations(nginx_conf)
    assert "alias /srv/static/;" in locations["/static/"]
    assert "alias /srv/media/images/;" in locations["/media/images/"]
    assert locations["/media/"] == "return 404;", "only renditions may be served from /media/"
    media = [path for path, body in locations.items() if "/srv/media" in body]
    assert media == ["/media/images/"], f"served from the media volume: {media}"
    assert "proxy_pass http://web:8000;" in locations["/"]
    assert "proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;" in locations["/"]
    assert "proxy_set_header Host $http_host;" in locations["/"]
    assert "media:/srv/media:ro" in services["proxy"]["volumes"]
    assert "COPY --from=app ${PROJECT_DIR}/static /srv/static" in DOCKERFILE.read_text()


def test_proxy_accepts_any_document_wagtail_accepts(nginx_conf):
    found = re.search(r"client_max_body_size (\d+)m;", nginx_conf)
    assert found, "nginx's default refuses any upload above 1 MB"
    assert int(found[1]) * 1024 * 1024 > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


def test_media_volume_is_mounted_at_media_root(compose):
    project_dir = re.search(r"^ARG PROJECT_DIR=(\S+)$", DOCKERFILE.read_text(), re.M)[1]
    assert f"media:{project_dir}/media" in compose["x-app"]["volumes"]


def test_dockerfile_base_images_pinned():
    for image in re.findall(r"^FROM\s+(\S+)", DOCKERFILE.read_text(), re.M):
        if image == "app":
            continue
        tag = image_tag(image)
        assert tag and PINNED_TAG.match(tag), f"{image} needs an explicit version tag"


def test_build_never_uses_a_fixed_secret_key():
    # A key in the Dockerfile would be in every image's history; production refuses weak ones.
    assignments = re.findall(r"SECRET_KEY=(.*)", DOCKERFILE.read_text())
    assert assignments, "the build runs Django: it needs a SECRET_KEY"
    for value in assignments:
        assert value.startswith('"$(python -c \'import secrets;'), f"SECRET_KEY={value} is fixed"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def upstream() -> Iterator[int]:
    """Stands for gunicorn: answers every request with what it received, as JSON."""

    class Echo(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = json.dumps({"path": self.path, "host": self.headers["Host"],
                               "proto": self.headers["X-Forwarded-Proto"]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_proxy_configuration_runs_in_nginx(nginx_conf, upstream, tmp_path):
    assert shutil.which("nginx"), "nginx is not installed: `make services` installs nginx-core"
    static, media = tmp_path / "static", tmp_path / "media"
    for path, content in {static / "cms" / "search.css": "body{}",
                          media / "images" / "nuotrauka.max-800x600.jpg": "rendition",
                          media / "original_images" / "nuotrauka.jpg": "original",
                          media / "documents" / "vidaus-tvarka.pdf": "private"}.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)
    port, log = free_port(), tmp_path / "access.log"
    server = (nginx_conf.replace("listen 8000;", f"listen 127.0.0.1:{port};")
              .replace("/srv/static/", f"{static}/").replace("/srv/media/", f"{media}/")
              .replace("http://web:8000", f"http://127.0.0.1:{upstream}")
              .replace("/dev/stdout", str(log)))
    temp = "\n".join(f"{kind}_temp_path {tmp_path}/{kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"{'user root;' if os.geteuid() == 0 else ''}\ndaemon off;\npid {tmp_path}/nginx.pid;\n"
        f"error_log stderr;\nevents {{}}\nhttp {{\ninclude /etc/nginx/mime.types;\n{temp}\n"
        f"{server}\n}}\n")
    nginx = subprocess.Popen(["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                             stderr=subprocess.PIPE, text=True)

    def get(path: str, **headers: str) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    try:
        deadline = time.monotonic() + 10
        while True:
            assert nginx.poll() is None, nginx.stderr.read()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)

        status, headers, body = get("/static/cms/search.css")
        assert (status, body) == (200, b"body{}")
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert get("/media/images/nuotrauka.max-800x600.jpg")[0] == 200
        for hidden in ("/media/documents/vidaus-tvarka.pdf", "/media/original_images/nuotrauka.jpg",
                       "/static/../media/documents/vidaus-tvarka.pdf"):
            status, _, body = get(hidden)
            assert status == 404 and b"private" not in body, hidden

        status, _, body = get("/documents/1/vidaus-tvarka.pdf", Host="alytus.example.lt",
                              **{"X-Forwarded-Proto": "https"})
        assert status == 200
        assert json.loads(body) == {"path": "/documents/1/vidaus-tvarka.pdf",
                                    "host": "alytus.example.lt", "proto": "https"}
        assert json.loads(get("/")[2])["proto"] is None, "plain HTTP must not pass as TLS"
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert [record["status"] for record in records] == [200, 200, 404, 404, 404, 200, 200]
    assert {record["logger"] for record in records} == {"nginx.access"}
