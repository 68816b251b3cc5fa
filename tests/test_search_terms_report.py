"""The search statistics (`search.searched_texts`) and the admin report "Search terms without
results": national administrators see every municipality, municipal staff their own."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from search import searched_texts
from search.models import SearchedText
from tests.editorial import OTHER, OWN, editor_of, logged_in, moderator_of, national_admin
from workers.tasks import prune_searched_texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_day")]
REPORT = reverse("cms_search_terms")


@pytest.fixture
def searches(sites) -> None:
    """Alytus: 4 searches, 3 without results („senjoru dienos“ twice); Kalvarija: 2, 1 without
    results; and a search too old to count."""
    own, other = sites[OWN].site.pk, sites[OTHER].site.pk
    for site, text, found in [(own, "Senjoru  dienos", False), (own, "senjoru dienos", False),
                              (own, "pasluagos", False), (own, "paslaugos", True),
                              (other, "kalvarijos slaptas terminas", False),
                              (other, "paslaugos", True)]:
        searched_texts.record(site, text, found)
    SearchedText.objects.create(site_id=own, day=timezone.localdate() - timedelta(days=30),
                                text="per senas", searches=5, without_results=5)


def test_a_search_is_counted_with_one_upsert_per_site_day_and_normalised_text(
        searches, sites, django_assert_num_queries):
    with django_assert_num_queries(1):
        searched_texts.record(sites[OWN].site.pk, "  PASLAUGOS ", found=False)
    row = SearchedText.objects.get(site=sites[OWN].site, text="paslaugos")
    assert (row.day, row.searches, row.without_results) == (timezone.localdate(), 2, 1)


def test_national_administrators_see_every_municipalitys_rate_and_terms(searches):
    page = logged_in(national_admin()).get(REPORT).content.decode()
    assert page.count("<tr data-municipality=") == 2
    assert "senjoru dienos" in page and "kalvarijos slaptas terminas" in page
    assert "75,0 %" in page and "50,0 %" in page  # Alytus 3 of 4, Kalvarija 1 of 2
    assert "per senas" not in page
    assert page.index("senjoru dienos") < page.index("pasluagos")  # the most frequent first


@pytest.mark.parametrize("role", [editor_of, moderator_of])
def test_municipal_staff_see_only_their_own_municipalitys_terms(searches, sites, role):
    client = logged_in(role(OWN, sites))
    response = client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    assert "senjoru dienos" in page and "75,0 %" in page
    assert page.count("<tr data-municipality=") == 1
    assert "kalvarijos slaptas terminas" not in page and "50,0 %" not in page
    results = client.get(reverse("cms_search_terms_results")).content
    assert b"kalvarijos" not in results


def test_the_report_is_in_the_reports_menu_of_whom_it_shows_something(searches, sites):
    assert REPORT.encode() in logged_in(editor_of(OTHER, sites)).get(reverse(
        "wagtailadmin_home")).content
    admin = logged_in(national_admin())
    assert "Paieškos be rezultatų".encode() in admin.get(REPORT).content


def test_rows_older_than_the_kept_days_are_pruned(sites):
    today = timezone.localdate()
    for age in (searched_texts.KEPT_DAYS, searched_texts.KEPT_DAYS + 1):
        SearchedText.objects.create(site=sites[OWN].site, day=today - timedelta(days=age),
                                    text=f"prieš {age} d.", searches=1)
    assert prune_searched_texts() == 1
    assert list(SearchedText.objects.values_list("text", flat=True)) == [
        f"prieš {searched_texts.KEPT_DAYS} d."]
