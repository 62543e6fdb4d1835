-- The audit log is append-only: no code path updates or deletes it, and the database refuses to.
-- (A retention job, if ever wanted, must be an explicit migration that drops this trigger.)
CREATE OR REPLACE FUNCTION oa_audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION oa_audit_log_append_only();
