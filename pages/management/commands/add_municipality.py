from django.core.management.base import BaseCommand, CommandError

from pages.models import Municipality
from pages.sites import NATIONAL_SLUG, ensure_municipality_site


class Command(BaseCommand):
    help = ("Sukuria savivaldybės svetainę (pradžios ir skyrių puslapius LT ir EN). "
            f"NAME – savivaldybės kodas (pvz. alytus) arba „{NATIONAL_SLUG}“.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("name")
        parser.add_argument("hostname")
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, name: str, hostname: str, port: int, **options) -> None:
        if name != NATIONAL_SLUG and not Municipality.objects.filter(slug=name).exists():
            raise CommandError(f"Nežinoma savivaldybė „{name}“. Galimos: "
                               + ", ".join(Municipality.objects.values_list("slug", flat=True)))
        result = ensure_municipality_site(name, hostname, port)
        verb = "Sukurta" if result.created else "Jau yra, atnaujinta"
        self.stdout.write(f"{verb}: {result.home.title} → http://{hostname}:{port}/")
