"""The directory's views, served by DirectoryPage's routes: the list and map of the actors, "qui peut
m'aider ?" by commune, the communes offered while typing, the map's points and each actor's page."""

import json

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.pagination import paginate
from core.ratelimit import over_limit, rate_limited

from . import corrections, lookup
from .forms import CorrectionForm, privacy_notice
from .maps import allow_map_tiles, map_tiles
from .models.actors import Actor, ActorKind
from .models.territories import Commune
from .search import PAGE_SIZE, facet_counts, read_params, run_search

MAP_POINTS_LIMIT = 2000
# The other actors listed under the facilitators; the link to the filtered list shows them all.
OTHERS_SHOWN = 30
SAFE_METHODS = ("GET", "HEAD")


def _only_get(request):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    return None


def directory(request, page):
    if refused := _only_get(request):
        return refused
    params = read_params(request.GET)
    results = run_search(params)
    results_page = paginate(results, params.page, params.messages, PAGE_SIZE)
    context = page.get_context(request)
    context.update(
        {
            "params": params,
            "search_query": params.query,
            "results_page": results_page,
            "actors": list(results_page),
            "facets": facet_counts(params, results),
            "search_messages": params.messages,
            "base_query": params.querystring(),
            "list_query": params.querystring(vue=None),
            "map_query": params.querystring(vue="carte"),
            "map_tiles": map_tiles(),
        }
    )
    response = TemplateResponse(request, page.template, context)
    return allow_map_tiles(response) if params.view == "carte" else response


def find_facilitator(request, page):
    """The facilitator(s) of the commune (or EPCI) typed, and the other actors serving it; choices when
    the text names several communes; 404 with a French message when it names none."""
    if refused := _only_get(request):
        return refused
    found = lookup.resolve(request.GET.get("commune", ""))
    status = 200
    place = found.commune or found.epci
    context = page.get_context(request)
    context.update({"lookup": found, "place": place})
    if place is not None:
        # Who serves the territory, read once as (id, kind) through the indexed link tables (no OR
        # of subqueries over every actor); the facilitators and the first others are then read by
        # primary key with their commune and contacts.
        serving = serving_ids(place)
        facilitator_ids = [pk for pk, kind in serving if kind == ActorKind.FACILITATOR]
        other_ids = [pk for pk, kind in serving if kind != ActorKind.FACILITATOR]
        by_pk = Actor.objects.select_related("commune")
        context["facilitators"] = list(
            by_pk.filter(pk__in=facilitator_ids)
            .prefetch_related("contacts")
            .order_by("whole_departement", "name")
        )
        context["other_count"] = len(other_ids)
        context["others"] = list(
            by_pk.filter(pk__in=other_ids).order_by("kind", "name")[:OTHERS_SHOWN]
        )
        context["territory_code"] = place.pk
    elif not found.candidates:
        status = 404 if found.text else 200
        if found.text:
            context["error"] = _(
                "Aucune commune de l'Hérault ne correspond à « %(text)s ». Vérifiez l'orthographe, "
                "ou tapez le code postal."
            ) % {"text": found.text}
    return TemplateResponse(request, "directory/facilitator.html", context, status=status)


def serving_ids(place):
    """[(id, kind)] of the published actors serving `place` (a Commune or an EPCI): those naming it
    (or one of its communes, for an EPCI), naming its EPCI, or serving the whole département."""
    communes = Actor.communes.through.objects
    if isinstance(place, Commune):
        named = communes.filter(commune_id=place.pk)
        epci_id = place.epci_id
    else:
        named = communes.filter(commune__epci_id=place.pk)
        epci_id = place.pk
    published = Actor.objects.published()
    parts = [
        published.filter(whole_departement=True),
        published.filter(pk__in=named.values("actor_id")),
    ]
    if epci_id:
        by_epci = Actor.epcis.through.objects.filter(epci_id=epci_id).values("actor_id")
        parts.append(published.filter(pk__in=by_epci))
    # One query per way of serving, each a plain semi-join on an index: an OR of them makes the
    # database read every actor.
    serving = {}
    for part in parts:
        serving.update(part.values_list("pk", "kind"))
    return list(serving.items())


def commune_suggestions(request, page):
    """Up to ten communes or EPCI for what was typed, as JSON for the autocomplete."""
    if refused := _only_get(request):
        return refused
    results = []
    for place in lookup.suggestions(request.GET.get("q", "")):
        if hasattr(place, "postal_codes"):
            results.append(
                {
                    "code": place.code,
                    "label": place.label,
                    "detail": place.epci.name if place.epci_id else "",
                }
            )
        else:
            results.append(
                {"code": place.code, "label": place.name, "detail": _("Intercommunalité")}
            )
    return JsonResponse({"results": results})


