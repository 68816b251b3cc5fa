"""Child records that were imported without a place (partners, expected results, indicators,
links, people mentioned) are numbered in the order they were written, which is the order their
line listed them: rows with no `sort_order` have no order the database keeps. So are the
records the pages' revisions hold, so that publishing a revision saved before keeps the order:
by their rows' new places, or, for a revision naming records that are not rows (any more), by
their places in the revision, which lists them as their line did."""

from importlib import import_module

from django.db import migrations
from django.db.models import F

# record model → the page's relation holding its records
CHILDREN = import_module("pages.migrations.0010_translatable_children").CHILDREN
BATCH = 500


def numbered(apps, schema_editor) -> None:
    places: dict[str, dict[int, int]] = {}  # relation → record id → its new place
    for model_name, relation in CHILDREN.items():
        model = apps.get_model("pages", model_name)
        unordered_pages = model.objects.filter(sort_order=None).values("page_id")
        rows = model.objects.filter(page_id__in=unordered_pages).order_by(
            "page_id", F("sort_order").asc(nulls_last=True), "pk").values_list("pk", "page_id")
        relation_places = places[relation] = {}
        counted: dict[int, int] = {}
        batch = []
        for pk, page_id in rows.iterator(chunk_size=BATCH):
            relation_places[pk] = counted[page_id] = counted.get(page_id, -1) + 1
            batch.append(model(pk=pk, sort_order=relation_places[pk]))
            if len(batch) == BATCH:
                model.objects.bulk_update(batch, ["sort_order"])
                batch = []
        model.objects.bulk_update(batch, ["sort_order"])
    revisions = apps.get_model("wagtailcore", "Revision").objects.filter(
        content_type__app_label="pages", content_type__model__in=("projectpage", "newspage"))
    changed = []
    for revision in revisions.only("content").iterator(chunk_size=BATCH):
        renumbered = False
        for relation, relation_places in places.items():
            records = revision.content.get(relation) or []
            if not any(record.get("sort_order") is None for record in records):
                continue
            rows_known = all(record.get("pk") in relation_places for record in records)
            for place, record in enumerate(records):
                record["sort_order"] = relation_places[record["pk"]] if rows_known else place
            renumbered = True
        if renumbered:
            changed.append(revision)
        if len(changed) == BATCH:
            revisions.model.objects.bulk_update(changed, ["content"])
            changed = []
    revisions.model.objects.bulk_update(changed, ["content"])


class Migration(migrations.Migration):

    dependencies = [
        ("pages", "0010_translatable_children"),
    ]

    operations = [
        migrations.RunPython(numbered, migrations.RunPython.noop),
    ]
