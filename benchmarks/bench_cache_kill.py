"""A worker killed under load (benchmarks/run.sh, after the page benchmark): wrk loads a page with
64 connections while one gunicorn worker gets SIGKILL a third of the way in; the master starts
another. Reports the requests that failed (wrk's connect/read/write/status/timeout errors): the one
request the killed sync worker had in flight should be all, the others wait in the listen socket's
backlog for a live worker. Standard library and wrk only (the Python generator stands in without
wrk, as for bench.py)."""

import argparse
import json
import os
import shutil
import signal
import threading
import time
from pathlib import Path

from bench_load import run_python_load, run_wrk
from bench_workers import worker_pids

HERE = Path(__file__).resolve().parent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--server-pid", type=int, required=True, help="the gunicorn master")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest-kill.json")
    parser.add_argument("--python-load", action="store_true")
    args = parser.parse_args(argv)
    load = run_python_load if args.python_load or not shutil.which("wrk") else run_wrk

    before = worker_pids(args.server_pid)
    if len(before) < 2:
        raise SystemExit(f"FAIL: {len(before)} worker(s): killing one would stop the site")
    killed = {}

    def kill_one():
        time.sleep(args.duration / 3)
        victim = worker_pids(args.server_pid)[0]
        os.kill(victim, signal.SIGKILL)
        killed.update(pid=victim, at_s=round(args.duration / 3, 1))

    killer = threading.Thread(target=kill_one)
    killer.start()
    result, _report = load(args.url, args.duration, args.threads, args.connections)
    killer.join()
    after = worker_pids(args.server_pid)
    failed = sum(result["errors"].values())
    summary = {
        "url": args.url,
        "connections": args.connections,
        "seconds": round(result["seconds"], 1),
        "requests": result["requests"],
        "failed_requests": failed,
        "errors": result["errors"],
        "p50_ms": round(result["latencies_ms"]["p50"], 2),
        "p99_ms": round(result["latencies_ms"]["p99"], 2),
        "killed_worker": killed,
        "workers_before": len(before),
        "workers_after": len(after),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n")
    print(
        f"  {args.connections} connections, worker {killed.get('pid')} killed at "
        f"{killed.get('at_s')} s: {result['requests']} requests, {failed} failed {result['errors']}, "
        f"p50 {summary['p50_ms']} ms, p99 {summary['p99_ms']} ms; workers {len(before)} -> "
        f"{len(after)}; written to {args.out}"
    )


if __name__ == "__main__":
    main()
