"""The demo package itself: its data files, the signature image, one transaction, and modules
and functions of a readable size."""

from __future__ import annotations

import ast
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest

import outreach_desktop.demo
from outreach_desktop.demo import DEMO_KEY, fill_demo, filler
from outreach_desktop.demo.data import PROTOCOL_FIELDS, names, texts
from outreach_desktop.demo.run import DemoRun
from outreach_desktop.demo.signature import demo_signature_png
from outreach_desktop.demo.timeline import FAILED_CALLS
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import Approach, Language
from outreach_desktop.services.session import Session

PACKAGE_DIR = Path(outreach_desktop.demo.__file__).parent
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 400, 60


def test_names_and_places_are_there() -> None:
    data = names()
    assert len(data.first_names) > 20 and len(data.last_names) > 20
    assert data.towns and data.streets and len(data.meeting_points) >= 2
    assert data.languages.count(Language.GERMAN) > len(data.languages) / 2
    assert set(data.languages) > {Language.GERMAN}
    assert sum(c.team_leader for c in data.colleagues) == 1
    assert sum(not c.team_leader for c in data.colleagues) >= 3  # second staff, caseworkers
    assert len({p.kind for p in data.third_parties}) == len(data.third_parties)


def test_texts_cover_every_approach_and_call() -> None:
    stories = texts()
    for approach in Approach:
        fields = stories.protocols[approach]
        assert all(fields[f].strip() for f in PROTOCOL_FIELDS), approach
        assert "{first}" in fields["course"]
    assert set(FAILED_CALLS) <= set(stories.call_notes)
    assert stories.answer("no.such.item") == stories.answers["default"] != ""
    assert {"sister", "neighbour"} <= set(stories.present)


def png_chunks(png: bytes) -> dict[bytes, bytes]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = {}, 8
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        tag, data = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", png[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(tag + data) & 0xFFFFFFFF, tag
        chunks[tag] = data
        pos += 12 + length
    return chunks


def test_signature_is_a_valid_greyscale_png_with_ink() -> None:
    png = demo_signature_png(120, 40)
    assert png == demo_signature_png(120, 40)
    chunks = png_chunks(png)
    assert list(chunks) == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (width, height, depth, colour) == (120, 40, 8, 0)
    raw = zlib.decompress(chunks[b"IDAT"])
    rows = [raw[i : i + width + 1] for i in range(0, len(raw), width + 1)]
    assert len(rows) == height and all(r[0] == 0 for r in rows)  # filter "none"
    pixels = b"".join(r[1:] for r in rows)
    assert 0 < pixels.count(0) < len(pixels) // 4 and set(pixels) == {0, 255}


def test_a_failing_run_leaves_nothing(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo is one change: people, appointments and the run counter all or nothing."""

    def broken(run: DemoRun, clients: list[Client]) -> None:
        raise RuntimeError("story interrupted")

    monkeypatch.setattr(filler, "tell_stories", broken)
    staff = session.staff.count()
    with pytest.raises(RuntimeError):
        fill_demo(session, clients=5, seed=1, today=date(2025, 3, 12))
    assert session.clients.count() == 0 and session.appointments.count() == 0
    assert session.staff.count() == staff and session.meta(DEMO_KEY) is None
    assert session.check() == []


def sizes(path: Path) -> tuple[int, list[tuple[str, int]]]:
    source = path.read_text("utf-8")
    functions = [
        (node.name, (node.end_lineno or node.lineno) - node.lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    return len(source.splitlines()), functions


@pytest.mark.parametrize("path", sorted(PACKAGE_DIR.glob("*.py")), ids=lambda p: p.name)
def test_modules_and_functions_stay_small(path: Path) -> None:
    lines, functions = sizes(path)
    assert lines <= MAX_MODULE_LINES
    assert [f for f in functions if f[1] > MAX_FUNCTION_LINES] == []
