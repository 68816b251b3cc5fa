"""`manage.py esparama_setup`: prepare the host for municipalities (see cms.host_setup)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.host_setup import set_up


class Command(BaseCommand):
    help = gettext_lazy("Creates the Lithuanian and English locales, removes Wagtail's "
                        "catch-all default site and its stock Editors and Moderators groups "
                        "when no user belongs to them. Safe to run again.")

    def handle(self, *args: Any, verbosity: int, **options: Any) -> None:
        report = set_up()
        for group in report.kept_groups:
            self.stderr.write(_("Group %(group)s has members and may edit every municipality's "
                                "pages: it was kept; move its members to a municipality's "
                                "groups and run this again.") % {"group": group})
        if verbosity < 1:
            return
        for language_code in report.created_locales:
            self.stdout.write(_("Locale created: %(code)s") % {"code": language_code})
        for site in report.removed_sites:
            self.stdout.write(_("Catch-all default site removed: %(site)s") % {"site": site})
        if report.removed_welcome_page:
            self.stdout.write(_("Wagtail's welcome page removed."))
        for group in report.removed_groups:
            self.stdout.write(_("Whole-site group removed: %(group)s") % {"group": group})
        self.stdout.write(_("The instance is set up for municipalities."))
