"""Run in the host project with the plugin installed from its wheel (tests/test_plugin.py):
the steps of README's "Installing into an existing Wagtail project", after each a record of
what the host holds. Prints that record as one JSON object, the last line of stdout.

    python -m plugin_project.check_host IMPORT_FILE
"""

import json
import sys
from io import StringIO
from pathlib import Path

import django
from django.core.management import call_command

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.models import Locale, Site  # noqa: E402

PLUGIN_MODULES = ["pages", "search", "workers", "cms"]


def host_data() -> dict:
    """The host's sites, groups (with how many page permissions each has) and locales."""
    return {
        "sites": sorted([site.hostname, site.port, site.is_default_site, site.root_page.title]
                        for site in Site.objects.select_related("root_page")),
        "groups": sorted([group.name, group.page_permissions.count()]
                         for group in Group.objects.all()),
        "locales": sorted([locale.pk, locale.language_code] for locale in Locale.objects.all()),
    }


def served(client: Client, path: str, host: str) -> dict:
    response = client.get(path, headers={"host": host})
    return {"status": response.status_code,
            "text": response.content.decode(),
            "templates": sorted({template.origin.name for template in response.templates
                                 if template.origin.name}),
            "lang": response.headers.get("Content-Language", "")}


def imported_from() -> dict:
    try:
        import config  # noqa: F401
        config_file = config.__file__
    except ModuleNotFoundError:
        config_file = None
    return {"modules": {name: __import__(name).__file__ for name in PLUGIN_MODULES},
            "config": config_file, "sys_path": sys.path}


record: dict = {"imported_from": imported_from()}
call_command("migrate", verbosity=0)
record["after_migrate"] = host_data()
checks = StringIO()
call_command("check", stdout=checks, stderr=checks)
record["check"] = checks.getvalue()
setup_output = StringIO()
call_command("esparama_setup", stdout=setup_output)
record["after_setup"] = host_data()
record["setup_output"] = setup_output.getvalue()
call_command("esparama_setup", stdout=setup_output)
record["after_second_setup"] = host_data()

quiet = {"stdout": StringIO(), "stderr": StringIO()}
call_command("add_municipality", "alytus", "alytus.example", **quiet)
call_command("add_municipality", "nacionalinis", "lt.example", **quiet)
call_command("import_content", sys.argv[1], "--no-progress", **quiet)
setup_test_environment()  # the test client records the templates each response renders
client = Client()
record["home"] = served(client, "/", "alytus.example")
record["search_page"] = served(client, "/paieska/", "alytus.example")
record["unknown_host"] = served(client, "/", "unknown.example")
record["static"] = {name: finders.find(name) for name in ["cms/search.css", "cms/search.js"]}
record["translations"] = sorted(str(path) for name in PLUGIN_MODULES
                                for path in Path(__import__(name).__file__).parent.glob(
                                    "locale/*/LC_MESSAGES/*.mo"))
print(json.dumps(record, ensure_ascii=False))
