"""The plugin installs into another Wagtail project from its wheel alone and leaves the host's
data alone.

The wheel is built from a copy of the sources, installed into a new virtualenv (no system site
packages; the dependencies at the versions of this environment, from pip's cache when it has
them), and tests/plugin_project, copied to a temporary directory, runs README's "Installing into
an existing Wagtail project" steps there (tests/plugin_project/check_host.py): `migrate` keeps
the host's default site, Wagtail's Editors and Moderators groups and its locale; only
`esparama_setup` removes the site and the groups; then a municipality's pages are served with
the templates, static files and translations of the installed wheel.
"""

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from cms.host_setup import WAGTAIL_WELCOME_TITLE

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_PROJECT = ROOT / "tests" / "plugin_project"
IMPORT_EXAMPLE = ROOT / "docs" / "import-example.jsonl"
PLUGIN_MODULES = ["pages", "search", "workers", "cms"]
# what the wheel is built from; `config` too, so that its exclusion from the wheel is tested
SOURCES = ["pyproject.toml", "README.md", *PLUGIN_MODULES, "config"]
WAGTAIL_GROUPS = ["Editors", "Moderators"]
# what the host's process must not inherit from this one
FOREIGN_ENVIRONMENT = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE",
                       "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "OPENSEARCH_URL"}


def run(*command: str | Path, **options) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True,
                            timeout=600, **options)
    assert result.returncode == 0, f"{command}:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source, built = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    ignored = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=ignored)
        else:
            shutil.copy2(path, source / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", built, source)
    [wheel] = built.glob("wagtail_esparama-*.whl")
    return wheel


@pytest.fixture(scope="module")
def host_python(wheel, tmp_path_factory) -> Path:
    """A new virtualenv with the wheel installed; its dependencies pinned to this environment's
    versions, so that pip resolves at once and takes them from its cache."""
    home = tmp_path_factory.mktemp("host-venv")
    run(sys.executable, "-m", "venv", home / "venv")
    constraints = home / "constraints.txt"
    constraints.write_text("\n".join(
        f"{distribution.metadata['Name']}=={distribution.version}"
        for distribution in importlib.metadata.distributions()
        if distribution.metadata["Name"] != "wagtail-esparama") + "\n")
    python = home / "venv" / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "--constraint", constraints, wheel)
    return python


@pytest.fixture(scope="module")
def host(host_python, tmp_path_factory) -> dict:
    """What check_host.py recorded in the host project."""
    project = tmp_path_factory.mktemp("host-project")
    shutil.copytree(PLUGIN_PROJECT, project / "plugin_project",
                    ignore=shutil.ignore_patterns("__pycache__"))
    env = {key: value for key, value in os.environ.items() if key not in FOREIGN_ENVIRONMENT}
    env |= {"DJANGO_SETTINGS_MODULE": "plugin_project.settings",
            "PLUGIN_TEST_DB": str(project / "host.sqlite3")}
    result = run(host_python, "-m", "plugin_project.check_host", IMPORT_EXAMPLE,
                 cwd=project, env=env)
    record = json.loads(result.stdout.splitlines()[-1])
    purelib = run(host_python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    record["site_packages"] = purelib.stdout.strip()
    return record


def test_the_plugin_and_only_the_plugin_is_imported_from_the_wheel(host):
    site_packages = host["site_packages"]
    assert site_packages != sysconfig.get_path("purelib")
    for name, path in host["imported_from"]["modules"].items():
        assert path.startswith(site_packages + os.sep), f"{name} imported from {path}"
    assert host["imported_from"]["config"] is None, "the reference project is not shipped"
    assert not any(entry and Path(entry).resolve() == ROOT
                   for entry in host["imported_from"]["sys_path"])


def test_migrate_keeps_the_hosts_site_groups_and_locale(host):
    data = host["after_migrate"]
    assert data["sites"] == [["localhost", 80, True, WAGTAIL_WELCOME_TITLE]]
    groups = dict(data["groups"])
    assert all(groups.get(name, 0) > 0 for name in WAGTAIL_GROUPS), groups
    assert data["locales"] == [[1, "lt"]]  # as Wagtail made it from LANGUAGE_CODE
    assert "ERROR" not in host["check"]


def test_esparama_setup_removes_the_catch_all_site_and_whole_site_groups(host):
    data = host["after_setup"]
    assert data["sites"] == []
    assert not {name for name, _count in data["groups"]} & set(WAGTAIL_GROUPS)
    assert data["locales"] == [[1, "lt"], [2, "en"]]
    assert "Pašalinta numatytoji visų adresų svetainė: localhost:80" in host["setup_output"]
    assert host["after_second_setup"] == data


def test_the_host_serves_pages_from_the_wheels_templates_and_static_files(host):
    site_packages = host["site_packages"] + os.sep
    for page in ("home", "search_page"):
        assert host[page]["status"] == 200, host[page]["text"][:3000]
        assert host[page]["templates"], page
        for template in host[page]["templates"]:
            assert template.startswith(site_packages), template
    assert "Alytaus miesto savivaldybė" in host["home"]["text"]
    assert 'lang="lt"' in host["home"]["text"]
    assert "cms/search.css" in host["search_page"]["text"]
    assert host["unknown_host"]["status"] == 404
    for name, path in host["static"].items():
        assert path and path.startswith(site_packages), f"{name}: {path}"


def test_the_wheel_ships_every_compiled_translation(host):
    # the search page's label, translated by the cms catalogue installed with the wheel
    assert "Ko ieškote?" in host["search_page"]["text"]
    shipped = sorted(path.relative_to(ROOT).as_posix()
                     for name in PLUGIN_MODULES for path in (ROOT / name).glob(
                         "locale/*/LC_MESSAGES/*.mo"))
    installed = [Path(path).relative_to(host["site_packages"]).as_posix()
                 for path in host["translations"]]
    assert installed == shipped


@pytest.mark.django_db
def test_esparama_setup_keeps_a_stock_group_with_members_and_is_idempotent():
    root = Page.get_first_root_node()
    welcome = root.add_child(instance=Page(title=WAGTAIL_WELCOME_TITLE, slug="wagtail-welcome"))
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
    editors = Group.objects.create(name="Editors")
    editors.user_set.add(User.objects.create(username="host-editor"))
    Group.objects.create(name="Moderators")
    out, err = StringIO(), StringIO()
    call_command("esparama_setup", stdout=out, stderr=err)
    assert not Site.objects.filter(is_default_site=True).exists()
    assert not Page.objects.filter(pk=welcome.pk).exists()
    assert list(Group.objects.filter(name__in=WAGTAIL_GROUPS).values_list("name", flat=True)) \
        == ["Editors"]
    assert "Grupėje Editors yra narių" in err.getvalue()  # in the default language
    sites_before, pages_before = Site.objects.count(), Page.objects.count()
    call_command("esparama_setup", stdout=StringIO(), stderr=StringIO())
    assert (Site.objects.count(), Page.objects.count()) == (sites_before, pages_before)
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"lt", "en"}
