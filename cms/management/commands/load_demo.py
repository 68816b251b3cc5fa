"""The demo: its sites, the content of demo/content.jsonl, a search index and an administrator."""

import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

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
    help = ("Sukuria demonstracines svetaines (adresai su prievadu, kuriuo demonstracija "
            "pasiekiama), importuoja demonstracinį turinį, atnaujina paieškos indeksą ir "
            "sukuria administratorių.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--port", type=int, default=None,
                            help="Prievadas, kuriuo demonstracija pasiekiama "
                                 f"(numatytasis: PORT arba {DEMO_PORT}).")
        parser.add_argument("--file", type=Path, default=None,
                            help="Demonstracinio turinio failas importo formatu (numatytasis: "
                                 "nustatymas DEMO_CONTENT_FILE arba demo/content.jsonl).")

    def handle(self, *args, port: int | None, file: Path | None, **options) -> None:
        port = port or served_port()
        content = file or demo_content_file()
        if not content.is_file():
            raise CommandError(f"Demonstracinio turinio failas nerastas: {content}")
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
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True})
        user.set_password(password)
        user.save()
        self.stdout.write(f"\nAdministravimas: http://127.0.0.1:{port}/admin/  "
                          f"naudotojas: {username}  slaptažodis: {password}")
        for slug in DEMO_SITES:
            self.stdout.write(f"  http://{slug}.localhost:{port}/")

    def index(self) -> None:
        """Write every recorded change to the search engine now, so search works at once."""
        try:
            report = pipeline.drain()
        except Exception as error:  # engine unreachable: the worker's beat drains it later
            self.stderr.write(f"Paieškos indeksas dar neatnaujintas ({error}); "
                              "jį atnaujins Celery darbuotojas.")
            return
        self.stdout.write(f"Paieškos indeksas: įrašyta {report.written}, "
                          f"klaidų {report.failed}, atidėta {report.postponed}")
