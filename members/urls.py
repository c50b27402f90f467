from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import contract_views, meeting_views, roster_views, views

app_name = "members"

urlpatterns = [
    path("", views.home, name="home"),
    path(_("connexion/"), views.LoginView.as_view(), name="login"),
    path(_("deconnexion/"), views.LogoutView.as_view(), name="logout"),
    path(_("a-bientot/"), views.logged_out, name="logged_out"),
    path(_("compte/"), views.account, name="account"),
    path(_("compte/double-authentification/"), views.ManageView.as_view(), name="twofactor_manage"),
    path(
        _("compte/double-authentification/activer/"),
        views.EnrolView.as_view(),
        name="twofactor_enrol",
    ),
    path(
        _("compte/double-authentification/verifier/"),
        views.VerifyView.as_view(),
        name="twofactor_verify",
    ),
    path(_("mot-de-passe/"), views.PasswordResetView.as_view(), name="password_reset"),
    path(
        _("mot-de-passe/envoye/"), views.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        _("mot-de-passe/<uidb64>/<token>/"),
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        _("mot-de-passe/termine/"),
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(_("inviter/"), views.invite, name="invite"),
    path(_("rencontres/"), meeting_views.meeting_list, name="meetings"),
    path(_("rencontres/nouvelle/"), meeting_views.meeting_edit, name="meeting_add"),
    path(_("rencontres/<int:pk>/"), meeting_views.meeting_detail, name="meeting"),
    path(_("rencontres/<int:pk>/modifier/"), meeting_views.meeting_edit, name="meeting_edit"),
    path(
        _("rencontres/<int:pk>/relance-faite/"),
        meeting_views.meeting_follow_up_done,
        name="meeting_follow_up_done",
    ),
    path(_("acheteurs/<int:pk>/"), meeting_views.buyer_detail, name="buyer"),
    path(_("acheteurs/hors-annuaire/"), meeting_views.buyer_by_name, name="buyer_by_name"),
    path(_("marches/"), contract_views.contract_list, name="contracts"),
    path(_("marches/nouveau/"), contract_views.contract_edit, name="contract_add"),
    path(_("marches/<int:pk>/"), contract_views.contract_detail, name="contract"),
    path(_("marches/<int:pk>/modifier/"), contract_views.contract_edit, name="contract_edit"),
    path(
        _("marches/<int:pk>/heures/<int:territory_pk>/"),
        contract_views.contract_hours,
        name="contract_hours",
    ),
    path(
        _("marches/<int:pk>/referent/<int:territory_pk>/"),
        contract_views.contract_facilitator,
        name="contract_facilitator",
    ),
    path(_("membres/"), roster_views.member_list, name="members"),
    path(_("membres/<int:pk>/"), roster_views.member_detail, name="member"),
    path(
        _("membres/<int:pk>/desactiver/"), roster_views.member_deactivate, name="member_deactivate"
    ),
    path(
        _("membres/<int:pk>/reactiver/"), roster_views.member_reactivate, name="member_reactivate"
    ),
    path(
        _("marches/<int:pk>/documents/"),
        contract_views.contract_document_add,
        name="contract_document_add",
    ),
    path(
        _("marches/<int:pk>/documents/<int:document_pk>/"),
        contract_views.contract_document,
        name="contract_document",
    ),
    path(
        _("marches/<int:pk>/historique/"), contract_views.contract_history, name="contract_history"
    ),
    path(_("invitation/<str:token>/"), views.accept, name="accept"),
]
