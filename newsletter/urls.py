"""Public pages of the newsletter (inside the language prefixes); the paths are translated, so that
English pages have English addresses (/en/newsletter/subscribe/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "newsletter"

urlpatterns = [
    path(_("inscription/"), views.subscribe, name="subscribe"),
    path(_("inscription/verifiez-vos-courriels/"), views.subscribe_done, name="subscribe_done"),
    path(_("confirmation/<str:token>/"), views.confirm, name="confirm"),
    path(_("preferences/<str:token>/"), views.preferences, name="preferences"),
    path(_("desinscription/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    path(_("effacement/<str:token>/"), views.request_erasure, name="request_erasure"),
    path(_("effacement/confirmer/<str:token>/"), views.erase, name="erase"),
]
