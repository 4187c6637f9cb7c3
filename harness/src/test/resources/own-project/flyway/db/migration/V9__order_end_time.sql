ALTER TABLE orders ADD COLUMN end_time timestamptz;
