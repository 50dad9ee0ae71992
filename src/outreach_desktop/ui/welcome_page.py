"""The locked state: choose a profile, enter the passphrase, or create a new profile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.services.profiles import Profile, list_profiles, profile_for_path
from outreach_desktop.services.session import Session
from outreach_desktop.services.vaults import is_vault
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.widgets.common import buddy_label, style_error


class WelcomePage(QWidget):
    unlock_requested = Signal(object, str)  # Path, passphrase
    create_requested = Signal()

    def __init__(self, fixed_vault: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fixed_vault = fixed_vault
        self.busy = Busy(self)
        title = QLabel("<h1>" + self.tr("Outreach Desktop") + "</h1>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("Outreach counselling – offline and encrypted"))
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for label in (title, subtitle, self.intro):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._controls()
        self.form_box = self._form()
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QVBoxLayout()
        box.addStretch(2)
        box.addWidget(title)
        box.addWidget(subtitle)
        box.addSpacing(24)
        box.addWidget(self.intro)
        box.addWidget(self.form_box)
        box.addWidget(self.message)
        box.addLayout(buttons)
        box.addStretch(3)
        self._centre(box)

    def _controls(self) -> None:
        self.profile = QComboBox()
        self.profile.setAccessibleName(self.tr("Profile"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._unlock)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.create_button = QPushButton(self.tr("&New profile…"))
        self.create_button.setAccessibleName(self.tr("New profile"))
        self.create_button.clicked.connect(self.create_requested)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        style_error(self.message)
        self.message.hide()

    def _form(self) -> QFrame:
        """Profile and passphrase, each with its Alt key."""
        box = QFrame()
        form = QFormLayout(box)
        self.profile_label = buddy_label(self.tr("&Profile"), self.profile)
        form.addRow(self.profile_label, self.profile)
        form.addRow(buddy_label(self.tr("P&assphrase"), self.passphrase), self.passphrase)
        return box

    def _centre(self, box: QVBoxLayout) -> None:
        center = QWidget()
        center.setLayout(box)
        center.setMaximumWidth(520)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(center, 2)
        outer.addStretch(1)

    def reload(self, select: Path | None = None) -> None:
        self.profile.clear()
        profiles: list[Profile]
        if self.fixed_vault is not None:
            profiles = [profile_for_path(self.fixed_vault)] if is_vault(self.fixed_vault) else []
        else:
            profiles = list_profiles()
        for p in profiles:
            self.profile.addItem(p.name, str(p.path))
            if select is not None and p.path == select:
                self.profile.setCurrentIndex(self.profile.count() - 1)
        has = bool(profiles)
        self.form_box.setVisible(has)
        self.unlock_button.setVisible(has)
        self.create_button.setVisible(self.fixed_vault is None or not has)
        if has:
            self.intro.setText(self.tr("Choose your profile and enter your passphrase."))
        else:
            self.intro.setText(
                self.tr(
                    "Welcome! Create your profile first: a personal, encrypted vault "
                    "protected by your passphrase."
                )
            )
        self.focus_passphrase()

    def focus_passphrase(self) -> None:
        if self.form_box.isVisible() or self.profile.count():
            self.passphrase.setFocus()
        else:
            self.create_button.setFocus()

    def selected_path(self) -> Path | None:
        data = self.profile.currentData()
        return Path(data) if data else None

    def select_profile(self, name: str) -> None:
        index = self.profile.findText(name)
        if index >= 0:
            self.profile.setCurrentIndex(index)

    def _unlock(self) -> None:
        path = self.selected_path()
        if path is None or not self.passphrase.text():
            return
        self.show_message("")
        self.unlock_requested.emit(path, self.passphrase.text())

    def unlocking(
        self,
        unlock: Callable[[], Session],
        on_done: Callable[[Session], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        """Run `unlock` (Argon2id: about half a second) in the background; meanwhile the form
        is disabled and the button says "Unlocking…"."""
        self.busy.run(
            unlock, on_done, on_failed, button=self.unlock_button, text=self.tr("Unlocking…"),
            disable=(self.passphrase, self.profile, self.create_button),
        )  # fmt: skip

    def unlock_failed(self, text: str) -> None:
        self.passphrase.clear()
        self.show_message(text)
        self.passphrase.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def clear_secret(self) -> None:
        self.passphrase.clear()
