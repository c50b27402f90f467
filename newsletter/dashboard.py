"""The dashboard's panel of sends: what leaves next, and what left last (with its report)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.admin_labels import admin_date_time
from core.dashboard import DashboardListPanel, DashboardRow

from .models import CampaignSend

PANEL_SIZE = 3


def sends_panel(index_url_name: str) -> DashboardListPanel:
    """The next sends (programmed, in progress or paused) then the latest finished ones."""
    sends = CampaignSend.objects.select_related("page")
    upcoming = sends.filter(
        status__in=[
            CampaignSend.Status.SCHEDULED,
            CampaignSend.Status.SENDING,
            CampaignSend.Status.PAUSED,
        ]
    ).order_by("scheduled_at")[:PANEL_SIZE]
    finished = sends.filter(status=CampaignSend.Status.DONE).order_by("-finished_at")[:PANEL_SIZE]
    rows = [
        DashboardRow(
            label=send.page.title,
            url=reverse("newsletter_send_report", args=[send.pk]),
            detail=_("%(state)s, prévu le %(date)s")
            % {"state": send.get_status_display(), "date": admin_date_time(send.scheduled_at)},
        )
        for send in upcoming
    ] + [
        DashboardRow(
            label=send.page.title,
            url=reverse("newsletter_send_report", args=[send.pk]),
            detail=_("envoyé le %(date)s") % {"date": admin_date_time(send.finished_at)},
        )
        for send in finished
    ]
    return DashboardListPanel(
        "newsletter-sends",
        _("Envois de la lettre d'information"),
        rows,
        _("Aucun envoi programmé ni terminé."),
        more_url=reverse(index_url_name),
        more_label=_("Tous les envois"),
        order=310,
    )
