from decimal import Decimal

import pytest
from django.db.models import F
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, Revision

from pages.importing.writer import import_line
from pages.models import ImportedItem, ProjectPage, ProjectResult
from search.documents import build_documents
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION


def valid(**changes) -> dict:
    return {**PROJECT, "id": "new", "title": "Naujas projektas", **changes}


MALFORMED = [
    (valid(project_code="08.1.1-XX-1"), "project_code", "Neteisingas projekto kodas"),
    (valid(target_groups=["nezinoma-grupe"]), "target_groups", "nezinoma-grupe"),
    ({k: v for k, v in valid().items() if k != "title"}, "title", "privalomas"),
    (valid(start_date="2020-13-01"), "start_date", "nėra data"),
    (valid(budget_total="-5"), "budget_total", "neigiama"),
    (valid(eu_amount="500", budget_total="100"), "eu_amount", "viršyti"),
    (valid(start_date="2021-01-01", end_date="2020-01-01"), "end_date", "ankstesnė"),
    (valid(partners=[{"provider": "nera-tokio"}]), "partners", "nera-tokio"),
    (valid(partners=[{"role": "partner"}]), "partners", "provider"),
    (valid(eu_amount="1e30"), "eu_amount", "nėra suma"),
    (valid(indicators=[{"name": "Gavėjai", "unit": "asmenys"}]), "indicators", "target"),
    (valid(links=[{"title": "Nuoroda", "url": "javascript:alert(1)"}]), "links", "url"),
    (valid(results=["Įkurti namai.", " "]), "results", "2-ame įraše Lauką privaloma"),
    (valid(results=["Įkurti namai." * 40]), "results", "nedaugiau kaip 500"),
    (valid(status="vykdomas"), "status", "galimos reikšmės"),
    (valid(colour="red"), "colour", "nežinomi raktai"),
    ('{"id": "broken", "type": ', "JSON", "netinkamas JSON"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("line", "key", "reason"), MALFORMED)
def test_malformed_line_is_reported_with_its_number_and_nothing_written(
        sites, run_import, line, key, reason):
    before = (Page.objects.count(), Revision.objects.count(), ImportedItem.objects.count())
    result = run_import([PROVIDER, MEASURE, line])
    assert result.failed
    assert len(result.errors) == 1
    assert result.errors[0].startswith("eilutė 3: ")
    assert key in result.errors[0] and reason in result.errors[0]
    created_by_good_lines = 2
    assert Page.objects.count() == before[0] + created_by_good_lines
    assert ImportedItem.objects.count() == before[2] + created_by_good_lines
    assert not ProjectPage.objects.filter(title="Naujas projektas").exists()


@pytest.mark.django_db
def test_reimport_updates_and_never_duplicates(sites, run_import):
    first = run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION])
    assert not first.failed, first.stderr
    counts = (Page.objects.count(), Revision.objects.count())
    again = run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION])
    assert "nepakeista 4" in again.stdout
    assert (Page.objects.count(), Revision.objects.count()) == counts

    changed = {**PROJECT, "eu_amount": "350000", "status": "running"}
    run_import([PROVIDER, MEASURE, changed, TRANSLATION])
    assert Page.objects.count() == counts[0]
    lithuanian, english = (ProjectPage.objects.get(translation_key=ImportedItem.objects.get(
        external_id="s0").translation_key, locale__language_code=code) for code in ("lt", "en"))
    assert lithuanian.eu_amount == english.eu_amount == Decimal("350000.00")
    assert lithuanian.status == english.status == "running"
    assert english.title == TRANSLATION["title"]


