"""Übergabe ans Büro (the laptop): what waits to go to the office and since when, what the office
has not yet acknowledged, what it rejected; a new handover into a chosen folder (USB stick, team
share) with progress and cancel. The file is written, read back and verified before the records
count as handed over (services/export.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from outreach_desktop.domain.errors import UserError
from outreach_desktop.services.export import ExportResult, Pending, WaitingKind
from outreach_desktop.services.export_selection import ExportCancelled
from outreach_desktop.services.session import Session
from outreach_desktop.services.sync_log import counts_text
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.formats import format_date
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import show_error, show_info
from outreach_desktop.ui.progress import ProgressRun
from outreach_desktop.ui.sync_log_view import fill_log, log_list
from outreach_desktop.ui.widgets.common import button
from outreach_desktop.ui.workflow_dialogs import date_edit

translate = QCoreApplication.translate


def _ask_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(
        parent, translate("HandoverPage", "Folder for the handover (USB stick, team share)")
    )


def _ask_receipts(parent: QWidget) -> list[str]:
    paths, _filter = QFileDialog.getOpenFileNames(
        parent,
        translate("HandoverPage", "The office's receipt"),
        "",
        translate("HandoverPage", "Receipt (*.age);;All files (*)"),
    )
    return paths


def _kinds(kinds: tuple[WaitingKind, ...]) -> str:
    """ "3 Gedächtnisprotokolle (seit 12.11.2026), 1 Einwilligungen …" """
    return ", ".join(
        translate("HandoverPage", "{count} {kind} (since {day})").format(
            count=k.count, kind=label_of(k.kind), day=format_date(k.since.astimezone().date())
        )
        for k in kinds
    )


class HandoverPage(QWidget):
    def __init__(
        self,
        session: Session,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.now = session, now
        self.ask_folder: Callable[[QWidget], str] = _ask_folder  # test seam
        heading = QLabel("<h2>" + self.tr("Handover to the office") + "</h2>")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("What waits to go to the office"))
        self.ask_receipts: Callable[[QWidget], list[str]] = _ask_receipts  # test seam
        self.busy = Busy(self, lambda: not session.is_locked)
        self.export_button = button(self.tr("&Write handover…"), self.export)
        self.export_button.setToolTip(self.tr("Write the handover file (Ctrl+E)"))
        shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        shortcut.activated.connect(self.export)
        self.receipt_button = button(self.tr("Read the office's &receipt…"), self.import_receipts)
        self.log = log_list(self.tr("Handover log"))
        self.only_since = QCheckBox(self.tr("Only records &from"))
        self.since = date_edit(self.now().date() - timedelta(days=30))
        self.since.setAccessibleName(self.tr("Only records from this day"))
        self.since.setEnabled(False)
        self.only_since.toggled.connect(self.since.setEnabled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.only_since)
        buttons.addWidget(self.since)
        buttons.addWidget(self.receipt_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("<b>" + self.tr("Handover log (no personal data)") + "</b>"))
        layout.addWidget(self.log, 1)
        self.setFocusProxy(self.export_button)
        self.run: ProgressRun | None = None

    # ---- Page --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """What waits is counted in the background (over every record of a large vault)."""
        self.busy.run(self.session.outbox.pending, self._show_pending, latest=True)
        fill_log(self.log, self.session)

    def _show_pending(self, pending: Pending) -> None:
        self.state.setText("\n\n".join(self._lines(pending)))
        self.export_button.setEnabled(pending.joined and pending.waiting_total > 0)
        self.receipt_button.setEnabled(pending.joined)

    def clear(self) -> None:
        self.state.clear()
        self.log.clear()

    def _lines(self, pending: Pending) -> list[str]:
        if not pending.joined:
            return [self.tr(
                "This laptop has not joined an agency yet. Read the agency's setup file under "
                "Settings → Agency; then records can be handed over."
            )]  # fmt: skip
        lines = [
            self.tr("Waiting to go: {kinds}.").format(kinds=_kinds(pending.waiting))
            if pending.waiting
            else self.tr("Nothing waits to go to the office.")
        ]
        if pending.awaiting_receipt:
            lines.append(self.tr("At the office, no receipt yet: {kinds}.").format(
                kinds=_kinds(pending.awaiting_receipt)))  # fmt: skip
        if pending.rejected:
            lines.append(self.tr(
                "Rejected by the office: {n}. They go again once they were corrected."
            ).format(n=pending.rejected))  # fmt: skip
        purged = self.session.purged_at_unlock
        if purged is not None and purged.total:
            lines.append(self.tr(
                "Deleted at unlock, {days} days after the office's receipt: {kinds}."
            ).format(days=purged.retention_days, kinds=counts_text(purged.counts)))  # fmt: skip
        lines.append(self.tr(
            "The handover file is encrypted for the agency; its name reveals no one. Records "
            "stay on this laptop until the office's receipt, and are deleted after the period "
            "the agency set."
        ))  # fmt: skip
        return lines

    # ---- the handover ------------------------------------------------------------------------
    def export(self) -> None:
        if not self.export_button.isEnabled():
            return
        folder = self.ask_folder(self)
        if not folder:
            return
        now = self.now().astimezone(UTC)
        since = self.since.date().toPython() if self.only_since.isChecked() else None
        outbox = self.session.outbox
        self.run = ProgressRun(self, self.tr("Handover"), self.tr("Writing and checking…"))
        self.run.start(
            lambda progress, cancelled: outbox.export(
                Path(folder), now, since=since, progress=progress, cancelled=cancelled
            ),
            self._exported,
            self._failed,
        )

    def _exported(self, result: ExportResult) -> None:
        self.run = None
        self.refresh()
        if result.path is None:
            show_info(self, self.tr("Handover"), self.tr("Nothing waits to go to the office."))
            return
        text = self.tr("Written and checked: {file} ({n} records).").format(
            file=result.path.name, n=sum(v for k, v in result.counts.items() if k != "forms")
        )
        if result.left:
            text += "\n" + self.tr(
                "{n} more records wait for the next handover (the agency's size limit)."
            ).format(n=result.left)
        show_info(self, self.tr("Handover"), text)

    def _failed(self, exc: BaseException) -> None:
        self.run = None
        self.refresh()
        if isinstance(exc, ExportCancelled):
            show_info(self, self.tr("Handover"), str(exc))
        else:
            show_error(self, exc, self.tr("Handover"))

    # ---- the office's receipt ----------------------------------------------------------------
    def import_receipts(self) -> None:
        paths = self.ask_receipts(self)
        if not paths:
            return
        receipts, now = self.session.receipts, self.now().astimezone(UTC)

        def take() -> list[str]:
            lines: list[str] = []
            for path in paths:  # one bad file does not stop the others
                try:
                    lines += receipts.import_receipt(Path(path), now).lines()
                except UserError as exc:
                    lines.append(f"{Path(path).name}: {exc}")
            return lines

        self.busy.run(take, self._receipts_taken, button=self.receipt_button,
                      text=self.tr("Reading…"))  # fmt: skip

    def _receipts_taken(self, lines: list[str]) -> None:
        self.refresh()
        show_info(self, self.tr("The office's receipt"), "\n".join(lines))
