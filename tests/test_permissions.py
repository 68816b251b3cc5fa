"""Permission matrix: role × action × own/other municipality × language (a municipality's
Lithuanian pages and their English translations), through the real admin views (create, edit,
submit, approve, publish, unpublish, delete, move, vocabularies, uploads), each checked against
Wagtail's permission policy too; and previews of drafts by a municipality's staff."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permissions import policy_registry

from pages.models import MeasureIndexPage, ProjectIndexPage, ProjectPage, TargetGroup
from tests.editorial import (
    OTHER,
    OWN,
    EditorialContent,
    content_fixture,  # noqa: F401  (the `content` fixture)
    edit_form_data,
    editor_of,
    english_fixture,  # noqa: F401  (the `english` fixture)
    logged_in,
    make_user,
    moderator_of,
    national_admin,
    translated,
)
from tests.factories import draft_provider

ACTIONS = ["create", "edit", "submit", "approve", "publish", "unpublish", "delete", "move",
           "edit_taxonomy", "upload"]
EVERYTHING_ON_OWN = set(ACTIONS) - {"edit_taxonomy"}
ALLOWED = {  # (role, scope) → allowed actions; everything else must be denied
    ("editor", "own"): {"create", "edit", "submit", "upload"},
    ("moderator", "own"): EVERYTHING_ON_OWN,
    # a national administrator's own area: funding measures of the national site
    ("national_admin", "own"): EVERYTHING_ON_OWN - {"approve"} | {"edit_taxonomy"},
    ("national_admin", "other"): {"edit_taxonomy"},  # taxonomies are shared by everyone
}
ROLES = {"editor": lambda sites: editor_of(OWN, sites),
         "moderator": lambda sites: moderator_of(OWN, sites),
         "national_admin": lambda sites: national_admin(),
         "anonymous": lambda sites: AnonymousUser()}


class Case:
    """One role acting on one target page (its own area's or another municipality's)."""

    def __init__(self, user, client, page: Page, sites: dict, slug: str) -> None:
        self.user, self.client, self.page, self.sites, self.slug = user, client, page, sites, slug
        self.tester = page.permissions_for_user(user)

    def reload(self) -> Page | None:
        return Page.objects.filter(pk=self.page.pk).first()

    def create(self) -> bool:
        parent = self.page.get_parent().specific
        model = self.page.specific_class._meta.model_name
        url = reverse("wagtailadmin_pages:add", args=("pages", model, parent.pk))
        allowed = parent.permissions_for_user(self.user).can_add_subpage()
        assert (self.client.get(url).status_code == 200) is allowed
        return allowed

    def edit(self) -> bool:
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.page.pk,)))
        assert (response.status_code == 200) is self.tester.can_edit()
        return self.tester.can_edit()

    def submit(self) -> bool:
        """Submitted to the review workflow from the page editor (its "submit" action)."""
        allowed = self.tester.can_edit() and self.tester.can_submit_for_moderation()
        data = edit_form_data(self.page)
        data["action-submit"] = "action-submit"
        self.client.post(reverse("wagtailadmin_pages:edit", args=(self.page.pk,)), data)
        submitted = WorkflowState.objects.active().filter(object_id=str(self.page.pk)).exists()
        assert submitted is allowed
        return submitted

    def approve(self) -> bool:
        submitter = make_user("pateikejas", superuser=True)
        self.page.save_revision(user=submitter)
        self.page.get_workflow().start(self.page, submitter)
        state = self.page.current_workflow_task_state
        offered = "approve" in [name for name, *_ in state.task.specific.get_actions(
            self.page, self.user)] if self.user.is_authenticated else False
        url = reverse("wagtailadmin_pages:workflow_action", args=(self.page.pk, "approve",
                                                                 state.pk))
        self.client.post(url, {"comment": "Tinka."})
        state.refresh_from_db()
        assert (state.status == TaskState.STATUS_APPROVED) is offered
        return offered

    def publish(self) -> bool:
        self.page.title = "Pakeistas pavadinimas"
        self.page.save_revision()
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        self.client.post(f"{url}?id={self.page.pk}", {})
        published = self.reload().title == "Pakeistas pavadinimas"
        assert published is self.tester.can_publish()
        return published

    def unpublish(self) -> bool:
        self.client.post(reverse("wagtailadmin_pages:unpublish", args=(self.page.pk,)))
        unpublished = not self.reload().live
        assert unpublished is self.tester.can_unpublish()
        return unpublished

    def delete(self) -> bool:
        self.client.post(reverse("wagtailadmin_pages:delete", args=(self.page.pk,)))
        deleted = self.reload() is None
        assert deleted is self.tester.can_delete()
        return deleted

    def move(self) -> bool:
        """Within the target's tree, through the admin's move confirmation: to the end of its
        own section, after a sibling added for the purpose (so a move changes its place)."""
        parent = self.page.get_parent()
        sibling = ProjectPage(title="Paskesnis projektas", status="planned", live=False)
        parent.add_child(instance=sibling)
        allowed = self.tester.can_move_to(parent)
        before = self.reload().path
        self.client.post(reverse("wagtailadmin_pages:move_confirm",
                                 args=(self.page.pk, parent.pk)))
        moved = self.reload().path != before
        assert moved is allowed
        return moved

    def edit_taxonomy(self) -> bool:
        term = TargetGroup.objects.first()
        url = reverse("wagtailsnippets_pages_targetgroup:edit", args=(term.pk,))
        allowed = self.user.has_perm("pages.change_targetgroup")
        assert (self.client.get(url).status_code == 200) is allowed
        return allowed

    def upload(self) -> bool:
        collection = self.sites[self.slug].editorial.collection
        document_policy, image_policy = (policy_registry.get_by_type(model)
                                         for model in (get_document_model(), get_image_model()))
        allowed = collection in document_policy.collections_user_has_permission_for(
            self.user, "add")
        assert (collection in image_policy.collections_user_has_permission_for(
            self.user, "add")) is allowed
        upload = SimpleUploadedFile("ataskaita.txt", b"Ataskaita", "text/plain")
        self.client.post(reverse("wagtaildocs:add_multiple"),
                         {"files[]": upload, "collection": collection.pk},
                         headers={"x-requested-with": "XMLHttpRequest"})
        uploaded = get_document_model().objects.filter(collection=collection).exists()
        assert uploaded is allowed
        return allowed


def target(role: str, scope: str, content: EditorialContent) -> tuple[Page, str]:
    if role == "national_admin" and scope == "own":
        return content.measure, "nacionalinis"
    if scope == "own":
        return content.own_project, OWN
    return content.other_project, OTHER


@pytest.mark.django_db
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("scope", ["own", "other"])
@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("language", ["lt", "en"])
def test_permission_matrix(language, role, scope, action, sites, content, client, request):
    user = ROLES[role](sites)
    if user.is_authenticated:
        client.force_login(user)
    page, slug = target(role, scope, request.getfixturevalue("english") if language == "en"
                        else content)
    assert page.locale.language_code == language
    act: Callable[[], bool] = getattr(Case(user, client, page, sites, slug), action)
    assert act() is (action in ALLOWED.get((role, scope), set()))


DRAFT_TITLE = "Juodrastinis pavadinimas"


def drafts_of(slug: str, sites: dict, page: Page, language: str) -> dict[str, Page]:
    """A municipality's drafts in a language: a new title saved (not published) on a live
    page, and a page never published."""
    live = translated(page, language)
    live.title = f"{DRAFT_TITLE} {slug} {language}"
    live.save_revision()
    home = translated(sites[slug].home, language)
    never = draft_provider(home, f"{DRAFT_TITLE} naujas {slug} {language}")
    return {"revision": live, "new": never}


def preview_responses(client, page: Page) -> list:
    """The admin's previews of a page's latest revision: the draft view, and the editor's
    live preview (the form posted, then shown)."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    posted = client.post(url, edit_form_data(page))
    return [client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,))),
            posted, client.get(url)]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["lt", "en"])
