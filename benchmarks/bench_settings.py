"""Benchmark-only settings: production settings, with a URLconf that adds the baseline view.

Never used outside `benchmarks/run.sh`, which puts benchmarks/ on the Python path.
"""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
