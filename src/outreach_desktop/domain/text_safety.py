"""Characters that can hurt in stored text, and the one rule that keeps them out.

Decided once, for every record (issue 11, item 10):

- **Removed** from every stored text: control characters (Unicode category Cc: NUL, ESC, BEL,
  DEL, the C1 range, ...) and the explicit bidi formatting characters — embeddings and
  overrides U+202A–U+202E, isolates U+2066–U+2069. They are invisible, arrive by copy and
  paste, and a field error about a character nobody can see could not be acted on; removing
  them loses nothing a reader sees. A value made only of them is then empty, and a required
  field says "Bitte ausfüllen."
- **Single-line fields** (names, places, phone numbers, roles): a tab or line break becomes a
  space. **Long text** (addresses, notes, protocol texts) keeps its line breaks and tabs;
  "\\r\\n" and a lone "\\r" become "\\n".
- **Kept**: U+200E/U+200F (LEFT-TO-RIGHT/RIGHT-TO-LEFT MARK). Arabic and Persian keyboards
  type them; each acts like a single strong letter and cannot reorder text beyond its
  neighbours. Zero-width (non-)joiners are kept too: Arabic and Persian spelling needs them.
- Text stored before this rule is never rewritten behind the user's back: documents isolate
  every value (documents/bidi_text.isolate) and the CLI shows non-printable characters
  escaped (cli/common.printable), so old data still opens and displays.

Records apply the rule in `validate()` with one call, `clean_fields(self, <single-line
fields>)`; every other text field of the record (also inside lists and nested values) is
cleaned as long text.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_KEPT_IN_TEXT = frozenset("\n\t")
_LINE_BREAKS = frozenset("\n\t\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# what the rules below change (category Cc is U+0000–U+001F and U+007F–U+009F): a text with
# none of these is returned as it is, without looking at every character
_LINE_CHANGES = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_TEXT_CHANGES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def is_hurtful(char: str) -> bool:
    """A control character or an explicit bidi formatting character."""
    return char in BIDI_CONTROLS or unicodedata.category(char) == "Cc"


def clean_line(text: str) -> str:
    """A single-line value: line breaks and tabs become spaces, hurtful characters go."""
    if not _LINE_CHANGES.search(text):
        return text
    return "".join(
        " " if c in _LINE_BREAKS else c for c in text if c in _LINE_BREAKS or not is_hurtful(c)
    )


def clean_text(text: str) -> str:
    """Long text: line breaks ("\\n", from "\\r\\n" or "\\r" too) and tabs stay, other hurtful
    characters go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _TEXT_CHANGES.search(text):
        return text
    return "".join(c for c in text if c in _KEPT_IN_TEXT or not is_hurtful(c))


def _clean(value: Any, line: bool) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return clean_line(value) if line else clean_text(value)
    if isinstance(value, list):
        return [_clean(v, line) for v in value]
    if isinstance(value, tuple):
        return tuple(_clean(v, line) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = _changes(value, set(), line)
        return dataclasses.replace(value, **changes) if changes else value
    return value


def _changes(record: Any, single_line: set[str], line: bool) -> dict[str, Any]:
    changes = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        cleaned = _clean(value, line or f.name in single_line)
        if cleaned != value:
            changes[f.name] = cleaned
    return changes


def cleaned(value: T) -> T:
    """A copy of `value` (text, or a list, tuple or frozen dataclass holding text) with the
    rule applied to every text in it as long text."""
    result: T = _clean(value, False)
    return result


def clean_fields(record: Any, *single_line: str) -> None:
    """Apply the rule to every text of `record` (a mutable dataclass, e.g. a Record), in
    place: the fields named in `single_line` (and all text inside them) as single lines,
    every other text as long text."""
    for name, value in _changes(record, set(single_line), False).items():
        setattr(record, name, value)
