"""Admin panel "Search health": outbox, failed documents, index vs database, rebuild."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.health import failed_page_ids, health_report
from cms.municipal_scope import MunicipalityTree, sees_everything, visible_trees
from cms.rebuild import start_rebuild
from search.outbox import retry_failed, schedule_drain
from search.rebuild import FAILED, read_progress

HEALTH_URL_NAME = "cms_search_health"


def can_view_health(user) -> bool:
    return sees_everything(user) or bool(visible_trees(user))


class HealthAccessMixin:
    """Administrators see every municipality; moderators only their own."""

    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.everything = sees_everything(request.user)
        self.trees: list[MunicipalityTree] = visible_trees(request.user)
        if not (self.everything or self.trees):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SearchHealthView(HealthAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/admin/search_health.html"
    page_title = gettext_lazy("Search health")
    header_icon = "search"
    breadcrumbs_items = []

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            **kwargs, report=health_report(self.trees, self.everything), everything=self.everything,
            progress=read_progress() if self.everything else None)


class RetryFailedView(HealthAccessMixin, View):
    def post(self, request: HttpRequest) -> HttpResponse:
        count = retry_failed(failed_page_ids(self.trees, self.everything))
        schedule_drain()
        messages.success(request, _("Documents sent to search again: %(count)s.")
                         % {"count": count})
        return redirect(HEALTH_URL_NAME)


class RebuildView(HealthAccessMixin, View):
    def post(self, request: HttpRequest) -> HttpResponse:
        if not self.everything:
            raise PermissionDenied
        progress = start_rebuild()
        if progress.state == FAILED:
            messages.error(request, _("The rebuild could not be started. %(reason)s")
                           % {"reason": progress.message})
        else:
            messages.success(request, _("The rebuild of the search index has started."))
        return redirect(HEALTH_URL_NAME)
