"""A small client of the BOAMP open data (opendatasoft explore API v2.1, dataset `boamp`): timeouts,
retries with back-off on 429 and 5xx, and a French message when the API is unreachable or answers
something unexpected. No models here: the importer (tenders.importing) writes the notices."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

PAGE_SIZE = 100  # the records endpoint's maximum
OFFSET_LIMIT = 10_000  # offset + limit may not exceed it: beyond, the exports endpoint
RETRIED_STATUSES = (429, 500, 502, 503, 504)


class BoampError(Exception):
    """The API could not give a window's records (the message says why, in French)."""


@dataclass
class WindowQuery:
    """The notices of the Hérault (and the multi-territorial ones covering it) published on `day`."""

    day: datetime.date
    department: str = "34"

    @property
    def where(self):
        return f"dateparution = date'{self.day.isoformat()}'"

    def params(self):
        return {
            "where": self.where,
            "refine": f"code_departement:{self.department}",
            "order_by": "idweb",
        }


class BoampClient:
    def __init__(self, base_url=None, timeout=None, retries=None, backoff=None):
        self.base_url = (base_url or settings.BOAMP_API_URL).rstrip("/")
        self.timeout = timeout if timeout is not None else settings.BOAMP_API_TIMEOUT
        retry = Retry(
            total=settings.BOAMP_API_RETRIES if retries is None else retries,
            backoff_factor=settings.BOAMP_API_BACKOFF if backoff is None else backoff,
            status_forcelist=RETRIED_STATUSES,
            allowed_methods=("GET",),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        self.session = requests.Session()
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        self.session.headers["User-Agent"] = "MICS34-veille-marches/1.0"

    @property
    def dataset_url(self):
        return f"{self.base_url}/catalog/datasets/boamp"

    def _get(self, url, params):
        try:
            response = self.session.get(url, params=params, timeout=self.timeout)
        except (requests.Timeout, requests.ConnectionError) as error:
            if isinstance(error, requests.Timeout) or isinstance(
                getattr(error.args[0] if error.args else None, "reason", None), ReadTimeoutError
            ):
                raise BoampError(
                    _("L'API du BOAMP n'a pas répondu à temps (plus de %(seconds)s secondes).")
                    % {"seconds": self.timeout}
                ) from error
            raise BoampError(
                _("L'API du BOAMP est injoignable (%(error)s).") % {"error": type(error).__name__}
            ) from error
        except requests.RequestException as error:
            raise BoampError(
                _("L'API du BOAMP est injoignable (%(error)s).") % {"error": type(error).__name__}
            ) from error
        if response.status_code != 200:
            raise BoampError(
                _("L'API du BOAMP a répondu par une erreur %(status)s.")
                % {"status": response.status_code}
            )
        try:
            return response.json()
        except ValueError as error:
            raise BoampError(
                _("L'API du BOAMP a renvoyé une réponse qui n'est pas du JSON valide.")
            ) from error

    def window_records(self, query):
        """Every record of the window: pages of 100 while offset + limit stays within 10,000, the
        exports endpoint (no paging limit) for a bigger window."""
        records = []
        offset = 0
        total = None
        while total is None or offset < total:
            data = self._get(
                f"{self.dataset_url}/records",
                {**query.params(), "limit": PAGE_SIZE, "offset": offset},
            )
            if not isinstance(data, dict) or not isinstance(data.get("results"), list):
                raise BoampError(
                    _(
                        "L'API du BOAMP a renvoyé une réponse inattendue (ni « results » ni « total_count »)."
                    )
                )
            if total is None:
                total = data.get("total_count")
                if not isinstance(total, int):
                    raise BoampError(
                        _("L'API du BOAMP n'a pas donné le nombre d'avis (« total_count »).")
                    )
                if total > OFFSET_LIMIT:
                    return self.export_records(query)
            records.extend(data["results"])
            if not data["results"]:
                break
            offset += PAGE_SIZE
        if total is not None and len(records) < total:
            raise BoampError(
                _("L'API du BOAMP a annoncé %(total)s avis mais n'en a donné que %(count)s.")
                % {"total": total, "count": len(records)}
            )
        return records

    def export_records(self, query):
        data = self._get(f"{self.dataset_url}/exports/json", query.params())
        if not isinstance(data, list):
            raise BoampError(_("L'export du BOAMP a renvoyé une réponse inattendue."))
        return data
