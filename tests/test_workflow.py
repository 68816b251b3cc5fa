"""Review workflow: editors submit, their municipality's moderators approve or reject with a
comment, another municipality's moderators can do neither; the publishing log per municipality."""

import pytest
from django.urls import reverse
from wagtail.models import GroupApprovalTask, PageLogEntry, TaskState, WorkflowState

from pages.models import ProjectPage
from tests.editorial import (
    OTHER,
    OWN,
    content_fixture,  # noqa: F401  (the `content` fixture)
    edit_form_data,
    editor_of,
    logged_in,
    moderator_of,
)

NEW_TITLE = "Socialinių paslaugų plėtra Alytaus mieste (atnaujinta)"


@pytest.fixture
def submitted(sites, content) -> TaskState:
    """The own project, retitled by its municipality's editor in the page editor and
    submitted there (its "submit" action)."""
    editor = editor_of(OWN, sites)
    page = content.own_project
    data = edit_form_data(page)
    data["title"] = NEW_TITLE
    data["action-submit"] = "action-submit"
    response = logged_in(editor).post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_task_state
    assert state is not None and state.workflow_state.requested_by == editor
    return state


def page_id(state: TaskState) -> int:
    return int(state.workflow_state.object_id)


def act(client, user, state: TaskState, action: str, comment: str):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page_id(state), action, state.pk))
    return client.post(url, {"comment": comment})


def live_title(state: TaskState) -> str:
    return ProjectPage.objects.get(pk=page_id(state)).title


@pytest.mark.django_db
def test_submission_waits_for_own_municipality_moderators(sites, submitted):
    task = submitted.task.specific
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.all()) == [sites[OWN].editorial.groups.moderators]
    assert live_title(submitted) != NEW_TITLE
    assert submitted.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_moderator_approves_with_comment_and_the_change_is_published(sites, submitted, client):
    moderator = moderator_of(OWN, sites)
    act(client, moderator, submitted, "approve", "Puiku, skelbiame.")
    submitted.refresh_from_db()
    assert submitted.status == TaskState.STATUS_APPROVED
    assert submitted.comment == "Puiku, skelbiame."
    assert live_title(submitted) == NEW_TITLE
    assert PageLogEntry.objects.filter(page_id=page_id(submitted), action="wagtail.publish",
                                       user=moderator).exists()


@pytest.mark.django_db
def test_moderator_rejects_with_comment_and_nothing_is_published(sites, submitted, client):
    act(client, moderator_of(OWN, sites), submitted, "reject", "Trūksta rezultatų aprašymo.")
    submitted.refresh_from_db()
    assert submitted.status == TaskState.STATUS_REJECTED
    assert submitted.comment == "Trūksta rezultatų aprašymo."
    assert submitted.workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert live_title(submitted) != NEW_TITLE


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["approve", "reject"])
def test_another_municipality_moderator_can_neither_approve_nor_reject(
        sites, submitted, client, action):
    stranger = moderator_of(OTHER, sites)
    page = ProjectPage.objects.get(pk=page_id(submitted))
    assert submitted.task.specific.get_actions(page, stranger) == []
    act(client, stranger, submitted, action, "Ne mano reikalas.")
    submitted.refresh_from_db()
    assert submitted.status == TaskState.STATUS_IN_PROGRESS
    assert live_title(submitted) != NEW_TITLE


@pytest.mark.django_db
def test_editor_cannot_approve_own_submission(sites, submitted, client):
    editor = submitted.workflow_state.requested_by
    act(client, editor, submitted, "approve", "Pats sau.")
    submitted.refresh_from_db()
    assert submitted.status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_publishing_log_shows_only_own_municipality(sites, content, client):
    content.own_project.unpublish(user=None)
    content.other_project.unpublish(user=None)
    url = reverse("cms_publishing_log")
    client.force_login(moderator_of(OWN, sites))
    response = client.get(url)
    assert response.status_code == 200
    listed = {entry.page_id for entry in response.context["object_list"]}
    assert content.own_project.pk in listed
    assert content.other_project.pk not in listed
    client.force_login(editor_of(OWN, sites))
    assert client.get(url).status_code == 302  # editors have no log of their own
