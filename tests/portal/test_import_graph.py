"""The apps depend one way: investors on zones, never the reverse; and portal's lower floor (what
the domains use) imports neither domain (../shared/STYLE.md, "Layout")."""

import ast

import pytest

from tests.tools import ROOT

# What the domains use: it must work before, and without, either of them.
PORTAL_LOWER_FLOOR = [
    "portal/checks.py",
    "portal/health.py",
    "portal/middleware.py",
    "portal/page_cache.py",
    "portal/ratelimits.py",
    "portal/backups.py",
]


def imported_packages(path):
    """The top-level package of every import in a module, at any depth (function bodies too)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def modules(app):
    return sorted((ROOT / app).rglob("*.py"))


def test_zones_imports_nothing_from_investors():
    offenders = [
        str(path.relative_to(ROOT))
        for path in modules("zones")
        if "investors" in imported_packages(path)
    ]
    assert offenders == []


@pytest.mark.parametrize(("app", "above"), [("zones", "incentives"), ("incentives", "investors")])
def test_a_domain_imports_nothing_from_one_above_it(app, above):
    offenders = [
        str(path.relative_to(ROOT)) for path in modules(app) if above in imported_packages(path)
    ]
    assert offenders == []


def test_no_zones_migration_depends_on_an_investors_one():
    for path in (ROOT / "zones" / "migrations").glob("0*.py"):
        assert '("investors",' not in path.read_text(), path.name


@pytest.mark.parametrize("module", PORTAL_LOWER_FLOOR)
def test_portal_s_lower_floor_imports_no_domain(module):
    assert not {"zones", "incentives", "investors"} & set(imported_packages(ROOT / module))


def test_the_check_sees_an_import_hidden_in_a_function(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from investors.models import Inquiry\n")
    assert "investors" in set(imported_packages(module))
