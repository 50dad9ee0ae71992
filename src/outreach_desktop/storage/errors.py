"""Known storage problems, each with a plain German message for the user."""

from __future__ import annotations

from outreach_desktop.domain.errors import StaleRecord as StaleRecord  # raised by storage
from outreach_desktop.domain.errors import UserError


class VaultError(UserError):
    """Base of all known vault problems."""


class VaultNotFound(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(f"Im Ordner {path} wurde kein Tresor gefunden.")


class VaultExists(VaultError):
    def __init__(self, path: object) -> None:
        super().__init__(f"Im Ordner {path} liegt bereits ein Tresor oder andere Dateien.")


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__("Die Passphrase ist falsch.")


class KeySlotsDamaged(VaultError):
    """Neither key file opens the vault with the passphrase. The office's recovery is promised
    only when a usable recovery slot is still there (`recoverable`)."""

    def __init__(self, detail: str = "", *, recoverable: bool = False) -> None:
        self.detail = detail
        self.recoverable = recoverable
        if recoverable:
            text = (
                "Die Schlüsseldatei des Tresors ist beschädigt; mit der Passphrase lässt er sich "
                "nicht mehr öffnen. Die Dienststelle kann ihn mit ihrem "
                "Wiederherstellungsschlüssel öffnen und eine neue Passphrase setzen."
            )
        else:
            text = (
                "Die Schlüsseldateien des Tresors (keyslots.json und keyslots.backup.json) fehlen "
                "oder sind beschädigt. Ohne sie kann niemand den Tresor öffnen, auch die "
                "Dienststelle nicht. Möglich ist nur: beide Dateien aus einer Sicherung zurück in "
                "den Tresorordner legen oder eine Sicherungskopie des ganzen Tresorordners "
                "verwenden."
            )
        super().__init__(text + (f" ({detail})" if detail else ""))


class KeySlotsBusy(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Die Schlüsseldatei des Tresors wird gerade von einem anderen Programm geändert. "
            "Es wurde nichts geändert; bitte einen Moment warten und erneut versuchen."
        )


class KeySlotsChanged(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Die Schlüsseldatei des Tresors wurde inzwischen von einem anderen Programm geändert "
            "(etwa eine neue Passphrase). Es wurde nichts geändert; bitte den Tresor sperren, "
            "neu entsperren und es erneut versuchen."
        )


class WeakKeyParameters(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Die Schlüsselparameter liegen unter dem Mindestmaß (Argon2id 64 MiB, 3 Durchläufe, "
            "4 Threads). Der Tresor wird so nicht geöffnet."
        )


class VaultCorrupt(VaultError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "Die Tresordatei ist beschädigt oder keine Tresordatei. Es wurde nichts verändert."
            + (f" ({detail})" if detail else "")
        )


class VaultTooNew(VaultError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"Der Tresor stammt aus einer neueren Programmversion (Schema {found}, diese Version "
            f"kennt bis {supported}). Bitte Outreach Desktop aktualisieren."
        )


class DiskFull(VaultError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "Speicherplatz voll — nichts wurde geändert. Bitte auf dem Datenträger Platz "
            "schaffen (nicht mehr benötigte Dateien löschen, den Papierkorb leeren) und es dann "
            "erneut versuchen." + (f" {detail}" if detail else "")
        )


class ReadOnlyMedium(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Der Tresor liegt auf einem schreibgeschützten Datenträger (oder ohne "
            "Schreibberechtigung) und ist nur zum Lesen geöffnet — nichts wurde geändert. Zum "
            "Bearbeiten den Schreibschutz aufheben oder den Tresorordner auf einen beschreibbaren "
            "Datenträger kopieren und dort öffnen."
        )


class StorageIOError(VaultError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "Lesen oder Schreiben auf dem Datenträger ist fehlgeschlagen. Die letzte Änderung "
            "wurde nicht gespeichert." + (f" ({detail})" if detail else "")
        )


class VaultLocked(VaultError):
    def __init__(self) -> None:
        super().__init__("Der Tresor ist gesperrt. Bitte zuerst entsperren.")


class VaultBusy(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Der Tresor wird gerade von einem anderen Programmfenster benutzt. "
            "Bitte dort schließen und erneut versuchen."
        )


class RecoveryFailed(VaultError):
    pass


class RecordNotFound(VaultError):
    def __init__(self, what: str) -> None:
        super().__init__(f"{what} wurde nicht gefunden (vielleicht inzwischen gelöscht).")


class RecordInUse(VaultError):
    pass


# ---- the exchange's bookkeeping (schema 8); the database refuses these whatever the code does --
class IdentityExists(VaultError):
    def __init__(self) -> None:
        super().__init__("Dieser Tresor hat seine Schlüssel bereits; sie werden nicht ersetzt.")


class RoleFixed(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Der Tresor nimmt bereits am Austausch mit dem Büro teil; ob er ein Außendienst- oder "
            "ein Bürotresor ist, lässt sich nicht mehr ändern."
        )


class KeysChanged(VaultError):
    """A known agency or device came with other keys: refused, never overwritten."""


class AgencyKeysChanged(KeysChanged):
    def __init__(self) -> None:
        super().__init__(
            "Die Einrichtungsdatei stammt von einer Dienststelle mit anderen Schlüsseln als der, "
            "der dieser Tresor beigetreten ist. Es wurde nichts geändert."
        )


class DeviceKeysChanged(KeysChanged):
    def __init__(self) -> None:
        super().__init__(
            "Das Gerät ist mit anderen Schlüsseln bekannt; seine Sendungen werden abgelehnt. "
            "Es wurde nichts geändert."
        )


class BundleReplayed(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "Die Sendung ist älter als eine bereits übernommene desselben Absenders "
            "(Wiederholung). Es wurde nichts geändert."
        )
