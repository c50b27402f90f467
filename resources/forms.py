"""The wording of the hub's search-alert consent (the form itself is core.alerts.SearchAlertForm)."""

from django.utils.translation import gettext_lazy as _

ALERT_CONSENT_TEXT = _(
    "J'accepte de recevoir par courriel les nouvelles ressources qui correspondent à cette "
    "recherche, à la fréquence choisie. Je peux me désinscrire à tout moment par le lien présent "
    "dans chaque courriel. Mon adresse n'est utilisée que pour cet envoi et n'est jamais cédée."
)
