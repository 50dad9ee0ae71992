"""Translated display labels for the domain's enumerations."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication

from outreach_desktop.domain.checklists import Transition
from outreach_desktop.domain.people import Client
from outreach_desktop.domain.vocabulary import (
    AppointmentStatus,
    Approach,
    Department,
    Language,
    ThirdPartyKind,
)

translate = QCoreApplication.translate


def approach_label(value: Approach) -> str:
    return {
        Approach.WALK_AND_TALK: translate("Labels", "Walk and Talk"),
        Approach.ACCOMPANIMENT: translate("Labels", "Accompaniment to a third party"),
        Approach.HOME_VISIT: translate("Labels", "Home visit"),
    }[value]


def status_label(value: AppointmentStatus) -> str:
    return {
        AppointmentStatus.PLANNED: translate("Labels", "Planned"),
        AppointmentStatus.IN_PROGRESS: translate("Labels", "In progress"),
        AppointmentStatus.DONE: translate("Labels", "Done"),
        AppointmentStatus.ENDED_AT_DOOR: translate("Labels", "Ended at the door"),
        AppointmentStatus.BROKEN_OFF: translate("Labels", "Broken off"),
        AppointmentStatus.NOT_MET: translate("Labels", "Not met"),
        AppointmentStatus.POSTPONED: translate("Labels", "Postponed"),
        AppointmentStatus.CANCELLED: translate("Labels", "Cancelled"),
    }[value]


def department_label(value: Department) -> str:
    return {
        Department.MARKET_AND_INTEGRATION: translate("Labels", "Market and integration (M&I)"),
        Department.BENEFITS: translate("Labels", "Benefits"),
    }[value]


def third_party_kind_label(value: ThirdPartyKind) -> str:
    return {
        ThirdPartyKind.AUTHORITY: translate("Labels", "Authority"),
        ThirdPartyKind.SCHOOL: translate("Labels", "School"),
        ThirdPartyKind.TRAINING_PROVIDER: translate("Labels", "Training provider"),
        ThirdPartyKind.SOCIAL_SERVICE: translate("Labels", "Social service"),
        ThirdPartyKind.LAWYER: translate("Labels", "Lawyer"),
        ThirdPartyKind.MEDICAL_SPECIALIST: translate("Labels", "Medical specialist"),
        ThirdPartyKind.OTHER: translate("Labels", "Other"),
    }[value]


def language_label(value: Language) -> str:
    return {
        Language.GERMAN: translate("Labels", "German"),
        Language.ENGLISH: translate("Labels", "English"),
        Language.UKRAINIAN: translate("Labels", "Ukrainian"),
        Language.RUSSIAN: translate("Labels", "Russian"),
        Language.TURKISH: translate("Labels", "Turkish"),
        Language.ARABIC: translate("Labels", "Arabic"),
        Language.OTHER: translate("Labels", "Other"),
    }[value]


def transition_label(value: Transition) -> str:
    return {
        Transition.START: translate("Labels", "begin the appointment"),
        Transition.ENTER_HOME: translate("Labels", "go into the home"),
        Transition.OTHERS_PRESENT: translate("Labels", "continue with others present"),
        Transition.THIRD_PARTY_ALONE: translate("Labels", "talk to the third party alone"),
        Transition.CLOSE: translate("Labels", "close the follow-up"),
    }[value]


def client_choices(clients: list[Client]) -> list[tuple[str, str]]:
    """(label, id) for a client list; equal names are told apart by customer number or town."""
    counts = Counter(c.display_name.casefold() for c in clients)
    choices = []
    for c in clients:
        label = c.display_name
        if counts[c.display_name.casefold()] > 1:
            lines = [line.strip() for line in c.address.splitlines() if line.strip()]
            extra = c.customer_number or (lines[-1] if lines else c.id[:8])
            label = f"{label} ({extra})"
        choices.append((label, c.id))
    again = Counter(label.casefold() for label, _id in choices)
    return [
        (f"{label} · {client_id[:8]}" if again[label.casefold()] > 1 else label, client_id)
        for label, client_id in choices
    ]
