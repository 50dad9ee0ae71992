"""Writing a memory protocol. Nothing typed is lost: the draft is saved to the vault a few
seconds after typing stops, when the focus leaves a field, and when the window closes or the
vault locks. A finalized protocol is read-only; corrections are addenda shown with it. The
"Übernahme" tab shows every field with a copy button for pasting into VerBIS."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.errors import DomainError, StaleRecord, UserError
from outreach_desktop.domain.protocols import (
    SUCCESS_MEASURE_DE,
    TEXT_FIELDS,
    Protocol,
    SuccessRating,
)
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.protocol_views import ProtocolView, protocol_pdf, view
from outreach_desktop.services.session import Session
from outreach_desktop.services.templates import Template
from outreach_desktop.ui.clipboard import sensitive_clipboard
from outreach_desktop.ui.form_dialog import FormDialog, text_area
from outreach_desktop.ui.labels import label_of
from outreach_desktop.ui.messages import confirm, error_text, show_error
from outreach_desktop.ui.printing import preview_and_print
from outreach_desktop.ui.workflow_dialogs import date_edit, read_datetime, time_edit

AUTOSAVE_MS = 2000
HOME_ONLY = {"non_appearance_reasons", "reachability"}


class AddendumDialog(FormDialog):
    keep_on_lock = False  # an addendum is permanent: never added without the writer's "Save"

    def __init__(self, session: Session, protocol_id: str, now: Callable[[], datetime],
                 by: str, parent: QWidget | None) -> None:  # fmt: skip
        super().__init__(parent, self.tr("Addendum"))
        self.session, self.protocol_id, self.now, self.by = session, protocol_id, now, by
        self.set_intro(self.tr("The protocol stays as it was; the addendum is shown with it."))
        self.text = text_area("", 5)
        self.add_field("text", self.tr("&Addendum"), self.text)

    def save(self) -> Protocol:
        return self.session.protocols.add_addendum(
            self.protocol_id, self.text.toPlainText(), self.now(), self.by
        )


class CountersignDialog(FormDialog):
    """Home visit: the second staff member confirms the protocol, by name."""

    keep_on_lock = False  # a signature is never given by a lock

    def __init__(self, session: Session, protocol: Protocol, now: Callable[[], datetime],
                 parent: QWidget | None) -> None:  # fmt: skip
        super().__init__(parent, self.tr("Countersign"))
        self.session, self.protocol_id, self.now = session, protocol.id, now
        staff = session.staff.names()
        self.person = QComboBox()
        for staff_id in protocol.staff_ids:
            if staff_id != protocol.finalized_by and staff_id in staff:
                self.person.addItem(staff[staff_id], staff_id)
        self.set_intro(
            self.tr("With the countersignature the second staff member confirms that the protocol "
                    "describes the home visit correctly. It cannot be taken back.")
            if self.person.count() else
            self.tr("There is no second staff member on this home visit.")
        )  # fmt: skip
        self.add_field("countersigned_by", self.tr("&Countersigned by"), self.person)

    def save(self) -> object:
        if self.person.currentData() is None:
            raise DomainError("Bei diesem Hausbesuch ist keine zweite Person eingetragen.")
        return self.session.protocols.countersign(
            self.protocol_id, self.person.currentData(), self.now()
        )


class FollowUpDialog(FormDialog):
    """The follow-up appointment named in the protocol; it appears under Termine."""

    keep_on_lock = False

    def __init__(self, session: Session, protocol: Protocol, parent: QWidget | None) -> None:
        super().__init__(parent, self.tr("Plan follow-up appointment"))
        self.session, self.protocol_id = session, protocol.id
        start = protocol.met_at + timedelta(days=14)
        self.date = date_edit(start.date())
        self.add_field("start", self.tr("&Date"), self.date)
        self.time = time_edit(start.time())
        self.add_field("start_time", self.tr("&Time"), self.time)
        self.place = self.line("place", self.tr("&Place"), protocol.place)

    def save(self) -> object:
        return self.session.protocols.plan_follow_up(
            self.protocol_id, read_datetime(self.date, self.time), self.place.text().strip()
        )


class ProtocolEditor(QDialog):
    def __init__(
        self,
        session: Session,
        protocol_id: str,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.protocol_id, self.now = session, protocol_id, now
        self.protocol = session.protocols.get(protocol_id)
        self.templates = session.templates()
        owner = session.owner()
        self.by = owner.id if owner else ""
        self.setWindowTitle(self.tr("Memory protocol"))
        self.setAccessibleName(self.tr("Memory protocol"))
        self.resize(900, 760)
        self._dirty = False
        self._locking = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName(self.tr("Save state"))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #e8f0e0; color: #1f3a10; padding: 6px; border: 1px solid #b5c9a4;"
        )
        self.banner.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a40000;")
        self.message.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._editor_tab(), self.tr("Protocol"))
        self.handover = QWidget()
        self.tabs.addTab(self._scroll(self.handover), self.tr("Transfer (VerBIS)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.finalize_button = self._button(self.tr("&Finalize…"), self._finalize)
        self.addendum_button = self._button(self.tr("Add a&ddendum…"), self._addendum)
        self.countersign_button = self._button(self.tr("&Countersign"), self._countersign)
        self.print_button = self._button(self.tr("&Print…"), self._print)
        buttons = QHBoxLayout()
        for button in (self.finalize_button, self.addendum_button, self.countersign_button,
                       self.print_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        save = QShortcut(QKeySequence.StandardKey.Save, self)  # Strg+S, out of habit
        save.activated.connect(self._save_pressed)
        self._show()

    # ---- building ----------------------------------------------------------------------------
    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").replace("…", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _scroll(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    def _editor_tab(self) -> QScrollArea:
        p = self.protocol
        body = QWidget()
        grid = QGridLayout(body)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.template_buttons: list[QToolButton] = []
        row = 0
        for name, label in TEXT_FIELDS:
            if name in HOME_ONLY and p.approach is not Approach.HOME_VISIT:
                continue
            caption = QLabel(label)
            edit = text_area(getattr(p, name), 4 if name == "course" else 2)
            edit.setAccessibleName(label)
            caption.setBuddy(edit)
            edit.textChanged.connect(self._changed)
            self.edits[name] = edit
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(edit, row, 1)
            button = self._template_button(name, label)
            self.template_buttons.append(button)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            row += 1
        self.duration = QSpinBox()
        self.duration.setRange(1, 480)
        self.duration.setSuffix(" min")
        self.duration.setValue(p.duration_min)
        self.duration.setAccessibleName(self.tr("Duration"))
        self.duration.valueChanged.connect(self._changed)
        grid.addWidget(QLabel(self.tr("Duration")), row, 0)
        grid.addWidget(self.duration, row, 1)
        row += 1
        self.success = QComboBox()
        for rating in SuccessRating:
            self.success.addItem(label_of(rating), rating.value)
        self.success.setCurrentIndex(self.success.findData(p.success.value))
        self.success.setAccessibleName(self.tr("Success"))
        self.success.setToolTip(SUCCESS_MEASURE_DE[p.approach])
        self.success.currentIndexChanged.connect(self._changed)
        grid.addWidget(QLabel(self.tr("Success")), row, 0)
        grid.addWidget(self.success, row, 1)
        row += 1
        self.routes: dict[str, QCheckBox] = {}
        for name, text in (
            ("to_verbis", self.tr("Entry in VerBIS needed")),
            ("benefit_relevant", self.tr("Benefit-relevant: e-Akte, inform Leistungsgewährung")),
            ("inform_network", self.tr("Inform network partners")),
            ("to_main_caseworker", self.tr("Information to the main caseworker")),
        ):
            box = QCheckBox(text)
            box.setChecked(getattr(p, name))
            box.toggled.connect(self._changed)
            self.routes[name] = box
            grid.addWidget(box, row, 1)
            row += 1
        self.follow_up_label = QLabel()
        self.follow_up_label.setWordWrap(True)
        self.follow_up_button = QPushButton(self.tr("Plan f&ollow-up…"))
        self.follow_up_button.setAccessibleName(self.tr("Plan follow-up appointment"))
        self.follow_up_button.setAutoDefault(False)
        self.follow_up_button.clicked.connect(self._follow_up)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up_label, 1)
        follow.addWidget(self.follow_up_button)
        grid.addWidget(QLabel(self.tr("Follow-up")), row, 0)
        grid.addLayout(follow, row, 1)
        row += 1
        self.addenda_label = QLabel()
        self.addenda_label.setWordWrap(True)
        grid.addWidget(self.addenda_label, row, 0, 1, 3)
        return self._scroll(body)

    def _template_button(self, field: str, label: str) -> QToolButton:
        button = QToolButton()
        button.setText(self.tr("Template"))
        button.setAccessibleName(self.tr("Template for {field}").format(field=label))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: self._fill_menu(menu, field))
        button.setMenu(menu)
        return button

    def _fill_menu(self, menu: QMenu, field: str) -> None:
        menu.clear()
        templates = self.templates.for_field(field)
        mine = self.protocol.approach.value
        others = [t for t in templates if t.approach not in ("", mine)]
        for template in [t for t in templates if t not in others]:
            action = menu.addAction(("★ " if template.personal else "") + template.title)
            action.setToolTip(template.body)
            action.triggered.connect(lambda _c=False, t=template: self.insert_template(field, t))
        if others:
            more = menu.addMenu(self.tr("Other approaches"))
            for template in others:
                action = more.addAction(template.title)
                action.setToolTip(template.body)
                action.triggered.connect(
                    lambda _c=False, t=template: self.insert_template(field, t)
                )
        menu.setToolTipsVisible(True)
        if self.templates.problem:
            problem = menu.addAction(self.templates.problem)
            problem.setEnabled(False)
        menu.addSeparator()
        save = menu.addAction(self.tr("Save this text as my template"))
        save.triggered.connect(lambda: self._save_template(field))
        own = [t for t in self.templates.for_field(field) if t.personal]
        if own:
            remove = menu.addMenu(self.tr("Delete my template"))
            for template in own:
                action = remove.addAction(template.title)
                action.triggered.connect(lambda _c=False, t=template: self.delete_template(t))

    # ---- state -------------------------------------------------------------------------------
    def _show(self) -> None:
        v = view(self.session, self.protocol_id)
        self.protocol = v.protocol
        final = self.protocol.is_final
        when = self.tr("Met on {met} · written on {written}").format(
            met=v.facts.met.text, written=v.facts.written.text
        )
        who = self.tr("Staff: {staff} · others present: {others}").format(
            staff=v.facts.staff.text, others=v.facts.others_present.text
        )
        self.header.setText(
            f"<h2>{self._escape(v.title)}</h2>{self._escape(when)}<br>{self._escape(who)}"
            f"<br>{self._escape(v.status)}"
        )
        for edit in self.edits.values():
            edit.setReadOnly(final)
            edit.setStyleSheet("QPlainTextEdit { background: palette(window); }" if final else "")
        self.banner.setVisible(final)
        if final:
            self.banner.setText(
                self.tr(
                    "Finalized – read only. Corrections are added as addenda ({n} so far)."
                ).format(n=len(self.protocol.addenda))
            )
        for button in self.template_buttons:
            button.setVisible(not final)
        self.follow_up_label.setText(v.facts.follow_up.text)
        self.follow_up_button.setVisible(not final and v.follow_up is None)
        self.addenda_label.setText(
            "".join(
                "<p><b>" + self._escape(self.tr("Addendum {when}").format(when=w)) + "</b><br>"
                + self._escape(t).replace("\n", "<br>") + "</p>"
                for w, t in ((a.label, a.text) for a in v.addenda)
            )
        )  # fmt: skip
        self.addenda_label.setVisible(bool(v.addenda))
        for widget in (self.duration, self.success, *self.routes.values()):
            widget.setEnabled(not final)
        self.finalize_button.setVisible(not final)
        self.addendum_button.setVisible(final)
        home = self.protocol.approach is Approach.HOME_VISIT
        self.countersign_button.setVisible(
            home and final and self.protocol.countersigned_at is None
        )
        self._fill_handover(v)

    @staticmethod
    def _escape(text: str) -> str:
        from html import escape

        return escape(text)

    def _fill_handover(self, v: ProtocolView) -> None:
        old = self.handover.layout()
        if old is not None:
            QWidget().setLayout(old)  # drop the old rows
        grid = QGridLayout(self.handover)
        rows = v.rows()
        rows += [(self.tr("Addendum {when}").format(when=a.label), a.text) for a in v.addenda]
        note = QLabel(self.tr("Draft – not finalized yet.") if not self.protocol.is_final else "")
        note.setStyleSheet("color: #a40000; font-weight: bold;")
        copy_all = QPushButton(self.tr("Copy a&ll"))
        copy_all.setAccessibleName(self.tr("Copy all fields"))
        copy_all.setAutoDefault(False)
        everything = "\n\n".join(f"{label}:\n{text}" for label, text in rows)
        copy_all.clicked.connect(lambda: self._copy(everything, self.tr("all fields")))
        grid.addWidget(note, 0, 0, 1, 2)
        grid.addWidget(copy_all, 0, 2)
        for index, (label, text) in enumerate(rows, start=1):
            caption = QLabel(f"<b>{self._escape(label)}</b>")
            value = QLabel(text)
            value.setTextFormat(Qt.TextFormat.PlainText)  # shown exactly as it is copied
            value.setWordWrap(True)
            copy = QPushButton(self.tr("Copy"))
            copy.setAccessibleName(self.tr("Copy {field}").format(field=label))
            copy.setAutoDefault(False)
            copy.clicked.connect(lambda _c=False, t=text, f=label: self._copy(t, f))
            grid.addWidget(caption, index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, index, 1)
            grid.addWidget(copy, index, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)

    def _copy(self, text: str, what: str) -> None:
        sensitive_clipboard().copy(text)
        self.saved_label.setText(
            self.tr("Copied: {what} – removed from the clipboard after 30 seconds.").format(
                what=what
            )
        )

    def _tab_changed(self, index: int) -> None:
        """The Übernahme tab always shows what was typed: save, then rebuild it."""
        if self.tabs.widget(index) is not self.tabs.widget(0):
            self.save_now()
            self._show()

    def _changed(self) -> None:
        if self.protocol.is_final:
            return
        self._dirty = True
        self.saved_label.setText(self.tr("Unsaved changes…"))
        self._timer.start()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._dirty and old is not None and self.isAncestorOf(old):
            self.save_now()

    def collect(self) -> Protocol:
        p = self.session.protocols.copy_draft(self.protocol)
        for name, edit in self.edits.items():
            setattr(p, name, edit.toPlainText())
        p.duration_min = self.duration.value()
        p.success = SuccessRating(self.success.currentData())
        for name, box in self.routes.items():
            setattr(p, name, box.isChecked())
        return p

    def save_now(self) -> bool:
        """Write the draft to the vault (autosave); True if nothing is left unsaved."""
        self._timer.stop()
        if not self._dirty or self.protocol.is_final or self.session.is_locked:
            return not self._dirty
        try:
            try:
                self.protocol = self.session.protocols.save_draft(self.collect())
            except StaleRecord:
                # saved meanwhile from elsewhere (another window): this window's text is newest
                self.protocol = self.session.protocols.get(self.protocol_id)
                self.protocol = self.session.protocols.save_draft(self.collect())
        except UserError as exc:
            self._message(error_text(exc))
            return False
        self._dirty = False
        self._show_saved()
        self._message("")
        return True

    def _show_saved(self) -> None:
        self.saved_label.setText(
            self.tr("Saved at {time}").format(time=self.now().strftime("%H:%M:%S"))
        )

    def _save_pressed(self) -> None:
        """Strg+S: saves if anything is unsaved, and says so either way."""
        if self.save_now() and not self.protocol.is_final:
            self._show_saved()

    def _message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- actions -----------------------------------------------------------------------------
    def insert_template(self, field: str, template: object) -> None:
        edit = self.edits[field]
        if edit.isReadOnly():
            return
        text = self.templates.render(template, self.collect())  # type: ignore[arg-type]
        if edit.toPlainText().strip():  # added after what is there, as its own paragraph
            edit.moveCursor(QTextCursor.MoveOperation.End)
            text = ("\n" if edit.toPlainText().endswith("\n") else "\n\n") + text
        edit.insertPlainText(text)
        edit.setFocus()

    def _save_template(self, field: str) -> None:
        text = self.edits[field].toPlainText().strip()
        if not text:
            return
        try:
            saved = self.templates.add_personal(field, text.splitlines()[0][:60], text)
        except UserError as exc:
            show_error(self, exc)
            return
        self.saved_label.setText(
            self.tr("Saved as your template “{title}”.").format(title=saved.title)
        )

    def delete_template(self, template: Template) -> None:
        if confirm(
            self, self.tr("Delete template"),
            self.tr("Delete your template “{title}”? Protocols that used it keep their text."
                    ).format(title=template.title),
            self.tr("Delete"),
        ):  # fmt: skip
            self.templates.delete_personal(template.id)

    def _finalize(self) -> None:
        if not self.save_now():
            return
        empty = [label for name, label in TEXT_FIELDS if name in self.edits
                 and not self.edits[name].toPlainText().strip()]  # fmt: skip
        gaps = ""
        if empty:
            gaps += self.tr("Still empty: {fields}.").format(fields=", ".join(empty)) + "\n"
        if self.protocol.success is SuccessRating.OPEN:
            gaps += self.tr("Success is still rated “open”.") + "\n"
        if not confirm(
            self, self.tr("Finalize"),
            (gaps + "\n" if gaps else "")
            + self.tr("After finalizing, the protocol cannot be changed any more; corrections "
                      "become addenda. Finalize now?"),
            self.tr("Finalize"),
        ):  # fmt: skip
            return
        try:
            self.session.protocols.finalize(self.protocol_id, self.now(), self.by)
        except UserError as exc:
            self._message(error_text(exc))
            return
        self._show()

    def _follow_up(self) -> None:
        if not self.save_now():
            return
        if FollowUpDialog(self.session, self.protocol, self).run():
            self._show()

    def _addendum(self) -> None:
        if AddendumDialog(self.session, self.protocol_id, self.now, self.by, self).run():
            self._show()

    def _countersign(self) -> None:
        if CountersignDialog(self.session, self.protocol, self.now, self).run():
            self._show()

    def _print(self) -> None:
        self.save_now()
        try:
            preview_and_print(self, protocol_pdf(self.session, self.protocol_id),
                              self.tr("Memory protocol"))  # fmt: skip
        except UserError as exc:
            show_error(self, exc)

    # ---- closing and locking: what was typed is saved, or the user decides -----------------
    keep_on_lock = True

    @property
    def touched(self) -> bool:
        return self._dirty

    def save_on_lock(self) -> bool:
        """The vault locks: save now; False tells the lock screen the text could not be kept."""
        self._locking = True
        return self._safe_save()

    def _safe_save(self) -> bool:
        try:
            return self.save_now()
        except Exception as exc:
            self._message(error_text(exc))
            return False

    def _discard_confirmed(self) -> bool:
        return confirm(
            self, self.tr("Not saved"),
            self.tr("The protocol could not be saved: {error}\n\nClose anyway and lose the "
                    "changes since the last save?").format(error=self.message.text()),
            self.tr("Close without saving"),
        )  # fmt: skip

    def done(self, result: int) -> None:
        if not self._safe_save() and not self._locking and not self._discard_confirmed():
            return
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.disconnect(self._focus_changed)  # type: ignore[attr-defined]
        super().done(result)

    def run(self) -> bool:
        try:
            return bool(self.exec())
        finally:
            self.deleteLater()
