"""Every change that alters what the public can find writes outbox rows in its transaction."""

from collections.abc import Callable, Collection

from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from pages import models as content
from pages.models.taxonomy import Term
from pages.public import below_any
from search.documents import HOME_LOOKUPS, document_mappings, read_lookups, related_model_at
from search.facets import vocabulary_changed
from search.outbox import record_changes


def subtree_ids(page: Page) -> list[int]:
    return list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def pages_matching(condition: Callable[[type[Model], str], dict | None]) -> set[int]:
    """Searchable pages matching `condition(model, lookup)` (a filter, or None to skip the
    relation) through any relation their documents read."""
    ids: set[int] = set()
    for mapping in document_mappings():
        # one indexed SELECT per relation, in one UNION: OR-ing them across the joins would
        # make PostgreSQL scan every page on every publish
        model = mapping.model
        matching = model.objects.order_by().values_list("pk", flat=True)
        queries = [matching.filter(**query) for lookup in read_lookups(mapping.kind_key)
                   if (query := condition(model, lookup)) is not None]
        if queries:
            ids.update(queries[0].union(*queries[1:]))
    return ids


def pages_showing(instance: Model) -> set[int]:
    """Searchable pages whose documents embed this term or page (labels, names, codes)."""
    ids = pages_matching(lambda model, lookup: {lookup: instance} if isinstance(
        instance, related_model_at(model, lookup)) else None)
    for home in content.MunicipalityHomePage.objects.filter(
            pk__in=homes_showing(instance)).only("path"):
        ids.update(subtree_ids(home))
    return ids


def homes_showing(instance: Model) -> set[int]:
    """Home pages whose municipality, county or region is this term: every document below
    them reads it."""
    homes = content.MunicipalityHomePage.objects.order_by().values_list("pk", flat=True)
    return {pk for lookup in HOME_LOOKUPS
            if isinstance(instance, related_model_at(content.MunicipalityHomePage, lookup))
            for pk in homes.filter(**{lookup: instance})}


def pages_linking_to(page_ids: Collection[int]) -> set[int]:
    """Searchable pages whose documents name any of these pages (their titles, codes, facets
    derived from them): a page's public state decides whether they may name it."""
    if not page_ids:
        return set()
    return pages_matching(lambda model, lookup: {f"{lookup}__in": page_ids} if issubclass(
        related_model_at(model, lookup), Page) else None)


def with_linking_pages(page_ids: Collection[int]) -> set[int]:
    return set(page_ids) | pages_linking_to(page_ids)


def on_page_state_changed(sender, instance: Page, **kwargs) -> None:
    """Published or unpublished (also by expiry): the page, every page naming it and, for a
    home or section page, every page below it (their municipality, URL and public state)."""
    changed = subtree_ids(instance) if instance.numchild else [instance.pk]
    record_changes(set(changed) | pages_showing(instance.specific))


def on_page_saved(sender, instance: Page, update_fields=None, **kwargs) -> None:
    """An alias converted into a page of its own (what translators do) becomes searchable."""
    if update_fields and {"alias_of", "alias_of_id"} & set(update_fields):
        record_changes({instance.pk})


def on_page_moved(sender, instance: Page, **kwargs) -> None:
    record_changes(with_linking_pages(subtree_ids(instance)))


def on_page_deleting(sender, instance: Page, **kwargs) -> None:
    """Before the delete, while the links to the page still exist."""
    record_changes(with_linking_pages({instance.pk}))


def on_restriction_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    """The restricted subtree and the subtrees of its pages' aliases, which are served with
    their source's restrictions."""
    paths = [instance.page.path, *Page.objects.filter(
        below_any([instance.page.path], "alias_of__path")).values_list("path", flat=True)]
    record_changes(with_linking_pages(
        list(Page.objects.filter(below_any(paths)).values_list("pk", flat=True))))


def on_term_saved(sender, instance: Term, created: bool, **kwargs) -> None:
    if not created:
        record_changes(pages_showing(instance))


def on_term_deleting(sender, instance: Term, **kwargs) -> None:
    """Before the delete, while the pages still hold the term."""
    record_changes(pages_showing(instance))


def on_site_saved(sender, instance: Site, **kwargs) -> None:
    record_changes(subtree_ids(instance.root_page))


def connect() -> None:
    page_published.connect(on_page_state_changed, dispatch_uid="search-published")
    page_unpublished.connect(on_page_state_changed, dispatch_uid="search-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search-moved")
    page_slug_changed.connect(on_page_moved, dispatch_uid="search-slug")
    # sent for the page row of a page of every kind; a receiver for every model would keep
    # Django from deleting any other rows in bulk (the index's among them)
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid="search-deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction,
                      dispatch_uid="search-private")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction,
                        dispatch_uid="search-public")
    for mapping in document_mappings():
        post_save.connect(on_page_saved, sender=mapping.model,
                          dispatch_uid=f"search-alias-{mapping.model.__name__}")
    for term_model in Term.__subclasses__():
        post_save.connect(on_term_saved, sender=term_model,
                          dispatch_uid=f"search-term-{term_model.__name__}")
        pre_delete.connect(on_term_deleting, sender=term_model,
                           dispatch_uid=f"search-term-deleted-{term_model.__name__}")
        for signal in (post_save, post_delete):
            signal.connect(vocabulary_changed, sender=term_model,
                           dispatch_uid=f"search-labels-{term_model.__name__}")
    for signal in (post_save, post_delete):  # the query's synonyms (`search.synonyms`)
        signal.connect(vocabulary_changed, sender=content.SynonymSet,
                       dispatch_uid="search-synonyms")
    for signal in (page_published, page_unpublished):  # the measure facet's labels
        signal.connect(vocabulary_changed, sender=content.FundingMeasurePage,
                       dispatch_uid="search-labels-measure")
    post_save.connect(on_site_saved, sender=Site, dispatch_uid="search-site")
