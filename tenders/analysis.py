"""Which notices carry a social consideration, and which lack one they should have had, each with
its reason in French for the facilitator.

A social consideration is found from the structured signals of the record (the `criteres` facet
`sociaux`, a reserved contract or lot: MARCHE_RESERVE_OUI, eForms BT-71 reserved participation and
BT-736 reserved execution, the eForms strategic procurement `soc-obj` and social objective BT-775)
and from the wording editors maintain as DetectionRule rows (clause d'insertion, L2112-2, R2152-7,
L2113-12/13/14...).

A consideration is required (loi Climat et résilience, art. 35, code de la commande publique
L2111-2 and L2112-2) for a contract whose consultation starts from 22 August 2026 and whose value
is at or above the European thresholds: such a notice without any consideration is flagged."""

import datetime
import re
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.text import fold

from .models.notices import ConsiderationKind, DetectionRule

# From this publication date on, a contract above the EU thresholds must take social
# considerations into account (loi n° 2021-1104 du 22 août 2021, art. 35, in force five years on).
REQUIRED_FROM = datetime.date(2026, 8, 22)
# The EU thresholds of 2026-2027 (€ HT) for local and regional buyers, most of the département's:
# a notice published in the OJEU (family "JOUE", or an eForms notice) is above them whatever its
# stated value.
EU_THRESHOLDS = {
    "TRAVAUX": Decimal("5404000"),
    "FOURNITURES": Decimal("216000"),
    "SERVICES": Decimal("216000"),
    "": Decimal("216000"),
}
EU_FAMILIES = {"JOUE"}
CALLS_FOR_COMPETITION = ("APPEL", "AVIS DE MARCHE", "MARCHE")
SOCIAL_STRATEGIC_CODES = {"soc-obj"}

ARTICLE_RE = re.compile(r"\b([lr])\s*\.?\s*(\d{4})\s*-\s*(\d+)\b")


def normalise(value):
    """Folded, single-spaced, articles written one way ("L. 2113-12" → "l2113-12")."""
    folded = " ".join(fold(value).replace("’", "'").split())
    return ARTICLE_RE.sub(r"\1\2-\3", folded)


def active_rules():
    return list(DetectionRule.objects.filter(active=True))


def _passage(texts, expression):
    """The first passage where `expression` (normalised) stands as whole words; `texts` are
    (passage, normalised passage) pairs."""
    pattern = re.compile(r"(?<!\w)" + re.escape(expression) + r"(?!\w)")
    for passage, normalised in texts:
        if pattern.search(normalised):
            return passage
    return ""


def _excerpt(passage, expression, width=160):
    folded = normalise(passage)
    position = folded.find(expression)
    if len(passage) <= width or position < 0:
        return passage[:width]
    start = max(0, position - width // 3)
    return ("…" if start else "") + passage[start : start + width].strip() + "…"


def analyse(parsed, rules=None):
    """The analysis fields of a notice from its ParsedRecord (tenders.records)."""
    rules = active_rules() if rules is None else rules
    reasons = []

    def add(kind, reason):
        reasons.append(
            {"kind": kind, "label": str(ConsiderationKind(kind).label), "reason": str(reason)}
        )

    if "sociaux" in parsed.facets or "social" in parsed.facets:
        add(
            ConsiderationKind.FACET,
            _("L'acheteur a déclaré des critères sociaux (facette « critères » du BOAMP)."),
        )
    for signal in parsed.reserved_signals:
        add(ConsiderationKind.RESERVED, signal)
    codes = parsed.eforms_codes
    if SOCIAL_STRATEGIC_CODES & set(codes.get("strategic-procurement", [])):
        add(
            ConsiderationKind.STRATEGIC,
            _("Achat à objectif social déclaré (eForms BT-06 : soc-obj)."),
        )
    for code in codes.get("social-objective", []):
        add(
            ConsiderationKind.STRATEGIC,
            _("Objectif social de l'achat déclaré (eForms BT-775 : %(code)s).") % {"code": code},
        )
    # Each passage normalised once, whatever the number of rules and expressions.
    where = {
        key: [(passage, normalise(passage)) for passage in dict.fromkeys(texts)]
        for key, texts in (
            (DetectionRule.Where.EXECUTION, parsed.texts.execution),
            (DetectionRule.Where.AWARD, parsed.texts.award),
            (DetectionRule.Where.ANY, parsed.texts.other),
        )
    }
    for rule in rules:
        texts = where[rule.where]
        for expression in rule.expressions:
            wanted = normalise(expression)
            passage = _passage(texts, wanted)
            if passage:
                add(rule.kind, f"{rule.reason} « {_excerpt(passage, wanted)} »")
                break
    kinds = list(dict.fromkeys(reason["kind"] for reason in reasons))
    fields = parsed.fields
    above, threshold_reason = above_eu_threshold(fields)
    missing = ""
    if (
        not reasons
        and above
        and is_call_for_competition(fields)
        and (fields["published_on"] >= REQUIRED_FROM)
    ):
        missing = _(
            "Publié le %(date)s, %(threshold)s : depuis le 22 août 2026 (loi Climat et "
            "résilience, art. 35), ce marché doit prendre en compte des considérations "
            "sociales ou d'emploi ; l'avis n'en mentionne aucune (ni critère, ni clause, ni "
            "lot réservé)."
        ) % {"date": fields["published_on"].strftime("%d/%m/%Y"), "threshold": threshold_reason}
    return {
        "has_social_consideration": bool(reasons),
        "consideration_kinds": kinds,
        "is_reserved": ConsiderationKind.RESERVED in kinds,
        "above_eu_threshold": above,
        "lacks_required_consideration": bool(missing),
        "analysis": {"reasons": reasons, "missing": str(missing), "threshold": threshold_reason},
    }


def is_call_for_competition(fields):
    nature = fold(fields.get("nature", "")).upper()
    return not nature or "ATTRIBUTION" not in nature


def above_eu_threshold(fields):
    """(above, why in French) from the estimated value, or the publication in the OJEU."""
    threshold = EU_THRESHOLDS.get(fields.get("contract_kind", ""), EU_THRESHOLDS[""])
    value = fields.get("estimated_value")
    if value is not None and value >= threshold:
        return True, _(
            "au-dessus des seuils européens (valeur estimée %(value)s € HT, seuil %(threshold)s €)"
        ) % {
            "value": number_format(value, 0, force_grouping=True),
            "threshold": number_format(threshold, 0, force_grouping=True),
        }
    if fields.get("family", "").upper() in EU_FAMILIES or fields.get("source_format") == "eforms":
        return True, _(
            "au-dessus des seuils européens (avis publié au Journal officiel de l'Union européenne)"
        )
    return False, ""
