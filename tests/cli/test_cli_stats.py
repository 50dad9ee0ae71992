"""`outreach-desktop stats` and `stats report`: German, counts only, small counts hidden."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from testkit.cli import Run, VaultCli, assert_one_error_line, assert_usage_error


def demo_vault(run: Run, tmp_path: Path, passphrase_file: Path, owner: str = "") -> VaultCli:
    cli = VaultCli(run, tmp_path / "v", passphrase_file)
    if owner:
        cli("vault", "create", "--owner", owner).ok()
    cli("demo", "--clients", "12", "--seed", "4").ok()
    return cli


def test_stats_as_table_json_and_csv(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    cli = demo_vault(run, tmp_path, passphrase_file)
    out = cli("stats", "--by", "approach", "--from", "01.01.2000", "--to", "31.12.2200").ok().out
    lines = out.splitlines()
    assert lines[0].startswith("Auswertung 01.01.2000 – 31.12.2200 · Eigene Termine")
    assert lines[1].split("  ")[0] == "Kennzahl"
    assert "Walk and Talk" in lines[1] and "Hausbesuch" in lines[1] and "Gesamt" in lines[1]
    data = cli("stats", "--year", "2026", "--by", "month", "--json").json()
    assert data["columns"][:2] == ["01/2026", "02/2026"] and data["columns"][-1] == "Gesamt"
    assert data["by"] == "month" and data["role"] == "field" and data["threshold"] == 3
    assert data["period"] == {"from": "2026-01-01", "to": "2026-12-31"}
    codes = {row["code"] for row in data["rows"]}
    assert {"appointments", "follow_up_rate", "anonymous_counselling", "real_hours"} <= codes
    text = cli("stats", "--csv", "--from", "2000-01-01", "--to", "2200-12-31").ok().out
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Kennzahl", "Gesamt"]
    values = [row[1] for row in rows[1:]]
    assert "1" not in values and "2" not in values and int(rows[1][1]) > 2


def test_csv_cells_that_look_like_formulas_stay_text(
    run: Run, tmp_path: Path, passphrase_file: Path
) -> None:
    cli = demo_vault(run, tmp_path, passphrase_file, owner="=HYPERLINK(1)")
    text = cli("stats", "--csv", "--by", "staff", "--year", "2026").ok().out
    header = next(csv.reader(io.StringIO(text), delimiter=";"))
    assert "'=HYPERLINK(1)" in header and "=HYPERLINK(1)" not in header


def test_stats_report_writes_a_pdf(run: Run, tmp_path: Path, passphrase_file: Path) -> None:
    cli = demo_vault(run, tmp_path, passphrase_file)
    target = tmp_path / "bericht"
    result = cli("stats", "report", "--out", target, "--quarter", "1.2026").ok()
    assert result.out.startswith(f"Gespeichert: {target}.pdf (Auswertung 1. Quartal 2026)")
    assert (tmp_path / "bericht.pdf").read_bytes().startswith(b"%PDF")
    again = cli("stats", "report", "--out", target, "--quarter", "1.2026")
    assert_one_error_line(again)  # an existing file only with --force
    cli("stats", "report", "--out", target, "--month", "03.2026", "--by", "staff", "--force").ok()


def test_stats_refuses_wrong_input_in_german(
    run: Run, tmp_path: Path, passphrase_file: Path
) -> None:
    cli = demo_vault(run, tmp_path, passphrase_file)
    for argv, start in (
        (("--from", "05.05.2026", "--to", "01.01.2026"), "Fehler: Der Zeitraum endet"),
        (("--month", "13.2026"), "Fehler: Einen Monat von 1 bis 12"),
        (("--month", "März"), "Fehler: „März“ ist kein Monat"),
        (("--year", "2026", "--month", "03.2026"), "Fehler: Bitte nur eine Angabe"),
        (("--json", "--csv"), "Fehler: Bitte --json oder --csv"),
        (("report",), "Fehler: Für „stats report“ bitte mit --out"),
        (("report", "--out", tmp_path / "x", "--csv"), "Fehler: „stats report“ schreibt"),
        (("--out", tmp_path / "x"), "Fehler: --out gibt es nur"),
    ):
        result = cli("stats", *argv)
        assert_one_error_line(result)
        assert result.err.startswith(start), result.err
    assert not (tmp_path / "x.pdf").exists()
    assert_usage_error(cli("stats", "--by", "client"), "--by")
    assert_usage_error(cli("stats", "--from", "31.02.2026"), "--from")
