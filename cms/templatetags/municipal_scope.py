"""Template filters of what a user sees in the admin (`cms.municipal_scope`)."""

from django import template

from cms import municipal_scope

register = template.Library()


@register.filter
def sees_everything(user) -> bool:
    """Whether the user sees every municipality's work (national administrators)."""
    return municipal_scope.sees_everything(user)


@register.filter
def shown_title(page, request) -> str:
    """The title this request's user may see of a page (`cms.municipal_scope.shown_title`)."""
    return municipal_scope.shown_title(request, page)
