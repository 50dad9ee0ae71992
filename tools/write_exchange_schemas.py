"""Rewrite the published JSON Schemas of the exchange's record members
(resources/exchange/schemas/<kind>.schema.json) from the field lists in
src/outreach_desktop/exchange/record_kinds.py. Run after changing a kind's fields; a test fails
while the files and the field lists disagree. Usage: python tools/write_exchange_schemas.py"""

from __future__ import annotations

from pathlib import Path

from outreach_desktop.exchange.schemas import write_schemas

TARGET = Path(__file__).resolve().parents[1] / "resources" / "exchange" / "schemas"

if __name__ == "__main__":
    for path in write_schemas(TARGET):
        print(path.relative_to(TARGET.parents[2]))
