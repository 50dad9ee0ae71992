"""Enumerations of the domain, with the German labels the agency uses."""

from __future__ import annotations

from enum import StrEnum


class Approach(StrEnum):
    WALK_AND_TALK = "walk-and-talk"
    ACCOMPANIMENT = "accompaniment"
    HOME_VISIT = "home-visit"

    @property
    def label_de(self) -> str:
        return {
            Approach.WALK_AND_TALK: "Walk and Talk",
            Approach.ACCOMPANIMENT: "Begleitung zu Dritten",
            Approach.HOME_VISIT: "Hausbesuch",
        }[self]


class AppointmentStatus(StrEnum):
    """Where an appointment stands; everything after IN_PROGRESS is an outcome."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"
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
            AppointmentStatus.PLANNED: "Geplant",
            AppointmentStatus.IN_PROGRESS: "Läuft",
            AppointmentStatus.DONE: "Durchgeführt",
            AppointmentStatus.ENDED_AT_DOOR: "An der Tür beendet",
            AppointmentStatus.BROKEN_OFF: "Abgebrochen",
            AppointmentStatus.NOT_MET: "Nicht angetroffen",
            AppointmentStatus.POSTPONED: "Verschoben",
            AppointmentStatus.CANCELLED: "Abgesagt",
        }[self]


class Department(StrEnum):
    MARKET_AND_INTEGRATION = "m-and-i"
    BENEFITS = "benefits"

    @property
    def label_de(self) -> str:
        return {
            Department.MARKET_AND_INTEGRATION: "Markt und Integration (M&I)",
            Department.BENEFITS: "Leistungsgewährung",
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
            ThirdPartyKind.AUTHORITY: "Behörde",
            ThirdPartyKind.SCHOOL: "Schule",
            ThirdPartyKind.TRAINING_PROVIDER: "Bildungsträger",
            ThirdPartyKind.SOCIAL_SERVICE: "Sozialer Dienst",
            ThirdPartyKind.LAWYER: "Rechtsanwältin/Rechtsanwalt",
            ThirdPartyKind.MEDICAL_SPECIALIST: "Fachärztin/Facharzt",
            ThirdPartyKind.OTHER: "Sonstige",
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
            Language.GERMAN: "Deutsch",
            Language.ENGLISH: "Englisch",
            Language.UKRAINIAN: "Ukrainisch",
            Language.RUSSIAN: "Russisch",
            Language.TURKISH: "Türkisch",
            Language.ARABIC: "Arabisch",
            Language.OTHER: "Andere",
        }[self]
