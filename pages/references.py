"""Protected links held by drafts.

`on_delete=PROTECT` keeps a row that a published page links to, but a draft lives in a revision's
JSON, out of the database's sight: deleting the row it names would make the draft impossible to
open or publish. A row that a page's unpublished draft names through a protected link is
protected as well (`connect`, called from `PagesConfig.ready()`).
"""

from collections.abc import Callable, Iterable
from functools import cache

from django.apps import apps
from django.db import models
from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, get_page_models

Link = tuple[str | None, str, type[models.Model]]  # child relation (or None), field, target


def _protected_fields(model: type[models.Model]) -> list[models.ForeignKey]:
    return [field for field in model._meta.concrete_fields
            if field.many_to_one and field.remote_field.on_delete is models.PROTECT]


@cache
def protected_links(model: type[Page]) -> list[Link]:
    """The protected foreign keys a page of `model` holds, on itself and on its inline
    children, in the shape its revisions store them."""
    links: list[Link] = [(None, field.name, field.related_model)
                         for field in _protected_fields(model)]
    for relation in get_all_child_relations(model):
        links += [(relation.get_accessor_name(), field.name, field.related_model)
                  for field in _protected_fields(relation.related_model)]
    return links


@cache
def protected_targets() -> tuple[type[models.Model], ...]:
    return tuple({target for model in get_page_models() for *_path, target in
                  protected_links(model)})


def _named(content: dict, relation: str | None, field: str) -> set:
    """The ids a revision's content holds in `field`, on the page or on each inline child."""
    rows = [content] if relation is None else content.get(relation) or []
    return {row.get(field) for row in rows if isinstance(row, dict)}


def drafts_naming(instances: Iterable[models.Model]) -> list[Page]:
    """Pages whose unpublished draft names any of these rows through a protected link."""
    instances = [instance for instance in instances if isinstance(instance, protected_targets())]
    found: list[Page] = []
    for model in get_page_models():
        links = [(relation, field, {instance.pk for instance in instances
                                    if isinstance(instance, target)})
                 for relation, field, target in protected_links(model)]
        links = [link for link in links if link[2]]
        if not links:
            continue
        drafts = (model.objects.filter(has_unpublished_changes=True)
                  .exclude(latest_revision=None).select_related("latest_revision"))
        found += [draft for draft in drafts
                  if any(_named(draft.latest_revision.content, relation, field) & ids
                         for relation, field, ids in links)]
    return found


def refuse_deleting_what_drafts_name(sender, instance: models.Model, **kwargs) -> None:
    if isinstance(instance, protected_targets()) and (drafts := drafts_naming([instance])):
        raise ProtectedError(refusal([instance], drafts), set(drafts))


def refusal(instances: list[models.Model], drafts: list[Page],
            may_read: Callable[[Page], bool] = lambda draft: True) -> str:
    """Why the instances are kept: the drafts naming them, by title where `may_read` lets the
    reader see it, else counted."""
    named = ", ".join(str(instance) for instance in instances)
    readable = [draft for draft in drafts if may_read(draft)]
    titles = sorted({draft.draft_title for draft in readable})
    if unread := len(drafts) - len(readable):
        titles.append(ngettext("%(count)d draft you may not edit",
                               "%(count)d drafts you may not edit", unread) % {"count": unread})
    return _("“%(named)s” cannot be deleted: unpublished drafts link to it (%(titles)s).") % {
        "named": named, "titles": ", ".join(titles)}


def connect() -> None:
    """Per model, not for every sender: a receiver for all models would stop Django's fast
    bulk deletes everywhere."""
    for model in apps.get_models():
        if issubclass(model, protected_targets()):
            pre_delete.connect(refuse_deleting_what_drafts_name, sender=model,
                               dispatch_uid=f"pages-drafts-protect-{model._meta.label}")
