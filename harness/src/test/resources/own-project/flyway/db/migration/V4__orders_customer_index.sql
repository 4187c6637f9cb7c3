-- written without a final semicolon, as teams do
CREATE INDEX orders_customer ON orders (customer_id)
