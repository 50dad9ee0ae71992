"""Außentermine heute: print the day plan for the team board, or save it as a PDF where the
user chooses. Client names and exact places only when the checkbox (off by default) says so."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.day_plan import day_plan_file_name
from outreach_desktop.services.day_plan import day_plan_pdf
from outreach_desktop.services.documents import save_pdf
from outreach_desktop.services.session import Session
from outreach_desktop.ui import save_target
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.formats import DATE, limit_dates
from outreach_desktop.ui.printing import PrintPages, render_for_print, show_print_preview


class DayPlanDialog(QDialog):
    def __init__(
        self,
        session: Session,
        today: date,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.now = session, now
        self.busy = Busy(self, lambda: not session.is_locked)
        self.print_pages: Callable[[QWidget, PrintPages], bool] = show_print_preview
        self.saved_to = ""
        self.setWindowTitle(self.tr("Today's outside appointments"))
        intro = QLabel(self.tr(
            "A one-page plan of who is out when and roughly where (postcode and town, kind of "
            "place), for the team board or the team leader. Without client names unless you "
            "include them."
        ))  # fmt: skip
        intro.setWordWrap(True)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        limit_dates(self.day)
        self.day.setDisplayFormat(DATE)
        self.day.setCalendarPopup(True)
        self.day.setAccessibleName(self.tr("Day"))
        self.with_names = QCheckBox(self.tr("Include client &names and exact places"))
        self.with_names.setAccessibleDescription(self.tr(
            "Off by default. With names the plan holds personal data and must not be posted."
        ))  # fmt: skip
        form = QFormLayout()
        form.addRow(self.tr("&Day"), self.day)
        form.addRow("", self.with_names)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        for button in (self.print_button, self.save_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_plan)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def chosen_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def _pdf(self) -> Callable[[], bytes]:
        session, day, now = self.session, self.chosen_day(), self.now()
        with_names = self.with_names.isChecked()
        return lambda: day_plan_pdf(session, day, now, with_names=with_names)

    def print_plan(self) -> None:
        pdf = self._pdf()
        title = self.tr("Outside appointments")
        self.busy.run(
            lambda: render_for_print(pdf(), title),
            lambda pages: self.print_pages(self, pages),
            button=self.print_button, disable=(self,),
        )  # fmt: skip

    def save(self) -> None:
        warning = ""
        if self.with_names.isChecked():
            warning = self.tr(
                "The PDF file is NOT encrypted and contains client names (Sozialdaten). Save "
                "it only where it is protected, do not post it, and delete it after use."
            )
        target = save_target.ask_save_target(
            self, self.tr("Save as PDF"), day_plan_file_name(self.chosen_day()),
            self.tr("PDF (*.pdf)"), ".pdf", warning,
        )  # fmt: skip
        if target is None:
            return
        path, replace = target
        pdf = self._pdf()

        def done(written: object) -> None:
            self.saved_to = str(written)
            self.status.setText(self.tr("Saved to {path}.").format(path=self.saved_to))

        self.busy.run(
            lambda: save_pdf(path, pdf(), replace=replace), done,
            button=self.save_button, disable=(self,),
        )  # fmt: skip
