"""No subcommand: start the GUI (Qt is imported only here)."""

from __future__ import annotations

import argparse

from outreach_desktop.cli.secrets import SecretSource


def run(args: argparse.Namespace) -> int:
    passphrase = None
    if args.passphrase_file:
        passphrase = SecretSource().read(args.passphrase_file, "")
    from outreach_desktop.ui.app import run_gui

    return run_gui(vault=args.vault, passphrase=passphrase, exit_when_ready=args.exit_when_ready)
