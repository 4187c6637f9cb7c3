ALTER TABLE customers ADD COLUMN email text;
CREATE UNIQUE INDEX customers_email ON customers (email);
