"""The boundaries between the rooms (docs/architecture.md), as `make lint` checks them with
import-linter: core imports no domain app, and a domain app imports another only through
newsletter.subscriptions. Each contract is shown to catch the import it forbids."""

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
# The packages import-linter reads (config is copied from site/): every new app listed once, in
# pyproject.toml.
PACKAGES = [
    name
    for name in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]["root_packages"]
    if name != "config"
]


def lint_imports(root):
    environment = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{root / 'site'}"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree_copy(tmp_path):
    """The apps, the settings package and pyproject.toml, copied: a test may add an import."""
    ignore = shutil.ignore_patterns("__pycache__", "templates", "static", "locale")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=ignore)
    shutil.copytree(ROOT / "site" / "config", tmp_path / "site" / "config", ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_import(path, statement):
    path.write_text(path.read_text(encoding="utf-8") + f"\n{statement}\n", encoding="utf-8")


def test_the_import_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_a_domain_app_importing_another_breaks_the_independence_contract(tree_copy):
    add_import(tree_copy / "resources" / "views.py", "from newsletter import models  # noqa")
    result = lint_imports(tree_copy)
    assert result.returncode == 1
    assert (
        "domain apps independent, except through newsletter.subscriptions BROKEN" in result.stdout
    )
    assert "resources.views -> newsletter.models" in result.stdout


def test_the_newsletter_subscriptions_surface_may_be_imported(tree_copy):
    add_import(tree_copy / "home" / "views.py", "from newsletter import subscriptions  # noqa")
    result = lint_imports(tree_copy)
    assert result.returncode == 0, result.stdout


def test_core_importing_a_domain_app_breaks_the_layers_contract(tree_copy):
    add_import(tree_copy / "core" / "text.py", "import home.models  # noqa")
    result = lint_imports(tree_copy)
    assert result.returncode == 1
    assert "config above the domain apps above core BROKEN" in result.stdout
    assert "core.text -> home.models" in result.stdout


def test_home_imports_neither_the_hub_nor_the_newsletter():
    imported = set()
    for path in (ROOT / "home").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
    assert not imported & {"resources", "newsletter"}
