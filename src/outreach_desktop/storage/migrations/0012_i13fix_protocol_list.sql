-- The Protokolle list in its order (drafts first, then the newest meeting first) straight from
-- an index, a page at a time, instead of reading and sorting every protocol.
CREATE INDEX protocols_listing ON protocols ((finalized_at IS NOT NULL), met_at DESC);
