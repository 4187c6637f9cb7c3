-- pending (production runs V2): a status code for the new reporting service.
-- Risky: the ALTER takes ACCESS EXCLUSIVE on orders, and the UPDATE in the same transaction keeps
-- it until COMMIT; if a long query holds orders when it starts, every read and write of orders
-- queues behind it.
ALTER TABLE orders ADD COLUMN status_code smallint;
UPDATE orders SET status_code = CASE status WHEN 'new' THEN 1 WHEN 'paid' THEN 2 ELSE 3 END;
