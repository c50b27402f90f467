"""The admin as the site's editors use it: the sidebar's long French labels, the dashboard's
panel of the latest contact messages, and the submission of a translation for moderation."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_forms_for_user

from core.admin_labels import admin_date_time
from core.dashboard import DashboardListPanel, DashboardRow

from . import admin_views
from .admin_views import can_submit_translation
from .models import ContactPage

CONTACT_PANEL_SIZE = 5


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/admin/admin.css"))


@hooks.register("construct_homepage_panels")
def contact_messages_panel(request, panels):
    pages = get_forms_for_user(request.user).type(ContactPage)
    if not pages.exists():
        return
    submissions = (
        FormSubmission.objects.filter(page__in=pages)
        .select_related("page")
        .order_by("-submit_time")[:CONTACT_PANEL_SIZE]
    )
    rows = [
        DashboardRow(
            label=submission.get_data().get("nom") or _("Message sans nom"),
            url=reverse("wagtailforms:list_submissions", args=[submission.page_id]),
            detail=admin_date_time(submission.submit_time),
        )
        for submission in submissions
    ]
    panels.append(
        DashboardListPanel(
            "contact-messages",
            _("Derniers messages du formulaire de contact"),
            rows,
            _("Aucun message reçu pour l'instant."),
            more_url=reverse("wagtailforms:index"),
            more_label=_("Tous les formulaires et leurs messages"),
            order=320,
        )
    )


@hooks.register("register_admin_urls")
def submit_translation_urls():
    return [
        path(
            "translations/<int:page_id>/soumettre/",
            admin_views.submit_translation,
            name="home_submit_translation",
        )
    ]


def _submit_translation_button(page, user, priority):
    if can_submit_translation(page.specific, user):
        yield Button(
            _("Soumettre la traduction à la modération"),
            reverse("home_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=priority,
        )


# wagtail-localize's translation editor has no place for a button of ours: the submission is in the
# page listing's "..." menu.
@hooks.register("register_page_listing_more_buttons")
def submit_translation_listing_button(page, user, next_url=None):
    yield from _submit_translation_button(page, user, priority=60)
