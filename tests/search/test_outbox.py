"""The outbox schedules one drain per transaction and stays fast while the broker is down."""

from django.db import connection

from search import outbox
from search.models import OutboxEntry
from tests.test_import import MEASURE, PROJECT, PROVIDER
from workers.tasks import drain_outbox


def scheduled_drains() -> int:
    return sum(1 for _, callback, _ in connection.run_on_commit
               if callback is outbox.schedule_drain)


def test_one_drain_is_scheduled_per_transaction(sites, run_import):
    run_import([PROVIDER, MEASURE, PROJECT])  # many changes in the test's one transaction
    assert OutboxEntry.objects.filter(pending=True).count() >= 3
    assert scheduled_drains() == 1


def test_broker_down_is_not_retried_on_every_publish(monkeypatch):
    attempts: list[int] = []

    def broker_down(**kwargs):
        attempts.append(1)
        raise ConnectionError("broker down")

    monkeypatch.setattr(outbox, "_broker_down_until", 0.0)
    monkeypatch.setattr(drain_outbox, "apply_async", broker_down)
    for _publish in range(3):
        outbox.schedule_drain()  # never raises: the beat schedule drains later
    assert len(attempts) == 1


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
