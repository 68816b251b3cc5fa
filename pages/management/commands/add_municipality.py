from django.core.management.base import BaseCommand, CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pages.models import Municipality
from pages.sites import NATIONAL_SLUG, ensure_municipality_site


class Command(BaseCommand):
    help = format_lazy(gettext_lazy("Creates a municipality's site (home and section pages, LT "
                                    "and EN). NAME: the municipality's code (e.g. alytus) or "
                                    "“{national}”."), national=NATIONAL_SLUG)

    def add_arguments(self, parser) -> None:
        parser.add_argument("name")
        parser.add_argument("hostname")
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, name: str, hostname: str, port: int, **options) -> None:
        if name != NATIONAL_SLUG and not Municipality.objects.filter(slug=name).exists():
            raise CommandError(_("Unknown municipality “%(name)s”. Known: %(known)s") % {
                "name": name,
                "known": ", ".join(Municipality.objects.values_list("slug", flat=True))})
        result = ensure_municipality_site(name, hostname, port)
        report = (_("Created: %(title)s → %(url)s") if result.created
                  else _("Already there, updated: %(title)s → %(url)s"))
        self.stdout.write(report % {"title": result.home.title,
                                    "url": f"http://{hostname}:{port}/"})
