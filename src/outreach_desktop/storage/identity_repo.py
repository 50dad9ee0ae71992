"""Who this vault is in the exchange: its role (field or office) and its own key material.

The keys are made by the exchange package and handed over by the services; storage keeps them
as opaque text and bytes inside the encrypted vault. A holder's keys are stored once and never
replaced (the database refuses it): the office refuses a known device whose keys changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, cast, get_args

from outreach_desktop.storage.database import Database, Row
from outreach_desktop.storage.errors import IdentityExists
from outreach_desktop.storage.record_repo import ts_stored, ts_to_db

Role = Literal["field", "office"]
Holder = Literal[
    "device", "agency"
]  # every vault has a device identity; an office also the agency's

ROLES: tuple[Role, ...] = get_args(Role)


@dataclass(frozen=True)
class Identity:
    holder: Holder
    age_identity: str = field(repr=False)  # "AGE-SECRET-KEY-1…" (X25519, encryption)
    age_recipient: str  # "age1…"
    sign_private: bytes = field(repr=False)  # Ed25519 private key (32-byte seed)
    sign_public: bytes  # Ed25519 public key (32 bytes)
    created_at: datetime


class IdentityRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ---- role ------------------------------------------------------------------------------
    def role(self) -> Role:
        """'field' unless set otherwise (every vault made before schema 8 is a field vault)."""
        return cast(Role, self.db.scalar("SELECT role FROM vault_role"))

    def set_role(self, role: Role) -> None:
        """Refused (RoleFixed) once the vault takes part in an exchange."""
        if role not in ROLES:
            raise ValueError(f"unknown vault role {role!r}")
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO meta (key, value) VALUES ('role', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (role,),
            )

    # ---- keys ------------------------------------------------------------------------------
    def get(self, holder: Holder) -> Identity | None:
        row = self.db.one("SELECT * FROM identities WHERE holder = ?", (holder,))
        return _identity(row) if row is not None else None

    def save(self, identity: Identity) -> None:
        """Store a holder's keys; IdentityExists when it has some (they are never replaced).
        'agency' only in an office vault (the database refuses it elsewhere)."""
        with self.db.transaction():
            if self.get(identity.holder) is not None:
                raise IdentityExists()
            self.db.execute(
                "INSERT INTO identities (holder, age_identity, age_recipient, sign_private,"
                " sign_public, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    identity.holder,
                    identity.age_identity,
                    identity.age_recipient,
                    bytes(identity.sign_private),
                    bytes(identity.sign_public),
                    ts_to_db(identity.created_at),
                ),
            )


def _identity(row: Row) -> Identity:
    return Identity(
        holder=row["holder"],
        age_identity=row["age_identity"],
        age_recipient=row["age_recipient"],
        sign_private=bytes(row["sign_private"]),
        sign_public=bytes(row["sign_public"]),
        created_at=ts_stored(row["created_at"]),
    )
