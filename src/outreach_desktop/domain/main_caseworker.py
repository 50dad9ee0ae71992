"""Contact with a client's main caseworker (Hauptbetreuende/r), instruction §6: for a client in
another caseworker's caseload, collegial exchange with the main caseworker is possible without
the client's consent; information passed on to arrange an individual appointment needs the
client's wish or agreement (the handover consent). The handover form says exactly this."""

from __future__ import annotations

from enum import StrEnum


class MainCaseworkerContact(StrEnum):
    COLLEGIAL_EXCHANGE = "collegial_exchange"  # §6 sentence 1: possible, no consent needed
    INFORMATION = "information"  # §6 sentence 2: on the client's wish or agreement


def main_caseworker_problem(contact: MainCaseworkerContact, client_agrees: bool) -> str | None:
    """Why this contact is not allowed now (German), or None when it is."""
    if contact is MainCaseworkerContact.INFORMATION and not client_agrees:
        return "Nur auf Wunsch oder mit Einverständnis der Kundin oder des Kunden."
    return None
