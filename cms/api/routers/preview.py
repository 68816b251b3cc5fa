"""Headless preview: an editor's latest draft, read with a Wagtail API token.

Tokens are Wagtail's own (`APIToken`, created in the admin, sent as `Authorization: Bearer …`).
A draft is served only on the site the page belongs to and only to a user who may edit it.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import Page

from cms.api.caching import mark_private
from cms.api.params import is_page_id, require_known
from cms.api.problems import ApiProblem, Problem, problem_responses
from cms.api.registry import resource_for
from cms.api.resources.base import AnswerLanguage
from cms.scope import site_scope

router = Router(tags=["preview"], auth=BearerTokenAuth())


@router.get("/{page_id}/", response={200: dict, 400: Problem, 401: Problem, 403: Problem,
                                     404: Problem},
            openapi_extra={"responses": problem_responses(400, 401, 403, 404)},
            operation_id="preview_page", summary="Preview a draft (for editors)")
def preview_page(request: HttpRequest, page_id: int, params: Query[AnswerLanguage]):
    """Returns the latest revision of a page, published or not, in the same shape as its
    detail."""
    require_known(request, AnswerLanguage)
    mark_private(request)
    scope = site_scope(request)
    page = Page.objects.filter(pk=page_id).first() if is_page_id(page_id) else None
    if page is None or scope is None or not scope.contains(page):
        raise ApiProblem(404, _("There is no page %(id)s on this site.") % {"id": page_id},
                         "page_id")
    page = page.specific
    if not page.permissions_for_user(request.auth.user).can_edit():
        raise ApiProblem(403, _("You may not preview the draft of this page."))
    draft = page.get_latest_revision_as_object()
    resource = resource_for(draft)
    if resource is None:
        raise ApiProblem(404, _("Pages of the type of page %(id)s are not shown through the API.")
                         % {"id": page_id}, "page_id")
    detail = resource.detail_schema.model_validate(resource.prepared(draft),
                                                   context={"request": request})
    return {**detail.model_dump(), "preview": True,
            "live": page.live, "has_unpublished_changes": page.has_unpublished_changes}
