#!/usr/bin/env python
"""Django's command-line utility for the MICS 34 site."""

import os
import sys
from pathlib import Path

# The settings package lives in site/config: "site" itself would be shadowed by Python's site module.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
