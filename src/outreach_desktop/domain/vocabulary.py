"""Enumerations of the domain, with the German labels the agency uses."""

from __future__ import annotations

from enum import StrEnum

from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP


class Approach(StrEnum):
    WALK_AND_TALK = "walk-and-talk"
    ACCOMPANIMENT = "accompaniment"
    HOME_VISIT = "home-visit"

    @property
    def label_de(self) -> str:
        return {
            Approach.WALK_AND_TALK: QT_TRANSLATE_NOOP("Labels", "Walk and Talk"),
            Approach.ACCOMPANIMENT: QT_TRANSLATE_NOOP("Labels", "Begleitung zu Dritten"),
            Approach.HOME_VISIT: QT_TRANSLATE_NOOP("Labels", "Hausbesuch"),
        }[self]


class AppointmentStatus(StrEnum):
    """Where an appointment stands; everything after IN_PROGRESS is an outcome."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    HELD_NEARBY = "held-nearby"  # home visit held in the surroundings (garden, stairwell)
    ENDED_AT_DOOR = "ended-at-door"
    BROKEN_OFF = "broken-off"
    NOT_MET = "not-met"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"

    @property
    def is_outcome(self) -> bool:
        return self not in (AppointmentStatus.PLANNED, AppointmentStatus.IN_PROGRESS)

    @property
    def label_de(self) -> str:
        return {
            AppointmentStatus.PLANNED: QT_TRANSLATE_NOOP("Labels", "Geplant"),
            AppointmentStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "Läuft"),
            AppointmentStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Durchgeführt"),
            AppointmentStatus.HELD_NEARBY: QT_TRANSLATE_NOOP("Labels", "Im Umfeld durchgeführt"),
            AppointmentStatus.ENDED_AT_DOOR: QT_TRANSLATE_NOOP("Labels", "An der Tür beendet"),
            AppointmentStatus.BROKEN_OFF: QT_TRANSLATE_NOOP("Labels", "Abgebrochen"),
            AppointmentStatus.NOT_MET: QT_TRANSLATE_NOOP("Labels", "Nicht angetroffen"),
            AppointmentStatus.POSTPONED: QT_TRANSLATE_NOOP("Labels", "Verschoben"),
            AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Abgesagt"),
        }[self]


class Department(StrEnum):
    MARKET_AND_INTEGRATION = "m-and-i"
    BENEFITS = "benefits"

    @property
    def label_de(self) -> str:
        return {
            Department.MARKET_AND_INTEGRATION: QT_TRANSLATE_NOOP(
                "Labels", "Markt und Integration (M&I)"
            ),
            Department.BENEFITS: QT_TRANSLATE_NOOP("Labels", "Leistungsgewährung"),
        }[self]


class ThirdPartyKind(StrEnum):
    AUTHORITY = "authority"
    SCHOOL = "school"
    TRAINING_PROVIDER = "training-provider"
    SOCIAL_SERVICE = "social-service"
    LAWYER = "lawyer"
    MEDICAL_SPECIALIST = "medical-specialist"
    OTHER = "other"

    @property
    def label_de(self) -> str:
        return {
            ThirdPartyKind.AUTHORITY: QT_TRANSLATE_NOOP("Labels", "Behörde"),
            ThirdPartyKind.SCHOOL: QT_TRANSLATE_NOOP("Labels", "Schule"),
            ThirdPartyKind.TRAINING_PROVIDER: QT_TRANSLATE_NOOP("Labels", "Bildungsträger"),
            ThirdPartyKind.SOCIAL_SERVICE: QT_TRANSLATE_NOOP("Labels", "Sozialer Dienst"),
            ThirdPartyKind.LAWYER: QT_TRANSLATE_NOOP("Labels", "Rechtsanwältin/Rechtsanwalt"),
            ThirdPartyKind.MEDICAL_SPECIALIST: QT_TRANSLATE_NOOP("Labels", "Fachärztin/Facharzt"),
            ThirdPartyKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Sonstige"),
        }[self]


class Language(StrEnum):
    """Preferred language of a client; decides the second language of printed forms."""

    GERMAN = "de"
    ENGLISH = "en"
    UKRAINIAN = "uk"
    RUSSIAN = "ru"
    TURKISH = "tr"
    ARABIC = "ar"
    OTHER = "other"

    @property
    def label_de(self) -> str:
        return {
            Language.GERMAN: QT_TRANSLATE_NOOP("Labels", "Deutsch"),
            Language.ENGLISH: QT_TRANSLATE_NOOP("Labels", "Englisch"),
            Language.UKRAINIAN: QT_TRANSLATE_NOOP("Labels", "Ukrainisch"),
            Language.RUSSIAN: QT_TRANSLATE_NOOP("Labels", "Russisch"),
            Language.TURKISH: QT_TRANSLATE_NOOP("Labels", "Türkisch"),
            Language.ARABIC: QT_TRANSLATE_NOOP("Labels", "Arabisch"),
            Language.OTHER: QT_TRANSLATE_NOOP("Labels", "Andere"),
        }[self]
