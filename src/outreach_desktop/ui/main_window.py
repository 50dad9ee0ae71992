"""The main window: the welcome/unlock page while locked, the workspace while unlocked.

Locking (Ctrl+L, idle timeout, closing) closes open dialogs — keeping what was typed when it is
valid —, locks the vault and throws the workspace away, so no view holds data afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from outreach_desktop.services.documents import warm_up_documents
from outreach_desktop.services.session import (
    Session,
    release_freed_memory,
    wipe_freed_memory,
)
from outreach_desktop.services.settings import Settings, save_settings
from outreach_desktop.services.vaults import KdfParams, unlock_vault
from outreach_desktop.ui.clipboard import sensitive_clipboard
from outreach_desktop.ui.contracts import LockAware
from outreach_desktop.ui.create_vault_dialog import CreateVaultDialog
from outreach_desktop.ui.idle import IdleWatcher, _default_clock
from outreach_desktop.ui.messages import error_text
from outreach_desktop.ui.settings_notice import tell_settings_problem
from outreach_desktop.ui.system_lock import SESSION_LOCKED, SLEEP, watch_this_system
from outreach_desktop.ui.tasks import run_in_background
from outreach_desktop.ui.welcome_page import WelcomePage
from outreach_desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)
WARM_UP_AFTER_MS = 1500  # after unlock: Heute first, then the fonts for the first print
documents_warm = [False]  # once per process


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings,
        fixed_vault: Path | None = None,
        *,
        clock: Callable[[], float] = _default_clock,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.today = today
        self.now = now or (lambda: datetime.combine(self.today(), datetime.now().time()))
        self.kdf = kdf
        self.session: Session | None = None
        self._closed = False  # closing: an unlock finishing now locks again at once
        self.workspace: Workspace | None = None
        self.setWindowTitle(self.tr("Outreach Desktop"))
        self.resize(1180, 760)
        self.welcome = WelcomePage(fixed_vault)
        self.welcome.unlock_requested.connect(self.unlock)
        self.welcome.create_requested.connect(self.create_profile)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.idle = IdleWatcher(settings.idle_lock_minutes * 60, clock, self)
        self.idle.timed_out.connect(lambda: self.lock(reason="idle"))
        self.system_lock = watch_this_system(self)  # the session locks, the laptop sleeps
        self.system_lock.lock_requested.connect(lambda why: self.lock(reason=why))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._build_actions()
        self.user_label = QLabel()
        self.user_label.setAccessibleName(self.tr("Signed in as"))
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(self.tr("Lock"))
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button.clicked.connect(lambda: self.lock())
        self.notice_label = QLabel()  # read-only, a damaged WAL: what the vault said at open
        self.notice_label.setWordWrap(True)
        self.notice_label.setAccessibleName(self.tr("Vault notice"))
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addWidget(self.notice_label, 2)
        self.statusBar().addPermanentWidget(self.lock_button)
        self._show_locked()
        QTimer.singleShot(0, self, lambda: tell_settings_problem(self))  # when it is shown
        self.welcome.reload(self._last_profile_path())

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock())
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        about = QAction(self.tr("&About Outreach Desktop"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _last_profile_path(self) -> Path | None:
        if self.welcome.fixed_vault is not None:
            return self.welcome.fixed_vault
        if self.settings.last_profile:
            from outreach_desktop import paths

            return paths.profiles_dir() / self.settings.last_profile
        return None

    # ---- unlocking -----------------------------------------------------------------------
    def unlock(self, path: Path, passphrase: str) -> None:
        self.welcome.unlocking(
            lambda: unlock_vault(path, passphrase), self._unlocked, self._unlock_failed
        )

    def _unlock_failed(self, exc: BaseException) -> None:
        self.welcome.unlock_failed(error_text(exc))

    def _unlocked(self, session: Session) -> None:
        self.welcome.clear_secret()
        if self.session is not None or self._closed:  # another profile opened, or closing
            session.lock()
            return
        self.open_session(session)

    def create_profile(self) -> None:
        dialog = CreateVaultDialog(self, self.welcome.fixed_vault, self.kdf)
        if dialog.run() and dialog.saved is not None:
            self.open_session(dialog.saved)

    def open_session(self, session: Session) -> None:
        if self.session is not None:  # never two vaults open at once
            self.lock()
        self.session = session
        self.workspace = Workspace(session, self.settings, self.today, self.now)
        self.workspace.settings_page.settings_changed.connect(self._settings_changed)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        profile = session.path.name
        title = self.tr("Outreach Desktop – {profile}").format(profile=profile)
        if session.read_only:
            title += " " + self.tr("(read only)")
        self.setWindowTitle(title)
        self.notice_label.setText("\n".join(session.notices))
        self.notice_label.setVisible(bool(session.notices))
        self._update_status()
        self.lock_button.show()
        self.lock_action.setEnabled(True)
        if self.welcome.fixed_vault is None and self.settings.last_profile != profile:
            self.settings.last_profile = profile
            self._save_settings()
        self.idle.start()
        self.workspace.show_page(0)
        self.activateWindow()
        tell_settings_problem(self)  # what a service read meanwhile (a letterhead)
        # once Heute is on screen: the fonts loaded in the background for the first print
        QTimer.singleShot(WARM_UP_AFTER_MS, self._warm_up_documents)

    def _warm_up_documents(self) -> None:
        if not documents_warm[0]:
            documents_warm[0] = True
            run_in_background(
                warm_up_documents, lambda _done: None,
                lambda exc: log.warning("document warm-up failed: %s", type(exc).__name__),
            )  # fmt: skip

    def _update_status(self) -> None:
        if self.session is None:
            return
        owner = self.session.owner()
        self.user_label.setText(
            self.tr("Profile {profile} · {owner} · locks after {minutes} min without input").format(
                profile=self.session.path.name,
                owner=owner.name if owner else "–",
                minutes=self.settings.idle_lock_minutes,
            )
        )

    # ---- locking -------------------------------------------------------------------------
    def lock(self, reason: str = "user") -> None:
        if self.session is None:
            return
        wipe_freed_memory()  # until the views are gone (release_freed_memory below)
        kept, dropped = self._close_dialogs()
        sensitive_clipboard().clear_if_ours()
        self.idle.stop()
        session, workspace = self.session, self.workspace
        self.session, self.workspace = None, None
        if workspace is not None:
            workspace.clear()
            self.stack.removeWidget(workspace)
            workspace.hide()
            # once the widgets are gone, their (freed) copies of names go too, where they can
            workspace.destroyed.connect(lambda: QTimer.singleShot(0, release_freed_memory))
            workspace.deleteLater()
        session.lock()
        if workspace is not None:
            wipe_freed_memory()  # the session's lock ended it; the views are deleted after this
        log.info("locked (%s)", reason)
        self._show_locked()
        QTimer.singleShot(0, self, lambda: tell_settings_problem(self))  # when it is shown
        self.welcome.reload(session.path)
        lines = []
        if reason == "idle":
            lines.append(self.tr("Locked after inactivity."))
        elif reason in (SLEEP, SESSION_LOCKED):
            lines.append(self.tr("Locked together with the computer."))
        if kept:
            lines.append(self.tr("Entries in open dialogs were saved before locking."))
        if dropped:
            lines.append(
                self.tr("Incomplete entries in open dialogs could not be saved and were discarded.")
            )
        self.welcome.show_message("\n".join(lines))

    def _close_dialogs(self) -> tuple[int, int]:
        """Close every dialog, innermost first. Edit dialogs keep what was typed if it is valid;
        dialogs that change keys (passphrase, recovery) never act on their own."""
        kept = dropped = 0
        for _ in range(50):
            modal = QApplication.activeModalWidget()
            if modal is None:
                break
            # edit dialogs (FormDialog, the protocol editor) say whether they hold typed input
            if isinstance(modal, LockAware) and modal.keep_on_lock and modal.touched:
                if modal.save_on_lock():
                    kept += 1
                else:
                    dropped += 1
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        return kept, dropped

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+L locks even while a dialog is open (a modal dialog blocks the menu action)."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self.session is not None
            and QApplication.activeModalWidget() is not None
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) == self.lock_action.shortcut()
        ):
            event.accept()
            self.lock()
            return True
        return False

    def _show_locked(self) -> None:
        self.stack.setCurrentWidget(self.welcome)
        self.setWindowTitle(self.tr("Outreach Desktop – locked"))
        self.user_label.setText(self.tr("Locked"))
        self.notice_label.hide()
        self.lock_button.hide()
        self.lock_action.setEnabled(False)
        self.activateWindow()

    # ---- settings and the rest -------------------------------------------------------------
    def _settings_changed(self, settings: Settings) -> None:
        self.settings = settings
        self.idle.set_timeout(settings.idle_lock_minutes * 60)
        self._update_status()

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except Exception as exc:
            log.warning("settings not saved: %s", type(exc).__name__)

    def show_shortcuts(self) -> None:
        from outreach_desktop.ui.shortcuts_dialog import ShortcutsDialog

        titles = [t for t, _p in self.workspace.pages] if self.workspace is not None else []
        ShortcutsDialog(titles, self).run()

    def _about(self) -> None:
        from outreach_desktop.ui.about_dialog import show_about

        show_about(self, self.session)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.lock(reason="close")
        super().closeEvent(event)

    def current_widget(self) -> QWidget:
        return self.stack.currentWidget()
