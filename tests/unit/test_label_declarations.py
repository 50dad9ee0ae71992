"""One label per value: the domain declares each enumeration's labels (`label_de`, marked for
lupdate); the UI translates them where it shows them and never declares them a second time as a
table of translated texts keyed by the enumeration's members."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import outreach_desktop

PACKAGE_DIR = Path(outreach_desktop.__file__).parent
TRANSLATING = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}
MNEMONIC = re.compile(r"&[^&\s]")  # "&Begin": a keyboard accelerator, not "&&"


def domain_enums() -> set[str]:
    """Names of the enumeration classes the domain defines."""
    names = set()
    for path in (PACKAGE_DIR / "domain").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id.endswith("Enum") for base in node.bases
            ):
                names.add(node.name)
    return names


def _is_member(node: ast.expr | None, enums: set[str]) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in enums
    )


def _translated_text(node: ast.expr) -> str | None:
    """The literal text of a tr()/translate() call, else None."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name not in TRANSLATING:
        return None
    texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return texts[-1] if texts else ""


def _member_texts(node: ast.AST, enums: set[str]) -> list[str | None] | None:
    """For a dict literal or a literal sequence of pairs keyed by enum members: the translated
    text of each entry (None where an entry is not translated); None for anything else."""
    if isinstance(node, ast.Dict) and node.keys:
        if all(_is_member(key, enums) for key in node.keys):
            return [_translated_text(value) for value in node.values]
    elif isinstance(node, ast.Tuple | ast.List) and node.elts:
        pairs = [e for e in node.elts if isinstance(e, ast.Tuple) and len(e.elts) == 2]
        if len(pairs) == len(node.elts) and all(_is_member(p.elts[0], enums) for p in pairs):
            return [_translated_text(p.elts[1]) for p in pairs]
    return None


def second_declarations(source: str, enums: set[str]) -> list[int]:
    """Lines where `source` maps enum members to translated texts: a second declaration of
    their labels. Captions that all carry a keyboard accelerator (button texts such as
    "&Begin appointment") are widget captions, chosen per language, and are allowed."""
    found = []
    for node in ast.walk(ast.parse(source)):
        texts = _member_texts(node, enums)
        if not texts or not any(text is not None for text in texts):
            continue
        if all(text is not None and MNEMONIC.search(text) for text in texts):
            continue
        found.append(getattr(node, "lineno", 0))
    return found


def test_the_domain_declares_the_labelled_enums() -> None:
    assert {"Approach", "LetterState", "SuccessRating", "ConsentKind", "GivenHow"} <= domain_enums()


def test_no_ui_module_declares_labels_again() -> None:
    enums = domain_enums()
    problems = {
        str(path.relative_to(PACKAGE_DIR)): lines
        for path in sorted((PACKAGE_DIR / "ui").rglob("*.py"))
        if (lines := second_declarations(path.read_text("utf-8"), enums))
    }
    assert problems == {}, "show `label_of(value)` (ui/labels.py); declare labels in the domain"


# ---- the checker itself must see a violation ---------------------------------------------

ENUMS = {"LetterState", "Phase", "DocumentKind", "AppointmentStatus", "Transition", "ItemState"}


@pytest.mark.parametrize(
    "source",
    [
        # the per-enum functions this replaced
        'def f(s):\n    return {\n        LetterState.OPEN: translate("Labels", "due now"),\n'
        '        LetterState.SENT: translate("Labels", "sent"),\n    }[s]\n',
        'x = {LetterState.OPEN: QCoreApplication.translate("Labels", "due now")}',
        # a method's table of titles, also with a default
        'titles = {Phase.PREPARATION: self.tr("Preparation"), Phase.ON_SITE: self.tr("On site")}',
        't = {AppointmentStatus.CANCELLED: self.tr("Cancelled")}.get(o, self.tr("Outcome"))',
        # pairs instead of a dict
        'for kind, text in ((DocumentKind.REMINDER_LETTER, self.tr("Reminder…")),):\n    pass\n',
        # one accelerator does not make a table of plain labels captions
        'x = {Phase.ON_SITE: self.tr("On &site"), Phase.FOLLOW_UP: self.tr("Follow-up")}',
    ],
)
def test_checker_detects_a_second_declaration(source: str) -> None:
    assert second_declarations(source, ENUMS), source


@pytest.mark.parametrize(
    "source",
    [
        "text = label_of(state)",
        'MARK = {ItemState.DONE: "✓", ItemState.OPEN: "○"}',  # not translated
        'x = {"prepared": self.tr("prepared")}',  # not keyed by enum members
        'x = {Other.A: self.tr("A")}',  # not a domain enumeration
        # button captions with accelerators
        'texts = {Transition.START: self.tr("&Begin appointment"),\n'
        '         Transition.ENTER_HOME: self.tr("Go &into the home")}',
        'for o, t in ((AppointmentStatus.DONE, self.tr("&Done")),):\n    pass\n',
        "views = {phase: ChecklistView() for phase in Phase}",
    ],
)
def test_checker_accepts_clean_source(source: str) -> None:
    assert second_declarations(source, ENUMS) == [], source
