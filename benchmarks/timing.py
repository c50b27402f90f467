"""What the app benchmarks share (bench_directory.py, bench_events.py): Django set up on the
database named by DATABASE_URL (SQLite in a temp dir by default), a call timed in milliseconds,
median and p95 of a measure, and each median as a ratio of the baseline measured in the same run."""

import os
import statistics
import tempfile
import time


def setup_django(prefix: str) -> None:
    """Django with the dev settings, tasks run at once, warnings only; SQLite in a fresh temp dir
    named after `prefix` unless DATABASE_URL names a database."""
    if not os.environ.get("DATABASE_URL"):
        tmp = tempfile.mkdtemp(prefix=f"mics34-{prefix}-bench.")
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)


def timed(function, *args, **kwargs):
    """(milliseconds, result) of one call."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, result


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(prefix, times):
    return {
        f"{prefix}_median_ms": round(statistics.median(times), 1),
        f"{prefix}_p95_ms": round(percentile(times, 0.95), 1),
    }


def summaries(times: dict, baseline: str) -> dict:
    """Median and p95 of every measure of `times` (name -> milliseconds), and each median but the
    baseline's as a ratio of the baseline's (`<name>_ratio`)."""
    figures = {}
    reference = statistics.median(times[baseline])
    for name, values in times.items():
        figures |= summary(name, values)
        if name != baseline:
            figures[f"{name}_ratio"] = round(statistics.median(values) / reference, 2)
    return figures
