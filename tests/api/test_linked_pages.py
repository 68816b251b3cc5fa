"""A public page names only public pages: a linked draft, unpublished, restricted or expired
page never reaches the API, JSON-LD, the search documents or any search output, and an expired
page leaves every public output when its time comes, not when the scheduled job runs."""

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale

from pages.models import (
    CollectionPage,
    NewsPage,
    ProjectPage,
    ProjectPartner,
    ProviderIndexPage,
    ProviderPage,
)
from pages.public import is_public, public_pages
from search import pipeline
from search.engines import get_engine
from search.query import SearchQuery
from tests.factories import add_page, add_provider, hide, home

pytestmark = pytest.mark.django_db
SECRET = "Slaptasteikejas"
STATES = ["draft", "unpublished", "restricted", "expired"]
EXPIRES_IN = timedelta(hours=1)


@pytest.fixture
def move_clock_past(monkeypatch):
    """Move the clock everything reads (`django.utils.timezone.now`) to just past a moment."""
    real_now = timezone.now

    def move(moment: datetime) -> None:
        offset = moment - real_now() + timedelta(seconds=1)
        monkeypatch.setattr(timezone, "now", lambda: real_now() + offset)

    return move


def alytus_project() -> ProjectPage:
    return ProjectPage.objects.live().descendant_of(home("alytus")).order_by("pk").first()


def provider_in(state: str, site: str = "alytus") -> ProviderPage:
    provider = add_provider(home(site), f"{SECRET} {state}", live=state != "draft")
    hide(provider, state)
    return provider


def link(project: ProjectPage, provider: ProviderPage) -> ProjectPage:
    project.lead_beneficiary = provider
    project.partners.add(ProjectPartner(provider=provider, role="partner"))
    project.save_revision().publish()
    pipeline.drain()
    return ProjectPage.objects.get(pk=project.pk)


def search_outputs(client: Client, text: str = SECRET.lower()) -> list[bytes]:
    """What residents get when searching for the hidden page (its title is never echoed)."""
    return [client.get(url).content for url in (
        f"/api/v1/search/?q={text}", f"/api/v1/search/suggest/?q={text}",
        f"/paieska/?q={text}", "/api/v1/projects/?page_size=50")]


@pytest.mark.parametrize("state", STATES)
def test_a_live_project_never_names_a_hidden_provider(api, state):
    provider = provider_in(state)
    project = link(alytus_project(), provider)
    detail = api.get(f"/api/v1/projects/{project.pk}/")
    json_ld = api.get(f"/api/v1/projects/{project.pk}/jsonld/")
    assert detail.status_code == 200 and json_ld.status_code == 200
    assert detail.json()["lead_beneficiary"] is None and detail.json()["partners"] == []
    assert "member" not in json_ld.json() and "parentOrganization" not in json_ld.json()
    page = api.get(project.get_url())
    assert page.status_code == 200 and project.title.encode() in page.content
    for content in [detail.content, json_ld.content, page.content, *search_outputs(api)]:
        assert provider.title.encode() not in content
    document = pipeline.build_documents([project.pk])[project.pk]
    assert document is not None and SECRET not in str(document)
    assert get_engine().search(SearchQuery(text=SECRET)).count == 0


@pytest.mark.parametrize("state", STATES)
def test_a_rich_text_link_to_a_hidden_page_gives_no_address(api, state):
    """The link's words stay; the address of the page (its slug made from its title) does not."""
    hidden, public = provider_in(state), provider_in("public")
    project = alytus_project()
    project.body = (f'<p>Žr. <a linktype="page" id="{hidden.pk}">partnerį</a> ir '
                    f'<a linktype="page" id="{public.pk}">teikėją</a>.</p>')
    project.save_revision().publish()
    detail = api.get(f"/api/v1/projects/{project.pk}/")
    page = api.get(project.get_url())
    assert detail.status_code == page.status_code == 200
    assert "<a>partnerį</a>" in detail.json()["body"]
    for content in (detail.content.decode(), page.content.decode()):
        assert hidden.slug not in content
    for html in (detail.json()["body"], page.content.decode()):
        assert f'/{public.slug}/">teikėją</a>' in html


def test_a_public_provider_is_named(api):
    provider = provider_in("public")
    project = link(alytus_project(), provider)
    detail = api.get(f"/api/v1/projects/{project.pk}/").json()
    assert provider.title.encode() in api.get(project.get_url()).content
    assert detail["lead_beneficiary"]["id"] == provider.pk
    assert [partner["provider"]["id"] for partner in detail["partners"]] == [provider.pk]
    assert project.pk in {hit.id for hit in get_engine().search(SearchQuery(text=SECRET)).hits}


@pytest.mark.parametrize("state", ["unpublished", "restricted"])
def test_hiding_a_linked_page_reindexes_the_pages_naming_it(api, state):
    provider = provider_in("public")
    project = link(alytus_project(), provider)
    assert project.pk in {hit.id for hit in get_engine().search(SearchQuery(text=SECRET)).hits}
    hide(ProviderPage.objects.get(pk=provider.pk), state)
    pipeline.drain()
    assert get_engine().search(SearchQuery(text=SECRET)).count == 0


def test_expiry_job_reindexes_the_pages_naming_the_expired_page(api):
    provider = provider_in("public")
    project = link(alytus_project(), provider)
    hide(provider, "expired")
    call_command("publish_scheduled")
    pipeline.drain()
    assert get_engine().search(SearchQuery(text=SECRET)).count == 0
    assert SECRET not in str(pipeline.build_documents([project.pk])[project.pk])


