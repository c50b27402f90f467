"""The yearly report as PDF: the dashboard of one approved year (key figures, charts and their
tables, the other sources' indicators) rendered by WeasyPrint from the same context and the same
chart templates as the page, so the PDF and the page never disagree.

WeasyPrint fetches nothing here: the stylesheet is in the template, the charts are inline SVG, and
`_no_fetch` refuses any other URL (a page must not make the server fetch an address)."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from . import stats


def _no_fetch(url, *args, **kwargs):
    raise ValueError(f"The report fetches no resource: {url}")


def report_years() -> list[int]:
    """The years whose figures are approved, most recent first: each has a report."""
    return stats.available_years()


def render_report(request, page, year: int, context: dict) -> bytes:
    """The PDF of `year`, from the dashboard's `context` for that year (views.dashboard_context)."""
    context = {
        **context,
        "page": page,
        "request": request,
        "report_year": year,
        "for_print": True,
        "report_title": _("Observatoire des clauses sociales : rapport annuel %(year)s")
        % {"year": year},
    }
    html = render_to_string("observatory/report.html", context, request=request)
    # Imported here: WeasyPrint takes about half a second to import (it parses its own default
    # stylesheets), which every other request and command would pay.
    from weasyprint import HTML

    return HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=_no_fetch
    ).write_pdf()
