"""Kept so that the migration graph stays whole; it changes nothing. Wagtail's stock Editors and
Moderators groups are removed by `manage.py esparama_setup`, never by a migration, so migrating
never deletes a group of the host project."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = []
