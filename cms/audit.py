"""Publishing log per municipality: who published or unpublished what, and when (Wagtail's log)."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import PageLogEntry

from cms.municipal_scope import MunicipalityTree, sees_everything, visible_trees

PUBLISHING_ACTIONS = {
    "wagtail.publish": pgettext_lazy("publishing log action", "Published"),
    "wagtail.publish.scheduled": _("Published on schedule"),
    "wagtail.unpublish": pgettext_lazy("publishing log action", "Unpublished"),
    "wagtail.unpublish.scheduled": _("Publication ended on schedule"),
}


def within(trees: list[MunicipalityTree]) -> Q:
    query = Q(pk__in=[])
    for tree in trees:
        query |= tree.pages_filter("page__")
    return query


class PublishingLogFilterSet(WagtailFilterSet):
    municipality = django_filters.ChoiceFilter(
        label=pgettext_lazy("publishing log", "Municipality"), method="filter_municipality",
        empty_label=pgettext_lazy("municipalities", "All"))
    action = django_filters.ChoiceFilter(
        label=pgettext_lazy("publishing log", "Action"),
        choices=list(PUBLISHING_ACTIONS.items()), empty_label=pgettext_lazy("actions", "All"))
    timestamp = django_filters.DateFromToRangeFilter(label=pgettext_lazy("publishing log", "Date"),
                                                     widget=DateRangePickerWidget)

    class Meta:
        model = PageLogEntry
        fields = ["municipality", "action", "timestamp"]

    def __init__(self, *args, request=None, **kwargs) -> None:
        super().__init__(*args, request=request, **kwargs)
        self.trees = {tree.slug: tree for tree in visible_trees(request.user)}
        self.filters["municipality"].extra["choices"] = [
            (slug, tree.title) for slug, tree in self.trees.items()]

    def filter_municipality(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(within([self.trees[value]]))


class PublishingLogView(ReportView):
    model = PageLogEntry
    page_title = _("Publishing log")
    header_icon = "history"
    results_template_name = "wagtailadmin/reports/site_history_results.html"
    filterset_class = PublishingLogFilterSet
    index_url_name = "cms_publishing_log"
    index_results_url_name = "cms_publishing_log_results"
    list_export = ["timestamp", "label", "action", "user_display_name"]
    export_headings = {"timestamp": pgettext_lazy("publishing log", "Time"),
                       "label": pgettext_lazy("publishing log", "Page"),
                       "action": pgettext_lazy("publishing log", "Action"),
                       "user_display_name": pgettext_lazy("publishing log", "User")}

    def dispatch(self, request, *args, **kwargs):
        self.trees = visible_trees(request.user)
        if not self.trees:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self) -> str:
        return "publikavimo-zurnalas"

    def get_queryset(self) -> QuerySet:
        entries = PageLogEntry.objects.filter(action__in=PUBLISHING_ACTIONS)
        if not sees_everything(self.request.user):
            entries = entries.filter(within(self.trees))
        return entries.select_related("user", "page", "content_type").order_by("-timestamp")

    def decorate_paginated_queryset(self, entries: list) -> list:
        url_finder = AdminURLFinder(self.request.user)
        for entry in entries:
            entry.edit_url = url_finder.get_edit_url(entry.page) if entry.page_id else None
        return entries
