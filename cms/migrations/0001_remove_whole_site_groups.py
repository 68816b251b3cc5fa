from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_whole_site_groups(apps, schema_editor):
    """Wagtail's stock groups may edit every municipality's pages: remove them when unused.

    Each municipality gets its own editors and moderators (`manage.py add_municipality`).
    """
    group_model = apps.get_model("auth", "Group")
    group_model.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        # after every Wagtail migration that gives these groups permissions
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(remove_whole_site_groups, migrations.RunPython.noop)]
