"""Kept so that the migration graph stays whole; it changes nothing. Wagtail's catch-all default
site is removed by `manage.py esparama_setup`, never by a migration, so migrating never deletes
a site or page of the host project."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_locales"), ("wagtailcore", "0001_initial")]
    operations = []
