"""What the gunicorn workers cost during the page benchmark (benchmarks/bench.py): their CPU time
and resident memory, read from /proc."""

import os
import re
from pathlib import Path


def rss_mb(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return round(int(match.group(1)) / 1024, 1) if match else None


def worker_pids(master_pid):
    children_file = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    try:
        return [int(pid) for pid in children_file.read_text().split()]
    except OSError:
        return []


def workers_cpu_seconds(master_pid):
    """CPU time (user + system) the gunicorn workers have used so far, None when unreadable."""
    if not master_pid:
        return None
    total, tick = 0, os.sysconf("SC_CLK_TCK")
    for pid in worker_pids(master_pid):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return None
        fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def server_memory(master_pid):
    """Resident memory of the gunicorn master and of each worker, in MiB."""
    if not master_pid:
        return None
    worker_rss = [rss_mb(pid) for pid in worker_pids(master_pid)]
    return {"master_rss_mb": rss_mb(master_pid), "workers_rss_mb": worker_rss}
