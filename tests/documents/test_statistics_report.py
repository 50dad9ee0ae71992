"""The statistics report PDF: letterhead, both charts' titles, the table, every font embedded."""

from __future__ import annotations

from datetime import date

from documents.samples import Rendered
from outreach_desktop.documents import render_statistics_report
from outreach_desktop.domain.documents import Letterhead
from outreach_desktop.domain.statistics import AppointmentFacts, Grouping, compute
from outreach_desktop.domain.statistics_period import Period
from outreach_desktop.domain.statistics_report import chart_count, chart_rate, report_data
from outreach_desktop.domain.statistics_table import table
from outreach_desktop.domain.vocabulary import AppointmentStatus as S
from outreach_desktop.domain.vocabulary import Approach as A

HEAD = Letterhead("Jobcenter Beispielstadt", "Team Aufsuchende Beratung", "Amtsweg 1",
                  "12345 Beispielstadt", "030 1234", "team@example.org")  # fmt: skip


def test_the_report_renders_with_embedded_fonts() -> None:
    facts = [
        AppointmentFacts(
            A.WALK_AND_TALK, date(2026, 3, d), S.DONE, ("a",), follow_ups=(S.DONE,) if d % 2 else ()
        )
        for d in range(1, 11)
    ]
    facts.append(AppointmentFacts(A.HOME_VISIT, date(2026, 4, 2), S.ENDED_AT_DOOR, ("a",)))
    period = Period.quarter(2026, 1)
    by_approach = compute(facts, [], Period.year(2026), Grouping.APPROACH)
    by_month = compute(facts, [], Period.year(2026), Grouping.MONTH)
    data = report_data(by_approach, by_month, table(by_approach), HEAD, "Eigene Termine",
                       date(2026, 4, 30), 3)  # fmt: skip
    assert data.outcome_series[0][1][0] == 10  # Walk and Talk, done
    assert data.outcome_series[2][1][2] is None  # one home visit at the door: no bar
    assert data.follow_up_rates[2] == 50.0 and data.follow_up_rates[0] is None
    doc = Rendered(render_statistics_report(data))
    text = doc.poppler_text()
    for part in (
        "Jobcenter Beispielstadt",
        "Auswertung der aufsuchenden Beratung",
        "Termine je Handlungsansatz und Ergebnis",
        "Folgetermine im Verlauf",
        "Kennzahlen",
        "Termine im Zeitraum",
        "< 3",
        f"Seite {doc.pages}/{doc.pages}",
    ):
        assert part in text, part  # fmt: skip
    for page in doc.reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in ref.get_object()["/FontDescriptor"].get_object()
    assert period.label_de == "1. Quartal 2026"


def test_chart_values_follow_the_table_rule() -> None:
    assert [chart_count(n, 3) for n in (0, 1, 2, 3)] == [0, None, None, 3]
    assert chart_rate(5, 10, 3) == 50.0 and chart_rate(1, 10, 3) is None
    assert chart_rate(0, 0, 3) is None
