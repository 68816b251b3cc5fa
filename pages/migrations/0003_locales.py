"""Kept so that the migration graph stays whole; it changes nothing. The content locales
(Lithuanian and English) are created by `manage.py esparama_setup`, never by a migration, so
migrating never renames or adds a locale of the host project."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_vocabularies"), ("wagtailcore", "0001_initial")]
    operations = []
