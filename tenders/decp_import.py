"""The DECP importer: one file read whole, then written in one transaction, so that a file is
committed whole or not at all.

Only the Hérault's buyers are kept: a buyer whose département the consolidated export gives as 34,
or, when the file does not say, a buyer already known to the watch by its SIRET (its BOAMP notices)
or a contract executed in the Hérault (`lieuExecution`). Idempotent on the buyer's SIRET and the
contract's `id`: a record already imported as it is changes nothing; one that changed updates the
contract. A record that cannot be read is reported (in French) and skipped."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .decp import (
    DEPARTMENT,
    DecpClient,
    DecpError,
    DecpRecordError,
    buyer_kind,
    in_department,
    parse_contract,
    read_file,
)
from .models.contracts import Contract, DecpImportRun
from .models.notices import Notice


@dataclass
class DecpResult:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    outside: int = 0
    skipped: int = 0
    problems: list = field(default_factory=list)


def herault_buyers():
    """The buyers the watch knows from their BOAMP notices of the Hérault: {SIRET: name}. The DECP
    v2 files give a buyer's SIRET only; the name comes from there when the file has none."""
    return dict(
        Notice.objects.exclude(buyer_siret="")
        .order_by("published_on")
        .values_list("buyer_siret", "buyer_name")
    )


def is_herault(parsed, known_buyers):
    if parsed.buyer_department:
        return parsed.buyer_department.strip() == DEPARTMENT
    return parsed.buyer_siret in known_buyers or in_department(
        parsed.fields["place_code"], parsed.fields["place_type"]
    )


def import_contracts(records):
    """Write a file's records (in the caller's transaction); returns a DecpResult."""
    result = DecpResult()
    known_buyers = herault_buyers()
    parsed_records = {}
    for record in records:
        try:
            parsed = parse_contract(record)
        except DecpRecordError as error:
            result.skipped += 1
            result.problems.append(str(error))
            continue
        if not is_herault(parsed, known_buyers):
            result.outside += 1
            continue
        if not parsed.fields["buyer_name"] and known_buyers.get(parsed.buyer_siret):
            name = known_buyers[parsed.buyer_siret][:400]
            parsed.fields["buyer_name"] = name
            parsed.fields["buyer_kind"] = buyer_kind(name, parsed.buyer_siret)
        key = (parsed.buyer_siret, parsed.contract_id)
        if key in parsed_records:
            # A modification published later in the same file restates the contract: the last wins.
            result.problems.append(
                _(
                    "Marché %(id)s de l'acheteur %(siret)s : présent plusieurs fois, le dernier est gardé."
                )
                % {"id": parsed.contract_id, "siret": parsed.buyer_siret}
            )
        parsed_records[key] = parsed
    existing = {
        (c.buyer_siret, c.contract_id): c
        for c in Contract.objects.filter(
            buyer_siret__in={siret for siret, _id in parsed_records},
            contract_id__in={contract_id for _siret, contract_id in parsed_records},
        )
    }
    for key, parsed in parsed_records.items():
        contract = existing.get(key)
        if contract is None:
            Contract.objects.create(
                contract_id=parsed.contract_id,
                buyer_siret=parsed.buyer_siret,
                raw_record=parsed.raw,
                **parsed.fields,
            )
            result.created += 1
        elif contract.raw_record == parsed.raw:
            result.unchanged += 1
        else:
            for name, value in parsed.fields.items():
                setattr(contract, name, value)
            contract.raw_record = parsed.raw
            contract.save()
            result.changed += 1
    return result


def run_decp_import(url, client=None):
    """Import the DECP file at `url` into a DecpImportRun; nothing is written if it cannot be had
    or read."""
    client = client or DecpClient()
    run = DecpImportRun.objects.create(source=url[:500])
    try:
        content, content_type = client.fetch(url)
        records = read_file(content, content_type)
        with transaction.atomic():
            result = import_contracts(records)
    except DecpError as error:
        run.status = DecpImportRun.Status.FAILED
        run.error = _("Import DECP arrêté : %(error)s Rien n'a été écrit.") % {"error": error}
    except Exception as error:
        # A failure while writing (the database...): the transaction rolled back; the run says so
        # before the error goes on to the caller.
        run.status = DecpImportRun.Status.FAILED
        run.error = _(
            "Import DECP arrêté par une erreur inattendue (%(error)s) : rien n'a été écrit."
        ) % {"error": type(error).__name__}
        run.finished_at = timezone.now()
        run.save()
        raise
    else:
        run.status = DecpImportRun.Status.DONE
        run.records = len(records)
        for name in ("created", "changed", "unchanged", "outside", "skipped"):
            setattr(run, name, getattr(result, name))
        run.problems = result.problems
    run.finished_at = timezone.now()
    run.save()
    return run
