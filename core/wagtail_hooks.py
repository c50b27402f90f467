"""The admin's pages of two-factor authentication (core.twofactor), and their entry in the
account menu; documents added one at a time, with the title an editor sets."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.generic import RedirectView

from wagtail import hooks

from core.cache.registry import route_is_cacheable
from core.twofactor import views as twofactor_views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/", twofactor_views.ManageView.as_view(), name="twofactor_manage"),
        path("2fa/activer/", twofactor_views.EnrolView.as_view(), name="twofactor_enrol"),
        path("2fa/verifier/", twofactor_views.VerifyView.as_view(), name="twofactor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("twofactor_manage"),
        "label": _("Double authentification"),
        "help_text": _(
            "Un code de votre téléphone en plus du mot de passe : activez-la, renouvelez vos "
            "codes de secours ou changez d'application."
        ),
    }


class AddOneDocumentView(RedirectView):
    """Wagtail's multiple upload saves each document under its file name ("guide_v3_final") and
    only then offers to rename it, so visitors read file names in the hub and in emails. Its
    address goes to the one-document form instead: a required title, prefilled from the file
    name as the file is chosen, that the editor corrects before the document exists (the
    chooser's upload tab asks it the same way)."""

    pattern_name = "wagtaildocs:add"
    query_string = True  # the collection chosen in the listing


@hooks.register("register_admin_urls", order=-1)
def register_one_document_upload():
    # Before wagtail.documents' own URLs (order 0), so this address wins over its view.
    return [path("documents/multiple/add/", AddOneDocumentView.as_view())]


@hooks.register("before_serve_page")
def record_page_cache_route(page, request, serve_args, serve_kwargs):
    """Tell the page cache (core.cache.middleware) whether this page, on this route, may be cached."""
    match = getattr(request, "routable_resolver_match", None)
    request.page_cache_allowed = route_is_cacheable(
        page, match.url_name if match else None, match.route if match else None
    )
