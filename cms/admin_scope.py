"""Wagtail's admin views that address a page by its id or list tags, kept to what the user may
find.

Wagtail checks a user's permission on the page in its page views, but some name the page
before that, or without it: the page chooser shows the page it browses as its first row,
answers `chosen-multiple` with the admin title of any id, and a workflow's preview quotes the
page's latest title in its refusal. `PageScopeMiddleware` answers 404 for a page outside what
the user may find (`reachable_pages`) in the chooser, which links other municipalities' public
pages, and outside the pages they may open (`workable_pages`) in every other page view, the
explorer's included, wherever the request names the page (`named_pages`); it answers
`chosen-multiple` itself, with the chooser's pages and the titles the user may see, and the
tag autocomplete, with the tags of what the user may see (`offered_tags`); the popular tags that
image and document listings offer as a filter are those of the media the user may choose
(`with_popular_tags_seen`; the image chooser's, through its template).

Wagtail's admin URLs come before any app's, so a middleware is where the plugin meets them.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, ResolverMatch, reverse
from django.utils.cache import add_never_cache_headers
from taggit.models import Tag, TaggedItem
from wagtail.admin.filters import BaseMediaFilterSet
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.tags import TAGS_AUTOCOMPLETE_LIMIT
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry

from cms.municipal_scope import reachable_pages, shown_title, workable_pages
from pages.models import NewsTag

# What names a page in a request to Wagtail's admin: keyword arguments of its URLs (`pk` in its
# page views' namespace), the parent whose pages a bulk action takes, and in a form sent, the
# parent chosen for a new page or a copy and a bulk move's destination.
PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
PAGE_VIEWS_NAMESPACE = "wagtailadmin_pages"
QUERY_PAGE_PARAMETERS = ("childOf",)
FORM_PAGE_PARAMETERS = ("parent_page", "new_parent_page", "chooser")
FORM_PAGE_REQUIRED = {"copy": "new_parent_page"}  # page views whose form Wagtail reads unchecked
FINDING_VIEWS = {"wagtailadmin_choose_page_child"}
CHOSEN_PAGES_VIEW = "wagtailadmin_choose_page_chosen_multiple"
# Wagtail's tag autocomplete of taggit's tags (which news, images and documents share), by
# its two addresses: view → its keyword arguments naming taggit's tag model
POPULAR_TAGS = 10  # as many as Wagtail offers
TAG_VIEWS = {"wagtailadmin_tag_autocomplete": {},
             "wagtailadmin_tag_model_autocomplete": {"app_name": "taggit", "model_name": "tag"}}


def admin_path() -> str | None:
    """Where the admin is served (None in a project whose URLs have no admin)."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


def page_ids(values: Iterable[str]) -> set[int]:
    """The values that are page ids: numbers in ASCII digits within the database's range of
    ids (no page has any other)."""
    lowest, highest = connection.ops.integer_field_range(Page._meta.pk.get_internal_type())
    numbers = {int(value) for value in values if value.isascii() and value.isdigit()
               and len(value) <= len(str(highest))}
    return {number for number in numbers if lowest <= number <= highest}


def media_tagging(user, model: type[Model]) -> QuerySet[TaggedItem]:
    """The tags put on the images or documents (`model`) that the user may choose or change."""
    chosen = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ["choose", "change"])
    return TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(model),
                                     object_id__in=chosen.values("pk"))


def seen_tags(user) -> QuerySet[Tag]:
    """The tags on what the user may see: the news pages the chooser lists them and the images
    and documents they may choose (a tag saved on another municipality's draft or private image
    is their unpublished work)."""
    seen = Q(pk__in=NewsTag.objects.filter(
        content_object__in=Page.objects.filter(reachable_pages(user) or Q())).values("tag"))
    for model in (get_image_model(), get_document_model()):
        seen |= Q(pk__in=media_tagging(user, model).values("tag"))
    return Tag.objects.filter(seen)


