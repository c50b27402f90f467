"""Running the project's code in a fresh Python process, with only the environment a test gives."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def clean_env(**variables):
    """A minimal environment: none of the variables the settings read, unless given."""
    env = {
        name: os.environ[name] for name in ("PATH", "HOME", "LANG", "TMPDIR") if name in os.environ
    }
    env["PYTHONPATH"] = str(ROOT / "site")
    env.update(variables)
    return env


def run_python(args, env, timeout=300):
    """`python ARGS` from the repository root; returns the CompletedProcess (text output)."""
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
