"""The built-in checklist files (resources/checklists/) and the agency override mechanism.

Every rule of the agency's instruction (catalogue in resources/checklists/rules/) must be
implemented by at least one checklist item, and the hard rules must be items that block."""

from __future__ import annotations

import re
import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from outreach_desktop.domain.checklists import (
    Answer,
    Checklist,
    Item,
    ItemKind,
    Phase,
    Transition,
    evaluate,
)
from outreach_desktop.domain.conduct import HARD_RULES
from outreach_desktop.domain.consents import ConsentKind
from outreach_desktop.domain.prefill_sources import PrefillSource
from outreach_desktop.domain.vocabulary import Approach
from outreach_desktop.services.checklists import ChecklistSet, builtin_dir, load_checklists

BUILTIN = builtin_dir()
RULES_FILE = BUILTIN / "rules" / "agency-rules.toml"

EXPECTED = {
    "walk-and-talk": (Approach.WALK_AND_TALK, "wt."),
    "accompaniment": (Approach.ACCOMPANIMENT, "acc."),
    "home-visit": (Approach.HOME_VISIT, "hv."),
    "data-protection": (None, "dp."),
}

# Facts the app computes from the appointment (besides answered yes-no and tick items).
COMPUTED_FACTS = {
    "first_meeting",
    "spontaneous",
    "walk_and_talk",
    "accompaniment",
    "home_visit",
    "second_staff",
    "failed_calls_enough",
    "announcement_sent",
    "reminder_sent",
    "agreed_by_phone",
    "third_party_set",
    "not_own_caseload",
    "follow_up_planned",
    "protocol_finalized",
    "map_documented",
    "documented",
    "verbis_documented",
    "eakte_documented",
    "client_known",
}

# Sections of the instruction whose bullets must all be in the catalogue.
RULE_SECTIONS = {"2.2", "3.2", "4.2", "5", "6"}

PHASE_ORDER = {Phase.PREPARATION: 0, Phase.ON_SITE: 1, Phase.FOLLOW_UP: 2}
NOW = datetime(2026, 3, 2, 10, 0)


@pytest.fixture
def checklists(tmp_path: Path) -> ChecklistSet:
    overrides = tmp_path / "no-overrides"
    overrides.mkdir()
    return load_checklists(builtin=BUILTIN, overrides=overrides)


def all_items(checklists: ChecklistSet) -> list[tuple[Checklist, Item]]:
    return [(c, item) for c in checklists.checklists.values() for item in c.items]


def item_of(checklists: ChecklistSet, checklist_id: str, item_id: str) -> Item:
    return next(i for i in checklists.checklists[checklist_id].items if i.id == item_id)


def rule_catalogue() -> list[dict[str, str]]:
    return tomllib.loads(RULES_FILE.read_text("utf-8"))["rules"]


def answers(**values: bool) -> dict[str, Answer]:
    """answers(dp__others_present=True) → {"dp.others_present": Answer(...)}"""
    return {
        key.replace("__", "."): Answer(key.replace("__", "."), value, NOW)
        for key, value in values.items()
    }


# ---- the files load ------------------------------------------------------------------------
def test_all_four_builtin_checklists_load(checklists: ChecklistSet) -> None:
    assert checklists.problems == []
    assert set(checklists.checklists) == set(EXPECTED)
    for checklist_id, (approach, _prefix) in EXPECTED.items():
        checklist = checklists.checklists[checklist_id]
        assert checklist.version == (2 if checklist_id == "data-protection" else 1)
        assert checklist.approach is approach
        assert (BUILTIN / f"{checklist_id}.toml").is_file(), "id must equal the file stem"


def test_rules_catalogue_is_not_globbed_as_a_checklist() -> None:
    assert RULES_FILE.is_file()
    assert RULES_FILE.parent != BUILTIN
    assert not list(BUILTIN.glob("rules*.toml"))


def test_each_approach_gets_its_own_checklist_and_data_protection(
    checklists: ChecklistSet,
) -> None:
    for approach in Approach:
        ids = [c.id for c in checklists.for_approach(approach)]
        assert ids == [approach.value, "data-protection"]


