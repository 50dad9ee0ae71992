"""The translations are complete and current; German is the default, English selectable.

The interface's own texts are written in English and translated to German; the labels of domain
values are declared in German by the domain (context "Labels") and translated to English."""

from __future__ import annotations

import importlib
import pkgutil
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

import outreach_desktop.domain
import outreach_desktop.exchange
from outreach_desktop.domain.home_visit import LetterState
from outreach_desktop.domain.protocols import SuccessRating
from outreach_desktop.domain.vocabulary import AppointmentStatus, Approach
from outreach_desktop.resources import resources_dir
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.ui.form_dialog import enum_combo
from outreach_desktop.ui.i18n import install_translators
from outreach_desktop.ui.labels import label_of
from testkit import FAST_KDF, PASSPHRASE

TRANSLATIONS = resources_dir() / "translations"
TS = TRANSLATIONS / "outreach_de.ts"
TS_EN = TRANSLATIONS / "outreach_en.ts"
SRC = Path(__file__).resolve().parents[2] / "src" / "outreach_desktop"
UI, DOMAIN, EXCHANGE = SRC / "ui", SRC / "domain", SRC / "exchange"


def labelled_enums() -> list[type[Enum]]:
    """Every enumeration of the domain (and the exchange) whose members carry a German label."""
    found: dict[str, type[Enum]] = {}
    packages = (outreach_desktop.domain, outreach_desktop.exchange)
    for info, package in ((i, p) for p in packages for i in pkgutil.iter_modules(p.__path__)):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Enum) and hasattr(value, "label_de"):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return list(found.values())


LABELLED = labelled_enums()


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


@pytest.mark.parametrize("ts", [TS, TS_EN], ids=["de", "en"])
def test_every_string_is_translated(ts: Path) -> None:
    unfinished = [
        key
        for key, msg in _messages(ts).items()
        if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not (msg.findtext("translation") or "").strip()
    ]
    assert unfinished == []


@pytest.mark.parametrize(
    ("ts", "trees"), [(TS, (UI, DOMAIN, EXCHANGE)), (TS_EN, (DOMAIN, EXCHANGE))], ids=["de", "en"]
)
def test_translation_file_covers_the_sources(
    tmp_path: Path, ts: Path, trees: tuple[Path, ...]
) -> None:
    """lupdate on today's sources finds no string that the committed .ts lacks (as
    `make lupdate` runs it: German from the interface and the domain, English from the domain)."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6-Essentials"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for tree in trees for p in tree.rglob("*.py"))
    subprocess.run(
        [lupdate, "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    found = set(_messages(fresh))
    assert ("Labels", "Hausbesuch") in found  # the domain's marked labels are seen
    missing = found - set(_messages(ts))
    assert missing == set(), "run `make lupdate` and translate"


def test_every_domain_label_is_marked_and_translated_to_english() -> None:
    english = _messages(TS_EN)
    assert len(LABELLED) >= 15
    lacking = []
    for enum in LABELLED:
        for member in enum:
            message = english.get(("Labels", member.label_de))  # type: ignore[attr-defined]
            if message is None or not (message.findtext("translation") or "").strip():
                lacking.append(f"{enum.__name__}.{member.name}")
    assert lacking == [], "mark the label with QT_TRANSLATE_NOOP, run `make lupdate`, translate"


def test_english_file_holds_only_the_domain_labels() -> None:
    """The interface is written in English; its own texts need no English translation."""
    assert {context for context, _source in _messages(TS_EN)} == {"Labels"}


def test_german_labels_are_the_domains_own_words() -> None:
    german = {key: m for key, m in _messages(TS).items() if key[0] == "Labels"}
    assert german, "the domain's labels are in the German file"
    changed = {src: m.findtext("translation") for (_c, src), m in german.items()}
    assert {src: text for src, text in changed.items() if text != src} == {}


@pytest.mark.parametrize("enum", LABELLED, ids=lambda e: e.__name__)
def test_members_of_an_enum_have_distinct_labels(enum: type[Enum]) -> None:
    labels = [member.label_de for member in enum]  # type: ignore[attr-defined]
    assert len(set(labels)) == len(labels)


def test_german_is_loaded_with_qt_standard_buttons(
    german: None, make_window: Any, vault_dir: Path
) -> None:
    session = create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    window = make_window(vault_dir)
    window.open_session(session)
    nav = [window.workspace.nav.item(i).text() for i in range(window.workspace.nav.count())]
    assert nav == [
        "Heute",
        "Termine",
        "Kundinnen und Kunden",
        "Protokolle",
        "Suche",
        "Dritte",
        "Mitarbeitende",
        "Übergabe",
        "Einstellungen",
        "Auswertung",
    ]
    assert "Mittwoch, 25.11.2026" in window.workspace.today_page.heading.text()
    status = window.workspace.appointments_page.status_filter
    assert [status.itemText(i) for i in range(2, status.count())] == [
        s.label_de for s in AppointmentStatus
    ]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def test_english_is_selectable(qapp: Any, make_window: Any, vault_dir: Path) -> None:
    session = create_vault(vault_dir, PASSPHRASE, kdf=FAST_KDF)
    install_translators(qapp, "en")
    window = make_window(vault_dir)
    window.open_session(session)
    assert window.workspace.nav.item(2).text() == "Clients"
    assert label_of(Approach.HOME_VISIT) == "Home visit"
    status = window.workspace.appointments_page.status_filter
    texts = [status.itemText(i) for i in range(status.count())]
    assert texts[2:5] == ["Planned", "In progress", "Done"]


def test_labels_show_in_the_chosen_language(qapp: Any) -> None:
    """One declaration, shown translated: English from outreach_en, German as the domain says."""
    assert install_translators(qapp, "en")
    assert label_of(SuccessRating.PARTLY) == "partly achieved"
    assert label_of(LetterState.OPEN) == "To be sent"
    combo = enum_combo(SuccessRating)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "achieved", "partly achieved", "not achieved", "still open",
    ]  # fmt: skip
    english = {member: label_of(member) for enum in LABELLED for member in enum}
    assert install_translators(qapp, "de")
    try:
        for enum in LABELLED:
            for member in enum:
                assert label_of(member) == member.label_de  # type: ignore[attr-defined]
        combo = enum_combo(LetterState)
        assert [combo.itemText(i) for i in range(combo.count())] == [
            s.label_de for s in LetterState
        ]
        assert combo.itemText(1) == "Zu versenden"
    finally:
        install_translators(qapp, "en")
    untranslated = [m for m, text in english.items() if text == m.label_de]  # type: ignore[attr-defined]
    assert {str(m) for m in untranslated} <= {"walk-and-talk"}  # the agency's English name
