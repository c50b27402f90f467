"""The coordination's management of members: who may manage them (the Coordination MICS 34 group
and the superusers), the list, changing a member's role (core.network's groups) and territories,
deactivating and reactivating an account, each change logged (who, when, what).

A deactivated member cannot sign in (Django refuses an inactive account, and a session already open
is no longer recognised); their contracts, meetings and history stay."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import reference
from core.network import COORDINATION, FACILITATORS

from .accounts import set_role
from .forms import structure_choices, territory_choices
from .models import (
    ROLE_CHOICES,
    ROLE_COORDINATION,
    ROLE_FACILITATOR,
    ROLE_NETWORK,
    Member,
    MemberChange,
)


def can_manage_members(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=COORDINATION).exists()


def role_of(group_names) -> str:
    if COORDINATION in group_names:
        return ROLE_COORDINATION
    if FACILITATORS in group_names:
        return ROLE_FACILITATOR
    return ROLE_NETWORK


def roster():
    """Every member with their account and groups (three queries), by name."""
    return (
        Member.objects.select_related("user")
        .prefetch_related("user__groups")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


def roster_rows(members):
    """The list's rows: each member with their structure's and territories' names and role, with
    one call to the directory for all the structures and one for all the territories."""
    members = list(members)
    structures = {
        item.id: item.name
        for item in reference.structures(
            ids={member.structure_id for member in members if member.structure_id}
        )
    }
    names = {item.code: item.name for item in reference.territories()}
    labels = dict(ROLE_CHOICES)
    rows = []
    for member in members:
        role = role_of({group.name for group in member.user.groups.all()})
        rows.append(
            {
                "member": member,
                "user": member.user,
                "structure": structures.get(member.structure_id, ""),
                "territories": [names.get(code, code) for code in member.territory_codes],
                "role": role,
                "role_label": labels[role],
            }
        )
    return rows


def log_member_change(user, by, description):
    MemberChange.objects.create(user=user, by=by, description=description)


def _name(user):
    return user.get_full_name() or user.get_username()


class MemberForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Rôle"),
        choices=ROLE_CHOICES,
        error_messages={"invalid_choice": _("Ce rôle n'existe pas.")},
    )
    structure = forms.ChoiceField(
        label=_("Structure de l'annuaire"),
        required=False,
        error_messages={"invalid_choice": _("Cette structure n'existe pas dans l'annuaire.")},
    )
    territories = forms.MultipleChoiceField(
        label=_("Territoires suivis"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Communes ou intercommunalités (plusieurs choix possibles)."),
        error_messages={
            "invalid_choice": _("Le territoire « %(value)s » n'existe pas dans l'annuaire.")
        },
    )

    def __init__(self, *args, member, by, **kwargs):
        self.member, self.by = member, by
        role = role_of(set(member.user.groups.values_list("name", flat=True)))
        kwargs.setdefault(
            "initial",
            {
                "role": role,
                "structure": str(member.structure_id) if member.structure_id else "",
                "territories": list(member.territory_codes),
            },
        )
        super().__init__(*args, **kwargs)
        self.role_before = role
        self.fields["structure"].choices = structure_choices()
        self.fields["territories"].choices = territory_choices()

    def clean_structure(self):
        value = self.cleaned_data.get("structure")
        return int(value) if value else None

    def clean_role(self):
        role = self.cleaned_data["role"]
        if self.member.user_id == self.by.pk and role != self.role_before:
            raise forms.ValidationError(
                _(
                    "Vous ne pouvez pas changer votre propre rôle : demandez-le à une autre personne."
                )
            )
        return role

    @transaction.atomic
    def save(self):
        member, data, user = self.member, self.cleaned_data, self.member.user
        labels = dict(ROLE_CHOICES)
        parts = []
        if data["role"] != self.role_before:
            set_role(user, data["role"])
            parts.append(
                gettext("rôle : %(before)s → %(after)s")
                % {"before": labels[self.role_before], "after": labels[data["role"]]}
            )
        if data["structure"] != member.structure_id:
            names = dict(structure_choices())
            parts.append(
                gettext("structure : %(name)s")
                % {"name": names.get(str(data["structure"]), gettext("aucune"))}
            )
        wanted = sorted(data["territories"])
        if wanted != sorted(member.territory_codes):
            names = dict(territory_choices())
            parts.append(
                gettext("territoires : %(names)s")
                % {"names": ", ".join(names.get(code, code) for code in wanted) or gettext("aucun")}
            )
        member.structure_id = data["structure"]
        member.territory_codes = wanted
        member.save(update_fields=["structure_id", "territory_codes"])
        if parts:
            log_member_change(
                user, self.by, gettext("Modifié : %(changes)s.") % {"changes": " ; ".join(parts)}
            )
        return parts


class RefusedChange(Exception):
    pass


@transaction.atomic
def set_active(member, active: bool, by) -> None:
    """Deactivate (or reactivate) a member's account; nothing of their history is deleted."""
    user = member.user
    if user.pk == by.pk:
        raise RefusedChange(gettext("Vous ne pouvez pas désactiver votre propre compte."))
    if user.is_superuser and not by.is_superuser:
        raise RefusedChange(
            gettext("Seul un superutilisateur peut désactiver ou réactiver ce compte.")
        )
    if user.is_active == active:
        return
    user.is_active = active
    user.save(update_fields=["is_active"])
    log_member_change(
        user,
        by,
        gettext("Compte réactivé.") if active else gettext("Compte désactivé."),
    )
