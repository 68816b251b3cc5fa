"""What `manage.py esparama_setup` changes in the host project, explicitly and idempotently.

Migrations add the plugin's tables and vocabularies and touch nothing of the host. The set-up
then makes the instance fit for several municipalities:

* the content locales: Lithuanian (the default) and English exist;
* no catch-all site: a default site answers every host that no municipality has, so it is
  removed, and Wagtail's welcome page under it too while that page is still the stock one;
* no whole-site groups: Wagtail's stock "Editors" and "Moderators" groups may edit every
  municipality's pages, so they are removed when no user belongs to them (each municipality
  gets its own groups from `add_municipality`).
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Site

CONTENT_LANGUAGES = ["lt", "en"]
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


@dataclass
class SetupReport:
    created_locales: list[str] = field(default_factory=list)
    removed_sites: list[str] = field(default_factory=list)
    removed_welcome_page: bool = False
    removed_groups: list[str] = field(default_factory=list)
    kept_groups: list[str] = field(default_factory=list)  # stock groups that have members


def ensure_locales(report: SetupReport) -> None:
    for language_code in CONTENT_LANGUAGES:
        _locale, created = Locale.objects.get_or_create(language_code=language_code)
        if created:
            report.created_locales.append(language_code)


def remove_catch_all_site(report: SetupReport) -> None:
    for site in Site.objects.filter(is_default_site=True).select_related("root_page"):
        welcome = site.root_page
        report.removed_sites.append(f"{site.hostname}:{site.port}")
        site.delete()
        is_stock_welcome = (welcome.title == WAGTAIL_WELCOME_TITLE and welcome.depth == 2
                            and not welcome.get_children().exists()
                            and not Site.objects.filter(root_page=welcome).exists())
        if is_stock_welcome:
            welcome.delete()
            report.removed_welcome_page = True


def remove_whole_site_groups(report: SetupReport) -> None:
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).order_by("name"):
        if group.user_set.exists():
            report.kept_groups.append(group.name)
        else:
            group.delete()
            report.removed_groups.append(group.name)


@transaction.atomic
def set_up() -> SetupReport:
    report = SetupReport()
    ensure_locales(report)
    remove_catch_all_site(report)
    remove_whole_site_groups(report)
    return report
