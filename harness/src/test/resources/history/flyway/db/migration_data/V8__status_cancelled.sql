INSERT INTO statuses VALUES ('cancelled');
