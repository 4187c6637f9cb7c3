-- fixed: the column alone (a catalog change, instant); the values are backfilled in batches after it
ALTER TABLE orders ADD COLUMN status_code smallint;
