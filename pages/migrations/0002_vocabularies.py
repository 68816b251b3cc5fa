from django.db import migrations

from pages.vocabularies import seed_vocabularies


def forwards(apps, schema_editor):
    seed_vocabularies(apps)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
