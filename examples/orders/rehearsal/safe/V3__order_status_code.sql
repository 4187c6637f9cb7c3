-- the fix of V3: the column alone (a catalog change, instant once it has its lock);
-- the scenario's safe strategy retries it under a short lock_timeout and backfills in batches
ALTER TABLE orders ADD COLUMN status_code smallint;
