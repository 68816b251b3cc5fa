"""Reconcile: compare what the index holds with what the database says now, and queue repairs.

Every document carries a fingerprint of its content (`search.documents.fingerprinted`), so a
document that is stale for any reason — a change no signal foresaw, a lost write — differs
from the one the builder makes now, whatever the versions say; a document older than the
version the outbox acknowledged is stale too. The beat schedule checks one
bounded slice of page ids per run and moves a cursor on (kept in the shared cache), so the
whole index is checked over successive runs; `search_index reconcile` checks every slice.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from search.conf import shared_cache
from search.documents import build_documents, searchable_page_ids
from search.engines import get_engine
from search.models import OutboxEntry
from search.outbox import record_changes

SLICE_SIZE = 500
CURSOR, DRIFT, PASS = "cursor", "drift", "pass"  # DRIFT: the last completed pass; PASS: this one


def cache_key(name: str) -> str:
    """One reconcile state per index alias (deployments and test runs may share a cache)."""
    return f"search:reconcile:{get_engine().alias}:{name}"


@dataclass
class Reconciliation:
    missing: set[int] = field(default_factory=set)
    stale: set[int] = field(default_factory=set)
    orphans: set[int] = field(default_factory=set)
    checked: int = 0

    @property
    def differing(self) -> set[int]:
        return self.missing | self.stale | self.orphans

    def add(self, other: "Reconciliation") -> None:
        self.missing |= other.missing
        self.stale |= other.stale
        self.orphans |= other.orphans
        self.checked += other.checked

    def figures(self) -> dict[str, int]:
        return {"missing": len(self.missing), "stale": len(self.stale),
                "orphans": len(self.orphans), "checked": self.checked}


def reconcile_slice(after: int) -> tuple[Reconciliation, int | None]:
    """Check the next SLICE_SIZE pages with ids above `after` against the index; queue every
    difference. Returns the result and where the next slice starts (None: at the end)."""
    limit = SLICE_SIZE
    ids = searchable_page_ids(after, limit)
    upto = ids[-1] if len(ids) == limit else None
    engine = get_engine()
    engine.ensure_index()
    engine.refresh()
    expected = {pk: document["fingerprint"]
                for pk, document in build_documents(ids).items() if document}
    indexed = engine.indexed_fingerprints(after, upto)
    written = dict(OutboxEntry.objects.filter(page_id__in=ids, changed_at__lte=timezone.now())
                   .values_list("page_id", "version"))  # not the rows scheduled ahead
    result = Reconciliation(
        missing=set(expected) - set(indexed),
        stale={pk for pk in set(expected) & set(indexed)
               if indexed[pk][1] != expected[pk] or indexed[pk][0] < written.get(pk, 0)},
        orphans=set(indexed) - set(expected),
        checked=len(ids),
    )
    repair(result.differing, {pk: version for pk, (version, _) in indexed.items()})
    return result, upto


def repair(page_ids: set[int], indexed_versions: dict[int, int]) -> None:
    """Queue the pages; a repair must outrank the version the index holds."""
    record_changes(page_ids)
    for page_id in page_ids & set(indexed_versions):
        OutboxEntry.objects.filter(page_id=page_id,
                                   version__lte=indexed_versions[page_id]).update(
            version=indexed_versions[page_id] + 1)


def reconcile() -> Reconciliation:
    """Check the whole index, slice by slice."""
    total, after = Reconciliation(), 0
    while after is not None:
        result, after = reconcile_slice(after)
        total.add(result)
    shared_cache().set(cache_key(DRIFT), total.figures(), None)
    return total


def reconcile_next_slice() -> Reconciliation:
    """One bounded step of the pass the beat schedule keeps going round the index."""
    cache = shared_cache()
    result, after = reconcile_slice(cache.get(cache_key(CURSOR), 0))
    running = cache.get(cache_key(PASS), {})
    running = {key: running.get(key, 0) + value for key, value in result.figures().items()}
    if after is None:
        cache.set(cache_key(DRIFT), running, None)
        cache.delete(cache_key(PASS))
    else:
        cache.set(cache_key(PASS), running, None)
    cache.set(cache_key(CURSOR), after or 0, None)
    return result


def last_drift() -> dict[str, int] | None:
    """Figures of the last completed pass (None before the first)."""
    return shared_cache().get(cache_key(DRIFT))
