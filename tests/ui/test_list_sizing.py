"""A long list is shown without reading every cell: the columns are sized by a sample of rows
(sizing by all of them read ~62,000 cells per Termine refresh on a large vault). Counted, never
timed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from outreach_desktop.domain.people import Client
from outreach_desktop.services.vaults import create_vault
from outreach_desktop.ui.list_page import SIZE_SAMPLE
from outreach_desktop.ui.table_model import RowTableModel
from testkit import FAST_KDF, PASSPHRASE

CLIENTS_PAGE = 2


@pytest.fixture
def window(make_window: Any, vault_dir: Path) -> Any:
    session = create_vault(vault_dir, PASSPHRASE, owner_name="Alex Beispiel", kdf=FAST_KDF)
    with session.transaction():
        for n in range(400):
            session.clients.save(Client(display_name=f"Kundin Nummer {n:03d}"))
    w = make_window(vault_dir)
    w.open_session(session)
    return w


def test_a_long_list_reads_a_sample_of_its_cells(
    window: Any, settle: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = [0]
    data = RowTableModel.data

    def counted(self: Any, index: Any, role: int = 0) -> Any:
        reads[0] += 1
        return data(self, index, role)

    monkeypatch.setattr(RowTableModel, "data", counted)
    window.workspace.show_page(CLIENTS_PAGE)
    page = window.workspace.clients_page
    page.refresh()
    settle(page)
    while page.model.canFetchMore():  # read a page at a time: scrolled to the end
        page.model.fetchMore()
    assert page.model.rowCount() == 400
    reads[0] = 0
    page.table.sizeHintForColumn(1)  # what sizing a column to its contents asks
    # by every row: each of the 400 rows' cells for several roles; by a sample: far fewer
    assert 0 < reads[0] < 2 * 400, reads[0]  # here 3,200 reads by all rows, 400 by 50
    assert page.table.horizontalHeader().resizeContentsPrecision() == SIZE_SAMPLE
