"""A municipality's editorial setup: groups, media collection and review workflow (idempotent).

Their names are records in the content's default language, Lithuanian, like the vocabulary's
labels (and they identify the records when the setup runs again): they are not translated per
user. Groups are named after whom they serve, in the genitive: "Alytaus miesto savivaldybės
redaktoriai"."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from wagtail.models import Collection, Page, Workflow

from cms.permissions import MunicipalGroups, ensure_municipal_groups, ensure_national_admins
from cms.workflows import ensure_review_workflow
from pages.models import MeasureIndexPage, MunicipalityHomePage

NATIONAL_NAME = "Nacionalinio lygio"


@dataclass(frozen=True)
class EditorialSetup:
    groups: MunicipalGroups
    collection: Collection
    workflow: Workflow
    national_admins: Group


def editorial_name(home: MunicipalityHomePage) -> str:
    """Name used for the groups, collection and workflow: the municipality's Lithuanian label."""
    return home.municipality.label_lt if home.municipality else NATIONAL_NAME


def genitive(name: str) -> str:
    """A municipality's Lithuanian name in the genitive. Only the head noun, the last word,
    declines: every municipality's is "savivaldybė" ("Alytaus miesto savivaldybė" → "Alytaus
    miesto savivaldybės"), a feminine noun whose genitive adds -s; the words before it are
    genitives already, and so is the national site's name ("Nacionalinio lygio")."""
    return f"{name}s" if name.endswith("ė") else name


def tree_homes(home: MunicipalityHomePage) -> list[Page]:
    """The Lithuanian home page and its translations (each one a root-level page)."""
    return [home, *home.get_translations()]


def ensure_collection(name: str) -> Collection:
    existing = Collection.objects.filter(depth=2, name=name).first()  # a child of the root
    return existing or Collection.get_first_root_node().add_child(name=name)


def ensure_editorial_setup(home: MunicipalityHomePage) -> EditorialSetup:
    name = editorial_name(home)
    homes = tree_homes(home)
    children = Page.objects.none()
    for tree_home in homes:
        children |= tree_home.get_children()
    measure_indexes = list(children.type(MeasureIndexPage))
    sections = list(children.not_type(MeasureIndexPage))
    collection = ensure_collection(name)
    groups = ensure_municipal_groups(genitive(name), sections, collection)
    workflow = ensure_review_workflow(name, groups.moderators, homes)
    national = home.municipality is None
    admins = ensure_national_admins(measure_indexes if national else [],
                                    collection if national else None)
    return EditorialSetup(groups, collection, workflow, admins)


def provision_editorial_setup(sender: type, home: MunicipalityHomePage,
                              **_signal_arguments: object) -> EditorialSetup:
    """Receiver of `pages.sites.municipality_site_ensured`: every site gets its setup."""
    return ensure_editorial_setup(home)
