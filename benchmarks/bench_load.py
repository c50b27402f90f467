"""The load side of the page benchmark (benchmarks/bench.py): check that each target answers 200,
then load it with wrk or, without wrk, with a bounded Python generator."""

import http.client
import json
import math
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent


def fetch(base_url, target_path, timeout=30):
    """One GET without following redirects: (status, body bytes)."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("GET", target_path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def check_targets(base_url, targets):
    """Each target must answer 200 with a body: returns the sizes, exits at the first failure."""
    sizes = {}
    for name, target_path in targets:
        try:
            status, body = fetch(base_url, target_path)
        except OSError as error:
            sys.exit(f"FAIL {name} {target_path}: no answer ({error})")
        if status != 200 or not body:
            excerpt = body[:600].decode("utf-8", "replace")
            sys.exit(f"FAIL {name} {target_path}: HTTP {status}, {len(body)} bytes\n{excerpt}")
        sizes[name] = len(body)
        print(f"  ok  {name:<10} {target_path}  HTTP 200, {len(body)} bytes")
    return sizes


def run_wrk(url, duration, threads, connections):
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=10s",
        "--latency",
        f"--script={HERE / 'report.lua'}",
        url,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 30, check=False
    )
    if result.returncode != 0:
        sys.exit(f"FAIL wrk {url}: exit {result.returncode}\n{result.stdout}{result.stderr}")
    match = re.search(r"^BENCH_JSON (\{.*\})$", result.stdout, re.MULTILINE)
    if not match:
        sys.exit(f"FAIL wrk {url}: no BENCH_JSON line in its output\n{result.stdout}")
    raw = json.loads(match.group(1))
    report = result.stdout[: match.start()].rstrip()
    return {
        "requests": raw["requests"],
        "seconds": raw["duration_us"] / 1e6,
        "bytes": raw["bytes"],
        "latencies_ms": {
            "p50": raw["p50_us"] / 1000,
            "p90": raw["p90_us"] / 1000,
            "p99": raw["p99_us"] / 1000,
            "mean": raw["mean_us"] / 1000,
            "max": raw["max_us"] / 1000,
        },
        "errors": raw["errors"],
    }, report


def run_python_load(url, duration, threads, connections):
    """Fallback load: one thread per connection, keep-alive when the server allows it.

    Much weaker than wrk (the GIL, and it shares the two cores with gunicorn): its figures are only
    comparable with runs of the same generator.
    """
    parts = urlsplit(url)
    deadline = time.monotonic() + duration
    samples, errors, lock = [], {"connect": 0, "read": 0, "status": 0}, threading.Lock()
    total_bytes = [0]

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        local, local_bytes = [], 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                conn.request("GET", parts.path or "/")
                response = conn.getresponse()
                body = response.read()
            except OSError:
                with lock:
                    errors["read"] += 1
                conn.close()
                continue
            local.append(time.perf_counter() - start)
            local_bytes += len(body)
            if response.status >= 400:
                with lock:
                    errors["status"] += 1
        conn.close()
        with lock:
            samples.extend(local)
            total_bytes[0] += local_bytes

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(duration + 30)
    seconds = time.monotonic() - started
    samples.sort()

    def percentile(p):
        if not samples:
            return float("nan")
        return samples[min(len(samples) - 1, math.ceil(p / 100 * len(samples)) - 1)] * 1000

    latencies = {f"p{p}": percentile(p) for p in (50, 90, 99)}
    latencies["mean"] = sum(samples) / len(samples) * 1000 if samples else float("nan")
    latencies["max"] = samples[-1] * 1000 if samples else float("nan")
    result = {
        "requests": len(samples),
        "seconds": seconds,
        "bytes": total_bytes[0],
        "latencies_ms": latencies,
        "errors": errors,
    }
    report = f"python load: {len(samples)} requests in {seconds:.1f}s, {latencies}"
    return result, report


def check_errors(name, target_path, result):
    errors = sum(result["errors"].values())
    if errors:
        # Error answers or dropped connections under load make the figures meaningless.
        sys.exit(f"FAIL {name} {target_path}: {errors} errors under load {result['errors']}")
