"""Template filters of what a user sees in the admin (`cms.municipal_scope`)."""

from django import template
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page

from cms import admin_scope, municipal_scope

register = template.Library()


@register.filter
def sees_everything(user) -> bool:
    """Whether the user sees every municipality's work (national administrators)."""
    return municipal_scope.sees_everything(user)


@register.filter
def shown_title(page, request) -> str:
    """The title this request's user may see of a page (`cms.municipal_scope.shown_title`)."""
    return municipal_scope.shown_title(request, page)


@register.inclusion_tag("wagtailadmin/shared/breadcrumbs.html", takes_context=True)
def chooser_breadcrumbs(context: template.Context, page: Page, querystring: str) -> dict:
    """The page chooser's path to the page it browses, from the tree's root, each page named
    by the title the user may see."""
    request = context["request"]
    return {"is_expanded": True, "items": [
        {"url": reverse("wagtailadmin_choose_page_child", args=(ancestor.pk,)) + querystring,
         "label": municipal_scope.shown_title(request, ancestor)}
        for ancestor in page.get_ancestors()]}


@register.simple_tag(takes_context=True)
def popular_image_tags(context: template.Context) -> list:
    """The popular tags of the images the user may choose (`cms.admin_scope.popular_tags`)."""
    return admin_scope.popular_tags(context["request"].user, get_image_model())
