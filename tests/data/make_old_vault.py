"""Make `tests/data/vault-schemaNNNN/` with the code of an older commit (see README.md here).

    .venv/bin/python tests/data/make_old_vault.py 4 e22ddcc

extracts `src/` and `resources/` of the commit with `git archive` into a temporary folder
(the working tree and git's worktree list stay untouched), checks that its newest migration is
the schema asked for, and runs the vault code *of that commit* in a child process: a vault with
the minimum Argon2id parameters, the demo data (5 clients, seed 11, "today" 25.11.2026) and,
from schema 4 on, a personal text template. Existing fixtures are never overwritten.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from datetime import date
from pathlib import Path

PASSPHRASE = "Schema eins Testtresor"  # the same for every fixture (tests/storage/test_old_vaults)
CLIENTS, SEED, TODAY = 5, 11, date(2026, 11, 25)
DATA = Path(__file__).resolve().parent
REPO = DATA.parents[1]


def make(schema: int, commit: str) -> Path:
    target = DATA / f"vault-schema{schema:04d}"
    if target.exists():
        raise SystemExit(f"{target} exists; old fixtures are never changed")
    with tempfile.TemporaryDirectory(prefix="old-vault-") as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", commit, "src", "resources"],
            check=True, capture_output=True,
        ).stdout  # fmt: skip
        tar_path = Path(tmp) / "tree.tar"
        tar_path.write_bytes(archive)
        with tarfile.open(tar_path) as tar:
            tar.extractall(tree, filter="data")
        env = {
            **os.environ,
            "PYTHONPATH": str(tree / "src"),
            "OUTREACH_DESKTOP_HOME": str(Path(tmp) / "home"),
            "TMPDIR": tmp,
        }
        subprocess.run(
            [sys.executable, __file__, "--inside", str(schema), str(tree), str(target)],
            check=True, cwd=tmp, env=env,
        )  # fmt: skip
    return target


def inside(schema: int, tree: Path, target: Path) -> None:
    """Runs in the child, with the old commit's `src/` first on sys.path."""
    import outreach_desktop

    assert Path(outreach_desktop.__file__).resolve().is_relative_to(tree), "wrong code imported"
    from outreach_desktop.services.demo import fill_demo
    from outreach_desktop.services.vaults import create_vault
    from outreach_desktop.storage.kdf import MINIMUM
    from outreach_desktop.storage.migrations import load_migrations

    newest = load_migrations()[-1].version
    assert newest == schema, f"this commit's newest migration is {newest}, not {schema}"
    session = create_vault(target, PASSPHRASE, kdf=MINIMUM)
    try:
        fill_demo(session, clients=CLIENTS, seed=SEED, today=TODAY)
        if schema >= 4:  # personal text templates came with schema 4; the demo writes none
            from outreach_desktop.services.templates import TemplateService

            TemplateService(session).add_personal(
                "agreements", "Rückmeldung", "{client} meldet sich bis Freitag telefonisch."
            )
    finally:
        session.lock()


def main() -> None:
    if sys.argv[1:2] == ["--inside"]:
        inside(int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema", type=int, help="the schema version the vault is made at")
    parser.add_argument("commit", help="a commit whose newest migration is that schema")
    args = parser.parse_args()
    print(make(args.schema, args.commit))


if __name__ == "__main__":
    main()
