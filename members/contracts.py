"""The register of multi-territorial and State contracts: who sees which contract, the forms, the
history of changes, and the CSV/XLSX export.

- The coordination team sees and changes every contract, creates them and names the lead
  facilitator of each territory.
- Any other member sees the contracts with a territory they cover (core.network.Membership), and
  changes the hours of the territories they are the lead facilitator of, or cover as a facilitator.
- Another territory's contract answers 404 (not 403, which would say it exists)."""

import csv
import io
import re
from urllib.parse import quote

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page

from openpyxl import Workbook

from core import reference
from core.network import FACILITATORS, NETWORK, membership

from .buyers import BuyerChoiceMixin, buyer_choice_field
from .models import MAX_HOURS_PER_YEAR, Contract, ContractChange, ContractTerritory, HoursRecord


def visible_contracts(user):
    found = membership(user)
    if found is None:
        return Contract.objects.none()
    if found.coordination:
        return Contract.objects.all()
    return Contract.objects.filter(
        Q(territories__territory_code__in=found.territory_codes) | Q(territories__facilitator=user)
    ).distinct()


def can_change_hours(user, territory: ContractTerritory) -> bool:
    found = membership(user)
    if found is None:
        return False
    if found.coordination or territory.facilitator_id == user.pk:
        return True
    return (
        territory.territory_code in found.territory_codes
        and user.groups.filter(name=FACILITATORS).exists()
    )


def log_change(contract, user, description):
    ContractChange.objects.create(contract=contract, user=user, description=description)


def territory_name(code):
    found = reference.territory(code)
    return found.name if found else code


# A BOAMP notice's identifier, as the procurement watch keeps it ("26-85007").
NOTICE_ID = re.compile(r"^\d{2}-\d{1,7}$")
# A link to the watch's page of a notice (…/avis/26-85007/).
WATCH_NOTICE_PATH = re.compile(r"/avis/(\d{2}-\d{1,7})/?$")
BOAMP_NOTICE_URL = "https://www.boamp.fr/pages/avis/?q=idweb:{}"


def watch_page_url():
    """The address of the procurement watch's page (the tenders app's WatchPage, found by its
    content type: members/ does not import tenders/), or None when there is none."""
    if not apps.is_installed("tenders"):
        return None
    pages = Page.objects.live().filter(
        content_type__app_label="tenders", content_type__model="watchpage"
    )
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    return page.url if page else None


def notice_link(contract, watch_url=None):
    """The address of the contract's notice: its page in the procurement watch (by BOAMP
    identifier), the BOAMP's when there is no watch, or the address given; None without notice."""
    if contract.notice_id:
        watch_url = watch_url if watch_url is not None else watch_page_url()
        if watch_url:
            return f"{watch_url}avis/{contract.notice_id}/"
        return BOAMP_NOTICE_URL.format(quote(contract.notice_id))
    return contract.notice_url or None


def parse_notice(value):
    """(notice_id, notice_url) of what a person typed: a BOAMP identifier, the address of a notice
    of the watch (kept as its identifier), or another web address; ValidationError otherwise."""
    value = (value or "").strip()
    if not value:
        return "", ""
    if NOTICE_ID.match(value):
        return value, ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except forms.ValidationError:
        raise forms.ValidationError(
            _(
                "Indiquez l'identifiant BOAMP de l'avis (exemple : 26-12345) ou son adresse web "
                "complète (https://…)."
            )
        ) from None
    found = WATCH_NOTICE_PATH.search(value.split("?")[0].split("#")[0])
    if found:
        return found.group(1), ""
    return "", value


