CREATE TABLE statuses (name text PRIMARY KEY);
INSERT INTO statuses VALUES ('new'), ('paid');
