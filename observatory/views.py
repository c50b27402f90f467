"""The observatory's public views, served by ObservatoryPage's routes: the dashboard (key figures,
charts and their tables, filters in the URL), the methodology, and each table as CSV and JSON under
the Licence Ouverte. Only approved operations are ever read (`stats.approved_operations`)."""

import csv
import io
import json

from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import charts, indicators, report, stats
from .caching import cached
from .models.choices import ClauseType, Sector

SAFE_METHODS = ("GET", "HEAD")
LICENCE = "Licence Ouverte / Etalab 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def _cell(column, value):
    if column.kind == "string" or column.key == "annee":
        return str(value)
    if column.kind == "percent":
        return f"{charts.fmt(value)}\u202f%"
    return charts.fmt(value)


def _chart(table, chart_id, title, label_key, series, unit, level=2):
    """A chart and its table under a heading of `level`: 2 for the observatory's own tables, each
    downloaded at `donnees/<table key>/`; 4 for an indicator's, whose source has one download for
    all its charts (no `data_path`)."""
    labels = [str(value) for value in table.values(label_key)]
    svg, description = charts.bar_chart(
        chart_id, title, labels, [(name, table.values(key)) for name, key in series], unit
    )
    shown = [column for column in table.columns if column.key != "code"]
    body = [
        [(index == 0, _cell(column, row[column.key])) for index, column in enumerate(shown)]
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
        "level": level,
        "data_path": f"donnees/{table.key}" if level == 2 else None,
    }


def indicator_context(filters):
    """The other apps' sources (core.indicators) under the year filter, each with its charts, or
    the sentence saying it has no row."""
    shown = []
    for item in indicators.indicators(filters):
        shown.append(
            {
                "key": item.key,
                "slug": item.presentation.slug,
                "label": item.label,
                "scope": item.presentation.scope,
                "empty": item.presentation.empty,
                "rows": len(item.rows),
                "charts": [
                    _chart(table, f"graphique-{table.key}", table.title, label, series, unit, 4)
                    for table, label, series, unit in item.tables()
                ],
            }
        )
    return shown


def dashboard_context(filters):
    """The page's context under `filters`: the observatory's own figures from the cache (see
    observatory.caching), the other apps' indicators read afresh."""
    context = cached("dashboard", filters.querystring(), lambda: _figures_context(filters))
    return {
        **context,
        "filters": filters,
        "indicators": indicator_context(filters),
        "sectors": Sector.choices,
        "clauses": ClauseType.choices,
        "base_query": filters.querystring(),
        "filter_messages": filters.messages,
    }


def _figures_context(filters):
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
        "key_figures": stats.key_figures(filters),
        "charts": chart_list,
        "has_data": bool(years.rows),
        "is_demo": stats.includes_demo(operations),
        "years": stats.available_years(),
        "territories": stats.territory_options(),
    }


def dashboard(request, page):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    context = page.get_context(request)
    context.update(dashboard_context(stats.read_filters(request.GET)))
    return TemplateResponse(request, page.template, context)


def yearly_report(request, page, year):
    """The PDF report of an approved year; any other year is a 404 with a French message."""
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    year = int(year)
    if year not in report.report_years():
        raise Http404(_("Aucun chiffre validé pour cette année : pas de rapport annuel."))
    pdf = cached(
        "report",
        str(year),
        lambda: report.render_report(
            request, page, year, dashboard_context(stats.Filters(year=year))
        ),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="observatoire-rapport-{year}.pdf"'
    response["X-Licence"] = LICENCE
    return response


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


def _csv_and_json(document, columns, rows, filename, fmt):
    if fmt == "json":
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
    else:
        output = io.StringIO()
        writer = csv.writer(output)
        writer.writerow([column.key for column in columns])
        for row in rows:
            writer.writerow([row[column.key] for column in columns])
        response = HttpResponse(output.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Licence"] = LICENCE
    return response


def indicator_download(request, page, slug, fmt):
    """A source's rows (core.indicators) under the year filter, with their documented schema, at
    `indicateurs/<slug>/` (Wagtail's page paths take no dot, so not at the source's key)."""
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    filters = stats.read_filters(request.GET)
    item = indicators.indicator_by_slug(slug, filters)
    if item is None:
        raise Http404(_("Cet indicateur n'existe pas dans l'observatoire."))
    columns = item.columns
    filename = f"observatoire-{item.presentation.slug}"
    if filters.year:
        filename += f"-{filters.year}"
    document = {
        "titre": item.label,
        "source": item.key,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "producteur": "MICS 34",
        "filtres": {"annee": filters.year},
        "note": str(item.presentation.scope),
        "schema": {
            "fields": [
                {
                    "name": column.key,
                    "title": str(column.label),
                    "type": column.kind,
                    "description": str(column.description),
                }
                for column in columns
            ]
        },
        "donnees": [{column.key: row.get(column.key) for column in columns} for row in item.rows],
    }
    return _csv_and_json(document, columns, document["donnees"], filename, fmt)


def download(request, page, key, fmt):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    if key not in stats.TABLES:
        raise Http404(_("Cette table n'existe pas dans l'observatoire."))
    filters = stats.read_filters(request.GET)
    table, is_demo = cached(
        f"table-{key}",
        filters.querystring(),
        lambda: (
            stats.table(key, filters),
            stats.includes_demo(stats.approved_operations(filters)),
        ),
    )
    filename = f"observatoire-{key}"
    if filters.is_filtered:
        filename += "-filtre"
    document = None
    if fmt == "json":
        document = table_document(table, filters, is_demo)
    return _csv_and_json(document, table.columns, table.rows, filename, fmt)
