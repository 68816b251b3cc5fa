"""Child records that were imported without a place (partners, expected results, indicators,
links, people mentioned) are numbered in the order they were written, which is the order their
line listed them: rows with no `sort_order` have no order the database keeps. The pages'
revisions are given the same numbers, so that publishing one saved before keeps the order."""

from importlib import import_module

from django.db import migrations
from django.db.models import F

# record model → the page's relation holding its records
CHILDREN = import_module("pages.migrations.0010_translatable_children").CHILDREN


def numbered(apps, schema_editor) -> None:
    places: dict[str, dict[int, int]] = {}  # relation → record id → its place
    for model_name, relation in CHILDREN.items():
        model = apps.get_model("pages", model_name)
        unordered_pages = model.objects.filter(sort_order=None).values("page_id")
        rows = model.objects.filter(page_id__in=unordered_pages).order_by(
            "page_id", F("sort_order").asc(nulls_last=True), "pk").values_list("pk", "page_id")
        counted: dict[int, int] = {}
        for pk, page_id in rows:
            places.setdefault(relation, {})[pk] = counted[page_id] = counted.get(page_id, -1) + 1
        model.objects.bulk_update([model(pk=pk, sort_order=place)
                                   for pk, place in places.get(relation, {}).items()],
                                  ["sort_order"], batch_size=500)
    revisions = apps.get_model("wagtailcore", "Revision").objects.filter(
        content_type__app_label="pages", content_type__model__in=("projectpage", "newspage"))
    changed = []
    for revision in revisions.only("content").iterator(chunk_size=500):
        records = [(record, places[relation][record["pk"]])
                   for relation in places for record in revision.content.get(relation) or []
                   if record.get("pk") in places[relation]]
        for record, place in records:
            record["sort_order"] = place
        if records:
            changed.append(revision)
        if len(changed) == 500:
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
