"""What the window asks of the widgets it holds, written down once: the workspace's pages and
the dialogs that may keep typed input when the vault locks."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Page(Protocol):
    """One area of the workspace (Heute, Termine, …). Every page is also a QWidget; the
    workspace gives it the focus with `setFocus()`, which a page may forward to its search
    field with `setFocusProxy()`."""

    def refresh(self) -> None:
        """Show the vault's current state (the page is being shown)."""

    def clear(self) -> None:
        """Drop every record shown, at once (the vault locks; deletion follows later)."""

    def setFocus(self) -> None: ...


@runtime_checkable
class LockAware(Protocol):
    """A dialog that may keep what was typed when the vault locks while it is open.

    `keep_on_lock` False: the dialog records something that needs the user's own confirmation
    (a signature, a passphrase, an outcome) and is closed without acting. Dialogs without this
    contract are simply closed."""

    keep_on_lock: bool

    @property
    def touched(self) -> bool:
        """Something was typed or chosen since the dialog opened."""

    def save_on_lock(self) -> bool:
        """Save what was typed; False when it could not be kept (invalid or an error)."""
