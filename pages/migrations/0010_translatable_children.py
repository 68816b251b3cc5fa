"""The child records of projects and news (partners, expected results, indicators, links, people
mentioned) are translatable: each row has its page's locale and a translation key, shared with
the row at the same place of the page's other translations."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

CHILDREN = ("newsperson", "projectindicator", "projectlink", "projectpartner", "projectresult")


def keyed(apps, schema_editor) -> None:
    for model_name in CHILDREN:
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
        model.objects.bulk_update(updated, ["locale", "translation_key"], batch_size=500)


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
