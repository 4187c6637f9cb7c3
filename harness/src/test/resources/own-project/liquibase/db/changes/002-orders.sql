--liquibase formatted sql

--changeset team:2
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  total numeric(10,2) NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id);
