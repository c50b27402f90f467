"""Submitting a translation for moderation: wagtail-localize's translation editor only offers
"Publier" (to those who may publish) and "Supprimer"; a translator of the Rédacteurs group saves
the translation as a draft and starts the page's moderation workflow from here."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.models import Page
from wagtail_localize.models import Translation


def page_translation(page):
    """The enabled wagtail-localize translation that writes `page`, or None (a source page, or a
    translation edited by hand)."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


def can_submit_translation(page, user) -> bool:
    """Whether `user` may submit the translation `page` for moderation: they may edit it, it is
    written by a translation, it has a moderation workflow and is not already in it."""
    # The cheapest test first: the page listing asks for every row (one query for a source page).
    return (
        page_translation(page) is not None
        and page.permissions_for_user(user).can_edit()
        and not page.workflow_in_progress
        and page.get_workflow() is not None
    )


@require_http_methods(["GET", "POST"])
def submit_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_submit_translation(page, request.user):
        raise PermissionDenied
    if request.method == "POST":
        translation = page_translation(page)
        with transaction.atomic():
            translation.save_target(user=request.user, publish=False)
            page.refresh_from_db()
            page.get_workflow().start(page, request.user)
        messages.success(
            request,
            _("La traduction « %(title)s » est soumise à la modération.") % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "home/admin/submit_translation.html",
        {
            "page": page,
            "workflow": page.get_workflow(),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )
