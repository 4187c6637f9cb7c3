-- not yet in production (the scenario's target is 8)
CREATE TABLE audit_log (id bigserial PRIMARY KEY, happened_at timestamptz NOT NULL DEFAULT now());