def test_item_ids_are_prefixed_snake_case_and_unique_across_files(
    checklists: ChecklistSet,
) -> None:
    seen: dict[str, str] = {}
    for checklist, item in all_items(checklists):
        prefix = EXPECTED[checklist.id][1]
        assert item.id.startswith(prefix), item.id
        assert re.fullmatch(r"[a-z]+\.[a-z][a-z0-9_]*", item.id), item.id
        assert item.id not in seen, f"{item.id} in {checklist.id} and {seen[item.id]}"
        seen[item.id] = checklist.id


def test_every_phase_is_used_by_every_checklist(checklists: ChecklistSet) -> None:
    for checklist in checklists.checklists.values():
        assert {item.phase for item in checklist.items} == set(Phase), checklist.id


# ---- the rule catalogue --------------------------------------------------------------------
def test_rule_catalogue_is_well_formed() -> None:
    rules = rule_catalogue()
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids)), "duplicate rule ids"
    for rule in rules:
        assert set(rule) == {"id", "section", "text_de"}, rule
        assert re.fullmatch(r"(GEN|WT|ACC|HV|DP|DOC)-\d+", rule["id"]), rule["id"]
        assert rule["text_de"].strip(), rule["id"]
    assert {rule["section"] for rule in rules} >= RULE_SECTIONS


def test_every_rule_is_implemented_by_an_item(checklists: ChecklistSet) -> None:
    implemented = {rule for _c, item in all_items(checklists) for rule in item.rules}
    uncovered = [rule["id"] for rule in rule_catalogue() if rule["id"] not in implemented]
    assert not uncovered, f"rules without a checklist item: {', '.join(uncovered)}"


def test_every_rule_an_item_names_exists(checklists: ChecklistSet) -> None:
    known = {rule["id"] for rule in rule_catalogue()}
    unknown = sorted(
        f"{item.id} → {rule}"
        for _c, item in all_items(checklists)
        for rule in item.rules
        if rule not in known
    )
    assert not unknown, f"items name rules missing from the catalogue: {', '.join(unknown)}"


# ---- the hard rules ------------------------------------------------------------------------
HARD_RULE_ITEMS = [
    ("home-visit", "hv.written_consent", ConsentKind.HOME_VISIT, Transition.ENTER_HOME, ()),
    (
        "data-protection",
        "dp.presence_consent",
        ConsentKind.PRESENCE,
        Transition.OTHERS_PRESENT,
        ("dp.others_present",),
    ),
    (
        "data-protection",
        "dp.confidentiality_release",
        ConsentKind.CONFIDENTIALITY_RELEASE,
        Transition.THIRD_PARTY_ALONE,
        ("dp.third_party_talk_planned",),
    ),
    ("accompaniment", "acc.consent", ConsentKind.ACCOMPANIMENT, Transition.START, ()),
]


@pytest.mark.parametrize(("checklist_id", "item_id", "kind", "transition", "when"), HARD_RULE_ITEMS)
def test_hard_rule_items_block(
    checklists: ChecklistSet,
    checklist_id: str,
    item_id: str,
    kind: ConsentKind,
    transition: Transition,
    when: tuple[str, ...],
) -> None:
    checklist = checklists.checklists[checklist_id]
    item = next((i for i in checklist.items if i.id == item_id), None)
    assert item is not None, f"{item_id} missing from {checklist_id}"
    assert item.kind is ItemKind.CONSENT
    assert item.consent is kind
    assert item.blocks is transition
    assert item.required
    assert item.when == when
    for condition in when:
        trigger = next(i for i in checklist.items if i.id == condition)
        assert trigger.kind is ItemKind.YES_NO, condition


def test_home_visit_consent_says_the_door_is_always_possible(checklists: ChecklistSet) -> None:
    item = item_of(checklists, "home-visit", "hv.written_consent")
    assert "tür" in item.help_de.lower()
    assert "door" in item.help_en


def test_every_hard_rule_of_the_conduct_flow_has_a_blocking_item(checklists: ChecklistSet) -> None:
    for transition, (kind, _message) in HARD_RULES.items():
        assert any(
            item.kind is ItemKind.CONSENT and item.consent is kind and item.blocks is transition
            for _c, item in all_items(checklists)
        ), transition


