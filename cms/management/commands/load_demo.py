"""The demo: its sites, the content of demo/content.jsonl, a search index and an administrator."""

import os
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.conf import demo_content_file
from pages.sites import NATIONAL_SLUG, ensure_municipality_site
from search import pipeline
from search.outbox import drains_deferred

DEMO_SITES = ["alytus", "kalvarija", "elektrenai", "marijampole", NATIONAL_SLUG,
              "vilnius", "kaunas", "siauliai", "panevezys", "utena"]
DEMO_PORT = 8000  # where scripts/demo.sh serves when PORT is not set


def served_port() -> int:
    """The port the demo is served on: PORT, as scripts/demo.sh reads it."""
    return int(os.environ.get("PORT") or DEMO_PORT)


class Command(BaseCommand):
    help = gettext_lazy("Creates the demo sites (their addresses carry the port the demo is "
                        "served on), imports the demo content, brings the search index up to "
                        "date and creates an administrator.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=None,
                            help=_("The port the demo is served on (default: PORT or "
                                   "%(port)s).") % {"port": DEMO_PORT})
        parser.add_argument("--file", type=Path, default=None,
                            help=_("The demo content file, in the import format (default: the "
                                   "DEMO_CONTENT_FILE setting or demo/content.jsonl)."))

    def handle(self, *args: Any, port: int | None, file: Path | None,
               **options: Any) -> None:
        port = port or served_port()
        content = file or demo_content_file()
        if not content.is_file():
            raise CommandError(_("The demo content file was not found: %(file)s")
                               % {"file": content})
        with drains_deferred():
            # A site's port is part of every link and indexed URL; a changed one re-records
            # the site's pages, and the drain below rewrites their URLs.
            for slug in DEMO_SITES:
                ensure_municipality_site(slug, f"{slug}.localhost", port)
            call_command("import_content", str(content), stdout=self.stdout,
                         stderr=self.stderr)
        self.index()
        username = os.environ.get("DEMO_ADMIN_USER", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "esparama-demo")
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True})
        user.set_password(password)
        user.save()
        self.stdout.write("\n" + _("Administration: %(url)s  user: %(username)s  "
                                   "password: %(password)s")
                          % {"url": f"http://127.0.0.1:{port}/admin/", "username": username,
                             "password": password})
        for slug in DEMO_SITES:
            self.stdout.write(f"  http://{slug}.localhost:{port}/")

    def index(self) -> None:
        """Write every recorded change to the search engine now, so search works at once."""
        try:
            report = pipeline.drain()
        except Exception as error:  # engine unreachable: the worker's beat drains it later
            self.stderr.write(_("The search index is not up to date yet (%(error)s); the "
                                "Celery worker will bring it up to date.") % {"error": error})
            return
        self.stdout.write(_("Search index: %(written)s written, %(failed)s failed, "
                            "%(postponed)s postponed")
                          % {"written": report.written, "failed": report.failed,
                             "postponed": report.postponed})
