"""Every change that alters what the public can find writes outbox rows in its transaction."""

from functools import cache

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from pages import models as content
from pages.models.taxonomy import Term
from search.documents import MAPPERS, related_model_at
from search.facets import vocabulary_changed
from search.outbox import record_changes

# relations a document embeds beyond the model's own foreign keys and many-to-manys
INDIRECT_LOOKUPS = {
    content.ProjectPage: ["partners__provider", "measure__fund", "measure__agency",
                          "measure__priority", "measure__priority__programme"],
}


def subtree_ids(page: Page) -> list[int]:
    return list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


@cache
def embedding_lookups(model: type[Model]) -> list[str]:
    """The relations through which a model's documents show other pages and terms."""
    lookups = [field.name for field in model._meta.get_fields()
               if field.related_model and (field.many_to_many or field.many_to_one)]
    return lookups + INDIRECT_LOOKUPS.get(model, [])


def pages_showing(instance: Model) -> set[int]:
    """Searchable pages whose documents embed this term or page (labels, names, codes)."""
    ids: set[int] = set()
    for model, *_rest in MAPPERS.values():
        # one indexed SELECT per relation, in one UNION: OR-ing them across the joins made
        # PostgreSQL scan every page on every publish
        matching = model.objects.order_by().values_list("pk", flat=True)
        queries = [matching.filter(**{lookup: instance}) for lookup in embedding_lookups(model)
                   if isinstance(instance, related_model_at(model, lookup))]
        if queries:
            ids.update(queries[0].union(*queries[1:]))
    return ids


def on_page_published(sender, instance: Page, **kwargs) -> None:
    record_changes({instance.pk} | pages_showing(instance.specific))


def on_page_unpublished(sender, instance: Page, **kwargs) -> None:
    record_changes({instance.pk} | pages_showing(instance.specific))


def on_page_moved(sender, instance: Page, **kwargs) -> None:
    record_changes(subtree_ids(instance))


def on_page_deleted(sender, instance: Model, **kwargs) -> None:
    if isinstance(instance, Page):
        record_changes({instance.pk})


def on_restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    record_changes(subtree_ids(instance.page))


def on_term_saved(sender, instance: Term, created: bool, **kwargs) -> None:
    if not created:
        record_changes(pages_showing(instance))


def on_site_saved(sender, instance: Site, **kwargs) -> None:
    record_changes(subtree_ids(instance.root_page))


def connect() -> None:
    page_published.connect(on_page_published, dispatch_uid="search-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search-moved")
    page_slug_changed.connect(on_page_moved, dispatch_uid="search-slug")
    post_delete.connect(on_page_deleted, dispatch_uid="search-deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction,
                      dispatch_uid="search-private")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction,
                        dispatch_uid="search-public")
    for term_model in Term.__subclasses__():
        post_save.connect(on_term_saved, sender=term_model,
                          dispatch_uid=f"search-term-{term_model.__name__}")
        for signal in (post_save, post_delete):
            signal.connect(vocabulary_changed, sender=term_model,
                           dispatch_uid=f"search-labels-{term_model.__name__}")
    post_save.connect(on_site_saved, sender=Site, dispatch_uid="search-site")
