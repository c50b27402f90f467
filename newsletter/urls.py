"""Public pages of the newsletter (inside the language prefixes)."""

from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("inscription/", views.subscribe, name="subscribe"),
    path("inscription/verifiez-vos-courriels/", views.subscribe_done, name="subscribe_done"),
    path("confirmation/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("desinscription/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("effacement/<str:token>/", views.request_erasure, name="request_erasure"),
    path("effacement/confirmer/<str:token>/", views.erase, name="erase"),
]
