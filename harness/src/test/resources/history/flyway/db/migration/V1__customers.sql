-- the first table of the history; ${schema} is a Flyway placeholder
CREATE TABLE ${schema}.customers (
  id bigint PRIMARY KEY,
  name text NOT NULL
);