@pytest.mark.django_db
def test_interrupted_import_keeps_written_lines_and_resumes(sites, run_import, monkeypatch):
    """Lines commit one by one: a crash (here on the third line) loses only that line."""
    from pages.management.commands import import_content

    def crash_on_project(data):
        if data["id"] == PROJECT["id"]:
            raise RuntimeError("process killed")
        return import_line(data)

    monkeypatch.setattr(import_content, "import_line", crash_on_project)
    with pytest.raises(RuntimeError):
        run_import([PROVIDER, MEASURE, PROJECT])
    assert set(ImportedItem.objects.values_list("external_id", flat=True)) >= {"prov-alytus",
                                                                               "m-407"}
    monkeypatch.setattr(import_content, "import_line", import_line)
    resumed = run_import([PROVIDER, MEASURE, PROJECT])
    assert "sukurta 1" in resumed.stdout and "nepakeista 2" in resumed.stdout


@pytest.mark.django_db
def test_created_pages_are_published_as_wagtail_publishes(
        sites, run_import, django_capture_on_commit_callbacks):
    """New pages skip Wagtail's publish action but must end in the state and history it
    leaves: live revision = latest, no unpublished changes, a publish log entry, an outbox row."""
    from search.models import OutboxEntry

    draft = {**TRANSLATION, "id": "s1", "live": False}
    with django_capture_on_commit_callbacks(execute=True):
        assert not run_import([
            PROVIDER, MEASURE, PROJECT, TRANSLATION,
            {**PROJECT, "id": "s1", "project_code": "08.1.1-CPVA-R-407-11-0006"}, draft]).failed
    pages = {(item.external_id, page.locale.language_code): page
             for item in ImportedItem.objects.filter(external_id__in=["s0", "s1"])
             for page in ProjectPage.objects.filter(translation_key=item.translation_key)}
    for key in [("s0", "lt"), ("s0", "en"), ("s1", "lt")]:
        page = pages[key]
        assert page.live and not page.has_unpublished_changes and not page.expired, key
        assert page.live_revision_id == page.latest_revision_id, key
        assert page.first_published_at and page.last_published_at, key
        published = page.live_revision.as_object()
        assert (published.title, published.eu_amount, published.url_path) == (
            page.title, page.eu_amount, page.url_path), key
        assert [result.text for result in published.results.all()] == [
            result.text for result in page.results.all()], key
        entry = PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").last()
        assert (entry.action, entry.revision_id, entry.content_changed) == (
            "wagtail.publish", page.live_revision_id, True), key
        assert OutboxEntry.objects.filter(page_id=page.pk, pending=True).exists(), key
    assert pages[("s0", "en")].title == TRANSLATION["title"]
    assert pages[("s0", "en")].url_path.endswith(f"/{pages[('s0', 'en')].slug}/")
    assert not Redirect.objects.exists(), "no redirect from a copied URL never published"
    unpublished = pages[("s1", "en")]
    assert not unpublished.live and unpublished.live_revision_id is None
    assert unpublished.get_latest_revision_as_object().title == draft["title"]
    assert not PageLogEntry.objects.filter(page=unpublished, action="wagtail.publish").exists()


@pytest.mark.django_db
def test_dry_run_writes_nothing(sites, run_import):
    before = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())
    result = run_import([PROVIDER, MEASURE, PROJECT], "--dry-run")
    assert not result.failed and "sukurta 3" in result.stdout
    assert (Page.objects.count(), Revision.objects.count(),
            PageLogEntry.objects.count()) == before


@pytest.mark.django_db
def test_translation_with_untranslated_text_is_refused_unless_draft(sites, run_import):
    partial = {k: v for k, v in TRANSLATION.items() if k != "goal"}
    result = run_import([PROVIDER, MEASURE, PROJECT, partial])
    assert result.errors == [result.errors[0]] and "goal" in result.errors[0]
    assert not ProjectPage.objects.filter(locale__language_code="en").exists()

    run_import([PROVIDER, MEASURE, PROJECT, {**partial, "live": False}])
    english = ProjectPage.objects.get(locale__language_code="en")
    assert not english.live