def test_home_visit_entry_blocked_until_consent(checklists: ChecklistSet) -> None:
    lists = checklists.for_approach(Approach.HOME_VISIT)
    facts = {"home_visit": True}
    status = evaluate(lists, facts, {}, set())
    assert [s.item.id for s in status.blockers(Transition.ENTER_HOME)] == ["hv.written_consent"]
    status = evaluate(lists, facts, {}, {ConsentKind.HOME_VISIT})
    assert status.blockers(Transition.ENTER_HOME) == []


def test_others_present_needs_presence_consent(checklists: ChecklistSet) -> None:
    lists = checklists.for_approach(Approach.WALK_AND_TALK)
    facts = {"walk_and_talk": True}
    nobody = evaluate(lists, facts, answers(dp__others_present=False), set())
    assert nobody.blockers(Transition.OTHERS_PRESENT) == []
    others = evaluate(lists, facts, answers(dp__others_present=True), set())
    assert [s.item.id for s in others.blockers(Transition.OTHERS_PRESENT)] == [
        "dp.presence_consent"
    ]
    consented = evaluate(lists, facts, answers(dp__others_present=True), {ConsentKind.PRESENCE})
    assert consented.blockers(Transition.OTHERS_PRESENT) == []


def test_third_party_alone_needs_release(checklists: ChecklistSet) -> None:
    lists = checklists.for_approach(Approach.ACCOMPANIMENT)
    planned = answers(dp__third_party_talk_planned=True)
    status = evaluate(lists, {"accompaniment": True}, planned, {ConsentKind.ACCOMPANIMENT})
    assert [s.item.id for s in status.blockers(Transition.THIRD_PARTY_ALONE)] == [
        "dp.confidentiality_release"
    ]
    released = {ConsentKind.ACCOMPANIMENT, ConsentKind.CONFIDENTIALITY_RELEASE}
    status = evaluate(lists, {"accompaniment": True}, planned, released)
    assert status.blockers(Transition.THIRD_PARTY_ALONE) == []


def test_accompaniment_starts_only_with_consent(checklists: ChecklistSet) -> None:
    lists = checklists.for_approach(Approach.ACCOMPANIMENT)
    status = evaluate(lists, {"accompaniment": True, "third_party_set": True}, {}, set())
    assert [s.item.id for s in status.blockers(Transition.START)] == ["acc.consent"]
    status = evaluate(lists, {"accompaniment": True}, {}, {ConsentKind.ACCOMPANIMENT})
    assert status.blockers(Transition.START) == []


def test_first_meeting_brings_recognition_sign_and_id(checklists: ChecklistSet) -> None:
    lists = checklists.for_approach(Approach.WALK_AND_TALK)
    wanted = {"dp.recognition_sign", "dp.id_documents_requested"}

    def applicable(facts: dict[str, bool]) -> set[str]:
        return {s.item.id for s in evaluate(lists, facts, {}, set()).applicable()}

    assert wanted <= applicable({"walk_and_talk": True, "first_meeting": True})
    assert not wanted & applicable({"walk_and_talk": True, "first_meeting": False})


def test_closing_needs_documentation_unless_anonymous(checklists: ChecklistSet) -> None:
    lists = checklists.for_approach(Approach.WALK_AND_TALK)
    facts = {"walk_and_talk": True, "client_known": True}
    status = evaluate(lists, facts, {}, set())
    open_ = {s.item.id for s in status.blockers(Transition.CLOSE)}
    assert {"dp.memory_protocol", "wt.agreements_documented"} <= open_
    assert "dp.anonymous" not in {s.item.id for s in status.applicable()}  # a named client
    nameless = {"walk_and_talk": True}  # an anonymous appointment asks, and keeps no protocol
    assert "dp.anonymous" in {s.item.id for s in evaluate(lists, nameless, {}, set()).applicable()}
    anonymous = evaluate(lists, nameless, answers(dp__anonymous=True), set())
    assert anonymous.blockers(Transition.CLOSE) == []


def test_a_missing_second_staff_member_warns_but_does_not_block(checklists: ChecklistSet) -> None:
    item = item_of(checklists, "home-visit", "hv.second_staff")
    assert item.kind is ItemKind.FACT and item.fact == "second_staff"
    assert not item.required and item.blocks is None


