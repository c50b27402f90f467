"""Pages of results, forgiving of a wrong page number in the URL."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _


def paginate(results, raw_page, messages: list, page_size: int) -> Page:
    """The page `raw_page` of `results`; a page number that is not one gives the first page and a
    page past the end the last one, each with a French message appended to `messages`."""
    paginator = Paginator(results, page_size)
    try:
        return paginator.page(raw_page)
    except PageNotAnInteger:
        messages.append(
            _("Le numéro de page « %(page)s » n'est pas valide : voici la première page.")
            % {"page": str(raw_page)[:20]}
        )
        return paginator.page(1)
    except EmptyPage:
        messages.append(_("Cette page de résultats n'existe pas : voici la dernière."))
        return paginator.page(paginator.num_pages)
