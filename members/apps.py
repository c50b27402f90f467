from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Espace réseau")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.indicators import register_indicator_source
        from core.network import register_membership_provider
        from core.sections import register_members_section

        from .accounts import membership_of
        from .contracts import contract_hours_rows
        from .home import follow_ups, followed_contracts, latest_documents, members_pages

        register_membership_provider(membership_of)
        register_indicator_source(
            "members.contract-hours",
            _("Heures d'insertion des marchés multi-territoriaux et de l'État"),
            contract_hours_rows,
        )
        register_members_section(
            "members-follow-ups", "members/includes/follow_ups_section.html", follow_ups, 25
        )
        register_members_section(
            "members-contracts", "members/includes/contracts_section.html", followed_contracts, 30
        )
        register_members_section(
            "members-documents", "members/includes/documents_section.html", latest_documents, 40
        )
        register_members_section(
            "members-pages", "members/includes/pages_section.html", members_pages, 50
        )
