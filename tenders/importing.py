"""The BOAMP importer: day windows read whole from the API, then written in one transaction each, so
that a window is committed whole or not at all and the next run resumes from it.

Idempotent on `idweb`: a notice or publication already recorded with the same raw record changes
nothing. A rectification or a cancellation updates the notice it concerns (`annonce_lie`) and is
kept in its history (NoticeEvent). A record that cannot be read is reported and skipped."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .analysis import active_rules, analyse
from .boamp import BoampClient, BoampError, WindowQuery
from .models.notices import ImportedWindow, ImportRun, Notice, NoticeEvent, NoticeState
from .records import RecordError, parse_record
from .territories import TerritoryIndex, locate

ORDER = {"initial": 0, "rectificatif": 1, "annulation": 2}
UPDATED_FIELDS = (
    "buyer_name",
    "buyer_siret",
    "title",
    "contract_kind",
    "nature",
    "family",
    "procedure",
    "descriptors",
    "departments",
    "published_on",
    "deadline",
    "url",
    "cpv_codes",
    "lots",
    "estimated_value",
    "source_format",
    "location",
)
EMPTY = (None, "", [], {})


@dataclass
class WindowResult:
    created: int = 0
    changed: int = 0
    cancelled: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list = field(default_factory=list)


@dataclass
class Known:
    """The window's notices and publications already in the database, read in two queries."""

    notices: dict
    event_records: dict

    @classmethod
    def of(cls, parsed_records):
        idwebs = {p.idweb for p in parsed_records} | {p.target for p in parsed_records if p.target}
        return cls(
            notices={n.idweb: n for n in Notice.objects.filter(idweb__in=idwebs)},
            event_records=dict(
                NoticeEvent.objects.filter(
                    idweb__in=[p.idweb for p in parsed_records if p.kind != "initial"]
                ).values_list("idweb", "raw_record")
            ),
        )


def _notice_values(parsed, rules, index):
    values = {name: parsed.fields[name] for name in UPDATED_FIELDS}
    values.update(analyse(parsed, rules))
    values["commune_code"], values["location_source"] = locate(values["location"], index)
    return values


def _apply_initial(parsed, rules, index, result, known):
    notice = known.notices.get(parsed.idweb)
    if notice is not None and notice.raw_record == parsed.raw:
        result.unchanged += 1
        return
    values = _notice_values(parsed, rules, index)
    if notice is None:
        notice = Notice.objects.create(idweb=parsed.idweb, raw_record=parsed.raw, **values)
        known.notices[notice.idweb] = notice
        result.created += 1
    elif notice.state != NoticeState.INITIAL:
        # The initial notice imported after a rectification or cancellation of it (a run from an
        # earlier date): what those changed stays, what they left empty comes from the initial
        # record, which is kept, and its analysis is added.
        for name in UPDATED_FIELDS:
            if getattr(notice, name) in EMPTY and values[name] not in EMPTY:
                setattr(notice, name, values[name])
        _relocate(notice, index)
        for name, value in merge_analyses(notice, values).items():
            setattr(notice, name, value)
        notice.raw_record = parsed.raw
        notice.save()
        result.changed += 1
    else:
        # The initial record came again with other values (the source corrected it in place).
        for name, value in values.items():
            setattr(notice, name, value)
        notice.raw_record = parsed.raw
        notice.is_example = False
        notice.save()
        result.changed += 1
    NoticeEvent.objects.update_or_create(
        idweb=parsed.idweb,
        defaults={
            "notice": notice,
            "kind": NoticeEvent.Kind.INITIAL,
            "published_on": parsed.fields["published_on"],
            "raw_record": parsed.raw,
        },
    )


def _relocate(notice, index):
    notice.commune_code, notice.location_source = locate(notice.location, index)


def merge_analyses(notice, values):
    """The analysis fields of a notice and of a rectification of it, together."""
    reasons = list(notice.reasons)
    reasons += [reason for reason in values["analysis"]["reasons"] if reason not in reasons]
    kinds = list(dict.fromkeys(reason["kind"] for reason in reasons))
    missing = "" if reasons else (values["analysis"]["missing"] or notice.missing_reason)
    return {
        "has_social_consideration": bool(reasons),
        "consideration_kinds": kinds,
        "is_reserved": "marche-reserve" in kinds,
        "above_eu_threshold": notice.above_eu_threshold or values["above_eu_threshold"],
        "lacks_required_consideration": bool(missing),
        "analysis": {
            "reasons": reasons,
            "missing": missing,
            "threshold": notice.analysis.get("threshold") or values["analysis"]["threshold"],
        },
    }


