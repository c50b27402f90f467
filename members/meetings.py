"""The log of meetings with buyers: who sees which meeting, the form, the follow-up reminders.

A meeting is seen by its participants, by the members covering its territory, and by the
coordination team; another's answers 404."""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from core import reference
from core.network import NETWORK, membership

from .buyers import BuyerChoiceMixin, buyer_choice_field
from .models import BuyerMeeting


def visible_meetings(user):
    found = membership(user)
    if found is None:
        return BuyerMeeting.objects.none()
    if found.coordination:
        return BuyerMeeting.objects.all()
    return BuyerMeeting.objects.filter(
        Q(participants=user) | Q(created_by=user) | Q(territory_code__in=found.territory_codes)
    ).distinct()


def open_follow_ups(user):
    return (
        BuyerMeeting.objects.filter(participants=user, follow_up_done=False)
        .exclude(follow_up_on=None)
        .order_by("follow_up_on")
    )


class MeetingForm(BuyerChoiceMixin, forms.ModelForm):
    buyer_choice = buyer_choice_field()

    class Meta:
        model = BuyerMeeting
        fields = [
            "buyer_choice",
            "buyer",
            "date",
            "kind",
            "territory_code",
            "participants",
            "topics",
            "outcome",
            "follow_up_on",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "follow_up_on": forms.DateInput(attrs={"type": "date"}),
            "participants": forms.SelectMultiple(attrs={"size": 6}),
        }
        error_messages = {
            "date": {
                "required": _("Indiquez la date de la rencontre."),
                "invalid": _("Indiquez une date valide."),
            },
            "follow_up_on": {"invalid": _("Indiquez une date valide.")},
            "topics": {"required": _("Indiquez les sujets abordés.")},
            "participants": {
                "required": _("Choisissez au moins un participant."),
                "invalid_choice": _("Cette personne n'est pas membre du réseau."),
                "invalid_pk_value": _("Cette personne n'est pas membre du réseau."),
            },
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.setup_buyer()
        self.fields["participants"].queryset = (
            get_user_model()
            .objects.filter(groups__name=NETWORK, is_active=True, network_member__isnull=False)
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["participants"].label_from_instance = lambda person: (
            person.get_full_name() or person.get_username()
        )
        self.fields["territory_code"] = forms.ChoiceField(
            label=_("Territoire"),
            required=False,
            choices=[("", _("— Aucun —"))]
            + [(item.code, item.name) for item in reference.territories()],
            error_messages={"invalid_choice": _("Ce territoire n'existe pas dans l'annuaire.")},
        )
        if not self.instance.pk:
            self.fields["participants"].initial = [user.pk]

    def clean(self):
        cleaned = super().clean()
        day, follow_up = cleaned.get("date"), cleaned.get("follow_up_on")
        if day and follow_up and follow_up < day:
            self.add_error("follow_up_on", _("La relance ne peut pas précéder la rencontre."))
        self.clean_buyer_pair(cleaned)
        return cleaned

    @transaction.atomic
    def save_by(self, user):
        meeting = self.save(commit=False)
        if meeting.created_by_id is None:
            meeting.created_by = user
        meeting.save()
        self.save_m2m()
        return meeting


def send_follow_up_reminders(today=None) -> int:
    """One email to each participant of each meeting whose follow-up is due and not done, once."""
    today = today or datetime.date.today()
    due = (
        BuyerMeeting.objects.filter(follow_up_on__lte=today, follow_up_done=False)
        .filter(reminder_sent_on=None)
        .prefetch_related("participants")
    )
    sent = 0
    for meeting in due:
        with transaction.atomic():
            recipients = [person.email for person in meeting.participants.all() if person.email]
            if recipients:
                body = render_to_string("members/email/follow_up.txt", {"meeting": meeting})
                send_mail(
                    str(_("Relance à faire : %(buyer)s") % {"buyer": meeting.buyer}),
                    body,
                    settings.DEFAULT_FROM_EMAIL,
                    recipients,
                )
                sent += 1
            meeting.reminder_sent_on = today
            meeting.save(update_fields=["reminder_sent_on"])
    return sent


def buyer_meetings(user, structure_id=None, name=None):
    """Every meeting `user` may see with one buyer: a directory's buyer by its id, or a buyer
    written by name (not in the directory), the latest first."""
    meetings = visible_meetings(user)
    if structure_id is not None:
        meetings = meetings.filter(buyer_structure_id=structure_id)
    else:
        meetings = meetings.filter(buyer_structure_id=None, buyer__iexact=name)
    return meetings.prefetch_related("participants").order_by("-date", "-pk")
