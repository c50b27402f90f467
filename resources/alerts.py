"""Search alerts: subscribe a visitor to the current search (through the newsletter app's double
opt-in) and send each confirmed alert the digest of the resources published since its last one."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from newsletter import subscriptions
from newsletter.models import Purpose

from .models import SearchAlert
from .search import read_params, run_search

DIGEST_LIMIT = 30


def subscribe_to_search(
    hub, *, email, frequency, querystring, language, consent_text, ip, description=""
):
    """Record a pending alert and send the confirmation email, which names the search
    (`description`, the search in words); returns the SearchAlert."""
    with transaction.atomic():
        consent = subscriptions.subscribe(
            email,
            purpose=Purpose.ALERT,
            language=language,
            consent_text=consent_text,
            ip=ip,
            send_email=False,
            search=querystring,
            frequency=frequency,
        )
        alert = SearchAlert.objects.create(
            consent=consent, hub=hub, querystring=querystring[:1000], frequency=frequency
        )
    subscriptions.send_confirmation_email(consent, what=description)
    return alert


def active_alerts(frequency):
    """Alerts whose consent is confirmed and not withdrawn, address not suppressed."""
    return SearchAlert.objects.filter(
        frequency=frequency,
        consent__confirmed_at__isnull=False,
        consent__withdrawn_at=None,
        hub__live=True,
    ).select_related("consent__subscriber", "hub")


def new_resources(alert, until):
    params = read_params(QueryDict(alert.querystring), alert.hub.locale)
    params.sort = "date"
    results = run_search(alert.hub, params)
    # The engines filter on first publication; the window is (last digest, now].
    from .models import ResourcePage

    ids = ResourcePage.objects.filter(
        first_published_at__gt=alert.last_sent_at, first_published_at__lte=until
    ).values_list("pk", flat=True)
    wanted = set(ids)
    if not wanted:
        return []
    return [page for page in results[:500] if page.pk in wanted][:DIGEST_LIMIT]


def send_alert(alert, now=None):
    """Send one alert's digest if anything new matches; returns the number of resources sent."""
    now = now or timezone.now()
    subscriber = alert.consent.subscriber
    if subscriptions.is_suppressed(subscriber.email):
        return 0
    resources = new_resources(alert, now)
    if resources:
        with translation.override(subscriber.language):
            search_url = subscriptions.absolute_url(
                alert.hub.url + (f"?{alert.querystring}" if alert.querystring else "")
            )
            context = {
                "resources": [(page, subscriptions.absolute_url(page.url)) for page in resources],
                "search_url": search_url,
                "hub": alert.hub,
                "preferences_url": subscriptions.preferences_url(subscriber),
                "unsubscribe_url": subscriptions.unsubscribe_url(subscriber),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            message = EmailMultiAlternatives(
                subject=_("%(count)s nouvelle(s) ressource(s) pour votre recherche — %(site)s")
                % {"count": len(resources), "site": settings.WAGTAIL_SITE_NAME},
                body=render_to_string("resources/email/alert.txt", context),
                from_email=settings.NEWSLETTER_FROM_EMAIL,
                to=[subscriber.email],
                headers=subscriptions.list_unsubscribe_headers(subscriber),
            )
            message.attach_alternative(
                render_to_string("resources/email/alert.html", context), "text/html"
            )
        message.send()
    SearchAlert.objects.filter(pk=alert.pk).update(last_sent_at=now)
    return len(resources)
