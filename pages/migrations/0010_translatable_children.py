"""The child records of projects and news (partners, expected results, indicators, links, people
mentioned) are translatable: each row has its page's locale and a translation key, shared with
the row at the same place of the page's other translations. The pages' revisions name the same
keys, so that publishing a revision saved before keeps them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

# record model → the page's relation holding its records
CHILDREN = {"newsperson": "people", "projectindicator": "indicators", "projectlink": "links",
            "projectpartner": "partners", "projectresult": "results"}


def keyed(apps, schema_editor) -> None:
    stamped: dict[str, dict[int, dict]] = {}  # relation → record id → what it now holds
    for model_name, relation in CHILDREN.items():
        model = apps.get_model("pages", model_name)
        rows = model.objects.order_by("page_id", "sort_order", "pk").values_list(
            "pk", "page_id", "page__translation_key", "page__locale_id")
        keys: dict[tuple, uuid.UUID] = {}  # (page's translation key, place) → row's key
        places: dict[int, int] = {}
        updated = []
        for pk, page_id, page_key, locale_id in rows:
            place = places[page_id] = places.get(page_id, -1) + 1
            key = keys.setdefault((page_key, place), uuid.uuid4())
            updated.append(model(pk=pk, locale_id=locale_id, translation_key=key))
            stamped.setdefault(relation, {})[pk] = {"locale": locale_id,
                                                    "translation_key": str(key)}
        model.objects.bulk_update(updated, ["locale", "translation_key"], batch_size=500)
    revisions = apps.get_model("wagtailcore", "Revision").objects.filter(
        content_type__app_label="pages", content_type__model__in=("projectpage", "newspage"))
    changed = []
    for revision in revisions.only("content").iterator(chunk_size=500):
        for relation, records in stamped.items():
            for record in revision.content.get(relation) or []:
                record.update(records.get(record.get("pk"), {}))
        changed.append(revision)
        if len(changed) == 500:
            revisions.model.objects.bulk_update(changed, ["content"])
            changed = []
    revisions.model.objects.bulk_update(changed, ["content"])


def locale_field(null: bool) -> models.ForeignKey:
    return models.ForeignKey(editable=False, null=null,
                             on_delete=django.db.models.deletion.PROTECT, related_name="+",
                             to="wagtailcore.locale", verbose_name="locale")


class Migration(migrations.Migration):

    dependencies = [
        ("pages", "0009_synonym_sets"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        *(operation for model_name in CHILDREN for operation in (
            migrations.AddField(model_name=model_name, name="locale", field=locale_field(True)),
            migrations.AddField(model_name=model_name, name="translation_key",
                                field=models.UUIDField(editable=False, null=True)),
        )),
        migrations.RunPython(keyed, migrations.RunPython.noop),
        *(operation for model_name in CHILDREN for operation in (
            migrations.AlterField(model_name=model_name, name="locale",
                                  field=locale_field(False)),
            migrations.AlterField(model_name=model_name, name="translation_key",
                                  field=models.UUIDField(default=uuid.uuid4, editable=False)),
            migrations.AlterUniqueTogether(name=model_name,
                                           unique_together={("translation_key", "locale")}),
        )),
    ]