@pytest.mark.django_db
def test_translation_line_may_not_change_shared_facts(sites, run_import):
    result = run_import([PROVIDER, MEASURE, PROJECT, {**TRANSLATION, "eu_amount": "1"}])
    assert "eilutė 4: eu_amount" in result.errors[0]


@pytest.mark.django_db
def test_changing_site_moves_the_page(sites, run_import):
    run_import([PROVIDER, MEASURE, PROJECT])
    run_import([PROVIDER, MEASURE, {**PROJECT, "site": "kalvarija"}])
    page = ProjectPage.objects.get(locale__language_code="lt")
    assert page.get_parent().get_parent().slug == "kalvarija"



@pytest.mark.django_db
def test_records_keep_the_order_of_their_line_wherever_they_are_read(sites, run_import):
    """Listed records (expected results, indicators, …) are numbered by their place in the
    line, in the page and its translation: the database keeps rows in no order of its own, so
    the page, its revision and its search document list them as the line does."""
    results = ["Surengti mokymai.", "Įkurti namai.", "Apmokyti darbuotojai."]
    translated = ["Training held.", "A home opened.", "Staff trained."]
    indicators = [{"name": name, "unit": "asmenys", "target": "10"}
                  for name in ("Paslaugų gavėjai", "Apmokyti darbuotojai")]
    assert not run_import([PROVIDER, MEASURE, {**PROJECT, "results": results,
                                               "indicators": indicators},
                           {**TRANSLATION, "results": translated, "indicators": [
                               {**indicator, "name": name, "unit": "persons"} for indicator, name
                               in zip(indicators, ("Service users", "Staff trained"),
                                      strict=True)]}]).failed
    for record in ProjectResult.objects.order_by("-pk"):  # rewritten last to first
        ProjectResult.objects.filter(pk=record.pk).update(text=F("text"))
    for title, texts in ((PROJECT["title"], results), (TRANSLATION["title"], translated)):
        page = ProjectPage.objects.get(title=title)
        assert [(record.text, record.sort_order) for record in page.results.all()] == list(
            zip(texts, range(3), strict=True)), title
        assert [indicator.sort_order for indicator in page.indicators.all()] == [0, 1]
        assert [(record["text"], record["sort_order"])
                for record in page.latest_revision.content["results"]] == list(
            zip(texts, range(3), strict=True))
        assert build_documents([page.pk])[page.pk]["body"].endswith(" ".join(texts))


@pytest.mark.django_db
def test_a_translations_records_are_the_translations_of_its_sources(sites, run_import):
    """The translation tools pair each translated record (an expected result, …) with the
    source's record at the same place, in the page's language."""
    assert not run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION]).failed
    pages = {page.locale.language_code: page
             for page in ProjectPage.objects.filter(title__in=[PROJECT["title"],
                                                               TRANSLATION["title"]])}
    records = {language: list(page.results.all()) for language, page in pages.items()}
    assert [record.text for record in records["en"]] == TRANSLATION["results"]
    assert [record.translation_key for record in records["en"]] == [
        record.translation_key for record in records["lt"]]
    assert {record.locale.language_code for record in records["en"]} == {"en"}

    changed = {**PROJECT, "results": ["Įkurti namai.", "Apmokyti darbuotojai."]}
    assert not run_import([PROVIDER, MEASURE, changed, TRANSLATION]).failed
    rewritten = list(pages["lt"].results.all())
    assert [record.text for record in rewritten] == changed["results"]
    assert rewritten[0].translation_key == records["lt"][0].translation_key  # same place
    partners = {language: list(ProjectPage.objects.get(pk=page.pk).partners.all())
                for language, page in pages.items()}
    assert partners["en"] and [partner.translation_key for partner in partners["en"]] == [
        partner.translation_key for partner in partners["lt"]]
    assert {partner.locale.language_code for partner in partners["en"]} == {"en"}
    assert {partner.pk for partner in partners["en"]}.isdisjoint(
        partner.pk for partner in partners["lt"])
