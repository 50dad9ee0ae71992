"""Writing a memory protocol. Nothing typed is lost: the draft is saved to the vault a few
seconds after typing stops, when the focus leaves a field, and when the window closes or the
vault locks (`autosave.py`). A finalized protocol is read-only; corrections are addenda shown
with it. The "Übernahme" tab (`protocol_handover.py`) shows every field with a copy button for
pasting into VerBIS; templates come from `protocol_templates.py`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from outreach_desktop.domain.documents import protocol_file_name
from outreach_desktop.domain.errors import StaleRecord, UserError
from outreach_desktop.domain.protocols import (
    Protocol,
    SuccessRating,
)
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.documents import save_pdf
from outreach_desktop.services.protocol_views import ProtocolView, protocol_pdf, view
from outreach_desktop.services.session import Session
from outreach_desktop.ui.autosave import Autosave
from outreach_desktop.ui.busy import Busy
from outreach_desktop.ui.formats import format_datetime
from outreach_desktop.ui.messages import confirm, error_text
from outreach_desktop.ui.pdf_saving import ask_pdf_path, ask_target, saved_text
from outreach_desktop.ui.printing import (
    PrintPages,
    printer_available,
    printer_ready,
    render_for_print,
    show_print_preview,
)
from outreach_desktop.ui.protocol_dialogs import (
    AddendumDialog,
    CountersignDialog,
    FollowUpDialog,
)
from outreach_desktop.ui.protocol_form import ProtocolForm
from outreach_desktop.ui.protocol_handover import HandoverView
from outreach_desktop.ui.protocol_templates import TemplateMenus
from outreach_desktop.ui.widgets.common import button, scroll, style_error
from outreach_desktop.ui.widgets.tabs import tab_widget

__all__ = ["AddendumDialog", "CountersignDialog", "FollowUpDialog", "ProtocolEditor"]


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
        self._locking = False
        self.autosave = Autosave(self, self.save_now)
        self.busy = Busy(self, lambda: not session.is_locked)
        self.print_pages: Callable[[QWidget, PrintPages], bool] = show_print_preview
        self.ask_path: Callable[[QWidget, str], str] = ask_pdf_path  # test seams
        self.has_printer: Callable[[], bool] = printer_available
        self._build_labels()
        self.edits: dict[str, QPlainTextEdit] = {}
        self.template_menus = TemplateMenus(
            self.templates, self.edits, self.protocol.approach, self.collect, self
        )
        self.template_menus.status.connect(self.saved_label.setText)
        self.template_buttons = self.template_menus.buttons
        self.form = ProtocolForm(self.protocol, self.template_menus, self.edits)
        self.form.changed.connect(self._changed)
        self.form.follow_up_requested.connect(self._follow_up)
        f = self.form
        self.routes, self.follow_up_button, self.follow_up_label = (
            f.routes,
            f.follow_up_button,
            f.follow_up_label,
        )
        self.addenda_label = f.addenda_label
        self.tabs = tab_widget()
        self.tabs.addTab(scroll(self.form), self.tr("Protocol"))
        self.handover = HandoverView()
        self.handover.copied.connect(self.saved_label.setText)
        self.tabs.addTab(scroll(self.handover), self.tr("Transfer (VerBIS)"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        for widget in (self.header, self.saved_label, self.banner, self.saves, self.message):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._action_buttons())
        save = QShortcut(QKeySequence.StandardKey.Save, self)  # Strg+S, out of habit
        save.activated.connect(self._save_pressed)
        self._show()

    # ---- building ----------------------------------------------------------------------------
    def _build_labels(self) -> None:
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
        self.saves = QLabel()
        self.saves.setWordWrap(True)
        self.saves.setAccessibleName(self.tr("Saved as PDF"))
        self.saves.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        style_error(self.message)
        self.message.hide()

    def _action_buttons(self) -> QHBoxLayout:
        self.finalize_button = button(self.tr("&Finalize…"), self._finalize)
        self.addendum_button = button(self.tr("Add a&ddendum…"), self._addendum)
        self.countersign_button = button(self.tr("&Countersign"), self._countersign)
        self.print_button = button(self.tr("&Print…"), self._print)
        self.save_pdf_button = button(self.tr("Save as P&DF…"), self._save_pdf)
        buttons = QHBoxLayout()
        for push in (self.finalize_button, self.addendum_button, self.countersign_button,
                     self.print_button, self.save_pdf_button):  # fmt: skip
            buttons.addWidget(push)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        return buttons

    # ---- state -------------------------------------------------------------------------------
    def _show(self) -> None:
        v = view(self.session, self.protocol_id)
        self.protocol = v.protocol
        final = self.protocol.is_final
        self._show_header(v)
        self.form.show_view(v)
        self.banner.setVisible(final)
        if final:
            self.banner.setText(
                self.tr(
                    "Finalized – read only. Corrections are added as addenda ({n} so far)."
                ).format(n=len(self.protocol.addenda))
            )
        self.finalize_button.setVisible(not final)
        self.addendum_button.setVisible(final)
        home = self.protocol.approach is Approach.HOME_VISIT
        self.countersign_button.setVisible(
            home and final and self.protocol.countersigned_at is None
        )
        self.handover.show_view(v)
        self._show_saves()

    def _show_saves(self) -> None:
        """Each time the protocol left the vault as a PDF file."""
        notes = self.session.saved_pdfs.for_protocol(self.protocol_id)
        self.saves.setText("\n".join(
            saved_text(self.tr("Memory protocol"), format_datetime(n.saved_at)) for n in notes
        ))  # fmt: skip
        self.saves.setVisible(bool(notes))

    def _show_header(self, v: ProtocolView) -> None:
        when = self.tr("Met on {met} · written on {written}").format(
            met=v.facts.met.text, written=v.facts.written.text
        )
        who = self.tr("Staff: {staff} · others present: {others}").format(
            staff=v.facts.staff.text, others=v.facts.others_present.text
        )
        outcome = self.tr("Outcome: {outcome}").format(outcome=v.facts.outcome.text)
        self.header.setText(
            f"<h2>{escape(v.title)}</h2>{escape(when)}<br>{escape(outcome)}<br>{escape(who)}"
            f"<br>{escape(v.status)}"
        )

    def _tab_changed(self, index: int) -> None:
        """The Übernahme tab always shows what was typed: save, then rebuild it."""
        if self.tabs.widget(index) is not self.tabs.widget(0):
            self.save_now()
            self._show()

    def _changed(self) -> None:
        if self.protocol.is_final:
            return
        self.autosave.changed()
        self.saved_label.setText(self.tr("Unsaved changes…"))

    def collect(self) -> Protocol:
        p = self.session.protocols.copy_draft(self.protocol)
        self.form.write_to(p)
        return p

    def save_now(self) -> bool:
        """Write the draft to the vault (autosave); True if nothing is left unsaved."""
        self.autosave.stop()
        if not self.autosave.dirty or self.protocol.is_final or self.session.is_locked:
            return not self.autosave.dirty
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
        self.autosave.saved()
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
    def _finalize(self) -> None:
        if not self.save_now():
            return
        empty = self.form.empty_fields()
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
        protocol_id, now, by = self.protocol_id, self.now(), self.by
        self.busy.run(
            lambda: self.session.protocols.finalize(protocol_id, now, by),
            lambda _final: self._show(),
            lambda exc: self._message(error_text(exc)),
            button=self.finalize_button,
            text=self.tr("Finalizing…"),
            disable=[self.form, self.print_button],  # nothing typed while it becomes final
        )

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
        if not printer_ready(self, self.has_printer):
            return
        self.save_now()
        protocol_id, title = self.protocol_id, self.tr("Memory protocol")
        self.busy.run(
            lambda: render_for_print(protocol_pdf(self.session, protocol_id), title),
            lambda pages: self.print_pages(self, pages),
            button=self.print_button,
            text=self.tr("Preparing…"),
        )

    def _save_pdf(self) -> None:
        """The protocol as PDF where the user chooses, after the warning that the file is not
        encrypted; the save is noted with the protocol."""
        self.save_now()
        met = self.protocol.met_at.date() if self.protocol.met_at else None
        target = ask_target(self, protocol_file_name(met), self.ask_path)
        if target is None:
            return
        (path, replace), protocol_id, now = target, self.protocol_id, self.now()

        def write() -> None:
            save_pdf(path, protocol_pdf(self.session, protocol_id), replace=replace)
            self.session.saved_pdfs.protocol_saved(protocol_id, now)

        self.busy.run(
            write, lambda _r: self._show_saves(), lambda exc: self._message(error_text(exc)),
            button=self.save_pdf_button, text=self.tr("Saving…"),
        )  # fmt: skip

    # ---- closing and locking: what was typed is saved, or the user decides -----------------
    keep_on_lock = True

    @property
    def touched(self) -> bool:
        return self.autosave.dirty

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
        self.autosave.detach()
        super().done(result)

    def run(self) -> bool:
        try:
            return bool(self.exec())
        finally:
            self.deleteLater()
