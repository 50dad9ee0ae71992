"""Reading the laptops' bundles at the office station: the files chosen, each checked and
imported off the GUI thread with a progress dialog that can be cancelled; a laptop the office
does not know is asked about with its fingerprint, and its files are read again once a person
accepted it; in the end one dialog with a German line per file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from shiboken6 import isValid

from outreach_desktop.services.inbox import ImportResult
from outreach_desktop.services.session import Session
from outreach_desktop.ui.inbox_dialogs import FingerprintDialog, ImportResultsDialog
from outreach_desktop.ui.inbox_texts import acting_person
from outreach_desktop.ui.messages import show_error
from outreach_desktop.ui.progress import ProgressRun

translate = QCoreApplication.translate
# (parent, fingerprint, device, file names) → accepted
AskTrust = Callable[[QWidget, str, str, list[str]], bool]


def ask_bundle_paths(parent: QWidget) -> list[str]:
    paths, _filter = QFileDialog.getOpenFileNames(
        parent,
        translate("InboxImport", "Read bundles from the laptops"),
        "",
        translate("InboxImport", "Bundles (*.age);;All files (*)"),
    )
    return paths


def ask_trust(parent: QWidget, fingerprint: str, device: str, files: list[str]) -> bool:
    dialog = FingerprintDialog(fingerprint, device, files, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class ImportFlow(QObject):
    """One reading of bundles; `finished` carries every file's final result (also when some
    were refused); `results_dialog` stays open, window-modal, until the person closes it."""

    finished = Signal(list)

    def __init__(
        self,
        parent: QWidget,
        session: Session,
        now: Callable[[], datetime],
        ask: AskTrust = ask_trust,
    ) -> None:
        super().__init__(parent)
        self.parent_widget, self.session, self.now, self.ask = parent, session, now, ask
        self.results: list[ImportResult] = []
        self.results_dialog: ImportResultsDialog | None = None
        self.running = False
        self.progress: ProgressRun | None = None

    def start(self, paths: list[str]) -> None:
        self.running = True
        self._run(paths, frozenset(), self._first_done)

    def _run(
        self, paths: list[str], trust: frozenset[str], then: Callable[[list[ImportResult]], None]
    ) -> None:
        run = ProgressRun(
            self.parent_widget,
            translate("InboxImport", "Read bundles"),
            translate("InboxImport", "Checking and reading {n} file(s) …").format(n=len(paths)),
        )
        run.dialog.setAccessibleName(translate("InboxImport", "Reading bundles"))
        now, by, inbox = self.now(), acting_person(self.session), self.session.inbox

        def work(progress: Callable[[int, int], None], stop: Callable[[], bool]) -> object:
            def step(done: int, total: int) -> bool:
                progress(done, total)
                return not stop()

            return inbox.import_files(paths, now, trust, step, trusted_by=by)

        self.progress = run  # kept until the next run
        run.start(work, lambda results: self._alive(then, results), self._failed)

    def _alive(
        self, then: Callable[[list[ImportResult]], None], results: list[ImportResult]
    ) -> None:
        if self.session.is_locked or not isValid(self.parent_widget):
            self.running = False  # the vault locked meanwhile: nothing more is asked or shown
            return
        then(results)

    def _first_done(self, results: list[ImportResult]) -> None:
        self.results = results
        unknown: dict[str, list[ImportResult]] = {}
        for result in results:
            if result.unknown_device and result.fingerprint:
                unknown.setdefault(result.fingerprint, []).append(result)
        trusted: set[str] = set()
        again: list[str] = []
        for fingerprint, refused in unknown.items():
            device = (refused[0].device_id or "")[:8]
            if self.ask(self.parent_widget, fingerprint, device, [r.path.name for r in refused]):
                trusted.add(fingerprint)
                again += [str(r.path) for r in refused]
            if self.session.is_locked:
                self.running = False
                return
        if again:
            self._run(again, frozenset(trusted), self._again_done)
        else:
            self._finish()

    def _again_done(self, results: list[ImportResult]) -> None:
        newer = {str(r.path): r for r in results}
        self.results = [newer.get(str(r.path), r) for r in self.results]
        self._finish()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        if not self.session.is_locked and isValid(self.parent_widget):
            show_error(self.parent_widget, exc)
            self.finished.emit([])

    def _finish(self) -> None:
        self.running = False
        self.results_dialog = ImportResultsDialog(self.results, self.parent_widget)
        self.results_dialog.open()
        self.finished.emit(self.results)

    def close(self) -> None:
        """The vault locks: the results go (file names and counts, but still)."""
        if self.results_dialog is not None and isValid(self.results_dialog):
            self.results_dialog.close()
        self.results_dialog = None
