"""The "Template" button beside each text field of a protocol: the agency's and one's own
templates (the protocol's approach first, the others in a submenu), inserted after what is
already written; the field's text saved as a personal template; a personal one deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolButton, QWidget

from outreach_desktop.domain.errors import UserError
from outreach_desktop.domain.protocols import Protocol
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.templates import Template, TemplateService
from outreach_desktop.ui.messages import confirm, show_error


class TemplateMenus(QObject):
    """One menu button per field; `status` carries a line for the editor's status label."""

    status = Signal(str)

    def __init__(
        self,
        templates: TemplateService,
        edits: dict[str, QPlainTextEdit],
        approach: Approach,
        current: Callable[[], Protocol],
        parent: QWidget,
    ) -> None:
        """`current` gives the protocol as typed so far (templates are filled from it)."""
        super().__init__(parent)
        self.templates, self._edits, self._current = templates, edits, current
        self._approach = approach
        self._parent = parent
        self.buttons: list[QToolButton] = []

    def button(self, field: str, label: str) -> QToolButton:
        button = QToolButton()
        button.setText(self.tr("Template"))
        button.setAccessibleName(self.tr("Template for {field}").format(field=label))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: self.fill_menu(menu, field))
        button.setMenu(menu)
        self.buttons.append(button)
        return button

    def fill_menu(self, menu: QMenu, field: str) -> None:
        menu.clear()
        templates = self.templates.for_field(field)
        mine = self._approach.value
        others = [t for t in templates if t.approach not in ("", mine)]
        for template in [t for t in templates if t not in others]:
            self._add(menu, ("★ " if template.personal else "") + template.title, field, template)
        if others:
            more = menu.addMenu(self.tr("Other approaches"))
            for template in others:
                self._add(more, template.title, field, template)
        menu.setToolTipsVisible(True)
        if self.templates.problem:
            problem = menu.addAction(self.templates.problem)
            problem.setEnabled(False)
        menu.addSeparator()
        save = menu.addAction(self.tr("Save this text as my template"))
        save.triggered.connect(lambda: self.save_as_template(field))
        own = [t for t in templates if t.personal]
        if own:
            remove = menu.addMenu(self.tr("Delete my template"))
            for template in own:
                action = remove.addAction(template.title)
                action.triggered.connect(lambda _c=False, t=template: self.delete(t))

    def _add(self, menu: QMenu, text: str, field: str, template: Template) -> None:
        action = menu.addAction(text)
        action.setToolTip(template.body)
        action.triggered.connect(lambda _c=False, t=template: self.insert(field, t))

    def insert(self, field: str, template: Template) -> None:
        edit = self._edits[field]
        if edit.isReadOnly():
            return
        text = self.templates.render(template, self._current())
        if edit.toPlainText().strip():  # added after what is there, as its own paragraph
            edit.moveCursor(QTextCursor.MoveOperation.End)
            text = ("\n" if edit.toPlainText().endswith("\n") else "\n\n") + text
        edit.insertPlainText(text)
        edit.setFocus()

    def save_as_template(self, field: str) -> None:
        text = self._edits[field].toPlainText().strip()
        if not text:
            return
        try:
            saved = self.templates.add_personal(field, text.splitlines()[0][:60], text)
        except UserError as exc:
            show_error(self._parent, exc)
            return
        self.status.emit(self.tr("Saved as your template “{title}”.").format(title=saved.title))

    def delete(self, template: Template) -> None:
        if confirm(
            self._parent, self.tr("Delete template"),
            self.tr("Delete your template “{title}”? Protocols that used it keep their text."
                    ).format(title=template.title),
            self.tr("Delete"),
        ):  # fmt: skip
            self.templates.delete_personal(template.id)
