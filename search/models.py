from django.db import models
from django.utils import timezone


class OutboxEntry(models.Model):
    """One row per page whose public search document must be (re)written or deleted.

    Written in the same transaction as the change. `version` grows with every change and is the
    engine's external version, so an older document never overwrites a newer one. The row stays
    pending until the engine acknowledged exactly this version. It is not due before
    `retry_after`: a backoff after a failure, a pause after the engine asked to retry later, or
    the claim of the worker writing it (see `search.outbox.claim_due`).
    """

    page_id = models.BigIntegerField(unique=True)
    version = models.BigIntegerField(default=1)
    pending = models.BooleanField(default=True)
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)  # API Last-Modified
    attempts = models.PositiveIntegerField(default=0)
    retry_after = models.DateTimeField(null=True, blank=True)
    failed = models.BooleanField(default=False, help_text="Permanently failing; needs a retry.")
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = "paieškos eilės įrašas"
        verbose_name_plural = "paieškos eilė"
        indexes = [models.Index(fields=["pending", "failed", "changed_at"])]

    def __str__(self) -> str:
        return f"page {self.page_id} v{self.version}"


class StoredIndex(models.Model):
    """An index of the database engine; `live` is the alias target, others are rebuilding."""

    name = models.CharField(max_length=100, unique=True)
    alias = models.CharField(max_length=100)
    live = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.name


class StoredDocument(models.Model):
    """A search document kept by the database engine."""

    index = models.ForeignKey(StoredIndex, on_delete=models.CASCADE, related_name="documents")
    page_id = models.BigIntegerField()
    version = models.BigIntegerField()
    deleted = models.BooleanField(default=False, help_text="Tombstone keeping the version.")
    language = models.CharField(max_length=5)
    document = models.JSONField()
    terms = models.TextField(help_text="Folded stems of all text, space separated.")
    title_terms = models.TextField(help_text="Folded title words, for autocomplete.")
    sort_date = models.DateField(null=True)
    sort_start_date = models.DateField(null=True)
    sort_budget = models.FloatField(null=True)
    expires_at = models.DateTimeField(null=True, db_index=True,
                                      help_text="Hidden from searches from then on.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["index", "page_id"],
                                               name="unique_document_per_index")]

    def __str__(self) -> str:
        return f"{self.index_id}:{self.page_id}"


class StoredFacetValue(models.Model):
    document = models.ForeignKey(StoredDocument, on_delete=models.CASCADE,
                                 related_name="facet_values")
    facet = models.CharField(max_length=40)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"