def _changes(notice, values):
    labels = {
        "title": _("objet"),
        "deadline": _("date limite"),
        "estimated_value": _("valeur estimée"),
        "lots": _("lots"),
        "procedure": _("procédure"),
        "buyer_name": _("acheteur"),
    }
    changed = [label for name, label in labels.items() if getattr(notice, name) != values[name]]
    return ", ".join(str(label) for label in changed)


def _apply_follow_up(parsed, rules, index, result, known):
    if known.event_records.get(parsed.idweb) == parsed.raw:
        result.unchanged += 1
        return
    cancelled = parsed.kind == "annulation"
    notice = known.notices.get(parsed.target)
    values = _notice_values(parsed, rules, index)
    if notice is None:
        # The notice concerned was published before the imported windows: the rectification or
        # cancellation carries the procedure's data, and becomes its first known state.
        notice = Notice(idweb=parsed.target, raw_record=parsed.raw, **values)
        summary = _("Avis initial %(idweb)s antérieur à la veille.") % {"idweb": parsed.target}
        result.created += 1
        if cancelled:
            result.cancelled += 1
    elif cancelled:
        summary = _("Procédure annulée.")
        result.cancelled += 1
    else:
        summary = _("Modifié : %(fields)s.") % {"fields": _changes(notice, values) or _("détails")}
        result.changed += 1
        # A rectification restates what changed: the values it gives replace the notice's, and
        # what it says of social considerations adds to what the notice said.
        for name in UPDATED_FIELDS:
            if name not in ("source_format", "url") and values[name] not in EMPTY:
                setattr(notice, name, values[name])
        _relocate(notice, index)
        for name, value in merge_analyses(notice, values).items():
            setattr(notice, name, value)
    notice.state = NoticeState.CANCELLED if cancelled else NoticeState.RECTIFIED
    notice.save()
    known.notices[notice.idweb] = notice
    NoticeEvent.objects.update_or_create(
        idweb=parsed.idweb,
        defaults={
            "notice": notice,
            "kind": NoticeEvent.Kind.CANCELLATION if cancelled else NoticeEvent.Kind.RECTIFICATION,
            "published_on": parsed.fields["published_on"],
            "summary": summary,
            "raw_record": parsed.raw,
        },
    )


def import_records(records, rules=None, index=None):
    """Write one window's records (in the caller's transaction); returns a WindowResult."""
    rules = active_rules() if rules is None else rules
    index = TerritoryIndex.load() if index is None else index
    result = WindowResult()
    parsed_records = []
    for record in records:
        try:
            parsed = parse_record(record)
        except RecordError as error:
            result.skipped += 1
            result.problems.append(str(error))
            continue
        if parsed.kind == "attribution":
            result.skipped += 1
            result.problems.append(
                _("Avis %(idweb)s : avis d'attribution, hors du champ de la veille.")
                % {"idweb": parsed.idweb}
            )
            continue
        parsed_records.append(parsed)
    parsed_records.sort(key=lambda p: (ORDER[p.kind], p.fields["published_on"], p.idweb))
    known = Known.of(parsed_records)
    for parsed in parsed_records:
        if parsed.kind == "initial":
            _apply_initial(parsed, rules, index, result, known)
        else:
            _apply_follow_up(parsed, rules, index, result, known)
    return result


def next_day_to_import(default):
    last = ImportedWindow.objects.order_by("-day").first()
    return last.day + datetime.timedelta(days=1) if last else default


def run_import(since, until, client=None, log=None):
    """Import the days from `since` to `until` (included), one window per day, into an ImportRun;
    stops at the first window the API cannot give (that window and the later ones untouched)."""
    client = client or BoampClient()
    run = ImportRun.objects.create(since=since, until=until)
    rules = active_rules()
    index = TerritoryIndex.load()
    day = since
    try:
        while day <= until:
            records = client.window_records(WindowQuery(day))
            with transaction.atomic():
                result = import_records(records, rules, index)
                ImportedWindow.objects.update_or_create(
                    day=day, defaults={"record_count": len(records)}
                )
            for name in ("created", "changed", "cancelled", "unchanged", "skipped"):
                setattr(run, name, getattr(run, name) + getattr(result, name))
            run.problems.extend(f"{day:%d/%m/%Y} : {problem}" for problem in result.problems)
            run.windows_done += 1
            run.save()
            if log:
                log(day, result)
            day += datetime.timedelta(days=1)
    except BoampError as error:
        run.status = ImportRun.Status.FAILED
        run.error = _(
            "Import arrêté au %(day)s : %(error)s Rien n'a été écrit pour ce jour ; le prochain "
            "import reprendra à cette date."
        ) % {"day": day.strftime("%d/%m/%Y"), "error": error}
    else:
        run.status = ImportRun.Status.DONE
    run.finished_at = timezone.now()
    run.save()
    return run