# ---- conditions and facts ------------------------------------------------------------------
@pytest.mark.parametrize("approach", list(Approach))
def test_facts_and_conditions_name_known_facts(
    checklists: ChecklistSet, approach: Approach
) -> None:
    lists = checklists.for_approach(approach)
    answerable = {
        item.id: item
        for c in lists
        for item in c.items
        if item.kind in (ItemKind.YES_NO, ItemKind.TICK)
    }
    bad: list[str] = []
    for checklist in lists:
        for item in checklist.items:
            if item.fact and item.fact not in COMPUTED_FACTS:
                bad.append(f"{item.id}: fact {item.fact!r}")
            for condition in item.when:
                name = condition.removeprefix("!")
                if name in COMPUTED_FACTS:
                    continue
                trigger = answerable.get(name)
                if trigger is None:
                    bad.append(f"{item.id}: when {condition!r}")
                elif PHASE_ORDER[trigger.phase] > PHASE_ORDER[item.phase]:
                    bad.append(f"{item.id}: when {condition!r} is answered in a later phase")
    assert not bad, "unknown facts or conditions: " + "; ".join(bad)


def test_kinds_carry_what_they_need(checklists: ChecklistSet) -> None:
    for _c, item in all_items(checklists):
        if item.expect is not None:
            assert item.kind is ItemKind.YES_NO, item.id
        if item.fact:  # a tick item may also be met by a fact (the MAP is VerBIS)
            assert item.kind in (ItemKind.FACT, ItemKind.TICK), item.id
        if item.consent is not None:  # or a tick the prepared form answers
            prepared = item.prefill is PrefillSource.CONSENT_RECORD
            assert item.kind is (ItemKind.TICK if prepared else ItemKind.CONSENT), item.id
        if item.choices:
            assert item.kind is ItemKind.CHOICE, item.id
            assert len({c.id for c in item.choices}) == len(item.choices), item.id


# ---- success measures ----------------------------------------------------------------------
@pytest.mark.parametrize("approach", list(Approach))
def test_every_approach_has_a_success_measure(checklists: ChecklistSet, approach: Approach) -> None:
    own = checklists.checklists[approach.value]
    success = [item for item in own.items if item.success]
    assert success, approach
    for item in success:
        assert item.phase is Phase.FOLLOW_UP, item.id
        assert not item.required and item.blocks is None, item.id


def test_walk_and_talk_success_counts_follow_up_appointments(checklists: ChecklistSet) -> None:
    item = item_of(checklists, "walk-and-talk", "wt.follow_up_appointment")
    assert item.success and item.kind is ItemKind.FACT and item.fact == "follow_up_planned"


# ---- wording -------------------------------------------------------------------------------
def test_every_item_has_german_and_english_texts(checklists: ChecklistSet) -> None:
    missing: list[str] = []
    for checklist in checklists.checklists.values():
        if not (checklist.title_de.strip() and checklist.title_en.strip()):
            missing.append(f"{checklist.id}: title")
        for item in checklist.items:
            for key in ("label_de", "label_en", "help_de", "help_en"):
                if not getattr(item, key).strip():
                    missing.append(f"{item.id}: {key}")
            for choice in item.choices:
                if not (choice.label_de.strip() and choice.label_en.strip()):
                    missing.append(f"{item.id}: choice {choice.id}")
    assert not missing, "missing texts: " + ", ".join(missing)


def test_german_texts_do_not_address_the_reader_with_du(checklists: ChecklistSet) -> None:
    du = re.compile(r"\b(du|dich|dir|dein\w*)\b", re.IGNORECASE)
    offending = [
        item.id for _c, item in all_items(checklists) if du.search(item.label_de + item.help_de)
    ]
    assert not offending


def test_home_visit_records_no_findings_about_the_household(checklists: ChecklistSet) -> None:
    """Counselling, not an inspection: no free-text notes on site during a home visit."""
    items = checklists.checklists["home-visit"].items
    assert not [i.id for i in items if i.phase is Phase.ON_SITE and i.kind is ItemKind.TEXT]
    assert not [i.id for i in items if "Befund" in i.label_de]


# ---- agency overrides ----------------------------------------------------------------------
def builtin_text(checklist_id: str) -> str:
    return (BUILTIN / f"{checklist_id}.toml").read_text("utf-8")


def bumped(text: str, version: int = 2) -> str:
    new, count = re.subn(r"(?m)^version = 1$", f"version = {version}", text)
    assert count == 1
    return new


