"""Checklists as data: items per phase, conditions on the appointment, and the transitions
they block. Files are parsed elsewhere (services); this module validates and evaluates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.errors import DomainError
from outreach_desktop.domain.labels import QT_TRANSLATE_NOOP
from outreach_desktop.domain.prefill_sources import PREFILL_KINDS, PrefillSource
from outreach_desktop.domain.vocabulary import Approach


class Phase(StrEnum):
    PREPARATION = "preparation"  # Vorbereitung
    ON_SITE = "on-site"  # Vor Ort
    FOLLOW_UP = "follow-up"  # Nachbereitung

    @property
    def label_de(self) -> str:
        return {
            Phase.PREPARATION: QT_TRANSLATE_NOOP("Labels", "Vorbereitung"),
            Phase.ON_SITE: QT_TRANSLATE_NOOP("Labels", "Vor Ort"),
            Phase.FOLLOW_UP: QT_TRANSLATE_NOOP("Labels", "Nachbereitung"),
        }[self]


class ItemKind(StrEnum):
    TICK = "tick"  # done / not done
    YES_NO = "yes-no"
    TEXT = "text"
    CHOICE = "choice"
    DATE = "date"
    PERSON = "person"  # a staff member
    FACT = "fact"  # computed from the appointment (calls, letters, second staff …)
    CONSENT = "consent"  # satisfied by a valid consent record


class Transition(StrEnum):
    """Steps of the conduct flow that an item may block."""

    START = "start"  # begin the appointment on site
    ENTER_HOME = "enter-home"  # home visit: go inside
    OTHERS_PRESENT = "others-present"  # continue with other persons present
    THIRD_PARTY_ALONE = "third-party-alone"  # talk to the third party without the client
    CLOSE = "close"  # finish the follow-up

    @property
    def label_de(self) -> str:
        return {
            Transition.START: QT_TRANSLATE_NOOP("Labels", "Termin beginnen"),
            Transition.ENTER_HOME: QT_TRANSLATE_NOOP("Labels", "in die Wohnung gehen"),
            Transition.OTHERS_PRESENT: QT_TRANSLATE_NOOP(
                "Labels", "mit weiteren anwesenden Personen fortfahren"
            ),
            Transition.THIRD_PARTY_ALONE: QT_TRANSLATE_NOOP(
                "Labels", "ohne die Kundin/den Kunden mit Dritten sprechen"
            ),
            Transition.CLOSE: QT_TRANSLATE_NOOP("Labels", "Nachbereitung abschließen"),
        }[self]


class ChecklistError(DomainError):
    """A checklist file is invalid; the message names the file and the place."""

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source, self.where, self.problem = source, where, problem
        super().__init__(f"{source}: {where}: {problem}")


@dataclass(frozen=True)
class Choice:
    id: str
    label_de: str
    label_en: str


@dataclass(frozen=True)
class Item:
    id: str
    phase: Phase
    kind: ItemKind
    label_de: str
    label_en: str
    help_de: str = ""
    help_en: str = ""
    required: bool = True
    when: tuple[str, ...] = ()  # facts that must all hold; "!fact" = must not hold
    blocks: Transition | None = None
    expect: bool | None = None  # yes-no items: the answer that satisfies the item
    fact: str = ""  # fact items: the fact that satisfies it; tick items: a fact that also does
    consent: ConsentKind | None = None  # consent items: the kind that satisfies the item
    choices: tuple[Choice, ...] = ()
    rules: tuple[str, ...] = ()  # ids of the agency rules this item implements
    success: bool = False  # part of the approach's success measure
    prefill: PrefillSource | None = None  # the recorded fact that answers it (checklist_prefill)

    def applies(self, facts: Mapping[str, bool]) -> bool:
        for condition in self.when:
            negated = condition.startswith("!")
            if bool(facts.get(condition.lstrip("!"), False)) == negated:
                return False
        return True

    def label(self, language: str) -> str:
        return self.label_en if language == "en" and self.label_en else self.label_de

    def help(self, language: str) -> str:
        return self.help_en if language == "en" and self.help_en else self.help_de


@dataclass(frozen=True)
class Checklist:
    id: str
    version: int
    title_de: str
    title_en: str
    approach: Approach | None  # None: applies to every approach (data protection)
    items: tuple[Item, ...]

    def applies_to(self, approach: Approach) -> bool:
        return self.approach is None or self.approach is approach


@dataclass(frozen=True)
class Answer:
    item_id: str
    value: Any  # bool for tick/yes-no, str otherwise (ISO date for dates, staff id for persons)
    answered_at: datetime
    answered_by: str | None = None
    source: PrefillSource | None = None  # taken from a recorded fact; None: the caseworker's


# ---- parsing -------------------------------------------------------------------------------
_TOP_KEYS = {"id", "version", "title_de", "title_en", "approach", "items"}
_ITEM_KEYS = {
    "id", "phase", "kind", "label_de", "label_en", "help_de", "help_en", "required", "when",
    "blocks", "expect", "fact", "consent", "choices", "rules", "success", "prefill",
}  # fmt: skip


def _enum(cls: Any, value: Any, source: str, where: str, key: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(v.value for v in cls)
        raise ChecklistError(
            source, where, f"{key} = {value!r} ist unbekannt ({allowed})"
        ) from None


def _text(data: Mapping[str, Any], key: str, source: str, where: str, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ChecklistError(source, where, f"{key} fehlt oder ist kein Text")
    return value


def _prefill(data: Mapping[str, Any], kind: ItemKind, source: str, where: str) -> Any:
    if "prefill" not in data:
        return None
    prefill = _enum(PrefillSource, data["prefill"], source, where, "prefill")
    if kind.value != PREFILL_KINDS[prefill]:
        raise ChecklistError(
            source, where, f"prefill = {prefill.value} passt nur zu kind = {PREFILL_KINDS[prefill]}"
        )
    if prefill is PrefillSource.CONSENT_RECORD and not data.get("consent"):
        raise ChecklistError(source, where, "prefill = consent-record braucht consent")
    return prefill


def parse_item(data: Mapping[str, Any], source: str, index: int) -> Item:
    where = f"Eintrag {index + 1}" + (f" ({data['id']})" if isinstance(data.get("id"), str) else "")
    unknown = set(data) - _ITEM_KEYS
    if unknown:
        raise ChecklistError(source, where, f"unbekannte Angabe(n): {', '.join(sorted(unknown))}")
    kind = _enum(ItemKind, data.get("kind"), source, where, "kind")
    choices = tuple(
        Choice(
            _text(c, "id", source, where),
            _text(c, "label_de", source, where),
            _text(c, "label_en", source, where, required=False),
        )
        for c in data.get("choices", [])
    )
    if kind is ItemKind.CHOICE and not choices:
        raise ChecklistError(source, where, "kind = choice braucht choices")
    if kind is ItemKind.FACT and not data.get("fact"):
        raise ChecklistError(source, where, "kind = fact braucht fact")
    if data.get("fact") and kind not in (ItemKind.FACT, ItemKind.TICK):
        raise ChecklistError(source, where, "fact gibt es nur bei kind = fact oder tick")
    consent = data.get("consent")
    if kind is ItemKind.CONSENT and not consent:
        raise ChecklistError(source, where, "kind = consent braucht consent")
    prefill = _prefill(data, kind, source, where)
    when = data.get("when", [])
    if isinstance(when, str):
        when = [when]
    expect = data.get("expect")
    if expect is not None and not isinstance(expect, bool):
        raise ChecklistError(source, where, "expect muss true oder false sein")
    return Item(
        id=_text(data, "id", source, where),
        phase=_enum(Phase, data.get("phase"), source, where, "phase"),
        kind=kind,
        label_de=_text(data, "label_de", source, where),
        label_en=_text(data, "label_en", source, where, required=False),
        help_de=_text(data, "help_de", source, where, required=False),
        help_en=_text(data, "help_en", source, where, required=False),
        required=bool(data.get("required", True)),
        when=tuple(str(w) for w in when),
        blocks=_enum(Transition, data["blocks"], source, where, "blocks")
        if "blocks" in data
        else None,
        expect=expect,
        fact=str(data.get("fact", "")),
        consent=_enum(ConsentKind, consent, source, where, "consent") if consent else None,
        choices=choices,
        rules=tuple(str(r) for r in data.get("rules", [])),
        success=bool(data.get("success", False)),
        prefill=prefill,
    )


def parse_checklist(data: Mapping[str, Any], source: str) -> Checklist:
    """Build a checklist from parsed TOML; raises ChecklistError naming file and place."""
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ChecklistError(source, "Kopf", f"unbekannte Angabe(n): {', '.join(sorted(unknown))}")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise ChecklistError(source, "Kopf", "version muss eine positive ganze Zahl sein")
    approach = data.get("approach", "all")
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise ChecklistError(source, "Kopf", "items fehlt oder ist leer")
    items = tuple(parse_item(item, source, i) for i, item in enumerate(raw_items))
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ChecklistError(source, item.id, "die id kommt doppelt vor")
        seen.add(item.id)
    return Checklist(
        id=_text(data, "id", source, "Kopf"),
        version=version,
        title_de=_text(data, "title_de", source, "Kopf"),
        title_en=_text(data, "title_en", source, "Kopf", required=False),
        approach=None
        if approach == "all"
        else _enum(Approach, approach, source, "Kopf", "approach"),
        items=items,
    )


# ---- evaluation ----------------------------------------------------------------------------
class ItemState(StrEnum):
    DONE = "done"
    OPEN = "open"
    NOT_APPLICABLE = "not-applicable"


@dataclass(frozen=True)
class ItemStatus:
    checklist: Checklist
    item: Item
    state: ItemState
    answer: Answer | None


def is_satisfied(
    item: Item, answer: Answer | None, facts: Mapping[str, bool], consents: set[ConsentKind]
) -> bool:
    if item.kind is ItemKind.FACT:
        return bool(facts.get(item.fact, False))
    if item.kind is ItemKind.CONSENT:
        return item.consent in consents
    if item.kind is ItemKind.TICK and item.fact and facts.get(item.fact, False):
        return True  # met by what is recorded elsewhere (the MAP is VerBIS): no second tick
    if answer is None:
        return False
    value = answer.value
    if item.kind is ItemKind.TICK:
        return value is True
    if item.kind is ItemKind.YES_NO:
        return isinstance(value, bool) and (item.expect is None or value is item.expect)
    if item.kind is ItemKind.CHOICE:
        return value in {c.id for c in item.choices}
    return isinstance(value, str) and bool(value.strip())


@dataclass(frozen=True)
class ChecklistStatus:
    items: tuple[ItemStatus, ...] = field(default_factory=tuple)

    def applicable(self, phase: Phase | None = None) -> list[ItemStatus]:
        return [
            s
            for s in self.items
            if s.state is not ItemState.NOT_APPLICABLE and (phase is None or s.item.phase is phase)
        ]

    def progress(self, phase: Phase | None = None) -> tuple[int, int]:
        """(done, total) over the required items that apply."""
        required = [s for s in self.applicable(phase) if s.item.required]
        return sum(s.state is ItemState.DONE for s in required), len(required)

    def blockers(self, transition: Transition) -> list[ItemStatus]:
        return [
            s
            for s in self.applicable()
            if s.item.blocks is transition and s.item.required and s.state is ItemState.OPEN
        ]

    def find(self, item_id: str) -> ItemStatus | None:
        return next((s for s in self.items if s.item.id == item_id), None)


def answer_facts(checklists: Iterable[Checklist], answers: Mapping[str, Answer]) -> dict[str, bool]:
    """Answers usable as facts in conditions: yes-no and tick items by id
    (e.g. "dp.others_present"), choices as "item=choice"."""
    facts: dict[str, bool] = {}
    for checklist in checklists:
        for item in checklist.items:
            answer = answers.get(item.id)
            if answer is None:
                continue
            if item.kind in (ItemKind.YES_NO, ItemKind.TICK):
                facts[item.id] = answer.value is True
            elif item.kind is ItemKind.CHOICE:
                facts[f"{item.id}={answer.value}"] = True  # when = ["acc.scope=in-conversation"]
    return facts


def evaluate(
    checklists: Iterable[Checklist],
    facts: Mapping[str, bool],
    answers: Mapping[str, Answer],
    consents: set[ConsentKind],
) -> ChecklistStatus:
    checklists = list(checklists)
    all_facts = {**facts, **answer_facts(checklists, answers)}
    statuses = []
    for checklist in checklists:
        for item in checklist.items:
            answer = answers.get(item.id)
            if not item.applies(all_facts):
                state = ItemState.NOT_APPLICABLE
            elif is_satisfied(item, answer, all_facts, consents):
                state = ItemState.DONE
            else:
                state = ItemState.OPEN
            statuses.append(ItemStatus(checklist, item, state, answer))
    return ChecklistStatus(tuple(statuses))
