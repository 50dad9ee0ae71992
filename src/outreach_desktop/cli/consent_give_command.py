"""`outreach-desktop consents give`: record a prepared consent as given, as the GUI's
"Auf Papier unterschrieben" and "Mündlich erteilt" do (`ConsentService.sign`). Signing on the
screen needs the signature pad and stays in the GUI. The rules are the consent's own: a home-visit
consent only in writing, an oral one with who documented it, never a second time."""

from __future__ import annotations

import argparse
from datetime import datetime

from outreach_desktop.cli.common import german_moment, unlocked
from outreach_desktop.domain.consents import GivenHow
from outreach_desktop.domain.errors import FieldError, ValidationError

HOW = {GivenHow.PAPER.value: GivenHow.PAPER, GivenHow.ORAL.value: GivenHow.ORAL}
HOW_HELP = "; ".join(f"{value} = {how.label_de}" for value, how in HOW.items())


def give(args: argparse.Namespace) -> int:
    how = HOW[args.how]
    at: datetime = (args.at or datetime.now()).replace(second=0, microsecond=0)
    with unlocked(args) as session:
        documented_by = None
        if how is GivenHow.ORAL:
            owner = session.owner()
            documented_by = args.documented_by or (owner.id if owner else None)
            if documented_by and session.staff.find(documented_by) is None:
                raise ValidationError([FieldError(
                    "oral_documented_by", "Dokumentiert von",
                    f"Die ID „{documented_by}“ gibt es nicht.",
                )])  # fmt: skip
        consent = session.consents.sign(
            args.id, how, at, documented_by=documented_by, witness=args.witness
        )
    print(f"{consent.kind.label_de}: {how.label_de} am {german_moment(at)}")
    return 0