@pytest.mark.parametrize("state", ["draft", "unpublished", "restricted", "expired"])
def test_news_never_names_a_hidden_project(api, state):
    news = NewsPage.objects.live().descendant_of(home("alytus")).order_by("pk").first()
    project = alytus_project()
    project.title = f"{SECRET} projektas"
    project.save_revision().publish()
    hide(project, state if state != "draft" else "unpublished")
    news.about_projects.add(project)
    news.save_revision().publish()
    pipeline.drain()
    detail = api.get(f"/api/v1/news/{news.pk}/")
    json_ld = api.get(f"/api/v1/news/{news.pk}/jsonld/")
    assert project.pk not in {ref["id"] for ref in detail.json()["about_projects"]}
    assert project.title.encode() not in detail.content + json_ld.content


def every_listed_id(client: Client, resource: str) -> set[int]:
    """Page through a list to its end."""
    ids: set[int] = set()
    page = 1
    while True:
        body = client.get(f"/api/v1/{resource}/?page_size=50&page={page}").json()
        ids |= {result["id"] for result in body["results"]}
        if page * body["page_size"] >= body["count"]:
            return ids
        page += 1


def test_an_expired_page_leaves_every_public_output_at_once(api, move_clock_past):
    """Past its expiry but not yet unpublished by the scheduled job (which may be down)."""
    news = NewsPage.objects.live().descendant_of(home("alytus")).order_by("pk").first()
    news.title = f"{SECRET} naujiena"
    news.expire_at = timezone.now() + EXPIRES_IN
    news.save_revision().publish()
    pipeline.drain()
    assert news.pk in every_listed_id(api, "news")
    assert get_engine().search(SearchQuery(text=SECRET)).count == 1
    move_clock_past(news.expire_at)
    assert NewsPage.objects.get(pk=news.pk).live  # the scheduled job has not run
    assert news.pk not in every_listed_id(api, "news")
    assert api.get(f"/api/v1/news/{news.pk}/").status_code == 404
    assert api.get(f"/api/v1/news/{news.pk}/jsonld/").status_code == 404
    assert api.get(news.get_url()).status_code == 404
    for content in [*search_outputs(api), api.get("/feeds/news.rss").content,
                    api.get("/feeds/news.atom").content]:
        assert news.title.encode() not in content
    assert get_engine().search(SearchQuery(text=SECRET)).count == 0


@pytest.mark.parametrize("state", ["restricted", "expired"])
def test_the_home_page_lists_only_public_sections(api, state):
    collection = CollectionPage(title=f"{SECRET} rinkinys", slug="slaptas-rinkinys",
                                query_text="", filters="content_type=project")
    add_page(home("alytus"), collection, publish=True)
    assert collection.title.encode() in api.get("/").content
    hide(collection, state)
    assert collection.title.encode() not in api.get("/").content


@pytest.mark.parametrize("restricted", ["source", "section above the source"])
def test_an_alias_of_a_restricted_page_is_not_public(api, restricted):
    """An alias is served with the restrictions of its source's subtree (as the English tree's
    untranslated pages are aliases of the Lithuanian ones)."""
    provider = provider_in("public")
    english = Locale.objects.get(language_code="en")
    english_index = ProviderIndexPage.objects.child_of(home("alytus")).get().get_translation(
        english)
    alias = provider.create_alias(parent=english_index, update_locale=english)
    project = link(alytus_project(), alias)
    assert alias.title.encode() in api.get(english_index.get_url()).content
    assert api.get(f"/api/v1/projects/{project.pk}/").json()["lead_beneficiary"]["id"] == alias.pk
    assert alias.title.encode() in api.get(alias.get_url()).content
    source = ProviderPage.objects.get(pk=provider.pk)
    hide(source if restricted == "source" else source.get_parent(), "restricted")
    pipeline.drain()
    assert not is_public(alias) and not public_pages().filter(pk=alias.pk).exists()
    assert alias.title.encode() not in api.get(english_index.get_url()).content
    assert alias.title.encode() not in api.get(alias.get_url()).content
    assert api.get(f"/api/v1/projects/{project.pk}/").json()["lead_beneficiary"] is None
    assert get_engine().search(SearchQuery(text=SECRET)).count == 0


def test_a_page_naming_an_expiring_page_is_rewritten_when_it_expires(api, move_clock_past):
    """Without the scheduled job: the document is hidden from the moment the named page
    expires, and the next drain at that moment writes it without the name."""
    ProviderPage.objects.filter(pk=provider_in("public").pk).update(
        expire_at=timezone.now() + EXPIRES_IN)
    provider = ProviderPage.objects.get(title__startswith=SECRET)
    project = link(alytus_project(), provider)
    assert project.pk in {hit.id for hit in get_engine().search(SearchQuery(text=SECRET)).hits}
    own_title = SearchQuery(text=project.title)
    assert project.pk in {hit.id for hit in get_engine().search(own_title).hits}
    move_clock_past(provider.expire_at)
    assert ProviderPage.objects.get(pk=provider.pk).live  # the scheduled job has not run
    assert get_engine().search(SearchQuery(text=SECRET)).count == 0
    pipeline.drain()
    assert project.pk in {hit.id for hit in get_engine().search(own_title).hits}
    assert get_engine().search(SearchQuery(text=SECRET)).count == 0
