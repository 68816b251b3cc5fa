"""What residents search for and how often they find nothing: per site and day, each text's
searches and searches without results (`SearchedText`), written with one upsert per search and
kept for `KEPT_DAYS`."""

from datetime import date, timedelta

from django.db import connection
from django.db.models import QuerySet, Sum
from django.utils import timezone

from search.models import SearchedText

KEPT_DAYS = 180
TEXT_LENGTH = SearchedText._meta.get_field("text").max_length


def normalised(text: str) -> str:
    """Lower case, single spaces, at most `TEXT_LENGTH` characters."""
    return " ".join(text.lower().split())[:TEXT_LENGTH].strip()


def record(site_id: int, text: str, found: bool) -> None:
    """Count one search of a site for `text` today, and whether it found nothing."""
    text = normalised(text)
    if not text:
        return
    meta, quote = SearchedText._meta, connection.ops.quote_name
    table = quote(meta.db_table)
    site, day, words, searches, without = (
        quote(meta.get_field(name).column)
        for name in ("site", "day", "text", "searches", "without_results"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({site}, {day}, {words}, {searches}, {without}) "
            f"VALUES (%s, %s, %s, 1, %s) ON CONFLICT ({site}, {day}, {words}) DO UPDATE SET "
            f"{searches} = {table}.{searches} + 1, "
            f"{without} = {table}.{without} + EXCLUDED.{without}",
            [site_id, timezone.localdate(), text, int(not found)])


def prune(today: date | None = None) -> int:
    """Forget the days more than `KEPT_DAYS` ago; the number of rows removed."""
    oldest = (today or timezone.localdate()) - timedelta(days=KEPT_DAYS)
    return SearchedText.objects.filter(day__lt=oldest).delete()[0]


def since(days: int) -> QuerySet[SearchedText]:
    """The rows of the last `days` days, today included."""
    return SearchedText.objects.filter(day__gt=timezone.localdate() - timedelta(days=days))


def totals_by_site(rows: QuerySet[SearchedText]) -> dict[int, tuple[int, int]]:
    """Site id → (searches, searches without results)."""
    return {site: (searches, without) for site, searches, without in
            rows.values("site").annotate(searches=Sum("searches"),
                                         without=Sum("without_results"))
            .values_list("site", "searches", "without")}


def without_results(rows: QuerySet[SearchedText]) -> QuerySet:
    """Per site and text, the searches that found nothing and all searches, the most frequent
    first: dicts with `site`, `text`, `without`, `searches`."""
    return (rows.values("site", "text")
            .annotate(without=Sum("without_results"), searches=Sum("searches"))
            .filter(without__gt=0).order_by("-without", "-searches", "text", "site"))
