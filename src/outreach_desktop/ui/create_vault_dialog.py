"""Create a profile: owner, passphrase (twice), the agency's recovery key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.passphrase import MIN_LENGTH
from outreach_desktop.domain.vocabulary import Department
from outreach_desktop.services.profiles import new_profile_path
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import KdfParams, create_vault, default_recovery_recipient
from outreach_desktop.ui.form_dialog import FormDialog, enum_combo
from outreach_desktop.ui.passphrase_dialog import secret_edit


class CreateVaultDialog(FormDialog):
    """On success `saved` holds the unlocked Session of the new vault."""

    keep_on_lock = False  # changes keys: never acts unconfirmed

    def __init__(
        self,
        parent: QWidget | None,
        fixed_path: Path | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(parent, self.tr("New profile"))
        self.fixed_path = fixed_path
        self.kdf = kdf
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("C&reate"))
        self.set_intro(
            self.tr(
                "Your profile is an encrypted vault on this laptop. Only your passphrase opens "
                "it; if you lose it, only your agency's recovery key can. Choose one you can "
                "type reliably even when tired, and do not note it down on the laptop."
            )
        )
        self.profile = self.line(
            "profile",
            self.tr("&Profile name"),
            fixed_path.name if fixed_path else "",
            self.tr("For example your first name; shown when unlocking"),
            max_len=limits.PROFILE_NAME,
        )
        self.profile.setEnabled(fixed_path is None)
        self.owner = self.line("name", self.tr("Your &name"), max_len=limits.STAFF_NAME)
        self.department = enum_combo(Department)
        self.add_field("department", self.tr("&Department"), self.department)
        self.passphrase = secret_edit()
        self.add_field(
            "passphrase",
            self.tr("P&assphrase"),
            self.passphrase,
            self.tr("At least {n} characters; a sentence is easy to remember.").format(
                n=MIN_LENGTH
            ),
        )
        self.repeat = secret_edit()
        self.add_field("passphrase_repeat", self.tr("&Repeat passphrase"), self.repeat)
        self.recipient = self.line(
            "recovery",
            self.tr("Agency r&ecovery key"),
            default_recovery_recipient() or "",
            self.tr(
                "age public key of your agency (age1…); lets the office recover the vault "
                "if the passphrase is lost"
            ),
            max_len=limits.KEY_TEXT,
        )

    def save(self) -> Session:
        path = self.fixed_path or new_profile_path(self.profile.text())
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            return create_vault(
                path,
                self.passphrase.text(),
                self.repeat.text(),
                owner_name=self.owner.text().strip(),
                owner_department=self.department.value(),
                recovery_recipient=self.recipient.text().strip() or None,
                kdf=self.kdf,
                owner_required=True,
            )
        finally:
            QApplication.restoreOverrideCursor()
