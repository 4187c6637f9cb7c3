-- production's last data migration
UPDATE customers SET tier = 'standard' WHERE tier IS NULL;