def popular_tags(user, model: type[Model]) -> list[Tag]:
    """What Wagtail offers as the popular tags of images or documents (`model`), of those the
    user may choose or change: the most used first."""
    ranked = list(media_tagging(user, model).values("tag").annotate(uses=Count("pk"))
                  .order_by("-uses", "tag").values_list("tag", flat=True)[:POPULAR_TAGS])
    tags = Tag.objects.in_bulk(ranked)
    return [tags[pk] for pk in ranked]


def offered_tags(request: HttpRequest) -> HttpResponse:
    """What Wagtail's tag autocomplete answers, of the `seen_tags`."""
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    names = seen_tags(request.user).filter(name__istartswith=term).order_by(
        "name").values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    return JsonResponse(list(names), safe=False)


def with_popular_tags_seen(request: HttpRequest, filters: BaseMediaFilterSet) -> None:
    """The tag filter of an image or document listing, of the `popular_tags` (none: no filter)."""
    choices = [(tag.name, tag.name) for tag in popular_tags(request.user, filters._meta.model)]
    if choices:
        filters.filters["tag"].extra["choices"] = filters.form.fields["tag"].choices = choices
    else:
        del filters.filters["tag"], filters.form.fields["tag"]


def never_cached(response: HttpResponse) -> HttpResponse:
    """As Wagtail's admin views answer: for this user, now (their `never_cache`)."""
    add_never_cache_headers(response)
    return response


def chosen_pages(request: HttpRequest) -> HttpResponse:
    """What Wagtail's `chosen-multiple` answers, of the pages the chooser lists this user."""
    pages = Page.objects.filter(reachable_pages(request.user) or Q(),
                                pk__in=page_ids(request.GET.getlist("id")), depth__gt=1)
    return render_modal_workflow(request, None, None, None, json_data={
        "step": "page_chosen",
        "result": [{"id": page.pk, "parentId": page.get_parent().pk,
                    "adminTitle": shown_title(request, page),
                    "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                    "url": page.url}
                   for page in pages.specific()]})


class PageScopeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_template_response(self, request: HttpRequest,
                                  response: TemplateResponse) -> TemplateResponse:
        filters = (response.context_data or {}).get("filters")
        if isinstance(filters, BaseMediaFilterSet) and "tag" in filters.filters:
            with_popular_tags_seen(request, filters)
        return response

    def process_view(self, request: HttpRequest, view: Callable, args: tuple,
                     kwargs: dict[str, Any]) -> HttpResponse | None:
        match, admin = request.resolver_match, admin_path()
        if (match is None or admin is None or not request.path.startswith(admin)
                or not request.user.is_authenticated):
            return None  # not the admin; or Wagtail's own login check answers
        if request.user.has_perm("wagtailadmin.access_admin"):
            if match.url_name == CHOSEN_PAGES_VIEW:
                return never_cached(chosen_pages(request))
            if match.url_name in TAG_VIEWS and TAG_VIEWS[match.url_name] == match.kwargs:
                return never_cached(offered_tags(request))
        named = named_pages(request, match, kwargs)
        if not named:
            return None
        ids = page_ids(named)
        allowed = (reachable_pages if match.url_name in FINDING_VIEWS
                   else workable_pages)(request.user)
        if len(ids) < len(named) or allowed is not None and Page.objects.filter(
                allowed, pk__in=ids).count() < len(ids):
            raise Http404  # a value that is no page id, or a page the user may not reach
        return None


def named_pages(request: HttpRequest, match: ResolverMatch, kwargs: dict[str, Any]) -> set[str]:
    """The values naming a page in a request to the admin (an empty one in a form names
    none, but for a form Wagtail reads unchecked)."""
    named = {str(kwargs[name]) for name in PAGE_ARGUMENTS if name in kwargs}
    page_view = PAGE_VIEWS_NAMESPACE in match.namespaces
    if page_view and "pk" in kwargs:
        named.add(str(kwargs["pk"]))
    named.update(request.GET[name] for name in QUERY_PAGE_PARAMETERS if name in request.GET)
    if request.method == "POST":
        named.update(request.POST[name] for name in FORM_PAGE_PARAMETERS
                     if request.POST.get(name))
        if page_view and (required := FORM_PAGE_REQUIRED.get(match.url_name)):
            named.add(request.POST.get(required, ""))
    return named
