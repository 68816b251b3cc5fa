from django.db import migrations, models

from pages.vocabularies import seed_synonym_sets


def forwards(apps, schema_editor):
    seed_synonym_sets(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0008_site_chrome'),
    ]

    operations = [
        migrations.CreateModel(
            name='SynonymSet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=[('lt', 'Lithuanian'), ('en', 'English')], default='lt', help_text='The language of the searches the set applies to.', max_length=2, verbose_name='language')),
                ('terms', models.TextField(help_text='Words or phrases meaning the same, one a line, at least two: a search for any of them also finds the others. Case and diacritics do not matter.', verbose_name='terms')),
                ('note', models.TextField(blank=True, help_text='For administrators: why the set exists, its source.', verbose_name='note')),
            ],
            options={
                'verbose_name': 'synonym set',
                'verbose_name_plural': 'synonym sets',
                'ordering': ['language', 'terms'],
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
