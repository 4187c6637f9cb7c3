-- ${schema} is a Flyway placeholder, set by the scenario as the team's flyway.conf does
CREATE TABLE ${schema}.customers (
  id bigint PRIMARY KEY,
  name text NOT NULL
);
