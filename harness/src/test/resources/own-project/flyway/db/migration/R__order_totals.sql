CREATE OR REPLACE VIEW order_totals AS
  SELECT customer_id, count(*) AS orders, sum(total) AS total FROM orders GROUP BY customer_id;
