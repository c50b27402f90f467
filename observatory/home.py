"""The observatory on the home page (a section registered with core.sections) and in the
newsletter's digest (core.digest): the hours of the last approved year."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from . import stats
from .models.pages import ObservatoryPage


def home_key_figure(request, home):
    if home is None:
        return None
    observatory = ObservatoryPage.objects.live().child_of(home).first()
    if observatory is None:
        return None
    figures = stats.key_figures()
    if figures is None:
        return None
    return {
        "observatory": observatory,
        "figures": figures,
        "is_demo": stats.includes_demo(stats.approved_operations(stats.Filters(year=figures.year))),
    }


@dataclass
class KeyFigureItem:
    title: str
    full_url: str
    first_published_at: object
    summary: str


def latest_key_figure_items(locale, limit, *, before=None, option=""):
    """One item: the last approved year's hours, pointing to the observatory page of `locale`."""
    if limit < 1:
        return []
    page = ObservatoryPage.objects.live().filter(locale=locale).first()
    figures = stats.key_figures()
    if page is None or figures is None:
        return []
    if before is not None and page.last_published_at and page.last_published_at > before:
        return []
    return [
        KeyFigureItem(
            title=_("%(hours)s heures d'insertion en %(year)s")
            % {"hours": number_format(figures.hours, force_grouping=True), "year": figures.year},
            full_url=page.full_url,
            first_published_at=page.last_published_at,
            summary=_("Le chiffre clé de l'observatoire des clauses sociales de l'Hérault."),
        )
    ]
