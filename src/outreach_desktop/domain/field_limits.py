"""The longest value each text field takes, in characters: one declaration per field.

The domain refuses a longer value when it is saved (`Checker.limit_text`/`require_text`, a
field error naming the field and the limit), for services, CLI and GUI alike; the GUI's edits
stop typing at the same number and the exchange's schemas bound the same fields with it. A
limit is never checked on reading: a value stored before a limit existed still opens and
shows in full. Protocol drafts are checked only where a text changed (`Protocol.validate`).

The numbers fit the use: names and places a line, addresses and contacts a few lines, notes and
reasons a paragraph or two, the texts of a memory protocol pages (20,000 characters, about
eight pages each: the limit the exchange format has always had, so no office refuses them).
"""

from __future__ import annotations

# ---- people ----------------------------------------------------------------------------------
NAME = 200  # a person's or an organisation's name (clients, staff, third parties, owner)
CLIENT_NAME = NAME
CUSTOMER_NUMBER = 20  # the pattern takes ten characters; typed with spaces, a few more
CLIENT_ADDRESS = 500
CLIENT_PHONE = 100  # the pattern allows 40 characters; this bounds the white space around them
CLIENT_REACHABILITY_NOTES = 2000
STAFF_NAME = NAME
STAFF_PHONE = CLIENT_PHONE
THIRD_PARTY_NAME = NAME
THIRD_PARTY_ADDRESS = 500
THIRD_PARTY_CONTACT = 500

# ---- appointments and what happens on site ---------------------------------------------------
APPOINTMENT_PLACE = 300
OUTCOME_REASON = 1000  # why an appointment was broken off
CORRECTION_REASON = 1000  # why an outcome was corrected
CALL_NOTE = 2000  # a phone attempt before a home visit
CHECKLIST_ANSWER = 2000  # a text answer to a checklist item

# ---- memory protocols ------------------------------------------------------------------------
PROTOCOL_TEXT = 20_000  # each of the protocol's texts (place, topics, course, agreements, …)
ADDENDUM_TEXT = PROTOCOL_TEXT
OTHER_PRESENT_NAME = 500
OTHER_PRESENT_ROLE = 500
TEMPLATE_TITLE = 100
TEMPLATE_BODY = 5000

# ---- consents --------------------------------------------------------------------------------
CONSENT_PURPOSE = 500
CONSENT_TOPICS = 2000
CONSENT_PERSON_NAME = 500  # others present (presence consent)
CONSENT_PERSON_ROLE = 500
OTHERS_PRESENT_LINES = 5000  # the GUI's list of those present, "name, role" one a line
CONSENT_PARTICIPATION_REASON = 2000
CONSENT_ORAL_WITNESS = 500
CONSENT_FORM_VERSION = 200
CONSENT_REVOKED_HOW = 2000
CONSENT_EVENT_DETAIL = 2000
TALK_NOTE = 500  # a talk with a third party under a release: a short note, no minutes

# ---- the agency and the exchange -------------------------------------------------------------
AGENCY_NAME = NAME
LETTERHEAD_LINE = NAME  # each line of the letterhead (department, street, phone, …)
ACKNOWLEDGEMENT_REASON = 2000

# ---- the vault -------------------------------------------------------------------------------
PROFILE_NAME = 100  # a folder's name: the file system takes 255 bytes
KEY_TEXT = 200  # an age public key as typed ("age1…", 62 characters)

# The GUI shows a counter under a multi-line edit once this share of its limit is used.
COUNTER_FROM = 0.9


def german_number(value: int) -> str:
    """20000 → "20.000", as German readers group digits."""
    return f"{value:,}".replace(",", ".")


def too_long(max_len: int, length: int) -> str:
    """The German field message for a value of `length` characters over `max_len`."""
    return f"Höchstens {german_number(max_len)} Zeichen (jetzt {german_number(length)})."


def over_limit(value: str, max_len: int) -> bool:
    return len(value) > max_len
