"""Fixtures of the watch's tests: a local HTTP server replaying the recorded answers of the BOAMP
API (recordings/), with errors and slow answers on demand, never the real network."""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from django.test import override_settings

import pytest

from core import reference
from tenders.boamp import BoampClient
from tenders.decp import DecpClient
from tenders.factories import WatchPageFactory

RECORDINGS = Path(__file__).parent / "recordings" / "records"
EXPORTS = Path(__file__).parent / "recordings" / "exports"
DAY_RE = re.compile(r"dateparution = date'(\d{4}-\d{2}-\d{2})'")


class ReplayServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), ReplayHandler)
        # (day, offset) -> a list of faults served in turn before the recording: an HTTP status,
        # "slow" (an answer after the client's timeout), "garbage" (not JSON) or "unexpected" (the
        # v1 API's shape).
        self.faults = {}
        self.requests = []

    def handle_error(self, request, client_address):
        pass  # a client that gave up on a slow answer closed the connection

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/api/explore/v2.1"


class ReplayHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, status, body, content_type="application/json; charset=utf-8"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        params = {key: values[0] for key, values in parse_qs(url.query).items()}
        self.server.requests.append((url.path, params))
        if url.path.endswith("/catalog/datasets/boamp/exports/json"):
            # The exports endpoint: every record of the query at once, no paging limit.
            match = DAY_RE.search(params.get("where", ""))
            path = EXPORTS / f"{match.group(1) if match else ''}.json"
            return self._send(200, path.read_text(encoding="utf-8") if path.exists() else "[]")
        if not url.path.endswith("/catalog/datasets/boamp/records"):
            return self._send(404, json.dumps({"error_code": "NotFound"}))
        if params.get("refine") != "code_departement:34" or int(params.get("limit", 10)) > 100:
            return self._send(400, json.dumps({"error_code": "InvalidRESTParameterError"}))
        match = DAY_RE.search(params.get("where", ""))
        day, offset = (match.group(1) if match else ""), int(params.get("offset", 0))
        if offset + int(params["limit"]) > 10_000:
            return self._send(400, json.dumps({"error_code": "InvalidRESTParameterError"}))
        faults = self.server.faults.get((day, offset))
        if faults:
            fault = faults.pop(0)
            if fault == "slow":
                time.sleep(1.5)
            elif fault == "garbage":
                return self._send(200, "<html>Service indisponible</html>", "text/html")
            elif fault == "unexpected":
                return self._send(200, json.dumps({"records": [], "nhits": 0}))
            else:
                return self._send(fault, json.dumps({"error_code": "ServerError"}))
        path = RECORDINGS / day / f"offset-{offset}.json"
        if not path.exists():
            return self._send(200, json.dumps({"total_count": 0, "results": []}))
        return self._send(200, path.read_text(encoding="utf-8"))


@pytest.fixture
def boamp_server():
    server = ReplayServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with override_settings(BOAMP_API_URL=server.base_url):
        yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def boamp_client(boamp_server):
    """A client of the replay server: a short timeout, retries without waiting."""
    return BoampClient(base_url=boamp_server.base_url, timeout=0.5, retries=2, backoff=0)


@pytest.fixture
def watch_page(home_page):
    page = WatchPageFactory(parent=home_page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


DECP_RECORDINGS = Path(__file__).parent / "recordings" / "decp"


class DecpReplayServer(ThreadingHTTPServer):
    """Serves the files of recordings/decp/ at /decp/<name>, with faults on demand: `faults[name]`
    is a list of HTTP statuses or "slow" served in turn before the file."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), DecpReplayHandler)
        self.faults = {}
        self.requests = []

    def handle_error(self, request, client_address):
        pass

    def url(self, name):
        return f"http://127.0.0.1:{self.server_address[1]}/decp/{name}"


class DecpReplayHandler(ReplayHandler):
    def do_GET(self):
        name = urlparse(self.path).path.removeprefix("/decp/")
        self.server.requests.append(name)
        faults = self.server.faults.get(name)
        if faults:
            fault = faults.pop(0)
            if fault == "slow":
                time.sleep(1.5)
            else:
                return self._send(fault, "<html>Erreur</html>", "text/html")
        path = DECP_RECORDINGS / name
        if "/" in name or not path.is_file():
            return self._send(404, "<html>Introuvable</html>", "text/html")
        content_type = "text/csv; charset=utf-8" if name.endswith(".csv") else None
        return self._send(200, path.read_text(encoding="utf-8"), content_type or "application/json")


@pytest.fixture
def decp_server():
    server = DecpReplayServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def decp_client(decp_server):
    """A client of the DECP replay server: a short timeout, retries without waiting."""
    return DecpClient(timeout=0.5, retries=2, backoff=0)


METROPOLE = "243400017"
BEZIERS_AGGLO = "243400769"
SETE_AGGLO = "200066355"
LUNEL_AGGLO = "243400520"
MONTPELLIER = "34172"
LATTES = "34129"
BEZIERS = "34032"
SETE = "34301"
LUNEL = "34145"
LODEVE = "34142"


class HeraultReference:
    """A few territories of the Hérault, as core.reference gives the directory's."""

    TERRITORIES = [
        reference.Territory(BEZIERS, "Béziers", reference.COMMUNE, BEZIERS_AGGLO),
        reference.Territory(LATTES, "Lattes", reference.COMMUNE, METROPOLE),
        reference.Territory(LODEVE, "Lodève", reference.COMMUNE, ""),
        reference.Territory(LUNEL, "Lunel", reference.COMMUNE, LUNEL_AGGLO),
        reference.Territory(MONTPELLIER, "Montpellier", reference.COMMUNE, METROPOLE),
        reference.Territory(SETE, "Sète", reference.COMMUNE, SETE_AGGLO),
        reference.Territory(BEZIERS_AGGLO, "CA Béziers Méditerranée", reference.EPCI),
        reference.Territory(LUNEL_AGGLO, "CA Lunel Agglo", reference.EPCI),
        reference.Territory(METROPOLE, "Montpellier Méditerranée Métropole", reference.EPCI),
        reference.Territory(SETE_AGGLO, "CA Sète Agglopôle Méditerranée", reference.EPCI),
    ]

    def territories(self, codes=None):
        if codes is None:
            return list(self.TERRITORIES)
        codes = set(codes)
        return [t for t in self.TERRITORIES if t.code in codes]

    def communes_of(self, code):
        epcis = {t.code for t in self.TERRITORIES if t.kind == reference.EPCI}
        if code in epcis:
            return frozenset(t.code for t in self.TERRITORIES if t.epci_code == code)
        return frozenset([code]) if any(t.code == code for t in self.TERRITORIES) else frozenset()

    def structures(self, ids=None, kinds=None):
        return []


@pytest.fixture
def herault(monkeypatch):
    """core.reference answered by HeraultReference for the test."""
    monkeypatch.setattr(reference, "_provider", HeraultReference())
    return HeraultReference
