"""Faults in one place: damaged key slots, a damaged WAL after a crash, a full disk and a
read-only medium. Real vaults throughout; a full disk and a read-only medium are real mounts
(a small tmpfs, a read-only bind) where the system lets a test make them, and otherwise the
failing write is injected at the point where the vault decides how to open."""

from __future__ import annotations

import base64
import errno
import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage
import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import create_vault, recover_vault, unlock_vault
from outreach_desktop.storage import media
from outreach_desktop.storage.errors import DiskFull, KeySlotsDamaged, ReadOnlyMedium
from outreach_desktop.storage.vault import Vault
from testkit import FAST_KDF, PASSPHRASE, AgeIdentity
from testkit.cli import child_argv, in_child, opens_with, write_passphrase
from testkit.internals import vault_of
from testkit.media import cli, fill_up, needs_namespaces, run_in_namespace

# --- key slots ---------------------------------------------------------------------------------

SLOTS, BACKUP = "keyslots.json", "keyslots.backup.json"
NEW = "Neu gesetzt vom Büro 2026"


@pytest.fixture
def guarded(tmp_path: Path, pyrage_identity: AgeIdentity) -> Path:
    """A locked vault with the agency's recovery slot."""
    folder = tmp_path / "vault"
    create_vault(
        folder, PASSPHRASE, recovery_recipient=pyrage_identity.recipient, kdf=FAST_KDF
    ).lock()
    return folder


