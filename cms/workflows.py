"""Review workflow of a municipality: its moderators approve what its editors submit."""

from collections.abc import Iterable

from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask


def ensure_review_workflow(name: str, moderators: Group, homes: Iterable[Page]) -> Workflow:
    """One approval task by the moderators group, attached to every home page of the tree."""
    task, _ = GroupApprovalTask.objects.get_or_create(name=f"{name}: moderatorių patvirtinimas")
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=f"{name}: peržiūra")
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task.task_ptr,
                                       defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow
