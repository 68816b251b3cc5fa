from django.db import migrations

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def remove_catch_all_site(apps, schema_editor):
    """Wagtail's stock default site answers every unknown Host: remove it and its welcome page."""
    site_model = apps.get_model("wagtailcore", "Site")
    page_model = apps.get_model("wagtailcore", "Page")
    for site in site_model.objects.filter(is_default_site=True):
        welcome = site.root_page
        site.delete()
        if welcome.title == WAGTAIL_WELCOME_TITLE and welcome.depth == 2:
            page_model.objects.filter(pk=welcome.pk).delete()
            root = page_model.objects.get(depth=1)
            root.numchild = page_model.objects.filter(depth=2, path__startswith=root.path).count()
            root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_locales"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunPython(remove_catch_all_site, migrations.RunPython.noop)]
