"""A settings file the app cannot use: the window says so once, in German, at start or after an
unlock that read it, and goes on with the defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from outreach_desktop.services.settings import Settings, load_settings, settings_path
from outreach_desktop.services.vaults import create_vault
from testkit import FAST_KDF, PASSPHRASE


def _break_settings() -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[" * 30_000 + b"]" * 30_000)  # a RecursionError for json
    return path


def test_the_window_tells_once_at_start(
    qtbot: Any, make_window: Any, error_boxes: list[str]
) -> None:
    path = _break_settings()
    settings = load_settings()  # as run_gui reads them before the window exists
    assert settings == Settings()
    make_window(settings=settings)
    qtbot.waitUntil(lambda: bool(error_boxes))
    [text] = error_boxes
    assert text.startswith(f"Die Einstellungsdatei {path} ließ sich nicht verwenden")
    assert "es gelten die Standardeinstellungen" in text
    assert "settings.json.defekt-" in text and "entsteht eine neue" in text
    make_window()
    qtbot.wait(50)
    assert len(error_boxes) == 1


def test_the_window_tells_after_an_unlock_what_was_read_before(
    qtbot: Any, make_window: Any, error_boxes: list[str], tmp_path: Path
) -> None:
    """The unlock itself reads no settings (the rules are the agency's, not the caseworker's);
    a service that read them meanwhile (a letter's letterhead) has its problem told then."""
    window = make_window()
    qtbot.wait(20)
    _break_settings()
    load_settings()  # as building a letter's letterhead does
    session = create_vault(tmp_path / "tresor", PASSPHRASE, owner_name="Anna Beispiel",
                           kdf=FAST_KDF)  # fmt: skip
    window.open_session(session)
    assert len(error_boxes) == 1 and "Einstellungsdatei" in error_boxes[0]
    assert window.workspace is not None
