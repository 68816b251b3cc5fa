import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("pages", "0007_news_target_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="municipalityhomepage",
            name="accessibility_statement",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="Shown on the site's accessibility statement page, linked from every "
                          "page's footer. Empty: a standard statement with the site's contacts.",
                verbose_name="accessibility statement"),
        ),
    ]
