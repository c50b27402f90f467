"""Saved-search email alerts, a facility any app's search can offer ("alert me on this search").

An app that offers alerts keeps its own alert model (a subclass of `SavedSearchAlert`, with the
consent it was given under and what it searches) and registers an `AlertSource` in its
`AppConfig.ready()`:

    register_alert_source(AlertSource(
        model=SearchAlert, active=active_alerts, new_items=new_resources,
        recipient=lambda alert: subscriptions.recipient(alert.consent),
        context=alert_context, subject=alert_subject, template="resources/email/alert",
    ))

`manage.py send_search_alerts --frequency daily|weekly` (cron or a systemd timer) then sends every
source's due alerts. The consent, its double opt-in and the unsubscribe links are the newsletter
app's (`newsletter.subscriptions`); the source gives them through `recipient`, so that core depends
on no app."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.forms import EmailAddressField, HoneypotMixin
from core.models import AlertFrequency, SavedSearchAlert


class SearchAlertForm(HoneypotMixin, forms.Form):
    """The visitor's address and the frequency, for the search carried in the hidden `search` field."""

    honeypot_message = _(
        "Votre alerte n'a pas été enregistrée : le champ « Site web », réservé à la "
        "détection des robots, doit rester vide."
    )

    email = EmailAddressField()
    frequency = forms.ChoiceField(
        label=_("Fréquence"),
        choices=AlertFrequency.choices,
        initial=AlertFrequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    search = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


@dataclass(frozen=True)
class AlertSource:
    """What core needs to send one app's alerts.

    - `model`: the app's SavedSearchAlert subclass;
    - `active(frequency)`: a queryset of the alerts of that frequency whose consent holds;
    - `new_items(alert, until)`: what the alert's search finds, published in (last_sent_at, until];
    - `recipient(alert)`: an object with `email`, `language`, `preferences_url`, `unsubscribe_url`,
      `headers` and `suppressed` (newsletter.subscriptions.recipient gives one);
    - `context(alert, items)`: the email template's own context;
    - `subject(count)`: the email's subject;
    - `template`: the templates' name without extension (`.txt` and `.html` are rendered)."""

    model: type[SavedSearchAlert]
    active: Callable[[str], models.QuerySet]
    new_items: Callable[[SavedSearchAlert, datetime], list]
    recipient: Callable[[SavedSearchAlert], object]
    context: Callable[[SavedSearchAlert, list], dict]
    subject: Callable[[int], str]
    template: str


_SOURCES: dict[type, AlertSource] = {}


def register_alert_source(source: AlertSource) -> None:
    """Offer alerts on `source.model`'s searches; registering the same model again replaces it."""
    _SOURCES[source.model] = source


def alert_sources() -> list[AlertSource]:
    return list(_SOURCES.values())


def send_alert(alert: SavedSearchAlert, now: datetime | None = None) -> int:
    """Send one alert's digest if anything new matches; returns the number of items sent. The alert
    moves on to `now` either way, so that an item is never sent twice."""
    source = _SOURCES[type(alert)]
    now = now or timezone.now()
    recipient = source.recipient(alert)
    if recipient.suppressed:
        return 0
    items = source.new_items(alert, now)
    if items:
        with translation.override(recipient.language):
            context = {
                "preferences_url": recipient.preferences_url,
                "unsubscribe_url": recipient.unsubscribe_url,
                "site_name": settings.WAGTAIL_SITE_NAME,
                **source.context(alert, items),
            }
            message = EmailMultiAlternatives(
                subject=source.subject(len(items)),
                body=render_to_string(f"{source.template}.txt", context),
                from_email=settings.NEWSLETTER_FROM_EMAIL,
                to=[recipient.email],
                headers=recipient.headers,
            )
            message.attach_alternative(
                render_to_string(f"{source.template}.html", context), "text/html"
            )
        message.send()
    type(alert).objects.filter(pk=alert.pk).update(last_sent_at=now)
    return len(items)


def due_alerts(frequency: str) -> Iterable[SavedSearchAlert]:
    """Every source's active alerts of `frequency`."""
    for source in _SOURCES.values():
        yield from source.active(frequency).iterator()
