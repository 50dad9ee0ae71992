"""`outreach-desktop export`: the bundle's path on stdout, what went on stderr; nothing to send
is no error; a laptop that joined no agency, an office vault and a missing folder are one German
line each; Debian's age opens the file with the key file `office export-identity` wrote."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error


@pytest.fixture
def office(run: Run, tmp_path: Path, passphrase_file: Path) -> tuple[VaultCli, Path]:
    setup = tmp_path / "agency-setup.json"
    vault = tmp_path / "office"
    run("office", "init", "--vault", vault, "--passphrase-file", passphrase_file,
        "--setup-out", setup, "--agency-name", "Jobcenter Lüchow-Dannenberg").ok()  # fmt: skip
    return VaultCli(run, vault, passphrase_file), setup


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


@pytest.fixture
def laptop(on_vault: VaultCli, office: tuple[VaultCli, Path]) -> VaultCli:
    on_vault("demo", "--clients", "5").ok()
    on_vault("agency", "join", office[1]).ok()
    return on_vault


def test_export_prints_the_bundles_path(
    laptop: VaultCli, office: tuple[VaultCli, Path], stick: Path, tmp_path: Path
) -> None:
    result = laptop("export", "--out", stick).ok()
    (path,) = stick.iterdir()
    assert result.out == f"{path}\n"
    assert path.name.startswith("OD-") and path.name.endswith("-000001.age")
    assert result.err.startswith("Übergabe Nr. 1: ") and "Gedächtnisprotokolle" in result.err
    key = tmp_path / "agency-identity.txt"
    office[0]("office", "export-identity", "--out", key).ok()
    done = subprocess.run(["age", "-d", "-i", str(key), str(path)], capture_output=True,
                          check=True)  # fmt: skip
    assert done.stdout.startswith(b"manifest.json\x00")
    again = laptop("export", "--out", stick).ok()
    assert again.out == "" and again.err.startswith("Nichts zu übergeben")
    assert list(stick.iterdir()) == [path]


def test_since_takes_a_german_date(laptop: VaultCli, stick: Path) -> None:
    future = laptop("export", "--out", stick, "--since", "31.12.2200").ok()
    assert future.out == "" and list(stick.iterdir()) == []
    assert laptop("export", "--out", stick, "--since", "2000-01-01").ok().out.strip()
    assert_usage_error(laptop("export", "--out", stick, "--since", "31.02.2026"), "--since")


def test_known_problems_are_one_german_line(
    on_vault: VaultCli, office: tuple[VaultCli, Path], stick: Path
) -> None:
    not_joined = on_vault("export", "--out", stick)
    assert_one_error_line(not_joined)
    assert "noch keiner Dienststelle beigetreten" in not_joined.err
    assert_one_error_line(office[0]("export", "--out", stick))
    on_vault("agency", "join", office[1]).ok()
    missing = on_vault("export", "--out", stick / "fehlt")
    assert_one_error_line(missing)
    assert "gibt es nicht" in missing.err
    assert list(stick.iterdir()) == []
