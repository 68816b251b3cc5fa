"""The outbox schedules one drain per transaction and stays fast while the broker is down."""

import pytest

from search import outbox
from search.models import OutboxEntry
from tests.test_import import MEASURE, PROJECT, PROVIDER
from workers.tasks import drain_outbox


@pytest.fixture
def queued(monkeypatch):
    calls: list[dict] = []
    monkeypatch.setattr(outbox, "_broker_down_until", 0.0)
    monkeypatch.setattr(drain_outbox, "apply_async", lambda **kwargs: calls.append(kwargs))
    return calls


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_drain_is_queued_per_transaction(sites, run_import, queued):
    run_import([PROVIDER, MEASURE, PROJECT])  # one transaction, many changes
    assert len(queued) == 1
    assert OutboxEntry.objects.filter(pending=True).count() >= 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_broker_down_is_not_retried_on_every_publish(sites, run_import, monkeypatch):
    attempts: list[int] = []

    def broker_down(**kwargs):
        attempts.append(1)
        raise ConnectionError("broker down")

    monkeypatch.setattr(outbox, "_broker_down_until", 0.0)
    monkeypatch.setattr(drain_outbox, "apply_async", broker_down)
    for line in (PROVIDER, MEASURE, PROJECT):
        assert not run_import([line]).failed  # publishing succeeds
    assert len(attempts) == 1
    assert OutboxEntry.objects.filter(pending=True).count() >= 3


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
