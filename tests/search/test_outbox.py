"""The outbox asks for one drain per transaction and stays fast while the broker is down."""

from django.db import transaction

from search import outbox
from search.models import OutboxEntry
from tests.factories import MEASURE, PROJECT, PROVIDER


def count_drains(monkeypatch) -> list[int]:
    """Count the drains the outbox asks for from now on (without a broker)."""
    asked: list[int] = []
    monkeypatch.setattr(outbox, "schedule_drain", lambda: asked.append(1))
    return asked


def test_one_drain_is_asked_for_per_transaction(sites, run_import, monkeypatch,
                                                django_capture_on_commit_callbacks):
    drains = count_drains(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        run_import([PROVIDER, MEASURE, PROJECT])  # many changes in the test's one transaction
        assert OutboxEntry.objects.filter(pending=True).count() >= 3
        assert drains == []  # not before the commit
    assert len(drains) == 1


def test_a_change_rolled_back_with_its_savepoint_leaves_the_others_drain(
        db, monkeypatch, django_capture_on_commit_callbacks):
    drains = count_drains(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                outbox.record_changes([10**9])
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        outbox.record_changes([10**9 + 1])
    assert len(drains) == 1
    with django_capture_on_commit_callbacks(execute=True):  # the next transaction asks again
        outbox.record_changes([10**9 + 2])
    assert len(drains) == 2


def test_broker_down_is_not_retried_on_every_publish(monkeypatch):
    attempts: list[int] = []

    class BrokerDown:
        def send_task(self, name: str, **options) -> None:
            assert name == outbox.DRAIN_TASK
            attempts.append(1)
            raise ConnectionError("broker down")

    monkeypatch.setattr(outbox, "_broker_down_until", 0.0)
    monkeypatch.setattr(outbox, "current_app", BrokerDown())
    for _publish in range(3):
        outbox.schedule_drain()  # never raises: the beat schedule drains later
    assert len(attempts) == 1


def test_the_drain_is_queued_by_the_name_of_the_workers_task():
    from workers.tasks import drain_outbox

    assert drain_outbox.name == outbox.DRAIN_TASK


def test_version_grows_with_every_change(db):
    first, second = 10**9, 10**9 + 1  # ids no page has
    outbox.record_changes([first])
    outbox.record_changes([first, second])
    versions = dict(OutboxEntry.objects.filter(page_id__gte=first).values_list("page_id",
                                                                               "version"))
    assert versions == {first: 2, second: 1}
    outbox.acknowledge(first, 1)  # an older version's acknowledgement changes nothing
    assert OutboxEntry.objects.get(page_id=first).pending
    outbox.acknowledge(first, 2)
    assert not OutboxEntry.objects.get(page_id=first).pending


def test_a_drain_task_writes_one_batch_and_queues_the_next_while_batches_are_full(
        db, settings, monkeypatch):
    from workers import tasks

    settings.ELASTICSEARCH_URL = settings.OPENSEARCH_URL = ""  # the database engine
    monkeypatch.setattr(tasks, "BATCH_SIZE", 2)
    queued: list[int] = []
    monkeypatch.setattr(tasks, "schedule_drain", lambda: queued.append(1))
    OutboxEntry.objects.all().delete()
    outbox.record_changes(range(10**9, 10**9 + 5))  # ids no page has: their documents go
    written = []
    while not written or queued:
        queued.clear()
        written.append(tasks.drain_outbox.apply().get()["written"])
        assert bool(queued) == (written[-1] == 2)  # a full batch: the rest is queued
    assert written == [2, 2, 1]
    assert not OutboxEntry.objects.filter(pending=True).exists()
