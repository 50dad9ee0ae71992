"""`outreach-desktop vault create|info|check|passwd|recover`, run in-process."""

from __future__ import annotations

import hashlib
from pathlib import Path

from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import unlock_vault
from outreach_desktop.storage.migrations import load_migrations
from testkit import PASSPHRASE, AgeIdentity
from testkit.cli import (
    NEW_PASSPHRASE,
    WRONG_PASSPHRASE,
    Run,
    VaultCli,
    assert_one_error_line,
    opens_with,
    write_passphrase,
)
from testkit.internals import vault_of


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_with_passphrase_file(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    vault = tmp_path / "neu"
    result = VaultCli(run, vault, passphrase_file)("vault", "create").ok()
    assert f"Tresor angelegt: {vault}" in result.out
    assert "Argon2id: 64 MiB, t=3, p=4" in result.out
    assert "kein Wiederherstellungsschlüssel" in result.out
    assert result.err == ""
    assert opens_with(vault, PASSPHRASE)


def test_create_with_passphrase_on_stdin(run: Run, tmp_path: Path) -> None:
    vault = tmp_path / "neu"
    VaultCli(run, vault, "-")(
        "vault", "create", "--owner", "Kim Muster", stdin=PASSPHRASE + "\n"
    ).ok()
    session = unlock_vault(vault, PASSPHRASE)
    try:
        owner = session.owner()
        assert owner is not None and owner.name == "Kim Muster"
    finally:
        session.lock()


def test_create_with_recovery_recipient(
    run: Run, tmp_path: Path, passphrase_file: Path, age_keygen_identity: AgeIdentity
) -> None:
    new = VaultCli(run, tmp_path / "neu", passphrase_file)
    result = new("vault", "create", "--recovery-recipient", age_keygen_identity.recipient).ok()
    assert f"Wiederherstellung über: {age_keygen_identity.recipient}" in result.out


def test_create_uses_site_recipient(
    run: Run,
    tmp_path: Path,
    passphrase_file: Path,
    isolated_home: Path,
    pyrage_identity: AgeIdentity,
) -> None:
    site = isolated_home / "site-config"
    site.mkdir()
    (site / "recovery-recipient.txt").write_text(
        f"# Dienststelle Lüchow\n{pyrage_identity.recipient}\n", encoding="utf-8"
    )
    result = VaultCli(run, tmp_path / "neu", passphrase_file)("vault", "create").ok()
    assert pyrage_identity.recipient in result.out


def test_create_refuses_short_passphrase(run: Run, tmp_path: Path) -> None:
    short = write_passphrase(tmp_path / "short.txt", "kurz")
    result = VaultCli(run, tmp_path / "neu", short)("vault", "create")
    assert_one_error_line(result)
    assert "Passphrase: Mindestens 12 Zeichen" in result.err
    assert not (tmp_path / "neu").exists()


def test_info_shows_counts_not_names(
    run: Run, session: Session, vault_dir: Path, passphrase_file: Path
) -> None:
    session.clients.save(Client(display_name="Zacharias Vertraulich", phone="0170 4443332"))
    session.lock()
    result = VaultCli(run, vault_dir, passphrase_file)("vault", "info").ok()
    assert f"Schema-Version:  {load_migrations()[-1].version}" in result.out
    assert "Kundinnen und Kunden  1" in result.out
    assert vault_of(session).slots.vault_id in result.out
    assert "vault.db" in result.out
    for secret in ("Zacharias", "Vertraulich", "4443332", "Alex Beispiel", PASSPHRASE):
        assert secret not in result.out + result.err


def test_wrong_passphrase(run: Run, locked_vault: Path, tmp_path: Path) -> None:
    wrong = write_passphrase(tmp_path / "wrong.txt", WRONG_PASSPHRASE)
    result = VaultCli(run, locked_vault, wrong)("vault", "info")
    assert_one_error_line(result)
    assert result.err == "Fehler: Die Passphrase ist falsch.\n"
    assert result.out == ""


def test_not_a_vault(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    result = VaultCli(run, tmp_path / "nix", passphrase_file)("vault", "info")
    assert_one_error_line(result)
    assert "kein Tresor" in result.err


def test_passwd(on_vault: VaultCli, locked_vault: Path, new_passphrase_file: Path) -> None:
    before = sha256(locked_vault / "vault.db")
    result = on_vault("vault", "passwd", "--new-passphrase-file", new_passphrase_file).ok()
    assert "Die Passphrase wurde geändert." in result.out
    assert sha256(locked_vault / "vault.db") == before
    assert not opens_with(locked_vault, PASSPHRASE)
    assert opens_with(locked_vault, NEW_PASSPHRASE)


def test_passwd_new_from_stdin(on_vault: VaultCli, locked_vault: Path) -> None:
    on_vault("vault", "passwd", "--new-passphrase-file", "-", stdin=NEW_PASSPHRASE + "\n").ok()
    assert opens_with(locked_vault, NEW_PASSPHRASE)


def test_passwd_both_from_stdin_is_refused(run: Run, locked_vault: Path) -> None:
    slots = (locked_vault / "keyslots.json").read_bytes()
    both = f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n"
    result = VaultCli(run, locked_vault, "-")("vault", "passwd", "--new-passphrase-file", "-",
                                              stdin=both)  # fmt: skip
    assert_one_error_line(result)
    assert "Nur eine Passphrase kann über die Standardeingabe kommen." in result.err
    assert (locked_vault / "keyslots.json").read_bytes() == slots


def test_passwd_wrong_current(
    run: Run, locked_vault: Path, new_passphrase_file: Path, tmp_path: Path
) -> None:
    wrong = write_passphrase(tmp_path / "wrong.txt", WRONG_PASSPHRASE)
    slots = (locked_vault / "keyslots.json").read_bytes()
    result = VaultCli(run, locked_vault, wrong)("vault", "passwd", "--new-passphrase-file",
                                                new_passphrase_file)  # fmt: skip
    assert_one_error_line(result)
    assert (locked_vault / "keyslots.json").read_bytes() == slots


def test_passwd_new_too_short(on_vault: VaultCli, locked_vault: Path, tmp_path: Path) -> None:
    short = write_passphrase(tmp_path / "short.txt", "kurz")
    result = on_vault("vault", "passwd", "--new-passphrase-file", short)
    assert_one_error_line(result)
    assert "Mindestens 12 Zeichen" in result.err
    assert opens_with(locked_vault, PASSPHRASE)


def test_recover_with_age_keygen_identity(
    run: Run,
    tmp_path: Path,
    passphrase_file: Path,
    new_passphrase_file: Path,
    age_keygen_identity: AgeIdentity,
) -> None:
    vault = tmp_path / "neu"
    new = VaultCli(run, vault, passphrase_file)
    new("vault", "create", "--recovery-recipient", age_keygen_identity.recipient).ok()
    before = sha256(vault / "vault.db")
    result = run("vault", "recover", "--vault", vault, "--identity", age_keygen_identity.path,
                 "--new-passphrase-file", new_passphrase_file).ok()  # fmt: skip
    assert "wiederhergestellt" in result.out
    assert sha256(vault / "vault.db") == before
    assert opens_with(vault, NEW_PASSPHRASE)
    assert not opens_with(vault, PASSPHRASE)


def test_recover_with_wrong_identity(
    run: Run,
    tmp_path: Path,
    passphrase_file: Path,
    new_passphrase_file: Path,
    age_keygen_identity: AgeIdentity,
    pyrage_identity: AgeIdentity,
) -> None:
    vault = tmp_path / "neu"
    new = VaultCli(run, vault, passphrase_file)
    new("vault", "create", "--recovery-recipient", age_keygen_identity.recipient).ok()
    result = run("vault", "recover", "--vault", vault, "--identity", pyrage_identity.path,
                 "--new-passphrase-file", new_passphrase_file)  # fmt: skip
    assert_one_error_line(result)
    assert "passt nicht" in result.err
    assert opens_with(vault, PASSPHRASE)


def test_recover_identity_file_missing(
    run: Run, locked_vault: Path, tmp_path: Path, new_passphrase_file: Path
) -> None:
    result = run("vault", "recover", "--vault", locked_vault, "--identity", tmp_path / "fehlt.txt",
                 "--new-passphrase-file", new_passphrase_file)  # fmt: skip
    assert_one_error_line(result)
    assert "gibt es nicht" in result.err


def test_check_ok(on_vault: VaultCli) -> None:
    assert "in Ordnung" in on_vault("vault", "check").ok().out


def test_check_bit_flipped(
    run: Run, session: Session, vault_dir: Path, passphrase_file: Path
) -> None:
    for i in range(300):
        session.clients.save(Client(display_name=f"Person {i:03d}", address="Lange Straße 1"))
    session.lock()
    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096 + 1000
    data[middle] ^= 0x04
    db.write_bytes(bytes(data))
    result = VaultCli(run, vault_dir, passphrase_file)("vault", "check")
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    if result.err:  # unlock itself noticed the damage
        assert_one_error_line(result)
        assert "beschädigt" in result.err
    else:
        assert result.out.startswith("Der Tresor ist beschädigt:")
        assert len(result.out.splitlines()) >= 2
