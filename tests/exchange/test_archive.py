"""The tar inside a bundle: deterministic ustar out, only the format's shape in, never a file
on disk (docs/exchange-format.md, "Inside: a tar archive")."""

from __future__ import annotations

import io
import tarfile

import pytest

from outreach_desktop.exchange.archive import read_tar, valid_member_name, write_tar
from outreach_desktop.exchange.errors import BundleRefused
from testkit.tars import raw_tar

LIMIT = 1024 * 1024
ENTRIES = [("manifest.json", b"{}"), ("records/protocols.json", b"[]" * 300), ("forms/a.pdf", b"")]


def read(data: bytes, limit: int = LIMIT) -> list[tuple[str, bytes]]:
    return [(m.name, m.data) for m in read_tar(data, max_member=limit, max_total=limit)]


def refusal(data: bytes, limit: int = LIMIT) -> str:
    with pytest.raises(BundleRefused) as caught:
        read(data, limit)
    return str(caught.value)


def test_round_trip_keeps_order_and_bytes() -> None:
    assert read(write_tar(ENTRIES)) == ENTRIES
    assert read(write_tar([])) == []


def test_written_archive_is_deterministic_plain_ustar() -> None:
    data = write_tar(ENTRIES)
    assert data == write_tar(list(ENTRIES))
    assert len(data) % 512 == 0
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        infos = tar.getmembers()
        assert [i.name for i in infos] == [n for n, _ in ENTRIES]
        assert all(i.isreg() and i.mode == 0o600 and i.mtime == 0 for i in infos)
        assert all(i.uid == 0 and i.gid == 0 and i.uname == "" for i in infos)
        assert all(i.pax_headers == {} for i in infos)
        assert tar.extractfile(infos[1]).read() == ENTRIES[1][1]  # type: ignore[union-attr]


def test_reads_what_a_standard_tar_writes() -> None:
    assert read(raw_tar(ENTRIES)) == ENTRIES  # padded to a 10 KiB record, as tar tools do


@pytest.mark.parametrize(
    "name",
    ["manifest.json", "records/third_parties.json", "forms/5d1c7c0e-8f8a.pdf", "a", "x" * 100],
)
def test_allowed_names(name: str) -> None:
    assert valid_member_name(name)


@pytest.mark.parametrize(
    "name",
    ["", "../x", "records/../../etc/passwd", "/etc/passwd", "records/", "records//a", "./a",
     "a/./b", "a..b", "Records/a.json", "records/a b.json", "records\\a", "ä.json", "x" * 101,
     "a\x00b", "a\nb"],
)  # fmt: skip
def test_refused_names(name: str) -> None:
    assert not valid_member_name(name)
    with pytest.raises(ValueError):
        write_tar([(name, b"x")])


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "a/../../b", "Records/x", "a b"])
def test_reader_refuses_bad_names(name: str) -> None:
    assert "Dateinamen" in refusal(raw_tar([("manifest.json", b"{}"), (name, b"x")]))


def _link(kind: bytes) -> object:
    def add(tar: tarfile.TarFile) -> None:
        info = tarfile.TarInfo("records/link.json")
        info.type, info.linkname = kind, "/etc/passwd"
        tar.addfile(info)

    return add


@pytest.mark.parametrize(
    "kind", [tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.DIRTYPE, tarfile.FIFOTYPE, tarfile.CHRTYPE]
)
def test_reader_refuses_anything_but_regular_files(kind: bytes) -> None:
    data = raw_tar([("manifest.json", b"{}")], _link(kind))  # type: ignore[arg-type]
    assert "unzulässigen Eintrag" in refusal(data)


def test_reader_refuses_a_repeated_name() -> None:
    data = raw_tar([("records/a.json", b"1"), ("records/a.json", b"2")])
    assert "doppelt" in refusal(data)


def test_reader_refuses_long_names_through_prefix_gnu_and_pax() -> None:
    long_name = "records/" + "a" * 100 + ".json"
    ustar = io.BytesIO()
    with tarfile.open(fileobj=ustar, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        info = tarfile.TarInfo("records/" + "d" * 60 + "/" + "a" * 60)  # goes to prefix
        tar.addfile(info, io.BytesIO(b""))
    assert "Dateinamen" in refusal(ustar.getvalue())
    for fmt in (tarfile.GNU_FORMAT, tarfile.PAX_FORMAT):
        out = io.BytesIO()
        with tarfile.open(fileobj=out, mode="w", format=fmt) as tar:
            tar.addfile(tarfile.TarInfo(long_name), io.BytesIO(b""))
        refusal(out.getvalue())


def test_reader_refuses_pax_headers_even_for_short_names() -> None:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("records/a.json")
        info.pax_headers = {"path": "../../etc/passwd"}
        tar.addfile(info, io.BytesIO(b""))
    assert "unzulässigen Eintrag" in refusal(out.getvalue())


def test_size_limits_per_member_and_in_total() -> None:
    data = write_tar([("a", b"x" * 600), ("b", b"y" * 600)])
    assert read(data, limit=1200) == [("a", b"x" * 600), ("b", b"y" * 600)]
    with pytest.raises(BundleRefused, match="größer als erlaubt"):
        read_tar(data, max_member=599, max_total=10_000)
    with pytest.raises(BundleRefused, match="größer als erlaubt"):
        read_tar(data, max_member=10_000, max_total=1199)


def test_a_huge_declared_size_is_refused_before_reading() -> None:
    header = bytearray(write_tar([("a", b"")])[:512])
    header[124:136] = b"77777777777\x00"
    header[148:156] = b" " * 8
    header[148:156] = b"%06o\x00 " % sum(header)
    assert "größer als erlaubt" in refusal(bytes(header) + bytes(1024))


@pytest.mark.parametrize(
    ("what", "change"),
    [
        ("truncated in the data", lambda d: d[:600]),
        ("truncated in a header", lambda d: d[:100]),
        ("no end blocks", lambda d: d[:-1024]),
        ("one end block", lambda d: d[:-512]),
        ("junk after the end", lambda d: d + b"x" + bytes(511)),
        ("empty", lambda d: b""),
        ("checksum", lambda d: d[:148] + b"0000000\x00" + d[156:]),
        ("magic", lambda d: d[:257] + b"ustar  \x00" + d[265:]),
        ("size not octal", lambda d: d[:124] + b"0000000009\x00\x00" + d[136:]),
        ("size base-256", lambda d: d[:124] + b"\x80" + bytes(11) + d[136:]),
    ],
)
def test_damaged_archives_are_refused(what: str, change: object) -> None:
    data = write_tar([("records/a.json", b"[1, 2, 3]")])
    assert refusal(change(data)) == "Die Datei ist beschädigt oder unvollständig."  # type: ignore[operator]