def test_a_valid_override_replaces_the_builtin(tmp_path: Path) -> None:
    text = bumped(builtin_text("walk-and-talk")).replace(
        'title_de = "Walk and Talk"', 'title_de = "Walk and Talk (Landkreis)"'
    )
    (tmp_path / "walk-and-talk.toml").write_text(text, "utf-8")
    result = load_checklists(builtin=BUILTIN, overrides=tmp_path)
    assert result.problems == []
    assert result.checklists["walk-and-talk"].version == 2
    assert result.checklists["walk-and-talk"].title_de == "Walk and Talk (Landkreis)"
    assert result.checklists["home-visit"].version == 1


def test_an_override_with_a_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    lines = bumped(builtin_text("home-visit")).splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("title_de ="))
    lines[number - 1] = 'title_de = "Hausbesuch'  # unterminated string
    (tmp_path / "home-visit.toml").write_text("\n".join(lines) + "\n", "utf-8")
    result = load_checklists(builtin=BUILTIN, overrides=tmp_path)
    assert result.checklists["home-visit"].version == 1  # the built-in one
    [problem] = result.problems
    assert "home-visit.toml" in str(problem)
    assert f"Zeile {number}" in str(problem)


def test_an_override_with_a_syntax_error_falls_back_to_the_builtin(tmp_path: Path) -> None:
    text = bumped(builtin_text("home-visit")).replace(
        'title_de = "Hausbesuch"', 'title_de = "Hausbesuch'
    )
    (tmp_path / "home-visit.toml").write_text(text, "utf-8")
    result = load_checklists(builtin=BUILTIN, overrides=tmp_path)
    assert result.checklists["home-visit"].version == 1
    [problem] = result.problems
    assert problem.source == "home-visit.toml"
    assert "TOML" in str(problem)


def test_an_override_with_an_unknown_kind_names_the_item(tmp_path: Path) -> None:
    text = bumped(builtin_text("walk-and-talk"))
    text = text.replace('kind = "text"', 'kind = "freitext"', 1)  # the first text item
    (tmp_path / "walk-and-talk.toml").write_text(text, "utf-8")
    result = load_checklists(builtin=BUILTIN, overrides=tmp_path)
    assert result.checklists["walk-and-talk"].version == 1
    [problem] = result.problems
    assert problem.source == "walk-and-talk.toml"
    assert "wt.meeting_point" in problem.where
    assert "freitext" in str(problem)


def test_an_override_for_an_unknown_checklist_is_reported(tmp_path: Path) -> None:
    text = builtin_text("walk-and-talk").replace('id = "walk-and-talk"', 'id = "bike-and-talk"', 1)
    (tmp_path / "bike-and-talk.toml").write_text(text, "utf-8")
    result = load_checklists(builtin=BUILTIN, overrides=tmp_path)
    assert "bike-and-talk" not in result.checklists
    assert set(result.checklists) == set(EXPECTED)
    [problem] = result.problems
    assert problem.source == "bike-and-talk.toml"
    assert "bike-and-talk" in str(problem)


def test_a_broken_override_leaves_the_other_overrides_in_force(tmp_path: Path) -> None:
    (tmp_path / "accompaniment.toml").write_text(bumped(builtin_text("accompaniment"), 3), "utf-8")
    (tmp_path / "home-visit.toml").write_text("id = [\n", "utf-8")
    result = load_checklists(builtin=BUILTIN, overrides=tmp_path)
    assert result.checklists["accompaniment"].version == 3
    assert result.checklists["home-visit"].version == 1
    assert [p.source for p in result.problems] == ["home-visit.toml"]


def test_only_what_the_instruction_asks_is_required(checklists: ChecklistSet) -> None:
    items = {i.id: i for c in checklists.checklists.values() for i in c.items}
    # Leader involvement is a rule for Walk and Talk (§2.2) and Begleitung (§3.2) only.
    assert items["wt.leader"].required and items["acc.leader"].required
    assert not items["hv.leader"].required and not items["hv.leader_date"].required
    # No rule asks for these: offered, not required.
    assert not items["acc.time_buffer"].required
    assert not items["hv.mutual_reachability"].required
    # Mutual reachability in an accompaniment follows the coordination with all parties.
    assert items["acc.mutual_reachability"].rules == ("ACC-7",)
