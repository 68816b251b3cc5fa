"""Permission matrix: role × action × own/other municipality, through Wagtail's permission
policies and, where an admin endpoint is cheap to drive, through the real admin views too."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, TaskState
from wagtail.permissions import policy_registry

from pages.models import MeasureIndexPage, ProjectIndexPage, TargetGroup
from tests.editorial import (
    OTHER,
    OWN,
    EditorialContent,
    content_fixture,  # noqa: F401  (the `content` fixture)
    editor_of,
    make_user,
    moderator_of,
    national_admin,
)

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
        return self.tester.can_edit() and self.tester.can_submit_for_moderation()

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

    def move(self) -> bool:  # within the target's tree: to its section (a reorder)
        return self.tester.can_move_to(self.page.get_parent())

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
def test_permission_matrix(role, scope, action, sites, content, client):
    user = ROLES[role](sites)
    if user.is_authenticated:
        client.force_login(user)
    page, slug = target(role, scope, content)
    act: Callable[[], bool] = getattr(Case(user, client, page, sites, slug), action)
    assert act() is (action in ALLOWED.get((role, scope), set()))


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