def read_doc(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return doc


def write_doc(path: Path, doc: dict[str, Any]) -> None:
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")


def edit_slot(path: Path, slot: str, *, old_format: bool = False, **changes: object) -> None:
    """Change fields of a slot (its checksum then no longer matches); in `old_format` without
    a checksum, as written before slot checksums existed, so only the slot's own checks can
    catch the change."""
    doc = read_doc(path)
    doc[slot] = {**doc[slot], **changes}
    if old_format:
        doc[slot].pop("sha256", None)
    write_doc(path, doc)


def age_of(path: Path) -> bytes:
    return base64.b64decode(read_doc(path)["recovery"]["age"])


def opens_for_the_agency(path: Path, identity: AgeIdentity) -> bool:
    """The recovery slot in this key file decrypts with the agency's identity."""
    key = pyrage.x25519.Identity.from_str(identity.path.read_text("ascii").split("\n")[1])
    try:
        return "data_key" in json.loads(pyrage.decrypt(age_of(path), [key]))
    except Exception:
        return False


def flip_payload(age: bytes) -> bytes:
    damaged = bytearray(age)
    damaged[-5] ^= 0x01  # inside the encrypted payload: header and length stay as they were
    return bytes(damaged)


DAMAGE = {
    "payload bit": flip_payload,
    "truncated": lambda a: a[:-6],
    "header only": lambda a: a[: a.index(b"\n--- ") + 49],
}


@pytest.mark.parametrize(
    ("damage", "old_format"),
    # a flipped payload bit in an older file: only a checksum could tell (a limit)
    [("payload bit", False), ("truncated", False), ("truncated", True), ("header only", True)],
)
def test_a_damaged_recovery_slot_never_replaces_the_backup(
    guarded: Path, pyrage_identity: AgeIdentity, damage: str, old_format: bool
) -> None:
    """The primary's recovery slot is damaged, its passphrase slot intact: unlocking must not
    "repair" the sound backup with it, and the office's recovery still works afterwards."""
    if old_format:
        for name in (SLOTS, BACKUP):
            edit_slot(guarded / name, "recovery", old_format=True)
    bad = base64.b64encode(DAMAGE[damage](age_of(guarded / SLOTS))).decode()
    doc = read_doc(guarded / SLOTS)
    doc["recovery"]["age"] = bad
    write_doc(guarded / SLOTS, doc)
    unlock_vault(guarded, PASSPHRASE).lock()
    assert opens_for_the_agency(guarded / BACKUP, pyrage_identity)
    recover_vault(guarded, pyrage_identity.path.read_text("ascii"), NEW, kdf=FAST_KDF).lock()
    assert opens_with(guarded, NEW)
    for name in (SLOTS, BACKUP):  # recovering wrote the slot that worked into both files
        assert opens_for_the_agency(guarded / name, pyrage_identity)


def strip_checksums(folder: Path) -> None:
    """The key files as written before slot checksums existed."""
    for name in (SLOTS, BACKUP):
        for slot in ("passphrase", "recovery"):
            edit_slot(folder / name, slot, old_format=True)


def test_older_files_without_checksums_open_and_gain_them(guarded: Path) -> None:
    strip_checksums(guarded)
    unlock_vault(guarded, PASSPHRASE).lock()
    for name in (SLOTS, BACKUP):  # both copies agreed, so both were vouched for
        doc = read_doc(guarded / name)
        assert "sha256" in doc["passphrase"] and "sha256" in doc["recovery"]


def test_older_copies_that_disagree_are_both_kept(
    guarded: Path, pyrage_identity: AgeIdentity
) -> None:
    """Without checksums a flipped payload bit cannot be told from a sound slot: neither copy
    is written over the other, and recovery tries both."""
    strip_checksums(guarded)
    edit_slot(
        guarded / SLOTS,
        "recovery",
        old_format=True,
        age=base64.b64encode(flip_payload(age_of(guarded / SLOTS))).decode(),
    )
    unlock_vault(guarded, PASSPHRASE).lock()
    assert opens_for_the_agency(guarded / BACKUP, pyrage_identity)
    recover_vault(guarded, pyrage_identity.path.read_text("ascii"), NEW, kdf=FAST_KDF).lock()
    assert opens_with(guarded, NEW)


def test_the_cli_recovers_after_a_damaged_recovery_slot_met_an_unlock(
    guarded: Path, pyrage_identity: AgeIdentity, tmp_path: Path
) -> None:
    """`vault info` unlocks (and repairs), `vault recover` still works from the copy."""
    doc = read_doc(guarded / SLOTS)
    doc["recovery"]["age"] = base64.b64encode(flip_payload(age_of(guarded / SLOTS))).decode()
    write_doc(guarded / SLOTS, doc)
    current = write_passphrase(tmp_path / "current.txt")
    new = write_passphrase(tmp_path / "new.txt", NEW)
    info = in_child("vault", "info", "--vault", guarded, "--passphrase-file", current).ok()
    assert "age X25519" in info.out  # the copy's slot, which does work
    in_child(
        "vault", "recover", "--vault", guarded, "--identity", pyrage_identity.path,
        "--new-passphrase-file", new,
    ).ok()  # fmt: skip
    assert opens_with(guarded, NEW)


def test_both_recovery_slots_damaged_shows_so(guarded: Path) -> None:
    for name in (SLOTS, BACKUP):
        edit_slot(guarded / name, "recovery", age=base64.b64encode(b"kaputt").decode())
    session = unlock_vault(guarded, PASSPHRASE)
    try:
        slots = {s.kind: s.detail for s in session.info().slots}
    finally:
        session.lock()
    assert "beschädigt" in slots["recovery"]


def test_recovery_works_when_both_passphrase_slots_are_damaged(
    guarded: Path, pyrage_identity: AgeIdentity
) -> None:
    """What the damage message promises (the office's recovery) must work."""
    for name in (SLOTS, BACKUP):
        edit_slot(guarded / name, "passphrase", wrapped_key="kaputt")
    with pytest.raises(KeySlotsDamaged) as info:
        unlock_vault(guarded, PASSPHRASE)
    assert "Die Dienststelle kann ihn mit ihrem Wiederherstellungsschlüssel" in str(info.value)
    recover_vault(guarded, pyrage_identity.path.read_text("ascii"), NEW, kdf=FAST_KDF).lock()
    assert opens_with(guarded, NEW)


@pytest.mark.parametrize("gone", ["deleted", "emptied"])
def test_without_key_files_no_recovery_is_promised(
    guarded: Path, pyrage_identity: AgeIdentity, gone: str
) -> None:
    """With both key files gone the office's key cannot help either: say what can."""
    for name in (SLOTS, BACKUP):
        if gone == "deleted":
            (guarded / name).unlink()
        else:
            (guarded / name).write_bytes(b"")
    for attempt in (
        lambda: unlock_vault(guarded, PASSPHRASE),
        lambda: recover_vault(guarded, pyrage_identity.path.read_text("ascii"), NEW),
    ):
        with pytest.raises(UserError) as info:
            attempt()
        message = str(info.value)
        assert "Dienststelle kann" not in message
        assert "auch die Dienststelle nicht" in message
        assert "Sicherung" in message and "Tresorordner" in message


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


# Passphrase slots out of bounds (checked before Argon2 runs), of the wrong type or length;
# written without checksum, as an older file or a careless editor would.
OUT_OF_BOUNDS: list[dict[str, object]] = [
    {"memory_kib": 2**40},
    {"parallelism": 2**24},
    {"salt": ""},
    {"nonce": ""},
    {"nonce": b64(b"n" * 200)},
]


def short(changes: dict[str, object]) -> str:
    return ",".join(f"{k}={str(v)[:12]}" for k, v in changes.items())


WEAK = [{"parallelism": 0}]
NOT_OURS = [
    {"memory_kib": "65536"},
    {"time_cost": 3.5},
    {"salt": b64(b"s" * 4000)},
    {"wrapped_key": b64(b"k" * 8)},
]


@pytest.mark.parametrize("changes", OUT_OF_BOUNDS + WEAK, ids=short)
def test_a_primary_out_of_bounds_falls_back_to_the_copy(
    guarded: Path, changes: dict[str, object]
) -> None:
    edit_slot(guarded / SLOTS, "passphrase", old_format=True, **changes)
    unlock_vault(guarded, PASSPHRASE).lock()
    assert read_doc(guarded / SLOTS) == read_doc(guarded / BACKUP)  # repaired from the copy


@pytest.mark.parametrize("changes", OUT_OF_BOUNDS + NOT_OURS, ids=short)
def test_both_out_of_bounds_is_one_clean_refusal(guarded: Path, changes: dict[str, object]) -> None:
    for name in (SLOTS, BACKUP):
        edit_slot(guarded / name, "passphrase", old_format=True, **changes)
    started = time.monotonic()
    with pytest.raises(KeySlotsDamaged) as info:
        unlock_vault(guarded, PASSPHRASE)
    assert time.monotonic() - started < 5  # refused before Argon2 could run long
    assert "Dienststelle kann ihn" in str(info.value)  # the recovery slot is still sound


@pytest.mark.parametrize("which", ["primary", "both"])
def test_deeply_nested_json(guarded: Path, which: str) -> None:
    nested = b"[" * 30_000 + b"]" * 30_000
    for name in (SLOTS, BACKUP) if which == "both" else (SLOTS,):
        (guarded / name).write_bytes(nested)
    if which == "primary":
        unlock_vault(guarded, PASSPHRASE).lock()
        assert (guarded / SLOTS).read_bytes() == (guarded / BACKUP).read_bytes()
    else:
        with pytest.raises(KeySlotsDamaged):
            unlock_vault(guarded, PASSPHRASE)


def test_a_million_passes_are_refused_not_run(guarded: Path, tmp_path: Path) -> None:
    """Argon2 with a huge pass count would run for days: the CLI answers at once."""
    for name in (SLOTS, BACKUP):
        edit_slot(guarded / name, "passphrase", old_format=True, time_cost=10**6)
    passphrase_file = write_passphrase(tmp_path / "pass.txt")
    argv = child_argv("vault", "info", "--vault", guarded, "--passphrase-file", passphrase_file)
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("vault info still deriving a key after 30 s")
    assert done.returncode == 1
    assert done.stderr.startswith("Fehler: ") and "Traceback" not in done.stderr


Steps = list[tuple[str, int, int]]


@st.composite
def corruptions(draw: st.DrawFn) -> tuple[bool, Steps]:
    """Bit flips, cuts and inserted bytes, anywhere in a file or within its recovery slot."""
    steps = st.tuples(
        st.sampled_from(["flip", "flip", "cut", "insert"]),
        st.integers(0, 2**16),
        st.integers(0, 255),
    )
    return draw(st.booleans()), draw(st.lists(steps, min_size=1, max_size=4))


def corrupt(data: bytes, where: tuple[bool, Steps]) -> bytes:
    in_recovery, steps = where
    lo = data.index(b'"age": "') + 8 if in_recovery else 0
    hi = data.index(b'"', lo) if in_recovery else len(data)
    out = bytearray(data)
    for kind, at, value in steps:
        at = lo + at % max(min(hi, len(out)) - lo, 1)
        if kind == "flip" and at < len(out):
            out[at] ^= 1 << (value % 8)
        elif kind == "cut":
            del out[at:]
        else:
            out[at:at] = bytes([value])
    return bytes(out)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(primary=corruptions(), backup=st.none() | corruptions())
def test_corrupted_key_files_open_or_refuse_cleanly(
    guarded: Path,
    pyrage_identity: AgeIdentity,
    primary: tuple[bool, Steps],
    backup: tuple[bool, Steps] | None,
) -> None:
    """Whatever happens to the files: success or one known error. While the copy is intact,
    the vault opens and the copy still serves the agency afterwards."""
    original = {n: (guarded / n).read_bytes() for n in (SLOTS, BACKUP)}
    try:
        (guarded / SLOTS).write_bytes(corrupt(original[SLOTS], primary))
        if backup is not None:
            (guarded / BACKUP).write_bytes(corrupt(original[BACKUP], backup))
        try:
            unlock_vault(guarded, PASSPHRASE).lock()
        except UserError:
            assert backup is not None  # with an intact copy the vault always opens
        if backup is None:
            assert opens_for_the_agency(guarded / BACKUP, pyrage_identity)
    finally:
        for name, data in original.items():
            (guarded / name).write_bytes(data)


def test_two_passphrase_changes_at_once_never_both_succeed(guarded: Path, tmp_path: Path) -> None:
    """Two `vault passwd` processes at the same moment: the one that reports success has its
    new passphrase working; the other fails with one German line and changes nothing."""
    current = write_passphrase(tmp_path / "current.txt")
    news = [f"Gleichzeitig gesetzt Nummer {i}" for i in range(2)]
    children = []
    for i, new in enumerate(news):
        new_file = write_passphrase(tmp_path / f"new-{i}.txt", new)
        argv = child_argv(
            "vault", "passwd", "--vault", guarded,
            "--passphrase-file", current, "--new-passphrase-file", new_file,
        )  # fmt: skip
        children.append(subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    results = [
        (c.wait(timeout=120), c.stderr.read().decode() if c.stderr else "") for c in children
    ]
    succeeded = [new for new, (code, _err) in zip(news, results, strict=True) if code == 0]
    assert len(succeeded) == 1, results
    assert opens_with(guarded, succeeded[0])
    for code, err in results:
        if code != 0:
            assert code == 1 and err.startswith("Fehler: ") and "Traceback" not in err
    assert not opens_with(guarded, PASSPHRASE)


def test_a_held_lock_makes_the_second_writer_wait_then_refuse(
    session: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outreach_desktop.storage import slot_lock
    from outreach_desktop.storage.errors import KeySlotsBusy

    monkeypatch.setattr(slot_lock, "LOCK_TIMEOUT", 0.5)
    before = {n: (vault_dir / n).read_bytes() for n in (SLOTS, BACKUP)}
    with slot_lock.slots_locked(vault_dir):
        started = time.monotonic()
        with pytest.raises(KeySlotsBusy) as info:
            session.change_passphrase(PASSPHRASE, NEW, kdf=FAST_KDF)
        assert time.monotonic() - started >= 0.5
    assert "Es wurde nichts geändert" in str(info.value)
    assert {n: (vault_dir / n).read_bytes() for n in before} == before
    session.change_passphrase(PASSPHRASE, NEW, kdf=FAST_KDF)


def test_a_change_after_another_programs_change_is_refused(
    session: Session, vault_dir: Path
) -> None:
    """This window still holds the old slots; another program set a new passphrase since."""
    other = unlock_vault(vault_dir, PASSPHRASE)
    other.change_passphrase(PASSPHRASE, "Die andere neue Passphrase", kdf=FAST_KDF)
    other.lock()
    with pytest.raises(UserError) as info:
        session.change_passphrase(PASSPHRASE, NEW, kdf=FAST_KDF)
    assert "anderen Programm geändert" in str(info.value)
    assert opens_with(vault_dir, "Die andere neue Passphrase")
    assert not opens_with(vault_dir, NEW)


def test_the_cli_names_what_is_possible_without_key_files(guarded: Path, tmp_path: Path) -> None:
    for name in (SLOTS, BACKUP):
        (guarded / name).unlink()
    passphrase_file = write_passphrase(tmp_path / "pass.txt")
    result = in_child("vault", "info", "--vault", guarded, "--passphrase-file", passphrase_file)
    assert result.code == 1 and "Traceback" not in result.err
    assert "auch die Dienststelle nicht" in result.err
    assert "Sicherung" in result.err


# --- WAL, full disk and read-only medium: helpers --------------------------------------------

PAGE = 4096
WAL_HEADER, FRAME_HEADER = 32, 24


def crash_copy(vault_dir: Path, target: Path) -> Path:
    """The vault folder as a crash leaves it: copied while the vault is open (the WAL as it
    is, no checkpoint at close)."""
    target.mkdir()
    for name in ("keyslots.json", "keyslots.backup.json", "vault.db", "vault.db-wal"):
        if (vault_dir / name).exists():
            shutil.copy2(vault_dir / name, target / name)
    return target


def flip_bit(path: Path, offset: int) -> bool:
    """Flip one bit at `offset` if the file reaches that far; False when it does not."""
    data = bytearray(path.read_bytes()) if path.exists() else bytearray()
    if len(data) <= offset:
        return False
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))
    return True


def in_frame(n: int) -> int:
    """An offset inside the page of the WAL's n-th frame (0-based)."""
    return WAL_HEADER + n * (FRAME_HEADER + PAGE) + FRAME_HEADER + 100


# --- WAL after a crash ---
def test_a_flipped_bit_in_the_wal_after_a_crash_loses_no_saved_client(
    session: Session, vault_dir: Path, tmp_path: Path
) -> None:
    saved = [session.clients.save(Client(display_name=f"Gespeichert {i}")).id for i in range(10)]
    copy = crash_copy(vault_dir, tmp_path / "after-crash")
    flip_bit(copy / "vault.db-wal", in_frame(1))  # nothing to flip when the WAL is empty
    again = unlock_vault(copy, PASSPHRASE)
    try:
        assert set(saved) <= {c.id for c in again.clients.all()}
        assert again.check() == []
        assert again.notices == []
    finally:
        again.lock()


def hold_reader(session: Session) -> sqlcipher3.Connection:
    """A second connection in a read transaction: it keeps the checkpoint from emptying the
    WAL (another program window reading the vault at that moment)."""
    vault = vault_of(session)
    reader = sqlcipher3.connect(str(vault.path / "vault.db"), isolation_level=None)
    reader.execute(f"PRAGMA key = \"x'{bytes(vault._key).hex()}'\"")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM clients").fetchone()
    return reader


def test_a_damaged_wal_the_checkpoint_could_not_empty_is_told_and_checked(
    session: Session, vault_dir: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    reader = hold_reader(session)
    try:
        started = time.monotonic()
        for i in range(6):
            session.clients.save(Client(display_name=f"Nach dem Leser {i}"))
        assert time.monotonic() - started < 3  # the checkpoint never waits for the reader
        copy = crash_copy(vault_dir, tmp_path / "after-crash")
    finally:
        reader.close()
    assert flip_bit(copy / "vault.db-wal", in_frame(2))

    again = unlock_vault(copy, PASSPHRASE)
    try:
        [warning] = again.notices
        assert warning.startswith("Warnung: Das Änderungsprotokoll des Tresors (vault.db-wal)")
        assert "fehlen im Tresor" in warning and "IT informieren" in warning
        problems = again.check()
        assert problems and "Änderungsprotokoll nach einem Absturz beschädigt" in problems[0]
    finally:
        again.lock()
    [kept] = copy.glob("vault.db-wal.damaged-*")
    assert kept.stat().st_mode & 0o777 == 0o600
    # `vault check` later (the damaged log is long replaced): still not "in Ordnung"
    result = in_child("vault", "check", "--vault", copy, "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert "in Ordnung" not in result.out
    assert "Änderungsprotokoll nach einem Absturz beschädigt" in result.out


# --- full disk ---
def failing(call: Callable[..., object], code: int, *, on: str) -> Callable[..., object]:
    """`call` that fails with errno `code` for paths whose name contains `on`."""

    def wrapper(path: object, *args: object, **kwargs: object) -> object:
        if on in str(path):
            raise OSError(code, os.strerror(code))
        return call(path, *args, **kwargs)

    return wrapper


def failing_write(code: int) -> Callable[..., int]:
    def write(fd: int, data: object) -> int:
        raise OSError(code, os.strerror(code))

    return write


def test_a_full_disk_still_opens_for_reading_and_refuses_a_write_before_it_starts(
    session: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch,
    digests: Callable[[Path], dict[str, str]],
) -> None:  # fmt: skip
    saved = session.clients.save(Client(display_name="Schon da")).id
    session.lock()
    before = digests(vault_dir)
    with monkeypatch.context() as m:
        m.setattr(media.os, "write", failing_write(errno.ENOSPC))  # the probe finds no room
        again = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert again.read_only
        assert [c.id for c in again.clients.all()] == [saved]
        assert "Speicherplatz ist voll" in again.notices[0]
        assert "nur zum Lesen" in again.notices[0]
        with pytest.raises(DiskFull) as info:
            again.clients.save(Client(display_name="Passt nicht mehr"))
        assert str(info.value).startswith("Speicherplatz voll — nichts wurde geändert.")
        assert "Platz schaffen" in str(info.value)
    finally:
        again.lock()
    assert digests(vault_dir) == before


@needs_namespaces
def test_on_a_really_full_disk_the_cli_reads_and_a_write_says_nothing_changed(
    session: Session, vault_dir: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    session.clients.save(Client(display_name="Ruth Voll"))
    session.lock()
    disk = tmp_path / "disk"
    disk.mkdir()
    vault = disk / "vault"
    script = "\n".join([
        f"mount -t tmpfs -o size=4m tmpfs {disk}",
        f"cp -a {vault_dir} {vault}",
        fill_up(disk),
        "echo '--- list'", cli("clients", "list", "--vault", vault, "--passphrase-file",
                               passphrase_file),
        "echo '--- add'", cli("clients", "add", "--vault", vault, "--passphrase-file",
                              passphrase_file, "--name", "Neu Hinzu"),
        f"rm {disk}/filler",
        "echo '--- after'", cli("clients", "list", "--vault", vault, "--passphrase-file",
                                passphrase_file),
    ])  # fmt: skip
    done = run_in_namespace(script)
    listed, added, after = done.stdout.split("--- ")[1:]
    assert "Ruth Voll" in listed and "exit=0" in listed, done.stderr
    assert "exit=1" in added and "Neu Hinzu" not in after and "Ruth Voll" in after
    assert "Hinweis: Der Speicherplatz ist voll. Der Tresor ist nur zum Lesen geöffnet" in (
        done.stderr
    )
    assert "Fehler: Speicherplatz voll — nichts wurde geändert." in done.stderr
    assert "Traceback" not in done.stderr


def test_creating_a_vault_on_a_full_disk_says_so_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    with monkeypatch.context() as m:
        m.setattr(media.os, "write", failing_write(errno.ENOSPC))
        with pytest.raises(DiskFull) as info:
            Vault.create(folder / "vault", PASSPHRASE, kdf=FAST_KDF)
    assert str(info.value).startswith("Speicherplatz voll — nichts wurde geändert.")
    assert list(folder.iterdir()) == []


# --- read-only medium ---
def test_a_read_only_medium_opens_for_reading_and_says_so(
    session: Session, vault_dir: Path, monkeypatch: pytest.MonkeyPatch,
    digests: Callable[[Path], dict[str, str]],
) -> None:  # fmt: skip
    saved = session.clients.save(Client(display_name="Nur Lesen")).id
    session.lock()
    before = digests(vault_dir)
    with monkeypatch.context() as m:  # the medium refuses the probe, as a write-protected one
        m.setattr(media.os, "open", failing(os.open, errno.EROFS, on=".write-probe-"))
        again = unlock_vault(vault_dir, PASSPHRASE)
    try:
        assert again.read_only
        assert "schreibgeschützt" in again.notices[0]
        assert [c.id for c in again.clients.all()] == [saved]
        with pytest.raises(ReadOnlyMedium) as info:
            again.clients.save(Client(display_name="Geht nicht"))
        assert "nichts wurde geändert" in str(info.value)
        assert again.check() == []
    finally:
        again.lock()
    assert digests(vault_dir) == before
    assert sorted(p.name for p in vault_dir.iterdir()) == sorted(before)


@needs_namespaces
def test_on_a_really_read_only_medium_the_cli_reads_and_refuses_to_write(
    session: Session, vault_dir: Path, passphrase_file: Path
) -> None:
    session.clients.save(Client(display_name="Stick Schreibgeschützt"))
    session.lock()
    script = "\n".join([
        f"mount --bind {vault_dir} {vault_dir} && mount -o remount,bind,ro {vault_dir}",
        "echo '--- list'", cli("clients", "list", "--vault", vault_dir, "--passphrase-file",
                               passphrase_file),
        "echo '--- add'", cli("clients", "add", "--vault", vault_dir, "--passphrase-file",
                              passphrase_file, "--name", "Neu Hinzu"),
        "echo '--- check'", cli("vault", "check", "--vault", vault_dir, "--passphrase-file",
                                passphrase_file),
    ])  # fmt: skip
    done = run_in_namespace(script)
    listed, added, checked = done.stdout.split("--- ")[1:]
    assert "Stick Schreibgeschützt" in listed and "exit=0" in listed, done.stderr
    assert "exit=1" in added
    assert "exit=0" in checked and "in Ordnung" in checked
    assert "Hinweis: Der Datenträger ist schreibgeschützt" in done.stderr
    assert "Fehler: Der Tresor liegt auf einem schreibgeschützten Datenträger" in done.stderr
    assert "Traceback" not in done.stderr


@needs_namespaces
def test_changes_still_in_the_wal_on_a_read_only_medium_are_not_passed_off_as_gone(
    session: Session, vault_dir: Path, tmp_path: Path, passphrase_file: Path
) -> None:
    """A crash copy whose WAL holds the last saves, on a write-protected stick: SQLite cannot
    read that WAL there; the vault shows the state before and says the rest is not lost."""
    reader = hold_reader(session)
    try:
        session.clients.save(Client(display_name="Nur im Protokoll"))
        stick = crash_copy(vault_dir, tmp_path / "stick")
    finally:
        reader.close()
    assert (stick / "vault.db-wal").stat().st_size > 0
    script = "\n".join([
        f"mount --bind {stick} {stick} && mount -o remount,bind,ro {stick}",
        cli("clients", "list", "--vault", stick, "--passphrase-file", passphrase_file),
    ])  # fmt: skip
    done = run_in_namespace(script)
    assert "exit=0" in done.stdout, done.stderr
    assert "Nur im Protokoll" not in done.stdout
    assert "Warnung: Die zuletzt gespeicherten Änderungen (vault.db-wal) lassen sich" in (
        done.stderr
    )
    assert "Sie sind nicht verloren" in done.stderr
    again = unlock_vault(stick, PASSPHRASE)  # writable again: they are there
    try:
        assert "Nur im Protokoll" in [c.display_name for c in again.clients.all()]
        assert again.notices == []
    finally:
        again.lock()
