"""Import at the office: laptops' export bundles into the office vault (issue 10, item 4).

Each file on its own: a bad one never stops the others, and each gets one German result line.
Everything is verified before anything changes (the container by `open_bundle`, the records by
`import_checks`, the sender and its sequence here); then the records are merged in one
transaction (`import_merge`) together with the bundle's bookkeeping and its sync log entry.

The sync log also keeps each refusal (its sentence names members and ids, never a value or the
file's path): the one trace a refused file leaves. A bundle taken before changes nothing at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from outreach_desktop.domain.agency import DEFAULT_BUNDLE_LIMIT_MB
from outreach_desktop.domain.errors import DomainError, UserError
from outreach_desktop.domain.home_visit import format_day
from outreach_desktop.exchange.archive import too_large
from outreach_desktop.exchange.bundle import MB, OpenedBundle, open_bundle
from outreach_desktop.exchange.errors import BundleRefused
from outreach_desktop.exchange.keys import Identity, PublicKeys
from outreach_desktop.exchange.manifest import BundleKind
from outreach_desktop.logs import describe_bug
from outreach_desktop.services.files import read_file
from outreach_desktop.services.identity import IdentityService
from outreach_desktop.services.import_checks import check_references, merge_order, read_records
from outreach_desktop.services.import_merge import Merger
from outreach_desktop.storage.bundle_repo import BundleRepository, ImportedBundle
from outreach_desktop.storage.errors import BundleReplayed, KeysChanged
from outreach_desktop.storage.inbox_repo import Device, DeviceRepository
from outreach_desktop.storage.sync_log import SyncEntry, SyncLog, SyncResult

log = logging.getLogger(__name__)

Status = Literal["accepted", "already", "refused", "failed", "cancelled"]
Progress = Callable[[int, int], bool | None]  # (files done, files in all); False: stop
BUNDLE_LIMIT_KEY = "office_bundle_limit_mb"  # meta: the bundle limit the office gave its laptops

NOT_OFFICE = "Exporte der Laptops liest nur der Bürotresor ein; dieser Tresor ist keiner."
UNREADABLE = "Die Datei ließ sich nicht lesen."
KEYS_ELSEWHERE = "Die Schlüssel des Absenders gehören zu einem anderen Gerät: abgelehnt."
ID_REUSED = (
    "Ein Paket mit dieser Kennung wurde schon von einem anderen Absender oder mit anderer "
    "Folgenummer eingelesen: abgelehnt."
)
BUG = "Interner Programmfehler; es wurde nichts verändert, Einzelheiten stehen im Protokoll."
CANCELLED = "nicht eingelesen (abgebrochen)."


@dataclass(frozen=True)
class ImportResult:
    """What became of one file; `message` is its German result."""

    path: Path
    status: Status
    message: str
    bundle_id: str | None = None
    device_id: str | None = None
    fingerprint: str | None = None  # of the sender, once its signature verified
    unknown_device: bool = False  # refused until a person confirms `fingerprint`
    sequence: int | None = None
    missing: tuple[int, int] | None = None  # a gap before this bundle: first and last missing
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # kind → new/updated/…

    @property
    def ok(self) -> bool:
        """Accepted, or taken before (no change, not an error)."""
        return self.status in ("accepted", "already")

    @property
    def line(self) -> str:
        return f"{self.path.name}: {self.message}"


class Refused(UserError):
    """A refusal that knows more than its sentence (the sender's fingerprint)."""

    def __init__(self, result: ImportResult, detail: str | None = None) -> None:
        super().__init__(result.message)
        self.result = result
        self.detail = detail or result.message


class OfficeImport:
    def __init__(
        self,
        identity: IdentityService,
        devices: DeviceRepository,
        bundles: BundleRepository,
        sync: SyncLog,
        merger: Merger,
        transaction: Callable[[], AbstractContextManager[object]],
        meta: Callable[[str], str | None],
    ) -> None:
        self._identity, self._devices, self._bundles = identity, devices, bundles
        self._sync, self._merger, self._transaction, self._meta = sync, merger, transaction, meta

    def size_limit(self) -> int:
        """Bytes: the limit the office set for its laptops' bundles, else the agency default."""
        value = self._meta(BUNDLE_LIMIT_KEY)
        return (int(value) if value and value.isdigit() else DEFAULT_BUNDLE_LIMIT_MB) * MB

    def import_files(
        self,
        paths: Iterable[Path | str],
        now: datetime,
        trust: Iterable[str] = frozenset(),
        progress: Progress | None = None,
        *,
        trusted_by: str = "",
    ) -> list[ImportResult]:
        """Import each file; `trust` holds fingerprints a person compared and confirmed, so an
        unknown device with one of them is trusted (with its first bundle that checks out)."""
        if self._identity.role() != "office":
            raise DomainError(NOT_OFFICE)
        reader, files = self._identity.agency_identity(), list(paths)
        confirmed = {spelled_as_fingerprint(t) for t in trust}
        results: list[ImportResult] = []
        for done, path in enumerate(files):
            if progress is not None and progress(done, len(files)) is False:
                results += [ImportResult(Path(p), "cancelled", CANCELLED) for p in files[done:]]
                return results
            results.append(self._one(Path(path), reader, now, confirmed, trusted_by))
        if progress is not None:
            progress(len(files), len(files))
        return results

    # ---- one file --------------------------------------------------------------------------
    def _one(
        self, path: Path, reader: Identity, now: datetime, trust: set[str], by: str
    ) -> ImportResult:
        try:
            return self._import(path, reader, now, trust, by)
        except Refused as refused:
            result, detail = refused.result, refused.detail
        except (BundleRefused, KeysChanged, BundleReplayed) as error:
            result, detail = ImportResult(path, "refused", str(error)), str(error)
        except UserError as error:  # disk full, a busy vault …: a problem of this attempt
            result, detail = ImportResult(path, "failed", str(error)), str(error)
        except Exception as error:  # a bug: the transaction is rolled back
            log.error("bug importing a bundle: %s", describe_bug(error))
            result, detail = ImportResult(path, "failed", BUG), BUG
        outcome: SyncResult = "refused" if result.status == "refused" else "failed"
        try:
            self._sync.append(_entry(now, outcome, result, detail))
        except Exception as error:  # the result line still tells the user
            log.error("sync log entry not written: %s", describe_bug(error))
        return result

    def _import(
        self, path: Path, reader: Identity, now: datetime, trust: set[str], by: str
    ) -> ImportResult:
        opened = open_bundle(
            self._read(path), reader, self._known_keys, self.size_limit(), kind=BundleKind.EXPORT
        )
        try:
            return self._take(path, opened, now, trust, by)
        except (BundleRefused, KeysChanged, BundleReplayed) as error:
            raise Refused(_result(path, "refused", str(error), opened)) from None

    def _take(
        self, path: Path, opened: OpenedBundle, now: datetime, trust: set[str], by: str
    ) -> ImportResult:
        """Check what only the office knows (sender, sequence, references), then merge."""
        taken = self._bundles.find(opened.bundle_id)
        if taken is not None:
            return self._already(path, opened, taken)
        device = self._new_device(path, opened, trust, by, now)
        missing = self._gap(opened)
        records = read_records(opened)
        sender = opened.sender.device_id
        with self._transaction():
            check_references(records, self._merger.stored_lookup())
            steps = self._merger.plan(merge_order(records), sender)
            if device is not None:
                self._trust(device, opened, now)
            counts = {kind: len(found) for kind, found in records.items()}
            self._bundles.record_import(
                ImportedBundle(opened.bundle_id, "export", sender, opened.sequence, now, counts)
            )
            merged = self._merger.apply(steps, sender, opened.bundle_id, now)
            result = _accepted(path, opened, merged, missing, device is not None)
            self._sync.append(_entry(now, "ok", result, f"Gerät {sender}: {result.message}"))
        return result

    def _read(self, path: Path) -> bytes:
        limit = self.size_limit()
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # read_file says what is wrong with the path
        if size > limit:
            raise too_large(limit)
        try:
            return read_file(path, limit)
        except DomainError as error:
            refused = ImportResult(path, "refused", str(error))
            raise Refused(refused, UNREADABLE) from None

    def _known_keys(self, device_id: str) -> PublicKeys | None:
        device = self._devices.get(device_id)
        return None if device is None else PublicKeys(device.age_recipient, device.sign_public)

    def _already(self, path: Path, opened: OpenedBundle, taken: ImportedBundle) -> ImportResult:
        if (taken.sender, taken.sequence) != (opened.sender.device_id, opened.sequence):
            raise BundleRefused(ID_REUSED)
        when = format_day(taken.imported_at.astimezone().date())
        message = (
            f"bereits eingelesen am {when} (Paket {opened.sequence} von Gerät "
            f"{_short(opened.sender.device_id)}); nichts geändert."
        )
        return _result(path, "already", message, opened)

    def _new_device(
        self, path: Path, opened: OpenedBundle, trust: set[str], by: str, now: datetime
    ) -> Device | None:
        """The device to trust with this bundle, None when it is trusted already; refused
        while nobody has confirmed its fingerprint."""
        if opened.sender_known:
            return None
        if self._devices.by_fingerprint(opened.fingerprint) is not None:
            raise BundleRefused(KEYS_ELSEWHERE)
        if opened.fingerprint not in trust:
            message = (
                f"Unbekanntes Gerät mit dem Fingerabdruck {opened.fingerprint}: das Paket wird "
                "erst eingelesen, wenn eine Person den Fingerabdruck mit dem am Laptop "
                "angezeigten verglichen und das Gerät bestätigt hat."
            )
            raise Refused(_result(path, "refused", message, opened, unknown_device=True))
        keys = opened.sender_keys
        return Device(opened.sender.device_id, opened.fingerprint, keys.age_recipient,
                      keys.sign_public, by, now)  # fmt: skip

    def _gap(self, opened: OpenedBundle) -> tuple[int, int] | None:
        """The sequences missing before this bundle; a replay is refused."""
        last = self._bundles.last_accepted("export", opened.sender.device_id)
        if last is not None and opened.sequence <= last.sequence:
            raise BundleRefused(
                f"Das Paket trägt die Folgenummer {opened.sequence}, von diesem Gerät ist "
                f"schon Nummer {last.sequence} eingelesen: eine Wiederholung, abgelehnt."
            )
        expected = (last.sequence if last else 0) + 1
        return (expected, opened.sequence - 1) if opened.sequence > expected else None

    def _trust(self, device: Device, opened: OpenedBundle, now: datetime) -> None:
        self._devices.trust(device)
        detail = f"Gerät {device.device_id}, Fingerabdruck {device.fingerprint} bestätigt"
        self._sync.append(SyncEntry(now, "trust", "ok", opened.bundle_id, detail=detail))


def spelled_as_fingerprint(text: str) -> str:
    """A fingerprint as people may type it (lower case, spaces, without dashes) as the format
    spells it, "K7QF-2M9X-…"; anything else comes back as typed (and matches nothing)."""
    letters = "".join(c for c in text.upper() if c not in " -")
    if len(letters) != 20:
        return text.strip()
    return "-".join(letters[i : i + 4] for i in range(0, 20, 4))


def _entry(now: datetime, outcome: SyncResult, result: ImportResult, detail: str) -> SyncEntry:
    """The sync log's line: ids and counts, never the file's path or a value."""
    counts = {
        f"{kind}.{what}": n
        for kind, tally in sorted(result.counts.items())
        for what, n in tally.items()
        if n
    }
    return SyncEntry(now, "import", outcome, result.bundle_id, counts, detail[:300])


def _result(
    path: Path,
    status: Status,
    message: str,
    opened: OpenedBundle,
    *,
    unknown_device: bool = False,
    missing: tuple[int, int] | None = None,
    counts: dict[str, dict[str, int]] | None = None,
) -> ImportResult:
    """A result for a bundle whose signature verified: it names the bundle and its sender."""
    return ImportResult(
        path, status, message, bundle_id=opened.bundle_id, device_id=opened.sender.device_id,
        fingerprint=opened.fingerprint, unknown_device=unknown_device,
        sequence=opened.sequence, missing=missing, counts=counts or {},
    )  # fmt: skip


def _short(device_id: str) -> str:
    return device_id[:8]


def _accepted(
    path: Path,
    opened: OpenedBundle,
    counts: dict[str, dict[str, int]],
    missing: tuple[int, int] | None,
    trusted: bool,
) -> ImportResult:
    total = {o: sum(c[o] for c in counts.values()) for o in ("new", "updated", "same", "conflicts")}
    parts = [
        f"eingelesen (Paket {opened.sequence} von Gerät {_short(opened.sender.device_id)}): "
        f"{total['new']} neu, {total['updated']} aktualisiert, {total['same']} unverändert, "
        f"{total['conflicts']} {'Konflikt' if total['conflicts'] == 1 else 'Konflikte'}"
    ]
    if missing is not None:
        first, last = missing
        gap = f"Paket {first} fehlt" if first == last else f"Pakete {first} bis {last} fehlen"
        parts.append(f"Lücke: {gap}")
    if trusted:
        parts.append(f"Gerät {opened.fingerprint} neu bestätigt")
    message = "; ".join(parts) + "."
    return _result(path, "accepted", message, opened, missing=missing, counts=counts)
