"""The hub's search alerts (core.alerts): subscribe a visitor to the current search through the
newsletter app's double opt-in, and give core what it needs to send each confirmed alert the digest
of the resources published since its last one."""

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from core.alerts import AlertSource
from newsletter import subscriptions

from .models.alerts import SearchAlert
from .models.pages import ResourcePage
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
            purpose=subscriptions.Purpose.ALERT,
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
    """Alerts whose consent is confirmed and not withdrawn, on a live hub."""
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
    ids = ResourcePage.objects.filter(
        first_published_at__gt=alert.last_sent_at, first_published_at__lte=until
    ).values_list("pk", flat=True)
    wanted = set(ids)
    if not wanted:
        return []
    return [page for page in results[:500] if page.pk in wanted][:DIGEST_LIMIT]


def alert_context(alert, resources):
    search_url = subscriptions.absolute_url(
        alert.hub.url + (f"?{alert.querystring}" if alert.querystring else "")
    )
    return {
        "resources": [(page, subscriptions.absolute_url(page.url)) for page in resources],
        "search_url": search_url,
        "hub": alert.hub,
    }


def alert_subject(count):
    return _("%(count)s nouvelle(s) ressource(s) pour votre recherche — %(site)s") % {
        "count": count,
        "site": settings.WAGTAIL_SITE_NAME,
    }


ALERT_SOURCE = AlertSource(
    model=SearchAlert,
    active=active_alerts,
    new_items=new_resources,
    recipient=lambda alert: subscriptions.recipient(alert.consent),
    context=alert_context,
    subject=alert_subject,
    template="resources/email/alert",
)
