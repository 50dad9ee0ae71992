"""`outreach-desktop import FILE...`: what a vault takes depends on its role. A laptop (field
vault) takes the office's receipts; the office takes the laptops' exports (its branch belongs to
the office's import)."""

from __future__ import annotations

import argparse

from outreach_desktop.cli import receipt_commands
from outreach_desktop.cli.common import unlocked
from outreach_desktop.domain.errors import DomainError


def run(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        if session.identity.role() == "field":
            return receipt_commands.import_on_field(session, args.files)
        raise DomainError("Der Bürotresor nimmt hier noch keine Exporte an.")