def map_points(request, page):
    """The actors of the current search that have coordinates, for the map (at most 2,000)."""
    if refused := _only_get(request):
        return refused
    params = read_params(request.GET)
    results = run_search(params)
    base = page.url
    # Only what a marker shows, read as values when the results are a queryset; each kind's name
    # once (in "kinds"), the coordinates to five decimals (about a metre).
    if hasattr(results, "values_list"):
        rows = results.filter(latitude__isnull=False, longitude__isnull=False).values_list(
            "name", "kind", "latitude", "longitude", "slug"
        )[:MAP_POINTS_LIMIT]
    else:
        rows = [
            (actor.name, actor.kind, actor.latitude, actor.longitude, actor.slug)
            for actor in results[:MAP_POINTS_LIMIT]
            if actor.has_coordinates
        ]
    points = [
        {
            "name": name,
            "kind": kind,
            "lat": round(latitude, 5),
            "lon": round(longitude, 5),
            "url": f"{base}{slug}/",
        }
        for name, kind, latitude, longitude, slug in rows
    ]
    kinds = {kind: str(label) for kind, label in ActorKind.choices}
    return JsonResponse(
        {
            "points": points,
            "kinds": {kind: kinds[kind] for kind in {point["kind"] for point in points}},
            "total": results.count(),
        }
    )


def published_actor(slug):
    actor = Actor.objects.published().filter(slug=slug).select_related("commune").first()
    if actor is None:
        raise Http404(_("Cet acteur n'est pas dans l'annuaire."))
    return actor


def propose_correction(request, page, slug):
    """GET: the entry's fields to correct; POST: store the proposal for the editors, or say what to
    correct in the form."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    actor = published_actor(slug)
    status = 200
    proposal = None
    if request.method == "POST":
        if over_limit(request, "directory-correction", settings.DIRECTORY_CORRECTION_RATE_LIMIT):
            return rate_limited(request)
        form = CorrectionForm(request.POST, actor=actor)
        if form.is_valid():
            proposal = corrections.propose(actor, form)
        else:
            status = 400
    else:
        form = CorrectionForm(actor=actor)
    context = page.get_context(request)
    context.update(
        {
            "actor": actor,
            "form": form,
            "proposal": proposal,
            "privacy_notice": privacy_notice(),
            "actor_url": f"{page.url}{actor.slug}/",
        }
    )
    return TemplateResponse(request, "directory/correction.html", context, status=status)


def actor_detail(request, page, slug):
    if refused := _only_get(request):
        return refused
    actor = (
        Actor.objects.published()
        .filter(slug=slug)
        .select_related("commune")
        .prefetch_related("contacts", "sectors", "epcis", "communes")
        .first()
    )
    if actor is None:
        raise Http404(_("Cet acteur n'est pas dans l'annuaire."))
    communes = served_communes(actor)
    context = page.get_context(request)
    context.update(
        {
            "actor": actor,
            "served_communes": communes,
            # "<" escaped: the JSON goes in a <script> element, which "</script>" in a name would end.
            "structured_data": json.dumps(
                structured_data(actor, request, page), ensure_ascii=False
            ).replace("<", "\\u003c"),
            "map_tiles": map_tiles(),
        }
    )
    response = TemplateResponse(request, "directory/actor.html", context)
    return allow_map_tiles(response) if actor.has_coordinates else response


def served_communes(actor):
    """The communes the actor serves, listed by name (the whole département, its EPCI's communes and
    the communes it names)."""
    if actor.whole_departement:
        return None
    codes = {c.code for c in actor.communes.all()}
    epcis = [e.pk for e in actor.epcis.all()]
    return list(Commune.objects.filter(pk__in=codes) | Commune.objects.filter(epci_id__in=epcis))


def structured_data(actor, request, page):
    """schema.org: an Organization, a LocalBusiness for a structure that sells its work."""
    sells = actor.offers_services or actor.offers_goods or actor.offers_staff_provision
    data = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness" if sells else "Organization",
        "name": actor.name,
        "url": request.build_absolute_uri(f"{page.url}{actor.slug}/"),
    }
    if actor.localized_description:
        data["description"] = actor.localized_description
    if actor.siret:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "SIRET", "value": actor.siret}
    if actor.address or actor.commune_id:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": actor.address,
            "postalCode": actor.postal_code,
            "addressLocality": actor.commune.name if actor.commune_id else "",
            "addressRegion": "Hérault",
            "addressCountry": "FR",
        }
    if actor.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": actor.latitude,
            "longitude": actor.longitude,
        }
    for key, value in (("telephone", actor.phone), ("email", actor.email)):
        if value:
            data[key] = value
    if actor.website:
        data["sameAs"] = actor.website
    if actor.opening_hours and sells:
        data["openingHours"] = actor.opening_hours
    return data
