"""National administrators keep the search's synonym sets as they keep the vocabularies: an
existing "Nacionaliniai administratoriai" group is given the permissions that
`cms.permissions.ensure_national_admins` gives a new one. No group is created here."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

NATIONAL_ADMINS = "Nacionaliniai administratoriai"
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor) -> None:
    admins = apps.get_model("auth", "Group").objects.filter(name=NATIONAL_ADMINS).first()
    if admins is None:
        return
    # the model's permissions are otherwise created only after the whole migrate run
    create_permissions(global_apps.get_app_config("pages"), verbosity=0, apps=apps)
    admins.permissions.add(*apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="pages",
        codename__in=[f"{action}_synonymset" for action in ACTIONS]))


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_group_names_in_genitive"),
        ("pages", "0009_synonym_sets"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
