"""The watch's views, served by WatchPage's routes: the filterable list of notices and each notice's
page with its analysis and the link to the official notice."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    QueryDict,
)
from django.shortcuts import resolve_url
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from core.alerts import SearchAlertForm
from core.pagination import paginate
from core.ratelimit import client_ip, rate_limited
from newsletter import subscriptions

from .alerts import ALERT_CONSENT_TEXT, describe_search, subscribe_to_search
from .buyers import buyers_csv
from .buyers import buyers_to_meet as buyer_rows
from .feeds import WatchFeed
from .models.followups import NoticeAssignment, NoticeFollow, NoticeNote
from .models.notices import Notice, NoticeState
from .network import (
    can_assign,
    facilitator_choices,
    facilitators,
    is_member,
    member_territories,
    notice_context,
)
from .search import PAGE_SIZE, CountedResults, facet_counts, read_params, run_search
from .territories import TerritoryIndex, territories_q, territory_name, territory_q

SAFE_METHODS = ("GET", "HEAD")


def watch(request, page):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    params = read_params(request.GET)
    results = run_search(params)
    facets = facet_counts(params, results)
    listed = CountedResults(results, facets.total) if isinstance(results, QuerySet) else results
    results_page = paginate(listed, params.page, params.messages, PAGE_SIZE)
    context = page.get_context(request)
    context.update(
        {
            "params": params,
            "search_query": params.query,
            "results_page": results_page,
            "notices": list(results_page),
            "facets": facets,
            "search_messages": params.messages,
            "base_query": params.querystring(),
            "now": timezone.now(),
        }
    )
    return TemplateResponse(request, page.template, context)


def feed(request, page):
    """The Atom feed of the search in the query string."""
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    return WatchFeed()(request, page)


def notice_detail(request, page, idweb):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    notice = Notice.objects.filter(idweb=idweb).prefetch_related("events").first()
    if notice is None:
        raise Http404(_("Cet avis n'est pas dans la veille."))
    context = page.get_context(request)
    context.update(
        {
            "notice": notice,
            "events": list(notice.events.all()),
            "is_open": notice.deadline is not None
            and notice.deadline >= timezone.now()
            and notice.state != NoticeState.CANCELLED,
            "network": notice_context(notice, request.user),
            "territory_name": territory_name(notice.commune_code),
        }
    )
    response = TemplateResponse(request, "tenders/notice.html", context)
    # The network's follow-up is for members: their page is never kept by a shared cache.
    patch_vary_headers(response, ["Cookie"])
    if context["network"] is not None:
        patch_cache_control(response, private=True)
    return response


NOTE_MAX_LENGTH = 2000


def notice_followup(request, page, idweb, action):
    """POST from a member: follow or stop following (`suivre`), add a note (`note`), assign to a
    facilitator (`attribuer`); back to the notice's page with a French message."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not is_member(request.user):
        raise PermissionDenied(_("Réservé aux membres du réseau des facilitateurs."))
    notice = Notice.objects.filter(idweb=idweb).first()
    if notice is None:
        raise Http404(_("Cet avis n'est pas dans la veille."))
    user = request.user
    if action == "suivre":
        follow, created = NoticeFollow.objects.get_or_create(notice=notice, user=user)
        if created:
            messages.success(request, _("Vous suivez cet avis."))
        else:
            follow.delete()
            messages.success(request, _("Vous ne suivez plus cet avis."))
    elif action == "note":
        text = " ".join(request.POST.get("text", "").split())
        if not text:
            messages.error(request, _("La note est vide : écrivez quelques mots."))
        elif len(text) > NOTE_MAX_LENGTH:
            messages.error(
                request,
                _("La note dépasse %(n)d caractères : raccourcissez-la.") % {"n": NOTE_MAX_LENGTH},
            )
        else:
            NoticeNote.objects.create(notice=notice, author=user, text=text)
            messages.success(request, _("Note ajoutée."))
    elif action == "attribuer":
        if not can_assign(user):
            raise PermissionDenied(
                _("Seuls les facilitateurs et la coordination attribuent un avis.")
            )
        chosen = request.POST.get("facilitator", "")
        local, others = facilitator_choices(notice, user)
        facilitator = next((f for f in local + others if str(f.pk) == chosen), None)
        if chosen == "":
            NoticeAssignment.objects.filter(notice=notice).delete()
            messages.success(request, _("L'avis n'est plus attribué."))
        elif facilitator is None and any(str(f.pk) == chosen for f in facilitators()):
            messages.error(
                request,
                _(
                    "Ce facilitateur ne couvre pas le territoire de cet avis : choisissez-en "
                    "un dans la liste ou demandez à la coordination."
                ),
            )
        elif facilitator is None:
            messages.error(
                request, _("Ce facilitateur n'existe pas : choisissez-en un dans la liste.")
            )
        else:
            NoticeAssignment.objects.update_or_create(
                notice=notice, defaults={"facilitator": facilitator, "assigned_by": user}
            )
            NoticeFollow.objects.get_or_create(notice=notice, user=facilitator)
            messages.success(
                request,
                _("Avis attribué à %(name)s.")
                % {"name": facilitator.get_full_name() or facilitator.get_username()},
            )
    else:
        raise Http404(_("Cette action n'existe pas."))
    return HttpResponseRedirect(f"{page.url}avis/{notice.idweb}/#suivi")


