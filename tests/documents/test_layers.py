"""documents/ renders from the domain alone: it never reaches into storage, services, the GUI
or the exchange, and never touches Qt or crypto. The data contract in the domain is pure."""

from __future__ import annotations

import ast
from pathlib import Path

import outreach_desktop

PACKAGE_DIR = Path(outreach_desktop.__file__).parent
ALLOWED_OWN = (
    "outreach_desktop.domain",
    "outreach_desktop.resources",
    "outreach_desktop.documents",
)
FORBIDDEN = ("PySide6", "shiboken6", "sqlcipher3", "sqlite3", "cryptography", "pyrage", "argon2")


def imports_of(path: Path) -> set[str]:
    package = "outreach_desktop.documents"
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                found.add(f"{base}.{node.module}" if node.module else base)
            else:
                found.add(node.module or "")
    return found


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_documents_import_only_the_domain() -> None:
    files = sorted((PACKAGE_DIR / "documents").rglob("*.py"))
    assert len(files) >= 8
    for path in files:
        for name in imports_of(path):
            if within(name, "outreach_desktop"):
                assert any(within(name, own) for own in ALLOWED_OWN), (path.name, name)
            assert not any(within(name, bad) for bad in FORBIDDEN), (path.name, name)


def test_the_data_contract_is_pure() -> None:
    path = PACKAGE_DIR / "domain" / "documents.py"
    for name in imports_of(path):
        assert not within(name, "reportlab"), name
        assert not any(within(name, bad) for bad in FORBIDDEN), name
        if within(name, "outreach_desktop"):
            assert within(name, "outreach_desktop.domain"), name
