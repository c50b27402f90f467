"""The watch's search alerts (core.alerts): subscribe a visitor to the current search through the
newsletter app's double opt-in, and give core what it needs to send each confirmed alert the digest
of the notices that came into the watch since its last one (new notices, not rectifications)."""

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.alerts import AlertSource
from newsletter import subscriptions

from .models.alerts import WatchAlert
from .models.notices import ConsiderationKind, ContractKind, Notice
from .search import (
    DEADLINES,
    FILTER_LABELS,
    PERIODS,
    SOCIAL,
    read_params,
    run_search,
    territory_label,
)

DIGEST_LIMIT = 30

ALERT_CONSENT_TEXT = gettext_lazy(
    "J'accepte de recevoir par courriel les nouveaux avis de marché qui correspondent à cette "
    "recherche, à la fréquence choisie. Je peux me désinscrire à tout moment par le lien présent "
    "dans chaque courriel. Mon adresse n'est utilisée que pour cet envoi et n'est jamais cédée."
)


def describe_search(params):
    """The search in words: « nettoyage » ; Type de marché : Services ; Marché réservé : oui."""
    labels = {
        "type": lambda value: ContractKind(value).label,
        "echeance": DEADLINES.get,
        "social": SOCIAL.get,
        "forme": lambda value: ConsiderationKind(value).label,
        "reserve": lambda value: _("oui"),
        "publie": PERIODS.get,
        "acheteur": lambda value: value,
        "territoire": lambda value: territory_label(value, params.territories),
    }
    parts = [_("« %(query)s »") % {"query": params.query}] if params.query else []
    for name, value in params.filters.items():
        parts.append(
            _("%(filter)s : %(value)s")
            % {"filter": FILTER_LABELS[name], "value": labels[name](value)}
        )
    return _(" ; ").join(str(part) for part in parts) or _("tous les avis de la veille")


def subscribe_to_search(
    watch, *, email, frequency, querystring, language, consent_text, ip, description=""
):
    """Record a pending alert and send the confirmation email, which names the search
    (`description`); returns the WatchAlert."""
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
        alert = WatchAlert.objects.create(
            consent=consent, watch=watch, querystring=querystring[:1000], frequency=frequency
        )
    subscriptions.send_confirmation_email(consent, what=description)
    return alert


def active_alerts(frequency):
    """Alerts whose consent is confirmed and not withdrawn, on a live watch page."""
    return WatchAlert.objects.filter(
        frequency=frequency,
        consent__confirmed_at__isnull=False,
        consent__withdrawn_at=None,
        watch__live=True,
    ).select_related("consent__subscriber", "watch")


def new_notices(alert, until):
    """The alert's search, restricted to the notices imported in (last digest, until]."""
    params = read_params(QueryDict(alert.querystring))
    results = run_search(params)
    if hasattr(results, "filter") and not params.query:
        return list(
            results.filter(imported_at__gt=alert.last_sent_at, imported_at__lte=until)[
                :DIGEST_LIMIT
            ]
        )
    # With words the results are ranked ids: the window is read apart, then intersected.
    wanted = set(
        Notice.objects.filter(
            imported_at__gt=alert.last_sent_at, imported_at__lte=until
        ).values_list("pk", flat=True)
    )
    if not wanted:
        return []
    return [notice for notice in list(results)[:500] if notice.pk in wanted][:DIGEST_LIMIT]


def alert_context(alert, notices):
    watch_url = alert.watch.url
    search_url = subscriptions.absolute_url(
        watch_url + (f"?{alert.querystring}" if alert.querystring else "")
    )
    return {
        "notices": [
            (notice, subscriptions.absolute_url(f"{watch_url}avis/{notice.idweb}/"))
            for notice in notices
        ],
        "search_url": search_url,
        "watch": alert.watch,
    }


def alert_subject(count):
    return _("%(count)s nouvel(s) avis de marché pour votre recherche — %(site)s") % {
        "count": count,
        "site": settings.WAGTAIL_SITE_NAME,
    }


ALERT_SOURCE = AlertSource(
    model=WatchAlert,
    active=active_alerts,
    new_items=new_notices,
    recipient=lambda alert: subscriptions.recipient(alert.consent),
    context=alert_context,
    subject=alert_subject,
    template="tenders/email/alert",
)
