-- Rate-limit buckets are counters of the last minutes, not records: they need not survive a crash (PostgreSQL
-- empties an unlogged table after one, which only forgives the attempts of the last window). Unlogged, taking an
-- attempt writes no WAL and its commit waits for no disk flush: the public API takes one per message.
ALTER TABLE rate_limit_buckets SET UNLOGGED;
