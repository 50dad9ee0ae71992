"""Fill unfinished translations of a .ts file from a JSON file {"Context": {"source": "text"}}.
Usage: python tools/ts_fill.py FILE.ts TRANSLATIONS.json — prints what is still unfinished."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts: Path, translations: dict[str, dict[str, str]]) -> list[str]:
    text = ts.read_text("utf-8")
    root = ET.fromstring(text)
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            target = message.find("translation")
            if target is None or target.get("type") != "unfinished":
                continue
            german = translations.get(name, {}).get(source)
            if german is None:
                missing.append(f"{name}: {source}")
                continue
            target.text = german
            del target.attrib["type"]
    body = ET.tostring(root, encoding="unicode").replace("'", "&apos;")  # as lupdate writes it
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    return missing


if __name__ == "__main__":
    left = fill(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text("utf-8")))
    for line in left:
        print(f"still to translate: {line}")
