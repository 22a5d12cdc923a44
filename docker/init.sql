-- Runs once when the compose PostgreSQL volume is created. The gateway's migrations create
-- everything else (including the ICU collation audit_fold); this only makes sure ICU is usable.
SELECT 1 FROM pg_collation WHERE collprovider = 'i' LIMIT 1;
