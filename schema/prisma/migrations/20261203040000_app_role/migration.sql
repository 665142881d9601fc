-- The application does not connect as the tables' owner (an owner may drop triggers, truncate, alter): it
-- connects as a login role that is a member of "tiean_app", which may read and write the tables but never
-- TRUNCATE one, nor UPDATE or DELETE the append-only ones (the audit trail, identity reads, refused commands),
-- nor change the schema. Migrations run as the owner. Creating the role needs CREATEROLE: a migrating user
-- without it is told to create the role itself (README, "Production deployment"), and the grants wait for it.
DO E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ''tiean_app'') THEN
    BEGIN
      CREATE ROLE tiean_app NOLOGIN\073
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE ''create the role tiean_app (NOLOGIN) and run the migrations again to grant it its rights''\073
      RETURN\073
    END\073
  END IF\073
  GRANT USAGE ON SCHEMA public TO tiean_app\073
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tiean_app\073
  REVOKE UPDATE, DELETE ON "AuditEntry", "SensitiveRead", "CommandRefusal" FROM tiean_app\073
  REVOKE ALL ON "_prisma_migrations" FROM tiean_app\073
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tiean_app\073
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tiean_app\073
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tiean_app\073
END';
