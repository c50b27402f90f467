"""The observatory's public views, served by ObservatoryPage's routes: the dashboard (key figures,
charts and their tables, filters in the URL), the methodology, and each table as CSV and JSON under
the Licence Ouverte. Only approved operations are ever read (`stats.approved_operations`)."""

import csv
import io
import json

from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import charts, stats
from .models.choices import ClauseType, Sector

SAFE_METHODS = ("GET", "HEAD")
LICENCE = "Licence Ouverte / Etalab 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def _chart(table, chart_id, title, label_key, series, unit):
    labels = [str(value) for value in table.values(label_key)]
    svg, description = charts.bar_chart(
        chart_id, title, labels, [(name, table.values(key)) for name, key in series], unit
    )
    shown = [column for column in table.columns if column.key != "code"]
    body = [
        [
            (
                index == 0,
                str(row[column.key])
                if column.kind == "string" or column.key == "annee"
                else charts.fmt(row[column.key]),
            )
            for index, column in enumerate(shown)
        ]
        for row in table.rows
    ]
    return {
        "id": chart_id,
        "title": title,
        "svg": svg,
        "description": description,
        "table": table,
        "head": [column.label for column in shown],
        "body": body,
    }


def dashboard_context(filters):
    operations = stats.approved_operations(filters)
    years = stats.by_year(operations)
    hours = _("heures")
    people = _("participants")
    chart_list = [
        _chart(
            years,
            "graphique-heures-annees",
            _("Heures d'insertion par année"),
            "annee",
            [(_("Heures réalisées"), "heures_realisees"), (_("Heures prévues"), "heures_prevues")],
            hours,
        ),
        _chart(
            years,
            "graphique-participants-annees",
            _("Participants par année"),
            "annee",
            [(_("Participants"), "participants")],
            people,
        ),
        _chart(
            stats.by_sector(operations),
            "graphique-secteurs",
            _("Heures réalisées par secteur"),
            "libelle",
            [(_("Heures réalisées"), "heures_realisees")],
            hours,
        ),
        _chart(
            stats.by_clause(operations),
            "graphique-clauses",
            _("Heures réalisées par type de clause"),
            "libelle",
            [(_("Heures réalisées"), "heures_realisees")],
            hours,
        ),
        _chart(
            stats.by_public(operations),
            "graphique-publics",
            _("Participants par public"),
            "libelle",
            [(_("Participants"), "participants")],
            people,
        ),
        _chart(
            stats.by_buyer_kind(operations),
            "graphique-acheteurs",
            _("Heures réalisées par type d'acheteur"),
            "libelle",
            [(_("Heures réalisées"), "heures_realisees")],
            hours,
        ),
        _chart(
            stats.by_territory(operations),
            "graphique-territoires",
            _("Heures réalisées par territoire"),
            "libelle",
            [(_("Heures réalisées"), "heures_realisees")],
            hours,
        ),
    ]
    return {
        "filters": filters,
        "key_figures": stats.key_figures(filters),
        "charts": chart_list,
        "has_data": bool(years.rows),
        "is_demo": stats.includes_demo(operations),
        "years": stats.available_years(),
        "territories": stats.territory_options(),
        "sectors": Sector.choices,
        "clauses": ClauseType.choices,
        "base_query": filters.querystring(),
        "filter_messages": filters.messages,
    }


def dashboard(request, page):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    context = page.get_context(request)
    context.update(dashboard_context(stats.read_filters(request.GET)))
    return TemplateResponse(request, page.template, context)


def methodology(request, page):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    context = page.get_context(request)
    empty = stats.Filters()
    context.update(
        {
            "tables": [stats.table(key, empty) for key in stats.TABLES],
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
        }
    )
    return TemplateResponse(request, "observatory/methodology.html", context)


def table_document(table, filters, is_demo):
    return {
        "titre": str(table.title),
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "producteur": "MICS 34",
        "donnees_de_demonstration": is_demo,
        "filtres": filters.as_dict(),
        "note": str(table.note),
        "schema": {
            "fields": [
                {
                    "name": column.key,
                    "title": str(column.label),
                    "type": column.kind,
                    "description": str(column.description),
                }
                for column in table.columns
            ]
        },
        "donnees": table.rows,
    }


def download(request, page, key, fmt):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    if key not in stats.TABLES:
        raise Http404(_("Cette table n'existe pas dans l'observatoire."))
    filters = stats.read_filters(request.GET)
    table = stats.table(key, filters)
    filename = f"observatoire-{key}"
    if filters.is_filtered:
        filename += "-filtre"
    if fmt == "json":
        document = table_document(
            table, filters, stats.includes_demo(stats.approved_operations(filters))
        )
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
    else:
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow([column.key for column in table.columns])
        for row in table.rows:
            writer.writerow([row[column.key] for column in table.columns])
        response = HttpResponse(output.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Licence"] = LICENCE
    return response
