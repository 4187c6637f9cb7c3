-- pending: a column and its backfill in one transaction; the ALTER's lock is held until COMMIT
ALTER TABLE orders ADD COLUMN status_code smallint;
UPDATE orders SET status_code = CASE status WHEN 'new' THEN 1 WHEN 'paid' THEN 2 ELSE 3 END;
-- the rest of a long data migration
SELECT pg_sleep(1.0);