@pytest.mark.parametrize("role", [editor_of, moderator_of])
def test_staff_preview_own_drafts_never_another_municipalitys(sites, content, english,
                                                              language, role):
    client = logged_in(role(OWN, sites))
    own = drafts_of(OWN, sites, content.own_project, language)
    other = drafts_of(OTHER, sites, content.other_project, language)
    for kind, page in own.items():
        for response in preview_responses(client, page):
            assert response.status_code == 200, (kind, response)
        assert page.get_latest_revision_as_object().title.encode() in response.content, kind
    for kind, page in other.items():
        for response in preview_responses(client, page):
            assert response.status_code in (302, 403, 404), (kind, response)
            assert DRAFT_TITLE.encode() not in response.content, (kind, response)


@pytest.mark.django_db
def test_moderator_cannot_move_own_page_into_another_municipality(sites, content, client):
    moderator = moderator_of(OWN, sites)
    client.force_login(moderator)
    other_section = ProjectIndexPage.objects.get(pk=content.other_project.get_parent().pk)
    assert not content.own_project.permissions_for_user(moderator).can_move_to(other_section)
    client.post(reverse("wagtailadmin_pages:move_confirm",
                        args=(content.own_project.pk, other_section.pk)))
    assert Page.objects.get(pk=content.own_project.pk).get_parent().pk != other_section.pk


@pytest.mark.django_db
def test_structure_pages_cannot_be_deleted_by_moderators(sites, client):
    moderator = moderator_of(OWN, sites)
    client.force_login(moderator)
    news_index = sites[OWN].home.get_children().get(slug="naujienos")
    assert news_index.permissions_for_user(moderator).can_delete()  # an empty section: a leaf
    client.post(reverse("wagtailadmin_pages:delete", args=(news_index.pk,)))
    assert Page.objects.filter(pk=news_index.pk).exists()


@pytest.mark.django_db
def test_editors_choose_taxonomies_and_measures_they_cannot_change(sites, content, client):
    editor = editor_of(OWN, sites)
    client.force_login(editor)
    chooser = client.get(reverse("wagtailsnippetchoosers_pages_targetgroup:choose"))
    assert chooser.status_code == 200
    assert not content.measure.permissions_for_user(editor).can_edit()
    national_measures = MeasureIndexPage.objects.get(pk=content.measure.get_parent().pk)
    assert not national_measures.permissions_for_user(editor).can_add_subpage()
    own_measures = sites[OWN].home.get_children().type(MeasureIndexPage).get()
    assert not own_measures.permissions_for_user(editor).can_add_subpage()


@pytest.mark.django_db
def test_add_municipality_is_idempotent(sites):
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from wagtail.models import Collection, GroupPagePermission, Workflow, WorkflowPage

    def counts() -> tuple[int, ...]:
        return (Page.objects.count(), Group.objects.count(), GroupPagePermission.objects.count(),
                Collection.objects.count(), Workflow.objects.count(), WorkflowPage.objects.count())

    before = counts()
    call_command("add_municipality", OWN, f"{OWN}.localhost")
    assert counts() == before
    call_command("add_municipality", "utena", "utena.localhost")
    assert counts()[1] == before[1] + 2
    assert Group.objects.filter(name="Utenos rajono savivaldybės moderatoriai").exists()
