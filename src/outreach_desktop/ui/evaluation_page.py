"""Auswertung: what the outreach work achieves in a period — the figures table next to two
charts (appointments per approach and outcome, follow-up rate per month), for one approach or
all, grouped by approach, month or (at the office station) caseworker; the report as PDF and
the table as CSV, both with small counts hidden. Counting runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.statistics import Grouping
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.documents import save_pdf
from outreach_desktop.services.evaluation import (
    Evaluation,
    csv_file_name,
    csv_text,
    evaluate,
    groupings,
    report_file_name,
    report_pdf,
    save_csv,
)
from outreach_desktop.services.session import Session
from outreach_desktop.ui import save_target
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.period_picker import PeriodPicker
from outreach_desktop.ui.widgets.charts import BarChart

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class EvaluationPage(QWidget):
    def __init__(
        self,
        session: Session,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.today = session, today
        self.busy = Busy(self, lambda: not session.is_locked)
        self.evaluation: Evaluation | None = None
        self.saved_to = ""
        heading = QLabel("<h2>" + self.tr("Evaluation") + "</h2>")
        self.scope = QLabel()
        self.scope.setWordWrap(True)
        self.period = PeriodPicker(today())
        self.period.set_kind("year")
        self.approach = QComboBox()
        self.approach.addItem(self.tr("All approaches"), None)
        for a in Approach:
            self.approach.addItem(label_of(a), a)
        self.approach.setAccessibleName(self.tr("Approach"))
        self.by = QComboBox()
        for grouping in groupings(session):
            self.by.addItem(self.tr("Columns: {what}").format(what=label_of(grouping)), grouping)
        self.by.setAccessibleName(self.tr("Columns"))
        self.pdf_button = QPushButton(self.tr("Save &report as PDF…"))
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.pdf_button.clicked.connect(self.save_report)
        self.csv_button.clicked.connect(self.save_table)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.table = self._make_table()
        self.outcomes_chart = BarChart(
            self.tr("Appointments by approach and outcome"),
            self.tr("No appointments with an outcome in this period."),
        )
        self.rate_chart = BarChart(
            self.tr("Follow-up rate per month"),
            self.tr("No carried-out appointments in this period."), percent=True,
        )  # fmt: skip
        self._lay_out(heading)
        for signal in (self.period.changed, self.approach.currentIndexChanged,
                       self.by.currentIndexChanged):  # fmt: skip
            signal.connect(self.refresh)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 0)
        table.setAccessibleName(self.tr("Figures"))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        return table

    def _lay_out(self, heading: QLabel) -> None:
        choose = QHBoxLayout()
        for widget in (self.period, self.approach, self.by):
            choose.addWidget(widget)
        choose.addStretch(1)
        choose.addWidget(self.pdf_button)
        choose.addWidget(self.csv_button)
        charts = QWidget()
        right = QVBoxLayout(charts)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.outcomes_chart, 1)
        right.addWidget(self.rate_chart, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([660, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.scope)
        layout.addLayout(choose)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.setFocusProxy(self.period.kind)

    # ---- the page contract ---------------------------------------------------------------------
    def clear(self) -> None:
        self.busy.drop_pending()
        self.evaluation = None
        self.table.clear()
        self.table.setRowCount(0)
        self.outcomes_chart.set_data([], [])
        self.rate_chart.set_data([], [])

    def refresh(self) -> None:
        """Count in the background (a large vault takes a moment), then show."""
        try:
            period = self.period.period()
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText("")
        chosen = self.approach.currentData()  # Qt hands a StrEnum back as its str
        session, approach = self.session, Approach(chosen) if chosen else None
        by = Grouping(self.by.currentData() or Grouping.APPROACH)
        self.busy.run(
            lambda: evaluate(session, period, approach, by), self.show_evaluation, latest=True
        )

    def show_evaluation(self, evaluation: Evaluation) -> None:
        self.evaluation = e = evaluation
        office = e.role == "office"
        scope = (
            self.tr(
                "Office station: every device that sent records; the team in total in "
                "the last column."
            )
            if office
            else self.tr("Your own appointments.")
        )
        self.scope.setText(f"{e.period.label_de} · {scope}")
        self._fill_table(e)
        self.outcomes_chart.set_data(e.outcome_labels, e.outcome_series)
        self.rate_chart.set_data(e.month_labels, [("", e.follow_up_rates)])

    def _fill_table(self, e: Evaluation) -> None:
        rows = e.screen_text()
        self.table.clear()
        self.table.setColumnCount(1 + len(e.table.columns))
        self.table.setHorizontalHeaderLabels([self.tr("Figure"), *e.table.columns])
        self.table.setRowCount(len(rows))
        for r, line in enumerate(rows):
            for c, text in enumerate(line):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{line[0]} · {e.table.columns[c - 1]}: {text}" if c else text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long labels: elided
        header.setMinimumSectionSize(6 * self.fontMetrics().averageCharWidth())
        for c in range(1, self.table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)

    # ---- saving --------------------------------------------------------------------------------
    def save_report(self) -> None:
        e = self.evaluation
        if e is None:
            return
        target = save_target.ask_save_target(
            self, self.tr("Save report as PDF"), report_file_name(e.period),
            self.tr("PDF (*.pdf)"), ".pdf",
        )  # fmt: skip
        if target is None:
            return
        path, replace = target
        session, made_on = self.session, self.today()
        self._write(lambda: save_pdf(path, report_pdf(session, e, made_on), replace=replace),
                    self.pdf_button)  # fmt: skip

    def save_table(self) -> None:
        e = self.evaluation
        if e is None:
            return
        target = save_target.ask_save_target(
            self, self.tr("Save as CSV"), csv_file_name(e.period), self.tr("CSV (*.csv)"), ".csv"
        )
        if target is None:
            return
        path, replace = target
        self._write(lambda: save_csv(path, csv_text(e), replace=replace), self.csv_button)

    def _write(self, write: Callable[[], Path], button: QPushButton) -> None:
        threshold = self.evaluation.threshold if self.evaluation else 3

        def done(written: Path) -> None:
            self.saved_to = str(written)
            self.status.setText(
                self.tr("Saved to {path}. Counts from 1 to {n} are shown as “< {t}”.").format(
                    path=written, n=threshold - 1, t=threshold
                )
            )

        self.busy.run(write, done, lambda exc: show_error(self, exc), button=button,
                      disable=(self.pdf_button, self.csv_button))  # fmt: skip
