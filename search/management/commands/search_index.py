from django.core.management.base import BaseCommand, CommandError
from django.db.models import Min
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from tqdm import tqdm

from search import pipeline
from search.documents import indexable_pages, searchable_page_ids
from search.engines import get_engine
from search.outbox import retry_failed, waiting
from search.rebuild import rebuild_if_schema_changed, run_rebuild
from search.reconcile import reconcile


class Command(BaseCommand):
    help = gettext_lazy("The public search index: rebuild | upgrade (rebuild if it was built "
                        "with another schema) | status | reconcile | drain | retry-failed.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["rebuild", "upgrade", "status", "reconcile",
                                               "drain", "retry-failed"])
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, action: str, no_progress: bool, **options) -> None:
        try:
            getattr(self, action.replace("-", "_"))(no_progress)
        except Exception as error:
            if not get_engine().cannot_answer(error):
                raise
            raise CommandError(_("The search engine did not answer: %(error)s. Run the command "
                                 "again once it does; changes not written wait in the outbox.")
                               % {"error": error}) from error

    def rebuild(self, no_progress: bool) -> None:
        total = len(searchable_page_ids())
        with tqdm(total=total, desc=_("Indexing"), unit=pgettext("progress unit", "pages"),
                  disable=no_progress) as bar:
            index = run_rebuild(on_batch=bar.update)
        self.stdout.write(_("New index %(index)s is live (%(total)s pages checked).")
                          % {"index": index, "total": total})

    def upgrade(self, no_progress: bool) -> None:
        index = rebuild_if_schema_changed()
        self.stdout.write(_("New index %(index)s is live.") % {"index": index} if index
                          else _("The index is built with the current schema."))

    def drain(self, no_progress: bool) -> None:
        with tqdm(desc=_("Sending"), unit=pgettext("progress unit", "documents"),
                  disable=no_progress) as bar:
            report = pipeline.drain(on_batch=lambda batch: bar.update(batch.written))
        self.stdout.write(_("Written %(written)s, failed %(failed)s.")
                          % {"written": report.written, "failed": report.failed})

    def status(self, no_progress: bool) -> None:
        engine = get_engine()
        engine.ensure_index()
        engine.refresh()
        expected = len(indexable_pages())
        pending = waiting()
        oldest = pending.aggregate(oldest=Min("changed_at"))["oldest"]
        self.stdout.write("\n".join([
            _("Engine: %(engine)s") % {"engine": type(engine).__name__},
            _("Public documents in the database: %(count)s") % {"count": expected},
            _("Documents in the index: %(count)s") % {"count": engine.count()},
            _("Waiting in the outbox: %(count)s (oldest: %(oldest)s)") % {
                "count": pending.filter(failed=False).count(), "oldest": oldest or "—"},
            _("Failed: %(count)s") % {"count": pending.filter(failed=True).count()},
        ]))

    def reconcile(self, no_progress: bool) -> None:
        result = reconcile()
        self.stdout.write(_("Missing %(missing)s, stale %(stale)s, orphans %(orphans)s; repairs "
                            "queued.") % {"missing": len(result.missing),
                                          "stale": len(result.stale),
                                          "orphans": len(result.orphans)})
        self.drain(no_progress)

    def retry_failed(self, no_progress: bool) -> None:
        self.stdout.write(_("To be retried: %(count)s.") % {"count": retry_failed()})
        self.drain(no_progress)
