"""The fields of a memory protocol: the texts (each with its template button), duration,
success rating, routing, the follow-up and the addenda. The editor window around it saves,
finalizes and locks."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from outreach_desktop.domain.protocols import (
    MAX_FIELD,
    SUCCESS_MEASURE_DE,
    TEXT_FIELDS,
    Protocol,
    SuccessRating,
)
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.protocol_views import ProtocolView
from outreach_desktop.ui.form_dialog import text_area
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.protocol_templates import TemplateMenus
from outreach_desktop.ui.widgets.text_limit import limit_of

HOME_ONLY = {"non_appearance_reasons", "reachability"}


class ProtocolForm(QWidget):
    """`changed` on every edit; `follow_up_requested` by the follow-up button."""

    changed = Signal()
    follow_up_requested = Signal()

    def __init__(
        self, protocol: Protocol, templates: TemplateMenus, edits: dict[str, QPlainTextEdit]
    ) -> None:
        """`edits` is filled here with the text fields (shared with the template menus)."""
        super().__init__()
        self._protocol, self._templates, self.edits = protocol, templates, edits
        grid = QGridLayout(self)
        row = self._add_text_fields(grid, 0)
        row = self._add_rating(grid, row)
        row = self._add_routes(grid, row)
        row = self._add_follow_up(grid, row)
        self.addenda_label = QLabel()
        self.addenda_label.setWordWrap(True)
        grid.addWidget(self.addenda_label, row, 0, 1, 3)

    def write_to(self, p: Protocol) -> None:
        """Copy what is typed onto the draft `p`."""
        for name, edit in self.edits.items():
            setattr(p, name, edit.toPlainText())
        p.duration_min = self.duration.value()
        p.success = SuccessRating(self.success.currentData())
        for name, box in self.routes.items():
            setattr(p, name, box.isChecked())

    def show_view(self, v: ProtocolView) -> None:
        """Read-only once finalized; the follow-up and addenda as they stand."""
        final = v.protocol.is_final
        for edit in self.edits.values():
            edit.setReadOnly(final)
            edit.setStyleSheet("QPlainTextEdit { background: palette(window); }" if final else "")
        for button in self._templates.buttons:
            button.setVisible(not final)
        for widget in (self.duration, self.success, *self.routes.values()):
            widget.setEnabled(not final)
        self.follow_up_label.setText(v.facts.follow_up.text)
        self.follow_up_button.setVisible(not final and v.follow_up is None)
        self.addenda_label.setText("".join(
            "<p><b>" + escape(self.tr("Addendum {when}").format(when=a.label)) + "</b><br>"
            + escape(a.text).replace("\n", "<br>") + "</p>"
            for a in v.addenda
        ))  # fmt: skip
        self.addenda_label.setVisible(bool(v.addenda))

    def empty_fields(self) -> list[str]:
        """Labels of the text fields still empty."""
        return [label for name, label in TEXT_FIELDS if name in self.edits
                and not self.edits[name].toPlainText().strip()]  # fmt: skip

    def _add_text_fields(self, grid: QGridLayout, row: int) -> int:
        p = self._protocol
        for name, label in TEXT_FIELDS:
            if name in HOME_ONLY and p.approach is not Approach.HOME_VISIT:
                continue
            caption = QLabel(label)
            edit = text_area(getattr(p, name), 4 if name == "course" else 2, max_len=MAX_FIELD)
            edit.setAccessibleName(label)
            caption.setBuddy(edit)
            edit.textChanged.connect(self.changed)
            self.edits[name] = edit
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(edit, row, 1)
            grid.addWidget(self._templates.button(name, label), row, 2, Qt.AlignmentFlag.AlignTop)
            limit = limit_of(edit)
            assert limit is not None
            grid.addWidget(limit.counter, row + 1, 1)  # shown near the limit
            row += 2
        return row

    def _add_rating(self, grid: QGridLayout, row: int) -> int:
        p = self._protocol
        self.duration = QSpinBox()
        self.duration.setRange(1, 480)
        self.duration.setSuffix(" min")
        self.duration.setValue(p.duration_min)
        self.duration.setAccessibleName(self.tr("Duration"))
        self.duration.valueChanged.connect(self.changed)
        grid.addWidget(QLabel(self.tr("Duration")), row, 0)
        grid.addWidget(self.duration, row, 1)
        self.success = QComboBox()
        for rating in SuccessRating:
            self.success.addItem(label_of(rating), rating.value)
        self.success.setCurrentIndex(self.success.findData(p.success.value))
        self.success.setAccessibleName(self.tr("Success"))
        self.success.setToolTip(SUCCESS_MEASURE_DE[p.approach])
        self.success.currentIndexChanged.connect(self.changed)
        grid.addWidget(QLabel(self.tr("Success")), row + 1, 0)
        grid.addWidget(self.success, row + 1, 1)
        return row + 2

    def _add_routes(self, grid: QGridLayout, row: int) -> int:
        self.routes: dict[str, QCheckBox] = {}
        for name, text in (
            ("to_verbis", self.tr("Entry in VerBIS needed")),
            ("benefit_relevant", self.tr("Benefit-relevant: e-Akte, inform Leistungsgewährung")),
            ("inform_network", self.tr("Inform network partners")),
            ("to_main_caseworker", self.tr("Information to the main caseworker")),
        ):
            box = QCheckBox(text)
            box.setChecked(getattr(self._protocol, name))
            box.toggled.connect(self.changed)
            self.routes[name] = box
            grid.addWidget(box, row, 1)
            row += 1
        return row

    def _add_follow_up(self, grid: QGridLayout, row: int) -> int:
        self.follow_up_label = QLabel()
        self.follow_up_label.setWordWrap(True)
        self.follow_up_button = QPushButton(self.tr("Plan f&ollow-up…"))
        self.follow_up_button.setAccessibleName(self.tr("Plan follow-up appointment"))
        self.follow_up_button.setAutoDefault(False)
        self.follow_up_button.clicked.connect(self.follow_up_requested)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up_label, 1)
        follow.addWidget(self.follow_up_button)
        grid.addWidget(QLabel(self.tr("Follow-up")), row, 0)
        grid.addLayout(follow, row, 1)
        return row + 1