class ContractForm(BuyerChoiceMixin, forms.ModelForm):
    buyer_choice = buyer_choice_field()
    notice = forms.CharField(
        label=_("Avis de la veille des marchés"),
        required=False,
        max_length=500,
        help_text=_(
            "L'identifiant BOAMP de l'avis (exemple : 26-12345) ou son adresse web, s'il y en a un."
        ),
    )
    territories = forms.MultipleChoiceField(
        label=_("Territoires concernés"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        error_messages={"required": _("Choisissez au moins un territoire.")},
    )

    class Meta:
        model = Contract
        fields = [
            "title",
            "buyer_choice",
            "buyer",
            "lots",
            "start_date",
            "end_date",
            "notice",
            "status",
            "territories",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {
            "title": {"required": _("Indiquez l'objet du marché.")},
            "start_date": {"invalid": _("Indiquez une date valide.")},
            "end_date": {"invalid": _("Indiquez une date valide.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_buyer()
        self.fields["territories"].choices = [
            (item.code, item.name) for item in reference.territories()
        ]
        if self.instance.pk:
            self.fields["territories"].initial = list(
                self.instance.territories.values_list("territory_code", flat=True)
            )
            self.fields["notice"].initial = self.instance.notice_id or self.instance.notice_url

    def clean_notice(self):
        return parse_notice(self.cleaned_data.get("notice"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("La fin ne peut pas précéder le début."))
        self.clean_buyer_pair(cleaned)
        notice = cleaned.get("notice")
        if notice is not None:
            self.instance.notice_id, self.instance.notice_url = notice
        return cleaned

    @transaction.atomic
    def save_by(self, user):
        creating = self.instance.pk is None
        changed = []
        for name in self.changed_data:
            label = _("acheteur") if name in ("buyer", "buyer_choice") else self.fields[name].label
            if name != "territories" and label not in changed:
                changed.append(label)
        contract = self.save()
        wanted = set(self.cleaned_data["territories"])
        have = set(contract.territories.values_list("territory_code", flat=True))
        contract.territories.exclude(territory_code__in=wanted).delete()
        for code in sorted(wanted - have):
            ContractTerritory.objects.create(contract=contract, territory_code=code)
        if creating:
            log_change(contract, user, _("Marché créé."))
        else:
            parts = [str(label) for label in changed]
            if wanted != have:
                parts.append(str(_("territoires concernés")))
            if parts:
                log_change(
                    contract, user, _("Modifié : %(fields)s.") % {"fields": ", ".join(parts)}
                )
        return contract


def network_facilitators():
    return (
        get_user_model()
        .objects.filter(groups__name=NETWORK, is_active=True, network_member__isnull=False)
        .order_by("last_name", "first_name", "username")
        .distinct()
    )


class FacilitatorForm(forms.Form):
    facilitator = forms.ModelChoiceField(
        label=_("Facilitateur référent"),
        queryset=get_user_model().objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Cette personne n'est pas membre du réseau.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = network_facilitators()
        self.fields["facilitator"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )


class HoursForm(forms.Form):
    year = forms.IntegerField(
        label=_("Année"),
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": _("Indiquez l'année."),
            "invalid": _("L'année s'écrit en chiffres (exemple : 2026)."),
            "min_value": _("L'année doit être comprise entre 2000 et 2100."),
            "max_value": _("L'année doit être comprise entre 2000 et 2100."),
        },
    )
    targeted = forms.IntegerField(
        label=_("Heures visées"),
        min_value=0,
        max_value=MAX_HOURS_PER_YEAR,
        error_messages={
            "required": _("Indiquez les heures visées (0 si aucune)."),
            "invalid": _("Les heures s'écrivent en chiffres, sans décimale."),
            "min_value": _("Les heures ne peuvent pas être négatives."),
            "max_value": _(
                "Plus de %(limit_value)s heures sur un territoire en un an : vérifiez la saisie."
            ),
        },
    )
    achieved = forms.IntegerField(
        label=_("Heures réalisées"),
        min_value=0,
        max_value=MAX_HOURS_PER_YEAR,
        error_messages={
            "required": _("Indiquez les heures réalisées (0 si aucune)."),
            "invalid": _("Les heures s'écrivent en chiffres, sans décimale."),
            "min_value": _("Les heures ne peuvent pas être négatives."),
            "max_value": _(
                "Plus de %(limit_value)s heures sur un territoire en un an : vérifiez la saisie."
            ),
        },
    )

    @transaction.atomic
    def save_for(self, territory, user):
        data = self.cleaned_data
        record, created = HoursRecord.objects.select_for_update().get_or_create(
            territory=territory, year=data["year"]
        )
        before = (record.targeted, record.achieved)
        record.targeted, record.achieved = data["targeted"], data["achieved"]
        record.save()
        if created or before != (record.targeted, record.achieved):
            log_change(
                territory.contract,
                user,
                _(
                    "Heures %(year)s, %(territory)s : visées %(targeted)s, réalisées "
                    "%(achieved)s (avant : %(before_targeted)s et %(before_achieved)s)."
                )
                % {
                    "year": data["year"],
                    "territory": territory_name(territory.territory_code),
                    "targeted": record.targeted,
                    "achieved": record.achieved,
                    "before_targeted": before[0],
                    "before_achieved": before[1],
                },
            )
        return record


def hours_totals(contracts=None, year=None):
    """Targeted and achieved hours by territory code (for the observatory), over `contracts`."""
    records = HoursRecord.objects.all()
    if contracts is not None:
        records = records.filter(territory__contract__in=contracts)
    if year is not None:
        records = records.filter(year=year)
    return {
        row["territory__territory_code"]: (row["targeted"] or 0, row["achieved"] or 0)
        for row in records.values("territory__territory_code").annotate(
            targeted=Sum("targeted"), achieved=Sum("achieved")
        )
    }


EXPORT_COLUMNS = [
    _("Objet"),
    _("Acheteur"),
    _("État"),
    _("Début"),
    _("Fin"),
    _("Territoire"),
    _("Facilitateur référent"),
    _("Année"),
    _("Heures visées"),
    _("Heures réalisées"),
]


def export_rows(contracts):
    territories = (
        ContractTerritory.objects.filter(contract__in=contracts)
        .select_related("contract", "facilitator")
        .prefetch_related("hours")
        .order_by("contract__title", "territory_code")
    )
    names = {item.code: item.name for item in reference.territories()}
    for item in territories:
        contract = item.contract
        base = [
            contract.title,
            contract.buyer,
            str(contract.get_status_display()),
            contract.start_date.isoformat() if contract.start_date else "",
            contract.end_date.isoformat() if contract.end_date else "",
            names.get(item.territory_code, item.territory_code),
            (item.facilitator.get_full_name() or item.facilitator.get_username())
            if item.facilitator
            else "",
        ]
        records = list(item.hours.all())
        if not records:
            yield base + ["", "", ""]
        for record in records:
            yield base + [record.year, record.targeted, record.achieved]


def safe_cell(value):
    """A cell a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def export_csv(contracts) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(column) for column in EXPORT_COLUMNS])
    for row in export_rows(contracts):
        writer.writerow([safe_cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def export_xlsx(contracts) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(_("Marchés")))
    sheet.append([str(column) for column in EXPORT_COLUMNS])
    for row in export_rows(contracts):
        sheet.append([safe_cell(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def contract_hours_rows(year=None):
    """core.indicators source `members.contract-hours`: the register's insertion hours by year and
    territory, one row per (year, territory) with hours entered (a record of 0 targeted and 0
    achieved hours counts for nothing and is left out), ordered by year then territory name:

        {"year": int, "territory_code": str, "territory": str (the territory's name, its code when
         the directory does not know it), "contracts": int (contracts with hours that year on that
         territory), "targeted_hours": int, "achieved_hours": int}

    One aggregate query whatever the number of contracts (plus the directory's names)."""
    records = HoursRecord.objects.exclude(targeted=0, achieved=0)
    if year is not None:
        records = records.filter(year=year)
    totals = list(
        records.values("year", "territory__territory_code")
        .annotate(
            contracts=Count("territory__contract", distinct=True),
            targeted_hours=Sum("targeted"),
            achieved_hours=Sum("achieved"),
        )
        .order_by()
    )
    codes = {row["territory__territory_code"] for row in totals}
    names = {item.code: item.name for item in reference.territories(codes)} if codes else {}
    rows = [
        {
            "year": int(row["year"]),
            "territory_code": row["territory__territory_code"],
            "territory": names.get(
                row["territory__territory_code"], row["territory__territory_code"]
            ),
            "contracts": int(row["contracts"]),
            "targeted_hours": int(row["targeted_hours"] or 0),
            "achieved_hours": int(row["achieved_hours"] or 0),
        }
        for row in totals
    ]
    rows.sort(key=lambda row: (row["year"], row["territory"], row["territory_code"]))
    return rows
