from django.db import migrations


def create_locales(apps, schema_editor):
    """Lithuanian is the default locale (the root page's), English the second."""
    locale_model = apps.get_model("wagtailcore", "Locale")
    lithuanian = locale_model.objects.filter(language_code="lt").first()
    if lithuanian is None:
        lithuanian = locale_model.objects.filter(pk=1).first()
        if lithuanian is not None:
            lithuanian.language_code = "lt"
            lithuanian.save()
        else:
            locale_model.objects.create(language_code="lt")
    locale_model.objects.get_or_create(language_code="en")


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_vocabularies"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
