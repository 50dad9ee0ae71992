"""Instruction §6: collegial exchange with the main caseworker needs no consent; the information
that arranges an appointment needs the client's wish or agreement."""

from __future__ import annotations

from outreach_desktop.domain.main_caseworker import MainCaseworkerContact as C
from outreach_desktop.domain.main_caseworker import main_caseworker_problem


def test_collegial_exchange_needs_no_consent() -> None:
    assert main_caseworker_problem(C.COLLEGIAL_EXCHANGE, client_agrees=False) is None


def test_information_needs_the_clients_wish_or_agreement() -> None:
    assert main_caseworker_problem(C.INFORMATION, client_agrees=True) is None
    problem = main_caseworker_problem(C.INFORMATION, client_agrees=False)
    assert problem is not None and "Wunsch oder mit Einverständnis" in problem
