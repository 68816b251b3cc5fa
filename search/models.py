from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OutboxEntry(models.Model):
    """One row per page whose public search document must be (re)written or deleted.

    Written in the same transaction as the change. `version` grows with every change and is the
    engine's external version, so an older document never overwrites a newer one. The row stays
    pending until the engine acknowledged exactly this version. It is not due before
    `retry_after`: a backoff after a failure, a pause after the engine asked to retry later, or
    the claim of the worker writing it (see `search.outbox.claim_due`).
    """

    page_id = models.BigIntegerField(_("page id"), unique=True)
    version = models.BigIntegerField(_("version"), default=1)
    pending = models.BooleanField(_("pending"), default=True)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now,
                                      db_index=True)  # API Last-Modified
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    retry_after = models.DateTimeField(_("retry after"), null=True, blank=True)
    failed = models.BooleanField(_("failed"), default=False,
                                 help_text=_("Permanently failing; needs a retry."))
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("search outbox entry")
        verbose_name_plural = _("search outbox")
        indexes = [models.Index(fields=["pending", "failed", "changed_at"])]

    def __str__(self) -> str:
        return f"page {self.page_id} v{self.version}"


class StoredIndex(models.Model):
    """An index of the database engine; `live` is the alias target, others are rebuilding."""

    name = models.CharField(pgettext_lazy("search index", "name"), max_length=100,
                            unique=True)
    alias = models.CharField(_("alias"), max_length=100)
    live = models.BooleanField(pgettext_lazy("search index", "live"), default=False)
    schema = models.CharField(_("schema version"), max_length=32, blank=True,
                              help_text=_("What the index was built with; an index of another "
                                          "version is rebuilt."))

    class Meta:
        verbose_name = _("stored search index")
        verbose_name_plural = _("stored search indexes")

    def __str__(self) -> str:
        return self.name


class StoredDocument(models.Model):
    """A search document kept by the database engine."""

    index = models.ForeignKey(StoredIndex, on_delete=models.CASCADE, related_name="documents",
                              verbose_name=_("index"))
    page_id = models.BigIntegerField(_("page id"))
    version = models.BigIntegerField(_("version"))
    deleted = models.BooleanField(_("deleted"), default=False,
                                  help_text=_("Tombstone keeping the version."))
    language = models.CharField(_("language"), max_length=5)
    document = models.JSONField(_("document"))
    terms = models.TextField(_("terms"), help_text=_("Folded stems of all text, space separated."))
    title_terms = models.TextField(_("title terms"),
                                   help_text=_("Folded title words, for autocomplete."))
    sort_date = models.DateField(_("date for sorting"), null=True)
    sort_start_date = models.DateField(_("start date for sorting"), null=True)
    sort_budget = models.FloatField(_("budget for sorting"), null=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, db_index=True,
                                      help_text=_("Hidden from searches from then on."))

    class Meta:
        verbose_name = _("stored search document")
        verbose_name_plural = _("stored search documents")
        constraints = [models.UniqueConstraint(fields=["index", "page_id"],
                                               name="unique_document_per_index")]

    def __str__(self) -> str:
        return f"{self.index_id}:{self.page_id}"


class StoredFacetValue(models.Model):
    document = models.ForeignKey(StoredDocument, on_delete=models.CASCADE,
                                 related_name="facet_values", verbose_name=_("document"))
    facet = models.CharField(_("facet"), max_length=40)
    value = models.CharField(_("value"), max_length=200)

    class Meta:
        verbose_name = _("stored facet value")
        verbose_name_plural = _("stored facet values")
        indexes = [models.Index(fields=["facet", "value"])]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchedText(models.Model):
    """How often residents searched a site for a text on a day, and how often nothing was
    found (`search.searched_texts`): first pages of searches with words only."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE,
                             related_name="searched_texts", verbose_name=_("site"))
    day = models.DateField(_("day"))
    text = models.CharField(_("text"), max_length=200)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    without_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("searched text")
        verbose_name_plural = _("searched texts")
        constraints = [models.UniqueConstraint(fields=["site", "day", "text"],
                                               name="unique_searched_text_per_site_day")]
        indexes = [models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.day} {self.text}"


class Rebuild(models.Model):
    """A rebuild of the index behind `alias` into `index`, split into chunks of page ids that
    workers write side by side; the index goes live once every chunk is acknowledged."""

    RUNNING, DONE, FAILED = "running", "done", "failed"

    alias = models.CharField(_("alias"), max_length=100)
    index = models.CharField(pgettext_lazy("search index", "name"), max_length=100)
    state = models.CharField(_("state"), max_length=10, default=RUNNING,
                             choices=[(RUNNING, _("Building")), (DONE, _("Done")),
                                      (FAILED, _("Failed"))])
    total = models.PositiveIntegerField(_("pages"))
    message = models.TextField(_("message"), blank=True)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)

    class Meta:
        verbose_name = _("search index rebuild")
        verbose_name_plural = _("search index rebuilds")

    def __str__(self) -> str:
        return f"{self.index} ({self.state})"


class RebuildChunk(models.Model):
    """The pages of a rebuild with `after < id <= upto`; `written` counts those sent so far."""

    rebuild = models.ForeignKey(Rebuild, on_delete=models.CASCADE, related_name="chunks",
                                verbose_name=_("rebuild"))
    after = models.BigIntegerField(_("after page id"))
    upto = models.BigIntegerField(_("up to page id"))
    written = models.PositiveIntegerField(_("pages written"), default=0)
    acknowledged = models.BooleanField(_("acknowledged"), default=False)

    class Meta:
        verbose_name = _("search index rebuild chunk")
        verbose_name_plural = _("search index rebuild chunks")

    def __str__(self) -> str:
        return f"{self.rebuild_id}: {self.after}–{self.upto}"
