"""The migrations describe the models exactly: a model change without its migration fails here;
and what a data migration does to rows written before it."""

import uuid
from importlib import import_module
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Revision

from pages.models import ProjectPage, ProjectResult
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    output = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=output)
    except SystemExit:
        pytest.fail(f"models changed without a migration:\n{output.getvalue()}")


@pytest.mark.django_db
def test_records_are_keyed_by_their_place_in_each_translation_and_in_revisions(
        sites, run_import):
    """What the migration making records translatable does to rows written before it: each
    record takes its page's locale and the key of the record at the same place in the page's
    other translations, and the pages' revisions name those keys."""
    assert not run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION]).failed
    source = ProjectPage.objects.get(title=PROJECT["title"])
    ProjectResult.objects.create(page=source, text="Antras rezultatas", sort_order=1)
    revision = ProjectPage.objects.get(pk=source.pk).save_revision()  # names both records
    for record in ProjectResult.objects.all():
        ProjectResult.objects.filter(pk=record.pk).update(translation_key=uuid.uuid4())
    import_module("pages.migrations.0010_translatable_children").keyed(apps, None)
    lithuanian, english = (
        list(ProjectResult.objects.filter(page__title=title).order_by("sort_order", "pk"))
        for title in (PROJECT["title"], TRANSLATION["title"]))
    assert len(lithuanian) == 2 and len(english) == 1
    assert english[0].translation_key == lithuanian[0].translation_key
    assert english[0].locale.language_code == "en"
    revision.refresh_from_db()
    assert [record["translation_key"] for record in revision.content["results"]] == [
        str(record.translation_key) for record in lithuanian]


@pytest.mark.django_db
def test_records_with_no_place_are_numbered_in_the_order_written_and_in_revisions(
        sites, run_import):
    """What the migration numbering records does to rows and revisions written with no
    `sort_order`: each page's rows are numbered in the order they were written; a revision's
    records take their rows' places, or, where it names records that are not rows (replaced
    since, or not yet saved when it was), their places in its list."""
    results = ["Surengti mokymai.", "Įkurti namai.", "Apmokyti darbuotojai."]
    assert not run_import([PROVIDER, MEASURE, {**PROJECT, "results": results[::-1]}]).failed
    assert not run_import([PROVIDER, MEASURE, {**PROJECT, "results": results}]).failed
    page = ProjectPage.objects.get(title=PROJECT["title"])
    ProjectResult.objects.filter(page=page).update(sort_order=None)
    for revision in Revision.objects.filter(object_id=str(page.pk)):
        for record in revision.content["results"]:
            record["sort_order"] = None
        revision.save(update_fields=["content"])
    ProjectPage.objects.get(pk=page.pk).save_revision()  # names the rows, in no set order
    import_module("pages.migrations.0011_numbered_children").numbered(apps, None)
    assert list(ProjectResult.objects.filter(page=page).order_by("pk").values_list(
        "text", "sort_order")) == list(zip(results, range(3), strict=True))
    revisions = list(Revision.objects.filter(object_id=str(page.pk)).order_by("pk"))
    assert [[record["text"] for record in sorted(revision.content["results"],
                                                 key=lambda record: record["sort_order"])]
            for revision in revisions] == [results[::-1]] + [results] * (len(revisions) - 1)
