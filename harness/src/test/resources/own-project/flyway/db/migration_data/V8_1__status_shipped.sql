INSERT INTO statuses VALUES ('shipped');
