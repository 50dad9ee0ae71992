"""Change the passphrase: the data key is rewrapped, the database stays as it is."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from outreach_desktop.domain import field_limits as limits
from outreach_desktop.domain.passphrase import MIN_LENGTH
from outreach_desktop.services.session import Session
from outreach_desktop.ui.form_dialog import FormDialog


def secret_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChangePassphraseDialog(FormDialog):
    keep_on_lock = False  # changes keys: never acts unconfirmed

    def __init__(self, session: Session, parent: QWidget | None) -> None:
        super().__init__(parent, self.tr("Change passphrase"))
        self.session = session
        self.current = secret_edit()
        self.add_field("current", self.tr("&Current passphrase"), self.current)
        self.new = secret_edit()
        self.add_field(
            "passphrase",
            self.tr("&New passphrase"),
            self.new,
            self.tr("At least {n} characters; a sentence is easy to remember.").format(
                n=MIN_LENGTH
            ),
        )
        self.repeat = secret_edit()
        self.add_field("passphrase_repeat", self.tr("&Repeat"), self.repeat)

    def save(self) -> bool:
        try:
            self.session.change_passphrase(self.current.text(), self.new.text(), self.repeat.text())
        finally:
            for edit in (self.current, self.new, self.repeat):
                edit.clear()
        return True


class RecoveryKeyDialog(FormDialog):
    """Set up (or replace) the agency's recovery key on an existing vault."""

    keep_on_lock = False  # changes keys: never acts unconfirmed

    def __init__(self, session: Session, parent: QWidget | None) -> None:
        super().__init__(parent, self.tr("Agency recovery key"))
        self.session = session
        self.set_intro(
            self.tr(
                "With this key your agency's office can open the vault if your passphrase is "
                "lost. Enter the public key the office gave you (it starts with age1)."
            )
        )
        self.recipient = self.line("recovery", self.tr("&Recovery key"), max_len=limits.KEY_TEXT)

    def save(self) -> bool:
        self.session.set_recovery_recipient(self.recipient.text())
        return True
