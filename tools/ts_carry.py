"""Keep translations when code moves: after `lupdate` (run without -no-obsolete), an unfinished
message takes the translation of a vanished or obsolete message with the same source text
(the same string moved to another class, i.e. another context); then what is vanished or
obsolete is dropped. Usage: python tools/ts_carry.py FILE.ts

Prints what it carried over, and what is still unfinished (to be translated by hand)."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GONE = ("vanished", "obsolete")


def carry(path: Path) -> tuple[list[str], list[str]]:
    tree = ET.parse(path)
    root = tree.getroot()
    known: dict[str, ET.Element] = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is not None and (translation.text or "").strip():
            if translation.get("type") != "unfinished":
                known.setdefault(message.findtext("source", ""), translation)
    carried, missing = [], []
    for context in root.iter("context"):
        for message in list(context.iter("message")):
            translation = message.find("translation")
            source = message.findtext("source", "")
            if translation is None:
                continue
            if translation.get("type") in GONE:
                context.remove(message)
            elif translation.get("type") == "unfinished":
                if source in known:
                    translation.text = known[source].text
                    translation.attrib.pop("type")
                    carried.append(f"{context.findtext('name')}: {source}")
                else:
                    missing.append(f"{context.findtext('name')}: {source}")
    for context in list(root.iter("context")):
        if context.find("message") is None:
            root.remove(context)
    ET.indent(tree, "    ")
    text = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8"
    )
    return carried, missing


if __name__ == "__main__":
    for name in sys.argv[1:]:
        carried, missing = carry(Path(name))
        for line in carried:
            print(f"{name}: carried over: {line}")
        for line in missing:
            print(f"{name}: still to translate: {line}")