def search_alert(request, page):
    """GET: the alert form for the search in the URL; POST: subscribe (double opt-in)."""
    if request.method not in (*SAFE_METHODS, "POST"):
        return HttpResponseNotAllowed([*SAFE_METHODS, "POST"])
    status = 200
    done = False
    if request.method == "POST":
        if subscriptions.subscribe_rate_limited(request):
            return rate_limited(request)
        form = SearchAlertForm(request.POST)
        params = read_params(QueryDict(request.POST.get("search", "")[:1000]))
        if form.is_valid():
            params = read_params(QueryDict(form.cleaned_data["search"]))
            subscribe_to_search(
                page,
                email=form.cleaned_data["email"],
                frequency=form.cleaned_data["frequency"],
                querystring=params.querystring(),
                language=translation.get_language() or settings.LANGUAGE_CODE,
                consent_text=str(ALERT_CONSENT_TEXT),
                ip=client_ip(request),
                description=str(describe_search(params)),
            )
            done = True
        else:
            status = 400
    else:
        params = read_params(request.GET)
        form = SearchAlertForm(initial={"search": params.querystring()})
    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "params": params,
            "done": done,
            "consent_text": ALERT_CONSENT_TEXT,
            "search_description": describe_search(params),
            "search_messages": params.messages,
        }
    )
    return TemplateResponse(request, "tenders/search_alert.html", context, status=status)


ALL_TERRITORIES = "tous"


def buyers_to_meet(request, page):
    """ "Les acheteurs à rencontrer" for the network's members: the buyers of a territory (by
    default the member's own) with notices above the EU thresholds and no social consideration;
    `?format=csv` exports them. Anonymous visitors are sent to the members' sign-in, anyone else
    gets a 404: the page does not exist for the public."""
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    if not request.user.is_authenticated:
        return redirect_to_login(
            request.get_full_path(), resolve_url(settings.WAGTAIL_FRONTEND_LOGIN_URL)
        )
    if not is_member(request.user):
        raise Http404(_("Cette page est réservée aux membres du réseau des facilitateurs."))
    index = TerritoryIndex.load()
    own = sorted(member_territories(request.user))
    own_names = [index.names[code] for code in own if code in index.names]
    chosen = " ".join(request.GET.get("territoire", "").split())[:20]
    problems = []
    if chosen and chosen != ALL_TERRITORIES and chosen not in index.names:
        problems.append(
            _(
                "Le territoire « %(value)s » n'est ni une commune ni une "
                "intercommunalité de l'Hérault : vos territoires sont affichés."
            )
            % {"value": chosen}
        )
        chosen = ""
    if chosen == ALL_TERRITORIES or (not chosen and not own_names):
        where, chosen, scope = None, ALL_TERRITORIES, _("tout l'Hérault")
    elif chosen:
        where, scope = territory_q(chosen, index), index.names[chosen]
    else:
        where, scope = territories_q(own, index), ", ".join(own_names)
    rows = buyer_rows(where, with_notices=request.GET.get("format") != "csv")
    if request.GET.get("format") == "csv":
        response = HttpResponse(buyers_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="acheteurs-a-rencontrer.csv"'
    else:
        context = page.get_context(request)
        context.update(
            {
                "rows": rows,
                "scope": scope,
                "chosen": chosen,
                "own_names": own_names,
                "all_value": ALL_TERRITORIES,
                "epcis": index.epcis,
                "communes": index.communes,
                "search_messages": problems,
                "csv_query": urlencode({"territoire": chosen, "format": "csv"})
                if chosen
                else "format=csv",
            }
        )
        response = TemplateResponse(request, "tenders/buyers.html", context)
    patch_vary_headers(response, ["Cookie"])
    patch_cache_control(response, private=True, no_store=True)
    return response
