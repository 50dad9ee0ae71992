"""`outreach-desktop import FILE...`: what a vault takes depends on its role. A laptop (field
vault) takes the office's receipts; the office takes the laptops' exports (its branch belongs to
office_import_commands)."""

from __future__ import annotations

import argparse

from outreach_desktop.cli import office_import_commands, receipt_commands
from outreach_desktop.cli.common import unlocked
from outreach_desktop.domain.errors import DomainError


def run(args: argparse.Namespace) -> int:
    with unlocked(args) as session:
        if session.identity.role() == "field":
            if args.trust:
                raise DomainError("Ein Laptop nimmt nur Quittungen seiner Dienststelle an.")
            return receipt_commands.import_on_field(session, args.files)
        return office_import_commands.import_on_office(session, args)
