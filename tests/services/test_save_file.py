"""Files written where the user chose (`--out`, "Save as PDF", the setup file, receipts): a
temporary file of its own that no planted link can redirect, the owner's mode whatever the
umask, never over an existing file unless asked, and a field error for a name that is none."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from outreach_desktop.domain.errors import ValidationError
from outreach_desktop.services.documents import save_pdf
from outreach_desktop.services.files import TargetExists, save_file, target_file

PDF = b"%PDF-1.4 neu\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder of the test's own (tmp_path holds the isolated home too)."""
    made = tmp_path / "ablage"
    made.mkdir()
    return made


@pytest.fixture
def umask_zero() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_a_link_under_the_old_temporary_name_is_not_followed(folder: Path) -> None:
    victim = folder / "elsewhere" / "victim.pdf"
    victim.parent.mkdir()
    target = folder / "brief.pdf"
    planted = folder / f".brief.pdf.tmp-{os.getpid()}"  # the name the old code used
    planted.symlink_to(victim)
    save_pdf(target, PDF)
    assert not victim.exists()  # the link led nowhere: nothing landed in its target
    assert planted.is_symlink()  # and the link itself was left alone
    assert target.read_bytes() == PDF and not target.is_symlink()


def test_a_planted_link_to_an_existing_file_leaves_it_alone(folder: Path) -> None:
    victim = folder / "victim.txt"
    victim.write_bytes(b"unberuehrt")
    (folder / f".brief.pdf.tmp-{os.getpid()}").symlink_to(victim)
    save_pdf(folder / "brief.pdf", PDF)
    assert victim.read_bytes() == b"unberuehrt"


def test_mode_is_the_owners_only_whatever_the_umask(folder: Path, umask_zero: None) -> None:
    written = save_pdf(folder / "brief", PDF)
    assert written == folder / "brief.pdf"
    assert (written.stat().st_mode & 0o777) == 0o600
    shared = save_file(folder / "setup.json", b"{}", mode=0o644)
    assert (shared.stat().st_mode & 0o777) == 0o644
    assert [p.name for p in folder.iterdir() if ".tmp" in p.name] == []


def test_an_existing_file_is_refused_and_replaced_only_when_asked(folder: Path) -> None:
    target = folder / "brief.pdf"
    target.write_bytes(b"alt")
    with pytest.raises(TargetExists) as refused:
        save_pdf(target, PDF)
    assert str(target) in str(refused.value) and "gibt es schon" in str(refused.value)
    assert target.read_bytes() == b"alt"
    assert sorted(p.name for p in folder.iterdir()) == ["brief.pdf"]  # no leftovers
    save_pdf(target, PDF, replace=True)
    assert target.read_bytes() == PDF
    assert (target.stat().st_mode & 0o777) == 0o600


def test_a_link_as_the_target_counts_as_existing_and_is_replaced_not_followed(
    folder: Path,
) -> None:
    victim = folder / "victim.txt"
    victim.write_bytes(b"unberuehrt")
    link = folder / "brief.pdf"
    link.symlink_to(victim)
    with pytest.raises(TargetExists):
        save_pdf(link, PDF)
    dangling = folder / "los.pdf"
    dangling.symlink_to(folder / "nirgends.pdf")
    with pytest.raises(TargetExists):
        save_pdf(dangling, PDF)
    assert not (folder / "nirgends.pdf").exists()
    save_pdf(link, PDF, replace=True)
    assert victim.read_bytes() == b"unberuehrt"
    assert not link.is_symlink() and link.read_bytes() == PDF


@pytest.mark.parametrize("name", ["", " ", ".", "..", "./", "ordner/", "ordner/.."])
def test_no_file_name_is_a_field_error(
    folder: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "ordner").mkdir()
    monkeypatch.chdir(folder)
    with pytest.raises(ValidationError) as refused:
        save_pdf(name, PDF)  # type: ignore[arg-type]
    assert refused.value.fields == ["out"]
    assert "Dateinamen" in str(refused.value)
    assert sorted(p.name for p in folder.iterdir()) == ["ordner"]


def test_a_folder_is_a_field_error(folder: Path) -> None:
    (folder / "ablage.pdf").mkdir()
    for name in (folder, folder / "ablage", folder / "ablage.pdf"):
        with pytest.raises(ValidationError, match="Ordner"):
            save_pdf(name, PDF)


def test_target_file_names_the_final_path_and_checks_before_any_work(folder: Path) -> None:
    assert target_file(str(folder / "x"), suffix=".pdf") == folder / "x.pdf"
    assert target_file(folder / "x.PDF", suffix=".pdf") == folder / "x.PDF"
    (folder / "x.pdf").write_bytes(b"")
    with pytest.raises(TargetExists):
        target_file(folder / "x", suffix=".pdf")
    assert target_file(folder / "x", suffix=".pdf", replace=True) == folder / "x.pdf"
    with pytest.raises(ValidationError, match="gibt es nicht"):
        target_file(folder / "fehlt" / "x.pdf")
