"""Least-privilege editor groups and the publication workflow, kept in step after every migrate.

Each app declares what each group may do with its models in `<app>/permissions.py`:

    from core.permissions import EDITORS, MODERATORS
    GROUP_PERMISSIONS = {EDITORS: ["resources.add_theme", ...], MODERATORS: ["resources.delete_theme"]}

and `configure_editor_groups()` gives every group the permissions all apps declare for it;
moderators also get everything editors get.

- Rédacteurs write and translate pages, upload images and documents, and submit pages for moderation;
  they maintain the resource hub's taxonomies; they cannot publish, delete, change site settings or
  see newsletter subscribers.
- Modérateurs also publish, lock, delete pages, manage redirects and edit the site settings (contact
  details, navigation), manage newsletter subscribers and sends; they approve the moderation workflow's task.
Wagtail's own migrations create these groups as "Editors" and "Moderators"; this module renames them and
sets their rights precisely, so that a new installation and an old one end in the same state.
"""

import sys
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from .network import NETWORK_GROUPS

EDITORS = "Rédacteurs"
MODERATORS = "Modérateurs"
WORKFLOW_NAME = "Validation par un modérateur"

# What the site's machinery gives each group (the apps add theirs in `<app>/permissions.py`).
SITE_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtail_localize.submit_translation",
        # Editors' picks shown above the search results (Paramètres > Résultats de recherche mis en
        # avant).
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
    ],
    MODERATORS: [
        "wagtailimages.delete_image",
        "wagtaildocs.delete_document",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "wagtailcore.add_collection",
        "wagtailcore.change_collection",
    ],
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "delete_page",
]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def declared_permissions() -> dict[str, set[str]]:
    """{group name: {"app_label.codename"}}: the site's and every installed app's declarations,
    moderators with the editors' permissions added."""
    declared = {
        EDITORS: set(SITE_PERMISSIONS[EDITORS]),
        MODERATORS: set(SITE_PERMISSIONS[MODERATORS]),
    }
    for app_config in apps.get_app_configs():
        # The project's apps only: an installed package's `permissions` module is its own business.
        if Path(app_config.path).is_relative_to(sys.prefix):
            continue
        if not module_has_submodule(app_config.module, "permissions"):
            continue
        module = import_module(f"{app_config.name}.permissions")
        for group, codes in getattr(module, "GROUP_PERMISSIONS", {}).items():
            declared.setdefault(group, set()).update(codes)
    declared[MODERATORS] |= declared[EDITORS]
    for group in NETWORK_GROUPS:
        declared.setdefault(group, set())
    return declared


def _group(names):
    for name in names:
        group = Group.objects.filter(name=name).first()
        if group:
            return group
    return Group.objects.create(name=names[0])


def _permissions(codes):
    found = []
    for code in codes:
        app_label, codename = code.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            found.append(permission)
    return found


@transaction.atomic
def configure_editor_groups():
    """Create or update the two editor groups, their rights, and the moderation workflow."""
    from wagtail.models import (
        Collection,
        GroupApprovalTask,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    editors = _group([EDITORS, "Editors"])
    moderators = _group([MODERATORS, "Moderators"])
    editors.name, moderators.name = EDITORS, MODERATORS
    editors.save()
    moderators.save()

    declared = declared_permissions()
    editors.permissions.set(_permissions(sorted(declared[EDITORS])))
    moderators.permissions.set(_permissions(sorted(declared[MODERATORS])))
    # The network's groups (core.network) and any other group an app declares: created if missing,
    # given exactly what the apps declare for them (no admin access unless an app gives it).
    for name, codes in declared.items():
        if name in (EDITORS, MODERATORS):
            continue
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(sorted(codes)))

    root = Page.get_first_root_node()
    if root is None:
        return editors, moderators
    for group, codenames in (
        (editors, EDITOR_PAGE_PERMISSIONS),
        (moderators, MODERATOR_PAGE_PERMISSIONS),
    ):
        GroupPagePermission.objects.filter(group=group).exclude(
            permission__codename__in=codenames
        ).delete()
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)

    collection = Collection.get_first_root_node()
    if collection is not None:
        for group in (editors, moderators):
            for app_label, codenames in COLLECTION_PERMISSIONS.items():
                extra = ["delete_" + codenames[0].split("_")[1]] if group == moderators else []
                for permission in Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames + extra
                ):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=collection, permission=permission
                    )

    task = GroupApprovalTask.objects.filter(active=True, groups=moderators).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=str(WORKFLOW_NAME))
        task.groups.set([moderators])
    task.name = WORKFLOW_NAME
    task.save()
    workflow = Workflow.objects.filter(workflow_tasks__task=task, active=True).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    workflow.name = WORKFLOW_NAME
    workflow.save()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return editors, moderators
