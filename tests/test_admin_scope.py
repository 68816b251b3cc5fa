"""In the admin, a municipality's staff never see another municipality's unpublished pages
(choosers, explorer, page search) and can never link one into their own pages."""

import json
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, Task
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail_localize.models import Translation, TranslationSource

from pages.models import NewsIndexPage, NewsPage, ProjectPage, ProviderPage
from tests.editorial import (
    OTHER,
    OWN,
    EditorialContent,
    content_fixture,  # noqa: F401  (the `content` fixture)
    editor_of,
    logged_in,
    make_user,
    media_bulk_confirmations,
    media_in,
    moderator_of,
    national_admin,
)
from tests.factories import PROJECT, PROVIDER, add_page, add_provider, draft_provider, section

pytestmark = pytest.mark.django_db
SECRET = "Slaptasjuodrastis"
PENDING = "Nepaskelbtaspavadinimas"  # a title edited in a draft


@pytest.fixture
def drafts(sites, content: EditorialContent) -> dict[str, ProviderPage]:
    return {slug: draft_provider(sites[slug].home, f"{SECRET} {slug}") for slug in (OWN, OTHER)}


def admin_views(sites: dict, drafts: dict) -> list[str]:
    """Listings, and addresses naming the draft by its id (as a crafted request would)."""
    draft, other_index = drafts[OTHER], drafts[OTHER].get_parent()
    task = Task.objects.first()
    return [
        reverse("wagtailadmin_choose_page_child", args=[other_index.pk]),
        reverse("wagtailadmin_choose_page_search") + f"?q={SECRET}&page_type=pages.providerpage",
        reverse("wagtailadmin_pages:search") + f"?q={SECRET}",
        reverse("wagtailadmin_explore", args=[other_index.pk]),
        reverse("wagtailadmin_choose_page_child", args=[draft.pk]),
        reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={draft.pk}",
        reverse("wagtailadmin_pages:workflow_preview", args=[draft.pk, task.pk]),
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", 1]),
        reverse("wagtailadmin_pages:usage", args=[draft.pk]),
        reverse("wagtailadmin_pages:history", args=[draft.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[draft.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[draft.pk]),
        reverse("wagtailadmin_pages:move", args=[draft.pk]),
        reverse("wagtailadmin_pages:copy", args=[draft.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
    ]


@pytest.mark.parametrize("role", [editor_of, moderator_of])
def test_staff_never_see_another_municipalitys_drafts(sites, drafts, role):
    drafts[OTHER].save_revision()
    client = logged_in(role(OWN, sites))
    for url in admin_views(sites, drafts):
        response = client.get(url, follow=True)  # a message on the page redirected to, too
        assert response.status_code in (200, 403, 404), url
        assert drafts[OTHER].title.encode() not in response.content, url


def pending_title_views(page: ProjectPage) -> list[str]:
    """Where the chooser names a page, its section and its home page."""
    section = page.get_parent()
    return [
        reverse("wagtailadmin_choose_page_child", args=[section.pk]),
        reverse("wagtailadmin_choose_page_child", args=[page.pk]),
        reverse("wagtailadmin_choose_page_child", args=[section.get_parent().pk]),
        reverse("wagtailadmin_choose_page_search") + f"?q={page.title.split()[0]}",
        reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={page.pk}",
    ]


def edit_title_in_draft(page: Page) -> str:
    published, page = page.title, page.specific
    page.title = f"{PENDING} {published}"
    page.save_revision()
    return published


@pytest.mark.parametrize("role", [editor_of, moderator_of])
def test_another_municipalitys_live_pages_are_named_by_their_published_titles(sites, content,
                                                                             role):
    """A live page's title edited in a draft not yet published is that municipality's
    unpublished work: others find the page by the title it is published with."""
    page = content.other_project
    published = edit_title_in_draft(page)
    for ancestor in page.get_ancestors()[1:]:  # its home page and section
        edit_title_in_draft(ancestor)
    client = logged_in(role(OWN, sites))
    for url in pending_title_views(page):
        response = client.get(url)
        assert response.status_code == 200, url
        assert PENDING.encode() not in response.content, url
    assert published.encode() in client.get(pending_title_views(page)[0]).content
    for page_id in (page.pk, page.get_parent().pk, page.get_parent().get_parent().pk):
        assert client.get(reverse("wagtailadmin_explore", args=[page_id])).status_code == 404
    own = content.own_project  # a pending title of one's own municipality's page is shown
    edit_title_in_draft(own)
    assert PENDING.encode() in client.get(pending_title_views(own)[0]).content


def reports_and_confirmations(drafts: dict) -> list[str]:
    """Admin pages listing pages of every municipality: a bulk action's confirmation (of the
    pages under another municipality's section), the translations and page types reports."""
    return [
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id=all&childOf={drafts[OTHER].get_parent().pk}",
        reverse("wagtail_localize:translations_report_results"),
        reverse("wagtailadmin_reports:page_types_usage_results"),
    ]


@pytest.mark.parametrize("role", [editor_of, moderator_of])
def test_reports_and_bulk_actions_never_name_another_municipalitys_drafts(sites, drafts, role):
    drafts[OTHER].save_revision()  # the last edited provider
    source, _created = TranslationSource.get_or_create_from_instance(drafts[OTHER])
    Translation.objects.create(source=source,
                               target_locale=Locale.objects.get(language_code="en"))
    client = logged_in(role(OWN, sites))
    for url in reports_and_confirmations(drafts):
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), url
        assert drafts[OTHER].title.encode() not in response.content, url
    menu = client.get(reverse("wagtailadmin_home")).content
    assert reverse("wagtailadmin_reports:page_types_usage").encode() not in menu
    national = logged_in(national_admin())  # what is kept from them is there
    for url in reports_and_confirmations(drafts)[1:]:
        assert drafts[OTHER].title.encode() in national.get(url).content, url


def test_another_municipalitys_translations_are_not_reported(sites, content):
    """Its translations of public pages, drafts among them, are its own work too."""
    source, _created = TranslationSource.get_or_create_from_instance(content.other_project)
    Translation.objects.create(source=source,
                               target_locale=Locale.objects.get(language_code="en"))
    report = reverse("wagtail_localize:translations_report_results")
    assert content.other_project.title.encode() not in logged_in(
        editor_of(OWN, sites)).get(report).content
    assert content.other_project.title.encode() in logged_in(
        editor_of(OTHER, sites)).get(report).content


@pytest.mark.parametrize("role", [editor_of, moderator_of])
def test_forms_naming_another_municipalitys_draft_answer_404(sites, drafts, content, role):
    """A page chosen in a form sent to the admin (a new page's parent, a copy's, a bulk move's
    destination) is a page the user works on, or the answer is 404, never its title; a value
    that is no page is 404 too, never 500."""
    client = logged_in(role(OWN, sites))
    draft, own = drafts[OTHER], content.own_project
    sent = [
        (reverse("wagtailadmin_pages:choose_parent", args=["pages", "projectpage"]),
         {"parent_page": draft.pk}),
        (reverse("wagtailadmin_pages:copy", args=[own.pk]), {"new_parent_page": draft.pk}),
        (reverse("wagtailadmin_pages:copy", args=[own.pk]), {"new_parent_page": "x"}),
        (reverse("wagtailadmin_pages:copy", args=[own.pk]), {}),
        (reverse("wagtail_bulk_action", args=["wagtailcore", "page", "move"])
         + f"?id={own.pk}", {"chooser": draft.pk}),
    ]
    for url, data in sent:
        response = client.post(url, data)
        assert response.status_code == 404, (url, data)
        assert draft.title.encode() not in response.content, (url, data)
    for parent in ("x", "99999999"):
        bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        assert client.get(f"{bulk}?id=all&childOf={parent}").status_code == 404


def test_the_news_form_lists_the_pages_the_news_may_name(sites, drafts, content):
    """Its lists of projects and organisations to tick: its own municipality's pages, drafts
    among them, and other municipalities' public pages; never their drafts."""
    news_index = sites[OWN].home.get_children().get(slug="naujienos")
    form = logged_in(editor_of(OWN, sites)).get(
        reverse("wagtailadmin_pages:add", args=["pages", "newspage", news_index.pk])).content
    assert drafts[OWN].title.encode() in form
    assert content.other_project.title.encode() in form
    assert drafts[OTHER].title.encode() not in form


def tagged_news(home_page: Page, tag: str, *, live: bool) -> NewsPage:
    news = NewsPage(title=f"Naujiena {tag}", lead="Trumpai.", live=live)
    news.tags.add(tag)
    return add_page(section(home_page, NewsIndexPage), news, publish=live)


@pytest.fixture
def tagged_media(sites) -> None:
    """An image and a document of each municipality, each with a tag of its own."""
    for slug, owner in ((OWN, ""), (OTHER, "kita")):
        image, document = media_in(sites[slug].editorial.collection, f"Nuotrauka {slug}")
        image.tags.add(f"zyma{owner}nuotrauka")
        document.tags.add(f"zyma{owner}ataskaita")


@pytest.mark.usefixtures("tagged_media")
def test_tag_autocomplete_offers_the_tags_of_what_the_user_may_see(sites):
    """Tags of their own drafts, of public news and of the media they may choose; never a tag
    saved only on another municipality's draft or private image."""
    tagged_news(sites[OWN].home, "zymamusu", live=False)
    tagged_news(sites[OTHER].home, "zymaviesa", live=True)
    tagged_news(sites[OTHER].home, "zymaslapta", live=False)
    offered = {"zymamusu", "zymaviesa", "zymanuotrauka", "zymaataskaita"}
    everything = offered | {"zymaslapta", "zymakitanuotrauka", "zymakitaataskaita"}
    for user, expected in ((editor_of(OWN, sites), offered),
                           (make_user("admin", superuser=True), everything)):
        client = logged_in(user)
        for url in (reverse("wagtailadmin_tag_autocomplete"),
                    reverse("wagtailadmin_tag_model_autocomplete", args=["taggit", "tag"])):
            assert set(client.get(url, {"term": "ZYMA"}).json()) == expected, url
            assert client.get(url).json() == []


@pytest.mark.usefixtures("tagged_media")
def test_media_listings_and_the_image_chooser_offer_the_tags_of_media_the_user_may_see(sites):
    client = logged_in(editor_of(OWN, sites))
    images = client.get(reverse("wagtailimages:index")).content.decode()
    documents = client.get(reverse("wagtaildocs:index")).content.decode()
    chooser = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert "zymanuotrauka" in images and "zymakitanuotrauka" not in images
    assert "zymaataskaita" in documents and "zymakitaataskaita" not in documents
    assert "zymanuotrauka" in chooser and "zymakitanuotrauka" not in chooser
    national = logged_in(make_user("admin", superuser=True))
    assert "zymakitanuotrauka" in national.get(reverse("wagtailimages:index")).content.decode()


def test_only_signed_in_staff_get_chosen_pages(sites, drafts):
    nobody = logged_in(make_user("gyventojas"))  # no group: no access to the admin
    response = nobody.get(reverse("wagtailadmin_choose_page_chosen_multiple")
                          + f"?id={drafts[OWN].pk}")
    assert response.status_code in (302, 403)  # Wagtail's refusal, before any page is read


def test_holders_of_a_permission_on_the_root_open_every_municipalitys_pages(sites, content):
    """Wagtail's own groups hold theirs on the tree's root: the plugin narrows none of them."""
    group = Group.objects.create(name="Visų svetainių redaktoriai")
    GroupPagePermission.objects.create(group=group, page=Page.get_first_root_node(),
                                       permission=Permission.objects.get(codename="change_page"))
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = make_user("visu-redaktorius")
    user.groups.add(group)
    edit = reverse("wagtailadmin_pages:edit", args=[content.other_project.pk])
    assert logged_in(user).get(edit).status_code == 200


def test_media_bulk_confirmations_name_another_municipalitys_items_by_id(sites):
    own = media_in(sites[OWN].editorial.collection, "Alytaus nuotrauka")
    other = media_in(sites[OTHER].editorial.collection, f"{SECRET} nuotrauka")
    client = logged_in(moderator_of(OWN, sites))  # who may delete their municipality's media
    for url in media_bulk_confirmations([own[0], other[0]], [own[1], other[1]]):
        shown = client.get(url).content.decode()
        assert own[0].title in shown and SECRET not in shown, url
        assert f"{other[0].pk}, " in shown or f"{other[1].pk}, " in shown, url


def test_staff_still_find_their_own_drafts_and_others_public_pages(sites, drafts, content):
    client = logged_in(editor_of(OWN, sites))
    own = client.get(reverse("wagtailadmin_choose_page_child",
                             args=[drafts[OWN].get_parent().pk]))
    assert drafts[OWN].title.encode() in own.content
    other_live = client.get(reverse("wagtailadmin_choose_page_search")
                            + f"?q={content.other_project.title}&page_type=pages.projectpage")
    assert content.other_project.title.encode() in other_live.content


def test_choosing_several_pages_answers_those_the_chooser_lists(sites, drafts, content):
    client = logged_in(editor_of(OWN, sites))
    asked = [drafts[OWN].pk, content.other_project.pk, drafts[OTHER].pk, 1,
             "12345678901234567890", "9" * 4301, "\u0661\u0662", "x"]
    response = client.get(reverse("wagtailadmin_choose_page_chosen_multiple") + "?"
                          + urlencode([("id", pk) for pk in asked]))
    assert response.status_code == 200
    chosen = {page["id"]: page["adminTitle"] for page in response.json()["result"]}
    assert chosen == {drafts[OWN].pk: drafts[OWN].title,
                      content.other_project.pk: content.other_project.title}
    for huge in ("wagtailadmin_choose_page_child", "wagtailadmin_pages:usage"):
        assert client.get(reverse(huge, args=[12345678901234567890])).status_code == 404


def test_national_admins_do_not_see_municipal_drafts_either(sites, drafts):
    client = logged_in(national_admin())
    response = client.get(reverse("wagtailadmin_choose_page_search")
                          + f"?q={SECRET}&page_type=pages.providerpage")
    assert drafts[OTHER].title.encode() not in response.content


def test_model_validation_refuses_another_municipalitys_hidden_page(sites, drafts, content):
    project = content.own_project
    project.lead_beneficiary = drafts[OTHER]
    with pytest.raises(ValidationError) as refused:
        project.full_clean()
    assert "lead_beneficiary" in refused.value.message_dict
    assert SECRET not in str(refused.value)  # named by its id only
    project.lead_beneficiary = drafts[OWN]  # a draft of the project's own municipality is fine
    project.full_clean()


def test_a_text_linking_a_page_hidden_since_is_published_as_scheduled(sites, content):
    """Wagtail saves the page to publish its revision: a text link whose page another
    municipality has hidden since (written without its address) does not stop it."""
    provider = add_provider(sites[OTHER].home, "Kitos savivaldybės teikėjas", publish=True)
    project = content.own_project
    project.body = f'<p><a linktype="page" id="{provider.pk}">partneris</a></p>'
    revision = project.save_revision()
    provider.unpublish()
    revision.publish()
    assert f'id="{provider.pk}"' in ProjectPage.objects.get(pk=project.pk).body


def publish_with_lead(client: Client, project: ProjectPage, provider: ProviderPage,
                      **fields: str):
    data = nested_form_data({
        **fields, "title": project.title, "slug": project.slug, "status": project.status,
        "lead_beneficiary": provider.pk,
        "partners": inline_formset([{"provider": provider.pk, "role": "partner",
                                     "activity": ""}]),
        "results": inline_formset([]), "indicators": inline_formset([]),
        "links": inline_formset([]), "comments": inline_formset([]),
        "action-publish": "action-publish"})
    return client.post(reverse("wagtailadmin_pages:edit", args=[project.pk]), data)


def test_a_moderator_cannot_publish_a_link_to_another_municipalitys_draft(sites, drafts,
                                                                          content):
    client = logged_in(moderator_of(OWN, sites))
    project = content.own_project
    refused = publish_with_lead(client, project, drafts[OTHER])
    assert refused.status_code == 200  # the form again, with its errors
    assert "lead_beneficiary" in refused.context["form"].errors
    assert drafts[OTHER].title not in refused.content.decode()  # the chooser names it by id
    partner_errors = refused.context["form"].formsets["partners"].forms[0].errors
    assert "provider" in partner_errors
    project.refresh_from_db()
    assert project.lead_beneficiary_id != drafts[OTHER].pk
    accepted = publish_with_lead(client, project, drafts[OWN])
    assert accepted.status_code == 302
    assert ProjectPage.objects.get(pk=project.pk).lead_beneficiary_id == drafts[OWN].pk


def test_a_chosen_page_of_another_municipality_is_named_by_its_published_title(sites, content):
    provider = add_provider(sites[OTHER].home, "Kalvarijos teikėjas", publish=True)
    project = content.own_project
    project.lead_beneficiary = provider
    project.save_revision().publish()
    provider.title = f"{PENDING} teikėjas"
    provider.save_revision()
    client = logged_in(editor_of(OWN, sites))
    form = client.get(reverse("wagtailadmin_pages:edit", args=[project.pk])).content.decode()
    assert "Kalvarijos teikėjas" in form and PENDING not in form


def linking_in_text(page: ProviderPage) -> str:
    """The editor's rich text (Draftail's content state): a paragraph linking the page."""
    return json.dumps({"blocks": [{
        "key": "p1", "text": "partneris", "type": "unstyled", "depth": 0,
        "inlineStyleRanges": [], "entityRanges": [{"offset": 0, "length": 9, "key": 0}],
        "data": {}}], "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE",
                                          "data": {"id": page.pk, "url": "/"}}}})


def test_a_moderator_cannot_publish_a_text_linking_another_municipalitys_draft(sites, drafts,
                                                                                content):
    client = logged_in(moderator_of(OWN, sites))
    project = content.own_project
    refused = publish_with_lead(client, project, drafts[OWN], body=linking_in_text(drafts[OTHER]))
    assert refused.status_code == 200  # the form again, with its errors
    assert list(refused.context["form"].errors) == ["body"]
    assert drafts[OTHER].title not in refused.content.decode()
    accepted = publish_with_lead(client, project, drafts[OWN], body=linking_in_text(drafts[OWN]))
    assert accepted.status_code == 302
    assert f'id="{drafts[OWN].pk}"' in ProjectPage.objects.get(pk=project.pk).body


def test_an_import_line_cannot_link_another_municipalitys_draft(sites, run_import):
    draft = {**PROVIDER, "id": "prov-kalvarija", "site": OTHER, "municipality": OTHER,
             "title": f"{SECRET} teikėjas", "live": False}
    own_draft = {**draft, "id": "prov-alytus-draft", "site": OWN, "municipality": OWN}
    linked = {**PROJECT, "measure": None, "project_code": "", "lead_beneficiary": "prov-kalvarija",
              "partners": [{"provider": "prov-kalvarija", "role": "partner"}]}
    result = run_import([draft, own_draft, linked])
    assert any("lead_beneficiary" in line and "kitai savivaldybei" in line
               for line in result.errors), result.stderr
    assert SECRET not in result.stderr  # the hidden page is named by its id only
    assert not ProjectPage.objects.filter(title=PROJECT["title"]).exists()
    own = run_import([{**linked, "lead_beneficiary": "prov-alytus-draft",
                       "partners": [{"provider": "prov-alytus-draft", "role": "partner"}]}])
    assert not own.errors, own.stderr


def test_signed_in_staff_read_another_municipalitys_public_pages_as_anyone(sites, content):
    """What the admin keeps from a municipality's staff is the admin's: the sites, their API
    and feeds answer them as they answer anyone."""
    client = logged_in(editor_of(OWN, sites))
    page, host = content.other_project, sites[OTHER].site.hostname
    for path in (f"/api/v1/projects/{page.pk}/", f"/api/v1/projects/{page.pk}/jsonld/",
                 page.get_url()):
        assert client.get(path, HTTP_HOST=host).status_code == 200, path
