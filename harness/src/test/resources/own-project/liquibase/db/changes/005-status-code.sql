--liquibase formatted sql

--changeset bob:5
ALTER TABLE orders ADD COLUMN status_code smallint;
UPDATE orders SET status_code = CASE status WHEN 'new' THEN 1 WHEN 'paid' THEN 2 ELSE 3 END;
SELECT pg_sleep(1.0);
