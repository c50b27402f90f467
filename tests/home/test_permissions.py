"""Editor groups after migrate, what each can do in the Wagtail admin, and a real moderation workflow."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from core.permissions import EDITORS, MODERATORS, WORKFLOW_NAME, configure_editor_groups

PASSWORD = "un mot de passe assez long"


@pytest.fixture
def make_user(django_user_model):
    def make(username, group_name):
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, email=f"{username}@example.org"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def editor(make_user, home_page):
    return make_user("redactrice", EDITORS)


@pytest.fixture
def moderator(make_user, home_page):
    return make_user("moderateur", MODERATORS)


def edit_form_data(page, action, **changes):
    """What the admin's edit form posts for a content page, with `action` as the button pressed."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body": streamfield([("paragraph", rich_text("<p>Un texte relu.</p>"))]),
        "seo_title": "",
        "search_description": "",
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
        action: "1",
    }
    data.update(changes)
    return nested_form_data(data)


def test_editor_group_exists_after_migrate(db):
    assert Group.objects.filter(name=EDITORS).exists()


def test_moderator_group_exists_after_migrate(db):
    assert Group.objects.filter(name=MODERATORS).exists()


def test_wagtail_default_groups_are_renamed_not_duplicated(db):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_moderation_workflow_exists_after_migrate(db):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    [task] = workflow.tasks
    assert list(task.specific.groups.values_list("name", flat=True)) == [MODERATORS]


def test_configuring_the_groups_twice_changes_nothing(db):
    configure_editor_groups()
    configure_editor_groups()
    assert Group.objects.filter(name=EDITORS).count() == 1
    assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1


def test_site_pages_follow_the_moderation_workflow(content_page):
    assert content_page.get_workflow().name == WORKFLOW_NAME


def test_editor_can_log_into_the_admin(client, editor):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": "redactrice", "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.context["user"] == editor
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")


def test_editor_can_open_the_edit_view_of_a_page(client, editor, content_page):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[content_page.pk]))
    assert response.status_code == 200


def test_editor_may_edit_but_not_publish(editor, content_page):
    permissions = content_page.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_delete()


def test_moderator_may_publish_and_delete(moderator, content_page):
    permissions = content_page.permissions_for_user(moderator)
    assert permissions.can_publish()
    assert permissions.can_delete()


def test_editor_publish_button_does_not_publish(client, editor, content_page):
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[content_page.pk]),
        edit_form_data(content_page, "action-publish", title="Titre modifié"),
    )
    page = Page.objects.get(pk=content_page.pk)
    assert page.title == "Les marchés réservés"
    # The change is kept as a draft, so the form was accepted.
    assert page.get_latest_revision_as_object().title == "Titre modifié"


def test_editor_submission_starts_the_moderation_workflow(client, editor, content_page):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[content_page.pk]),
        edit_form_data(content_page, "action-submit", title="Titre relu"),
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(content_page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    # The live page is unchanged until a moderator approves.
    assert Page.objects.get(pk=content_page.pk).title == "Les marchés réservés"


def test_moderator_approval_in_the_admin_publishes_the_page(
    client, editor, moderator, content_page, verified_login
):
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[content_page.pk]),
        edit_form_data(content_page, "action-submit", title="Titre relu"),
    )
    task_state = WorkflowState.objects.get(object_id=str(content_page.pk)).current_task_state
    verified_login(client, moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[content_page.pk, "approve", task_state.pk]
        ),
        {"comment": "Relu, merci."},
    )
    assert response.status_code in {200, 302}
    page = Page.objects.get(pk=content_page.pk)
    assert page.live
    assert page.title == "Titre relu"


def test_workflow_run_by_editor_and_moderator_publishes_the_revision(
    editor, moderator, content_page
):
    content_page.title = "Titre soumis"
    revision = content_page.save_revision(user=editor)
    workflow = content_page.get_workflow()
    state = workflow.start(content_page, editor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Page.objects.get(pk=content_page.pk).title == "Les marchés réservés"

    task_state = state.current_task_state
    task = task_state.task.specific
    assert [action[0] for action in task.get_actions(content_page, moderator)][:1] == ["reject"]
    assert task.get_actions(content_page, editor) == []
    task.on_action(task_state, moderator, "approve")

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    page = Page.objects.get(pk=content_page.pk)
    assert page.title == "Titre soumis"
    assert page.live_revision_id == revision.pk


def test_editor_is_offered_no_action_on_the_moderation_task(editor, content_page):
    content_page.save_revision(user=editor)
    state = content_page.get_workflow().start(content_page, editor)
    assert state.current_task_state.task.specific.get_actions(content_page, editor) == []


def contact_settings_url():
    return reverse("wagtailsettings:edit", args=["home", "contactsettings"])


def test_editor_cannot_open_the_site_settings(client, editor):
    client.force_login(editor)
    response = client.get(contact_settings_url(), follow=True)
    final = response.redirect_chain[-1][0] if response.redirect_chain else None
    assert response.status_code == 403 or final == reverse("wagtailadmin_home")


def test_editor_cannot_change_the_site_settings(client, editor):
    from home.models import ContactSettings

    client.force_login(editor)
    client.post(
        contact_settings_url(), {"organisation": "Piratée", "phone": "", "email": ""}, follow=True
    )
    assert ContactSettings.load().organisation != "Piratée"


def test_moderator_can_open_the_site_settings(client, moderator, verified_login):
    verified_login(client, moderator)
    response = client.get(contact_settings_url(), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [] or "contactsettings" in response.redirect_chain[-1][0]


def test_only_moderators_may_see_subscribers_and_send_newsletters(db):
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Rédacteurs")
    moderators = Group.objects.get(name="Modérateurs")

    def codes(group):
        return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}

    assert "newsletter.view_subscriber" not in codes(editors)
    assert "newsletter.add_campaignsend" not in codes(editors)
    assert {"newsletter.view_subscriber", "newsletter.add_campaignsend"} <= codes(moderators)
    assert "resources.change_theme" in codes(editors)
