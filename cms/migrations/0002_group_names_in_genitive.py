"""Municipal groups are named in the genitive ("Alytaus miesto savivaldybės redaktoriai"):
groups named after the nominative ("… savivaldybė redaktoriai") are renamed, keeping their
members and permissions, unless a group of the new name exists already."""

from django.db import migrations

ROLES = (" redaktoriai", " moderatoriai")
NOMINATIVE, GENITIVE = "savivaldybė", "savivaldybės"


def rename(apps, old_ending: str, new_ending: str) -> None:
    group_model = apps.get_model("auth", "Group")
    for role in ROLES:
        for group in group_model.objects.filter(name__endswith=old_ending + role):
            new_name = group.name.removesuffix(old_ending + role) + new_ending + role
            if not group_model.objects.filter(name=new_name).exists():
                group.name = new_name
                group.save(update_fields=["name"])


def to_genitive(apps, schema_editor) -> None:
    rename(apps, NOMINATIVE, GENITIVE)


def to_nominative(apps, schema_editor) -> None:
    rename(apps, GENITIVE, NOMINATIVE)


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_remove_whole_site_groups")]
    operations = [migrations.RunPython(to_genitive, to_nominative)]
