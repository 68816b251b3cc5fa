from django.core.management.base import BaseCommand
from django.db.models import Min
from tqdm import tqdm

from search import pipeline
from search.documents import indexable_pages, searchable_page_ids
from search.engines import get_engine
from search.outbox import retry_failed, waiting
from search.reconcile import reconcile


class Command(BaseCommand):
    help = "Viešosios paieškos indeksas: rebuild | status | reconcile | drain | retry-failed."

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", choices=["rebuild", "status", "reconcile", "drain",
                                               "retry-failed"])
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, action: str, no_progress: bool, **options) -> None:
        getattr(self, action.replace("-", "_"))(no_progress)

    def rebuild(self, no_progress: bool) -> None:
        total = len(searchable_page_ids())
        with tqdm(total=total, desc="Indeksuojama", unit="psl.", disable=no_progress) as bar:
            index = pipeline.rebuild(on_batch=bar.update)
        self.stdout.write(f"Naujas indeksas {index} įjungtas ({total} puslapių patikrinta).")

    def drain(self, no_progress: bool) -> None:
        with tqdm(desc="Siunčiama", unit="dok.", disable=no_progress) as bar:
            report = pipeline.drain(on_batch=lambda batch: bar.update(batch.written))
        self.stdout.write(f"Įrašyta {report.written}, nepavyko {report.failed}.")

    def status(self, no_progress: bool) -> None:
        engine = get_engine()
        engine.ensure_index()
        engine.refresh()
        expected = len(indexable_pages())
        pending = waiting()
        oldest = pending.aggregate(oldest=Min("changed_at"))["oldest"]
        self.stdout.write(
            f"Variklis: {type(engine).__name__}\n"
            f"Duomenų bazėje viešų dokumentų: {expected}\n"
            f"Indekse dokumentų: {engine.count()}\n"
            f"Eilėje laukia: {pending.filter(failed=False).count()}"
            f" (seniausias: {oldest or '—'})\n"
            f"Nepavykę: {pending.filter(failed=True).count()}")

    def reconcile(self, no_progress: bool) -> None:
        result = reconcile()
        self.stdout.write(f"Trūko {len(result.missing)}, pasenę {len(result.stale)}, "
                          f"pertekliniai {len(result.orphans)}; pataisymai įrašyti į eilę.")
        self.drain(no_progress)

    def retry_failed(self, no_progress: bool) -> None:
        self.stdout.write(f"Pakartotinai bus bandoma: {retry_failed()}.")
        self.drain(no_progress)
