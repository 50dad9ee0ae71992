"""Every command's --help lists exactly its options, with the shared ones' German help."""

from __future__ import annotations

import re

import pytest
from tests.cli.conftest import Run

SESSION = ["--vault", "--passphrase-file"]
WRITING = ["--text", "--duration", "--success", "--to-verbis", "--benefit-relevant",
           "--inform-network", "--to-main-caseworker"]  # fmt: skip
OPTIONS = {
    "vault create": [*SESSION, "--recovery-recipient", "--owner"],
    "vault info": [*SESSION, "--json"],
    "vault check": SESSION,
    "vault passwd": [*SESSION, "--new-passphrase-file"],
    "vault recover": ["--vault", "--identity", "--new-passphrase-file"],
    "clients add": [*SESSION, "--name", "--phone", "--address", "--customer-number"],
    "clients list": [*SESSION, "--search", "--json"],
    "third-parties list": [*SESSION, "--search", "--json"],
    "third-parties add": [*SESSION, "--name", "--kind", "--address", "--contact"],
    "appointments list": [*SESSION, "--from", "--to", "--json"],
    "appointments add": [
        *SESSION, "--approach", "--client", "--anonymous", "--start", "--place", "--third-party",
        "--duration", "--buffer", "--staff", "--first-meeting", "--spontaneous",
    ],
    "appointments begin": [*SESSION, "--appointment"],
    "appointments step": [*SESSION, "--appointment", "SCHRITT"],
    "appointments finish": [*SESSION, "--appointment", "--outcome", "--by", "--reason"],
    "appointments map": [*SESSION, "--appointment", "--by"],
    "appointments close": [*SESSION, "--appointment"],
    "checklist show": [*SESSION, "--appointment", "--json"],
    "checklist answer": [*SESSION, "--appointment", "--item", "--value", "--clear"],
    "calls add": [*SESSION, "--appointment", "--outcome", "--at", "--note", "--agreed"],
    "calls list": [*SESSION, "--appointment", "--json"],
    "letters due": [*SESSION, "--date", "--json"],
    "letters sent": [*SESSION, "--appointment", "BRIEF", "--on"],
    "consents list": [*SESSION, "--appointment", "--json"],
    "consents give": [*SESSION, "--id", "--how", "--at", "--documented-by", "--witness",
                      "--third-party", "--appointment", "--client", "--purpose", "--topics",
                      "--valid-until"],
    "talks add": [*SESSION, "--release", "--third-party", "--appointment", "--at", "--note"],
    "talks list": [*SESSION, "--client", "--appointment", "--json"],
    "print": ["KIND", *SESSION, "--appointment", "--lang", "--review", "--out", "--force"],
    "protocols list": [*SESSION, "--json"],
    "protocols show": [*SESSION, "--id", "--json"],
    "protocols pdf": [*SESSION, "--id", "--out", "--force"],
    "protocols new": [*SESSION, "--appointment", *WRITING],
    "protocols write": [*SESSION, "--id", *WRITING],
    "protocols finalize": [*SESSION, "--id"],
    "search": [*SESSION, "QUERY", "--json"],
    "demo": [*SESSION, "--clients", "--seed", "--size"],
    "dayplan": [*SESSION, "--date", "--with-names", "--out", "--force"],
    "stats": [*SESSION, "WAS", "--from", "--to", "--month", "--quarter", "--year", "--by", "--csv",
              "--out", "--force", "--json"],
    "office init": [*SESSION, "--setup-out", "--force", "--agency-name", "--retention-days"],
    "office export-identity": [*SESSION, "--out", "--force"],
    "agency join": [*SESSION, "FILE"],
    "export": [*SESSION, "--out", "--since"],
    "import": [*SESSION, "--by", "--trust-new-device", "FILE"],
    "inbox list": [*SESSION, "--all", "--json"],
    "inbox mark": [
        *SESSION, "--by", "--record", "--kind", "--verbis", "--eakte", "--benefits", "--reject",
    ],
    "inbox conflicts": [*SESSION, "--all", "--json"],
    "inbox resolve": [*SESSION, "--by", "--conflict", "--keep", "--replace"],
    "receipt": [*SESSION, "--device", "--out"],
    "purge": SESSION,
    "sync log": [*SESSION, "--json"],
    "site check": ["--dir", "--json"],
}  # fmt: skip


def test_every_command_is_listed(run: Run) -> None:
    result = run("--help")
    assert result.code == 0
    commands = {name.split()[0] for name in OPTIONS}
    listed = set(re.findall(r"^    ([a-z][a-z-]*)\s", result.out, re.MULTILINE))
    assert listed == commands
    groups = ("vault", "clients", "third-parties", "appointments", "checklist", "calls",
              "letters", "consents", "talks", "protocols", "office", "inbox", "sync",
              "site")  # fmt: skip
    for group in (*groups, "agency"):
        out = run(group, "--help").out
        actions = {name.split()[1] for name in OPTIONS if name.startswith(group + " ")}
        assert set(re.findall(r"^    ([a-z][a-z-]*)\s", out, re.MULTILINE)) == actions


@pytest.mark.parametrize("command", list(OPTIONS))
def test_help_lists_the_options(run: Run, command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith(f"Aufruf: outreach-desktop {command} [-h]")
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", out))
    assert options == {"--help", *(o for o in OPTIONS[command] if o.startswith("--"))}
    for positional in (o for o in OPTIONS[command] if not o.startswith("--")):
        assert re.search(rf"^  {positional}\s", out, re.MULTILINE)
    if "--vault" in OPTIONS[command]:  # every command but `site check` opens a vault
        assert "--vault DIR" in out and "Tresor-Ordner" in out
    if "--passphrase-file" in OPTIONS[command]:
        assert "Passphrase aus der ersten Zeile dieser Datei lesen" in out
    if "--json" in OPTIONS[command]:
        assert out.rstrip().endswith("--json")  # the shared --json comes last
