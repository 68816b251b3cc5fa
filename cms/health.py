"""Figures of the search health panel: outbox, failed documents, index vs database counts."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.municipal_scope import MunicipalityTree, tree_of
from search.documents import indexable_pages
from search.engines import get_engine
from search.models import OutboxEntry
from search.outbox import waiting
from search.reconcile import last_drift


@dataclass(frozen=True)
class FailedDocument:
    page_id: int
    title: str
    error: str
    attempts: int
    changed_at: datetime


@dataclass(frozen=True)
class TreeFigures:
    tree: MunicipalityTree
    in_database: int
    in_index: int | None  # None: the engine did not answer

    @property
    def difference(self) -> int | None:
        return None if self.in_index is None else self.in_index - self.in_database


@dataclass
class HealthReport:
    pending: int = 0
    oldest_pending: datetime | None = None
    failed: list[FailedDocument] = field(default_factory=list)
    trees: list[TreeFigures] = field(default_factory=list)
    engine_error: str = ""
    missing_analysis: str = ""
    outdated_schema: bool = False  # the live index was built with another schema: rebuild it
    drift: dict[str, int] | None = None  # the last full reconcile pass, None before the first


def count_by_tree(paths: list[str], trees: list[MunicipalityTree]) -> Counter[str]:
    return Counter(tree.slug for path in paths if (tree := tree_of(trees, path)))


def index_paths() -> list[str]:
    indexed = get_engine().indexed_versions()
    return list(Page.objects.filter(pk__in=list(indexed)).values_list("path", flat=True))


def health_report(trees: list[MunicipalityTree], everything: bool) -> HealthReport:
    """Figures for these trees; with `everything`, outbox rows of deleted pages count too."""
    report = HealthReport()
    entries = waiting()
    page_paths = dict(Page.objects.filter(pk__in=entries.values("page_id"))
                      .values_list("pk", "path"))
    visible = [entry for entry in entries.order_by("changed_at") if everything or
               tree_of(trees, page_paths.get(entry.page_id, ""))]
    titles = dict(Page.objects.filter(pk__in=[entry.page_id for entry in visible if entry.failed])
                  .values_list("pk", "title"))
    report.pending = sum(not entry.failed for entry in visible)
    report.oldest_pending = next((entry.changed_at for entry in visible if not entry.failed), None)
    report.failed = [FailedDocument(entry.page_id, titles.get(entry.page_id, _("(deleted)")),
                                    entry.last_error, entry.attempts, entry.changed_at)
                     for entry in visible if entry.failed]
    report.drift = last_drift()
    in_database = count_by_tree([page.path for page in indexable_pages()], trees)
    try:
        engine = get_engine()
        report.missing_analysis = engine.missing_analysis()
        report.outdated_schema = engine.live_schema() not in ("", engine.schema_version())
        in_index: Counter[str] | None = count_by_tree(index_paths(), trees)
    except Exception as error:  # the panel must still show the outbox when the engine is down
        report.engine_error = str(error) or error.__class__.__name__
        in_index = None
    report.trees = [TreeFigures(tree, in_database[tree.slug],
                                None if in_index is None else in_index[tree.slug])
                    for tree in trees]
    return report


def failed_page_ids(trees: list[MunicipalityTree], everything: bool) -> list[int] | None:
    """Ids whose failed rows this user may retry; None means all of them."""
    if everything:
        return None
    failed = OutboxEntry.objects.filter(failed=True).values("page_id")
    return [page_id for page_id, path in Page.objects.filter(pk__in=failed)
            .values_list("pk", "path") if tree_of(trees, path)]
