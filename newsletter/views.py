"""Public views: subscribe (double opt-in), confirm, preferences, unsubscribe, and the RFC 8058
one-click endpoint that mailbox providers POST to."""

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.ratelimit import client_ip, rate_limited

from . import subscriptions
from .forms import CONSENT_TEXT, PreferencesForm, SubscribeForm
from .models import Purpose


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "POST":
        if subscriptions.subscribe_rate_limited(request):
            return rate_limited(request)
        form = SubscribeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            subscriptions.subscribe(
                data["email"],
                purpose=Purpose.NEWSLETTER,
                language=translation.get_language() or settings.LANGUAGE_CODE,
                consent_text=str(CONSENT_TEXT),
                ip=client_ip(request),
                audiences=list(data["audiences"]),
                name=data["name"],
                organisation=data["organisation"],
                territory=data["territory"],
            )
            return redirect("newsletter:subscribe_done")
        status = 400
    else:
        form = SubscribeForm()
        status = 200
    return render(
        request,
        "newsletter/subscribe.html",
        {"form": form, "consent_text": CONSENT_TEXT},
        status=status,
    )


def subscribe_done(request):
    return render(request, "newsletter/subscribe_done.html")


def _invalid_link(request, outdated=False):
    return render(
        request,
        "newsletter/invalid_link.html",
        {"outdated": outdated},
        status=410 if outdated else 404,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that follow links do not subscribe anyone."""
    try:
        consent = subscriptions.consent_from_token(token)
        if consent.withdrawn_at or not consent.confirmed_at:
            subscriptions.check_confirmable(consent)
    except subscriptions.OutdatedConfirmation:
        return _invalid_link(request, outdated=True)
    except subscriptions.InvalidToken:
        return _invalid_link(request)
    if request.method == "POST":
        try:
            consent = subscriptions.confirm(token)
        except subscriptions.OutdatedConfirmation:
            return _invalid_link(request, outdated=True)
        return render(
            request,
            "newsletter/confirmed.html",
            {
                "consent": consent,
                "preferences_url": subscriptions.preferences_url(consent.subscriber),
            },
        )
    return render(request, "newsletter/confirm.html", {"consent": consent})


@never_cache  # the page shows the person's address and profile: no shared cache keeps it
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    try:
        subscriber = subscriptions.subscriber_from_token(token)
    except subscriptions.InvalidToken:
        return _invalid_link(request)
    saved = False
    status = 200
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            subscriptions.update_preferences(
                subscriber,
                audiences=data["audiences"],
                name=data["name"],
                organisation=data["organisation"],
                territory=data["territory"],
            )
            saved = True
        else:
            status = 400
    else:
        form = PreferencesForm(
            initial={
                "audiences": list(subscriber.audiences.all()),
                "name": subscriber.name,
                "organisation": subscriber.organisation,
                "territory": subscriber.territory,
            }
        )
    return render(
        request,
        "newsletter/preferences.html",
        {
            "form": form,
            "subscriber": subscriber,
            "subscribed": subscriber.is_subscribed(Purpose.NEWSLETTER),
            "saved": saved,
            "token": token,
        },
        status=status,
    )


@never_cache  # the page shows the person's address and profile: no shared cache keeps it
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows the button (link checkers follow links), POST unsubscribes."""
    try:
        subscriber = subscriptions.subscriber_from_token(token)
    except subscriptions.InvalidToken:
        return _invalid_link(request)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber, purpose=Purpose.NEWSLETTER)
        return render(
            request,
            "newsletter/unsubscribed.html",
            {"preferences_url": subscriptions.preferences_url(subscriber)},
        )
    return render(
        request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "token": token}
    )


@never_cache
@require_POST
def request_erasure(request, token):
    """The preferences page's "Effacer mes données": the erasure waits for the link emailed to the
    address, so that someone holding a forwarded newsletter cannot erase its reader."""
    try:
        subscriber = subscriptions.subscriber_from_token(token)
    except subscriptions.InvalidToken:
        return _invalid_link(request)
    subscriptions.send_erasure_email(subscriber)
    return render(request, "newsletter/erasure_requested.html", {"email": subscriber.email})


@never_cache
@require_http_methods(["GET", "POST"])
def erase(request, token):
    """GET shows the button (mail scanners follow links), POST erases."""
    try:
        subscriber = subscriptions.subscriber_from_erasure_token(token)
    except subscriptions.InvalidToken:
        return _invalid_link(request)
    if request.method == "POST":
        subscriptions.erase(subscriber)
        return render(request, "newsletter/erased.html")
    return render(request, "newsletter/erase.html", {"subscriber": subscriber, "token": token})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def one_click_unsubscribe(request, token):
    """RFC 8058: the mailbox provider POSTs `List-Unsubscribe=One-Click` here, without cookies or
    CSRF token; a person who opens the address in a browser gets the page with the button."""
    try:
        subscriber = subscriptions.subscriber_from_token(token)
    except subscriptions.InvalidToken:
        if request.method == "POST":
            return HttpResponseBadRequest("invalid token", content_type="text/plain")
        return _invalid_link(request)
    if request.method == "GET":
        with translation.override(subscriber.language):
            return redirect(subscriptions.unsubscribe_url(subscriber))
    subscriptions.unsubscribe(subscriber, purpose=Purpose.NEWSLETTER)
    return HttpResponse("unsubscribed", content_type="text/plain")


def english_legacy_redirect(request, rest):
    """/en/lettre/<French path>: the addresses English subscribers were sent before the newsletter's
    pages had English paths (/en/newsletter/...). A confirmation, preferences or unsubscribe link
    in an email already sent must keep working: 301 to the same page at its English address (query
    kept); anything that is not one of the newsletter's pages is a 404."""
    with translation.override("fr"):
        try:
            match = resolve("/lettre/" + rest)
        except Resolver404:
            raise Http404 from None
    if match.namespace != "newsletter":
        raise Http404
    with translation.override("en"):
        target = reverse(f"newsletter:{match.url_name}", kwargs=match.kwargs)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
