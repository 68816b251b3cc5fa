import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from pages.sites import NATIONAL_SLUG, ensure_municipality_site

DEMO_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "demo.jsonl"
DEMO_SITES = ["alytus", "kalvarija", "elektrenai", "marijampole", NATIONAL_SLUG,
              "vilnius", "kaunas", "siauliai", "panevezys", "utena"]


class Command(BaseCommand):
    help = "Sukuria demonstracines svetaines, importuoja demonstracinį turinį ir administratorių."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, port: int, **options) -> None:
        for slug in DEMO_SITES:
            ensure_municipality_site(slug, f"{slug}.localhost", port)
        call_command("import_content", str(DEMO_FILE), stdout=self.stdout, stderr=self.stderr)
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
