-- pending: built without blocking writes; Flyway runs it outside a transaction
CREATE INDEX CONCURRENTLY orders_end_time ON orders (end_time);
