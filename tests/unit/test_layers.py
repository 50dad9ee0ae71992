"""The layer rule, checked on the source: domain is pure, ui has no storage or crypto, only ui
(and the GUI entry point) may touch Qt, ui, cli and the demo data reach storage only through
services."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

import outreach_desktop
from outreach_desktop.services.session import Session

PACKAGE_DIR = Path(outreach_desktop.__file__).parent
PACKAGE = "outreach_desktop"

CRYPTO_AND_SQL = ("sqlcipher3", "sqlite3", "cryptography", "pyrage", "argon2")
DOMAIN_FORBIDDEN = ("PySide6", "reportlab", *CRYPTO_AND_SQL)
UI_FORBIDDEN = (*CRYPTO_AND_SQL, "outreach_desktop.storage")
# the demo data is made like a user makes records: through the services, on the domain's terms
DEMO_FORBIDDEN = ("PySide6", *CRYPTO_AND_SQL)
DEMO_MAY_IMPORT = tuple(f"{PACKAGE}.{sub}" for sub in ("demo", "domain", "services", "resources"))
# the exchange does one kind of I/O (bytes in, bytes out, crypto): it meets storage, documents
# and the faces only in the services; `resources` only finds its schema files
EXCHANGE_FORBIDDEN = ("PySide6", "shiboken6", "sqlcipher3", "sqlite3", "reportlab")
EXCHANGE_MAY_IMPORT = tuple(f"{PACKAGE}.{sub}" for sub in ("exchange", "domain", "resources"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module named by an import statement anywhere in `source` (also inside functions),
    relative imports resolved, plus literal arguments of importlib.import_module/__import__."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base)
                target = f"{prefix}.{node.module}" if node.module else prefix
            else:
                target = node.module or ""
            found.add(target)
            # `from outreach_desktop import storage` imports the submodule too.
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
    return found


def matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations(
    source: str,
    module: str,
    forbidden: tuple[str, ...],
    allowed_own: str = "",
    is_package: bool = False,
) -> list[str]:
    """Imports of `forbidden` modules; with `allowed_own`, also any module of our package
    outside that subpackage."""

    def outside_own(name: str) -> bool:
        return bool(allowed_own) and matches(name, PACKAGE) and not matches(name, allowed_own)

    return [
        name
        for name in sorted(imported_modules(source, module, is_package))
        if any(matches(name, f) for f in forbidden) or outside_own(name)
    ]


def modules_in(subpackage: str) -> list[Path]:
    return sorted((PACKAGE_DIR / subpackage).rglob("*.py"))


def check_tree(
    subpackage: str, forbidden: tuple[str, ...], allowed_own: str = ""
) -> dict[str, list[str]]:
    problems = {}
    for path in modules_in(subpackage):
        bad = violations(
            path.read_text("utf-8"),
            module_name(path),
            forbidden,
            allowed_own,
            is_package=path.name == "__init__.py",
        )
        if bad:
            problems[str(path.relative_to(PACKAGE_DIR))] = bad
    return problems


def test_the_trees_exist() -> None:
    for sub in ("domain", "storage", "services", "demo"):
        assert len(modules_in(sub)) >= 3, sub


def test_domain_is_pure() -> None:
    assert check_tree("domain", DOMAIN_FORBIDDEN, allowed_own="outreach_desktop.domain") == {}


def test_ui_has_no_sql_crypto_or_storage() -> None:
    assert check_tree("ui", UI_FORBIDDEN) == {}


@pytest.mark.parametrize("sub", ["domain", "storage", "services", "demo"])
def test_no_qt_below_ui(sub: str) -> None:
    assert check_tree(sub, ("PySide6", "shiboken6")) == {}


# ---- services are the only door to storage ----------------------------------------------
# An import rule alone does not keep storage out of ui/ and cli/: a service handing out its
# repository (or the session its vault) opens a door around it. So the faces may not name the
# attributes that lead there, nor any private attribute of another object.

STORAGE_ATTRIBUTES = ("repo", "db", "vault", "connection")


def storage_reaches(source: str) -> list[str]:
    """Attribute accesses in `source` that lead behind a service: `x.repo`, `x.db`,
    `session.vault`, `x.appointment_repo`, `x._private` (other than on self, cls or super())."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        name, base = node.attr, node.value
        own = (isinstance(base, ast.Name) and base.id in ("self", "cls")) or (
            isinstance(base, ast.Call) and getattr(base.func, "id", "") == "super"
        )
        private = name.startswith("_") and not name.startswith("__") and not own
        is_args = isinstance(base, ast.Name) and base.id == "args"  # argparse: --vault DIR
        storage = (name.lstrip("_") in STORAGE_ATTRIBUTES and not is_args) or name.endswith(
            ("_repo", "_repository")
        )
        if private or storage:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


