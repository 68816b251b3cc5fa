"""A row that an unpublished draft links to through a protected link cannot be deleted, as a row
a published page links to cannot: in the admin (pages, snippets, bulk actions) the editor is
told which drafts name it, and the draft can still be opened and published."""

import pytest
from django.contrib.messages import get_messages
from django.db import transaction
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from pages.models import Fund, FundingMeasurePage, ProjectPage, ProviderPage
from pages.references import drafts_naming
from tests.editorial import (
    OWN,
    EditorialContent,
    content_fixture,  # noqa: F401  (the `content` fixture)
    logged_in,
    make_user,
    moderator_of,
)
from tests.factories import add_provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(sites, content: EditorialContent) -> ProviderPage:
    """A published provider that only a draft of the project names."""
    provider = add_provider(sites[OWN].home, "Naujas teikėjas", publish=True)
    draft = content.own_project.get_latest_revision_as_object()
    draft.lead_beneficiary = provider
    draft.save_revision()
    return provider


@pytest.fixture
def admin() -> Client:
    return logged_in(make_user("administratorius", superuser=True))


def refusal_shown(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def test_the_drafts_naming_a_row_are_found(content, provider):
    assert drafts_naming([provider]) == [content.own_project.page_ptr.specific]
    unnamed = ProviderPage(title="Niekieno teikėjas", provider_type="nvo")
    provider.get_parent().add_child(instance=unnamed)
    assert drafts_naming([unnamed]) == []


def test_deleting_a_row_a_draft_names_is_refused(content, provider):
    with pytest.raises(ProtectedError, match=content.own_project.title), transaction.atomic():
        provider.delete()
    assert ProviderPage.objects.filter(pk=provider.pk).exists()


def test_the_admin_refuses_and_the_draft_still_publishes(admin, content, provider):
    response = admin.post(reverse("wagtailadmin_pages:delete", args=[provider.pk]))
    assert response.status_code == 302
    assert content.own_project.title in refusal_shown(response)
    assert ProviderPage.objects.filter(pk=provider.pk).exists()
    assert admin.get(reverse("wagtailadmin_pages:edit",
                             args=[content.own_project.pk])).status_code == 200
    content.own_project.get_latest_revision().publish()
    assert ProjectPage.objects.get(pk=content.own_project.pk).lead_beneficiary == provider
    assert admin.post(reverse("wagtailadmin_pages:delete", args=[provider.pk])).status_code == 302
    assert ProviderPage.objects.filter(pk=provider.pk).exists()  # now the live page protects it


def test_a_bulk_delete_is_refused_too(admin, content, provider):
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    response = admin.post(f"{bulk}?id={provider.pk}", {"child_pages_count": 0})
    assert response.status_code == 302
    assert content.own_project.title in refusal_shown(response)
    assert ProviderPage.objects.filter(pk=provider.pk).exists()


def test_another_municipalitys_draft_is_counted_not_named(sites, content, provider):
    """Another municipality's draft may name a public provider; its title is its own."""
    draft = content.other_project.get_latest_revision_as_object()
    draft.title = "Slaptas kitos savivaldybės pavadinimas"
    draft.lead_beneficiary = provider
    draft.save_revision()
    moderator = logged_in(moderator_of(OWN, sites))
    response = moderator.post(reverse("wagtailadmin_pages:delete", args=[provider.pk]))
    refused = refusal_shown(response)
    assert content.own_project.title in refused
    assert draft.title not in refused and "1 juodraštis, kurio negalite redaguoti" in refused
    assert ProviderPage.objects.filter(pk=provider.pk).exists()


def test_a_vocabulary_term_a_draft_names_is_kept(admin, content):
    fund = Fund.objects.create(slug="bandomasis", label_lt="Bandomasis fondas",
                               label_en="Test fund", abbreviation_lt="BF", abbreviation_en="TF")
    draft = content.measure.get_latest_revision_as_object()
    draft.fund = fund
    draft.save_revision()
    delete = reverse(fund.snippet_viewset.get_url_name("delete"), args=[fund.pk])
    response = admin.post(delete)
    assert response.status_code == 302
    assert content.measure.title in refusal_shown(response)
    assert Fund.objects.filter(pk=fund.pk).exists()
    content.measure.get_latest_revision().publish()
    assert FundingMeasurePage.objects.get(pk=content.measure.pk).fund == fund
