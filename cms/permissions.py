"""Roles and what they may do, granted through Wagtail's own permission models.

Per municipality (or the national site), named in the genitive of its Lithuanian name:
  "<Name> redaktoriai"   add and edit pages in the municipality's sections (LT and EN trees),
                         submit them to the review workflow; never publish, unpublish, delete a
                         live page or move it. Translate the municipality's pages into English
                         (`cms.translation_access` keeps it to their own pages). Upload media to
                         the municipality's collection.
  "<Name> moderatoriai"  as editors, plus publish, unpublish, delete, move within the
                         municipality's sections, lock/unlock; approve or reject in the workflow;
                         manage all media of the municipality's collection; see the municipality's
                         search health and publishing log.
Nationally:
  "Nacionaliniai administratoriai"  shared taxonomies and the search's synonym sets (snippets),
                         funding measures (the national measure index, LT and EN), the whole
                         search health panel and rebuilds.

Municipal groups hold page permissions on the section index pages (projects, providers, news),
not on the home page: the home page and the (national) measure index stay out of their reach.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from pages.models.synonyms import SynonymSet
from pages.models.taxonomy import Term

EDITOR_PAGE_ACTIONS = ("add", "change")
MODERATOR_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock")
EDITOR_MEDIA_ACTIONS = ("add", "choose")
MODERATOR_MEDIA_ACTIONS = ("add", "change", "delete", "choose")
TAXONOMY_ACTIONS = ("add", "change", "delete", "view")
ADMIN_ACCESS = "wagtailadmin.access_admin"
# wagtail-localize's translate and update actions; which pages, cms.translation_access decides
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"
# Holding these model permissions means seeing and managing search health of every municipality.
SEARCH_HEALTH_PERMISSIONS = ("search.view_outboxentry", "search.change_outboxentry")
NATIONAL_ADMINS = "Nacionaliniai administratoriai"


@dataclass(frozen=True)
class MunicipalGroups:
    editors: Group
    moderators: Group


def group_names(owner: str) -> tuple[str, str]:
    """The editors' and moderators' group names of an owner named in the genitive."""
    return f"{owner} redaktoriai", f"{owner} moderatoriai"


def model_permission(model: type[Model], action: str) -> Permission:
    content_type = ContentType.objects.get_for_model(model)
    return Permission.objects.get(content_type=content_type,
                                  codename=f"{action}_{model._meta.model_name}")


def named_permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant_pages(group: Group, pages: Iterable[Page], actions: Iterable[str]) -> None:
    permissions = [model_permission(Page, action) for action in actions]
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page,
                                                      permission=permission)


def grant_media(group: Group, collection: Collection, actions: Iterable[str]) -> None:
    for model in (get_image_model(), get_document_model()):
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=model_permission(model, action))


def editorial_group(name: str, extra_permissions: Iterable[Permission] = ()) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(named_permission(ADMIN_ACCESS), named_permission(SUBMIT_TRANSLATION),
                          *extra_permissions)
    return group


def ensure_municipal_groups(owner: str, sections: list[Page],
                            collection: Collection) -> MunicipalGroups:
    editors_name, moderators_name = group_names(owner)
    groups = MunicipalGroups(editorial_group(editors_name), editorial_group(moderators_name))
    grant_pages(groups.editors, sections, EDITOR_PAGE_ACTIONS)
    grant_pages(groups.moderators, sections, MODERATOR_PAGE_ACTIONS)
    grant_media(groups.editors, collection, EDITOR_MEDIA_ACTIONS)
    grant_media(groups.moderators, collection, MODERATOR_MEDIA_ACTIONS)
    return groups


def ensure_national_admins(measure_indexes: list[Page], collection: Collection | None) -> Group:
    taxonomy = [model_permission(model, action) for model in [*Term.__subclasses__(), SynonymSet]
                for action in TAXONOMY_ACTIONS]
    health = [named_permission(dotted) for dotted in SEARCH_HEALTH_PERMISSIONS]
    admins = editorial_group(NATIONAL_ADMINS, [*taxonomy, *health])
    grant_pages(admins, measure_indexes, MODERATOR_PAGE_ACTIONS)
    if collection is not None:
        grant_media(admins, collection, MODERATOR_MEDIA_ACTIONS)
    return admins
