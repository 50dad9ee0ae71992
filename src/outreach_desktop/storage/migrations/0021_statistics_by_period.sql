-- The statistics read a period's figures grouped by month (the Auswertung page, the report,
-- the CSV). Schema 19 ordered the month indexes by the facts counted so that the grouped read
-- never sorts, but with the month behind them the period was a filter, not a seek: the first
-- visit of the page read and decrypted every year's rows of both indexes to count one year.
-- Led by the month (after the item for the answers), the period's months are one range of each
-- index and the groups still come in index order (month first), so nothing is sorted either.
-- Every read but the one by staff groups by month now (by approach, the months are added up).

DROP INDEX statistics_facts_by_month;
CREATE INDEX statistics_facts_by_month ON statistics_facts (month, approach, status, anonymous,
    first_meeting, follow_ups, success, failed_calls, day, real_min, planned_min, buffer_min,
    announcement_on, reminder_on);

DROP INDEX statistics_answers_by_month;
CREATE INDEX statistics_answers_by_month ON statistics_answers (item_id, month, approach,
    occasion, value, day);
