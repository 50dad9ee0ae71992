"""Einstellungen → Dienststelle: which role this vault has, its device key as people compare it,
the agency it joined and the rules only the agency sets; joining with the agency's setup file
(the fingerprint is shown and confirmed first)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QLabel, QVBoxLayout, QWidget

from outreach_desktop.services.files import read_file
from outreach_desktop.services.session import Session
from outreach_desktop.ui.formats import format_datetime
from outreach_desktop.ui.messages import confirm, show_error
from outreach_desktop.ui.widgets.common import button, style_warning

SETUP_LIMIT = 256 * 1024
translate = QCoreApplication.translate


def _ask_setup_file(parent: QWidget) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("AgencyBox", "Agency setup file"),
        "",
        translate("AgencyBox", "Setup file (*.json);;All files (*)"),
    )
    return path


class AgencyBox(QGroupBox):
    """`joined` after a successful join (the settings page shows the agency's rules then)."""

    joined = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Agency"), parent)
        self.session = session
        self.ask_path: Callable[[QWidget], str] = _ask_setup_file  # test seam
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Agency and device keys"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        style_warning(self.problem)
        self.join_button = button(self.tr("Read the agency's setup &file…"), self._join)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.problem)
        layout.addWidget(self.join_button)

    def refresh(self) -> None:
        identity = self.session.identity
        office = identity.role() == "office"
        lines = [
            self.tr("Role: {role}").format(
                role=self.tr("office station") if office else self.tr("laptop (field work)")
            ),
            self.tr("Device key: {fingerprint}").format(fingerprint=identity.device_fingerprint()),
        ]
        joined = identity.joined()
        if office:
            lines.append(self.tr("Agency key: {fingerprint}").format(
                fingerprint=identity.agency_identity().fingerprint))  # fmt: skip
        elif joined is None:
            lines.append(self.tr("Not joined to an agency yet: nothing can be handed over."))
        else:
            when = format_datetime(joined.joined_at.astimezone().replace(tzinfo=None))
            lines.append(self.tr("Agency: {name}, key {fingerprint}, joined {when}").format(
                name=joined.name, fingerprint=joined.fingerprint, when=when))  # fmt: skip
            lines.append(self.tr(
                "Set by the agency: {calls} failed calls before a home visit is announced; "
                "acknowledged records are deleted here {days} days after the receipt."
            ).format(calls=joined.rules.timeline.min_failed_calls,
                     days=joined.rules.retention_days))  # fmt: skip
        self.state.setText("\n".join(lines))
        self.problem.setText(self.session.site_setup_problem)
        self.problem.setVisible(bool(self.session.site_setup_problem))
        self.join_button.setVisible(not office)

    def clear(self) -> None:
        self.state.clear()
        self.problem.clear()

    def _join(self) -> None:
        path = self.ask_path(self)
        if not path:
            return
        try:
            data = read_file(Path(path), SETUP_LIMIT)
            setup = self.session.identity.preview(data).setup
        except Exception as exc:
            show_error(self, exc)
            return
        if not confirm(
            self, self.tr("Join agency"),
            self.tr("Setup file of “{name}”.\n\nKey fingerprint: {fingerprint}\n\nCompare it with "
                    "the fingerprint the agency told you (by phone or on paper). Join only if "
                    "they are the same.").format(name=setup.name, fingerprint=setup.fingerprint),
            self.tr("Join"),
        ):  # fmt: skip
            return
        try:
            self.session.join_agency(data)
        except Exception as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.joined.emit()
