"""Every text argparse shows is German: each command's --help and the errors of wrong usage
(missing subcommand or option, unknown option, a bad value) carry no English argparse phrase."""

from __future__ import annotations

import argparse
import re

import pytest

from outreach_desktop.cli.german_argparse import german
from outreach_desktop.cli.parser import build_parser
from testkit.cli import Run

# argparse's own English (3.11 to 3.13), as a user would see it
ENGLISH = re.compile(
    r"usage:|options:|positional arguments|optional arguments|show this help|show program's"
    r"|error:|the following arguments|are required|is required|invalid choice|choose from"
    r"|expected (one|at least|at most|\d)|not allowed with|unrecognized|ambiguous option"
    r"|ignored explicit|invalid \w+ value|\bargument\b"
)


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every command below `parser` by its words ("vault create", "search", …), groups too."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found[name] = child
                for words, grandchild in subcommands(child).items():
                    found[f"{name} {words}"] = grandchild
    return found


COMMANDS = sorted(subcommands(build_parser()))


def test_the_walk_finds_every_command() -> None:
    assert {"vault create", "appointments finish", "protocols finalize", "search"} <= set(COMMANDS)
    assert len(COMMANDS) > 45


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_german(run: Run, command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.code == 0
    assert result.out.startswith("Aufruf: outreach-desktop")
    assert "diese Hilfe zeigen und beenden" in result.out
    assert not ENGLISH.search(result.out), ENGLISH.search(result.out)


@pytest.mark.parametrize("command", COMMANDS)
def test_usage_errors_are_german(run: Run, command: str) -> None:
    for argv in (
        command.split(),  # a subcommand or a required option missing (or a GUI-less run)
        [*command.split(), "--gibt-es-nicht"],
        [*command.split(), "--vault"],  # an option without its value
    ):
        result = run(*argv)
        if result.code == 0:
            continue
        assert result.code in (1, 2), result.err
        if result.code == 2:
            assert result.err.startswith("Aufruf: outreach-desktop"), result.err
            assert "Aufruf fehlerhaft: " in result.err
        assert not ENGLISH.search(result.err), result.err


@pytest.mark.parametrize(
    ("argv", "german_text"),
    [
        (["appointments", "finish", "--vault", "v", "--appointment", "a", "--outcome", "gut"],
         "--outcome: 'gut' ist nicht möglich (möglich: 'done', "),
        (["demo", "--vault", "v", "--clients", "viele"], "--clients: 'viele' ist keine ganze Zahl"),
        (["appointments", "add", "--vault", "v", "--approach", "home-visit", "--start",
          "2026-11-25T10:00"], "Eine dieser Angaben ist nötig: --client --anonymous"),
        (["appointments", "add", "--vault", "v", "--approach", "home-visit", "--start",
          "2026-11-25T10:00", "--client", "c", "--anonymous"],
         "--anonymous und --client schließen sich aus"),
        (["calls", "add", "--vault", "v", "--appointment", "a"],
         "Folgende Angaben fehlen: --outcome"),
        (["search", "--vault", "v"], "Folgende Angaben fehlen: QUERY"),
        (["protocols"], "Unterbefehl fehlt (siehe --help)"),
        (["vault", "check", "--vault", "v", "--json=1"], "unbekannte Argumente"),
    ],
)  # fmt: skip
def test_the_messages_themselves(run: Run, argv: list[str], german_text: str) -> None:
    result = run(*argv)
    assert result.code == 2
    assert german_text in result.err, result.err


def test_an_unknown_message_stays_as_it_was() -> None:
    assert german("etwas ganz anderes") == "etwas ganz anderes"
