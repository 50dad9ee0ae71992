"""`outreach-desktop consents give`: record a prepared consent as given, as the GUI's
"Auf Papier unterschrieben" and "Mündlich erteilt" do (`ConsentService.sign`). Signing on the
screen needs the signature pad and stays in the GUI. The rules are the consent's own: a home-visit
consent only in writing, an oral one with who documented it, never a second time.

With `--third-party` instead of `--id` it records a release from confidentiality
(Schweigepflichtentbindung) naming that third party as given, for the client of `--appointment`
(any approach, also after the appointment) or `--client`: prepared and given in one step."""

from __future__ import annotations

import argparse
from datetime import datetime

from outreach_desktop.cli.common import german_moment, unlocked
from outreach_desktop.domain.consents import Consent, ConsentKind, GivenHow
from outreach_desktop.domain.errors import FieldError, UserError, ValidationError
from outreach_desktop.services.session import Session

HOW = {GivenHow.PAPER.value: GivenHow.PAPER, GivenHow.ORAL.value: GivenHow.ORAL}
HOW_HELP = "; ".join(f"{value} = {how.label_de}" for value, how in HOW.items())


def give(args: argparse.Namespace) -> int:
    how = HOW[args.how]
    at: datetime = (args.at or datetime.now()).replace(second=0, microsecond=0)
    if (args.id is None) == (args.third_party is None):
        raise UserError("Bitte entweder --id (eine vorbereitete Einwilligung) oder --third-party "
                        "(eine neue Schweigepflichtentbindung) angeben.")  # fmt: skip
    with unlocked(args) as session, session.transaction():  # a new release: all or nothing
        consent = _give(session, args, how, at)
    if args.id is None:
        print(consent.id)
    print(f"{consent.kind.label_de}: {how.label_de} am {german_moment(at)}")
    return 0


def _give(session: Session, args: argparse.Namespace, how: GivenHow, at: datetime) -> Consent:
    consent_id = args.id if args.id is not None else _new_release(session, args, at)
    documented_by = None
    if how is GivenHow.ORAL:
        owner = session.owner()
        documented_by = args.documented_by or (owner.id if owner else None)
        if documented_by and session.staff.find(documented_by) is None:
            raise ValidationError([FieldError(
                "oral_documented_by", "Dokumentiert von",
                f"Die ID „{documented_by}“ gibt es nicht.",
            )])  # fmt: skip
    return session.consents.sign(
        consent_id, how, at, documented_by=documented_by, witness=args.witness
    )


def _new_release(session: Session, args: argparse.Namespace, at: datetime) -> str:
    """A release naming `--third-party`, prepared for the appointment's client or the client
    (nothing is stored when signing it fails: one transaction)."""
    if session.third_parties.find(args.third_party) is None:
        raise ValidationError([FieldError(
            "third_party_id", "Dritte Stelle", f"Die ID „{args.third_party}“ gibt es nicht.",
        )])  # fmt: skip
    if (args.appointment is None) == (args.client is None):
        raise UserError("Bitte zur neuen Schweigepflichtentbindung entweder --appointment oder "
                        "--client angeben.")  # fmt: skip
    consent = session.consents.prepare(
        ConsentKind.CONFIDENTIALITY_RELEASE, at, appointment_id=args.appointment,
        client_id=args.client, third_party_id=args.third_party, purpose=args.purpose,
        topics=args.topics, valid_until=args.valid_until,
    )  # fmt: skip
    return consent.id
