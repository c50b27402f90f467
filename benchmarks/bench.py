"""Load the targets of a running server and report throughput and latency against the baseline.

Called by benchmarks/run.sh once gunicorn answers; standard library only. Each target is first
checked to answer 200 (a benchmark of error pages is worthless), then loaded with wrk (warm-up, then
the measured run); without wrk, a bounded Python load generator stands in.
The checks and the load generators are in bench_load.py, the workers' CPU and memory in
bench_workers.py (named so that they shadow no app: gunicorn puts benchmarks/ on the path).
"""

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from statistics import median

from bench_load import check_errors, check_targets, run_python_load, run_wrk
from bench_workers import server_memory, workers_cpu_seconds

HERE = Path(__file__).resolve().parent
BASELINE = "minimal"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="http://127.0.0.1:PORT")
    parser.add_argument(
        "--target",
        action="append",
        required=True,
        metavar="NAME=PATH",
        help=f"a page to load; the one named {BASELINE!r} is the baseline",
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=15, help="seconds measured per target")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of unmeasured load first")
    parser.add_argument(
        "--rounds", type=int, default=3, help="the measured seconds are split into this many rounds"
    )
    parser.add_argument(
        "--single-duration",
        type=int,
        default=5,
        help="seconds of one-connection load per target, for latency without queueing (0: skip)",
    )
    parser.add_argument("--server-pid", type=int, help="gunicorn master, for the memory figures")
    parser.add_argument("--workers", type=int)
    parser.add_argument(
        "--queries", type=json.loads, default={}, help='SQL queries per page: {"home": {...}}'
    )
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--raw-out", type=Path, default=HERE / "results" / "latest-wrk.txt")
    parser.add_argument("--python-load", action="store_true", help="use the Python generator")
    args = parser.parse_args(argv)
    args.targets = []
    for item in args.target:
        name, _, target_path = item.partition("=")
        if not name or not target_path.startswith("/"):
            parser.error(f"--target {item!r}: expected NAME=/path/")
        args.targets.append((name, target_path))
    if BASELINE not in dict(args.targets):
        parser.error(f"one target must be named {BASELINE!r}")
    return args


