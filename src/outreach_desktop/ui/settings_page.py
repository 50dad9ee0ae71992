"""Einstellungen: idle lock, language, passphrase, the vault's state."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.field_limits import LETTERHEAD_LINE
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.session import Session
from outreach_desktop.services.settings import Settings, save_settings, setting_range
from outreach_desktop.ui.agency_box import AgencyBox
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.messages import show_error, show_info, show_warning
from outreach_desktop.ui.passphrase_dialog import ChangePassphraseDialog, RecoveryKeyDialog
from outreach_desktop.ui.rules_box import RulesBox
from outreach_desktop.ui.widgets.common import buddy_label, plain, scroll
from outreach_desktop.ui.widgets.text_limit import limit_line


class SettingsPage(QWidget):
    settings_changed = Signal(object)  # Settings

    def __init__(self, session: Session, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.busy = Busy(self, lambda: not session.is_locked)
        heading = QLabel("<h2>" + self.tr("Settings") + "</h2>")
        self.agency = AgencyBox(session)
        self.agency.joined.connect(self._show_agency_rules)
        self.rules = RulesBox(session)
        boxes = [self._general(), self._planning(), self.rules, self._letterhead(),
                 self._vault_box(), self.agency]  # fmt: skip
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(heading)
        for box in boxes:
            box.setMaximumWidth(720)
            layout.addWidget(box)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll(content, framed=False))

    def _general(self) -> QGroupBox:
        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        self.idle = QSpinBox()
        self.idle.setRange(*setting_range("idle_lock_minutes"))
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(self.settings.idle_lock_minutes)
        self.idle.setAccessibleName(self.tr("Lock after inactivity"))
        self.idle.valueChanged.connect(self._save)
        form.addRow(buddy_label(self.tr("&Lock after inactivity"), self.idle), self.idle)
        self.language = QComboBox()
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if self.settings.language == "de" else 1)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(buddy_label(self.tr("Lan&guage"), self.language), self.language)
        return general

    def _planning(self) -> QGroupBox:
        """The time buffers per approach (the caseworker's own; the rules are the agency's)."""
        planning = QGroupBox(self.tr("Planning"))
        pform = QFormLayout(planning)
        self.buffers: dict[Approach, QSpinBox] = {}
        buffers = setting_range("buffer_walk_and_talk")  # the same for every approach
        for approach, text in (
            (Approach.WALK_AND_TALK, self.tr("Time buffer &Walk and Talk")),
            (Approach.ACCOMPANIMENT, self.tr("Time buffer a&ccompaniment")),
            (Approach.HOME_VISIT, self.tr("Time buffer h&ome visit")),
        ):
            spin = QSpinBox()
            spin.setRange(*buffers)
            spin.setSingleStep(15)
            spin.setSuffix(self.tr(" min"))
            spin.setValue(self.settings.buffer_for(approach))
            spin.setAccessibleName(plain(text))
            spin.valueChanged.connect(self._save)
            self.buffers[approach] = spin
            pform.addRow(buddy_label(text, spin), spin)
        return planning

    def _letterhead(self) -> QGroupBox:
        head = QGroupBox(self.tr("Letterhead"))
        hform = QFormLayout(head)
        hint = QLabel(self.tr("Empty fields use the agency's settings (agency.toml)."))
        hint.setWordWrap(True)
        hform.addRow(hint)
        self.letterhead: dict[str, QLineEdit] = {}
        for name, text in (
            ("agency_name", self.tr("Agency &name")),
            ("agency_department", self.tr("Depart&ment")),
            ("agency_street", self.tr("S&treet")),
            ("agency_postcode_city", self.tr("Postcode and &city")),
            ("agency_phone", self.tr("P&hone")),
            ("agency_email", self.tr("&E-mail")),
            ("agency_website", self.tr("&Website")),
        ):
            edit = limit_line(QLineEdit(getattr(self.settings, name)), LETTERHEAD_LINE)
            edit.setAccessibleName(plain(text))
            edit.editingFinished.connect(self._save)
            self.letterhead[name] = edit
            hform.addRow(buddy_label(text, edit), edit)
        return head

    def _vault_box(self) -> QGroupBox:
        vault = QGroupBox(self.tr("Vault"))
        vform = QFormLayout(vault)
        self.vault_state = QLabel()
        self.vault_state.setWordWrap(True)
        self.vault_state.setAccessibleName(self.tr("Vault details"))
        vform.addRow(self.vault_state)
        self.passphrase_button = QPushButton(self.tr("Change &passphrase…"))
        self.passphrase_button.setAccessibleName(self.tr("Change passphrase"))
        self.passphrase_button.clicked.connect(self._change_passphrase)
        self.check_button = QPushButton(self.tr("C&heck vault"))
        self.check_button.setAccessibleName(self.tr("Check vault"))
        self.check_button.clicked.connect(self._check)
        self.recovery_button = QPushButton(self.tr("Set up &recovery key…"))
        self.recovery_button.setAccessibleName(self.tr("Set up recovery key"))
        self.recovery_button.clicked.connect(self._set_recovery)
        vform.addRow(self.passphrase_button)
        vform.addRow(self.recovery_button)
        vform.addRow(self.check_button)
        return vault

    def refresh(self) -> None:
        info = self.session.info()
        recovery = next((s for s in info.slots if s.kind == "recovery"), None)
        lines = [
            self.tr("Folder: {path}").format(path=info.path),
            self.tr("Schema version: {v}").format(v=info.schema_version),
            self.tr("Passphrase key: {detail}").format(detail=info.slots[0].detail),
            self.tr("Recovery by the agency: {state}").format(
                state=self.tr("set up") if recovery else self.tr("not set up")
            ),
        ]
        self.vault_state.setText("\n".join(lines))
        self.agency.refresh()
        self._show_agency_rules()

    def _show_agency_rules(self) -> None:
        """Rules the agency set are shown, not edited here."""
        self.rules.refresh()

    def clear(self) -> None:
        self.vault_state.clear()
        self.agency.clear()

    def _save(self) -> None:
        self.settings.idle_lock_minutes = self.idle.value()
        self.settings.language = self.language.currentData()
        self.settings.buffer_walk_and_talk = self.buffers[Approach.WALK_AND_TALK].value()
        self.settings.buffer_accompaniment = self.buffers[Approach.ACCOMPANIMENT].value()
        self.settings.buffer_home_visit = self.buffers[Approach.HOME_VISIT].value()
        for name, edit in getattr(self, "letterhead", {}).items():
            setattr(self.settings, name, edit.text().strip())
        try:
            save_settings(self.settings)
        except Exception as exc:
            show_error(self, exc)
        self.settings_changed.emit(self.settings)

    def _language_changed(self) -> None:
        self._save()
        show_info(
            self,
            self.tr("Language"),
            self.tr("The language changes the next time Outreach Desktop starts."),
        )

    def _change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.session, self)
        if dialog.run():
            show_info(self, self.tr("Passphrase"), self.tr("The passphrase has been changed."))

    def _set_recovery(self) -> None:
        if RecoveryKeyDialog(self.session, self).run():
            self.refresh()

    def _check(self) -> None:
        self.busy.run(
            self.session.check, self._checked, button=self.check_button, text=self.tr("Checking…")
        )

    def _checked(self, problems: list[str]) -> None:
        if problems:
            show_warning(
                self,
                self.tr("Check vault"),
                self.tr("The vault is damaged:\n{problems}").format(
                    problems="\n".join(problems[:10])
                ),
            )
        else:
            show_info(self, self.tr("Check vault"), self.tr("The vault is intact."))