@pytest.mark.parametrize("sub", ["ui", "cli", "demo"])
def test_faces_reach_storage_only_through_services(sub: str) -> None:
    problems = {
        str(path.relative_to(PACKAGE_DIR)): bad
        for path in modules_in(sub)
        if (bad := storage_reaches(path.read_text("utf-8")))
    }
    assert problems == {}


@pytest.mark.parametrize(
    "source",
    [
        "session.appointments.repo.find(x)",
        "self.session.workflow._repo.answers(a)",
        "session.vault.slots",
        "session._vault.db.execute('SELECT 1')",
        "rows = service.db.execute(sql)",
        "conn = x.connection",
        "session.protocols.protocol_repo.get(i)",
        "self.session._templates",
    ],
)
def test_checker_detects_a_reach_behind_the_services(source: str) -> None:
    assert storage_reaches(source), source


@pytest.mark.parametrize(
    "source",
    [
        "session.clients.search(q, 50)",
        "self._timer.stop()",
        "super()._update_buttons()",
        "path = args.vault",
        "self.session.workflow.answers(a.id)",
        "x = 'session.vault.db'",
    ],
)
def test_checker_accepts_service_calls(source: str) -> None:
    assert storage_reaches(source) == []


def allowlist_violations(
    source: str,
    module: str,
    forbidden: tuple[str, ...],
    may_import: tuple[str, ...],
    is_package: bool = False,
) -> list[str]:
    """Imports of `forbidden` modules, and of any module of ours outside `may_import`."""
    return [
        name
        for name in sorted(imported_modules(source, module, is_package))
        if any(matches(name, f) for f in forbidden)
        or (matches(name, PACKAGE) and not any(matches(name, a) for a in may_import))
    ]


def demo_violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """Imports the demo data may not make: Qt, SQL, crypto, and any module of ours outside
    domain, services, resources and the demo itself (no storage, no ui, no cli)."""
    return allowlist_violations(source, module, DEMO_FORBIDDEN, DEMO_MAY_IMPORT, is_package)


def exchange_violations(source: str, module: str, is_package: bool = False) -> list[str]:
    """Imports the exchange may not make: Qt, SQL, PDF drawing, and any module of ours
    outside domain and the exchange itself (no storage, documents, services, ui, cli)."""
    return allowlist_violations(source, module, EXCHANGE_FORBIDDEN, EXCHANGE_MAY_IMPORT, is_package)


def tree_violations(sub: str, check: Callable[[str, str, bool], list[str]]) -> dict[str, list[str]]:
    return {
        str(path.relative_to(PACKAGE_DIR)): bad
        for path in modules_in(sub)
        if (bad := check(path.read_text("utf-8"), module_name(path), path.name == "__init__.py"))
    }


def test_demo_imports_only_domain_services_and_resources() -> None:
    assert tree_violations("demo", demo_violations) == {}


def test_exchange_imports_only_domain_and_crypto() -> None:
    assert len(modules_in("exchange")) >= 3
    assert tree_violations("exchange", exchange_violations) == {}


@pytest.mark.parametrize(
    "source",
    [
        "from outreach_desktop.storage.vault import Vault",
        "from ..storage import keyslots",
        "import outreach_desktop.services.session",
        "from outreach_desktop.documents import protocol",
        "from outreach_desktop.ui import busy",
        "from outreach_desktop.cli.common import unlocked",
        "from outreach_desktop import paths",
        "import sqlite3",
        "from PySide6.QtCore import QObject",
        "def f():\n    import reportlab.pdfgen\n",
    ],
)
def test_checker_detects_exchange_violation(source: str) -> None:
    assert exchange_violations(source, "outreach_desktop.exchange.bundle"), source


@pytest.mark.parametrize(
    "source",
    [
        "from outreach_desktop.exchange.keys import Identity",
        "from .errors import BundleRefused",
        "from outreach_desktop.domain.errors import UserError",
        "from outreach_desktop.resources import resources_dir",
        "import pyrage\nfrom cryptography.hazmat.primitives import hashes",
        "import hashlib, json, re, uuid",
    ],
)
def test_checker_accepts_exchange_imports(source: str) -> None:
    assert exchange_violations(source, "outreach_desktop.exchange.bundle") == []


