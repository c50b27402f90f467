"""The newsletter in the Wagtail admin: subscribers (list, search, CSV export and import, erase),
audiences, the suppression list, and sends (schedule, report, pause, resume)."""

from datetime import timedelta

from django import forms
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from core.admin_labels import FrenchDateColumn, FrenchLabelsMixin

from . import admin_views, dashboard
from .models import Audience, CampaignSend, NewsletterPage, Subscriber, Suppression
from .sending import current_reach
from .sending.control import create_send


class SubscriberViewSet(FrenchLabelsMixin, ModelViewSet):
    add_item_label = _("Ajouter un abonné")
    empty_label = _("Aucun abonné pour l'instant.")
    no_match_label = _("Aucun abonné ne correspond à votre recherche.")
    model = Subscriber
    name = "newsletter_subscribers"
    icon = "user"
    menu_label = _("Abonnés")
    list_display = [
        "email",
        "name",
        "organisation",
        Column("newsletter_status", label=_("Abonnement")),
        FrenchDateColumn("created_at", label=_("Inscrit le")),
    ]
    list_filter = ["audiences", "language"]
    search_fields = ["email", "name", "organisation", "territory"]
    list_export = [
        "email",
        "name",
        "organisation",
        "territory",
        "language",
        "newsletter_status",
        "created_at",
        "confirmed_at",
    ]
    export_filename = "abonnes-lettre"
    export_headings = {"newsletter_status": _("Abonnement")}
    inspect_view_enabled = True
    panels = [
        FieldPanel("email"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("territory"),
        FieldPanel("language"),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
    ]


class AudienceViewSet(FrenchLabelsMixin, ModelViewSet):
    add_item_label = _("Ajouter un public")
    empty_label = _("Aucun public pour l'instant.")
    no_match_label = _("Aucun public ne correspond à votre recherche.")
    model = Audience
    name = "newsletter_audiences"
    icon = "group"
    menu_label = _("Publics")
    list_display = ["__str__", "description", "position"]
    form_fields = ["description", "position"]


class SuppressionViewSet(FrenchLabelsMixin, ModelViewSet):
    add_item_label = _("Ajouter une adresse exclue")
    empty_label = _("Aucune adresse exclue pour l'instant.")
    no_match_label = _("Aucune adresse exclue ne correspond à votre recherche.")
    model = Suppression
    name = "newsletter_suppressions"
    icon = "cross"
    menu_label = _("Adresses exclues")
    list_display = ["__str__", "reason", FrenchDateColumn("created_at", label=_("Depuis le"))]
    list_filter = ["reason"]
    form_fields = ["reason"]


class SendCreateView(CreateView):
    """Sending takes two steps: the form, then a confirmation that says how many people the send
    reaches and when it leaves; only the confirmation's button creates the send."""

    submit_button_label = _("Vérifier avant l'envoi")
    confirm_template_name = "newsletter/admin/send_confirm.html"

    def form_valid(self, form):
        if self.request.POST.get("back"):
            return self.form_invalid_without_errors(form)
        if self.request.POST.get("confirmed") != "1":
            return self.render_confirmation(form)
        return super().form_valid(form)

    def form_invalid_without_errors(self, form):
        """The form again, as the editor filled it in, to change it before confirming."""
        self.form = form
        return self.render_to_response(self.get_context_data(form=form))

    def render_confirmation(self, form):
        data = form.cleaned_data
        audience_ids = [audience.pk for audience in data["audiences"]]
        reach = current_reach()
        scheduled_at = data.get("scheduled_at") or timezone.now()
        return TemplateResponse(
            self.request,
            self.confirm_template_name,
            {
                "form": form,
                "action_url": self.request.get_full_path(),
                "issue": data["page"],
                "audiences": [
                    (audience, reach.recipients([audience.pk])) for audience in data["audiences"]
                ],
                "recipients": reach.recipients(audience_ids),
                "excluded": reach.excluded(audience_ids),
                "scheduled_at": scheduled_at,
                "is_now": scheduled_at <= timezone.now() + timedelta(minutes=1),
            },
        )

    def save_instance(self):
        data = self.form.cleaned_data
        return create_send(
            data["page"],
            data["audiences"],
            scheduled_at=data.get("scheduled_at"),
            user=self.request.user,
        )

    def get_success_message(self, instance=None):
        if instance is not None and instance.scheduled_at > timezone.now():
            return _(
                "Envoi programmé. Vous pouvez l'annuler depuis son rapport jusqu'à son départ."
            )
        return _("Envoi lancé.")

    def get_success_url(self):
        return reverse("newsletter_send_report", args=[self.object.pk])


class ReachAudienceField(forms.ModelMultipleChoiceField):
    """Each audience with the number of people a send to it reaches today."""

    def __init__(self, *args, reach=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.reach = reach

    def label_from_instance(self, obj):
        if self.reach is None:
            return str(obj)
        count = self.reach.recipients([obj.pk])
        return ngettext(
            "%(audience)s (%(count)d destinataire)",
            "%(audience)s (%(count)d destinataires)",
            count,
        ) % {"audience": obj, "count": count}


class SendForm(forms.ModelForm):
    class Meta:
        model = CampaignSend
        fields = ["page", "audiences", "scheduled_at"]
        widgets = {"audiences": forms.CheckboxSelectMultiple}
        field_classes = {"audiences": ReachAudienceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = NewsletterPage.objects.live()
        self.fields["page"].help_text = _("Seules les lettres publiées peuvent être envoyées.")
        self.fields["audiences"].reach = current_reach()
        self.fields["audiences"].help_text = _(
            "Nombre d'abonnés confirmés de chaque public, abonnés à « Toute l'actualité » "
            "compris, adresses exclues déduites."
        )
        self.fields["scheduled_at"].help_text = _(
            "Laissez l'heure actuelle pour envoyer tout de suite. Un envoi programmé peut être "
            "annulé jusqu'à son départ."
        )


class ReportColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("newsletter_send_report", args=[instance.pk]),
            _("Rapport"),
        )


class SendViewSet(FrenchLabelsMixin, ModelViewSet):
    add_item_label = _("Ajouter un envoi")
    empty_label = _("Aucun envoi pour l'instant.")
    no_match_label = _("Aucun envoi ne correspond à votre recherche.")
    model = CampaignSend
    name = "newsletter_sends"
    icon = "mail"
    menu_label = _("Envois")
    add_view_class = SendCreateView
    form_fields = ["page", "audiences", "scheduled_at"]
    list_display = [
        "page",
        "status",
        FrenchDateColumn("scheduled_at", label=_("Envoi prévu le")),
        FrenchDateColumn("finished_at", label=_("Terminé le")),
        ReportColumn("report", label=_("Rapport")),
    ]
    list_filter = ["status"]

    def get_form_class(self, for_update=False):
        return SendForm


class NewsletterGroup(ViewSetGroup):
    menu_label = _("Lettre d'information")
    menu_icon = "mail"
    menu_order = 250
    items = (SendViewSet, SubscriberViewSet, AudienceViewSet, SuppressionViewSet)

    def get_submenu_items(self):
        # The import of subscribers belongs with them, under this menu.
        return [
            *super().get_submenu_items(),
            ImportMenuItem(
                _("Importer des abonnés"),
                reverse("newsletter_import"),
                icon_name="upload",
                order=len(self.items) + 1,
            ),
        ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return NewsletterGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("newsletter/import/", admin_views.import_view, name="newsletter_import"),
        path(
            "newsletter/envois/<int:pk>/rapport/",
            admin_views.send_report_view,
            name="newsletter_send_report",
        ),
        path(
            "newsletter/test/<int:page_id>/",
            admin_views.test_send_view,
            name="newsletter_test_send",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("newsletter.add_subscriber")


@hooks.register("register_page_header_buttons")
def test_send_button(page, user, view_name=None, next_url=None):
    if issubclass(page.specific_class or object, NewsletterPage):
        yield Button(
            _("Envoyer un test"),
            reverse("newsletter_test_send", args=[page.pk]),
            icon_name="mail",
            priority=50,
        )


def sent_issues_under(pages):
    """The titles of the issues among `pages` or below them that were sent (or are being sent):
    their sends, ledger and report depend on them, so they are unpublished, not deleted."""
    from django.db.models import Q

    paths = Q()
    for page in pages:
        paths |= Q(page__path__startswith=page.path)
    if not paths:
        return []
    return sorted(set(CampaignSend.objects.filter(paths).values_list("page__title", flat=True)))


def refuse_deletion(request, titles, back_to):
    from django.contrib import messages
    from django.shortcuts import redirect

    messages.error(
        request,
        _(
            "Impossible de supprimer : « %(titles)s » a déjà été envoyée à des abonnés, et ses "
            "envois et leur bilan en dépendent. Dépubliez-la pour la retirer du site."
        )
        % {"titles": ", ".join(titles)},
    )
    return redirect(back_to)


@hooks.register("before_delete_page")
def keep_sent_issues(request, page):
    titles = sent_issues_under([page])
    if titles:
        parent = page.get_parent()
        return refuse_deletion(request, titles, reverse("wagtailadmin_explore", args=[parent.pk]))
    return None


@hooks.register("before_bulk_action")
def keep_sent_issues_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "delete" or not objects or not hasattr(objects[0], "path"):
        return None
    titles = sent_issues_under(objects)
    if titles:
        return refuse_deletion(request, titles, action_class_instance.next_url)
    return None


@hooks.register("construct_homepage_panels")
def sends_panel(request, panels):
    """The dashboard's sends: the next ones programmed, then the latest finished."""
    if not request.user.has_perm("newsletter.view_campaignsend"):
        return
    panels.append(dashboard.sends_panel(SendViewSet().get_url_name("index")))