def git_revision():
    try:
        head = subprocess.run(
            ["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(HERE.parent), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head + ("+dirty" if dirty else "")


def rps_of(result):
    return result["requests"] / result["seconds"]


def median_ratio(results, base_results, value):
    """The median over rounds of value(target) / value(baseline), each round against its own."""
    ratios = [
        value(result) / value(base)
        for result, base in zip(results, base_results, strict=True)
        if value(base)
    ]
    return round(median(ratios), 3) if ratios else None


def cpu_per_request(results):
    """Milliseconds of the workers' CPU per request, over every round: what a page costs the server,
    much less sensitive than timings to other processes on the machine."""
    if any("cpu_seconds" not in result for result in results):
        return None
    requests = sum(result["requests"] for result in results)
    return round(sum(r["cpu_seconds"] for r in results) * 1000 / requests, 3) if requests else None


def ratio(value, reference):
    if not reference or value is None or math.isnan(value):
        return None
    return round(value / reference, 3)


def print_table(results):
    header = (
        f"{'target':<10} {'path':<24} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'rps vs min':>11} {'p50 vs min':>11} {'1-conn p50':>11} {'CPU ms':>7} {'CPU vs min':>11} "
        f"{'KiB':>6} {'SQL':>4}"
    )
    print(header)
    print("-" * len(header))
    for row in results:
        one = row.get("one_connection")
        single_p50 = f"{one['p50_ms']:.2f} ms" if one else "-"
        queries = "-" if row["sql_queries"] is None else row["sql_queries"]
        cpu = "-" if row["cpu_ms_per_request"] is None else f"{row['cpu_ms_per_request']:.2f}"
        cpu_ratio = "-" if row["cpu_ratio"] is None else f"{row['cpu_ratio']:.1f}x"
        print(
            f"{row['name']:<10} {row['path']:<24} {row['rps']:>9.1f} {row['p50_ms']:>8.2f} "
            f"{row['p99_ms']:>8.2f} {row['rps_ratio']:>10.3f}x {row['p50_ratio']:>10.2f}x "
            f"{single_p50:>11} {cpu:>7} {cpu_ratio:>11} "
            f"{row['response_bytes'] / 1024:>6.1f} {queries:>4}"
        )


def main(argv=None):
    args = parse_args(argv)
    use_wrk = not args.python_load and shutil.which("wrk")
    load = run_wrk if use_wrk else run_python_load
    generator = "wrk" if use_wrk else "python"
    if not use_wrk:
        print("Load from the Python generator, not wrk: weaker, compare only with its own runs")

    load_before = [round(x, 2) for x in os.getloadavg()]
    if load_before[0] > 0.5:
        # Other processes share the cores with gunicorn and wrk: every figure is lower and noisier.
        print(f"Warning: load average {load_before[0]} before the run; figures will be noisy")
    print("Checking that every target answers 200:")
    sizes = check_targets(args.base_url, args.targets)

    # The load is interleaved: round after round, every target in turn. A change in what the rest of
    # the machine does then touches every target alike, and each round's ratio compares neighbours in
    # time; the medians over rounds keep one disturbed round out of the figures.
    urls = {name: args.base_url + target_path for name, target_path in args.targets}
    if args.warmup:
        for name in urls:
            load(urls[name], args.warmup, args.threads, args.connections)
    per_round = max(1, round(args.duration / args.rounds))
    rounds, raw_reports = {name: [] for name in urls}, []
    for number in range(1, args.rounds + 1):
        for name, target_path in args.targets:
            cpu_before = workers_cpu_seconds(args.server_pid)
            result, report = load(urls[name], per_round, args.threads, args.connections)
            cpu_after = workers_cpu_seconds(args.server_pid)
            check_errors(name, target_path, result)
            if cpu_before is not None and cpu_after is not None:
                result["cpu_seconds"] = cpu_after - cpu_before
            rounds[name].append(result)
            raw_reports.append(f"## {name} {target_path}, round {number}\n{report}\n")
        print(
            f"  round {number}/{args.rounds}: "
            + ", ".join(
                f"{name} {rounds[name][-1]['requests'] / rounds[name][-1]['seconds']:.1f} req/s"
                for name in urls
            )
        )
    singles = {}
    if args.single_duration:
        # One connection: what one visitor waits on an idle server, without the queueing that
        # 16 connections on 2 workers add to every latency under load.
        for name, target_path in args.targets:
            singles[name], report = load(urls[name], args.single_duration, 1, 1)
            check_errors(name, target_path, singles[name])
            raw_reports.append(f"## {name} {target_path}, one connection\n{report}\n")

    base_rounds = rounds[BASELINE]
    rows = []
    for name, target_path in args.targets:
        results = rounds[name]
        rps = [rps_of(result) for result in results]

        def latency(key, results=results):
            return median(result["latencies_ms"][key] for result in results)

        row = {
            "name": name,
            "path": target_path,
            "rps": round(median(rps), 1),
            "rps_rounds": [round(value, 1) for value in rps],
            "p50_ms": round(latency("p50"), 2),
            "p90_ms": round(latency("p90"), 2),
            "p99_ms": round(latency("p99"), 2),
            "mean_ms": round(latency("mean"), 2),
            "max_ms": round(max(result["latencies_ms"]["max"] for result in results), 2),
            "rps_ratio": median_ratio(results, base_rounds, rps_of),
            "p50_ratio": median_ratio(results, base_rounds, lambda r: r["latencies_ms"]["p50"]),
            "p99_ratio": median_ratio(results, base_rounds, lambda r: r["latencies_ms"]["p99"]),
            "requests": sum(result["requests"] for result in results),
            "seconds": round(sum(result["seconds"] for result in results), 2),
            "response_bytes": sizes[name],
            "sql_queries": args.queries.get(name, {}).get("queries"),
            "cpu_ms_per_request": cpu_per_request(results),
        }
        if name in singles:
            single = singles[name]["latencies_ms"]
            row["one_connection"] = {
                "rps": round(rps_of(singles[name]), 1),
                "p50_ms": round(single["p50"], 2),
                "p99_ms": round(single["p99"], 2),
                "p50_ratio": ratio(single["p50"], singles[BASELINE]["latencies_ms"]["p50"]),
            }
        rows.append(row)

    base_cpu = next(row["cpu_ms_per_request"] for row in rows if row["name"] == BASELINE)
    for row in rows:
        row["cpu_ratio"] = ratio(row["cpu_ms_per_request"], base_cpu)
        # How much a target's throughput varied from round to round: the noise in its figures.
        # A round that served nothing (a machine busy elsewhere) has no spread: None, and the warning.
        slowest = min(row["rps_rounds"])
        row["rps_spread"] = round(max(row["rps_rounds"]) / slowest - 1, 3) if slowest else None
    spread = max((float("inf") if row["rps_spread"] is None else row["rps_spread"]) for row in rows)

    report = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "git_revision": git_revision(),
        "baseline": BASELINE,
        "load": {
            "generator": generator,
            "threads": args.threads,
            "connections": args.connections,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "rounds": args.rounds,
            "one_connection_duration_s": args.single_duration,
        },
        "server": {
            "software": "gunicorn (sync workers)",
            "workers": args.workers,
            "settings": "bench_settings (config.settings.production + bench_urls)",
            "memory_after_load": server_memory(args.server_pid),
        },
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": load_before,
            "largest_rps_spread": None if spread == float("inf") else spread,
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "targets": {row["name"]: row for row in rows},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    args.raw_out.write_text("\n".join(raw_reports))

    print()
    print_table(rows)
    memory = report["server"]["memory_after_load"]
    if memory:
        print(
            f"\nMemory after load: master {memory['master_rss_mb']} MiB, "
            f"workers {memory['workers_rss_mb']} MiB"
        )
    if spread > 0.1:
        print(
            f"\nWarning: a throughput varied by {spread:.0%} between rounds: the machine is busy; "
            "the CPU per request is the figure least disturbed by it"
        )
    print(f"\nWrote {args.out} (wrk's own reports: {args.raw_out})")


if __name__ == "__main__":
    main()