@pytest.mark.parametrize(
    "source",
    [
        "from outreach_desktop.storage.appointment_repo import AppointmentRepository",
        "from outreach_desktop import storage",
        "from ..storage import vault",
        "import outreach_desktop.ui.widgets",
        "from outreach_desktop.cli.common import unlocked",
        "from outreach_desktop.documents import render",
        "import sqlite3",
        "from PySide6.QtGui import QImage",
    ],
)
def test_checker_detects_demo_violation(source: str) -> None:
    assert demo_violations(source, "outreach_desktop.demo.stories"), source


@pytest.mark.parametrize(
    "source",
    [
        "from outreach_desktop.services.session import Session",
        "from outreach_desktop.services.documents import DocumentService",
        "from outreach_desktop.domain.vocabulary import Approach",
        "from outreach_desktop.resources import resources_dir",
        "from .run import DemoRun",
        "import random, struct, zlib",
    ],
)
def test_checker_accepts_demo_imports(source: str) -> None:
    assert demo_violations(source, "outreach_desktop.demo.stories") == []


def _public_values(obj: object) -> dict[str, object]:
    return {k: v for k, v in vars(obj).items() if not k.startswith("_")}


def test_session_and_services_hand_out_no_storage(session: Session) -> None:
    """Walk the session's public attributes and those of every service on it: no repository,
    vault or database object is reachable without a private name."""
    leaks = []
    todo: list[tuple[str, object]] = [("session", session)]
    seen: set[int] = set()
    while todo:
        path, obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        for name, value in _public_values(obj).items():
            module = type(value).__module__
            if module.startswith(f"{PACKAGE}.storage") or module.startswith("sqlcipher3"):
                leaks.append(f"{path}.{name}: {type(value).__name__}")
            elif module.startswith(f"{PACKAGE}.services"):
                todo.append((f"{path}.{name}", value))
    assert seen and leaks == []
    # the walk does look at the services (so an empty result is not for want of looking)
    assert {"clients", "staff", "third_parties", "appointments", "workflow"} <= set(
        _public_values(session)
    )


# ---- the checker itself must see a violation ---------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "import sqlite3",
        "import PySide6.QtCore",
        "from PySide6 import QtWidgets",
        "from argon2.low_level import hash_secret_raw",
        "import os, pyrage as p",
        "def f():\n    import cryptography.hazmat\n",
        "import importlib\nimportlib.import_module('sqlcipher3')",
        "from outreach_desktop.storage.vault import Vault",
        "from outreach_desktop import storage",
        "import outreach_desktop.services.session",
        "from ..storage import vault",
        "from .. import services",
        "import reportlab.pdfgen",
    ],
)
def test_checker_detects_domain_violation(source: str) -> None:
    found = violations(
        source, "outreach_desktop.domain.people", DOMAIN_FORBIDDEN, "outreach_desktop.domain"
    )
    assert found, source


@pytest.mark.parametrize(
    "source",
    [
        "from . import text",
        "from .errors import Checker",
        "from outreach_desktop.domain.records import Record",
        "import re, unicodedata\nfrom datetime import datetime",
        "x = 'import sqlite3'",
    ],
)
def test_checker_accepts_clean_domain_source(source: str) -> None:
    found = violations(
        source, "outreach_desktop.domain.people", DOMAIN_FORBIDDEN, "outreach_desktop.domain"
    )
    assert found == []


def test_checker_detects_ui_violations() -> None:
    module = "outreach_desktop.ui.main_window"
    assert violations("from ..storage.errors import VaultLocked", module, UI_FORBIDDEN)
    assert violations("from outreach_desktop.storage import vault", module, UI_FORBIDDEN)
    assert violations("import sqlcipher3", module, UI_FORBIDDEN)
    assert not violations("from outreach_desktop.services import vaults", module, UI_FORBIDDEN)
    assert not violations("from PySide6.QtWidgets import QWidget", module, UI_FORBIDDEN)


def test_checker_resolves_relative_imports_in_packages() -> None:
    # In domain/__init__.py, "from .. import storage" leaves the domain package.
    assert violations(
        "from .. import storage",
        "outreach_desktop.domain",
        DOMAIN_FORBIDDEN,
        "outreach_desktop.domain",
        is_package=True,
    ) == ["outreach_desktop", "outreach_desktop.storage"]
    assert not violations(
        "from . import text",
        "outreach_desktop.domain",
        DOMAIN_FORBIDDEN,
        "outreach_desktop.domain",
        is_package=True,
    )
